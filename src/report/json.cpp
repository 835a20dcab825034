#include <algorithm>

#include "core/text.h"
#include "report/json_stream.h"
#include "report/report.h"

namespace mdbc::report {

std::string decision_sentence(const Inspection& in) {
  std::string stages;
  for (InputKind k : in.stages) stages += (stages.empty() ? "" : ", ") + std::string(to_string(k));
  if (stages.empty()) stages = "no";
  if (!in.decided_any)
    return "does not meet the code: no element was decided (no input is one mdbc inspects at a stage the profile " +
           in.profile->name + " requires anything of)";
  std::string s = in.meets_code ? "meets the code" : "does not meet the code";
  s += " (edition " + std::to_string(in.code->edition()) + ") for profile " + in.profile->name + " at the " + stages +
       " stage" + (in.stages.size() > 1 ? "s" : "");
  if (!in.meets_code) {
    std::string failing;
    for (const auto& v : in.verdicts)
      if (v.verdict == Verdict::fail) failing += (failing.empty() ? "" : ", ") + v.element->id;
    s += "; failing: " + failing;
  }
  return s;
}

namespace {

// A finding's object, written directly: a report holds hundreds of thousands of findings.
void append_finding_json(const Finding& f, std::string_view indent, std::string& out) {
  PrettyJsonWriter w(out, indent);
  w.begin_object();
  w.key("element");
  w.value(std::string_view(f.rule).substr(0, f.rule.find('/')));
  w.key("rule");
  w.value(f.rule);
  w.key("severity");
  w.value(to_string(f.severity));
  w.key("path");
  w.value(f.path);
  if (f.line) {
    w.key("line");
    w.value(f.line);
    w.key("column");
    w.value(f.column);
  } else {
    w.key("offset");
    w.value(f.offset);
  }
  w.key("message");
  w.value(f.message);
  w.key("evidence");
  w.value(f.evidence);
  w.key("fingerprint");
  w.value(f.fingerprint);
  w.key("component");
  if (f.component.empty()) w.null();
  else w.value(f.component);
  w.key("waived_by");
  if (f.variance < 0) w.null();
  else w.value(static_cast<uint64_t>(f.variance));
  w.end_object();
}

// Everything of the report but its findings, which stand as an empty array.
nlohmann::ordered_json report_without_findings(const Inspection& in) {
  using J = nlohmann::ordered_json;
  J j;
  j["tool"] = {{"name", tool_name}, {"version", tool_version}};
  j["code_edition"] = in.code->edition();
  j["profile"] = in.profile->name;
  j["date"] = in.date;
  j["config"] = in.config_path.empty() ? J(nullptr) : J(in.config_path);
  j["roots"] = J::array();
  for (const auto& r : in.roots) j["roots"].push_back(printable(r));
  j["stages"] = J::array();
  for (InputKind k : in.stages) j["stages"].push_back(to_string(k));
  j["files"] = in.files;
  j["bytes"] = in.bytes;
  j["inputs_sha256"] = in.inputs_sha256;
  j["meets_code"] = in.meets_code;
  j["decision"] = decision_sentence(in);
  J verdicts = J::array();
  for (const auto& v : in.verdicts)
    verdicts.push_back({{"element", v.element->id},
                        {"title", v.element->title},
                        {"verdict", to_string(v.verdict)},
                        {"required", in.code->is_required(*in.profile, *v.element)},
                        {"findings", v.findings},
                        {"waived", v.waived}});
  j["verdicts"] = std::move(verdicts);
  j["findings"] = J::array();  // filled one finding at a time by json()
  J components = J::array();
  for (const auto& c : in.components)
    components.push_back({{"name", c.name}, {"version", c.version}, {"path", c.path}, {"evidence", c.evidence}});
  j["components"] = std::move(components);
  j["artifacts"] = J::array();  // filled one file at a time by json()
  j["summary"] = in.summary;
  J skipped = J::array();
  for (const auto& s : in.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  j["skipped"] = std::move(skipped);
  J partly = J::array();
  for (const auto& s : in.partly_inspected) partly.push_back({{"path", s.path}, {"reason", s.reason}});
  j["partly_inspected"] = std::move(partly);
  J variances = J::array();
  for (size_t i = 0; i < in.variances.size(); ++i) {
    const auto& u = in.variances[i];
    J o{{"index", i}};
    if (!u.variance.fingerprint.empty()) o["fingerprint"] = u.variance.fingerprint;
    else o["element"] = u.variance.element, o["path"] = u.variance.path_glob;
    o["justification"] = u.variance.justification;
    o["reviewer"] = u.variance.reviewer;
    o["expires"] = u.variance.expires;
    o["expired"] = u.expired;
    o["findings_waived"] = u.findings;
    variances.push_back(std::move(o));
  }
  j["variances"] = std::move(variances);
  return j;
}

// One file's artifact object: its path, kind and digest, then its facts, printed from where they
// are rather than copied into a document (a firmware image's list of tables is large). The two
// objects are printed at the same depth, so that the members of one follow those of the other.
std::string artifact_text(const FileFacts& f) {
  const std::string head = dump_json({{"path", f.path}, {"kind", to_string(f.kind)}, {"sha256", f.sha256}});
  if (!f.facts.is_object() || f.facts.empty()) return head;
  const std::string facts = dump_json(f.facts);
  // head ends "\n}", facts starts "{\n".
  return head.substr(0, head.size() - 2) + ",\n" + facts.substr(2);
}

}  // namespace

void json(const Inspection& in, std::ostream& out) {
  const JsonArrayText arrays[] = {
      {"findings", 1, in.findings.size(),
       [&in](size_t i, std::string_view indent, std::string& text) { append_finding_json(in.findings[i], indent, text); }},
      {"artifacts", 1, in.file_facts.size(),
       [&in](size_t i, std::string_view indent, std::string& text) {
         append_indented(text, artifact_text(in.file_facts[i]), indent);
       }},
  };
  write_json_with_arrays(out, report_without_findings(in), arrays);
}

}  // namespace mdbc::report
