#pragma once
// Identifiers split into lower-case words at '_' and camelCase boundaries ("masterKey" →
// master, key; "ADMIN_PASSWORD" → admin, password; "HTTPServer" → http, server), so rules match
// names by whole words: `key` matches aes_key but not monkey or keyboard.
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::source {

std::vector<std::string> identifier_words(std::string_view identifier);

// A name in lower case (ASCII), for the cheap substring tests a rule makes before splitting a name
// into words: LowerName(n).holds_any({"log", "audit"}).
class LowerName {
 public:
  explicit LowerName(std::string_view name);
  bool holds(std::string_view lower_part) const { return text_.find(lower_part) != std::string::npos; }
  template <class Parts>
  bool holds_any(const Parts& lower_parts) const {
    for (std::string_view p : lower_parts)
      if (holds(p)) return true;
    return false;
  }

 private:
  std::string text_;
};

}  // namespace mdbc::source
