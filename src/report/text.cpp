// The default report: the verdict table, then the device maker's findings grouped by element,
// then components' findings under their own heading, then what was not inspected.
#include <algorithm>
#include <map>
#include <ostream>

#include "core/text.h"
#include "report/report.h"

namespace mdbc::report {
namespace {

struct Style {
  bool on;
  std::string operator()(const char* code, std::string_view s) const {
    return on ? std::string("\033[") + code + "m" + std::string(s) + "\033[0m" : std::string(s);
  }
};

const char* verdict_color(Verdict v) {
  switch (v) {
    case Verdict::pass: return "32";
    case Verdict::fail: return "1;31";
    case Verdict::waived: return "33";
    default: return "2";
  }
}

std::string pad(std::string_view s, size_t width) {
  std::string out(s);
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  if (chars < width) out.append(width - chars, ' ');
  return out;
}

std::string location(const Finding& f) {
  std::string s = f.path;
  if (f.line) {
    s += ":" + std::to_string(f.line);
    if (f.column) s += ":" + std::to_string(f.column);
  } else if (f.offset) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "@0x%llx", static_cast<unsigned long long>(f.offset));
    s += buf;
  }
  return s;
}

void print_finding(std::ostream& o, const Finding& f, const Style& st, const Inspection& in) {
  const char* sev_color = f.severity == Severity::error ? "31" : f.severity == Severity::warning ? "33" : "36";
  o << "  " << location(f) << ": " << st(sev_color, to_string(f.severity)) << ": " << f.message << " [" << f.rule
    << "]";
  if (f.variance >= 0)
    o << st("33", " (waived by variance #" + std::to_string(f.variance) + ", reviewer " +
                      printable(in.variances[static_cast<size_t>(f.variance)].variance.reviewer, false) + ")");
  o << "\n";
  if (!f.evidence.empty()) o << "      " << st("2", f.evidence) << "\n";
}

std::string size_text(uint64_t bytes) {
  char buf[32];
  if (bytes >= 10'000'000) std::snprintf(buf, sizeof buf, "%.0f MB", static_cast<double>(bytes) / 1e6);
  else if (bytes >= 10'000) std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1e3);
  else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  return buf;
}

}  // namespace

void text(const Inspection& in, bool color, std::ostream& o) {
  const Style st{color};
  const Profile& p = *in.profile;
  o << st("1", "mdbc") << " — building code edition " << in.code->edition() << ", profile " << p.name << " (class "
    << p.device_class << (p.connected ? ", connected" : "") << ")\n";
  o << "Inspected: " << in.files << " files (" << size_text(in.bytes) << ") in";
  for (const auto& r : in.roots) o << " " << printable(r);
  o << "\nInputs SHA-256: " << in.inputs_sha256 << "\n";
  if (!in.config_path.empty()) o << "Configuration: " << printable(in.config_path) << "\n";
  if (const auto langs = in.summary.find("languages"); langs != in.summary.end() && langs->is_object()) {
    // LANG-1's inventory: "Languages: C 12 files 3400 lines, Rust 2 files 80 lines; memory-safe 2.3%"
    std::string row;
    for (const auto& [name, v] : langs->items())
      if (v.is_object())
        row += (row.empty() ? "" : ", ") + name + " " + v.value("files", nlohmann::ordered_json(0)).dump() + " files " +
               v.value("lines", nlohmann::ordered_json(0)).dump() + " lines";
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", langs->value("memory_safe_share", 0.0) * 100.0);
    o << "Languages: " << row << "; memory-safe " << share << "\n";
  }
  o << "\n" << st("1", pad("ELEMENT", 10) + pad("TITLE", 46) + pad("VERDICT", 16) + "FINDINGS") << "\n";
  for (const auto& v : in.verdicts) {
    std::string count = std::to_string(v.findings);
    if (v.waived) count += " (" + std::to_string(v.waived) + " waived)";
    o << pad(v.element->id, 10) << pad(clip(v.element->title, 44), 46)
      << st(verdict_color(v.verdict), pad(to_string(v.verdict), 16)) << count << "\n";
  }

  // Findings of the device maker's own code, grouped by element in code order.
  std::map<std::string, std::vector<const Finding*>> by_element, by_component;
  for (const auto& f : in.findings) (f.component.empty() ? by_element[f.element()] : by_component[f.component]).push_back(&f);
  for (const auto& v : in.verdicts) {
    const auto it = by_element.find(v.element->id);
    if (it == by_element.end()) continue;
    o << "\n" << st("1", v.element->id + " " + v.element->title) << " — "
      << st(verdict_color(v.verdict), to_string(v.verdict)) << "\n";
    for (const Finding* f : it->second) print_finding(o, *f, st, in);
  }

  // HARD-1 facts of ELF files as one table: a row per file, a column per protection.
  std::vector<const FileFacts*> hardened;
  for (const auto& f : in.file_facts)
    if (f.facts.contains("hardening") && f.facts["hardening"].is_object()) hardened.push_back(&f);
  if (!hardened.empty()) {
    static constexpr std::pair<const char*, size_t> columns[] = {{"relro", 9}, {"canary", 9}, {"nx", 5},
                                                                 {"pie", 5},   {"fortify", 18}, {"rpath", 7},
                                                                 {"runpath", 9}, {"rwx", 0}};
    size_t width = 4;
    for (const FileFacts* f : hardened) width = std::max(width, f->path.size());
    std::string header = pad("FILE", width + 2);
    for (const auto& [key, w] : columns) {
      std::string name(key);
      for (char& c : name) c = static_cast<char>(c - 'a' + 'A');
      header += w ? pad(name, w) : name;
    }
    o << "\n" << st("1", "Hardening of ELF files (HARD-1)") << "\n  " << st("1", header) << "\n";
    for (const FileFacts* f : hardened) {
      o << "  " << pad(f->path, width + 2);
      for (const auto& [key, w] : columns) {
        const std::string value = f->facts["hardening"].value(key, "");
        o << (w ? pad(value, w) : value);
      }
      o << "\n";
    }
  }

  bool other_facts = false;
  for (const auto& f : in.file_facts) other_facts = other_facts || f.facts.size() > (f.facts.contains("hardening") ? 1u : 0u);
  if (other_facts) {
    o << "\n" << st("1", "Per-file facts") << "\n";
    for (const auto& f : in.file_facts) {
      if (f.facts.size() <= (f.facts.contains("hardening") ? 1u : 0u)) continue;
      o << "  " << f.path << " (" << to_string(f.kind) << ")\n";
      for (const auto& [group, values] : f.facts.items()) {
        if (group == "hardening") continue;  // in the table above
        if (values.is_object()) {
          std::string row;
          for (const auto& [k, val] : values.items())
            row += (row.empty() ? "" : "  ") + k + "=" + (val.is_string() ? val.get<std::string>() : val.dump());
          o << "    " << group << ": " << row << "\n";
        } else {
          o << "    " << group << ": " << (values.is_string() ? values.get<std::string>() : values.dump()) << "\n";
        }
      }
    }
  }

  if (!in.components.empty() || !by_component.empty()) {
    o << "\n" << st("1", "Third-party components (inspected under their own heading; not the device maker's findings)")
      << "\n";
    // Component names, versions and evidence come from the inputs: shown printable like paths.
    for (const auto& c : in.components)
      o << "  " << printable(c.name, false) << (c.version.empty() ? "" : " " + printable(c.version, false)) << "  "
        << printable(c.path, false) << (c.evidence.empty() ? "" : "  (" + printable(c.evidence, false) + ")") << "\n";
    for (const auto& [component, findings] : by_component) {
      o << "  " << st("1", printable(component, false)) << ": " << findings.size() << " finding" << (findings.size() == 1 ? "" : "s") << "\n";
      for (const Finding* f : findings) print_finding(o, *f, st, in);
    }
  }

  if (!in.variances.empty()) {
    o << "\n" << st("1", "Variances") << "\n";
    for (size_t i = 0; i < in.variances.size(); ++i) {
      const auto& u = in.variances[i];
      const auto& v = u.variance;
      o << "  #" << i << " " << (v.fingerprint.empty() ? v.element + (v.path_glob.empty() ? "" : " " + v.path_glob)
                                                     : "fingerprint " + v.fingerprint)
        << ", reviewer " << printable(v.reviewer, false) << ", expires " << v.expires
        << (u.expired ? " (EXPIRED: not applied)" : "") << ", waives " << u.findings << ": "
        << printable(v.justification, false) << "\n";
    }
  }

  if (!in.skipped.empty()) {
    o << "\n" << st("1", "Not inspected") << " (" << in.skipped.size() << ")\n";
    for (const auto& s : in.skipped) o << "  " << s.path << ": " << s.reason << "\n";
  }
  if (!in.partly_inspected.empty()) {
    o << "\n" << st("1", "Inspected in part") << " (" << in.partly_inspected.size() << ")\n";
    for (const auto& s : in.partly_inspected) o << "  " << s.path << ": " << s.reason << "\n";
  }

  o << "\n" << st(in.meets_code ? "1;32" : "1;31", decision_sentence(in)) << ".\n";
}

}  // namespace mdbc::report
