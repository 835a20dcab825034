// The certificate of inspection: self-contained, everything from the inputs escaped, and every
// part the building code asks a certificate to name.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "report/report.h"
#include "report/sample_inspection.h"

namespace mdbc::report {
namespace {

// The page as one string, for assertions over the whole of it.
std::string html(const Inspection& in) {
  std::ostringstream out;
  report::html(in, out);
  return out.str();
}

class Html : public ::testing::Test {
 protected:
  Inspection in = test::sample_inspection();
  std::string page = html(in);
};

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST_F(Html, IsOneSelfContainedPage) {
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(count(page, "<html"), 1u);
  EXPECT_TRUE(page.ends_with("</html>\n"));
  EXPECT_EQ(count(page, "<style>"), 1u);
  // No scripts, and nothing fetched from elsewhere.
  for (const char* forbidden : {"<script", "<link", "<img", "src=", "href=", "url(", "@import", "http://", "https://"})
    EXPECT_EQ(count(page, forbidden), 0u) << forbidden;
}

TEST_F(Html, EscapesHostilePathsEvidenceAndVariances) {
  EXPECT_NE(page.find("src/&lt;script&gt;alert(1)&lt;/script&gt; \\xff.c"), std::string::npos);
  EXPECT_NE(page.find("/* &lt;/td&gt;&lt;script&gt;x&lt;/script&gt; */"), std::string::npos);
  EXPECT_NE(page.find("gets &lt;cannot&gt; be used safely &amp; never will"), std::string::npos);
  EXPECT_NE(page.find("reviewed &lt;externally&gt; &amp; signed off"), std::string::npos);
  EXPECT_NE(page.find("A. Expert &lt;expert@example.org&gt;"), std::string::npos);
  EXPECT_NE(page.find("third_party/&lt;b&gt;FreeRTOS&lt;/b&gt;"), std::string::npos);
  // Raw bytes that are not UTF-8 or are control characters never reach the page.
  Inspection raw = test::sample_inspection();
  raw.skipped.push_back({std::string("bad\xff\x01\x1b[31mname"), "reason \"quoted\" 'single'"});
  const std::string out = html(raw);
  EXPECT_EQ(out.find('\xff'), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("bad\\xff\\x01\\x1b[31mname"), std::string::npos);
  EXPECT_NE(out.find("reason &quot;quoted&quot; &#39;single&#39;"), std::string::npos);
}

TEST_F(Html, NamesEditionProfileStagesDigestAndDecision) {
  EXPECT_NE(page.find("<h1>Certificate of inspection</h1>"), std::string::npos);
  EXPECT_NE(page.find("edition " + std::to_string(in.code->edition())), std::string::npos);
  EXPECT_NE(page.find("<b>C-connected</b>: software safety class C, connected"), std::string::npos);
  EXPECT_NE(page.find("<td>source, binary</td>"), std::string::npos);
  EXPECT_NE(page.find(in.inputs_sha256), std::string::npos);
  const std::string decision = "<div class=\"decision " + std::string(in.meets_code ? "meets" : "fails") +
                               "\">infusion-pump " + decision_sentence(in) + ".</div>";
  EXPECT_NE(page.find(decision), std::string::npos) << decision;
}

TEST_F(Html, HasAColourCodedRowPerVerdict) {
  EXPECT_EQ(count(page, "<td class=\"verdict "), in.verdicts.size());
  for (const auto& v : in.verdicts) {
    const std::regex row("<tr><td>" + v.element->id + "</td><td>[^<]*</td><td>(yes|no)</td><td class=\"verdict [a-z]+\">" +
                         std::string(to_string(v.verdict)) + "</td>");
    EXPECT_TRUE(std::regex_search(page, row)) << v.element->id;
  }
}

TEST_F(Html, ListsRequiredElementsLeftUninspected) {
  size_t uninspected = 0;
  for (const auto& v : in.verdicts)
    if (v.verdict == Verdict::not_inspected) {
      ++uninspected;
      EXPECT_NE(page.find("<li><b>" + v.element->id + "</b> "), std::string::npos) << v.element->id;
    }
  EXPECT_GT(uninspected, 0u);  // the sample inspects no images or root file systems
  Inspection all = test::sample_inspection();
  for (auto& v : all.verdicts)
    if (v.verdict == Verdict::not_inspected) v.verdict = Verdict::pass;
  EXPECT_NE(html(all).find("<p>None: every element the profile requires was decided"), std::string::npos);
}

TEST_F(Html, ListsEveryVarianceAndMarksExpiredOnes) {
  EXPECT_NE(page.find("every CRYPTO-2 finding under src/crypto/**"), std::string::npos);
  EXPECT_NE(page.find("2027-06-30</td>"), std::string::npos);
  EXPECT_NE(page.find("2024-01-31 <span class=\"expired\">EXPIRED — not applied</span>"), std::string::npos);
  EXPECT_EQ(count(page, "EXPIRED"), 1u);
}

TEST_F(Html, GroupsFindingsByElementWithFingerprints) {
  for (const auto& f : in.findings) EXPECT_NE(page.find(f.fingerprint), std::string::npos) << f.rule;
  EXPECT_NE(page.find("<h3>CODE-1 "), std::string::npos);
  EXPECT_NE(page.find("<h3>mbedtls (1 finding; reported under the component, not judged)</h3>"), std::string::npos);
  EXPECT_NE(page.find("waived by variance #0"), std::string::npos);
  EXPECT_NE(page.find("bin/pump.elf @0x1f40"), std::string::npos);
  EXPECT_NE(page.find("<td>3.5.2</td>"), std::string::npos);
  EXPECT_NE(page.find("pkg:github/Mbed-TLS/mbedtls@3.5.2"), std::string::npos);
}

TEST_F(Html, IsDeterministic) { EXPECT_EQ(html(test::sample_inspection()), page); }

}  // namespace
}  // namespace mdbc::report
