#include "core/variance.h"

#include <ctime>

namespace mdbc {

Date today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool glob_match(std::string_view p, std::string_view s) {
  // Iterative matcher with one backtrack point per kind of star: linear in practice, never
  // exponential on hostile patterns.
  size_t pi = 0, si = 0;
  size_t star_p = std::string_view::npos, star_s = 0;  // last '*' (within a segment)
  size_t dstar_p = std::string_view::npos, dstar_s = 0;  // last '**' (across segments)
  while (si < s.size()) {
    if (pi + 1 < p.size() && p[pi] == '*' && p[pi + 1] == '*') {
      pi += 2;
      if (pi < p.size() && p[pi] == '/') ++pi;  // "**/" also matches zero segments
      dstar_p = pi, dstar_s = si;
      star_p = std::string_view::npos;
      continue;
    }
    if (pi < p.size() && p[pi] == '*') {
      star_p = ++pi, star_s = si;
      continue;
    }
    if (pi < p.size() && (p[pi] == s[si] || (p[pi] == '?' && s[si] != '/'))) {
      ++pi, ++si;
      continue;
    }
    if (star_p != std::string_view::npos && s[star_s] != '/') {
      pi = star_p, si = ++star_s;
      continue;
    }
    if (dstar_p != std::string_view::npos) {
      pi = dstar_p, si = ++dstar_s;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool Variance::covers(const Finding& f) const {
  if (!fingerprint.empty()) return f.fingerprint == fingerprint;
  if (element.empty() || f.element() != element) return false;
  return path_glob.empty() || glob_match(path_glob, f.path);
}

}  // namespace mdbc
