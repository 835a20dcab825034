#include "report/json_stream.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace mdbc::report {

std::string dump_json(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void append_indented(std::string& text, std::string_view dumped, std::string_view indent) {
  for (size_t line = 0; line < dumped.size();) {
    const size_t newline = dumped.find('\n', line);
    if (newline == std::string_view::npos) {
      text.append(dumped.substr(line));
      break;
    }
    text.append(dumped.substr(line, newline + 1 - line));
    text.append(indent);
    line = newline + 1;
  }
}

namespace {

// Whether `s` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): the
// strings dump() writes as they are.
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t continuation;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) continuation = 1;
    else if (c >= 0xE0 && c <= 0xEF) continuation = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) continuation = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return false;
    if (s.size() - i <= continuation) return false;
    for (size_t k = 1; k <= continuation; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += continuation + 1;
  }
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  if (!valid_utf8(s)) {  // dump()'s own replacement of invalid sequences: rare, and subtle to repeat
    out += dump_json(nlohmann::ordered_json(std::string(s)));
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // the start of the bytes written as they are, appended together
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void PrettyJsonWriter::new_line() {
  out_ += '\n';
  out_ += indent_;
  out_.append(2 * items_.size(), ' ');
}

void PrettyJsonWriter::item() {
  if (after_key_) {  // the value of the key just written, on its line
    after_key_ = false;
    return;
  }
  if (items_.empty()) return;
  if (items_.back()++ > 0) out_ += ',';
  new_line();
}

void PrettyJsonWriter::open(char bracket) {
  item();
  out_ += bracket;
  items_.push_back(0);
}

void PrettyJsonWriter::close(char bracket) {
  const bool empty = items_.back() == 0;
  items_.pop_back();
  if (!empty) new_line();  // dump() writes an empty object or array as {} or []
  out_ += bracket;
}

void PrettyJsonWriter::key(std::string_view name) {
  item();
  append_json_string(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void PrettyJsonWriter::value(std::string_view s) {
  item();
  append_json_string(out_, s);
}

void PrettyJsonWriter::value(uint64_t n) {
  item();
  out_ += std::to_string(n);
}

void PrettyJsonWriter::null() {
  item();
  out_ += "null";
}

void PrettyJsonWriter::document(const nlohmann::ordered_json& j) {
  item();
  for (const char c : dump_json(j)) {
    if (c == '\n') new_line();
    else out_ += c;
  }
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
      a->append_item(i, inner, one);
      out << one;
    }
    if (a->count > 0) out << "\n" << outer;
  }
  out.write(text.data() + written, static_cast<std::streamsize>(text.size() - written));
  out << "\n";
}

void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& document, std::string_view key, size_t depth,
                           size_t count, const std::function<nlohmann::ordered_json(size_t)>& item) {
  const JsonArrayText array{key, depth, count, [&item](size_t i, std::string_view indent, std::string& text) {
                              append_indented(text, dump_json(item(i)), indent);
                            }};
  write_json_with_arrays(out, document, std::span(&array, 1));
}

}  // namespace mdbc::report
