#include "inspect/walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "core/inspector.h"
#include "core/text.h"
#include "inspect/sbom/component_names.h"

namespace mdbc {
namespace {

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string special_kind(mode_t m) {
  if (S_ISLNK(m)) return "symbolic link (not followed)";
  if (S_ISFIFO(m)) return "FIFO (not opened)";
  if (S_ISSOCK(m)) return "socket (not opened)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "device node (not opened)";
  return "not a regular file";
}

class Walk {
 public:
  Walk(const Config& config, const WalkLimits& limits, WalkResult& out) : config_(config), limits_(limits), out_(out) {}

  void root(const std::string& root, bool several_roots) {
    struct stat st {};
    if (::lstat(root.c_str(), &st) != 0) throw InputError(root + ": cannot access: " + std::strerror(errno));
    // A symbolic link named on the command line is followed once: the user chose it.
    if (S_ISLNK(st.st_mode) && ::stat(root.c_str(), &st) != 0)
      throw InputError(root + ": broken symbolic link: " + std::strerror(errno));
    if (S_ISREG(st.st_mode)) {
      add_file(root, printable(root), root, static_cast<uint64_t>(st.st_size), true, "");
      return;
    }
    if (!S_ISDIR(st.st_mode)) throw InputError(root + ": " + special_kind(st.st_mode) + ", nothing to inspect");
    DIR* probe = ::opendir(root.c_str());
    if (probe == nullptr) throw InputError(root + ": cannot read directory: " + std::strerror(errno));
    ::closedir(probe);
    root_ = root;
    root_display_ = several_roots ? root : std::string();
    // Iterative depth-first walk: no recursion however deep the tree.
    struct Pending { std::string fs, rel; size_t depth; std::string component; };
    std::vector<Pending> stack{{root, "", 0, ""}};
    while (!stack.empty()) {
      Pending dir = std::move(stack.back());
      stack.pop_back();
      std::vector<std::string> names = list(dir.fs, dir.rel);
      std::string component = dir.component.empty() ? component_for(dir.rel, dir.fs, names) : dir.component;
      // Reverse order so the stack pops in name order (output is sorted anyway).
      for (auto it = names.rbegin(); it != names.rend(); ++it) {
        const std::string fs = join(dir.fs, *it);
        const std::string rel = dir.rel.empty() ? *it : dir.rel + "/" + *it;
        struct stat est {};
        if (::lstat(fs.c_str(), &est) != 0) {
          // Gone since the directory was listed: nothing left to inspect. Anything else (no search
          // permission, name too long) leaves the inspection incomplete, like an unreadable file.
          if (errno == ENOENT) continue;
          throw InputError(full_name(rel) + ": cannot access: " + std::strerror(errno));
        }
        if (S_ISDIR(est.st_mode)) {
          if (dir.depth + 1 > limits_.max_depth)
            out_.skipped.push_back({display(rel), "directory nested deeper than " + std::to_string(limits_.max_depth) + " levels"});
          else
            stack.push_back({fs, rel, dir.depth + 1, component});
        } else if (S_ISREG(est.st_mode)) {
          add_file(fs, display(rel), rel, static_cast<uint64_t>(est.st_size), false, component);
        } else {
          out_.skipped.push_back({display(rel), special_kind(est.st_mode)});
        }
      }
    }
  }

 private:
  std::string display(const std::string& rel) const {
    return printable(root_display_.empty() ? rel : join(root_display_, rel));
  }

  // For errors: the path from the root as given, so the one line names the file unambiguously.
  std::string full_name(const std::string& rel) const { return printable(rel.empty() ? root_ : join(root_, rel)); }

  std::vector<std::string> list(const std::string& fs, const std::string& rel) {
    std::vector<std::string> names;
    DIR* d = ::opendir(fs.c_str());
    // An unreadable directory hides what it holds: the inspection cannot be complete.
    if (d == nullptr) throw InputError(full_name(rel) + ": cannot read directory: " + std::strerror(errno));
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name == "." || name == ".." || name == ".git" || name == ".hg" || name == ".svn") continue;
      names.push_back(name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
  }

  // The component a directory belongs to: declared in mdbc.toml, excluded there, or recognised.
  std::string component_for(const std::string& rel, const std::string& fs, const std::vector<std::string>& names) {
    if (rel.empty()) return {};
    for (const auto& c : config_.components)
      if (glob_match(c.path, rel) || glob_match(c.path, rel + "/") || c.path == rel + "/") {
        Component declared = c;  // in the SBOM like a recognised one, at the folder it names
        declared.path = display(rel);
        declared.purl = sbom::generic_purl(c.name, c.version);
        out_.components.push_back(std::move(declared));
        return c.name;
      }
    for (const auto& pattern : config_.exclude)
      if (glob_match(pattern, rel) || glob_match(pattern, rel + "/")) return "excluded: " + pattern;
    for (const auto& inspector : inspectors())
      if (auto comp = inspector->recognise_tree(fs, names)) {
        comp->path = display(rel);
        out_.components.push_back(*comp);
        return comp->name;
      }
    return {};
  }

  void add_file(const std::string& fs, std::string shown, const std::string& rel, uint64_t size, bool given,
                const std::string& component) {
    if (out_.files.size() >= limits_.max_files)
      throw InputError(fs + ": more than " + std::to_string(limits_.max_files) + " files to inspect");
    std::string comp = component;
    if (comp.empty() && !given)
      for (const auto& pattern : config_.exclude)
        if (glob_match(pattern, rel)) comp = "excluded: " + pattern;
    if (size > limits_.max_file_size) {
      out_.skipped.push_back({shown, std::to_string(size >> 20) + " MiB, over the " +
                                         std::to_string(limits_.max_file_size >> 20) + " MiB file size limit (not read)"});
      return;
    }
    out_.files.push_back({fs, std::move(shown), rel, size, given, std::move(comp)});
  }

  const Config& config_;
  const WalkLimits& limits_;
  WalkResult& out_;
  std::string root_;
  std::string root_display_;
};

}  // namespace

WalkResult walk(const std::vector<std::string>& roots, const Config& config, const WalkLimits& limits) {
  WalkResult out;
  Walk w(config, limits, out);
  for (const auto& r : roots) w.root(r, roots.size() > 1);
  std::sort(out.files.begin(), out.files.end(), [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const WalkedFile& a, const WalkedFile& b) { return a.path == b.path; }),
                  out.files.end());
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const SkippedInput& a, const SkippedInput& b) { return a.path < b.path; });
  return out;
}

}  // namespace mdbc
