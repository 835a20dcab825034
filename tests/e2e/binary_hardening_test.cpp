// HARD-1 on Linux ELF files the test builds with gcc, each hardening flag on and off; the
// verdicts agree with Debian's checksec on ordinary dynamic executables and are right where
// checksec is known to be wrong (static executables, stripped static executables, libraries
// exporting _chk functions, object files).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/binary_corpus.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

const std::vector<std::string> hardened = {"-O2", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-fPIE", "-pie",
                                           "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack"};

std::vector<std::string> with(std::vector<std::string> flags, std::initializer_list<std::string> more) {
  flags.insert(flags.end(), more);
  return flags;
}

std::vector<std::string> without(std::vector<std::string> flags, const std::string& flag) {
  std::erase(flags, flag);
  return flags;
}

json inspect(const std::filesystem::path& file, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"inspect", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file.string());
  const RunResult r = mdbc(args);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return json::parse(r.out);
}

json hardening_of(const std::filesystem::path& file) {
  const json j = inspect(file);
  EXPECT_EQ(j["artifacts"].size(), 1u);
  return j["artifacts"].at(0).value("hardening", json());
}

std::set<std::string> hard1_rules(const json& report) {
  std::set<std::string> rules;
  for (const auto& f : report["findings"])
    if (f["element"] == "HARD-1") rules.insert(f["rule"].get<std::string>());
  return rules;
}

json expected(std::string relro, std::string canary, std::string nx, std::string pie, std::string fortify,
              std::string rpath = "no", std::string runpath = "no", std::string rwx = "no") {
  // The key order is part of the format.
  json o = json::object();
  o["relro"] = relro, o["canary"] = canary, o["nx"] = nx, o["pie"] = pie, o["fortify"] = fortify;
  o["rpath"] = rpath, o["runpath"] = runpath, o["rwx"] = rwx;
  return o;
}

std::vector<std::string> keys(const json& o) {
  std::vector<std::string> k;
  for (const auto& [key, value] : o.items()) k.push_back(key);
  return k;
}

struct Variant {
  const char* name;
  std::vector<std::string> flags;
  json hardening;
  std::set<std::string> findings;  // HARD-1 rule ids
};

std::vector<Variant> dynamic_variants() {
  return {
      {"hardened", hardened, expected("full", "yes", "yes", "yes", "yes"), {}},
      {"stripped", with(hardened, {"-s"}), expected("full", "yes", "yes", "yes", "yes"), {}},
      {"no-canary", with(hardened, {"-fno-stack-protector"}), expected("full", "no", "yes", "yes", "yes"), {"HARD-1/no-canary"}},
      {"partial-canary", with(hardened, {"-DUNPROTECTED_HELPER"}), expected("full", "partial", "yes", "yes", "yes"),
       {"HARD-1/partial-canary"}},
      {"no-fortify", with(without(hardened, "-D_FORTIFY_SOURCE=2"), {"-U_FORTIFY_SOURCE"}),
       expected("full", "yes", "yes", "yes", "no"), {"HARD-1/no-fortify"}},
      {"no-pie", with(without(without(hardened, "-fPIE"), "-pie"), {"-fno-pie", "-no-pie"}),
       expected("full", "yes", "yes", "no", "yes"), {"HARD-1/no-pie"}},
      {"partial-relro", with(without(hardened, "-Wl,-z,relro,-z,now"), {"-Wl,-z,relro,-z,lazy"}),
       expected("partial", "yes", "yes", "yes", "yes"), {"HARD-1/partial-relro"}},
      {"no-relro", with(without(hardened, "-Wl,-z,relro,-z,now"), {"-Wl,-z,norelro"}),
       expected("no", "yes", "yes", "yes", "yes"), {"HARD-1/no-relro"}},
      {"exec-stack", with(without(hardened, "-Wl,-z,noexecstack"), {"-Wl,-z,execstack"}),
       expected("full", "yes", "no", "yes", "yes"), {"HARD-1/exec-stack"}},
      {"rpath", with(hardened, {"-Wl,-rpath,/opt/vendor/lib", "-Wl,--disable-new-dtags"}),
       expected("full", "yes", "yes", "yes", "yes", "yes", "no"), {"HARD-1/rpath"}},
      {"runpath", with(hardened, {"-Wl,-rpath,/opt/vendor/lib", "-Wl,--enable-new-dtags"}),
       expected("full", "yes", "yes", "yes", "yes", "no", "yes"), {"HARD-1/runpath"}},
  };
}

TEST(BinaryHardening, EachFlagOnAndOffInDynamicExecutables) {
  BinaryCorpus corpus;
  for (const auto& v : dynamic_variants()) {
    SCOPED_TRACE(v.name);
    const auto file = corpus.gcc(v.name, hardening_program, v.flags);
    const json report = inspect(file);
    const json h = report["artifacts"].at(0)["hardening"];
    EXPECT_EQ(h, v.hardening);
    EXPECT_EQ(keys(h), keys(v.hardening));
    EXPECT_EQ(hard1_rules(report), v.findings);
  }
}

// Debian's checksec reads ordinary dynamic executables correctly: on those the two agree (checksec
// has no "partial" canary and no "none-fortifiable").
TEST(BinaryHardening, AgreesWithChecksecOnOrdinaryDynamicExecutables) {
  BinaryCorpus corpus;
  for (const auto& v : dynamic_variants()) {
    SCOPED_TRACE(v.name);
    const auto file = corpus.gcc(v.name, hardening_program, v.flags);
    const RunResult r = run({"checksec", "--file=" + file.string(), "--output=json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json theirs = json::parse(r.out).at(file.string());
    const json ours = hardening_of(file);
    for (const char* key : {"relro", "nx", "pie", "rpath", "runpath"}) EXPECT_EQ(ours[key], theirs[key]) << key;
    EXPECT_EQ(ours["canary"] == "no" ? "no" : "yes", theirs["canary"]);
    EXPECT_EQ(ours["fortify"] == "yes" ? "yes" : "no", theirs["fortify_source"]);
  }
}

// GCC turns sin(a) and cos(a) into sincos(a, &s, &c) after it has decided which functions get a
// guard: the two stack slots are no buffer, and the function is not a gap in the protection.
TEST(BinaryHardening, SincosSlotsAreNotAnUnprotectedBuffer) {
  BinaryCorpus corpus;
  const std::string source = std::string(hardening_program) +
                             "double polar(double a, double r) { return r * __builtin_sin(a) + r * __builtin_cos(a) * 2.0; }\n";
  const auto file = corpus.gcc("sincos", source, with(hardened, {"-Wl,--no-as-needed", "-lm"}));
  EXPECT_EQ(hardening_of(file)["canary"], "yes");
  EXPECT_EQ(hard1_rules(inspect(file)), std::set<std::string>{});
  // Statically linked, the call goes through an IFUNC stub that the symbol table names by one of
  // the implementation's aliases (sincosf32x, sincosf64, __sincos or sincos); only the functions
  // main reaches are the program's own. (-u: the flags come before the source, and a static link
  // takes from libm only what is undefined by then.)
  const std::string reached = "#include <stdio.h>\n#include <string.h>\n"
                              "__attribute__((noinline)) double polar(double a, double r) {\n"
                              "  return r * __builtin_sin(a) + r * __builtin_cos(a) * 2.0;\n}\n"
                              "__attribute__((noinline)) int copy_name(const char *s) {\n"
                              "  char buf[32];\n  strcpy(buf, s);\n  puts(buf);\n  return buf[0];\n}\n"
                              "int main(int argc, char **argv) { printf(\"%f %d\\n\", polar(argc, 2.0), copy_name(argv[0])); return 0; }\n";
  const auto linked = corpus.gcc("sincos-static", reached, {"-O2", "-fstack-protector-strong", "-static", "-Wl,-u,sincos", "-lm"});
  EXPECT_EQ(hardening_of(linked)["canary"], "yes");
}

TEST(BinaryHardening, WritableAndExecutableSegment) {
  BinaryCorpus corpus;
  const std::string source = std::string(hardening_program) +
                             "__asm__(\".section .patch_area,\\\"awx\\\",@progbits\\n.byte 0xc3\\n.previous\");\n";
  const json report = inspect(corpus.gcc("rwx", source, hardened));
  EXPECT_EQ(report["artifacts"][0]["hardening"]["rwx"], "yes");
  bool named = false;
  for (const auto& f : report["findings"])
    if (f["rule"] == "HARD-1/rwx-segment") named = f["evidence"].get<std::string>().find(".patch_area") != std::string::npos;
  EXPECT_TRUE(named);
}

// Static executables: the C library brings __stack_chk_fail and the _chk functions whatever the
// program's flags, and stripping removes every symbol, so canary and FORTIFY are read from the
// program's own code (checksec reports "yes" for the first and "no" for the second).
TEST(BinaryHardening, StaticExecutablesAreJudgedByTheProgramsOwnCode) {
  BinaryCorpus corpus;
  const std::vector<std::string> base = {"-O2", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-static"};
  struct Case {
    const char* name;
    std::vector<std::string> flags;
    json hardening;
  };
  const Case cases[] = {
      {"static", base, expected("partial", "yes", "yes", "no", "yes")},
      {"static-now", with(base, {"-Wl,-z,now"}), expected("full", "yes", "yes", "no", "yes")},
      {"static-no-canary", with(base, {"-fno-stack-protector"}), expected("partial", "no", "yes", "no", "yes")},
      {"static-no-fortify", with(without(base, "-D_FORTIFY_SOURCE=2"), {"-U_FORTIFY_SOURCE"}),
       expected("partial", "yes", "yes", "no", "no")},
      {"static-stripped", with(base, {"-s"}), expected("partial", "yes", "yes", "no", "yes")},
      {"static-stripped-no-canary", with(base, {"-s", "-fno-stack-protector"}), expected("partial", "no", "yes", "no", "yes")},
      {"static-stripped-no-fortify", with(without(base, "-D_FORTIFY_SOURCE=2"), {"-s", "-U_FORTIFY_SOURCE"}),
       expected("partial", "yes", "yes", "no", "no")},
      {"static-partial-canary", with(base, {"-DUNPROTECTED_HELPER"}), expected("partial", "partial", "yes", "no", "yes")},
      {"static-pie", with(without(base, "-static"), {"-fPIE", "-static-pie"}), expected("partial", "yes", "yes", "yes", "yes")},
      {"static-pie-now", with(without(base, "-static"), {"-fPIE", "-static-pie", "-Wl,-z,now"}),
       expected("full", "yes", "yes", "yes", "yes")},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(hardening_of(corpus.gcc(c.name, hardening_program, c.flags)), c.hardening);
  }
}

// A static executable linked without a C library (as valgrind's tools are) has a PT_GNU_RELRO
// segment that nothing protects: glibc's start-up would, there is none. Stripping it changes
// nothing. checksec reports "partial".
TEST(BinaryHardening, StaticRelroWithoutGlibcIsNotProtected) {
  constexpr const char* program = R"(
static const char *const messages[] __attribute__((section(".data.rel.ro"), used)) = {"ready", "stopped"};
void _start(void) {
  __asm__ volatile("mov $60, %%eax\n xor %%edi, %%edi\n syscall" ::: "memory");
  for (;;) {}
}
)";
  BinaryCorpus corpus;
  const std::vector<std::string> flags = {"-O2", "-static", "-nostdlib", "-fno-stack-protector", "-Wl,-z,relro,-z,now"};
  for (const bool stripped : {false, true}) {
    SCOPED_TRACE(stripped ? "stripped" : "with symbols");
    const auto file = corpus.gcc(stripped ? "nolibc-stripped" : "nolibc", program, stripped ? with(flags, {"-s"}) : flags);
    const json report = inspect(file);
    EXPECT_EQ(report["artifacts"][0]["hardening"]["relro"], "no");
    EXPECT_TRUE(hard1_rules(report).contains("HARD-1/no-relro"));
  }
}

// A shared library that defines __memcpy_chk and __stack_chk_fail (as a C library does) is not
// thereby fortified or protected: only what it imports and what its code does count.
TEST(BinaryHardening, ExportingChkFunctionsIsNotBeingProtected) {
  BinaryCorpus corpus;
  const auto lib = corpus.gcc("libexport.so", chk_exporting_library,
                              {"-O2", "-shared", "-fPIC", "-fno-stack-protector", "-U_FORTIFY_SOURCE", "-Wl,-z,relro,-z,now"});
  const json report = inspect(lib);
  EXPECT_EQ(report["artifacts"][0]["hardening"], expected("full", "no", "yes", "dso", "no"));
  const auto rules = hard1_rules(report);
  EXPECT_EQ(rules, (std::set<std::string>{"HARD-1/no-canary", "HARD-1/no-fortify"}));
}

// The C library itself exports every _chk function and imports none: not fortified, nothing to fortify.
TEST(BinaryHardening, TheCLibraryIsNotFortifiedByItsExports) {
  const json h = hardening_of("/lib/x86_64-linux-gnu/libc.so.6");
  EXPECT_EQ(h["fortify"], "none-fortifiable");
  EXPECT_EQ(h["pie"], "dso");
}

// An object file is not a program: it is reported as relocatable ("rel"), with what it brings to a
// link, and has no HARD-1 findings (checksec reports it as "NX disabled").
TEST(BinaryHardening, ObjectFilesAreNotPrograms) {
  BinaryCorpus corpus;
  const json report = inspect(corpus.gcc("object.o", hardening_program, {"-O2", "-c", "-fstack-protector-strong"}));
  EXPECT_EQ(report["artifacts"][0]["hardening"], expected("no", "yes", "yes", "rel", "no"));
  EXPECT_TRUE(hard1_rules(report).empty());
  const json unprotected = inspect(corpus.gcc("plain.o", hardening_program, {"-O2", "-c", "-fno-stack-protector", "-D_FORTIFY_SOURCE=2"}));
  EXPECT_EQ(unprotected["artifacts"][0]["hardening"]["canary"], "no");
  EXPECT_EQ(unprotected["artifacts"][0]["hardening"]["fortify"], "yes");
  EXPECT_TRUE(hard1_rules(unprotected).empty());
}

// PIE is read from the ELF type, PT_INTERP and DT_FLAGS_1, never from strings inside the file.
TEST(BinaryHardening, PieIsNotReadFromStrings) {
  BinaryCorpus corpus;
  const std::string source = std::string(hardening_program) +
                             "const char *pie_words = \"PIE enabled DT_FLAGS_1 PIE FLAGS_1 0x08000000 (DEBUG) Type: DYN\";\n";
  const auto file = corpus.gcc("pie-words", source, with(without(without(hardened, "-fPIE"), "-pie"), {"-fno-pie", "-no-pie"}));
  EXPECT_EQ(hardening_of(file)["pie"], "no");
}

TEST(BinaryHardening, TextReportShowsAHardeningTable) {
  BinaryCorpus corpus;
  corpus.gcc("hardened", hardening_program, hardened);
  corpus.gcc("no-pie", hardening_program, with(without(without(hardened, "-fPIE"), "-pie"), {"-fno-pie", "-no-pie"}));
  const RunResult r = mdbc({"inspect", (corpus.dir() / "hardened").string(), (corpus.dir() / "no-pie").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("RELRO"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CANARY"), std::string::npos);
  // One row per file, its values in column order.
  for (const char* row : {"hardened", "no-pie"}) {
    const size_t at = r.out.find(std::string("/") + row + " ");
    ASSERT_NE(at, std::string::npos) << row << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("full     yes      yes  no "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace mdbc::test
