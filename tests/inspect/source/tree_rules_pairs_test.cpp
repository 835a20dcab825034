// LANG-1, LANG-2, LANG-3, FW-2 (source) and CRYPTO-2: paired trees for the rules decided over the
// whole tree (or by a file's kind), a flawed tree and its fixed twin, which must be silent.
#include <gtest/gtest.h>

#include <set>

#include "core/code_book.h"
#include "inspect/crypto_tables/tables.h"
#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::repeated;
using test::SnippetFile;
using test::TreePair;

// LANG-1 under a profile asking for half the lines in memory-safe languages.
TEST(TreeRulePairs, LanguageInventory) {
  Profile half = *CodeBook::builtin().profile("C-connected");
  half.min_memory_safe_share = 0.5;
  const std::string c = repeated(10, "int x;\n"), rust = repeated(10, "let x = 1;\n");
  const std::vector<TreePair> pairs = {
      {"C against Rust", {{"src/pump.c", c, {}}, {"src/ui.rs", repeated(4, "let x = 1;\n"), {}}},
       {{"src/pump.c", repeated(4, "int x;\n"), {}}, {"src/ui.rs", rust, {}}}},
      {"C++ sources and headers against Go", {{"src/a.cc", c, {}}, {"src/a.hpp", c, {}}, {"svc/main.go", rust, {}}},
       {{"src/a.cc", c, {}}, {"svc/main.go", rust + rust, {}}}},
      {"assembly counts as memory-unsafe", {{"boot/start.S", c, {}}, {"app/main.rs", repeated(5, "x\n"), {}}},
       {{"boot/start.S", repeated(2, "b reset\n"), {}}, {"app/main.rs", rust, {}}}},
      {"C headers count", {{"include/a.h", c, {}}, {"src/b.h", c, {}}, {"src/main.rs", rust, {}}},
       {{"include/a.h", repeated(3, "int x;\n"), {}}, {"src/main.rs", rust, {}}}},
      {"Python tools are memory-safe", {{"src/a.c", c + c, {}}, {"tools/gen.py", rust, {}}},
       {{"src/a.c", c, {}}, {"tools/gen.py", rust + rust, {}}}},
      {"Ada", {{"src/a.c", c + c, {}}, {"ctl/pump.adb", rust, {}}}, {{"src/a.c", c, {}}, {"ctl/pump.adb", rust, {}}, {"ctl/pump.ads", rust, {}}}},
      {"Java", {{"jni/a.c", c + c, {}}, {"app/Pump.java", rust, {}}}, {{"jni/a.c", c, {}}, {"app/Pump.java", rust + rust, {}}}},
      {"C#", {{"native/a.cpp", c + c, {}}, {"ui/Pump.cs", rust, {}}}, {{"native/a.cpp", c, {}}, {"ui/Pump.cs", rust, {}}}},
      {"Swift and Kotlin", {{"ios/bridge.c", c + c + c, {}}, {"ios/App.swift", rust, {}}, {"android/App.kt", rust, {}}},
       {{"ios/bridge.c", c, {}}, {"ios/App.swift", rust, {}}, {"android/App.kt", rust, {}}}},
      {"Zig is not counted as memory-safe", {{"src/a.zig", c, {}}, {"src/b.rs", repeated(5, "x\n"), {}}},
       {{"src/a.zig", repeated(5, "x\n"), {}}, {"src/b.rs", rust, {}}}},
      {"build files are not source", {{"src/a.c", c, {}}, {"CMakeLists.txt", rust + rust, {}}, {"src/b.rs", repeated(5, "x\n"), {}}},
       {{"src/a.c", c, {}}, {"CMakeLists.txt", c, {}}, {"src/b.rs", rust, {}}}},
      {"documents are not source", {{"src/a.c", c, {}}, {"README.md", rust + rust, {}}, {"src/b.rs", repeated(5, "x\n"), {}}},
       {{"src/a.c", c, {}}, {"README.md", c + c, {}}, {"src/b.rs", rust, {}}}},
      {"a last line without a newline counts", {{"src/a.c", "int a;\nint b;\nint c;", {}}, {"src/b.rs", "x\ny\n", {}}},
       {{"src/a.c", "int a;\nint b;", {}}, {"src/b.rs", "x\ny\n", {}}}},
      {"C++ inline and template files", {{"src/a.inl", c, {}}, {"src/b.ipp", c, {}}, {"src/c.rs", rust, {}}},
       {{"src/a.inl", c, {}}, {"src/c.rs", rust, {}}}},
      {"many small Rust files", {{"src/big.c", repeated(40, "int x;\n"), {}}, {"a/1.rs", rust, {}}, {"a/2.rs", rust, {}}},
       {{"src/big.c", repeated(40, "int x;\n"), {}}, {"a/1.rs", rust, {}}, {"a/2.rs", rust, {}}, {"a/3.rs", rust, {}},
        {"a/4.rs", rust, {}}}},
  };
  expect_tree_pairs("LANG-1", pairs, half);
}

const char* const module_c = "int pump_rate(int v) { return v * 2; }\n";
const SnippetFile clang_tidy{".clang-tidy", "Checks: 'bugprone-*,cert-*'\n", {}};
const SnippetFile root_asan{"CMakeLists.txt", "add_compile_options(-fsanitize=address,undefined)\n", {}};

TEST(TreeRulePairs, MemoryUnsafeEvidence) {
  const std::vector<TreePair> pairs = {
      {"no evidence at all", {{"fw/pump.c", module_c, {}}}, {{"fw/pump.c", module_c, {}}, root_asan, clang_tidy}},
      {"a sanitizer without static analysis", {{"fw/pump.c", module_c, {}}, root_asan},
       {{"fw/pump.c", module_c, {}}, root_asan, {"ci/pump.cppcheck", "<project/>\n", {}}}},
      {"static analysis without dynamic testing", {{"fw/pump.c", module_c, {}}, clang_tidy},
       {{"fw/pump.c", module_c, {}}, {"fw/pump.h", "int pump_rate(int);\n", {}}, clang_tidy,
        {"fuzz/fuzz_pump.c", "#include \"../fw/pump.h\"\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return pump_rate((int)n); }\n", {}}}},
      {"commented-out flags", {{"fw/pump.c", module_c, {}}, {"CMakeLists.txt", "# add_compile_options(-fsanitize=address)\n", {}}, clang_tidy},
       {{"fw/pump.c", module_c, {}}, {"CMakeLists.txt", "add_compile_options(-fsanitize=address)\n", {}}, clang_tidy}},
      {"assembly module", {{"boot/start.S", "b reset\n", {}}}, {{"boot/start.S", "b reset\n", {}}, root_asan, clang_tidy}},
      {"C++ module with CMake clang-tidy", {{"app/pump.cpp", module_c, {}}},
       {{"app/pump.cpp", module_c, {}},
        {"CMakeLists.txt", "set(CMAKE_CXX_CLANG_TIDY clang-tidy)\nset(CMAKE_CXX_FLAGS \"${CMAKE_CXX_FLAGS} -fsanitize=undefined\")\n", {}}}},
      {"Meson sanitizer option", {{"fw/pump.c", module_c, {}}, clang_tidy},
       {{"fw/pump.c", module_c, {}}, clang_tidy, {"meson.build", "project('p', 'c', default_options: ['b_sanitize=address,undefined'])\n", {}}}},
      {"Zephyr sanitizer and CodeQL", {{"fw/pump.c", module_c, {}}},
       {{"fw/pump.c", module_c, {}}, {"prj.conf", "CONFIG_ASAN=y\n", {}},
        {".github/workflows/codeql.yml", "steps:\n  - uses: github/codeql-action/init@v3\n", {}}}},
      {"AFL harness and PC-lint", {{"fw/pump.c", module_c, {}}},
       {{"fw/pump.c", "int pump_rate(int v) { return v * 2; }\nint main(void) { while (__AFL_LOOP(1000)) pump_rate(1); }\n", {}},
        {"lint/std.lnt", "-w3\n", {}}}},
      {"CMake presets and cppcheck in a Makefile", {{"fw/pump.c", module_c, {}}},
       {{"fw/pump.c", module_c, {}}, {"CMakePresets.json", "{\"cacheVariables\": {\"CMAKE_C_FLAGS\": \"-fsanitize=address\"}}\n", {}},
        {"Makefile", "lint:\n\tcppcheck --enable=warning src\n", {}}}},
      {"evidence in one module does not cover another",
       {{"fw/pump.c", module_c, {}}, {"fw/Makefile", "CFLAGS += -fsanitize=address\nlint:\n\tcppcheck .\n", {}}, {"comms/ble.c", module_c, {}}},
       {{"fw/pump.c", module_c, {}}, {"fw/Makefile", "CFLAGS += -fsanitize=address\nlint:\n\tcppcheck .\n", {}}, {"comms/ble.c", module_c, {}},
        {"comms/Makefile", "CFLAGS += -fsanitize=undefined\nlint:\n\tclang-tidy *.c\n", {}}}},
      {"-fno-sanitize is not a sanitizer", {{"fw/pump.c", module_c, {}}, {"CMakeLists.txt", "add_compile_options(-fno-sanitize=all)\n", {}}, clang_tidy},
       {{"fw/pump.c", module_c, {}}, {"CMakeLists.txt", "add_compile_options(-fsanitize=memory)\n", {}}, clang_tidy}},
      {"a module rewritten in Rust needs nothing", {{"fw/pump.c", module_c, {}}},
       {{"fw/pump.rs", "pub fn pump_rate(v: i32) -> i32 { v * 2 }\n", {}}}},
      {"headers alone need nothing", {{"include/pump.c", module_c, {}}}, {{"include/pump.h", "int pump_rate(int);\n", {}}}},
      {"a harness that does not reach the module", {{"fw/pump.c", module_c, {}}, clang_tidy,
        {"fuzz/fuzz_ble.c", "#include \"../comms/ble.h\"\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n", {}}},
       {{"fw/pump.c", module_c, {}}, {"fw/pump.h", "int pump_rate(int);\n", {}}, clang_tidy,
        {"fuzz/fuzz_pump.c", "#include \"fw/pump.h\"\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n", {}}}},
  };
  expect_tree_pairs("LANG-2", pairs);
}

const SnippetFile pinned_rust{"rust-toolchain.toml", "[toolchain]\nchannel = \"1.78.0\"\n", {}};
const SnippetFile pinned_go{"go.mod", "module pump\n\ngo 1.22\n\ntoolchain go1.22.3\n", {}};

TEST(TreeRulePairs, EscapeHatches) {
  const std::vector<TreePair> pairs = {
      {"Rust unsafe block", {{"src/lib.rs", "fn f(p: *const u8) -> u8 { unsafe { *p } }\n", {}}, pinned_rust},
       {{"src/lib.rs", "fn f(p: &u8) -> u8 { *p }\n", {}}, pinned_rust}},
      {"Rust unsafe fn", {{"src/lib.rs", "pub unsafe fn raw(p: *mut u8) { *p = 0; }\n", {}}, pinned_rust},
       {{"src/lib.rs", "pub fn raw(p: &mut u8) { *p = 0; }\n", {}}, pinned_rust}},
      {"Rust unsafe impl", {{"src/lib.rs", "struct Pump;\nunsafe impl Send for Pump {}\n", {}}, pinned_rust},
       {{"src/lib.rs", "struct Pump;\n// unsafe impl Send for Pump {}\n", {}}, pinned_rust}},
      {"Rust unsafe only in a string", {{"src/lib.rs", "fn f() { unsafe { g() } }\n", {}}, pinned_rust},
       {{"src/lib.rs", "const S: &str = \"unsafe { g() }\";\n", {}}, pinned_rust}},
      {"Rust toolchain not pinned", {{"src/main.rs", "fn main() {}\n", {}}}, {{"src/main.rs", "fn main() {}\n", {}}, pinned_rust}},
      {"Rust toolchain on a moving channel", {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n", {}}},
       {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain.toml", "[toolchain]\nchannel = \"1.79.0\"\n", {}}}},
      {"C# unsafe block", {{"Pump.cs", "class P { void F() { unsafe { byte* p = null; } } }\n", {}}},
       {{"Pump.cs", "class P { void F() { Span<byte> p = stackalloc byte[4]; } }\n", {}}}},
      {"C# unsafe method", {{"Pump.cs", "class P { public unsafe void F(byte* p) {} }\n", {}}},
       {{"Pump.cs", "class P { public void F(byte[] p) {} }\n", {}}}},
      {"Go unsafe package", {{"pump.go", "package pump\nimport \"unsafe\"\nvar n = unsafe.Sizeof(0)\n", {}}, pinned_go},
       {{"pump.go", "package pump\nimport \"fmt\"\nvar n = fmt.Sprint(0)\n", {}}, pinned_go}},
      {"Go cgo", {{"pump.go", "package pump\n// #include <stdio.h>\nimport \"C\"\n", {}}, pinned_go},
       {{"pump.go", "package pump\nimport \"os\"\nvar _ = os.Args\n", {}}, pinned_go}},
      {"Go toolchain not pinned", {{"main.go", "package main\n", {}}, {"go.mod", "module pump\n\ngo 1.22\n", {}}},
       {{"main.go", "package main\n", {}}, pinned_go}},
      {"Java native method", {{"Pump.java", "class Pump { private native int rate(int v); }\n", {}}},
       {{"Pump.java", "class Pump { private int rate(int v) { return v; } }\n", {}}}},
      {"Java sun.misc.Unsafe", {{"Pump.java", "class Pump { sun.misc.Unsafe u; }\n", {}}},
       {{"Pump.java", "class Pump { java.nio.ByteBuffer b; }\n", {}}}},
      {"JNI export in C", {{"jni/pump.c", "JNIEXPORT jint JNICALL Java_Pump_rate(JNIEnv *e, jobject o) { return 0; }\n", {}}},
       {{"jni/pump.c", "int pump_rate(int v) { return v; }\n", {}}}},
      {"Rust unsafe in a comment", {{"src/lib.rs", "fn f(p: *const u8) -> u8 { unsafe { *p } }\n", {}}, pinned_rust},
       {{"src/lib.rs", "// SAFETY: no unsafe { } here any more\nfn f(p: &u8) -> u8 { *p }\n", {}}, pinned_rust}},
  };
  expect_tree_pairs("LANG-3", pairs);
}

TEST(TreeRulePairs, SampleSigningKeys) {
  const std::vector<TreePair> pairs = {
      {"sysbuild names MCUboot's sample key",
       {{"sysbuild.conf", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"${ZEPHYR_MCUBOOT_MODULE_DIR}/root-ec-p256.pem\"\n", {}}},
       {{"sysbuild.conf", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"${APP_DIR}/keys/pump-ec-p256.pem\"\n", {}}}},
      {"MCUboot enabled without a key file", {{"prj.conf", "CONFIG_BOOTLOADER_MCUBOOT=y\n", {}}},
       {{"prj.conf", "CONFIG_BOOTLOADER_MCUBOOT=y\n", {}}, {"sysbuild.conf", "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"/keys/pump.pem\"\n", {}}}},
      {"sysbuild MCUboot without a key file", {{"sysbuild.conf", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\n", {}}},
       {{"sysbuild.conf", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"keys/pump.pem\"\n", {}}}},
      {"the Ed25519 sample key", {{"boot/prj.conf", "CONFIG_BOOT_SIGNATURE_KEY_FILE=\"root-ed25519.pem\"\n", {}}},
       {{"boot/prj.conf", "CONFIG_BOOT_SIGNATURE_KEY_FILE=\"pump-ed25519.pem\"\n", {}}}},
      {"the RSA-3072 sample key in CMake", {{"CMakeLists.txt", "set(mcuboot_CONFIG_BOOT_SIGNATURE_KEY_FILE ${MCUBOOT_DIR}/root-rsa-3072.pem)\n", {}}},
       {{"CMakeLists.txt", "set(mcuboot_CONFIG_BOOT_SIGNATURE_KEY_FILE $ENV{PUMP_KEYS}/signing.pem)\n", {}}}},
      {"imgtool with the sample RSA key",
       {{"Makefile", "sign:\n\timgtool sign -k ../mcuboot/root-rsa-2048.pem --header-size 0x200 --align 4 --version 1.0 --slot-size 0x20000 a.bin b.bin\n", {}}},
       {{"Makefile", "sign:\n\timgtool sign -k $(KEY_DIR)/pump-rsa-3072.pem --header-size 0x200 --align 4 --version 1.0 --slot-size 0x20000 a.bin b.bin\n", {}}}},
      {"imgtool --key on a continued line",
       {{"Makefile", "sign:\n\timgtool sign --header-size 0x200 \\\n\t  --key ext/mcuboot/root-ec-p384.pem --version 1.0 a.bin b.bin\n", {}}},
       {{"Makefile", "sign:\n\timgtool sign --header-size 0x200 \\\n\t  --key $(SIGNING_KEY) --version 1.0 a.bin b.bin\n", {}}}},
      {"TF-M default key", {{"platform/config.cmake", "set(MCUBOOT_KEY_S \"${MCUBOOT_PATH}/root-rsa-3072.pem\" CACHE FILEPATH \"\")\n", {}}},
       {{"platform/config.cmake", "set(MCUBOOT_KEY_S \"${CMAKE_SOURCE_DIR}/keys/pump_s.pem\" CACHE FILEPATH \"\")\n", {}}}},
      {"Cypress test key", {{"boot/prj.conf", "CONFIG_BOOT_SIGNATURE_KEY_FILE=\"keys/cypress-test-ec-p256.pem\"\n", {}}},
       {{"boot/prj.conf", "CONFIG_BOOT_SIGNATURE_KEY_FILE=\"keys/pump-ec-p256.pem\"\n", {}}}},
      {"sample key named in upper case", {{"platform/config.cmake", "set(MCUBOOT_KEY_NS \"${MCUBOOT_PATH}/ROOT-RSA-2048.PEM\")\n", {}}},
       {{"platform/config.cmake", "set(MCUBOOT_KEY_NS \"${KEYS}/ns.pem\")\n", {}}}},
      {"west build argument", {{"Makefile", "fw:\n\twest build -- -DSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=root-ec-p256.pem\n", {}}},
       {{"Makefile", "fw:\n\twest build -- -DSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=$(KEYS)/pump.pem\n", {}}}},
      {"a bad-keys sample", {{"sysbuild.conf", "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"samples/zephyr/bad-keys/bad-ec-p256.pem\"\n", {}}},
       {{"sysbuild.conf", "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"keys/ec-p256.pem\"\n", {}}}},
      {"a key file name that is not a sample", {{"boot/prj.conf", "CONFIG_BOOTLOADER_MCUBOOT=y\n", {}}},
       {{"boot/prj.conf", "CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE=\"key.pem\"\n", {}}}},
      {"imgtool in CMake with the sample key",
       {{"CMakeLists.txt", "add_custom_command(OUTPUT s.hex\n  COMMAND ${IMGTOOL} sign\n    --key ${MCUBOOT_DIR}/root-ec-p256.pem\n    a.hex s.hex)\n", {}}},
       {{"CMakeLists.txt", "add_custom_command(OUTPUT s.hex\n  COMMAND ${IMGTOOL} sign\n    --key ${KEYS}/pump-ec-p256.pem\n    a.hex s.hex)\n", {}}}},
      {"the P-384 sample key", {{"sysbuild.conf", "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"root-ec-p384.pem\"\n", {}}},
       {{"sysbuild.conf", "SB_CONFIG_BOOT_SIGNATURE_KEY_FILE=\"pump-ec-p384.pem\"\n", {}}}},
  };
  expect_tree_pairs("FW-2", pairs);
}

// CRYPTO-2: a table of a cryptographic algorithm against an ordinary table of the same shape.
std::string c_table(std::string_view name, const std::vector<uint64_t>& values, unsigned bits) {
  std::string s = "static const uint" + std::to_string(bits) + "_t " + std::string(name) + "[] = {\n";
  char buf[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(buf, sizeof buf, "0x%llx,%s", static_cast<unsigned long long>(values[i]), i % 8 == 7 ? "\n" : " ");
    s += buf;
  }
  return s + "};\n";
}

// An ordinary table of the same shape: a ramp, as a scaling or lookup table would be.
std::vector<uint64_t> ramp(size_t n, unsigned bits) {
  const uint64_t mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;
  std::vector<uint64_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = (i * 3 + 1) & mask;
  return v;
}

TEST(TreeRulePairs, CryptoTables) {
  // One table per algorithm, C and C++ in turn.
  std::vector<TreePair> pairs;
  std::set<std::string> algorithms;
  for (const auto& t : crypto_tables::tables()) {
    if (t.purpose != crypto_tables::Purpose::cryptographic || !algorithms.insert(t.algorithm).second) continue;
    const std::string path = pairs.size() % 2 ? "src/crypto.cpp" : "src/crypto.c";
    pairs.push_back({t.label(), {{path, c_table("table", t.values, t.bits), {}}},
                     {{path, c_table("table", ramp(t.values.size(), t.bits), t.bits), {}}}});
  }
  ASSERT_GE(pairs.size(), 15u);
  expect_tree_pairs("CRYPTO-2", pairs);
}

}  // namespace
}  // namespace mdbc::source
