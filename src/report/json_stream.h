#pragma once
// JSON documents with large arrays written an item at a time: a document object for each of
// hundreds of thousands of findings would cost more than a kilobyte apiece, and their text as one
// string as much again; and items already held elsewhere (the facts of each file) are printed
// where they are rather than deep-copied into the document first.
#include <cstdint>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace mdbc::report {

// dump(2) of j, with strings that are not valid UTF-8 written with U+FFFD, as everywhere in mdbc's
// JSON.
std::string dump_json(const nlohmann::ordered_json& j);

// Appends `dumped` (dump_json text) to `text`, every line after the first starting with `indent`.
void append_indented(std::string& text, std::string_view dumped, std::string_view indent);

// One array of a document written by write_json_with_arrays: `key` an empty array at `depth`
// levels of nesting, to hold `count` items; append_item(i, indent, text) appends item i's text as
// dump_json prints it, every line after the first starting with `indent`.
struct JsonArrayText {
  std::string_view key;
  size_t depth = 1;
  size_t count = 0;
  std::function<void(size_t, std::string_view, std::string&)> append_item;
};

// Writes `document` as dump_json would print it with each of `arrays` holding its items.
void write_json_with_arrays(std::ostream& out, const nlohmann::ordered_json& document, std::span<const JsonArrayText> arrays);

// Writes `document` (an object with `key` an empty array at `depth` levels of nesting) as
// dump_json would print it with the array holding item(0) … item(count - 1).
void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item);

// `s` as a JSON string exactly as dump_json writes it (invalid UTF-8 as U+FFFD).
void append_json_string(std::string& out, std::string_view s);

// Appends one JSON value to a string laid out as dump_json lays it out, every line after the first
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
