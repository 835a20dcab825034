// SBOM-1 on source trees, through the real binary (vendored trees are recognised on the file
// system): paired trees, a vendored component whose version the tree does not say (bad) and the
// same tree saying it — by its own version macro or file, or declared in mdbc.toml (good).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "support/run.h"

namespace mdbc::test {
namespace {

using json = nlohmann::json;
using Files = std::vector<std::pair<std::string, std::string>>;

struct ComponentPair {
  std::string name;
  Files common;  // the tree both twins share
  Files bad;     // added to make the bad twin
  Files good;    // added to make the good twin
};

size_t sbom1_findings(const Files& files) {
  TempDir dir;
  dir.write("fw/src/main.c", "int main(void) { return 0; }\n");
  for (const auto& [path, text] : files) dir.write("fw/" + path, text);
  const RunResult r = mdbc({"inspect", (dir.path() / "fw").string(), "--format", "json", "--quiet"});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  const json report = json::parse(r.out);
  size_t n = 0;
  for (const auto& f : report["findings"]) n += f["element"] == "SBOM-1";
  return n;
}

Files with(Files a, const Files& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::vector<ComponentPair> pairs = {
    {"lwIP without and with its version macros",
     {{"lib/lwip/src/core/tcp.c", "int tcp_input(void) { return 0; }\n"}},
     {{"lib/lwip/src/include/lwip/init.h", "#define LWIP_INIT_H\n"}},
     {{"lib/lwip/src/include/lwip/init.h",
       "#define LWIP_VERSION_MAJOR 2\n#define LWIP_VERSION_MINOR 1\n#define LWIP_VERSION_REVISION 3\n"}}},
    {"mbedTLS 2 version.h",
     {{"third_party/mbedtls/library/aes.c", "int mbedtls_aes_self_test(int v) { return v; }\n"},
      {"third_party/mbedtls/include/mbedtls/aes.h", "int mbedtls_aes_self_test(int);\n"}},
     {{"third_party/mbedtls/include/mbedtls/version.h", "#define MBEDTLS_VERSION_H\n"}},
     {{"third_party/mbedtls/include/mbedtls/version.h", "#define MBEDTLS_VERSION_STRING \"2.28.7\"\n"}}},
    {"mbedTLS 3 build_info.h",
     {{"modules/mbedtls/library/ssl_tls.c", "int x;\n"}, {"modules/mbedtls/include/mbedtls/ssl.h", "int y;\n"}},
     {{"modules/mbedtls/include/mbedtls/build_info.h", "#define MBEDTLS_BUILD_INFO_H\n"}},
     {{"modules/mbedtls/include/mbedtls/build_info.h",
       "#define MBEDTLS_VERSION_MAJOR 3\n#define MBEDTLS_VERSION_STRING         \"3.5.2\"\n"}}},
    {"OpenSSL 3 VERSION.dat",
     {{"vendor/openssl/crypto/aes/aes_core.c", "int a;\n"}, {"vendor/openssl/ssl/ssl_lib.c", "int b;\n"},
      {"vendor/openssl/include/openssl/ssl.h", "int c;\n"}},
     {},
     {{"vendor/openssl/VERSION.dat", "MAJOR=3\nMINOR=0\nPATCH=13\nPRE_RELEASE_TAG=\n"}}},
    {"OpenSSL 1.1 opensslv.h",
     {{"deps/openssl/crypto/sha/sha256.c", "int a;\n"}, {"deps/openssl/ssl/s3_lib.c", "int b;\n"}},
     {{"deps/openssl/include/openssl/opensslv.h", "#define HEADER_OPENSSLV_H\n"}},
     {{"deps/openssl/include/openssl/opensslv.h", "# define OPENSSL_VERSION_TEXT    \"OpenSSL 1.1.1w  11 Sep 2023\"\n"}}},
    {"wolfSSL version.h",
     {{"lib/wolfssl/wolfcrypt/src/aes.c", "int a;\n"}},
     {{"lib/wolfssl/wolfssl/version.h", "#define WOLFSSL_VERSION_H\n"}},
     {{"lib/wolfssl/wolfssl/version.h", "#define LIBWOLFSSL_VERSION_STRING \"5.6.6\"\n"}}},
    {"FreeRTOS kernel task.h",
     {{"rtos/FreeRTOS-Kernel/tasks.c", "int a;\n"}, {"rtos/FreeRTOS-Kernel/queue.c", "int b;\n"},
      {"rtos/FreeRTOS-Kernel/list.c", "int c;\n"}},
     {{"rtos/FreeRTOS-Kernel/include/task.h", "#define INC_TASK_H\n"}},
     {{"rtos/FreeRTOS-Kernel/include/task.h", "#define tskKERNEL_VERSION_NUMBER \"V10.6.2\"\n"}}},
    {"Zephyr VERSION file",
     {{"zephyr/kernel/sched.c", "int a;\n"}, {"zephyr/arch/arm/core/x.c", "int b;\n"}, {"zephyr/west.yml", "manifest:\n"}},
     {{"zephyr/VERSION", "VERSION_MAJOR =\n"}},
     {{"zephyr/VERSION", "VERSION_MAJOR = 3\nVERSION_MINOR = 6\nPATCHLEVEL = 0\nVERSION_TWEAK = 0\n"}}},
    {"STM32 HAL driver",
     {{"Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal_gpio.c", "int a;\n"}},
     {{"Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c", "int b;\n"}},
     {{"Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c",
       "#define __STM32F4xx_HAL_VERSION_MAIN   (0x01U)\n#define __STM32F4xx_HAL_VERSION_SUB1   (0x08U)\n"
       "#define __STM32F4xx_HAL_VERSION_SUB2   (0x02U)\n"}}},
    {"CMSIS core",
     {{"Drivers/CMSIS/Include/core_cm4.h", "int a;\n"}},
     {{"Drivers/CMSIS/Include/cmsis_gcc.h", "#define __CMSIS_GCC_H\n"}},
     {{"Drivers/CMSIS/Include/cmsis_gcc.h", "#define __CMSIS_GCC_H\n"},
      {"Drivers/CMSIS/Include/cmsis_version.h",
       "#define __CM_CMSIS_VERSION_MAIN  ( 5U)\n#define __CM_CMSIS_VERSION_SUB   ( 6U)\n"}}},
    {"zlib",
     {{"lib/zlib/deflate.c", "int a;\n"}, {"lib/zlib/inflate.c", "int b;\n"}},
     {{"lib/zlib/zlib.h", "#define ZLIB_H\n"}},
     {{"lib/zlib/zlib.h", "#define ZLIB_H\n#define ZLIB_VERSION \"1.3.1\"\n"}}},
    {"libcurl",
     {{"lib/curl/lib/easy.c", "int a;\n"}},
     {{"lib/curl/include/curl/curlver.h", "#define CURLINC_CURLVER_H\n"}},
     {{"lib/curl/include/curl/curlver.h", "#define LIBCURL_VERSION \"8.6.0\"\n"}}},
    {"libsodium configure.ac",
     {{"third_party/libsodium/src/libsodium/include/sodium.h", "int a;\n"}},
     {},
     {{"third_party/libsodium/configure.ac", "AC_PREREQ([2.65])\nAC_INIT([libsodium],[1.0.19],\n  [https://x/issues],\n"}}},
    {"tinycrypt declared in mdbc.toml",
     {{"ext/tinycrypt/lib/include/tinycrypt/aes.h", "int a;\n"}, {"ext/tinycrypt/lib/source/aes_encrypt.c", "int b;\n"}},
     {},
     {{"mdbc.toml", "[[component]]\nname = \"tinycrypt\"\npath = \"ext/tinycrypt/**\"\nversion = \"0.2.8\"\n"}}},
    {"LibreSSL opensslv.h",
     {{"libressl/crypto/aes/aes_core.c", "int a;\n"}, {"libressl/ssl/ssl_lib.c", "int b;\n"}},
     {{"libressl/include/openssl/opensslv.h", "#define HEADER_OPENSSLV_H\n"}},
     {{"libressl/include/openssl/opensslv.h", "#define LIBRESSL_VERSION_NUMBER 0x3080200fL\n#define OPENSSL_VERSION_TEXT \"LibreSSL 3.8.2\"\n"}}},
};

TEST(SbomSourcePairs, VersionSaidOrNot) {
  size_t found = 0, false_alarms = 0;
  for (const auto& p : pairs) {
    SCOPED_TRACE(p.name);
    const size_t bad = sbom1_findings(with(p.common, p.bad));
    const size_t good = sbom1_findings(with(p.common, p.good));
    EXPECT_GT(bad, 0u) << "missed: " << p.name;
    EXPECT_EQ(good, 0u) << "false alarm: " << p.name;
    found += bad > 0;
    false_alarms += good > 0;
  }
  std::printf("[pairs] SBOM-1: %zu pairs, recall %zu/%zu, false alarms %zu/%zu\n", pairs.size(), found, pairs.size(),
              false_alarms, pairs.size());
}

}  // namespace
}  // namespace mdbc::test
