#pragma once
#include <string>
#include <vector>

#include "core/finding.h"

namespace mdbc {

// A date as YYYY-MM-DD, compared as a string.
using Date = std::string;
Date today_utc();
// Whether text is a real calendar day written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no).
bool is_date(std::string_view text);

// A recorded, reviewed exception (mdbc.toml [[variance]]).
struct Variance {
  std::string fingerprint;  // either this,
  std::string element;      // or this with an optional path glob
  std::string path_glob;
  std::string justification;
  std::string reviewer;
  Date expires;
  int config_line = 0;  // where it was declared, for messages

  bool expired(const Date& today) const { return expires < today; }
  bool covers(const Finding& f) const;
};

// Glob over '/'-separated paths: '*' within a segment, '**' across segments, '?' one char.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace mdbc
