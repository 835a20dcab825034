#include "inspect/sbom/version.h"

#include <cctype>
#include <string>
#include <vector>

namespace mdbc::sbom {
namespace {

struct Part {
  bool number = false;
  bool pre_release = false;  // letters introduced by '-' or '~' (alpha, beta, rc...)
  std::string text;          // digits without leading zeros, or lowercased letters
};

std::vector<Part> parts(std::string_view v) {
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.remove_prefix(1);
  v = v.substr(0, v.find('+'));
  std::vector<Part> out;
  char separator = 0;
  for (size_t i = 0; i < v.size();) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < v.size() && std::isdigit(static_cast<unsigned char>(v[j]))) ++j;
      std::string digits(v.substr(i, j - i));
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
      out.push_back({true, false, digits});
      i = j;
      separator = 0;
    } else if (std::isalpha(c)) {
      size_t j = i;
      std::string letters;
      while (j < v.size() && std::isalpha(static_cast<unsigned char>(v[j])))
        letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(v[j++]))));
      out.push_back({false, separator == '-' || separator == '~', letters});
      i = j;
      separator = 0;
    } else {
      separator = v[i++];
    }
  }
  return out;
}

int compare_numbers(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  const auto pa = parts(a), pb = parts(b);
  for (size_t i = 0;; ++i) {
    if (i == pa.size() && i == pb.size()) return 0;
    if (i == pa.size()) return pb[i].pre_release ? 1 : -1;  // 1.0 vs 1.0-rc1 / 1.0.1 / 1.0a
    if (i == pb.size()) return pa[i].pre_release ? -1 : 1;
    const Part &x = pa[i], &y = pb[i];
    if (x.number != y.number) {
      // A pre-release tag sorts before any number; otherwise a number before letters (1.0.1 vs 1.0a).
      if (!x.number) return x.pre_release ? -1 : 1;
      return y.pre_release ? 1 : -1;
    }
    const int c = x.number ? compare_numbers(x.text, y.text) : x.text.compare(y.text);
    if (c != 0) return c < 0 ? -1 : 1;
  }
}

}  // namespace mdbc::sbom
