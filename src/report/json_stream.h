#pragma once
// JSON documents with one large array written an item at a time: a document object for each of
// hundreds of thousands of findings would cost more than a kilobyte apiece, and their text as one
// string as much again.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace mdbc::report {

// Writes `document` (an object with `key` an empty array at `depth` levels of nesting) as
// dump(2) would print it with the array holding item(0) … item(count - 1). Strings that are not
// valid UTF-8 are written with U+FFFD, as everywhere in mdbc's JSON.
void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item);
// The same with each item's text appended by `item_text(i, indent, text)`, indented as dump(2)
// would indent it: for items written directly, without a document object each.
void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<void(size_t, std::string_view, std::string&)>& item_text);

// `s` as a JSON string exactly as dump() writes it (invalid UTF-8 as U+FFFD).
void append_json_string(std::string& out, std::string_view s);

// Appends one JSON value to a string laid out as dump(2) lays it out, every line after the first
// starting with `indent`: the items of a report's large array, written without a document object
// each (which cost more than all the rest of the report).
class PrettyJsonWriter {
 public:
  PrettyJsonWriter(std::string& out, std::string_view indent) : out_(out), indent_(indent) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void value(std::string_view s);
  void value(uint64_t n);
  void null();
  // A value built as a document object, for the rare parts not worth writing by hand.
  void document(const nlohmann::ordered_json& j);

 private:
  void item();  // before a key or a value: its separator and indentation
  void open(char bracket);
  void close(char bracket);
  void new_line();

  std::string& out_;
  std::string_view indent_;
  std::vector<size_t> items_;  // per open object or array: how many keys or values it holds so far
  bool after_key_ = false;
};

}  // namespace mdbc::report
