// The array written an item at a time is the document dump(2) prints with the items in place.
#include <gtest/gtest.h>

#include <sstream>

#include "report/json_stream.h"

namespace mdbc::report {
namespace {

using J = nlohmann::ordered_json;

std::string dumped(const J& j) { return j.dump(2, ' ', false, J::error_handler_t::replace) + "\n"; }

std::string streamed(const J& document, std::string_view key, size_t depth, const std::vector<J>& items) {
  std::ostringstream out;
  write_json_with_array(out, document, key, depth, items.size(), [&](size_t i) { return items[i]; });
  return out.str();
}

const std::vector<std::vector<J>> item_lists = {
    {},
    {J{{"a", 1}}},
    {J{{"rule", "CODE-5/goto"}, {"nested", {{"x", J::array({1, 2})}, {"y", J::object()}}}}, J("text"), J::array(), J(3)},
    {J{{"evidence", std::string("bad \xff bytes\n")}}},  // invalid UTF-8: U+FFFD, as in every report
};

TEST(JsonStream, AtTheTopLevelEqualsTheWholeDump) {
  for (const auto& items : item_lists) {
    J document{{"before", "x"}, {"findings", J::array()}, {"after", {{"k", J::array({"v"})}}}};
    const std::string out = streamed(document, "findings", 1, items);
    document["findings"] = items;
    EXPECT_EQ(out, dumped(document));
  }
}

TEST(JsonStream, NestedEqualsTheWholeDump) {
  for (const auto& items : item_lists) {
    J run{{"tool", "t"}, {"results", J::array()}, {"properties", J::object()}};
    J log{{"version", "2.1.0"}, {"runs", J::array({run})}};
    const std::string out = streamed(log, "results", 3, items);
    log["runs"][0]["results"] = items;
    EXPECT_EQ(out, dumped(log));
  }
}

TEST(JsonStream, AnArrayOfTheSameNameInsideAStringIsNotTheSlot) {
  // A quoted string holds no raw newline, so text that looks like the member cannot be taken for it.
  J document{{"note", "\n  \"findings\": []"}, {"findings", J::array()}};
  const std::string out = streamed(document, "findings", 1, {J(1)});
  document["findings"] = J::array({1});
  EXPECT_EQ(out, dumped(document));
}

TEST(JsonStream, TwoArraysInEitherOrderEqualTheWholeDump) {
  for (const auto& items : item_lists) {
    J document{{"findings", J::array()}, {"middle", 1}, {"artifacts", J::array()}};
    const std::vector<J> others{J{{"path", "a"}}, J::array({1})};
    auto text_of = [](const std::vector<J>& list) { return [&list](size_t i) { return dump_json(list[i]); }; };
    // Given in the opposite order to their places in the document.
    const JsonArrayText arrays[] = {{"artifacts", 1, others.size(), text_of(others)}, {"findings", 1, items.size(), text_of(items)}};
    std::ostringstream out;
    write_json_with_arrays(out, document, arrays);
    document["findings"] = items;
    document["artifacts"] = others;
    EXPECT_EQ(out.str(), dumped(document));
  }
}

}  // namespace
}  // namespace mdbc::report
