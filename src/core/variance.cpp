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

bool is_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  const auto num = [&](size_t at, size_t len) {
    int n = 0;
    for (size_t i = at; i < at + len; ++i) n = n * 10 + (t[i] - '0');
    return n;
  };
  const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool glob_match(std::string_view p, std::string_view s) {
  // Iterative matcher with one backtrack point per kind of star: linear in practice, never
  // exponential on hostile patterns.
  size_t pi = 0, si = 0;
  size_t star_p = std::string_view::npos, star_s = 0;  // last '*' (within a segment)
  size_t dstar_p = std::string_view::npos, dstar_s = 0;  // last '**' (across segments)
  bool dstar_whole = false;  // the last '**' is a whole "**/" segment: it stands for whole segments
  while (si < s.size()) {
    if (pi + 1 < p.size() && p[pi] == '*' && p[pi + 1] == '*') {
      dstar_whole = (pi == 0 || p[pi - 1] == '/') && pi + 2 < p.size() && p[pi + 2] == '/';
      pi += dstar_whole ? 3 : 2;  // "**/" also matches zero segments
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
      if (dstar_whole) {  // "a/**/b" must not match "a/xb": retry only after the next '/'
        dstar_s = s.find('/', dstar_s);
        if (dstar_s == std::string_view::npos) return false;
      }
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
