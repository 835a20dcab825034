#pragma once
// Identifiers split into lower-case words at '_' and camelCase boundaries ("masterKey" →
// master, key; "ADMIN_PASSWORD" → admin, password; "HTTPServer" → http, server), so rules match
// names by whole words: `key` matches aes_key but not monkey or keyboard.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::source {

std::vector<std::string> identifier_words(std::string_view identifier);

namespace word_split {
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Calls found(begin, end) for each word of `id` as a range of its bytes, in order, until it
// returns true; says whether one did.
template <class Found>
bool find_word(std::string_view id, Found&& found) {
  size_t begin = 0;  // of the current word
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (!is_upper(c) && !is_lower(c) && !is_digit(c)) {
      if (i > begin && found(begin, i)) return true;
      begin = i + 1;
      continue;
    }
    if (is_upper(c) && i > begin) {
      const bool prev_lower = is_lower(id[i - 1]) || is_digit(id[i - 1]);
      const bool next_lower = i + 1 < id.size() && is_lower(id[i + 1]);
      // "masterKey" splits before K; "HTTPServer" splits before the S that starts "Server".
      if (prev_lower || (is_upper(id[i - 1]) && next_lower)) {
        if (found(begin, i)) return true;
        begin = i;
      }
    }
  }
  return id.size() > begin && found(begin, id.size());
}
}  // namespace word_split

// Whether `test` holds for a word of the identifier (in lower case, as identifier_words gives
// it), without building the list of words: most names a rule asks about have none it wants.
template <class Test>
bool any_word(std::string_view identifier, Test&& test) {
  char buffer[64];
  return word_split::find_word(identifier, [&](size_t begin, size_t end) {
    const std::string_view word = identifier.substr(begin, end - begin);
    std::string long_word;
    char* out = buffer;
    if (word.size() > sizeof buffer) out = (long_word = std::string(word)).data();
    for (size_t k = 0; k < word.size(); ++k)
      out[k] = word_split::is_upper(word[k]) ? static_cast<char>(word[k] - 'A' + 'a') : word[k];
    return test(std::string_view(out, word.size()));
  });
}

// Lower-case parts looked for anywhere in a name, in any (ASCII) case: "key" is in AES_KEY,
// masterKey and monkey. The cheap test a rule makes before splitting a name into words; it runs
// for most names of a tree, so a table of the parts' first two bytes, as written in any case,
// rules out nearly every position of a name with one lookup and no case folding; only the parts
// that begin with those two letters are compared at the positions it lets through.
class NameParts {
 public:
  // Each part: two or more bytes, no upper-case letter. The parts' text must outlive this.
  explicit NameParts(std::vector<std::string_view> parts);
  bool in(std::string_view name) const;

 private:
  std::vector<std::string_view> parts_;  // sorted by their first two bytes
  // The parts beginning with each lower-case pair of bytes: parts_[first, first + count).
  struct Bucket {
    uint16_t pair;
    uint16_t first, count;
  };
  std::vector<Bucket> buckets_;  // by pair
  // By two bytes as written: 1 + the index of the bucket of the parts that begin with them in some
  // case, 0 if none does: one lookup gives the bucket, where a bit and a binary search over the
  // buckets took 68 M instructions of the Linux intel drivers' 1,730 M, against 49 M (callgrind).
  std::vector<uint8_t> bucket_of_ = std::vector<uint8_t>(65536);
};

}  // namespace mdbc::source
