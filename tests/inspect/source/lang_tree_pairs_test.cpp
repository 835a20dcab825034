// LANG-1, LANG-2, LANG-3: more paired trees, varied over file kinds (module interfaces, template
// files, Objective-C, CUDA, scripts), build systems and CI set-ups (shell scripts, Bazel, GitHub
// Actions, SonarQube), fuzz harness styles and escape hatches of each safe language. The fixed twin
// of every pair must be silent.
#include <gtest/gtest.h>

#include "core/code_book.h"
#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::repeated;
using test::SnippetFile;
using test::TreePair;

// LANG-1 under a profile asking for half the lines in memory-safe languages: the flawed tree has
// more memory-unsafe lines than safe ones, its twin fewer.
TEST(LangTreePairs, LanguageInventoryFileKinds) {
  Profile half = *CodeBook::builtin().profile("C-connected");
  half.min_memory_safe_share = 0.5;
  const std::string unsafe12 = repeated(12, "int x;\n"), unsafe4 = repeated(4, "int x;\n");
  const std::string safe10 = repeated(10, "let x = 1;\n");
  const auto pair = [&](std::string name, std::string unsafe_path, std::string safe_path) {
    return TreePair{name, {{unsafe_path, unsafe12, {}}, {safe_path, safe10, {}}},
                    {{unsafe_path, unsafe4, {}}, {safe_path, safe10, {}}}};
  };
  const std::vector<TreePair> pairs = {
      pair("C++20 module interface .cppm", "src/pump.cppm", "src/ui.rs"),
      pair("C++20 module interface .ixx", "src/pump.ixx", "svc/main.go"),
      pair("template implementation .tpp", "include/ring.tpp", "src/ui.rs"),
      pair("template implementation .tcc", "include/ring.tcc", "app/Main.java"),
      pair("Objective-C++ bridge", "ios/PumpBridge.mm", "ios/App.swift"),
      pair("CUDA header", "gpu/filter.cuh", "android/App.kt"),
      pair("CUDA kernel", "gpu/filter.cu", "tools/plot.py"),
      pair("preprocessed assembly .sx", "boot/vectors.sx", "src/lib.rs"),
      pair("upper-case assembly on a DOS-era tree", "SRC/STARTUP.ASM", "tools/flash.py"),
      pair("Kotlin scripts", "native/pump.c", "tools/release.main.kts"),
      pair("windowed Python scripts", "native/pump.c", "tools/gui.pyw"),
      pair("Ada with the .ada extension", "drivers/valve.c", "ctl/valve.ada"),
      {"header-only C++ library against Go services",
       {{"include/pump/rate.hpp", unsafe12, {}}, {"include/pump/valve.hxx", unsafe12, {}}, {"svc/main.go", safe10, {}}},
       {{"include/pump/rate.hpp", unsafe4, {}}, {"svc/main.go", safe10, {}}}},
      {"C files counted with CRLF line ends",
       {{"src/pump.c", repeated(12, "int x;\r\n"), {}}, {"src/ui.rs", safe10, {}}},
       {{"src/pump.c", repeated(4, "int x;\r\n"), {}}, {"src/ui.rs", safe10, {}}}},
  };
  expect_tree_pairs("LANG-1", pairs, half);
}

const char* const pump_c = "#include \"pump.h\"\nint pump_rate(int v) { return v * 2; }\n";
const SnippetFile tidy{".clang-tidy", "Checks: 'clang-analyzer-*,cert-*'\n", {}};

TEST(LangTreePairs, MemoryUnsafeEvidenceBuildSystems) {
  const std::vector<TreePair> pairs = {
      {"sanitizer build in a CI shell script",
       {{"fw/pump.c", pump_c, {}}, tidy, {"ci/build.sh", "#!/bin/sh\nset -e\ncmake -B out -DCMAKE_BUILD_TYPE=Release .\ncmake --build out\n", {}}},
       {{"fw/pump.c", pump_c, {}}, tidy,
        {"ci/build.sh", "#!/bin/sh\nset -e\ncmake -B out -DCMAKE_C_FLAGS=\"-fsanitize=address,undefined -g\" .\n"
                        "cmake --build out && ctest --test-dir out\n", {}}}},
      {"a sanitizer flag commented out in a script",
       {{"fw/pump.c", pump_c, {}}, tidy, {"scripts/asan.sh", "#!/bin/bash\n# CFLAGS=-fsanitize=address make\nmake all\n", {}}},
       {{"fw/pump.c", pump_c, {}}, tidy, {"scripts/asan.sh", "#!/bin/bash\nCFLAGS=-fsanitize=address make all\n", {}}}},
      {"Bazel copts",
       {{"fw/pump.c", pump_c, {}}, tidy, {"fw/BUILD.bazel", "cc_library(\n    name = \"pump\",\n    srcs = [\"pump.c\"],\n)\n", {}}},
       {{"fw/pump.c", pump_c, {}}, tidy,
        {"fw/BUILD.bazel", "cc_test(\n    name = \"pump_asan\",\n    srcs = [\"pump.c\"],\n"
                           "    copts = [\"-fsanitize=address\"],\n    linkopts = [\"-fsanitize=address\"],\n)\n", {}}}},
      {"Bazel asan config in .bazelrc",
       {{"fw/pump.c", pump_c, {}}, tidy, {".bazelrc", "build --copt=-O2\n", {}}},
       {{"fw/pump.c", pump_c, {}}, tidy, {".bazelrc", "build:asan --copt=-fsanitize=address --linkopt=-fsanitize=address\n", {}}}},
      {"GitHub Actions step running cppcheck",
       {{"fw/pump.c", pump_c, {}}, {"CMakeLists.txt", "add_compile_options(-fsanitize=undefined)\n", {}},
        {".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: make\n", {}}},
       {{"fw/pump.c", pump_c, {}}, {"CMakeLists.txt", "add_compile_options(-fsanitize=undefined)\n", {}},
        {".github/workflows/ci.yml", "jobs:\n  lint:\n    steps:\n      - run: cppcheck --enable=warning --error-exitcode=1 fw/\n", {}}}},
      {"SonarQube project file",
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}}},
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}},
        {"sonar-project.properties", "sonar.projectKey=pump\nsonar.sources=fw\nsonar.cfamily.compile-commands=build/compile_commands.json\n", {}}}},
      {"static analysis in a shell script",
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}}, {"ci/lint.sh", "#!/bin/sh\nmake -n\n", {}}},
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}},
        {"ci/lint.sh", "#!/bin/sh\nscan-build --status-bugs make\n", {}}}},
      {"C++ libFuzzer harness with extern C in the module",
       {{"proto/frame.cc", "int frame_len(const unsigned char *p) { return p[0]; }\n", {}}, tidy},
       {{"proto/frame.cc", "int frame_len(const unsigned char *p) { return p[0]; }\n", {}}, tidy,
        {"proto/frame_fuzzer.cc",
         "#include <cstdint>\n#include <cstddef>\nint frame_len(const unsigned char *p);\n"
         "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)\n{\n"
         "    if (size > 0) frame_len(data);\n    return 0;\n}\n", {}}}},
      {"harness including the module header with angle brackets",
       {{"pump/pump.c", pump_c, {}}, {"pump/pump.h", "int pump_rate(int);\n", {}}, tidy,
        {"fuzz/fuzz_rate.c", "#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n", {}}},
       {{"pump/pump.c", pump_c, {}}, {"pump/pump.h", "int pump_rate(int);\n", {}}, tidy,
        {"fuzz/fuzz_rate.c", "#include <stdint.h>\n#include <stddef.h>\n#include <pump/pump.h>\n"
                             "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return pump_rate((int)n); }\n", {}}}},
      {"AFL++ persistent harness in the module",
       {{"parser/hl7.c", "int hl7_parse(const char *m) { return m[0]; }\n", {}}, tidy},
       {{"parser/hl7.c", "int hl7_parse(const char *m) { return m[0]; }\n", {}}, tidy,
        {"parser/afl_hl7.c",
         "#include <unistd.h>\nint hl7_parse(const char *m);\n__AFL_FUZZ_INIT();\nint main(void) {\n"
         "  unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;\n  while (__AFL_LOOP(10000)) {\n"
         "    int len = __AFL_FUZZ_TESTCASE_LEN;\n    if (len > 0) hl7_parse((const char *)buf);\n  }\n  return 0;\n}\n", {}}}},
      {"Zephyr board configuration enabling UBSAN",
       {{"app/main.c", pump_c, {}}, tidy, {"app/boards/native_sim.conf", "CONFIG_LOG=y\n", {}}},
       {{"app/main.c", pump_c, {}}, tidy, {"app/boards/native_sim.conf", "CONFIG_LOG=y\nCONFIG_UBSAN=y\n", {}}}},
      {"a README mentioning tools is no configuration",
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}},
        {"README.md", "Run clang-tidy and cppcheck before every release.\n", {}}},
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}},
        {"README.md", "Run clang-tidy before every release.\n", {}}, tidy}},
      {"PVS-Studio settings",
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}}},
       {{"fw/pump.c", pump_c, {}}, {"Makefile", "CFLAGS += -fsanitize=address\n", {}},
        {"fw/.pvsconfig", "//-V::1042\n//+V576, function:pump_log, format_arg:1, ellipsis_arg:2\n", {}}}},
      {"Meson sanitizer in a native file",
       {{"fw/pump.c", pump_c, {}}, tidy, {"meson.build", "project('pump', 'c')\nexecutable('pump', 'fw/pump.c')\n", {}}},
       {{"fw/pump.c", pump_c, {}}, tidy,
        {"meson.build", "project('pump', 'c', default_options : ['b_sanitize=address,undefined', 'b_lundef=false'])\n"
                        "executable('pump', 'fw/pump.c')\n", {}}}},
  };
  expect_tree_pairs("LANG-2", pairs);
}

const SnippetFile rust_pin{"rust-toolchain.toml", "[toolchain]\nchannel = \"1.78.0\"\ncomponents = [\"clippy\"]\n", {}};
const SnippetFile go_pin{"go.mod", "module example.com/pump\n\ngo 1.22\n\ntoolchain go1.22.5\n", {}};

TEST(LangTreePairs, EscapeHatchVariety) {
  const std::vector<TreePair> pairs = {
      {"Rust unsafe extern fn exported to C",
       {{"src/ffi.rs", "#[no_mangle]\npub unsafe extern \"C\" fn pump_rate(p: *const u32) -> u32 {\n    *p\n}\n", {}}, rust_pin},
       {{"src/ffi.rs", "#[no_mangle]\npub extern \"C\" fn pump_rate(v: u32) -> u32 {\n    v * 2\n}\n", {}}, rust_pin}},
      {"Rust unsafe inside a closure, with unsafe only in a raw string in the twin",
       {{"src/lib.rs", "pub fn f(v: &[u8]) -> u8 {\n    let g = |i: usize| unsafe { *v.get_unchecked(i) };\n    g(0)\n}\n", {}}, rust_pin},
       {{"src/lib.rs", "pub const DOC: &str = r#\"let g = |i| unsafe { *v.get_unchecked(i) };\"#;\n"
                       "pub fn f(v: &[u8]) -> u8 {\n    let g = |i: usize| v[i];\n    g(0)\n}\n", {}}, rust_pin}},
      {"Rust unsafe trait and pub(crate) unsafe fn",
       {{"src/dma.rs", "pub unsafe trait DmaSafe {}\npub(crate) unsafe fn start(ch: u8) {}\n", {}}, rust_pin},
       {{"src/dma.rs", "pub trait DmaSafe {}\npub(crate) fn start(ch: u8) {}\n", {}}, rust_pin}},
      {"rust-toolchain file naming only a minor version",
       {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain", "1.78\n", {}}},
       {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain", "1.78.2\n", {}}}},
      {"rust-toolchain.toml on an undated nightly",
       {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain.toml", "[toolchain]\nchannel = 'nightly'\n", {}}},
       {{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain.toml", "[toolchain]\nchannel = 'nightly-2024-05-01'\n", {}}}},
      {"C# fixed statement in an unsafe method",
       {{"Sensor.cs", "class Sensor {\n  static unsafe int Sum(byte[] b) {\n    fixed (byte* p = b) { return p[0] + p[1]; }\n  }\n}\n", {}}},
       {{"Sensor.cs", "class Sensor {\n  static int Sum(byte[] b) {\n    return b[0] + b[1];\n  }\n}\n", {}}}},
      {"C# unsafe struct with a fixed buffer",
       {{"Frame.cs", "unsafe struct Frame { public fixed byte Data[64]; }\n", {}}},
       {{"Frame.cs", "struct Frame { public byte[] Data; }\n", {}}}},
      {"C# Unsafe class without the keyword",
       {{"Ring.cs", "using System.Runtime.CompilerServices;\nclass Ring {\n"
                    "  static int At(int[] a, int i) => Unsafe.Add(ref a[0], i);\n}\n", {}}},
       {{"Ring.cs", "using System.Runtime.CompilerServices;\nclass Ring {\n"
                    "  static int At(int[] a, int i) => a[i];\n}\n", {}}}},
      {"C# P/Invoke into a C library",
       {{"Native.cs", "using System.Runtime.InteropServices;\nstatic class Native {\n"
                      "  [DllImport(\"pumpctl\")]\n  public static extern int pump_rate(int v);\n}\n", {}}},
       {{"Native.cs", "static class Native {\n  public static int pump_rate(int v) => v * 2;\n}\n", {}}}},
      {"C# LibraryImport source-generated P/Invoke",
       {{"Native.cs", "using System.Runtime.InteropServices;\nstatic partial class Native {\n"
                      "  [LibraryImport(\"pumpctl\")]\n  internal static partial int pump_rate(int v);\n}\n", {}}},
       {{"Native.cs", "static partial class Native {\n  internal static int pump_rate(int v) => v * 2;\n}\n", {}}}},
      {"Go unsafe under an alias in a grouped import",
       {{"dev/mmio.go", "package dev\n\nimport (\n\t\"fmt\"\n\tu \"unsafe\"\n)\n\nfunc Addr(p *int) uintptr { fmt.Print(); return uintptr(u.Pointer(p)) }\n", {}}, go_pin},
       {{"dev/mmio.go", "package dev\n\nimport (\n\t\"fmt\"\n)\n\nfunc Addr(p *int) int { fmt.Print(); return *p }\n", {}}, go_pin}},
      {"Go unsafe.Slice",
       {{"dev/buf.go", "package dev\nimport \"unsafe\"\nfunc View(p *byte, n int) []byte { return unsafe.Slice(p, n) }\n", {}}, go_pin},
       {{"dev/buf.go", "package dev\nfunc View(b []byte, n int) []byte { return b[:n] }\n", {}}, go_pin}},
      {"Go linkname through a blank unsafe import",
       {{"dev/clock.go", "package dev\nimport _ \"unsafe\"\n//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64\n", {}}, go_pin},
       {{"dev/clock.go", "package dev\nimport \"time\"\nfunc nanotime() int64 { return time.Now().UnixNano() }\n", {}}, go_pin}},
      {"Kotlin external function bound through JNI",
       {{"app/src/Pump.kt", "class Pump {\n    external fun rate(v: Int): Int\n    companion object { init { System.loadLibrary(\"pump\") } }\n}\n", {}}},
       {{"app/src/Pump.kt", "class Pump {\n    fun rate(v: Int): Int = v * 2\n}\n", {}}}},
      {"JNI functions registered with RegisterNatives",
       {{"jni/pump.cpp",
         "#include <jni.h>\nstatic jint rate(JNIEnv *, jobject, jint v) { return v * 2; }\n"
         "static const JNINativeMethod methods[] = {{\"rate\", \"(I)I\", reinterpret_cast<void *>(rate)}};\n"
         "jint JNI_OnLoad(JavaVM *vm, void *) {\n  JNIEnv *env = nullptr;\n"
         "  if (vm->GetEnv(reinterpret_cast<void **>(&env), JNI_VERSION_1_6) != JNI_OK) return JNI_ERR;\n"
         "  jclass c = env->FindClass(\"org/pump/Pump\");\n  env->RegisterNatives(c, methods, 1);\n  return JNI_VERSION_1_6;\n}\n", {}}},
       {{"jni/pump.cpp", "static int rate(int v) { return v * 2; }\nint pump_rate(int v) { return rate(v); }\n", {}}}},
      {"Java native method in an interface-style holder",
       {{"src/org/pump/Hw.java", "package org.pump;\nfinal class Hw {\n  static { System.loadLibrary(\"hw\"); }\n"
                                 "  static native int readAdc(int ch);\n}\n", {}}},
       {{"src/org/pump/Hw.java", "package org.pump;\nfinal class Hw {\n  // formerly: static native int readAdc(int ch);\n"
                                 "  static int readAdc(int ch) { return Adc.read(ch); }\n}\n", {}}}},
  };
  expect_tree_pairs("LANG-3", pairs);
}

}  // namespace
}  // namespace mdbc::source
