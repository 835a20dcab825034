#include "core/code_book.h"

#include <algorithm>
#include <set>

#include "core/embedded.h"
#include "core/error.h"
#include "core/toml_read.h"

namespace mdbc {
namespace {

using namespace tomlread;

Severity read_severity(const std::string& file, const toml::table& t, const char* key, Severity fallback) {
  if (!t.contains(key)) return fallback;
  const std::string s = get_string(file, t, key, true);
  if (auto sev = parse_severity(s)) return *sev;
  fail(file, *t.get(key), std::string("key '") + key + "' must be note, warning or error");
}

InputKind read_input_kind(const std::string& file, const toml::node& at, std::string_view key) {
  for (InputKind k : all_input_kinds)
    if (to_string(k) == key) return k;
  fail(file, at, "unknown input kind '" + std::string(key) + "' (source, binary, image, rootfs)");
}

References read_references(const std::string& file, const toml::table* t) {
  References r;
  if (t == nullptr) return r;
  only_keys(file, *t, {"cwe", "cert", "misra", "other"});
  if (const auto* cwe = t->get("cwe")) {
    const auto* arr = cwe->as_array();
    if (arr == nullptr) fail(file, *cwe, "'cwe' must be an array of integers");
    for (const auto& n : *arr) {
      const auto* i = n.as_integer();
      if (i == nullptr) fail(file, n, "'cwe' must hold only integers");
      r.cwe.push_back(static_cast<int>(i->get()));
    }
  }
  r.cert = get_strings(file, *t, "cert");
  r.misra = get_strings(file, *t, "misra");
  r.other = get_strings(file, *t, "other");
  return r;
}

Element read_element(const std::string& file, const toml::table& t) {
  only_keys(file, t, {"id", "category", "title", "requirement", "rationale", "severity", "required_in",
                      "decided_on", "references", "rule"});
  Element e;
  e.id = get_string(file, t, "id", true);
  e.category = get_string(file, t, "category", true);
  e.title = get_string(file, t, "title", true);
  e.requirement = get_string(file, t, "requirement", true);
  e.rationale = get_string(file, t, "rationale", true);
  e.severity = read_severity(file, t, "severity", Severity::error);
  e.required_in = get_strings(file, t, "required_in");
  if (const auto* d = get_table(file, t, "decided_on")) {
    for (const auto& [key, value] : *d) {
      const auto* s = value.as_string();
      if (s == nullptr) fail(file, value, "'decided_on' values must be strings");
      e.decided_on[read_input_kind(file, value, key.str())] = s->get();
    }
  }
  e.references = read_references(file, get_table(file, t, "references"));
  for (const auto* r : get_tables(file, t, "rule")) {
    only_keys(file, *r, {"id", "summary", "help"});
    RuleDoc doc{get_string(file, *r, "id", true), get_string(file, *r, "summary", true),
                get_string(file, *r, "help", true)};
    if (doc.id.rfind(e.id + "/", 0) != 0) fail(file, *r, "rule id '" + doc.id + "' must start with '" + e.id + "/'");
    e.rules.push_back(std::move(doc));
  }
  return e;
}

Profile read_profile(const std::string& file, const toml::table& t) {
  only_keys(file, t, {"name", "class", "connected", "description", "fail_on", "min_memory_safe_share",
                      "test_vectors_allowed"});
  Profile p;
  p.name = get_string(file, t, "name", true);
  p.device_class = get_string(file, t, "class", true);
  p.connected = get_bool(file, t, "connected", false);
  p.description = get_string(file, t, "description", true);
  p.fail_on = read_severity(file, t, "fail_on", Severity::error);
  p.min_memory_safe_share = get_number(file, t, "min_memory_safe_share", 0.0);
  p.test_vectors_allowed = get_bool(file, t, "test_vectors_allowed", true);
  return p;
}

}  // namespace

CodeBook CodeBook::parse(const std::vector<std::pair<std::string, std::string_view>>& files) {
  CodeBook book;
  std::vector<std::pair<std::string, std::string_view>> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  std::vector<Element> elements;
  for (const auto& [name, text] : sorted) {
    const toml::table root = tomlread::parse(text, name);
    if (name.ends_with("edition.toml")) {
      only_keys(name, root, {"edition", "title", "summary", "category"});
      const auto* ed = root.get("edition") ? root.get("edition")->as_integer() : nullptr;
      if (ed == nullptr) fail(name, root, "'edition' must be an integer");
      book.edition_ = static_cast<int>(ed->get());
      book.title_ = get_string(name, root, "title", true);
      book.summary_ = get_string(name, root, "summary", true);
      for (const auto* c : get_tables(name, root, "category")) {
        only_keys(name, *c, {"id", "title", "summary"});
        book.categories_.push_back(
            {get_string(name, *c, "id", true), get_string(name, *c, "title", true), get_string(name, *c, "summary", true)});
      }
    } else if (name.ends_with("profiles.toml")) {
      only_keys(name, root, {"profile"});
      for (const auto* p : get_tables(name, root, "profile")) book.profiles_.push_back(read_profile(name, *p));
    } else {
      only_keys(name, root, {"element"});
      for (const auto* e : get_tables(name, root, "element")) elements.push_back(read_element(name, *e));
    }
  }
  // Code order: by category as edition.toml lists them, then by element number.
  const auto rank = [&](const Element& e) {
    const auto it = std::find_if(book.categories_.begin(), book.categories_.end(),
                                 [&](const Category& c) { return c.id == e.category; });
    const auto dash = e.id.rfind('-');
    const int number = dash == std::string::npos ? 0 : std::atoi(e.id.c_str() + dash + 1);
    return std::pair<long, int>(it - book.categories_.begin(), number);
  };
  std::stable_sort(elements.begin(), elements.end(),
                   [&](const Element& a, const Element& b) { return rank(a) < rank(b); });
  std::set<std::string> ids;
  for (const auto& e : elements) {
    if (!ids.insert(e.id).second) throw InputError("code: element " + e.id + " is defined twice");
    if (std::none_of(book.categories_.begin(), book.categories_.end(),
                     [&](const Category& c) { return c.id == e.category; }))
      throw InputError("code: element " + e.id + " names unknown category " + e.category);
    for (const auto& p : e.required_in)
      if (std::none_of(book.profiles_.begin(), book.profiles_.end(),
                       [&](const Profile& pr) { return pr.name == p; }))
        throw InputError("code: element " + e.id + " names unknown profile " + p);
  }
  book.elements_ = std::move(elements);
  return book;
}

const CodeBook& CodeBook::builtin() {
  static const CodeBook book = [] {
    std::vector<std::pair<std::string, std::string_view>> files;
    for (const auto& f : embedded::files())
      if (f.path.starts_with("code/") && f.path.ends_with(".toml")) files.emplace_back(std::string(f.path), f.data);
    return parse(files);
  }();
  return book;
}

const Element* CodeBook::element(std::string_view id) const {
  for (const auto& e : elements_)
    if (e.id == id) return &e;
  return nullptr;
}

const Profile* CodeBook::profile(std::string_view name) const {
  for (const auto& p : profiles_)
    if (p.name == name) return &p;
  return nullptr;
}

const RuleDoc* CodeBook::rule(std::string_view rule_id) const {
  const auto* e = element(rule_id.substr(0, rule_id.find('/')));
  if (e == nullptr) return nullptr;
  for (const auto& r : e->rules)
    if (r.id == rule_id) return &r;
  return nullptr;
}

bool CodeBook::is_required(const Profile& p, const Element& e) const {
  return std::find(e.required_in.begin(), e.required_in.end(), p.name) != e.required_in.end();
}

std::string_view to_string(InputKind k) {
  switch (k) {
    case InputKind::source: return "source";
    case InputKind::binary: return "binary";
    case InputKind::image: return "image";
    case InputKind::rootfs: return "rootfs";
  }
  return "source";
}

}  // namespace mdbc
