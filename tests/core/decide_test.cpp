// decide(): verdicts per element and the overall decision, from findings, variances and profile.
#include <gtest/gtest.h>

#include "core/inspection.h"

namespace mdbc {
namespace {

// An element some registered rule family decides on `kind`, required by every profile.
struct Decided {
  InputKind kind;
  const Element* element;
};

std::optional<Decided> decided_element() {
  const CodeBook& code = CodeBook::builtin();
  for (const auto& family : families())
    for (auto id : family.rule_ids) {
      const Element* e = code.element(id.substr(0, id.find('/')));
      if (e == nullptr) continue;
      bool everywhere = true;
      for (const auto& p : code.profiles()) everywhere = everywhere && code.is_required(p, *e);
      if (everywhere) return Decided{family.input, e};
    }
  return std::nullopt;
}

class Decide : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto d = decided_element();
    ASSERT_TRUE(d.has_value()) << "no rule family decides an element every profile requires";
    kind = d->kind;
    element = d->element;
    in.code = &CodeBook::builtin();
    use_profile("A");
    in.date = "2025-06-15";
    in.stages = {kind};
  }
  void use_profile(std::string_view name) {
    in.profile = in.code->profile(name);
    ASSERT_NE(in.profile, nullptr) << name;
  }
  Finding& add(Severity severity, std::string path = "src/a.c", std::string component = "") {
    Finding f;
    f.rule = element->id + "/decide-test";
    f.path = std::move(path);
    f.severity = severity;
    f.component = std::move(component);
    f.fingerprint = "fp" + std::to_string(in.findings.size());
    in.findings.push_back(f);
    return in.findings.back();
  }
  void add_variance(std::string expires, std::string path_glob = "") {
    Variance v;
    v.element = element->id;
    v.path_glob = std::move(path_glob);
    v.justification = "reviewed";
    v.reviewer = "r";
    v.expires = std::move(expires);
    in.variances.push_back({v, 0, false});
  }
  const ElementVerdict& verdict_of(std::string_view id) {
    for (const auto& v : in.verdicts)
      if (v.element->id == id) return v;
    ADD_FAILURE() << "no verdict for " << id;
    return in.verdicts.front();
  }
  const ElementVerdict& verdict() { return verdict_of(element->id); }

  InputKind kind = InputKind::source;
  const Element* element = nullptr;
  Inspection in;
};

TEST_F(Decide, OneVerdictPerElementInCodeOrder) {
  decide(in);
  ASSERT_EQ(in.verdicts.size(), in.code->elements().size());
  for (size_t i = 0; i < in.verdicts.size(); ++i) EXPECT_EQ(in.verdicts[i].element, &in.code->elements()[i]);
}

TEST_F(Decide, NoFindingsPass) {
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::pass);
  EXPECT_EQ(verdict().findings, 0u);
  EXPECT_TRUE(in.meets_code);
}

TEST_F(Decide, AnErrorFails) {
  add(Severity::error);
  add(Severity::note, "src/b.c");
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::fail);
  EXPECT_EQ(verdict().findings, 2u);
  EXPECT_FALSE(in.meets_code);
}

TEST_F(Decide, FailOnThresholdComesFromTheProfile) {
  add(Severity::warning);
  decide(in);  // profile A fails on errors only
  EXPECT_EQ(verdict().verdict, Verdict::pass);
  EXPECT_EQ(verdict().findings, 1u);
  EXPECT_TRUE(in.meets_code);
  use_profile("C");  // fails on warnings
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::fail);
  EXPECT_FALSE(in.meets_code);
  in.findings.front().severity = Severity::note;
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::pass);
}

TEST_F(Decide, UnexpiredVarianceWaives) {
  add(Severity::error);
  add(Severity::error);
  add_variance("2025-06-15");  // expires today: still counts
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::waived);
  EXPECT_EQ(verdict().waived, 2u);
  EXPECT_EQ(in.variances[0].findings, 2u);
  EXPECT_FALSE(in.variances[0].expired);
  EXPECT_EQ(in.findings[0].variance, 0);
  EXPECT_TRUE(in.meets_code);
}

TEST_F(Decide, ExpiredVarianceDoesNotCount) {
  add(Severity::error);
  add_variance("2025-06-14");
  decide(in);
  EXPECT_TRUE(in.variances[0].expired);
  EXPECT_EQ(in.variances[0].findings, 0u);
  EXPECT_EQ(in.findings[0].variance, -1);
  EXPECT_EQ(verdict().verdict, Verdict::fail);
  EXPECT_FALSE(in.meets_code);
  in.date = "2025-06-01";  // the --date option judges expiry on another day
  decide(in);
  EXPECT_FALSE(in.variances[0].expired);
  EXPECT_EQ(verdict().verdict, Verdict::waived);
}

TEST_F(Decide, OneUnwaivedFindingStillFails) {
  add(Severity::error, "src/legacy/a.c");
  add(Severity::error, "src/new.c");
  add_variance("2030-01-01", "src/legacy/**");
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::fail);
  EXPECT_EQ(verdict().waived, 1u);
  EXPECT_EQ(in.variances[0].findings, 1u);
}

TEST_F(Decide, FirstCoveringVarianceTakesTheFinding) {
  add(Severity::error);
  add_variance("2025-01-01");  // expired: skipped
  add_variance("2030-01-01");
  add_variance("2031-01-01");
  decide(in);
  EXPECT_EQ(in.findings[0].variance, 1);
  EXPECT_EQ(in.variances[1].findings, 1u);
  EXPECT_EQ(in.variances[2].findings, 0u);
}

TEST_F(Decide, ComponentFindingsAreNotCountedOrWaived) {
  add(Severity::error, "vendor/mbedtls/x.c", "mbedtls");
  add_variance("2030-01-01");
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::pass);
  EXPECT_EQ(verdict().findings, 0u);
  EXPECT_EQ(in.findings[0].variance, -1);
  EXPECT_EQ(in.variances[0].findings, 0u);
  EXPECT_TRUE(in.meets_code);
}

TEST_F(Decide, ElementsNoStageDecidesAreNotInspected) {
  add(Severity::error);
  in.stages.clear();  // nothing was inspected at all
  decide(in);
  EXPECT_EQ(verdict().verdict, Verdict::not_inspected);
  // With the stage inspected, an element no family decides on it is still not inspected.
  in.stages = {kind};
  decide(in);
  size_t undecided = 0;
  for (const auto& v : in.verdicts) {
    if (!in.code->is_required(*in.profile, *v.element) || decides(v.element->id, kind)) continue;
    EXPECT_EQ(v.verdict, Verdict::not_inspected) << v.element->id;
    ++undecided;
  }
  EXPECT_GT(undecided, 0u);
}

TEST_F(Decide, AnInspectionThatDecidedNothingDoesNotMeetTheCode) {
  in.stages.clear();  // no input was one mdbc inspects
  decide(in);
  EXPECT_FALSE(in.decided_any);
  EXPECT_FALSE(in.meets_code);
  for (const auto& v : in.verdicts) EXPECT_NE(v.verdict, Verdict::pass) << v.element->id;
  in.stages = {kind};
  decide(in);
  EXPECT_TRUE(in.decided_any);
  EXPECT_TRUE(in.meets_code);
}

TEST_F(Decide, ElementsTheProfileDoesNotRequireAreNotApplicable) {
  const Element* optional = nullptr;
  for (const auto& e : in.code->elements())
    if (!in.code->is_required(*in.profile, e)) optional = &e;
  ASSERT_NE(optional, nullptr) << "profile A requires every element";
  Finding f;
  f.rule = optional->id + "/decide-test";
  f.path = "src/a.c";
  f.severity = Severity::error;
  in.findings.push_back(f);
  in.stages = {InputKind::source, InputKind::binary, InputKind::image, InputKind::rootfs};
  decide(in);
  EXPECT_EQ(verdict_of(optional->id).verdict, Verdict::not_applicable);
  EXPECT_EQ(verdict_of(optional->id).findings, 1u);
  EXPECT_TRUE(in.meets_code);
}

}  // namespace
}  // namespace mdbc
