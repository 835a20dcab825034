#include "inspect/source/format_literal.h"

#include <algorithm>
#include <array>

namespace mdbc::source {
namespace {

// gettext-family lookups: name and which argument(s) hold the message id (two for plural forms).
struct Translation {
  std::string_view name;
  int first, second;  // second = -1 when only one
};
constexpr std::array<Translation, 10> translations{{
    {"_", 0, -1}, {"N_", 0, -1}, {"gettext", 0, -1}, {"gettext_noop", 0, -1}, {"dgettext", 1, -1},
    {"dcgettext", 1, -1}, {"pgettext", 1, -1}, {"ngettext", 0, 1}, {"dngettext", 1, 2}, {"dcngettext", 1, 2},
}};

constexpr size_t max_steps = 512;        // work items per evaluation
constexpr size_t max_call_tokens = 4096;  // tokens of a call among literals read for macro parameters
constexpr size_t max_alternatives = 16;  // ?: branches followed
constexpr size_t max_expansions = 32;    // same-file macro bodies followed

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

bool literal_table_element(const SourceFile& file, size_t begin, size_t end, int function) {
  constexpr size_t max_table_tokens = 1 << 16;  // each lookup reads the whole initialiser
  const FileValues& values = file.values();
  const auto t = file.tokens;
  const TokenRange r = values.strip({begin, end});
  if (r.size() < 4 || t[r.begin].kind != TokenKind::identifier || !t[r.begin + 1].is("[")) return false;
  const size_t close = file.syntax.match(r.begin + 1);
  const bool element = close + 1 == r.end;
  const bool field = close + 3 == r.end && t[close + 1].is(".") && t[close + 2].kind == TokenKind::identifier;
  if (close >= r.end || !(element || field)) return false;
  const std::string_view name = t[r.begin].text;
  const auto seen = values.visible(name, function);
  if (seen.size() != 1) return false;
  const Binding& table = *seen.front();
  if (table.form != BindingForm::declaration || !table.is_array || table.value.empty() ||
      !t[table.value.begin].is("{") || table.value.size() > max_table_tokens)
    return false;
  // Written by no statement of this file; a global of the program may be written by another
  // file unless its elements are const (`const char *const msgs[]`, `const char msgs[][8]`).
  if (values.bindings(name).size() != 1) return false;
  if (table.function < 0 && !declared_static(t, table.name)) {
    const TokenRange declaration = values.statement(table.name);
    const bool pointers = std::any_of(t.begin() + static_cast<std::ptrdiff_t>(declaration.begin),
                                      t.begin() + static_cast<std::ptrdiff_t>(table.name),
                                      [](const Token& tok) { return tok.is("*"); });
    if (!table.is_const || (pointers && !t[table.name - 1].is_ident("const"))) return false;
  }
  bool has_string = false;
  for (size_t k = table.value.begin; k < table.value.end; ++k) {
    const Token& tok = t[k];
    if (tok.kind == TokenKind::string) {
      has_string = true;
    } else if (tok.kind == TokenKind::identifier) {
      const bool designator = k > 0 && t[k - 1].is(".");
      if (designator || tok.text == "NULL" || tok.text == "nullptr" || literal_macro_text(tok.text) != nullptr)
        continue;
      const Value v = values.resolve({k, k + 1}, table.function);
      if (!v.is(Value::Kind::string) && !v.is(Value::Kind::integer) && !v.is(Value::Kind::null)) return false;
    } else if (tok.kind != TokenKind::number && tok.kind != TokenKind::character &&
               !(tok.is("{") || tok.is("}") || tok.is(",") || tok.is(".") || tok.is("=") || tok.is("[") ||
                 tok.is("]") || tok.is("-"))) {
      return false;
    }
  }
  return has_string;
}

const char* literal_macro_text(std::string_view name) {
  // <inttypes.h>: PRI/SCN + conversion + width (PRIu32, PRIxPTR, SCNd64, PRIuLEAST8, PRIdMAX…).
  if (name.size() >= 5 && (name.starts_with("PRI") || name.starts_with("SCN"))) {
    static constexpr std::string_view conversions = "diouxXbB";
    const char conversion = name[3];
    bool rest_ok = true;
    for (char c : name.substr(4)) rest_ok = rest_ok && is_upper_or_digit(c);
    if (rest_ok && conversions.find(conversion) != std::string_view::npos) {
      static constexpr std::array<const char*, 8> texts{"d", "i", "o", "u", "x", "X", "b", "B"};
      return texts[conversions.find(conversion)];
    }
  }
  // The Linux kernel's log-level prefixes (include/linux/kern_levels.h).
  constexpr std::array<std::string_view, 11> kernel_levels{"KERN_SOH",  "KERN_EMERG",  "KERN_ALERT", "KERN_CRIT",
                                                           "KERN_ERR",  "KERN_WARNING", "KERN_NOTICE", "KERN_INFO",
                                                           "KERN_DEBUG", "KERN_DEFAULT", "KERN_CONT"};
  for (auto k : kernel_levels)
    if (name == k) return "";
  // Predefined macros that are string literals.
  constexpr std::array<std::string_view, 6> predefined{"__FILE__", "__FILE_NAME__", "__BASE_FILE__", "__DATE__",
                                                       "__TIME__", "__TIMESTAMP__"};
  for (auto p : predefined)
    if (name == p) return "text";
  return nullptr;
}

void LiteralResolver::index_object_macros() const {
  if (indexed_) return;
  indexed_ = true;
  const auto t = file_.tokens;
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    if (!(t[i].directive && t[i].line_start && t[i].is("#")) || file_.syntax.dead(i)) continue;
    if (!t[i + 1].is_ident("define") || t[i + 2].kind != TokenKind::identifier || t[i + 2].line_start) continue;
    const Token& name = t[i + 2];
    if (t[i + 3].line_start || !t[i + 3].directive) continue;  // empty body
    if (t[i + 3].is("(") && t[i + 3].text.data() == name.text.data() + name.text.size()) continue;  // function-like
    size_t end = i + 3;
    while (end < t.size() && t[end].directive && !t[end].line_start) ++end;
    if (name.name >= file_.names.size()) continue;
    if (body_of_name_.empty()) body_of_name_.resize(file_.names.size());
    if (body_of_name_[name.name].first == 0) defined_names_.push_back(name.name);
    body_of_name_[name.name] = {i + 3, end};
  }
}

std::vector<LiteralResolver::MacroLiteral> LiteralResolver::literal_macros() const {
  index_object_macros();
  std::vector<MacroLiteral> out;
  for (const uint32_t id : defined_names_) {
    const std::string_view name = file_.names.all()[id];
    const auto& body = body_of_name_[id];
    const Token& first = file_.tokens[body.first];
    if (first.kind != TokenKind::string && first.kind != TokenKind::identifier && !first.is("(")) continue;
    // A body without a string or a name, (1 << 3) as register headers define by the thousand, is
    // no literal and depends on no other macro: evaluate() would say so after allocating its work.
    const auto tokens = file_.tokens.subspan(body.first, body.second - body.first);
    if (first.is("(") && std::none_of(tokens.begin(), tokens.end(), [](const Token& k) {
          return k.kind == TokenKind::string || k.kind == TokenKind::identifier;
        }))
      continue;
    LiteralForm f = evaluate(body.first, body.second);
    if (f.kind == LiteralForm::Kind::literal) out.push_back({name, {}});
    else if (f.kind == LiteralForm::Kind::other && !f.unresolved.empty()) out.push_back({name, std::move(f.unresolved)});
  }
  return out;
}

LiteralForm LiteralResolver::evaluate(size_t begin, size_t end, std::span<const std::string_view> macro_params) const {
  const auto t = file_.tokens;
  const Syntax& syntax = file_.syntax;
  const LiteralForm other{};
  struct Work {
    size_t b, e, alt;
    bool whole;  // the range is a complete expression (may be parenthesised, a ?: or a lookup)
    bool body;   // the range is (part of) a #define body, not code with directive lines among it
  };
  // What each alternative (?: branch) is made of so far.
  struct Alternative {
    std::string text;
    bool literal = false;    // holds a string literal or a literal macro
    bool parameter = false;  // holds a parameter of the enclosing macro
    bool call = false;       // holds a call: a function result unless it sits among literals
    std::vector<std::string_view> unknown;  // identifiers this file does not define
  };
  // A range starting at a '#' of code is a directive line among an argument's pieces; in a
  // function-like macro's body it may be the stringizing '#'.
  const bool in_body = begin < end && t[begin].directive && (!macro_params.empty() || !t[begin].is("#"));
  std::vector<Work> stack{{begin, end, 0, true, in_body}};
  std::vector<Alternative> alts(1);
  size_t parameter = 0, steps = 0, expansions = 0;
  const auto is_parameter = [&](std::string_view name) {
    for (size_t p = 0; p < macro_params.size(); ++p)
      if (macro_params[p] == name) {
        parameter = p;
        return true;
      }
    return false;
  };
  while (!stack.empty()) {
    if (++steps > max_steps) return other;
    Work w = stack.back();
    stack.pop_back();
    Alternative& alt = alts[w.alt];
    if (w.whole) {
      while (w.e > w.b + 1 && t[w.b].is("(") && syntax.match(w.b) == w.e - 1) {
        ++w.b;
        --w.e;
      }
      if (w.b >= w.e) return other;
      // A conditional at the top level: both branches must be literal forms.
      size_t question = w.e;
      for (size_t k = w.b; k < w.e; ++k) {
        if (t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{"))) {
          if (syntax.match(k) >= w.e) return other;
          k = syntax.match(k);
        } else if (t[k].is("?")) {
          question = k;
          break;
        }
      }
      if (question < w.e) {
        size_t colon = w.e;
        int nested = 0;
        for (size_t k = question + 1; k < w.e; ++k) {
          if (t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{"))) {
            if (syntax.match(k) >= w.e) return other;
            k = syntax.match(k);
          } else if (t[k].is("?")) {
            ++nested;
          } else if (t[k].is(":") && nested-- == 0) {
            colon = k;
            break;
          }
        }
        if (colon >= w.e || alts.size() >= max_alternatives) return other;
        alts.push_back(alts[w.alt]);
        stack.push_back({colon + 1, w.e, alts.size() - 1, true, w.body});
        stack.push_back({question + 1, colon, w.alt, true, w.body});
        continue;
      }
      // A translation lookup of a literal: _("…"), dgettext(domain, "…"), ngettext("…", "…", n).
      if (t[w.b].kind == TokenKind::identifier && w.b + 1 < w.e && t[w.b + 1].is("(") &&
          syntax.match(w.b + 1) == w.e - 1) {
        const Translation* tr = nullptr;
        for (const auto& x : translations)
          if (t[w.b].text == x.name) tr = &x;
        if (tr != nullptr) {
          std::vector<std::pair<size_t, size_t>> args;
          size_t arg_begin = w.b + 2;
          for (size_t k = w.b + 2; k < w.e - 1; ++k) {
            if (t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{")) && syntax.match(k) < w.e) {
              k = syntax.match(k);
            } else if (t[k].is(",")) {
              args.emplace_back(arg_begin, k);
              arg_begin = k + 1;
            }
          }
          args.emplace_back(arg_begin, w.e - 1);
          const auto first = static_cast<size_t>(tr->first);
          if (first >= args.size()) return other;
          if (tr->second >= 0) {
            const auto second = static_cast<size_t>(tr->second);
            if (second >= args.size() || alts.size() >= max_alternatives) return other;
            alts.push_back(alts[w.alt]);
            stack.push_back({args[second].first, args[second].second, alts.size() - 1, true, w.body});
          }
          stack.push_back({args[first].first, args[first].second, w.alt, true, w.body});
          continue;
        }
      }
    }
    // A sequence of adjacent literals, literal macros, macro parameters and other names. Lines of
    // conditional compilation between the pieces (#ifdef CONFIG_X " 16W" #endif) choose pieces.
    for (size_t k = w.b; k < w.e; ++k) {
      const Token& tok = t[k];
      if (tok.directive && !w.body) continue;
      if (tok.kind == TokenKind::string) {
        alt.text += string_body(tok);
        alt.literal = true;
        continue;
      }
      // #param in a macro body: the argument's spelling, as a string literal.
      if (tok.is("#") && k + 1 < w.e && t[k + 1].kind == TokenKind::identifier &&
          std::find(macro_params.begin(), macro_params.end(), t[k + 1].text) != macro_params.end()) {
        alt.literal = true;
        ++k;
        continue;
      }
      if (tok.kind != TokenKind::identifier) return other;
      // KERN_ ## level: a name made at expansion, which must be a literal macro among literals.
      if (k + 2 < w.e && t[k + 1].is("##") && t[k + 2].kind == TokenKind::identifier) {
        alt.unknown.push_back(tok.text);
        for (k += 2; k + 2 < w.e && t[k + 1].is("##") && t[k + 2].kind == TokenKind::identifier;) k += 2;
        continue;
      }
      if (const char* text = literal_macro_text(tok.text)) {
        alt.text += text;
        alt.literal = true;
        continue;
      }
      if (is_parameter(tok.text)) {
        alt.parameter = true;
        continue;
      }
      // NAME(…): a function-like macro (pr_fmt(fmt) among literals) or a call.
      if (k + 1 < w.e && t[k + 1].is("(") && syntax.match(k + 1) < w.e) {
        const size_t close = syntax.match(k + 1);
        // Outside a macro body there is no parameter to look for; inside one, a call nesting
        // thousands of calls is not read again at every level of its nesting.
        if (!macro_params.empty() && close - k > max_call_tokens) return other;
        if (!macro_params.empty())
          for (size_t a = k + 2; a < close; ++a)
            if (t[a].kind == TokenKind::identifier && is_parameter(t[a].text)) alt.parameter = true;
        alt.call = true;
        alt.text += unspelled_text;
        k = close;
        continue;
      }
      index_object_macros();
      if (tok.name >= body_of_name_.size() || body_of_name_[tok.name].first == 0) {
        alt.unknown.push_back(tok.text);
        continue;
      }
      if (++expansions > max_expansions) return other;
      // Expand in place: the body first, then the rest of this sequence.
      const auto [body_begin, body_end] = body_of_name_[tok.name];
      stack.push_back({k + 1, w.e, w.alt, false, w.body});
      stack.push_back({body_begin, body_end, w.alt, true, true});
      break;
    }
  }
  // Names and macro calls placed next to a literal must expand to literals ("v" DRV_VERSION
  // "\n" compiles only then); a name standing alone may be anything.
  LiteralForm out;
  bool from_parameter = false;
  for (const auto& a : alts) {
    if (a.literal || a.parameter) {
      from_parameter = from_parameter || a.parameter;
      continue;
    }
    if (a.call || a.unknown.empty()) return other;
    out.unresolved.insert(out.unresolved.end(), a.unknown.begin(), a.unknown.end());
  }
  if (!out.unresolved.empty()) return out;  // kind other, with the names that decide it
  out.kind = from_parameter ? LiteralForm::Kind::macro_parameter : LiteralForm::Kind::literal;
  out.parameter = parameter;
  for (auto& a : alts) out.texts.push_back(std::move(a.text));
  return out;
}

bool has_unbounded_string_conversion(std::string_view format) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    size_t k = i + 1;
    if (k < format.size() && format[k] == '%') {
      i = k;
      continue;
    }
    // %n$ (positional), then *, width, m (POSIX: allocate), length modifiers, conversion.
    size_t d = k;
    while (d < format.size() && digit(format[d])) ++d;
    if (d > k && d < format.size() && format[d] == '$') k = d + 1;
    bool suppressed = false, width = false, allocates = false;
    if (k < format.size() && format[k] == '*') {
      suppressed = true;
      ++k;
    }
    // A macro's text where the width stands ("%" __stringify(LEN) "s") is taken as the width.
    while (k < format.size() && (digit(format[k]) || format[k] == unspelled_text)) {
      width = width || format[k] != '0';
      ++k;
    }
    if (k < format.size() && format[k] == 'm') {
      allocates = true;
      ++k;
    }
    while (k < format.size() && std::string_view("hljztLqw").find(format[k]) != std::string_view::npos) ++k;
    if (k >= format.size()) return false;
    const char conversion = format[k];
    if ((conversion == 's' || conversion == 'S' || conversion == '[') && !suppressed && !width && !allocates) return true;
    if (conversion == '[') {  // skip the scan set: "]" right after "[" or "[^" is a member
      ++k;
      if (k < format.size() && format[k] == '^') ++k;
      if (k < format.size() && format[k] == ']') ++k;
      while (k < format.size() && format[k] != ']') ++k;
    }
    i = k;
  }
  return false;
}

}  // namespace mdbc::source
