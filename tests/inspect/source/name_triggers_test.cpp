#include "inspect/source/name_triggers.h"

#include <gtest/gtest.h>

#include <string>

#include "inspect/source/lexer.h"

namespace mdbc::source {
namespace {

// A rule gated by names that start with a prefix; counts how often it is asked.
class PrefixRule final : public SourceRule {
 public:
  PrefixRule(std::string prefix, bool gated) : prefix_(std::move(prefix)), name_("prefix-" + prefix_), gated_(gated) {}
  RuleFamily family() const override { return {name_, InputKind::source, {}}; }
  bool gated_by_names() const override { return gated_; }
  bool reacts_to(std::string_view n) const override {
    ++asked;
    return n.starts_with(prefix_);
  }
  void check(const SourceFile&, std::vector<Finding>&, std::any&) const override {}
  mutable int asked = 0;

 private:
  std::string prefix_, name_;
  bool gated_;
};

struct Rules {
  std::vector<std::unique_ptr<SourceRule>> list;
  PrefixRule& at(size_t i) { return static_cast<PrefixRule&>(*list[i]); }
};

Rules make_rules() {
  Rules r;
  r.list.push_back(std::make_unique<PrefixRule>("aes_", true));
  r.list.push_back(std::make_unique<PrefixRule>("gets", true));
  r.list.push_back(std::make_unique<PrefixRule>("", false));  // not gated: never a trigger bit
  return r;
}

uint64_t triggers_of(NameTriggers& t, std::string_view code) {
  auto tokens = lex(code);
  const FileNames names(tokens);
  return t.of(names);
}

TEST(NameTriggers, AFileTriggersTheGatedRulesOfItsNames) {
  Rules rules = make_rules();
  NameMemory memory;
  NameTriggers t(rules.list, memory);
  EXPECT_EQ(triggers_of(t, "int x = aes_init(k);"), 0b001u);
  EXPECT_EQ(triggers_of(t, "gets(buf); aes_free(c);"), 0b011u);
  EXPECT_EQ(triggers_of(t, "int main(void) { return 0; }"), 0u);
  EXPECT_EQ(triggers_of(t, "/* aes_init gets */ \"gets\""), 0u);  // comments and strings hold no names
}

TEST(NameTriggers, ANameIsJudgedOncePerThreadAndRulesStopBeingAskedOnceTriggered) {
  Rules rules = make_rules();
  NameMemory memory;
  NameTriggers t(rules.list, memory);
  EXPECT_EQ(triggers_of(t, "a b c"), 0u);
  EXPECT_EQ(rules.at(0).asked, 3);
  EXPECT_EQ(triggers_of(t, "c b a"), 0u);  // remembered
  EXPECT_EQ(rules.at(0).asked, 3);
  // A rule the file has triggered is not asked about its later names; once every gated rule is
  // triggered, no rule is: aes_x is asked of both, gets only of rule 1, y z w of none.
  EXPECT_EQ(triggers_of(t, "aes_x gets y z w"), 0b011u);
  EXPECT_EQ(rules.at(0).asked, 4);
  EXPECT_EQ(rules.at(1).asked, 5);
  EXPECT_EQ(rules.at(2).asked, 0);  // not gated
}

TEST(NameTriggers, NamesSharingALineAndLongNamesAreStillJudgedRight) {
  Rules rules = make_rules();
  NameMemory memory(1);  // every name on the same line
  NameTriggers t(rules.list, memory);
  const std::string long_name = "aes_" + std::string(60, 'x');
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(triggers_of(t, "aes_a"), 0b001u);
    EXPECT_EQ(triggers_of(t, "gets"), 0b010u);
    EXPECT_EQ(triggers_of(t, "plain"), 0u);
    EXPECT_EQ(triggers_of(t, long_name), 0b001u);
  }
  EXPECT_THROW(NameMemory(3), std::logic_error);
  EXPECT_THROW(NameTriggers(rules.list, memory), std::logic_error);  // its bits are t's rules'
}

// A rule with a list of trigger names and, when `by_prefix`, also the names that start with "aes_".
class ListedRule final : public SourceRule {
 public:
  explicit ListedRule(bool by_prefix) : by_prefix_(by_prefix) {}
  RuleFamily family() const override { return {by_prefix_ ? "listed-and-prefix" : "listed", InputKind::source, {}}; }
  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override { return {"gets", "strcpy"}; }
  bool reacts_to_other_names() const override { return by_prefix_; }
  bool reacts_to(std::string_view n) const override {
    ++asked;
    return n.starts_with("aes_");
  }
  void check(const SourceFile&, std::vector<Finding>&, std::any&) const override {}
  mutable int asked = 0;

 private:
  bool by_prefix_;
};

TEST(NameTriggers, ListedNamesTriggerTheirRulesWithoutAskingThem) {
  std::vector<std::unique_ptr<SourceRule>> list;
  list.push_back(std::make_unique<ListedRule>(false));
  list.push_back(std::make_unique<ListedRule>(true));
  auto& listed_only = static_cast<ListedRule&>(*list[0]);
  auto& listed_and_prefix = static_cast<ListedRule&>(*list[1]);
  NameMemory memory;
  NameTriggers t(list, memory);
  EXPECT_EQ(triggers_of(t, "x = gets(buf);"), 0b11u);
  EXPECT_EQ(listed_only.asked, 0);
  EXPECT_EQ(listed_and_prefix.asked, 1);  // x, not gets: listed
  EXPECT_EQ(triggers_of(t, "aes_init(k); strcpy_s(a, b);"), 0b10u);
  EXPECT_EQ(listed_only.asked, 0);
  EXPECT_EQ(listed_and_prefix.asked, 2);  // aes_init; triggered, so not asked about the rest
  EXPECT_EQ(triggers_of(t, "y = strcpy(a, b); z = aes_free(c);"), 0b11u);
  EXPECT_EQ(triggers_of(t, "int gets_count;"), 0u);
  // Names too long to keep are looked up afresh.
  EXPECT_EQ(triggers_of(t, std::string(60, 'x') + " + gets"), 0b11u);
}

// A rule that says the names it reacts to end with "_key" or hold "pass".
class ShapedRule final : public SourceRule {
 public:
  RuleFamily family() const override { return {"shaped", InputKind::source, {}}; }
  bool gated_by_names() const override { return true; }
  std::optional<ReactingNames> reacting_names() const override { return ReactingNames{{}, {"_key"}, {"pass"}}; }
  bool reacts_to(std::string_view n) const override {
    ++asked;
    return n.ends_with("_key") || n.find("pass") != std::string_view::npos;
  }
  void check(const SourceFile&, std::vector<Finding>&, std::any&) const override {}
  mutable int asked = 0;
};

TEST(NameTriggers, ARuleIsAskedOnlyAboutNamesOfTheShapesItGives) {
  std::vector<std::unique_ptr<SourceRule>> list;
  list.push_back(std::make_unique<ShapedRule>());
  auto& shaped = static_cast<ShapedRule&>(*list[0]);
  NameMemory memory;
  NameTriggers t(list, memory);
  EXPECT_EQ(triggers_of(t, "int a = b + c; GC_MASK_SHIFT;"), 0u);
  EXPECT_EQ(shaped.asked, 0);
  EXPECT_EQ(triggers_of(t, "x = PASSED; aes_key = y;"), 0b1u);
  EXPECT_EQ(shaped.asked, 2);  // PASSED holds "pass" in another case: asked (and says no); aes_key
}

}  // namespace
}  // namespace mdbc::source
