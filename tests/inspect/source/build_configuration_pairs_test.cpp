// FW-4, FW-2 (source) and HARD-3: paired bad and good build and boot configurations — Zephyr
// and MCUboot Kconfig fragments, sysbuild, CMake, Make, Meson, ESP-IDF sdkconfig, TF-M, imgtool
// commands, mcuboot_config.h. Every good twin must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> boot_pairs = {
    {"MCUboot prj.conf without a signature type", "CONFIG_MCUBOOT_LOG_LEVEL_INF=y\nCONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n",
     "CONFIG_MCUBOOT_LOG_LEVEL_INF=y\nCONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n", "boot/prj.conf"},
    {"primary slot not validated", "CONFIG_BOOT_SIGNATURE_TYPE_ED25519=y\nCONFIG_BOOT_VALIDATE_SLOT0=n\n",
     "CONFIG_BOOT_SIGNATURE_TYPE_ED25519=y\nCONFIG_BOOT_VALIDATE_SLOT0=y\n", "boot/prj.conf"},
    {"primary slot validation unset in a .config", "CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n# CONFIG_BOOT_VALIDATE_SLOT0 is not set\n",
     "CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n# CONFIG_BOOT_SIGNATURE_TYPE_NONE is not set\nCONFIG_BOOT_VALIDATE_SLOT0=y\n",
     "build/mcuboot/zephyr/.config"},
    {"sysbuild selects no signature", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n",
     "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n"
     "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"${APP_DIR}/keys/pump-signing.pem\"\n",
     "sysbuild.conf"},
    {"CMake sets the Kconfig option", "set(mcuboot_CONFIG_BOOT_SIGNATURE_TYPE_NONE y CACHE INTERNAL \"\")\n",
     "set(mcuboot_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256 y CACHE INTERNAL \"\")\n", "CMakeLists.txt"},
    {"CMake validation switched off with quotes", "set(CONFIG_BOOT_VALIDATE_SLOT0 \"n\")\n", "set(CONFIG_BOOT_VALIDATE_SLOT0 \"y\")\n",
     "boot/CMakeLists.txt"},
    {"west build arguments in a Makefile",
     "firmware:\n\twest build -b nrf52840dk -- -Dmcuboot_CONFIG_BOOT_VALIDATE_SLOT0=n\n",
     "firmware:\n\twest build -b nrf52840dk -- -Dmcuboot_CONFIG_BOOT_VALIDATE_SLOT0_ONCE=y\n", "Makefile"},
    {"a disabled NONE is not a selection", "CONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n",
     "CONFIG_BOOT_SIGNATURE_TYPE_NONE=n\nCONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n", "boot/prj.conf"},
    {"secondary slot not validated (MCUboot CMake port)", "add_compile_definitions(MCUBOOT_SKIP_VALIDATE_SECONDARY_SLOT)\n",
     "add_compile_definitions(MCUBOOT_VALIDATE_PRIMARY_SLOT)\n", "boot/CMakeLists.txt"},
    {"TF-M signature type NONE", "set(MCUBOOT_SIGNATURE_TYPE \"NONE\" CACHE STRING \"\")\n",
     "set(MCUBOOT_SIGNATURE_TYPE \"EC-P256\" CACHE STRING \"\")\n", "platform/config.cmake"},
    {"TF-M built without BL2", "cmake_minimum_required(VERSION 3.21)\nset(BL2 OFF CACHE BOOL \"Whether to build BL2\")\n",
     "cmake_minimum_required(VERSION 3.21)\nset(BL2 ON CACHE BOOL \"Whether to build BL2\")\n", "platform/config.cmake"},
    {"ESP-IDF skips validation on power on", "CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\nCONFIG_BOOTLOADER_SKIP_VALIDATE_ON_POWER_ON=y\n",
     "CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n# CONFIG_BOOTLOADER_SKIP_VALIDATE_ON_POWER_ON is not set\n",
     "sdkconfig.defaults"},
    {"ESP-IDF skips validation always", "CONFIG_BOOTLOADER_SKIP_VALIDATE_ALWAYS=y\n", "CONFIG_BOOTLOADER_SKIP_VALIDATE_ALWAYS=n\n",
     "sdkconfig"},
    {"imgtool signs without a key (Make, continued lines)",
     "app.signed.bin: app.bin\n\t$(IMGTOOL) sign --header-size 0x200 --align 8 \\\n\t  --version 1.2.0 --slot-size 0x60000 \\\n"
     "\t  app.bin app.signed.bin\n",
     "app.signed.bin: app.bin\n\t$(IMGTOOL) sign --header-size 0x200 --align 8 \\\n\t  --version 1.2.0 --slot-size 0x60000 \\\n"
     "\t  --key $(SIGNING_KEY) app.bin app.signed.bin\n",
     "Makefile"},
    {"imgtool in a CMake custom command",
     "add_custom_command(OUTPUT app.signed.hex\n  COMMAND ${PYTHON} ${IMGTOOL} sign\n          --header-size 0x200\n"
     "          --slot-size 0x40000 app.hex app.signed.hex\n  DEPENDS app)\n",
     "add_custom_command(OUTPUT app.signed.hex\n  COMMAND ${PYTHON} ${IMGTOOL} sign\n          --header-size 0x200 -k ${SIGNING_KEY}\n"
     "          --slot-size 0x40000 app.hex app.signed.hex\n  DEPENDS app)\n",
     "CMakeLists.txt"},
    {"application signing key set empty", "CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE=\"\"\n",
     "CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE=\"keys/pump-signing.pem\"\n", "prj.conf"},
    {"mcuboot_config.h of a port without a signature algorithm",
     "#ifndef MCUBOOT_CONFIG_H\n#define MCUBOOT_CONFIG_H\n#define MCUBOOT_VALIDATE_PRIMARY_SLOT\n#define MCUBOOT_USE_FLASH_AREA_GET_SECTORS\n#endif\n",
     "#ifndef MCUBOOT_CONFIG_H\n#define MCUBOOT_CONFIG_H\n#define MCUBOOT_SIGN_EC256\n#define MCUBOOT_VALIDATE_PRIMARY_SLOT\n#endif\n",
     "port/include/mcuboot_config/mcuboot_config.h"},
    {"mcuboot_config.h without primary slot validation",
     "#ifndef MCUBOOT_CONFIG_H\n#define MCUBOOT_CONFIG_H\n#define MCUBOOT_SIGN_ED25519\n#define MCUBOOT_USE_MBED_TLS\n#endif\n",
     "#ifndef MCUBOOT_CONFIG_H\n#define MCUBOOT_CONFIG_H\n#define MCUBOOT_SIGN_ED25519\n#define MCUBOOT_USE_MBED_TLS\n"
     "#define MCUBOOT_VALIDATE_PRIMARY_SLOT\n#endif\n",
     "port/include/mcuboot_config/mcuboot_config.h"},
    {"Kconfig definitions are not settings", "CONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n",
     "choice BOOT_SIGNATURE_TYPE\n\tprompt \"Signature type\"\n\tdefault BOOT_SIGNATURE_TYPE_RSA\n"
     "config BOOT_SIGNATURE_TYPE_NONE\n\tbool \"No signature; use only hash check\"\nendchoice\n"
     "config BOOT_VALIDATE_SLOT0\n\tbool \"Validate image in the primary slot on every boot\"\n\tdefault y\n",
     "boot/Kconfig"},
};

TEST(BootVerification, Pairs) { expect_pairs("FW-4", boot_pairs); }

const std::vector<RulePair> signing_key_pairs = {
    {"sysbuild signs with MCUboot's sample key",
     "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"${ZEPHYR_MCUBOOT_MODULE_DIR}/root-ec-p256.pem\"\n",
     "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"${APP_DIR}/keys/pump-ec-p256.pem\"\n", "sysbuild.conf"},
    {"MCUboot left on its default key", "CONFIG_BOOTLOADER_MCUBOOT=y\n",
     "CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE=\"/secure/keys/pump.pem\"\n", "prj.conf"},
    {"imgtool with the sample RSA key",
     "sign:\n\timgtool sign -k ../mcuboot/root-rsa-2048.pem --header-size 0x200 --align 4 --version 1.0 --slot-size 0x20000 a.bin b.bin\n",
     "sign:\n\timgtool sign -k $(KEY_DIR)/pump-rsa-3072.pem --header-size 0x200 --align 4 --version 1.0 --slot-size 0x20000 a.bin b.bin\n",
     "Makefile"},
    {"TF-M default key", "set(MCUBOOT_KEY_S \"${MCUBOOT_PATH}/root-rsa-3072.pem\" CACHE FILEPATH \"\")\n",
     "set(MCUBOOT_KEY_S \"${CMAKE_SOURCE_DIR}/keys/pump_s.pem\" CACHE FILEPATH \"\")\n", "platform/config.cmake"},
};

TEST(BootVerification, SigningKeyPairs) { expect_pairs("FW-2", signing_key_pairs); }

// HARD-3 is decided over the tree's build files: the bad twin lacks a flag or switches one off.
const std::string all_flags_cmake =
    "cmake_minimum_required(VERSION 3.20)\nproject(pump C)\n"
    "add_compile_options(-fstack-protector-strong -Wformat -Werror=format-security)\n"
    "add_compile_definitions($<$<CONFIG:Release>:_FORTIFY_SOURCE=2>)\n"
    "set(CMAKE_POSITION_INDEPENDENT_CODE ON)\nadd_link_options(-pie -Wl,-z,relro,-z,now)\n";

std::string replaced(std::string s, std::string_view from, std::string_view to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

const std::vector<RulePair> hardening_pairs = {
    {"CMake without a stack protector", replaced(all_flags_cmake, "-fstack-protector-strong ", ""), all_flags_cmake,
     "CMakeLists.txt"},
    {"CMake with the weak stack protector", replaced(all_flags_cmake, "-fstack-protector-strong", "-fstack-protector"),
     replaced(all_flags_cmake, "-fstack-protector-strong", "-fstack-protector-all"), "CMakeLists.txt"},
    {"CMake without FORTIFY", replaced(all_flags_cmake, "_FORTIFY_SOURCE=2", "NDEBUG"),
     replaced(all_flags_cmake, "_FORTIFY_SOURCE=2", "_FORTIFY_SOURCE=3"), "CMakeLists.txt"},
    {"CMake FORTIFY level 1", replaced(all_flags_cmake, "_FORTIFY_SOURCE=2", "_FORTIFY_SOURCE=1"), all_flags_cmake,
     "CMakeLists.txt"},
    {"CMake without -Werror=format-security", replaced(all_flags_cmake, " -Werror=format-security", ""), all_flags_cmake,
     "CMakeLists.txt"},
    {"CMake without PIE", replaced(all_flags_cmake, "set(CMAKE_POSITION_INDEPENDENT_CODE ON)\nadd_link_options(-pie ", "add_link_options("),
     all_flags_cmake, "CMakeLists.txt"},
    {"CMake with -no-pie", replaced(all_flags_cmake, "-pie -Wl", "-no-pie -Wl"), all_flags_cmake, "CMakeLists.txt"},
    {"CMake without RELRO", replaced(all_flags_cmake, " -Wl,-z,relro,-z,now", ""), all_flags_cmake, "CMakeLists.txt"},
    {"CMake with lazy binding only", replaced(all_flags_cmake, "-Wl,-z,relro,-z,now", "-Wl,-z,relro"), all_flags_cmake,
     "CMakeLists.txt"},
    {"CMake target properties that switch the protector off",
     all_flags_cmake + "target_compile_options(pump PRIVATE -fno-stack-protector)\n",
     all_flags_cmake + "target_compile_options(pump PRIVATE -O2)\n", "CMakeLists.txt"},
    {"Makefile without hardening", "CFLAGS += -O2 -Wall\nLDFLAGS +=\npump: pump.o\n\t$(CC) $(LDFLAGS) -o $@ $^\n",
     "CFLAGS += -O2 -Wall -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro -Wl,-z,now\npump: pump.o\n\t$(CC) $(LDFLAGS) -o $@ $^\n",
     "Makefile"},
    {"Makefile undefining FORTIFY (the -U/-D idiom is fine)",
     "CFLAGS += -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro,-z,now\nCFLAGS += -U_FORTIFY_SOURCE\n",
     "CFLAGS += -O2 -fstack-protector-strong -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3 -Wformat -Werror=format-security -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro,-z,now\n",
     "Makefile"},
    {"-Werror with -Wformat-security counts",
     "CFLAGS += -Wall -Werror -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE\nLDFLAGS += -pie -Wl,-z,relro,-z,now\n",
     "CFLAGS += -Wall -Werror -Wformat -Wformat-security -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro,-z,now\n",
     "Makefile"},
    {"Meson executable with pie: true",
     "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat', '-Werror=format-security', language: 'c')\n"
     "add_project_link_arguments('-Wl,-z,relro,-z,now', language: 'c')\nexecutable('pump', 'pump.c')\n",
     "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat', '-Werror=format-security', language: 'c')\n"
     "add_project_link_arguments('-Wl,-z,relro,-z,now', language: 'c')\nexecutable('pump', 'pump.c', pie: true)\n",
     "meson.build"},
    {"Makefile with an executable stack",
     "CFLAGS += -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro,-z,now -Wl,-z,execstack\n",
     "CFLAGS += -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security -fPIE\n"
     "LDFLAGS += -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack\n",
     "Makefile"},
    {"Meson without hardening", "project('pump', 'c', default_options: ['warning_level=2'])\nexecutable('pump', 'pump.c')\n",
     "project('pump', 'c', default_options: ['warning_level=2', 'b_pie=true'])\n"
     "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat', '-Werror=format-security',\n"
     "  language: 'c')\nadd_project_link_arguments('-Wl,-z,relro', '-Wl,-z,now', language: 'c')\nexecutable('pump', 'pump.c')\n",
     "meson.build"},
    {"Meson with b_pie off",
     "project('pump', 'c', default_options: ['b_pie=false'])\n"
     "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat', '-Werror=format-security', language: 'c')\n"
     "add_project_link_arguments('-Wl,-z,relro,-z,now', language: 'c')\n",
     "project('pump', 'c', default_options: ['b_pie=true'])\n"
     "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat', '-Werror=format-security', language: 'c')\n"
     "add_project_link_arguments('-Wl,-z,relro,-z,now', language: 'c')\n",
     "meson.build"},
    {"bare-metal firmware needs the protector and format checks",
     "set(CMAKE_SYSTEM_NAME Generic)\nset(CMAKE_C_COMPILER arm-none-eabi-gcc)\nadd_compile_options(-mcpu=cortex-m4 -mthumb -Os)\n",
     "set(CMAKE_SYSTEM_NAME Generic)\nset(CMAKE_C_COMPILER arm-none-eabi-gcc)\n"
     "add_compile_options(-mcpu=cortex-m4 -mthumb -Os -fstack-protector-strong -Wformat -Werror=format-security)\n",
     "CMakeLists.txt"},
    {"commented-out flags do not count", "# add_compile_options(-fstack-protector-strong -Wformat -Werror=format-security)\n"
     "add_compile_definitions(_FORTIFY_SOURCE=2)\nset(CMAKE_POSITION_INDEPENDENT_CODE ON)\nadd_link_options(-pie -Wl,-z,relro,-z,now)\n",
     all_flags_cmake, "CMakeLists.txt"},
    {"CMake format warnings silenced", all_flags_cmake + "target_compile_options(pump PRIVATE -Wno-format-security)\n",
     all_flags_cmake + "target_compile_options(pump PRIVATE -Wformat=2)\n", "CMakeLists.txt"},
};

TEST(BuildHardening, Pairs) { expect_pairs("HARD-3", hardening_pairs); }

// Hardening requested outside CMakeLists.txt and Makefiles: build scripts, Bazel, CMake presets,
// Meson project arguments, CMake's LINKER: prefix. The flawed tree lacks or disables a flag.
const std::string bare_cmake = "cmake_minimum_required(VERSION 3.20)\nproject(pump C)\nadd_executable(pump pump.c)\n";

const std::vector<test::TreePair> hardening_tree_pairs = {
    {"flags exported by a build script",
     {{"build.sh", "#!/bin/sh\nexport CFLAGS=\"-O2 -Wall\"\nmake pump\n", {}}, {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{"build.sh", "#!/bin/sh\nexport CFLAGS=\"-O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat "
                   "-Werror=format-security -fPIE\"\nexport LDFLAGS=\"-pie -Wl,-z,relro,-z,now\"\nmake pump\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}}},
    {"a build script that switches the protector off",
     {{"ci/build.sh", "#!/bin/sh\nCFLAGS=\"$CFLAGS -fno-stack-protector\" make\n", {}}, {"CMakeLists.txt", all_flags_cmake, {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{"ci/build.sh", "#!/bin/sh\nmake\n", {}}, {"CMakeLists.txt", all_flags_cmake, {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}}},
    {"CMake presets carrying the flags",
     {{"CMakeLists.txt", bare_cmake, {}}, {"CMakePresets.json", "{\"configurePresets\": [{\"name\": \"release\",\n"
                                                                 " \"cacheVariables\": {\"CMAKE_C_FLAGS\": \"-O2\"}}]}\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{"CMakeLists.txt", bare_cmake, {}},
      {"CMakePresets.json", "{\"configurePresets\": [{\"name\": \"release\",\n \"cacheVariables\": {\n"
                            "  \"CMAKE_C_FLAGS\": \"-O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security\",\n"
                            "  \"CMAKE_POSITION_INDEPENDENT_CODE\": \"ON\",\n"
                            "  \"CMAKE_EXE_LINKER_FLAGS\": \"-pie -Wl,-z,relro,-z,now\"}}]}\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}}},
    {"Bazel options in .bazelrc",
     {{".bazelrc", "build --copt=-O2\n", {}}, {"BUILD.bazel", "cc_binary(name = \"pump\", srcs = [\"pump.c\"])\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{".bazelrc", "build --copt=-fstack-protector-strong --copt=-D_FORTIFY_SOURCE=2 --copt=-Wformat\n"
                   "build --copt=-Werror=format-security --copt=-fPIE --linkopt=-pie\n"
                   "build --linkopt=-Wl,-z,relro --linkopt=-Wl,-z,now\n", {}},
      {"BUILD.bazel", "cc_binary(name = \"pump\", srcs = [\"pump.c\"])\n", {}}, {"pump.c", "int main(void) { return 0; }\n", {}}}},
    {"Meson project arguments",
     {{"meson.build", "project('pump', 'c')\nexecutable('pump', 'pump.c')\n", {}}, {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{"meson.build", "project('pump', 'c', default_options : ['b_pie=true'])\n"
                      "add_project_arguments('-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-Wformat',\n"
                      "  '-Werror=format-security', language : 'c')\n"
                      "add_project_link_arguments('-Wl,-z,relro', '-Wl,-z,now', language : 'c')\n"
                      "executable('pump', 'pump.c')\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}}},
    {"CMake LINKER: prefix for RELRO",
     {{"CMakeLists.txt", replaced(all_flags_cmake, " -Wl,-z,relro,-z,now", ""), {}}, {"pump.c", "int main(void) { return 0; }\n", {}}},
     {{"CMakeLists.txt", replaced(all_flags_cmake, " -Wl,-z,relro,-z,now", "") +
                             "target_link_options(pump PRIVATE LINKER:-z,relro LINKER:-z,now)\n", {}},
      {"pump.c", "int main(void) { return 0; }\n", {}}}},
};

TEST(BuildHardening, TreePairs) { test::expect_tree_pairs("HARD-3", hardening_tree_pairs); }

}  // namespace
}  // namespace mdbc::source
