// HARD-2 and CODE-1 on Cortex-M firmware the test builds with Debian's gcc-arm-none-eabi and
// newlib, as .elf, .bin and .hex; and how the binary inspector claims files.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/binary_corpus.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

json inspect(const std::filesystem::path& file, const std::string& profile = "A") {
  const RunResult r = mdbc({"inspect", "--format", "json", "--profile", profile, file.string()});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return json::parse(r.out);
}

std::vector<json> findings(const json& report, const std::string& rule) {
  std::vector<json> out;
  for (const auto& f : report["findings"])
    if (f["rule"] == rule) out.push_back(f);
  return out;
}

std::string verdict(const json& report, const std::string& element) {
  for (const auto& v : report["verdicts"])
    if (v["element"] == element) return v["verdict"];
  return "";
}

TEST(BinaryFirmware, StackProtectorIsReadFromTheCodeOfEveryForm) {
  BinaryCorpus corpus;
  const auto on = corpus.cortex_m("protected", firmware_program, {"-fstack-protector-strong"});
  const auto off = corpus.cortex_m("unprotected", firmware_program, {"-fno-stack-protector"});
  for (const auto& file : {on.elf, on.bin, on.hex}) {
    SCOPED_TRACE(file.filename().string());
    const json report = inspect(file);
    ASSERT_EQ(report["artifacts"].size(), 1u);
    EXPECT_EQ(report["artifacts"][0]["kind"], "binary");
    EXPECT_EQ(report["artifacts"][0]["firmware"]["stack_protector"], "yes");
    EXPECT_GE(report["artifacts"][0]["firmware"]["protected_functions"].get<int>(), 2);
    EXPECT_TRUE(findings(report, "HARD-2/no-stack-protector").empty());
    EXPECT_EQ(verdict(report, "HARD-2"), "pass");
    // Firmware is not a Linux program: no HARD-1 facts or findings.
    EXPECT_FALSE(report["artifacts"][0].contains("hardening"));
  }
  for (const auto& file : {off.elf, off.bin, off.hex}) {
    SCOPED_TRACE(file.filename().string());
    const json report = inspect(file);
    EXPECT_EQ(report["artifacts"][0]["firmware"]["stack_protector"], "no");
    EXPECT_EQ(findings(report, "HARD-2/no-stack-protector").size(), 1u);
    EXPECT_EQ(verdict(report, "HARD-2"), "fail");
  }
}

TEST(BinaryFirmware, WritableExecutableSegmentsNameTheSectionThatCausedThem) {
  BinaryCorpus corpus;
  const json clean = inspect(corpus.cortex_m("clean", firmware_program, {"-fstack-protector-strong"}).elf);
  EXPECT_EQ(clean["artifacts"][0]["firmware"]["rwx"], "no");
  EXPECT_TRUE(findings(clean, "HARD-2/rwx-segment").empty());

  const json vectors = inspect(corpus.cortex_m("vectors", firmware_program, {"-fstack-protector-strong", "-DWRITABLE_VECTORS"}).elf);
  EXPECT_EQ(vectors["artifacts"][0]["firmware"]["rwx"], "yes");
  const auto v = findings(vectors, "HARD-2/rwx-segment");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v[0]["message"].get<std::string>().find("writable section .isr_vector"), std::string::npos) << v[0];
  EXPECT_NE(v[0]["message"].get<std::string>().find("0x8000000"), std::string::npos);

  const json ram = inspect(corpus.cortex_m("ramcode", firmware_program, {"-fstack-protector-strong", "-DRAM_FUNCTION"}).elf);
  const auto r = findings(ram, "HARD-2/rwx-segment");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_NE(r[0]["message"].get<std::string>().find("executable section .data in a segment of writable data"), std::string::npos) << r[0];
  EXPECT_EQ(verdict(ram, "HARD-2"), "fail");
}

TEST(BinaryFirmware, DebugSectionsAreAnAdvisoryWarning) {
  BinaryCorpus corpus;
  const auto fw = corpus.cortex_m("debug", firmware_program, {"-fstack-protector-strong", "-g"});
  const json a = inspect(fw.elf, "A");
  EXPECT_EQ(a["artifacts"][0]["firmware"]["debug_sections"], "yes");
  const auto d = findings(a, "HARD-2/debug-sections");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["severity"], "warning");
  EXPECT_NE(d[0]["evidence"].get<std::string>().find(".debug_info"), std::string::npos);
  EXPECT_EQ(verdict(a, "HARD-2"), "pass");    // class A fails on errors only
  EXPECT_EQ(verdict(inspect(fw.elf, "C"), "HARD-2"), "fail");  // class C fails on warnings too
  // The .bin and .hex made from it carry no sections at all.
  EXPECT_TRUE(findings(inspect(fw.bin), "HARD-2/debug-sections").empty());
}

TEST(BinaryFirmware, BannedFunctionsLinkedIn) {
  BinaryCorpus corpus;
  const json banned = inspect(corpus.cortex_m("banned", firmware_program, {"-fstack-protector-strong", "-DBANNED_CALL"}).elf);
  const auto b = findings(banned, "CODE-1/banned-linked");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(b[0]["message"].get<std::string>().find("strcpy is linked in"), std::string::npos);
  EXPECT_GT(b[0]["offset"].get<uint64_t>(), 0u);
  EXPECT_EQ(verdict(banned, "CODE-1"), "fail");
  const json clean = inspect(corpus.cortex_m("no-banned", firmware_program, {"-fstack-protector-strong"}).elf);
  EXPECT_TRUE(findings(clean, "CODE-1/banned-linked").empty());
}

TEST(BinaryFirmware, BannedImportsOfDynamicExecutables) {
  BinaryCorpus corpus;
  const json fortified = inspect(corpus.gcc("fortified", hardening_program, {"-O2", "-D_FORTIFY_SOURCE=2"}));
  const auto f = findings(fortified, "CODE-1/banned-import");
  ASSERT_EQ(f.size(), 1u);  // strcpy, imported as __strcpy_chk: still strcpy
  EXPECT_NE(f[0]["message"].get<std::string>().find("strcpy is imported"), std::string::npos);
  EXPECT_EQ(f[0]["evidence"], "imports __strcpy_chk");
  const json plain = inspect(corpus.gcc("plain", hardening_program, {"-O2", "-U_FORTIFY_SOURCE"}));
  ASSERT_EQ(findings(plain, "CODE-1/banned-import").size(), 1u);
  EXPECT_EQ(findings(plain, "CODE-1/banned-import")[0]["evidence"], "imports strcpy");
  // A static executable: only what the program's own code calls counts, not the C library's own
  // use of strcpy.
  const json static_exe = inspect(corpus.gcc("static", hardening_program, {"-O2", "-static", "-U_FORTIFY_SOURCE"}));
  const auto s = findings(static_exe, "CODE-1/banned-linked");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0]["message"].get<std::string>().find("strcpy is called by the program's own code"), std::string::npos);
  const json empty_static = inspect(corpus.gcc("empty-static", "int main(void) { return 0; }\n", {"-O2", "-static"}));
  EXPECT_TRUE(findings(empty_static, "CODE-1/banned-linked").empty());
}

TEST(BinaryFirmware, ImagesOfUnknownArchitectureAreUndecided) {
  TempDir dir;
  std::string noise;
  uint32_t x = 99;
  for (int i = 0; i < 65536; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    noise.push_back(static_cast<char>(x));
  }
  const json report = inspect(dir.write("blob.img", noise));
  EXPECT_EQ(report["artifacts"][0]["firmware"]["stack_protector"], "unknown");
  const auto u = findings(report, "HARD-2/undecided");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0]["severity"], "note");
}

TEST(BinaryFirmware, ClaimsFilesByContentAndFirmwareNames) {
  TempDir dir;
  dir.write("tree/firmware.rom", std::string(64, '\xff'));
  dir.write("tree/notes.txt", "plain text\n");
  dir.write("tree/data.dat", std::string("\x01\x02\x00\x03", 4));  // binary, but found by the walk: not claimed
  const RunResult walked = mdbc({"inspect", "--format", "json", (dir.path() / "tree").string()});
  ASSERT_TRUE(walked.exit_code == 0 || walked.exit_code == 1) << walked.err;
  const json w = json::parse(walked.out);
  ASSERT_EQ(w["artifacts"].size(), 1u);
  EXPECT_EQ(w["artifacts"][0]["path"], "firmware.rom");
  // Named on the command line, a binary file nobody else claims is inspected as a raw image; a
  // text file is not.
  const json given = inspect(dir.path() / "tree/data.dat");
  EXPECT_EQ(given["artifacts"].size(), 1u);
  const RunResult text = mdbc({"inspect", "--format", "json", (dir.path() / "tree/notes.txt").string()});
  EXPECT_EQ(json::parse(text.out)["artifacts"].size(), 0u);
}

TEST(BinaryFirmware, MalformedInputsAreOneLineErrors) {
  BinaryCorpus corpus;
  TempDir dir;
  const auto fw = corpus.cortex_m("for-errors", firmware_program, {"-fstack-protector-strong"});
  std::ifstream in(fw.elf, std::ios::binary);
  const std::string elf{std::istreambuf_iterator<char>(in), {}};
  const auto cut = dir.write("cut.elf", elf.substr(0, elf.size() / 2));
  RunResult r = mdbc({"inspect", cut.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.starts_with("mdbc: " + cut.string() + ": malformed ELF: ")) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  std::ifstream hex_in(fw.hex);
  std::string hex{std::istreambuf_iterator<char>(hex_in), {}};
  const size_t line2 = hex.find('\n') + 1;
  hex[line2 + 9] = hex[line2 + 9] == '0' ? '1' : '0';  // a data digit of line 2: its checksum no longer matches
  const auto bad = dir.write("bad.hex", hex);
  r = mdbc({"inspect", bad.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.starts_with("mdbc: " + bad.string() + ":2: ")) << r.err;

  // A file of one data record that is cut short or has junk where its checksum belongs, found in a
  // tree: Intel HEX by its header, so an input error naming the line, never a file left aside.
  for (const std::string record : {":04000000\n", ":0400000001020304ZZ\n", ":0400000001020304"}) {
    dir.write("tree/one.hex", record);
    r = mdbc({"inspect", (dir.path() / "tree").string()});
    EXPECT_EQ(r.exit_code, 2) << record;
    EXPECT_TRUE(r.err.starts_with("mdbc: one.hex:1: ")) << record << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

// A bootloader as vendors ship it (Arduino's optiboot): a last record rewrites the two bytes at the
// end of the one before it, which objcopy and avrdude accept, the later bytes winning. Found in a
// source tree it is inspected as the firmware it is, never an input error that stops the run.
TEST(BinaryFirmware, OverlappingHexRecordsAreProgrammedNotRejected) {
  TempDir dir;
  dir.write("tree/main.c", "int main(void) { return 0; }\n");
  dir.write("tree/bootloaders/boot.hex",
            ":10000000112233445566778899AABBCCDDEEFF00F8\n"  // 16 bytes at 0
            ":02000E000404E8\n"                                // its last two, rewritten
            ":0400000300007E007B\n:00000001FF\n");
  const RunResult r = mdbc({"inspect", "--format", "json", (dir.path() / "tree").string()});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << ": " << r.err;
  const json report = json::parse(r.out);
  bool inspected = false;
  for (const auto& a : report["artifacts"]) inspected = inspected || a["path"] == "bootloaders/boot.hex";
  EXPECT_TRUE(inspected) << report["artifacts"].dump();
}

}  // namespace
}  // namespace mdbc::test
