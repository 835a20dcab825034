// Every report format through the real binary: deterministic bytes, --output, colour only when
// asked or on a terminal, hostile file names shown escaped, parseable JSON.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace mdbc::test {
namespace {

constexpr const char* formats[] = {"text", "json", "sarif", "html"};

// A small device tree with banned calls, a file whose name is not UTF-8 and holds a newline, and a
// symbolic link named like markup (links are listed as not inspected, so the name is always shown).
class ReportFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    dir.write("pump/src/main.c",
              "#include <stdio.h>\n#include <string.h>\nint main(void) {\n  char buf[16], a[8];\n  gets(buf);\n"
              "  strcpy(a, buf);\n  return a[0];\n}\n");
    dir.write(std::string("pump/src/bad\xff\nname.c"), "void f(char *b) { gets(b); }\n");
    ASSERT_EQ(::symlink("main.c", (dir.path() / "pump/src/<script>alert(1)<script>.c").c_str()), 0);
    ASSERT_EQ(::symlink("main.c", (dir.path() / std::string("pump/src/link\xfe\nname.c")).c_str()), 0);
  }
  RunResult inspect(std::vector<std::string> extra) {
    std::vector<std::string> args{"inspect", "--quiet", "--date", "2025-06-15"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(root());
    return mdbc(args);
  }
  std::string root() const { return (dir.path() / "pump").string(); }
  TempDir dir;
};

TEST_F(ReportFormats, SameInputGivesIdenticalBytesInEveryFormat) {
  for (const char* format : formats) {
    const RunResult first = inspect({"--format", format});
    const RunResult second = inspect({"--format", format});
    ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << format << ": " << first.err;
    EXPECT_FALSE(first.out.empty()) << format;
    EXPECT_EQ(first.out, second.out) << format;
    EXPECT_EQ(first.exit_code, second.exit_code) << format;
  }
}

TEST_F(ReportFormats, OutputFileReceivesTheReportAndStdoutStaysEmpty) {
  for (const char* format : formats) {
    const std::string file = (dir.path() / (std::string("report.") + format)).string();
    const RunResult to_file = inspect({"--format", format, "--output", file});
    const RunResult to_stdout = inspect({"--format", format});
    EXPECT_TRUE(to_file.out.empty()) << format;
    EXPECT_EQ(to_file.exit_code, to_stdout.exit_code) << format << ": " << to_file.err;
    EXPECT_EQ(read_text(file), to_stdout.out) << format;
  }
}

TEST_F(ReportFormats, ColourOnlyWhenAskedOrOnATerminal) {
  const RunResult piped = inspect({});
  const RunResult never = inspect({"--color", "never"});
  const RunResult always = inspect({"--color", "always"});
  EXPECT_EQ(piped.out.find('\033'), std::string::npos);
  EXPECT_EQ(never.out.find('\033'), std::string::npos);
  EXPECT_NE(always.out.find("\033["), std::string::npos);
  EXPECT_EQ(piped.out, never.out);
  // Colour is a property of the text format only.
  for (const char* format : {"json", "sarif", "html"})
    EXPECT_EQ(inspect({"--format", format, "--color", "always"}).out.find('\033'), std::string::npos) << format;
  const RunResult bad = inspect({"--color", "sometimes"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(ReportFormats, HostileFileNamesAreShownEscapedInEveryFormat) {
  for (const char* format : formats) {
    const RunResult r = inspect({"--format", format});
    // Raw bytes of the names never reach the output.
    EXPECT_EQ(r.out.find('\xff'), std::string::npos) << format;
    EXPECT_EQ(r.out.find('\xfe'), std::string::npos) << format;
    EXPECT_EQ(r.out.find("bad\xff"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("link\xfe\nname"), std::string::npos) << format;
  }
  const std::string text = inspect({}).out;
  EXPECT_NE(text.find("link\\xfe\\nname.c"), std::string::npos) << text;
  const std::string html = inspect({"--format", "html"}).out;
  EXPECT_NE(html.find("link\\xfe\\nname.c"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;script&gt;.c"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(ReportFormats, JsonIsParseableWithTheResultModel) {
  const RunResult r = inspect({"--format", "json"});
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"tool", "code_edition", "profile", "date", "roots", "stages", "files", "bytes", "inputs_sha256",
                          "meets_code", "decision", "verdicts", "findings", "components", "skipped", "variances"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["date"], "2025-06-15");
  EXPECT_EQ(j["profile"], "C-connected");
  EXPECT_EQ(j["meets_code"], r.exit_code == 0);
  EXPECT_FALSE(j["verdicts"].empty());
  bool link_listed = false;
  for (const auto& s : j["skipped"]) link_listed = link_listed || s["path"] == "src/link\\xfe\\nname.c";
  EXPECT_TRUE(link_listed) << j["skipped"].dump();
}

TEST_F(ReportFormats, BannedCallsAreReportedInEveryFormat) {
  // Needs the CODE-1 source rules: gets and strcpy in src/main.c.
  const auto j = nlohmann::json::parse(inspect({"--format", "json"}).out);
  size_t code1 = 0;
  for (const auto& f : j["findings"]) code1 += f["element"] == "CODE-1" && f["path"] == "src/main.c";
  EXPECT_GE(code1, 2u);
  EXPECT_NE(inspect({}).out.find("src/main.c:5:"), std::string::npos);
  EXPECT_NE(inspect({"--format", "html"}).out.find("src/main.c:5:"), std::string::npos);
}

TEST_F(ReportFormats, UnknownFormatNamesEveryFormat) {
  const RunResult r = inspect({"--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  for (const char* format : formats) EXPECT_NE(r.err.find(format), std::string::npos) << r.err;
  const std::string help = mdbc({"inspect", "--help"}).out;
  for (const char* format : formats) EXPECT_NE(help.find(format), std::string::npos) << format;
  EXPECT_NE(help.find("--sbom FILE"), std::string::npos);
}

}  // namespace
}  // namespace mdbc::test
