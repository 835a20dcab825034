// LANG-1 (inventory), LANG-2 (evidence for memory-unsafe modules) and LANG-3 (escape hatches).
#include <gtest/gtest.h>

#include "core/code_book.h"
#include "inspect/source/language.h"
#include "support/source_fixture.h"

namespace mdbc::test {
namespace {

// ---- LANG-1

TEST(LanguageInventory, CountsFilesAndLinesPerLanguageAndTheSafeShare) {
  const auto r = inspect_tree({{"src/main.c", "int main(void)\n{\n  return 0;\n}\n", {}},
                               {"src/util.h", "int util(void);", {}},
                               {"tools/gen.rs", "fn main() {\n}\n", {}},
                               {"tools/gen.py", "print(1)\nprint(2)\n", {}},
                               {"README.md", "# not source\n", {}},
                               {"CMakeLists.txt", "project(x)\n", {}}});
  const auto& l = r.summary.at("languages");
  EXPECT_EQ(l.at("C").at("files"), 1);
  EXPECT_EQ(l.at("C").at("lines"), 4);
  EXPECT_EQ(l.at("C/C++ header").at("lines"), 1);  // no final newline: still one line
  EXPECT_EQ(l.at("Rust").at("lines"), 2);
  EXPECT_EQ(l.at("Python").at("files"), 1);
  EXPECT_FALSE(l.contains("CMake"));
  EXPECT_DOUBLE_EQ(l.at("memory_safe_share").get<double>(), 0.4444);  // 4 of 9 lines
  // Edition 1 sets no minimum: no finding.
  EXPECT_TRUE(only(r.findings, "LANG-1").empty());
}

TEST(LanguageInventory, ShareBelowTheProfilesMinimumIsAFinding) {
  Profile strict = *CodeBook::builtin().profile("C-connected");
  strict.min_memory_safe_share = 0.5;
  const std::vector<SnippetFile> mostly_c{{"src/main.c", "int main(void)\n{\n  return 0;\n}\n", {}},
                                          {"src/gen.rs", "fn main() {\n}\n", {}}};
  const auto f = only(inspect_tree(mostly_c, strict).findings, "LANG-1");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "LANG-1/memory-safe-share");
  EXPECT_NE(f[0].message.find("33.3%"), std::string::npos) << f[0].message;
  strict.min_memory_safe_share = 0.3;
  EXPECT_TRUE(only(inspect_tree(mostly_c, strict).findings, "LANG-1").empty());
}

TEST(LanguageInventory, ClassifiesAnalysisAndToolchainFiles) {
  using source::classify;
  using source::Language;
  EXPECT_EQ(classify("a/.clang-tidy"), Language::analysis_config);
  EXPECT_EQ(classify("project.cppcheck"), Language::analysis_config);
  EXPECT_EQ(classify("lint/std.lnt"), Language::analysis_config);
  EXPECT_EQ(classify("rust-toolchain"), Language::config_text);
  EXPECT_EQ(classify("svc/go.mod"), Language::config_text);
  EXPECT_EQ(classify("src/Makefile.am"), Language::make);
  EXPECT_EQ(classify("examples/Makefile.gz"), Language::none);
  EXPECT_EQ(classify(".clang-format"), Language::none);
}

// ---- LANG-2

std::vector<Finding> lang2(const std::vector<SnippetFile>& files) { return only(inspect_tree(files).findings, "LANG-2"); }

const char* const pump_c = "int pump_rate(int v) { return v * 2; }\n";

TEST(MemoryUnsafeEvidence, ModuleWithoutEvidenceGetsBothFindings) {
  const auto f = lang2({{"firmware/pump.c", pump_c, {}}, {"firmware/pump.h", "int pump_rate(int);\n", {}}});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].path, "firmware");
  EXPECT_EQ(f[0].rule, "LANG-2/no-dynamic-testing");
  EXPECT_EQ(f[1].rule, "LANG-2/no-static-analysis");
  EXPECT_NE(f[0].message.find("LLVMFuzzerTestOneInput"), std::string::npos);
}

TEST(MemoryUnsafeEvidence, RootSanitizerAndClangTidyCoverEveryModule) {
  EXPECT_TRUE(lang2({{"firmware/pump.c", pump_c, {}},
                     {"boot/start.S", "b reset\n", {}},
                     {"CMakeLists.txt", "add_compile_options(-fsanitize=address,undefined)\n", {}},
                     {".clang-tidy", "Checks: 'bugprone-*'\n", {}}})
                  .empty());
}

TEST(MemoryUnsafeEvidence, CommentedOutFlagsAreNotEvidence) {
  const auto f = lang2({{"firmware/pump.c", pump_c, {}},
                        {"CMakeLists.txt", "# add_compile_options(-fsanitize=address)\n# set(CMAKE_C_CLANG_TIDY clang-tidy)\n", {}}});
  EXPECT_EQ(f.size(), 2u);
}

TEST(MemoryUnsafeEvidence, FuzzTargetReachesTheModuleItIncludes) {
  const char* harness =
      "#include \"../firmware/pump.h\"\n"
      "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { pump_rate(n); return 0; }\n";
  const auto f = lang2({{"firmware/pump.c", pump_c, {}},
                        {"firmware/pump.h", "int pump_rate(int);\n", {}},
                        {"comms/ble.c", "int ble(void) { return 0; }\n", {}},
                        {"fuzz/fuzz_pump.c", harness, {}},
                        {"tools/cppcheck.cppcheck", "<project/>\n", {}}});
  // firmware is reached by the harness; comms is not; fuzz/ is test code, not a module.
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].path, "comms");
  EXPECT_EQ(f[0].rule, "LANG-2/no-dynamic-testing");
}

TEST(MemoryUnsafeEvidence, EvidenceInsideAModuleCoversOnlyThatModule) {
  const auto f = lang2({{"firmware/pump.c", pump_c, {}},
                        {"firmware/Makefile", "CFLAGS += -fsanitize=undefined\nlint:\n\tcppcheck --enable=all .\n", {}},
                        {"comms/ble.c", "int ble(void) { return 0; }\n", {}}});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].path, "comms");
  EXPECT_EQ(f[1].path, "comms");
}

TEST(MemoryUnsafeEvidence, OtherEvidenceForms) {
  // AFL harness, Meson sanitizer option, CMake presets, Kconfig, CodeQL workflow.
  EXPECT_TRUE(lang2({{"a/x.c", "int main(void) { while (__AFL_LOOP(1000)) step(); }\n", {}},
                     {"b/y.c", pump_c, {}},
                     {"b/meson.build", "project('y', 'c', default_options: ['b_sanitize=address'])\n", {}},
                     {"c/z.c", pump_c, {}},
                     {"c/CMakePresets.json", "{\"cacheVariables\": {\"CMAKE_C_FLAGS\": \"-fsanitize=address\"}}\n", {}},
                     {"d/w.c", pump_c, {}},
                     {"d/prj.conf", "CONFIG_UBSAN=y\n", {}},
                     {".github/workflows/codeql.yml", "- uses: github/codeql-action/init@v3\n", {}}})
                  .empty());
}

TEST(MemoryUnsafeEvidence, HeaderOnlyDirectoriesAndMemorySafeCodeNeedNothing) {
  EXPECT_TRUE(lang2({{"include/pump.h", "int pump_rate(int);\n", {}}, {"src/main.rs", "fn main() {}\n", {}}}).empty());
}

TEST(MemoryUnsafeEvidence, FilesAtTheRootFormTheRootModule) {
  const auto f = lang2({{"main.c", pump_c, {}}, {".clang-tidy", "Checks: '*'\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].path, ".");
  EXPECT_EQ(f[0].rule, "LANG-2/no-dynamic-testing");
}

// ---- LANG-3

std::vector<Finding> lang3(const std::vector<SnippetFile>& files) { return only(inspect_tree(files).findings, "LANG-3"); }

const SnippetFile pinned_rust{"rust-toolchain.toml", "[toolchain]\nchannel = \"1.78.0\"\n", {}};

TEST(EscapeHatches, RustUnsafeIsListedButNotInCommentsOrStrings) {
  const char* code =
      "// unsafe { in a comment }\n"
      "/* outer /* nested unsafe */ still comment unsafe */\n"
      "const S: &str = \"unsafe { }\";\n"
      "const R: &str = r#\"unsafe \"quoted\" fn\"#;\n"
      "fn lifetime<'a>(x: &'a u8) -> char { 'u' }\n"
      "#![forbid(unsafe_code)]\n"
      "unsafe fn raw(p: *const u8) -> u8 {\n"
      "    unsafe { *p }\n"
      "}\n"
      "unsafe impl Send for Pump {}\n"
      "let r#unsafe = 1;\n";
  const auto f = lang3({{"src/lib.rs", code, {}}, pinned_rust});
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].line, 7u);
  EXPECT_NE(f[0].message.find("unsafe function"), std::string::npos);
  EXPECT_EQ(f[1].line, 8u);
  EXPECT_NE(f[1].message.find("unsafe block"), std::string::npos);
  EXPECT_EQ(f[1].column, 5u);
  EXPECT_EQ(f[2].line, 10u);
  EXPECT_NE(f[2].message.find("unsafe impl"), std::string::npos);
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(EscapeHatches, RustToolchainMustBePinnedExactly) {
  EXPECT_EQ(lang3({{"src/main.rs", "fn main() {}\n", {}}}).size(), 1u);
  EXPECT_TRUE(lang3({{"src/main.rs", "fn main() {}\n", {}}, pinned_rust}).empty());
  EXPECT_TRUE(lang3({{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain", "nightly-2024-05-01\n", {}}}).empty());
  const auto moving = lang3({{"src/main.rs", "fn main() {}\n", {}},
                             {"rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n", {}}});
  ASSERT_EQ(moving.size(), 1u);
  EXPECT_EQ(moving[0].path, "rust-toolchain.toml");
  EXPECT_EQ(moving[0].line, 2u);
  EXPECT_EQ(lang3({{"src/main.rs", "fn main() {}\n", {}}, {"rust-toolchain", "1.78\n", {}}}).size(), 1u);
}

TEST(EscapeHatches, CSharpUnsafe) {
  const char* code =
      "// unsafe\n"
      "var s = \"unsafe\"; var v = @\"un\"\"safe\"; var i = $\"{(x ? \"unsafe\" : \"b\")} unsafe\";\n"
      "var @unsafe = 1;\n"
      "unsafe { byte* p = &b; }\n"
      "public unsafe void F() {}\n";
  const auto f = lang3({{"A.cs", code, {}}});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].line, 4u);
  EXPECT_EQ(f[1].line, 5u);
}

TEST(EscapeHatches, GoUnsafeAndCgo) {
  const char* code =
      "package pump\n"
      "import (\n  \"fmt\"\n  u \"unsafe\"\n)\n"
      "import \"C\"\n"
      "// unsafe.Pointer in a comment\n"
      "var s = `unsafe.Pointer`\n"
      "func f(b []byte) { p := u.Pointer(&b[0]); fmt.Println(p, unsafe.Sizeof(b)) }\n";
  const auto f = lang3({{"pump.go", code, {}}, {"go.mod", "module pump\n\ngo 1.22\n\ntoolchain go1.22.3\n", {}}});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "LANG-3/go-cgo");
  EXPECT_EQ(f[0].line, 6u);
  EXPECT_EQ(f[1].rule, "LANG-3/go-unsafe");
  EXPECT_EQ(f[1].line, 9u);  // u.Pointer; unsafe.Sizeof is not the package here
}

TEST(EscapeHatches, GoToolchain) {
  EXPECT_EQ(lang3({{"main.go", "package main\n", {}}}).size(), 1u);
  const auto f = lang3({{"main.go", "package main\n", {}}, {"go.mod", "module pump\n\ngo 1.22\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].path, "go.mod");
  EXPECT_EQ(f[0].rule, "LANG-3/go-toolchain-unpinned");
}

TEST(EscapeHatches, JavaNativeAndJni) {
  const char* java =
      "/* native */ class Pump {\n"
      "  String s = \"native\"; String t = \"\"\"\n  native\n  \"\"\";\n"
      "  private native int rate(int v);\n"
      "  sun.misc.Unsafe u;\n"
      "}\n";
  const auto f = lang3({{"Pump.java", java, {}},
                        {"jni/pump.c", "#define JNIEXPORT\nJNIEXPORT jint JNICALL Java_Pump_rate(JNIEnv *e) { return 0; }\n", {}}});
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].path, "Pump.java");
  EXPECT_EQ(f[0].rule, "LANG-3/java-native");
  EXPECT_EQ(f[0].line, 5u);
  EXPECT_EQ(f[1].rule, "LANG-3/java-unsafe");
  EXPECT_EQ(f[2].rule, "LANG-3/jni-export");
  EXPECT_EQ(f[2].line, 2u);
}

TEST(EscapeHatches, HostileTextEndsCleanly) {
  // Unterminated comments, strings and raw strings at the end of the file.
  for (const char* text : {"unsafe /* never closed", "let s = r##\"never closed", "fn f() { '", "\"abc\\", "/* /* */"})
    EXPECT_NO_THROW(lang3({{"x.rs", text, {}}, {"y.go", text, {}}, {"z.cs", text, {}}, {"w.java", text, {}}, pinned_rust}));
}

}  // namespace
}  // namespace mdbc::test
