// The certificate of inspection: one self-contained, printable HTML page (inline CSS, no scripts,
// no external resources) naming the code edition, the profile, the stages inspected, the inputs'
// digest, the decision, every verdict, the required elements left uninspected and every variance
// used — what a building inspector signs. Every string from the inputs is escaped.
#include <map>
#include <ostream>

#include "core/text.h"
#include "report/paths.h"
#include "report/report.h"

namespace mdbc::report {
namespace {

// Text as HTML character data or a quoted attribute value. printable() first, so invalid UTF-8
// and control characters from hostile inputs are shown as escapes rather than passed through.
std::string esc(std::string_view s) {
  const std::string text = printable(s, false);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* verdict_class(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::waived: return "waived";
    case Verdict::not_inspected: return "uninspected";
    case Verdict::not_applicable: return "na";
  }
  return "na";
}

std::string location(const Finding& f) {
  std::string s = f.path;
  if (f.line) {
    s += ":" + std::to_string(f.line);
    if (f.column) s += ":" + std::to_string(f.column);
  } else if (f.offset) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string digits;
    for (uint64_t v = f.offset; v; v >>= 4) digits.insert(digits.begin(), hex[v & 15]);
    s += " @0x" + digits;
  }
  return s;
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

constexpr const char* style = R"(
  @page { size: A4; margin: 16mm 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a;
         max-width: 62em; margin: 2em auto; padding: 0 1.5em; line-height: 1.4; }
  header { border-bottom: 3px double #1a1a1a; padding-bottom: .6em; margin-bottom: 1em; }
  h1 { font-size: 22pt; margin: 0; letter-spacing: .04em; }
  .subtitle { font-size: 11pt; color: #444; margin-top: .2em; }
  h2 { font-size: 13pt; border-bottom: 1px solid #999; padding-bottom: .15em; margin-top: 1.6em; page-break-after: avoid; }
  h3 { font-size: 11pt; margin: 1.1em 0 .3em; page-break-after: avoid; }
  .decision { font-size: 14pt; font-weight: bold; padding: .7em 1em; border: 2px solid; margin: 1em 0; }
  .decision.meets { color: #0b5d1e; background: #e3f4e6; border-color: #0b5d1e; }
  .decision.fails { color: #8b0000; background: #fbe4e4; border-color: #8b0000; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0; }
  th, td { border: 1px solid #bbb; padding: .25em .45em; text-align: left; vertical-align: top; }
  th { background: #eee; }
  tr { page-break-inside: avoid; }
  table.particulars th { width: 12em; background: #f6f6f6; font-weight: normal; color: #333; }
  td.num { text-align: right; }
  td.verdict { font-weight: bold; white-space: nowrap; }
  .pass { background: #d8f0dc; color: #0b5d1e; }
  .fail { background: #f8d3d3; color: #8b0000; }
  .waived { background: #fcefc7; color: #6b4e00; }
  .uninspected { background: #e4e8f2; color: #2b3a67; }
  .na { background: #f2f2f2; color: #666; }
  .sev-error { color: #8b0000; font-weight: bold; }
  .sev-warning { color: #8a5a00; font-weight: bold; }
  .sev-note { color: #2b3a67; }
  .expired { color: #8b0000; font-weight: bold; }
  code, .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; word-break: break-all; }
  .evidence { display: block; background: #f6f6f6; padding: .15em .4em; margin-top: .2em; white-space: pre-wrap; }
  .muted { color: #666; }
  footer { margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; font-size: 9pt; color: #444; }
)";

void findings_table(std::ostream& o, const std::vector<const Finding*>& findings) {
  o << "<table>\n<tr><th>Location</th><th>Severity</th><th>Finding</th><th>Fingerprint</th></tr>\n";
  for (const Finding* f : findings) {
    o << "<tr><td class=\"mono\">" << esc(location(*f)) << "</td><td class=\"sev-" << esc(to_string(f->severity)) << "\">"
      << esc(to_string(f->severity)) << "</td><td>" << esc(f->message) << " <span class=\"muted\">[" << esc(f->rule)
      << "]</span>";
    if (f->variance >= 0) o << "<br><span class=\"waived\">waived by variance #" << f->variance << "</span>";
    if (!f->evidence.empty()) o << "<code class=\"evidence\">" << esc(f->evidence) << "</code>";
    o << "</td><td class=\"mono\">" << esc(f->fingerprint) << "</td></tr>\n";
  }
  o << "</table>\n";
}

}  // namespace

void html(const Inspection& in, std::ostream& o) {
  const Profile& p = *in.profile;
  const CodeBook& code = *in.code;
  std::string stages;
  for (InputKind k : in.stages) stages += (stages.empty() ? "" : ", ") + std::string(to_string(k));

  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"generator\" content=\"" << tool_name << " " << tool_version << "\">\n"
    << "<title>Certificate of inspection — " << esc(inspected_name(in)) << "</title>\n<style>" << style
    << "</style>\n</head>\n<body>\n";

  o << "<header>\n<h1>Certificate of inspection</h1>\n<div class=\"subtitle\">" << esc(code.title()) << ", edition "
    << code.edition() << "</div>\n</header>\n";

  o << "<div class=\"decision " << (in.meets_code ? "meets" : "fails") << "\">" << esc(inspected_name(in)) << " "
    << esc(decision_sentence(in)) << ".</div>\n";

  o << "<h2>Particulars</h2>\n<table class=\"particulars\">\n";
  o << "<tr><th>Building code</th><td>edition " << code.edition() << "</td></tr>\n";
  o << "<tr><th>Profile</th><td><b>" << esc(p.name) << "</b>: software safety class " << esc(p.device_class) << ", "
    << (p.connected ? "connected" : "not connected") << ". " << esc(p.description) << "</td></tr>\n";
  o << "<tr><th>Stages inspected</th><td>" << (stages.empty() ? "none" : esc(stages)) << "</td></tr>\n";
  o << "<tr><th>Inputs</th><td class=\"mono\">";
  for (size_t i = 0; i < in.roots.size(); ++i) o << (i ? "<br>" : "") << esc(printable(in.roots[i]));
  o << "</td></tr>\n";
  o << "<tr><th>Files inspected</th><td>" << in.files << " (" << in.bytes << " bytes)</td></tr>\n";
  o << "<tr><th>Inputs digest</th><td class=\"mono\">SHA-256 " << esc(in.inputs_sha256) << "</td></tr>\n";
  if (!in.config_path.empty())
    o << "<tr><th>Configuration</th><td class=\"mono\">" << esc(printable(in.config_path)) << "</td></tr>\n";
  o << "<tr><th>Variances judged on</th><td>" << esc(in.date) << "</td></tr>\n";
  o << "<tr><th>Inspector</th><td>" << tool_name << " " << tool_version << "</td></tr>\n</table>\n";

  o << "<h2>Verdicts</h2>\n<table>\n<tr><th>Element</th><th>Title</th><th>Required</th><th>Verdict</th>"
       "<th>Findings</th><th>Waived</th></tr>\n";
  for (const auto& v : in.verdicts)
    o << "<tr><td>" << esc(v.element->id) << "</td><td>" << esc(v.element->title) << "</td><td>"
      << (code.is_required(p, *v.element) ? "yes" : "no") << "</td><td class=\"verdict " << verdict_class(v.verdict)
      << "\">" << esc(to_string(v.verdict)) << "</td><td class=\"num\">" << v.findings << "</td><td class=\"num\">"
      << v.waived << "</td></tr>\n";
  o << "</table>\n";

  o << "<h2>Required elements not inspected</h2>\n";
  std::vector<const ElementVerdict*> uninspected;
  for (const auto& v : in.verdicts)
    if (v.verdict == Verdict::not_inspected) uninspected.push_back(&v);
  if (uninspected.empty()) {
    o << "<p>None: every element the profile requires was decided by the inputs given.</p>\n";
  } else {
    o << "<p>No input given can decide these elements; this certificate says nothing about them. Inspect the kind "
         "of input named to decide each.</p>\n<ul>\n";
    for (const ElementVerdict* v : uninspected) {
      // The kinds of input this mdbc decides the element on (none were given).
      std::string kinds;
      for (InputKind kind : all_input_kinds)
        if (decides(v->element->id, kind)) kinds += (kinds.empty() ? "" : ", ") + std::string(to_string(kind));
      o << "<li><b>" << esc(v->element->id) << "</b> " << esc(v->element->title) << " — "
        << (kinds.empty() ? std::string("no inspector of this mdbc decides it yet") : "decided on: " + esc(kinds))
        << "</li>\n";
    }
    o << "</ul>\n";
  }

  o << "<h2>Variances</h2>\n";
  if (in.variances.empty()) {
    o << "<p>None recorded.</p>\n";
  } else {
    o << "<table>\n<tr><th>#</th><th>Covers</th><th>Justification</th><th>Reviewer</th><th>Expires</th>"
         "<th>Findings waived</th></tr>\n";
    for (size_t i = 0; i < in.variances.size(); ++i) {
      const auto& u = in.variances[i];
      const Variance& v = u.variance;
      const std::string covers = v.fingerprint.empty()
                                     ? "every " + v.element + " finding" + (v.path_glob.empty() ? "" : " under " + v.path_glob)
                                     : "finding " + v.fingerprint;
      o << "<tr><td>" << i << "</td><td class=\"mono\">" << esc(covers) << "</td><td>" << esc(v.justification)
        << "</td><td>" << esc(v.reviewer) << "</td><td>" << esc(v.expires)
        << (u.expired ? " <span class=\"expired\">EXPIRED — not applied</span>" : "") << "</td><td class=\"num\">"
        << u.findings << "</td></tr>\n";
    }
    o << "</table>\n";
  }

  std::map<std::string, std::vector<const Finding*>> by_element, by_component;
  for (const auto& f : in.findings) (f.component.empty() ? by_element[f.element()] : by_component[f.component]).push_back(&f);
  o << "<h2>Findings</h2>\n";
  if (by_element.empty()) o << "<p>None in the device maker's code.</p>\n";
  for (const auto& v : in.verdicts) {
    const auto it = by_element.find(v.element->id);
    if (it == by_element.end()) continue;
    o << "<h3>" << esc(v.element->id) << " " << esc(v.element->title) << " — <span class=\"" << verdict_class(v.verdict)
      << "\">" << esc(to_string(v.verdict)) << "</span> (" << plural(it->second.size(), "finding") << ")</h3>\n";
    findings_table(o, it->second);
  }

  o << "<h2>Third-party components</h2>\n";
  if (in.components.empty() && by_component.empty()) {
    o << "<p>None recognised.</p>\n";
  } else {
    if (!in.components.empty()) {
      o << "<table>\n<tr><th>Component</th><th>Version</th><th>Path</th><th>Identified by</th><th>Package URL</th></tr>\n";
      for (const auto& c : in.components)
        o << "<tr><td>" << esc(c.name) << "</td><td>" << (c.version.empty() ? "<span class=\"muted\">unknown</span>" : esc(c.version))
          << "</td><td class=\"mono\">" << esc(c.path) << "</td><td>" << esc(c.evidence) << "</td><td class=\"mono\">"
          << esc(c.purl) << "</td></tr>\n";
      o << "</table>\n";
    }
    for (const auto& [component, findings] : by_component) {
      o << "<h3>" << esc(component) << " (" << plural(findings.size(), "finding")
        << "; reported under the component, not judged)</h3>\n";
      findings_table(o, findings);
    }
  }

  if (!in.skipped.empty()) {
    o << "<h2>Inputs not inspected</h2>\n<table>\n<tr><th>Path</th><th>Reason</th></tr>\n";
    for (const auto& s : in.skipped)
      o << "<tr><td class=\"mono\">" << esc(s.path) << "</td><td>" << esc(s.reason) << "</td></tr>\n";
    o << "</table>\n";
  }
  if (!in.partly_inspected.empty()) {
    o << "<h2>Inputs inspected in part</h2>\n<table>\n<tr><th>Path</th><th>What was left undecided</th></tr>\n";
    for (const auto& s : in.partly_inspected)
      o << "<tr><td class=\"mono\">" << esc(s.path) << "</td><td>" << esc(s.reason) << "</td></tr>\n";
    o << "</table>\n";
  }

  o << "<footer>Issued by " << tool_name << " " << tool_version << " under building code edition " << code.edition()
    << ". Inspecting the same inputs (SHA-256 " << esc(in.inputs_sha256) << ") with the same profile, configuration "
    << "and judgement date reproduces this certificate.</footer>\n</body>\n</html>\n";
}

}  // namespace mdbc::report
