#pragma once
// JSON documents with one large array written an item at a time: a document object for each of
// hundreds of thousands of findings would cost more than a kilobyte apiece, and their text as one
// string as much again.
#include <functional>
#include <ostream>
#include <string_view>

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

}  // namespace mdbc::report
