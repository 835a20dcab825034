#include "report/json_stream.h"

#include <stdexcept>
#include <string>

namespace mdbc::report {

namespace {

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item) {
  const std::string text = dump(document);
  const std::string outer(2 * depth, ' ');
  const std::string inner(2 * depth + 2, ' ');
  // JSON text holds no raw newline inside strings: this is the member itself, nothing quoted.
  const std::string slot = "\n" + outer + "\"" + std::string(key) + "\": []";
  const size_t at = text.find(slot);
  if (at == std::string::npos) throw std::logic_error("JSON report: no empty \"" + std::string(key) + "\" array to fill");
  const size_t open = at + slot.size() - 1;  // just after '['
  out.write(text.data(), static_cast<std::streamsize>(open));
  std::string one;
  for (size_t i = 0; i < count; ++i) {
    one = i == 0 ? "\n" : ",\n";
    one += inner;
    // Each line of the item indented alike.
    for (const char c : dump(item(i))) {
      one += c;
      if (c == '\n') one += inner;
    }
    out << one;
  }
  if (count > 0) out << "\n" << outer;
  out.write(text.data() + open, static_cast<std::streamsize>(text.size() - open));
  out << "\n";
}

}  // namespace mdbc::report
