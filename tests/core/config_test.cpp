#include "core/config.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "support/run.h"

namespace mdbc {
namespace {

// The InputError message parse_config throws, or "" when it accepts the text.
std::string error_of(std::string_view text) {
  try {
    parse_config(text, "dir/mdbc.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, ReadsEveryKey) {
  const Config c = parse_config(R"(
profile = "B-connected"
exclude = ["third_party/**", "build/*"]

[log]
functions = ["audit_log", "sec_event"]

[[component]]
name = "mbedtls"
path = "ext/mbedtls/"
version = "3.5.2"

[[component]]
name = "cmsis"
path = "ext/CMSIS"

[[variance]]
fingerprint = "9f2c1e"
justification = "length checked two lines above"
reviewer = "J. Doe"
expires = 2026-01-31

[[variance]]
element = "CODE-5"
path = "src/legacy/**"
justification = "recursion depth bounded by protocol"
reviewer = "A. Roe"
expires = "2025-12-01"
)",
                                "dir/mdbc.toml");
  EXPECT_EQ(c.source_path, "dir/mdbc.toml");
  EXPECT_EQ(c.profile, "B-connected");
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"third_party/**", "build/*"}));
  EXPECT_EQ(c.log_functions, (std::vector<std::string>{"audit_log", "sec_event"}));
  ASSERT_EQ(c.components.size(), 2u);
  EXPECT_EQ(c.components[0].name, "mbedtls");
  EXPECT_EQ(c.components[0].path, "ext/mbedtls/");
  EXPECT_EQ(c.components[0].version, "3.5.2");
  EXPECT_EQ(c.components[1].version, "");
  ASSERT_EQ(c.variances.size(), 2u);
  EXPECT_EQ(c.variances[0].fingerprint, "9f2c1e");
  EXPECT_EQ(c.variances[0].element, "");
  EXPECT_EQ(c.variances[0].reviewer, "J. Doe");
  EXPECT_EQ(c.variances[0].expires, "2026-01-31");
  EXPECT_EQ(c.variances[0].config_line, 17);  // the [[variance]] header
  EXPECT_EQ(c.variances[1].element, "CODE-5");
  EXPECT_EQ(c.variances[1].path_glob, "src/legacy/**");
  EXPECT_EQ(c.variances[1].justification, "recursion depth bounded by protocol");
  EXPECT_EQ(c.variances[1].expires, "2025-12-01");
}

TEST(Config, EmptyFileIsTheDefaultConfig) {
  const Config c = parse_config("", "mdbc.toml");
  EXPECT_FALSE(c.profile.has_value());
  EXPECT_TRUE(c.exclude.empty());
  EXPECT_TRUE(c.variances.empty());
}

TEST(Config, TrustKeysAreResolvedAgainstTheConfigFolder) {
  const Config c = parse_config("[image]\ntrust_keys = [\"update/release.pub.pem\", \"/etc/keys/k.pem\"]\n",
                                "examples/pump/mdbc.toml");
  EXPECT_EQ(c.trust_keys, (std::vector<std::string>{"examples/pump/update/release.pub.pem", "/etc/keys/k.pem"}));
  EXPECT_EQ(parse_config("[image]\ntrust_keys = [\"k.pem\"]\n", "mdbc.toml").trust_keys,
            std::vector<std::string>{"k.pem"});
  EXPECT_EQ(error_of("[image]\ntrust_key = []\n"), "dir/mdbc.toml:2: unknown key 'trust_key'");
}

TEST(Config, SyntaxErrorNamesFileAndLine) {
  EXPECT_EQ(error_of("profile = \"A\"\n\nexclude = [\"a\",\n= 3\n").substr(0, 16), "dir/mdbc.toml:4:");
  EXPECT_EQ(error_of("profile = \"A\nx").substr(0, 16), "dir/mdbc.toml:1:");
  EXPECT_EQ(error_of(std::string("profile = \"A\"\n\n\x01\xff = 1\n")).substr(0, 16), "dir/mdbc.toml:3:");
}

TEST(Config, UnknownKeysAreNamedWithTheirLine) {
  EXPECT_EQ(error_of("profile = \"A\"\nprofiles = \"B\"\n"), "dir/mdbc.toml:2: unknown key 'profiles'");
  EXPECT_EQ(error_of("[log]\nfunctions = []\nlevel = 3\n"), "dir/mdbc.toml:3: unknown key 'level'");
  EXPECT_EQ(error_of("[[component]]\nname = \"x\"\npath = \"y\"\nurl = \"z\"\n"), "dir/mdbc.toml:4: unknown key 'url'");
  EXPECT_EQ(error_of("[[variance]]\nelement = \"CODE-1\"\njustification = \"j\"\nreviewer = \"r\"\n"
                     "expires = 2030-01-01\nexpiry = 2030-01-01\n"),
            "dir/mdbc.toml:6: unknown key 'expiry'");
}

TEST(Config, WrongTypesAreNamed) {
  EXPECT_EQ(error_of("profile = 3\n"), "dir/mdbc.toml:1: key 'profile' must be a string");
  EXPECT_EQ(error_of("exclude = \"a/**\"\n"), "dir/mdbc.toml:1: key 'exclude' must be an array of strings");
  EXPECT_EQ(error_of("exclude = [\"a\", 2]\n"), "dir/mdbc.toml:1: key 'exclude' must hold only strings");
  EXPECT_EQ(error_of("log = 1\n"), "dir/mdbc.toml:1: 'log' must be a table");
  EXPECT_NE(error_of("[component]\nname = \"x\"\npath = \"y\"\n").find("array of tables"), std::string::npos);
  EXPECT_NE(error_of("[[component]]\nname = \"x\"\n").find("missing key 'path'"), std::string::npos);
}

const char* variance_head = "[[variance]]\nelement = \"CODE-1\"\njustification = \"checked\"\n";

TEST(Config, BadDatesAreRejected) {
  const std::string head = variance_head;
  EXPECT_EQ(error_of(head + "reviewer = \"r\"\nexpires = \"2025-02-30\"\n"),
            "dir/mdbc.toml:5: key 'expires' must be a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(head + "reviewer = \"r\"\nexpires = \"next year\"\n"),
            "dir/mdbc.toml:5: key 'expires' must be a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(head + "reviewer = \"r\"\nexpires = 20250101\n"),
            "dir/mdbc.toml:5: key 'expires' must be a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(head + "reviewer = \"r\"\nexpires = 2025-01-01T10:00:00\n"),
            "dir/mdbc.toml:5: key 'expires' must be a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(head + "reviewer = \"r\"\nexpires = 2025-13-01\n").substr(0, 16), "dir/mdbc.toml:5:");
  EXPECT_NE(error_of(head + "reviewer = \"r\"\n").find("variance needs 'expires'"), std::string::npos);
}

TEST(Config, VarianceNeedsReviewerJustificationAndOneTarget) {
  EXPECT_EQ(error_of("[[variance]]\nelement = \"CODE-1\"\njustification = \"j\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:1: missing key 'reviewer'");
  EXPECT_EQ(error_of("[[variance]]\nelement = \"CODE-1\"\nreviewer = \"r\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:1: missing key 'justification'");
  EXPECT_EQ(error_of("\n[[variance]]\nelement = \"CODE-1\"\njustification = \"j\"\nreviewer = \"\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:2: variance needs a non-empty 'justification' and 'reviewer'");
  EXPECT_EQ(error_of("[[variance]]\njustification = \"j\"\nreviewer = \"r\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:1: variance needs exactly one of 'fingerprint' or 'element'");
  EXPECT_EQ(error_of("[[variance]]\nfingerprint = \"ab\"\nelement = \"CODE-1\"\njustification = \"j\"\n"
                     "reviewer = \"r\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:1: variance needs exactly one of 'fingerprint' or 'element'");
  EXPECT_EQ(error_of("[[variance]]\nfingerprint = \"ab\"\npath = \"src/**\"\njustification = \"j\"\n"
                     "reviewer = \"r\"\nexpires = 2030-01-01\n"),
            "dir/mdbc.toml:1: variance 'path' goes with 'element', not with 'fingerprint'");
}

TEST(Config, DeepNestingIsAnErrorNotACrash) {
  // TOML arrays and inline tables nest; a hostile file must not exhaust the stack.
  const std::string deep = "exclude = " + std::string(100000, '[') + "\n";
  EXPECT_EQ(error_of(deep).substr(0, 16), "dir/mdbc.toml:1:");
  std::string tables = "log = ";
  for (int i = 0; i < 100000; ++i) tables += "{a=";
  EXPECT_EQ(error_of(tables).substr(0, 16), "dir/mdbc.toml:1:");
}

TEST(Config, LoadNamesAnUnreadableOrOversizedFile) {
  test::TempDir dir;
  const auto missing = (dir.path() / "nope.toml").string();
  try {
    load_config(missing);
    FAIL() << "no error for a missing config";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(missing + ": cannot open", 0), 0u) << e.what();
  }
  const auto big = dir.write("big.toml", std::string(2 << 20, '#'));
  try {
    load_config(big.string());
    FAIL() << "no error for a 2 MiB config";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("limit"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mdbc
