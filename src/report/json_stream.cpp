#include "report/json_stream.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace mdbc::report {

std::string dump_json(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item) {
  const JsonArrayText array{key, depth, count, [&item](size_t i) { return dump_json(item(i)); }};
  write_json_with_arrays(out, document, std::span(&array, 1));
}

void write_json_with_arrays(std::ostream& out, const nlohmann::ordered_json& document, std::span<const JsonArrayText> arrays) {
  const std::string text = dump_json(document);
  // Where each array opens in the text (just after its '['), in the order they come.
  std::vector<std::pair<size_t, const JsonArrayText*>> opens;
  for (const auto& a : arrays) {
    // JSON text holds no raw newline inside strings: this is the member itself, nothing quoted.
    const std::string slot = "\n" + std::string(2 * a.depth, ' ') + "\"" + std::string(a.key) + "\": []";
    const size_t at = text.find(slot);
    if (at == std::string::npos) throw std::logic_error("JSON report: no empty \"" + std::string(a.key) + "\" array to fill");
    opens.emplace_back(at + slot.size() - 1, &a);
  }
  std::sort(opens.begin(), opens.end());
  size_t written = 0;
  std::string one;
  for (const auto& [open, a] : opens) {
    out.write(text.data() + written, static_cast<std::streamsize>(open - written));
    written = open;
    const std::string outer(2 * a->depth, ' ');
    const std::string inner(2 * a->depth + 2, ' ');
    for (size_t i = 0; i < a->count; ++i) {
      one = i == 0 ? "\n" : ",\n";
      one += inner;
      // Each line of the item indented alike.
      for (const char c : a->item(i)) {
        one += c;
        if (c == '\n') one += inner;
      }
      out << one;
    }
    if (a->count > 0) out << "\n" << outer;
  }
  out.write(text.data() + written, static_cast<std::streamsize>(text.size() - written));
  out << "\n";
}

}  // namespace mdbc::report
