#include "inspect/sbom/component_review.h"

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "core/embedded.h"
#include "core/text.h"
#include "inspect/sbom/component_names.h"
#include "inspect/sbom/osv.h"
#include "inspect/sbom/version.h"

namespace mdbc::sbom {
namespace {

struct EndOfLife {
  std::string component, from, before, date, note;
};

const std::vector<EndOfLife>& end_of_life() {
  static const std::vector<EndOfLife> rows = [] {
    const auto text = embedded::find("data/end-of-life.tsv");
    if (!text) throw std::logic_error("data/end-of-life.tsv is not compiled in");
    static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
    std::vector<EndOfLife> out;
    size_t begin = 0, line = 0;
    while (begin < text->size()) {
      size_t end = text->find('\n', begin);
      if (end == std::string_view::npos) end = text->size();
      const std::string row(text->substr(begin, end - begin));
      begin = end + 1;
      ++line;
      if (row.empty() || row[0] == '#') continue;
      std::vector<std::string> f;
      for (size_t p = 0;;) {
        const size_t tab = row.find('\t', p);
        f.push_back(row.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
        if (tab == std::string::npos) break;
        p = tab + 1;
      }
      if (f.size() != 5 || !std::regex_match(f[3], date))
        throw std::logic_error("data/end-of-life.tsv:" + std::to_string(line) + ": expected 5 fields and a date");
      out.push_back({f[0], f[1], f[2], f[3], f[4]});
    }
    return out;
  }();
  return rows;
}

bool inside(const std::string& path, const std::string& tree) {
  return tree.empty() || path == tree || (path.size() > tree.size() && path.starts_with(tree) && path[tree.size()] == '/');
}

std::string describe(const Component& c) {
  std::string s = c.name + (c.version.empty() ? "" : " " + c.version);
  if (!c.path.empty()) s += " (at " + c.path + ")";
  return s;
}

Finding finding(const Component& c, std::string rule, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.path = c.path.empty() ? "." : c.path;
  f.message = printable(message, false);
  f.evidence = printable(c.evidence, false);
  f.severity = Severity::error;
  return f;
}

// Whether a version header names the project of a tree recognised by its layout. LibreSSL keeps
// OpenSSL's layout; its header says which of the two the tree is.
bool names_tree(const Component& header, const Component& tree) {
  return header.name == tree.name || (tree.name == "openssl" && header.name == "libressl");
}

// A vendored tree recognised by its layout gets the version a header inside it declares.
void merge_versions(std::vector<Component>& components) {
  std::vector<bool> absorbed(components.size(), false);
  for (auto& tree : components) {
    if (!tree.version.empty()) continue;
    for (size_t i = 0; i < components.size(); ++i) {
      const Component& v = components[i];
      if (absorbed[i] || v.version.empty() || !names_tree(v, tree) || !inside(v.path, tree.path) || v.path == tree.path)
        continue;
      if (tree.version.empty()) {
        tree.name = v.name;
        tree.version = v.version;
        tree.evidence += (tree.evidence.empty() ? "" : "; ") + std::string("version from ") + v.evidence;
        tree.purl = generic_purl(tree.name, tree.version);
      }
      if (v.version == tree.version) absorbed[i] = true;
    }
  }
  std::vector<Component> kept;
  for (size_t i = 0; i < components.size(); ++i)
    if (!absorbed[i]) kept.push_back(std::move(components[i]));
  std::sort(kept.begin(), kept.end(), [](const Component& a, const Component& b) { return a.key() < b.key(); });
  kept.erase(std::unique(kept.begin(), kept.end(), [](const Component& a, const Component& b) { return a.key() == b.key(); }),
             kept.end());
  components = std::move(kept);
}

}  // namespace

void review_components(Inspection& in, const RunContext& ctx) {
  merge_versions(in.components);

  // Declared components (mdbc.toml) are checked too, unless a recognised one already stands for them.
  std::vector<const Component*> checked;
  for (const auto& c : in.components) checked.push_back(&c);
  for (const auto& c : ctx.config.components)
    if (std::none_of(in.components.begin(), in.components.end(),
                     [&](const Component& r) { return r.name == c.name && r.version == c.version; }))
      checked.push_back(&c);

  for (const auto& c : in.components)
    if (c.version.empty())
      in.findings.push_back(finding(c, "SBOM-1/component-without-version",
                                    c.name + " is recognised" + (c.path.empty() ? "" : " at " + c.path) + " (" + c.evidence +
                                        ") but its version cannot be determined: declare it in mdbc.toml as a "
                                        "[[component]] with name, path and version, so the SBOM names the version"));

  for (const Component* c : checked) {
    if (c->version.empty()) continue;
    for (const auto& row : end_of_life())
      if (row.component == c->name && compare_versions(c->version, row.from) >= 0 &&
          compare_versions(c->version, row.before) < 0 && in.date >= row.date)
        in.findings.push_back(finding(*c, "SBOM-2/end-of-life",
                                      describe(*c) + " is past its end of life (" + row.date + "): " + row.note +
                                          "; move to a supported version"));
  }

  if (ctx.options.vulns_path.empty()) return;
  const std::vector<OsvRecord> records = load_osv(ctx.options.vulns_path);
  for (const Component* c : checked)
    for (const auto& r : records) {
      std::string fixed;
      if (!affects(r, *c, fixed)) continue;
      std::string message = describe(*c) + " has a known vulnerability: " + r.id;
      if (!r.aliases.empty()) {
        message += " (";
        for (size_t i = 0; i < r.aliases.size(); ++i) message += (i ? ", " : "") + r.aliases[i];
        message += ")";
      }
      if (!r.summary.empty()) message += ": " + r.summary;
      message += fixed.empty() ? "; update it, or record in a variance why the device is not affected"
                               : "; fixed in " + printable(fixed) + ": update it, or record in a variance why the device is not affected";
      in.findings.push_back(finding(*c, "SBOM-2/known-vulnerable", std::move(message)));
    }
}

// SBOM-2 is decided over the components every stage identifies.
const bool families_registered = [] {
  for (InputKind kind : {InputKind::source, InputKind::binary, InputKind::rootfs})
    register_family({"component-vulnerabilities", kind, {"SBOM-2/known-vulnerable", "SBOM-2/end-of-life"}});
  return true;
}();

}  // namespace mdbc::sbom
