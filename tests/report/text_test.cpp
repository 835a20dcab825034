// The text report: colour only when asked, and text from the inputs shown printable.
#include <gtest/gtest.h>

#include <sstream>

#include "report/report.h"
#include "report/sample_inspection.h"

namespace mdbc::report {
namespace {

// The report as one string, for assertions over the whole of it.
std::string text(const Inspection& in, bool color) {
  std::ostringstream out;
  report::text(in, color, out);
  return out.str();
}

TEST(TextReport, ColourOnlyWhenAsked) {
  const Inspection in = test::sample_inspection();
  EXPECT_EQ(text(in, false).find('\033'), std::string::npos);
  EXPECT_NE(text(in, true).find("\033["), std::string::npos);
}

TEST(TextReport, ComponentsAndVariancesFromTheInputsArePrintable) {
  Inspection in = test::sample_inspection();
  in.components.push_back({std::string("lib\xff\x1b[2Jname"), "1.0\n", "vendor/x", "evidence \x80", ""});
  in.variances[0].variance.reviewer = "Eve\x1b[31m";
  in.variances[0].variance.justification = "why\nnot";
  const std::string out = text(in, false);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
  EXPECT_EQ(out.find("evidence \x80"), std::string::npos);  // 0x80 alone: it is also part of UTF-8 "—"
  EXPECT_EQ(out.find('\033'), std::string::npos);
  EXPECT_NE(out.find("lib\\xff\\x1b[2Jname 1.0\\n  vendor/x  (evidence \\x80)"), std::string::npos) << out;
  EXPECT_NE(out.find("reviewer Eve\\x1b[31m"), std::string::npos) << out;
  EXPECT_NE(out.find("why\\nnot"), std::string::npos) << out;
}

TEST(TextReport, EndsWithTheDecision) {
  const Inspection in = test::sample_inspection();
  EXPECT_TRUE(text(in, false).ends_with(decision_sentence(in) + ".\n"));
}

}  // namespace
}  // namespace mdbc::report
