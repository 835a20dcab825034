// SBOM-1 on source: vendored trees recognised by their layout, versions from version macros.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/code_book.h"
#include "core/inspector.h"
#include "inspect/source/components.h"
#include "support/run.h"

namespace mdbc::source {
namespace {

std::vector<std::string> entries(const test::TempDir& dir, const std::string& rel) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / rel)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Component> recognise(const test::TempDir& dir, const std::string& rel) {
  return recognise_vendored_tree((dir.path() / rel).string(), entries(dir, rel));
}

TEST(VendoredTrees, RecognisedByLayout) {
  test::TempDir d;
  d.write("mbedtls/include/mbedtls/aes.h", "");
  d.write("mbedtls/library/aes.c", "");
  d.write("openssl/crypto/aes/aes_core.c", "");
  d.write("openssl/ssl/ssl_lib.c", "");
  d.write("openssl/include/openssl/opensslv.h", "");
  d.write("openssl/VERSION.dat", "MAJOR=3\nMINOR=0\nPATCH=11\nPRE_RELEASE_TAG=\nRELEASE_DATE=\"19 Sep 2023\"\n");
  d.write("boringssl/crypto/x.c", "");
  d.write("boringssl/ssl/y.c", "");
  d.write("boringssl/include/openssl/base.h", "");
  d.write("wolfssl/wolfcrypt/src/aes.c", "");
  d.write("wolfssl/wolfssl/version.h", "");
  d.write("FreeRTOS-Kernel/tasks.c", "");
  d.write("FreeRTOS-Kernel/queue.c", "");
  d.write("FreeRTOS-Kernel/list.c", "");
  d.write("zephyr/kernel/sched.c", "");
  d.write("zephyr/arch/arm/core.c", "");
  d.write("zephyr/west.yml", "");
  d.write("zephyr/VERSION", "VERSION_MAJOR = 3\nVERSION_MINOR = 5\nPATCHLEVEL = 0\nVERSION_TWEAK = 0\nEXTRAVERSION =\n");
  d.write("Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c", "");
  d.write("Drivers/CMSIS/Include/cmsis_gcc.h", "");
  d.write("tinycrypt/lib/include/tinycrypt/aes.h", "");
  d.write("libsodium/src/libsodium/include/sodium.h", "");
  d.write("libsodium/configure.ac", "AC_PREREQ([2.65])\nAC_INIT([libsodium],[1.0.18],\n  [https://github.com/jedisct1/libsodium/issues],\n");
  d.write("lwip/src/include/lwip/init.h", "");

  const std::pair<std::string, std::pair<std::string, std::string>> expected[] = {
      {"mbedtls", {"mbedtls", ""}},          {"openssl", {"openssl", "3.0.11"}},
      {"boringssl", {"boringssl", ""}},      {"wolfssl", {"wolfssl", ""}},
      {"FreeRTOS-Kernel", {"freertos", ""}}, {"zephyr", {"zephyr", "3.5.0"}},
      {"Drivers/STM32F4xx_HAL_Driver", {"stm32f4xx-hal-driver", ""}},
      {"Drivers/CMSIS", {"cmsis", ""}},      {"tinycrypt", {"tinycrypt", ""}},
      {"libsodium", {"libsodium", "1.0.18"}}, {"lwip", {"lwip", ""}},
  };
  for (const auto& [rel, want] : expected) {
    const auto c = recognise(d, rel);
    ASSERT_TRUE(c.has_value()) << rel;
    EXPECT_EQ(c->name, want.first) << rel;
    EXPECT_EQ(c->version, want.second) << rel;
    EXPECT_FALSE(c->evidence.empty());
  }
  // Twins: ordinary project directories.
  d.write("app/include/app.h", "");
  d.write("app/library/util.c", "");
  d.write("app/src/main.c", "");
  d.write("Drivers/BSP/board.c", "");
  EXPECT_FALSE(recognise(d, "app").has_value());
  EXPECT_FALSE(recognise(d, "Drivers/BSP").has_value());
  EXPECT_FALSE(recognise(d, "Drivers").has_value());
}

// The source inspector over in-memory files, returning the components the tree-wide pass reports.
std::vector<Component> components_of(const std::vector<std::pair<std::string, std::string>>& files, const Config& config = {}) {
  const Inspector* source = nullptr;
  for (const auto& i : inspectors())
    if (i->kind() == InputKind::source) source = i.get();
  const CodeBook& code = CodeBook::builtin();
  const InspectOptions options;
  const RunContext ctx{code, *code.profile("C-connected"), config, options};
  std::vector<InputFile> inputs(files.size());
  std::vector<FileOutcome> outcomes(files.size());
  std::vector<const InputFile*> in_ptrs;
  std::vector<FileOutcome*> out_ptrs;
  for (size_t i = 0; i < files.size(); ++i) {
    inputs[i].path = files[i].first;
    inputs[i].bytes = files[i].second;
    if (files[i].first.starts_with("vendor/")) inputs[i].component = "declared";
    source->inspect(inputs[i], ctx, outcomes[i]);
    in_ptrs.push_back(&inputs[i]);
    out_ptrs.push_back(&outcomes[i]);
  }
  TreeOutcome tree;
  source->finish(in_ptrs, out_ptrs, ctx, tree);
  std::sort(tree.components.begin(), tree.components.end(), [](const auto& a, const auto& b) { return a.key() < b.key(); });
  return tree.components;
}

TEST(VersionMacros, EachKnownComponent) {
  const std::pair<std::string, std::pair<std::string, std::string>> cases[] = {
      {"#define MBEDTLS_VERSION_STRING         \"3.5.2\"\n", {"mbedtls", "3.5.2"}},
      {"# define OPENSSL_VERSION_TEXT    \"OpenSSL 1.1.1w  11 Sep 2023\"\n", {"openssl", "1.1.1w"}},
      {"#define OPENSSL_VERSION_TEXT \"LibreSSL 3.8.2\"\n", {"libressl", "3.8.2"}},
      {"#define LIBWOLFSSL_VERSION_STRING \"5.6.4\"\n", {"wolfssl", "5.6.4"}},
      {"#define tskKERNEL_VERSION_NUMBER \"V10.4.6\"\n#define tskKERNEL_VERSION_MAJOR 10\n", {"freertos", "10.4.6"}},
      {"#define LWIP_VERSION_MAJOR      2\n#define LWIP_VERSION_MINOR      1\n#define LWIP_VERSION_REVISION   3\n", {"lwip", "2.1.3"}},
      {"#define __CM_CMSIS_VERSION_MAIN  ( 5U)\n#define __CM_CMSIS_VERSION_SUB   ( 6U)\n", {"cmsis", "5.6"}},
      {"#define __STM32F4xx_HAL_VERSION_MAIN   (0x01U)\n#define __STM32F4xx_HAL_VERSION_SUB1   (0x07U)\n"
       "#define __STM32F4xx_HAL_VERSION_SUB2   (0x0DU)\n#define __STM32F4xx_HAL_VERSION_RC     (0x00U)\n",
       {"stm32f4xx-hal-driver", "1.7.13"}},
      {"#define ZLIB_VERSION \"1.2.13\"\n", {"zlib", "1.2.13"}},
      {"#define LIBCURL_VERSION \"8.4.0\"\n", {"curl", "8.4.0"}},
  };
  for (const auto& [code, want] : cases) {
    const auto cs = components_of({{"third_party/x/version.h", code}});
    ASSERT_EQ(cs.size(), 1u) << code;
    EXPECT_EQ(cs[0].name, want.first) << code;
    EXPECT_EQ(cs[0].version, want.second) << code;
    EXPECT_EQ(cs[0].purl, "pkg:generic/" + want.first + "@" + want.second);
    EXPECT_NE(cs[0].evidence.find("third_party/x/version.h:"), std::string::npos) << cs[0].evidence;
  }
}

TEST(VersionMacros, OnlyDefinitionsWithPlausibleValues) {
  EXPECT_TRUE(components_of({{"src/main.c", "puts(MBEDTLS_VERSION_STRING);\n"}}).empty()) << "a use is not a definition";
  EXPECT_TRUE(components_of({{"a.h", "#define MBEDTLS_VERSION_STRING \"@VERSION@\"\n"}}).empty());
  EXPECT_TRUE(components_of({{"a.h", "#define OPENSSL_VERSION_TEXT \"OpenSSL {- $config{full_version} -}\"\n"}}).empty());
  EXPECT_TRUE(components_of({{"a.h", "#define LWIP_VERSION_MAJOR 2\n#define LWIP_VERSION_MINOR 1\n"}}).empty())
      << "incomplete: no revision";
  Config config;
  config.components.push_back(Component{"declared", "3.5.2", "vendor/**", "", ""});
  EXPECT_TRUE(components_of({{"vendor/mbedtls/version.h", "#define MBEDTLS_VERSION_STRING \"3.5.2\"\n"}}, config).empty())
      << "declared in mdbc.toml: the declaration names it";
}

}  // namespace
}  // namespace mdbc::source
