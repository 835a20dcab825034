#pragma once
// JSON documents with large arrays written an item at a time: a document object for each of
// hundreds of thousands of findings would cost more than a kilobyte apiece, and their text as one
// string as much again; and items already held elsewhere (the facts of each file) are printed
// where they are rather than deep-copied into the document first.
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace mdbc::report {

// dump(2) of j, with strings that are not valid UTF-8 written with U+FFFD, as everywhere in mdbc's
// JSON.
std::string dump_json(const nlohmann::ordered_json& j);

// Writes `document` (an object with `key` an empty array at `depth` levels of nesting) as
// dump_json would print it with the array holding item(0) … item(count - 1).
void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item);

// One array of a document written by write_json_with_arrays: `key` an empty array at `depth`
// levels of nesting, to hold `count` items whose text (as dump_json prints them) item(i) gives.
struct JsonArrayText {
  std::string_view key;
  size_t depth = 1;
  size_t count = 0;
  std::function<std::string(size_t)> item;
};

// Writes `document` as dump_json would print it with each of `arrays` holding its items.
void write_json_with_arrays(std::ostream& out, const nlohmann::ordered_json& document, std::span<const JsonArrayText> arrays);

}  // namespace mdbc::report
