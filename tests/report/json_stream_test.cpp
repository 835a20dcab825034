// The array written an item at a time is the document dump(2) prints with the items in place.
#include <gtest/gtest.h>

#include <random>
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
    auto text_of = [](const std::vector<J>& list) {
      return [&list](size_t i, std::string_view indent, std::string& text) {
        append_indented(text, dump_json(list[i]), indent);
      };
    };
    // Given in the opposite order to their places in the document.
    const JsonArrayText arrays[] = {{"artifacts", 1, others.size(), text_of(others)}, {"findings", 1, items.size(), text_of(items)}};
    std::ostringstream out;
    write_json_with_arrays(out, document, arrays);
    document["findings"] = items;
    document["artifacts"] = others;
    EXPECT_EQ(out.str(), dumped(document));
  }
}

// The writer lays out nested objects, arrays, empty ones and embedded documents as dump_json does.
TEST(JsonStream, PrettyWriterLaysOutAsDumpDoes) {
  const J expected{{"a", "x\ty"},
                   {"n", 42},
                   {"none", nullptr},
                   {"empty_array", J::array()},
                   {"empty_object", J::object()},
                   {"list", J::array({J{{"k", 1}}, J::array({"v", 2}), "w"})},
                   {"doc", J{{"inner", J::array({1, 2})}}}};
  const std::string indent = "    ";
  std::string text;
  PrettyJsonWriter w(text, indent);
  w.begin_object();
  w.key("a");
  w.value("x\ty");
  w.key("n");
  w.value(uint64_t{42});
  w.key("none");
  w.null();
  w.key("empty_array");
  w.begin_array();
  w.end_array();
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.key("list");
  w.begin_array();
  w.begin_object();
  w.key("k");
  w.value(uint64_t{1});
  w.end_object();
  w.begin_array();
  w.value("v");
  w.value(uint64_t{2});
  w.end_array();
  w.value("w");
  w.end_array();
  w.key("doc");
  w.document(J{{"inner", J::array({1, 2})}});
  w.end_object();
  std::string indented;
  append_indented(indented, dump_json(expected), indent);
  EXPECT_EQ(text, indented);
}

// Findings are written as text directly; their strings must come out as dump() writes them, for
// every byte sequence: escapes, control bytes, valid and invalid UTF-8 of every length.
TEST(JsonStream, StringsAreWrittenAsDumpWritesThem) {
  std::vector<std::string> strings = {
      "", "plain", "quote \" and backslash \\", "\b\f\n\r\t", std::string("\0\x01\x1f\x7f", 4),
      "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",  // é € and an emoji
      "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff\xfe", "a\x80" "b",
      "\xe0\x80\xaf", "\xf0\x80\x80\xaf"};
  std::mt19937 random(7);  // deterministic: the same strings every run
  for (int n = 0; n < 2000; ++n) {
    std::string s(random() % 12, '\0');
    for (char& c : s) c = static_cast<char>(random() % 256 < 128 ? random() % 0x80 : 0x80 + random() % 0x80);
    strings.push_back(s);
  }
  for (const auto& s : strings) {
    std::string written;
    append_json_string(written, s);
    EXPECT_EQ(written, J(s).dump(-1, ' ', false, J::error_handler_t::replace)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace mdbc::report
