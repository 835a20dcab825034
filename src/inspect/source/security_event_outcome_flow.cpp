// LOG-2's flow of a check's outcome through one file (security_event_outcome_flow.h).
#include "inspect/source/security_event_outcome_flow.h"

#include <algorithm>

#include "inspect/source/credential_names.h"
#include "inspect/source/identifier_words.h"

namespace mdbc::source::security_events {
namespace {

// Words that stand where a call's name or a declared type would, and are neither.
bool keyword(const Token& t) {
  return t.is_ident("if") || t.is_ident("while") || t.is_ident("for") || t.is_ident("switch") ||
         t.is_ident("return") || t.is_ident("sizeof") || t.is_ident("else") || t.is_ident("case") ||
         t.is_ident("goto") || t.is_ident("do") || t.is_ident("new") || t.is_ident("delete") ||
         t.is_ident("throw") || t.is_ident("typeof") || t.is_ident("decltype");
}

}  // namespace

size_t assigned_name(std::span<const Token> tokens, const Syntax& syntax, size_t at, size_t begin) {
  if (at <= begin + 1) return SIZE_MAX;
  size_t k = at - 1;
  if (tokens[k].is("]")) {
    const size_t open = syntax.match(k);
    if (open >= at || open <= begin) return SIZE_MAX;
    k = open - 1;
  } else if (tokens[k].is(")")) {  // a function pointer's parameter list, after `(*name)`
    const size_t params = syntax.match(k);
    if (params >= at || params <= begin + 3 || !tokens[params - 1].is(")")) return SIZE_MAX;
    const size_t open = syntax.match(params - 1);
    if (open + 3 != params - 1 || !tokens[open + 1].is("*")) return SIZE_MAX;
    k = open + 2;
  }
  return tokens[k].kind == TokenKind::identifier && !keyword(tokens[k]) ? k : SIZE_MAX;
}

namespace {

// Where the value that starts at tokens[from] ends: its ';', a ',' or unmatched ')' of a
// declaration list or a for loop's header, or the next `=` of a chain (`a = b = c`) or `return`
// of broken code; SIZE_MAX past most_value_tokens. An outcome is a short value, and each token is
// then judged for a bounded number of values, however the assignments nest or run on.
size_t value_end(std::span<const Token> tokens, const Syntax& syntax, size_t from, size_t end) {
  constexpr size_t most_value_tokens = 64;
  size_t k = from;
  while (k < end && !tokens[k].is(";") && !tokens[k].is(",") && !tokens[k].is(")") && !tokens[k].is("}") &&
         !tokens[k].is("=") && !tokens[k].is_ident("return")) {
    const bool opener = tokens[k].is("(") || tokens[k].is("[") || tokens[k].is("{");
    k = opener ? std::min(syntax.match(k), end) + 1 : k + 1;
    if (k - from > most_value_tokens) return SIZE_MAX;
  }
  return std::min(k, end);
}

bool names_secret_or_signed(std::string_view name) {
  return !names_constant(name) && (names_secret(name) || names_signed_value(name));
}

// Whether the comparison [begin, end) has an operand naming a secret or a signed value: a
// password, a qualified key or token, a PIN (`strcmp(password, stored_password())`), a signature,
// digest or HMAC. A bare hash, key or name is as often a table's lookup key (`name_compare(kn->hash,
// kn->name, pos)`), and a lookup's ordering is no check. Not the base of a member access, nor a
// subscript (`pins[pin].name` compares a name).
bool compares_secret(std::span<const Token> tokens, const Syntax& syntax, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    if (tokens[k].is("[")) {
      k = std::min(syntax.match(k), end);
      continue;
    }
    if (tokens[k].kind != TokenKind::identifier || !names_secret_or_signed(tokens[k].text)) continue;
    size_t after = k + 1;
    if (after < end && tokens[after].is("[")) after = std::min(syntax.match(after), end) + 1;
    if (after >= end || !(tokens[after].is(".") || tokens[after].is("->"))) return true;
  }
  return false;
}

// Whether a verifying function's name says it decides a check: it verifies (mbedtls_pk_verify,
// SSL_get_verify_result), authenticates or logs in (authenticate_user), or checks a secret or a
// signature (check_pin, validate_signature). Not what only speaks of a check's objects: a status
// read (hl_fw_read_preboot_status), a compatibility checked (check_flash_fw_compatibility), an
// authentication's vector made (sctp_auth_make_local_vector), each of which returns an error code
// or an object the callers pass on for their own reasons.
bool names_decisive_check(std::string_view name) {
  return names_secret_or_signed(name) || any_word(name, [](std::string_view w) {
           return w == "verify" || w == "verified" || w == "verification" || w == "authenticate" || w == "authorize" ||
                  w == "login" || w == "logon";
         });
}

// Whether a name holds a word of a secret or a signed thing (pinAttempts, sig_ok, password_match):
// an outcome by its name is one of a check when it says what was checked.
bool names_checked_secret(std::string_view name) {
  return any_word(name, [](std::string_view w) {
    return w == "pin" || w == "password" || w == "passwd" || w == "pwd" || w == "passcode" || w == "passphrase" ||
           w == "sig" || w == "signature" || w == "digest" || w == "hmac" || w == "token" || w == "otp" ||
           w == "credential" || w == "credentials" || w == "cert" || w == "certificate";
  });
}

// Whether a name may be a compared secret or signed value, or an outcome named for the secret it
// checked: a look at its letters first, as most names hold none of the words.
bool may_name_checked_secret(std::string_view name) {
  static const NameParts parts({"key", "pass", "pw", "secret", "cred", "psk", "otp", "private", "token", "pin", "code",
                                "sig", "digest", "hmac", "cert"});
  return parts.in(name) && (names_secret_or_signed(name) || names_checked_secret(name));
}

// Whether a name says it measures (dlen, hdr_size, rc_count): a verification that returns a length
// on success (`dlen = wil_fw_verify(…)`, negative on failure) hands on that length, which the
// functions given it test as a size.
bool names_measure(std::string_view name) {
  bool measure = false;  // whether the word last seen is one
  any_word(name, [&](std::string_view w) {
    measure = w == "len" || w == "length" || w == "size" || w == "sz" || w.ends_with("len") || w == "count" ||
              w == "cnt" || w == "offset" || w == "off" || w == "bytes" || w == "num";
    return false;
  });
  return measure;
}

}  // namespace

bool OutcomeFlow::mark_file_wide(uint32_t id, uint8_t bit) {
  if (id >= names_) return false;
  if (file_wide_.empty()) file_wide_.resize(names_, 0);
  if ((file_wide_[id] & bit) != 0) return false;
  file_wide_[id] |= bit;
  return true;
}

bool OutcomeFlow::declared_at_file_scope(const SourceFile& file, uint32_t id) {
  if (id >= names_) return false;
  if (file_scope_.empty()) {
    file_scope_.resize(names_, 0);
    const auto& tokens = file.tokens;
    // The bodies of the file's functions, in token order of their '{' (nested ones inside others).
    std::vector<std::pair<size_t, size_t>> bodies;
    for (const auto& f : file.syntax.functions()) bodies.emplace_back(f.body_open, std::min(f.body_close, tokens.size()));
    std::sort(bodies.begin(), bodies.end());
    size_t body = 0;
    int parens = 0;  // a parameter list's names are not declared at file scope
    for (size_t k = 0; k + 1 < tokens.size(); ++k) {
      if (body < bodies.size() && k == bodies[body].first) {
        const size_t close = bodies[body].second;
        while (body < bodies.size() && bodies[body].first <= close) ++body;
        k = close;
        continue;
      }
      parens += tokens[k].is("(") ? 1 : tokens[k].is(")") && parens > 0 ? -1 : 0;
      const Token& next = tokens[k + 1];
      if (parens == 0 && tokens[k].kind == TokenKind::identifier && tokens[k].name < names_ &&
          (next.is(";") || next.is("=") || next.is(",") || next.is("[")))
        file_scope_[tokens[k].name] = 1;
    }
  }
  return file_scope_[id] != 0;
}

bool OutcomeFlow::carries_value(const SourceFile& file, size_t begin, size_t end, size_t body_end,
                                Judged& judged) const {
  const auto& tokens = file.tokens;
  while (begin < end && (tokens[begin].is("&") || tokens[begin].is("*") || tokens[begin].is("!"))) ++begin;
  if (begin >= end) return false;
  // A name, a member chain, a subscript of one: whether its base (a union, a container) or the
  // member it reads carries; not a member on the way (`ucontrol->value.item` is no `value`). A
  // flow starts at a check, not at a name that sounds like an outcome (`return authorized;` after
  // `authorized = test_sta_flag(sta, WLAN_STA_AUTHORIZED)`, a station's state), unless that name
  // says whose check it judges (pin_attempts, sig_ok).
  size_t k = begin;
  bool carried = false;
  while (k < end && tokens[k].kind == TokenKind::identifier) {
    const bool read = k == begin || k + 1 >= end || !(tokens[k + 1].is(".") || tokens[k + 1].is("->"));
    carried = carried || (read && (carries(tokens, k) || (judged.holds_outcome(tokens, k) && names_checked_secret(tokens[k].text))));
    if (k + 1 < end && tokens[k + 1].is("[")) k = std::min(file.syntax.match(k + 1), end);
    if (k + 2 < end && (tokens[k + 1].is(".") || tokens[k + 1].is("->"))) k += 2;
    else break;
  }
  if (k + 1 == end) return carried;
  // A member call on a container holding one: `box.back()`, `box.at(2)`.
  if (carried && k + 1 < end && tokens[k + 1].is("(") && file.syntax.match(k + 1) + 1 == end) return true;
  // A call of a helper returning an outcome.
  if (tokens[begin].kind == TokenKind::identifier && begin + 1 < end && tokens[begin + 1].is("(") &&
      file.syntax.match(begin + 1) + 1 == end && returns_outcome(tokens[begin]))
    return true;
  // A check: a verifying function called, or a secret compared; judged without the flows, so that
  // arithmetic on an outcome (`n = data * 2`) is none. Not what only an `if` makes a check of (a
  // locked user's payload fetched, `ukp = user_key_payload_locked(key)`, is no outcome), nor a
  // comparison of what may be a lookup's key (compares_secret).
  OutcomeFlow* const flow = judged.flow;
  judged.flow = nullptr;
  const Condition check = judge_condition(tokens, begin, end, body_end, false, judged.assigned_from, judged);
  judged.flow = flow;
  if (check.by_comparison) return compares_secret(tokens, file.syntax, begin, end);
  if (!check.verifying_callee) return false;
  for (size_t k = begin; k + 1 < end; ++k)
    if (tokens[k].kind == TokenKind::identifier && tokens[k + 1].is("(") &&
        (returns_outcome(tokens[k]) || (judged.verification(tokens[k], is_verification) && names_decisive_check(tokens[k].text))))
      return true;
  return false;
}

bool OutcomeFlow::pass_argument(uint32_t callee, size_t index) {
  if (callee >= names_ || index >= 64) return false;
  if (parameters_.empty()) parameters_.resize(names_, 0);
  const uint64_t bit = uint64_t{1} << index;
  bool changed = (parameters_[callee] & bit) == 0;
  parameters_[callee] |= bit;
  const auto first = std::lower_bound(function_alias_.begin(), function_alias_.end(), std::pair{callee, uint32_t{0}});
  for (auto a = first; a != function_alias_.end() && a->first == callee; ++a) {
    changed = changed || (parameters_[a->second] & bit) == 0;
    parameters_[a->second] |= bit;
  }
  return changed;
}

void OutcomeFlow::find(const SourceFile& file, Judged& judged) {
  const auto& tokens = file.tokens;
  // Most files of a tree call no decisive verification and compare no secret: nothing a flow
  // starts from (carries_value), and no flow to find. An outcome named for the secret it checked
  // (pin_attempts) starts one only in a file that checks: where the count is kept, the PIN is
  // compared. Each name is judged once.
  bool verifies = false, compares = false;
  for (size_t k = 0; k + 1 < tokens.size() && !verifies; ++k) {
    if (tokens[k].kind != TokenKind::identifier || !tokens[k + 1].is("(")) continue;
    verifies = judged.verification(tokens[k], is_verification) && names_decisive_check(tokens[k].text);
    compares = compares || judged.comparison(tokens[k], is_comparison);
  }
  if (!verifies) {
    if (!compares) return;
    const auto names = file.names.all();
    if (std::none_of(names.begin(), names.end(), may_name_checked_secret)) return;
  }
  const auto& functions = file.syntax.functions();
  // `funcPtr = badSink;`, `void (*handler)(int) = &on_reject;`: a pointer set to a function of the
  // file calls it.
  std::vector<uint8_t> defined(names_, 0);
  for (const auto& f : functions)
    if (tokens[f.name].name < names_) defined[tokens[f.name].name] = 1;
  for (size_t k = 1; k + 2 < tokens.size(); ++k) {
    if (!tokens[k].is("=")) continue;
    const size_t value = tokens[k + 1].is("&") ? k + 2 : k + 1;
    if (value + 1 >= tokens.size() || tokens[value].kind != TokenKind::identifier || !tokens[value + 1].is(";") ||
        tokens[value].name >= names_ || defined[tokens[value].name] == 0)
      continue;
    const size_t pointer = assigned_name(tokens, file.syntax, k, 0);
    if (pointer == SIZE_MAX || tokens[pointer].name >= names_) continue;
    function_alias_.emplace_back(tokens[pointer].name, tokens[value].name);
  }
  std::sort(function_alias_.begin(), function_alias_.end());
  // Each round carries what the last found one call further: a few rounds cover the helpers of
  // real code, and bound the work on hostile files.
  constexpr int most_rounds = 4;
  for (int round = 0; round < most_rounds; ++round) {
    bool changed = false;
    for (const auto& def : functions) changed = walk(file, def, judged, true) || changed;
    if (!changed) break;
  }
  local_.clear();
  given_.clear();
  assignments_.clear();
}

bool OutcomeFlow::carried_at(uint32_t name, size_t at) const {
  auto after = std::lower_bound(assignments_.begin(), assignments_.end(), Assignment{name, at + 1, false});
  if (after != assignments_.begin() && std::prev(after)->name == name) return std::prev(after)->carries;
  return given_[name] != 0;
}

void OutcomeFlow::start(const SourceFile& file, const FunctionDef& def, Judged& judged) {
  local_.clear();
  given_.clear();
  assignments_.clear();
  if (any_) walk(file, def, judged, false);
}

bool OutcomeFlow::walk(const SourceFile& file, const FunctionDef& def, Judged& judged, bool record) {
  const auto& tokens = file.tokens;
  const auto& syntax = file.syntax;
  const size_t end = std::min(def.body_close, tokens.size());
  local_.clear();
  given_.clear();
  assignments_.clear();
  walking_ = true;
  judged.assigned_from.clear();
  judged.objects.start(tokens, def.name, end);
  const uint32_t function = tokens[def.name].name;
  bool changed = false;
  // The names declared here (parameters and locals) and the unions among them: a name assigned
  // that is not declared here is a file-scope variable or a member, which other functions read.
  declared_.clear();
  const auto identifier = [&](size_t k) { return tokens[k].kind == TokenKind::identifier && !keyword(tokens[k]); };
  // Parameters: the last identifier of each, those a caller passes an outcome to carrying it.
  if (def.name + 1 < def.body_open && tokens[def.name + 1].is("(")) {
    const size_t close = std::min(syntax.match(def.name + 1), def.body_open);
    const uint64_t given = function < parameters_.size() ? parameters_[function] : 0;
    size_t index = 0, last = SIZE_MAX;
    int angles = 0;  // a template's arguments: `std::map<int, int> box` is one parameter
    for (size_t k = def.name + 2; k <= close; ++k) {
      if (tokens[k].is("(") || tokens[k].is("[")) {
        k = std::min(syntax.match(k), close - 1);
        continue;
      }
      angles += tokens[k].is("<") ? 1 : tokens[k].is(">") && angles > 0 ? -1 : 0;
      if (angles > 0 && k != close) continue;
      if (identifier(k)) last = k;
      if (!tokens[k].is(",") && k != close) continue;
      if (last != SIZE_MAX) {
        declared_.set(tokens[last].name, 1);
        if (index < 64 && (given >> index & 1) != 0 && !names_measure(tokens[last].text)) {
          local_.set(tokens[last].name, 1);
          given_.set(tokens[last].name, 1);
          any_ = true;
        }
      }
      ++index, last = SIZE_MAX;
    }
  }
  const auto carried_argument = [&](size_t b, size_t e) {
    while (b < e && (tokens[b].is("&") || tokens[b].is("*"))) ++b;
    return b + 1 == e && carries(tokens, b);
  };
  const auto assign = [&](size_t at, bool carries) {
    local_.set(tokens[at].name, carries ? 1 : 0);
    assignments_.push_back({tokens[at].name, at, carries});
  };
  const auto mark = [&](size_t at) {
    const Token& name = tokens[at];
    if (names_measure(name.text)) {
      assign(at, false);
      return;
    }
    assign(at, true);
    any_ = true;
    const bool member = at >= 2 && (tokens[at - 1].is(".") || tokens[at - 1].is("->"));
    if (member && identifier(at - 2) && declared_[tokens[at - 2].name] == 2) assign(at - 2, true);
    if (record && (member || (declared_[name.name] == 0 && declared_at_file_scope(file, name.name))))
      changed = mark_file_wide(name.name, member ? member_bit : global_bit) || changed;
  };
  for (size_t k = def.body_open + 1; k < end; ++k) {
    const Token& t = tokens[k];
    if (t.is("=")) {
      const size_t target = assigned_name(tokens, syntax, k, def.body_open);
      const size_t value_close = value_end(tokens, syntax, k + 1, end);
      if (target == SIZE_MAX || tokens[target].name >= names_) continue;
      if (value_close == SIZE_MAX) {
        assign(target, false);
        continue;
      }
      if (carries_value(file, k + 1, value_close, end, judged)) mark(target);
      else assign(target, false);
      continue;
    }
    if (!identifier(k)) {
      if (t.is_ident("return") && record && function < names_) {
        // What it returns is an outcome it holds or a comparison it makes, not a checking
        // function's result passed on (`return verify(img);`): that function is judged by its name.
        const size_t value_close = value_end(tokens, syntax, k + 1, end);
        if (value_close == SIZE_MAX) continue;
        const bool passes_on = k + 2 < value_close && tokens[k + 1].kind == TokenKind::identifier && tokens[k + 2].is("(") &&
                               syntax.match(k + 2) + 1 == value_close && judged.verification(tokens[k + 1], is_verification);
        if (!passes_on && carries_value(file, k + 1, value_close, end, judged)) {
          if (returns_.empty()) returns_.resize(names_, 0);
          changed = changed || returns_[function] == 0;
          returns_[function] = 1;
          any_ = true;
        }
      }
      continue;
    }
    // A declaration: `type name`, `type *name`, `union tag name` (2: a union, whose members share a value).
    const bool after_type = k > def.body_open + 1 && (identifier(k - 1) || ((tokens[k - 1].is("*") || tokens[k - 1].is("&")) &&
                                                                          k > def.body_open + 2 && identifier(k - 2)));
    if (after_type && k + 1 < end &&
        (tokens[k + 1].is("=") || tokens[k + 1].is(";") || tokens[k + 1].is(",") || tokens[k + 1].is("[") ||
         tokens[k + 1].is("(")))
      declared_.set(t.name, k >= def.body_open + 3 && tokens[k - 2].is_ident("union") ? 2 : 1);
    // A call: `f(…)`, `f<T>(…)`, `obj.method(…)`, or a constructor's `Type object(…)`.
    size_t open = k + 1;
    if (open < end && tokens[open].is("<")) {
      constexpr size_t most_template_tokens = 8;
      size_t close = open + 1;
      while (close < end && close < open + most_template_tokens && !tokens[close].is(">") && !tokens[close].is(";"))
        ++close;
      open = close + 1 < end && tokens[close].is(">") ? close + 1 : end;
    }
    if (open >= end || !tokens[open].is("(")) continue;
    const size_t close = std::min(syntax.match(open), end);
    const bool method = k >= 2 && (tokens[k - 1].is(".") || tokens[k - 1].is("->")) && identifier(k - 2);
    size_t index = 0;
    for (size_t b = open + 1, a = b; a <= close; ++a) {
      if (a < close && (tokens[a].is("(") || tokens[a].is("[") || tokens[a].is("{"))) {
        a = std::min(syntax.match(a), close - 1);
        continue;
      }
      if (a < close && !tokens[a].is(",")) continue;
      if (carried_argument(b, a)) {
        if (record) {
          changed = pass_argument(t.name, index) || changed;
          if (after_type) changed = pass_argument(tokens[k - 1].name, index) || changed;
        }
        if (method) mark(k - 2);  // a container or object the outcome is stored in
      }
      ++index, b = a + 1;
    }
  }
  walking_ = false;
  std::stable_sort(assignments_.begin(), assignments_.end());
  return changed;
}

}  // namespace mdbc::source::security_events
