#include "inspect/source/identifier_words.h"

#include <gtest/gtest.h>

namespace mdbc::source {
namespace {

using Words = std::vector<std::string>;

TEST(IdentifierWords, SplitsAtUnderscoresAndCaseChanges) {
  EXPECT_EQ(identifier_words("masterKey"), (Words{"master", "key"}));
  EXPECT_EQ(identifier_words("ADMIN_PASSWORD"), (Words{"admin", "password"}));
  EXPECT_EQ(identifier_words("HTTPServer"), (Words{"http", "server"}));
  EXPECT_EQ(identifier_words("__aes2_key__"), (Words{"aes2", "key"}));
  EXPECT_EQ(identifier_words("sha256Digest"), (Words{"sha256", "digest"}));
  EXPECT_TRUE(identifier_words("").empty());
  EXPECT_TRUE(identifier_words("___").empty());
}

TEST(IdentifierWords, AnyWordSeesTheSameWordsInOrderAndStopsAtTheFirst) {
  const std::string long_word(100, 'Q');
  for (const std::string& name : Words{"masterKey", "ADMIN_PASSWORD", "HTTPServer", "x", "_a_b_c_", "mbedtls_pk_verify",
                                 std::string("a_") + long_word + "_z"}) {
    Words seen;
    EXPECT_FALSE(any_word(name, [&](std::string_view w) { return seen.emplace_back(w), false; }));
    EXPECT_EQ(seen, identifier_words(name)) << name;
  }
  size_t asked = 0;
  EXPECT_TRUE(any_word("check_pin_now", [&](std::string_view w) { return ++asked, w == "pin"; }));
  EXPECT_EQ(asked, 2u);
}

TEST(IdentifierWords, NamePartsAreFoundAnywhereInAnyCase) {
  const NameParts parts({"key", "pw", "secret"});
  for (std::string_view name : {"key", "AES_KEY", "masterKey", "monkey", "xPW", "TopSecret", "a_sEcReT_b"})
    EXPECT_TRUE(parts.in(name)) << name;
  for (std::string_view name : {"", "k", "ke", "kez", "p", "secre", "SECRE_T", "length"})
    EXPECT_FALSE(parts.in(name)) << name;
  EXPECT_THROW(NameParts({"k"}), std::logic_error);
  EXPECT_THROW(NameParts({"Key"}), std::logic_error);
}

}  // namespace
}  // namespace mdbc::source
