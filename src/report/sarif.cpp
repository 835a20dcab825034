// SARIF 2.1.0: one run, one reportingDescriptor per documented rule id, one result per finding.
// Verdicts and the decision travel as run properties, variances as result suppressions, so a
// code-scanning service shows what the certificate says.
#include <map>

#include "core/text.h"
#include "report/json_stream.h"
#include "report/paths.h"
#include "report/report.h"

namespace mdbc::report {
namespace {

using J = nlohmann::ordered_json;

constexpr const char* fingerprint_key = "mdbc/v1";
constexpr const char* base_id = "SRCROOT";

// "CODE-1/banned-call" -> "Code1BannedCall": SARIF rule names are identifiers, and the element
// is part of the name because rule names repeat across elements (CRYPTO-4/private-key, CRED-1/...).
std::string pascal_case(std::string_view rule_id) {
  std::string out;
  bool word_start = true;
  for (const char c : rule_id) {
    const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (!lower && !upper && !digit) {
      word_start = true;
      continue;
    }
    if (word_start && lower) out += static_cast<char>(c - 'a' + 'A');
    else if (!word_start && upper) out += static_cast<char>(c - 'A' + 'a');
    else out += c;
    word_start = false;
  }
  return out;
}

std::string sentence(std::string s) {
  s = std::string(trim(s));
  if (!s.empty() && s.back() != '.' && s.back() != '?' && s.back() != '!') s += '.';
  return s;
}

std::string requirement_text(const Element& e) {
  return e.id + " (" + e.title + ") requires: " + sentence(e.requirement);
}

std::string references_text(const References& r) {
  std::string s;
  const auto add = [&s](const std::string& item) { s += (s.empty() ? "" : ", ") + item; };
  for (int cwe : r.cwe) add("CWE-" + std::to_string(cwe));
  for (const auto& c : r.cert) add("SEI CERT " + c);
  for (const auto& m : r.misra) add("MISRA C:2012 " + m);
  for (const auto& o : r.other) add(o);
  return s.empty() ? s : "References: " + s + ".";
}

J rule_descriptor(const std::string& id, const RuleDoc* doc, const Element* e) {
  J r{{"id", id}};
  const std::string name = pascal_case(id);
  if (!name.empty()) r["name"] = name;
  const std::string summary = doc ? doc->summary : e ? e->title : id;
  r["shortDescription"] = {{"text", sentence(summary)}};
  std::string full = doc ? sentence(doc->help) : std::string();
  if (e) full += (full.empty() ? "" : " ") + requirement_text(*e);
  if (full.empty()) full = sentence(summary);
  r["fullDescription"] = {{"text", full}};
  std::string help = full;
  if (e) {
    help += "\n\nWhy: " + sentence(e->rationale);
    const std::string refs = references_text(e->references);
    if (!refs.empty()) help += "\n\n" + refs;
  }
  r["help"] = {{"text", help}};
  r["defaultConfiguration"] = {{"level", to_string(e ? e->severity : Severity::error)}};
  J tags = J::array({"security"});
  J props = J::object();
  if (e) {
    tags.push_back(e->id);
    tags.push_back(e->category);
    for (int cwe : e->references.cwe) tags.push_back("external/cwe/cwe-" + std::to_string(cwe));
    props["element"] = e->id;
    props["element_title"] = e->title;
    props["category"] = e->category;
    if (!e->references.cert.empty()) props["cert"] = e->references.cert;
    if (!e->references.misra.empty()) props["misra"] = e->references.misra;
  }
  props["tags"] = std::move(tags);
  r["properties"] = std::move(props);
  return r;
}

// An artifact's uri: absolute paths as file URIs, others relative to base_id (relative: true).
struct ArtifactUri {
  std::string uri;
  bool relative = false;
};
ArtifactUri artifact_uri(const std::string& shown_path) {
  const std::string raw = raw_path(shown_path);
  if (raw.starts_with('/')) return {"file://" + percent_encode_path(raw), false};
  return {percent_encode_path(raw), true};
}

J artifact_location(const std::string& shown_path) {
  ArtifactUri a = artifact_uri(shown_path);
  J location{{"uri", std::move(a.uri)}};
  if (a.relative) location["uriBaseId"] = base_id;
  return location;
}

void write_artifact_location(PrettyJsonWriter& w, const std::string& shown_path) {
  const ArtifactUri a = artifact_uri(shown_path);
  w.begin_object();
  w.key("uri");
  w.value(a.uri);
  if (a.relative) {
    w.key("uriBaseId");
    w.value(base_id);
  }
  w.end_object();
}

// Inputs not inspected, or inspected in part, as the invocation's notifications: a code-scanning
// service shows them beside the results, so a clean run over a tree with skipped files does not
// pass for a clean tree.
J invocations(const Inspection& in) {
  J notifications = J::array();
  const auto notify = [&](const SkippedInput& s, std::string_view what) {
    notifications.push_back({{"level", "warning"},
                             {"message", {{"text", std::string(what) + ": " + s.reason}}},
                             {"locations", J::array({{{"physicalLocation", {{"artifactLocation", artifact_location(s.path)}}}}})}});
  };
  for (const auto& s : in.skipped) notify(s, "not inspected");
  for (const auto& s : in.partly_inspected) notify(s, "inspected in part");
  return J::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}});
}

J suppression(const VarianceUse& use, size_t index) {
  const Variance& v = use.variance;
  std::string scope = v.fingerprint.empty() ? "all " + v.element + " findings" + (v.path_glob.empty() ? "" : " under " + v.path_glob)
                                            : "finding " + v.fingerprint;
  J s{{"kind", "external"},
      {"status", "accepted"},
      {"justification", sentence(v.justification) + " Reviewed by " + v.reviewer + "; variance #" + std::to_string(index) +
                            " (" + scope + ") expires " + v.expires + "."}};
  s["properties"] = {{"variance", index}, {"reviewer", v.reviewer}, {"expires", v.expires}};
  return s;
}

// One result of the run's results array, written directly: a run holds hundreds of thousands.
void append_result(const Finding& f, size_t rule_index, const Inspection& in, std::string_view indent,
                   std::string& out) {
  PrettyJsonWriter w(out, indent);
  w.begin_object();
  w.key("ruleId");
  w.value(f.rule);
  w.key("ruleIndex");
  w.value(rule_index);
  w.key("kind");
  w.value("fail");
  w.key("level");
  w.value(to_string(f.severity));
  w.key("message");
  w.begin_object();
  w.key("text");
  w.value(f.message.empty() ? f.rule : f.message);
  w.end_object();
  w.key("locations");
  w.begin_array();
  w.begin_object();
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  write_artifact_location(w, f.path);
  w.key("region");
  w.begin_object();
  if (f.line > 0) {
    w.key("startLine");
    w.value(f.line);
    if (f.column > 0) {
      w.key("startColumn");
      w.value(f.column);
    }
  } else {
    // No line: a place in a binary, or (offset 0) the artifact as a whole, from its start.
    w.key("byteOffset");
    w.value(f.offset);
  }
  w.end_object();
  w.end_object();
  w.end_object();
  w.end_array();
  w.key("partialFingerprints");
  w.begin_object();
  w.key(fingerprint_key);
  w.value(f.fingerprint);
  w.end_object();
  // An empty array says "known not suppressed"; a waived finding carries its variance.
  w.key("suppressions");
  w.begin_array();
  if (f.variance >= 0) {
    const auto index = static_cast<size_t>(f.variance);
    w.document(suppression(in.variances[index], index));
  }
  w.end_array();
  if (!f.evidence.empty() || !f.component.empty()) {
    w.key("properties");
    w.begin_object();
    if (!f.evidence.empty()) {
      w.key("evidence");
      w.value(f.evidence);
    }
    if (!f.component.empty()) {
      w.key("component");
      w.value(f.component);
    }
    w.end_object();
  }
  w.end_object();
}

}  // namespace

void sarif(const Inspection& in, std::ostream& out) {
  // Rules: every documented rule in code order, then any undocumented rule id a finding carries.
  J rules = J::array();
  std::map<std::string, size_t> rule_index;
  for (const Element& e : in.code->elements())
    for (const RuleDoc& doc : e.rules)
      if (rule_index.emplace(doc.id, rules.size()).second) rules.push_back(rule_descriptor(doc.id, &doc, &e));
  std::map<std::string, const Finding*> undocumented;
  for (const auto& f : in.findings)
    if (!rule_index.count(f.rule)) undocumented.emplace(f.rule, &f);
  for (const auto& [id, f] : undocumented) {
    rule_index.emplace(id, rules.size());
    rules.push_back(rule_descriptor(id, nullptr, in.code->element(f->element())));
  }

  J driver{{"name", tool_name},
           {"fullName", std::string(tool_name) + " — the medical device building code, edition " +
                            std::to_string(in.code->edition())},
           {"version", tool_version},
           {"semanticVersion", tool_version},
           {"rules", std::move(rules)}};

  J run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["originalUriBaseIds"] = {
      {base_id,
       {{"uri", file_uri_of_directory(paths_base_directory(in))},
        {"description", {{"text", "The directory that relative result paths are relative to: the inspected tree, or the "
                                  "working directory when files or several trees were given."}}}}}};
  // The inspectors count columns in bytes; for ASCII lines that equals code points.
  run["columnKind"] = "unicodeCodePoints";
  if (!in.skipped.empty() || !in.partly_inspected.empty()) run["invocations"] = invocations(in);
  run["results"] = J::array();  // filled one finding at a time below

  J props;
  props["code_edition"] = in.code->edition();
  props["profile"] = in.profile->name;
  props["profile_class"] = in.profile->device_class;
  props["connected"] = in.profile->connected;
  props["stages"] = J::array();
  for (InputKind k : in.stages) props["stages"].push_back(to_string(k));
  props["inputs_sha256"] = in.inputs_sha256;
  props["date"] = in.date;
  props["meets_code"] = in.meets_code;
  props["decision"] = decision_sentence(in);
  J verdicts = J::array();
  for (const auto& v : in.verdicts)
    verdicts.push_back({{"element", v.element->id},
                        {"verdict", to_string(v.verdict)},
                        {"required", in.code->is_required(*in.profile, *v.element)},
                        {"findings", v.findings},
                        {"waived", v.waived}});
  props["verdicts"] = std::move(verdicts);
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
  props["variances"] = std::move(variances);
  run["properties"] = std::move(props);

  J log;
  log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = J::array({std::move(run)});
  const JsonArrayText results{"results", 3, in.findings.size(), [&](size_t i, std::string_view indent, std::string& text) {
                                append_result(in.findings[i], rule_index.at(in.findings[i].rule), in, indent, text);
                              }};
  write_json_with_arrays(out, log, std::span(&results, 1));
}

}  // namespace mdbc::report
