// LOG-2's judgement of a condition and of how a branch gives up (security_event_conditions.h).
#include "inspect/source/security_event_conditions.h"

#include <algorithm>
#include <array>

#include "inspect/source/credential_names.h"
#include "inspect/source/log_facility.h"
#include "inspect/source/security_event_outcome_flow.h"

namespace mdbc::source::security_events {

void ObjectNames::find() {
  const auto null = [](const Token& t) { return t.is_ident("NULL") || t.is_ident("nullptr"); };
  const auto mark = [&](const Token& t) {
    if (t.kind == TokenKind::identifier) object_.set(t.name, 1);
  };
  for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
    const Token& t = tokens_[k];
    const Token& next = tokens_[k + 1];
    if (next.is("->") || (next.is(".") && t.kind == TokenKind::identifier)) mark(t);
    if ((next.is("==") || next.is("!=")) && k + 2 < tokens_.size() && null(tokens_[k + 2])) mark(t);
    if ((t.is("==") || t.is("!=")) && k > 0 && null(tokens_[k - 1])) mark(next);
    // `type *name` declared: an identifier, a '*', the name, then what ends a declarator.
    if (t.is("*") && k > 0 && tokens_[k - 1].kind == TokenKind::identifier && k + 2 < tokens_.size() &&
        (tokens_[k + 2].is("=") || tokens_[k + 2].is(";") || tokens_[k + 2].is(",") || tokens_[k + 2].is(")")))
      mark(next);
  }
}

bool Judged::holds_outcome(std::span<const Token> tokens, size_t at) {
  const Token& t = tokens[at];
  // A flow's object dereferenced (`resp->hash_sz` after `resp = ksmbd_ipc_login_request(…)`) is
  // what a check returned, tested for its fields, not the check's outcome.
  const bool dereferenced = at + 1 < tokens.size() && tokens[at + 1].is("->");
  return (outcome(t, is_outcome_variable) && !objects(t)) || (flow != nullptr && !dereferenced && flow->carries(tokens, at));
}

const std::vector<size_t>& Judged::stream_logs(const SourceFile& file) {
  if (!stream_logs_found) {
    stream_logs_found = true;
    const auto& t = file.tokens;
    for (size_t k = 0; k + 1 < t.size(); ++k)
      if ((t[k].kind == TokenKind::identifier && t[k + 1].is("(") && is_logger_member_call(t, k)) ||
          starts_diagnostic_stream(t, k))
        stream_log_positions.push_back(k);
  }
  return stream_log_positions;
}

namespace {

// An `if` that refuses a locked account (`if (acct->locked) return -1;`, `if (is_user_locked(u))`):
// a rejection of authentication, in an authenticating function or naming the account.
bool refuses_locked(std::span<const Token> tokens, size_t begin, size_t end, bool authenticating,
                    Judged& judged) {
  bool locked = false, account = authenticating;
  for (size_t k = begin; k < end; ++k) {
    if (tokens[k].kind != TokenKind::identifier) continue;
    locked = locked || judged.lock(tokens[k], is_lock_word);
    account = account || judged.account(tokens[k], is_account_word);
  }
  return locked && account;
}

// Whether a returned value that names a failure returns it: `return df.func(&entry, data, err);`
// hands its caller an error pointer to fill and returns the call's result. In a returned call
// the callee's name (error_reply) or a failure code among the arguments (EACCES, ERR_AUTH: no
// lower case) says so, not a variable named err.
bool returns_failure_named(std::span<const Token> value, Judged& judged) {
  size_t open = 0;
  while (open < value.size() && (value[open].kind == TokenKind::identifier || value[open].is(".") ||
                                 value[open].is("->") || value[open].is("::")))
    ++open;
  if (open == 0 || open >= value.size() || !value[open].is("(") || !value.back().is(")")) return true;
  int depth = 0;
  for (size_t k = open; k < value.size(); ++k) {
    depth += value[k].is("(") ? 1 : value[k].is(")") ? -1 : 0;
    if (depth == 0 && k + 1 < value.size()) return true;  // not one call: `f(a) | ERR`
  }
  for (size_t k = 0; k < value.size(); ++k) {
    const Token& t = value[k];
    if (t.kind != TokenKind::identifier || !judged.failure(t, names_failure)) continue;
    if (k < open || std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      return true;
  }
  return false;
}

// Whether the call named at tokens[name] has an argument naming a security thing (pin, hash,
// token…). Arguments past the first few dozen tokens are not looked at: a condition may name the
// same variable many times, and each look costs this walk.
bool names_security_operand(std::span<const Token> tokens, size_t name, size_t end, Judged& judged) {
  constexpr size_t max_argument_tokens = 48;
  const size_t stop = std::min(end, name + 2 + max_argument_tokens);
  int depth = 1;
  for (size_t k = name + 2; k < stop && depth > 0; ++k) {
    depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
    if (tokens[k].kind == TokenKind::identifier && judged.security_noun(tokens[k], has_security_noun)) return true;
  }
  return false;
}

// Whether the call named at tokens[name] is given only constants (names without lower-case letters
// and numbers): opal_check_token(OPAL_PCI_GET_BAR).
bool of_constants(std::span<const Token> tokens, size_t name, size_t close) {
  const size_t open = name + 1, end = std::min(close, tokens.size());
  int depth = 0;
  bool any = false;
  for (size_t k = open; k < end; ++k) {
    depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
    if (depth == 0) return any;
    if (tokens[k].kind == TokenKind::string || (tokens[k].kind == TokenKind::identifier && !names_constant(tokens[k].text)))
      return false;
    any = any || tokens[k].kind == TokenKind::identifier || tokens[k].kind == TokenKind::number;
  }
  return false;
}

bool relation(const Token& t) { return t.is("<") || t.is(">") || t.is("<=") || t.is(">="); }

// a comparison that sorts or ranks, as versions are, decides no match: its result related with
// < or >, or told from 1 or -1 (`vli_cmp(res, private_key, n) != 1`, a key's range checked).
bool ordered(std::span<const Token> tokens, size_t name, size_t close) {
  if (name > 0 && relation(tokens[name - 1])) return true;
  int depth = 0;
  for (size_t k = name + 1; k < close; ++k) {
    depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
    if (depth != 0) continue;
    if (k + 1 < close && relation(tokens[k + 1])) return true;
    const bool equality = k + 2 < close && (tokens[k + 1].is("==") || tokens[k + 1].is("!="));
    const size_t value = equality && tokens[k + 2].is("-") ? k + 3 : k + 2;
    return equality && value < close && tokens[value].is("1");
  }
  return false;
}

// `return -EOPNOTSUPP;` after `if (!ops->auth)`: an errno saying the operation is not supported
// answers that a driver or platform lacks it, and refuses no one.
bool says_unsupported(std::span<const Token> value) {
  constexpr size_t most_value_tokens = 6;  // -ENOTSUPP, ERR_PTR(-EOPNOTSUPP)
  if (value.size() > most_value_tokens) return false;
  return std::any_of(value.begin(), value.end(), [](const Token& t) {
    return t.is_ident("EOPNOTSUPP") || t.is_ident("ENOTSUPP") || t.is_ident("ENOTSUP") || t.is_ident("ENOSYS");
  });
}

}  // namespace

size_t failure_exit(std::span<const Token> tokens, size_t begin, size_t end, ExitContext context,
                    Judged& judged) {
  // The value after token k runs to the next ';'; whether it names a failure is whether the next
  // identifier naming one comes before that ';'. Both are found by pointers that only move
  // forward: a long branch without ';' costs no more than one pass.
  size_t semicolon = begin, failing = begin;
  const auto next_after = [&](size_t& p, size_t k, auto&& is) {
    if (p > k) return;
    p = k + 1;
    while (p < end && !is(tokens[p])) ++p;
  };
  const auto value_after = [&](size_t k) {
    next_after(semicolon, k, [](const Token& t) { return t.is(";"); });
    next_after(failing, k, [&](const Token& t) {
      return t.kind == TokenKind::identifier && judged.failure(t, names_failure);
    });
    return std::pair{tokens.subspan(k + 1, semicolon - k - 1), failing < semicolon};
  };
  bool failure_set = false;
  for (size_t k = begin; k < end; ++k) {
    if (tokens[k].is_ident("return")) {
      const auto [value, names_failure_in_value] = value_after(k);
      if (says_unsupported(value)) continue;
      if (is_failure_value(value, names_failure_in_value && returns_failure_named(value, judged))) return k;
      const bool null = value.size() == 1 && (value[0].is_ident("NULL") || value[0].is_ident("nullptr"));
      const bool bare = value.empty() && context.failed_branch;
      const bool zero = value.size() == 1 && value[0].is("0") && context.failed_branch && context.zero_is_failure;
      // HTTP's refusals (401 Unauthorized, 403 Forbidden, 407 Proxy Authentication Required),
      // returned by a request handler whose check failed.
      const bool http_refusal = value.size() == 1 && context.failed_branch &&
                                (value[0].is("401") || value[0].is("403") || value[0].is("407"));
      if (null || bare || zero || http_refusal) return k;
    }
    if (tokens[k].is_ident("throw")) return k;
    const bool terminates = tokens[k].is_ident("exit") || tokens[k].is_ident("_exit") || tokens[k].is_ident("abort");
    if (terminates && k + 1 < end && tokens[k + 1].is("(") && (k == begin || !tokens[k - 1].is("."))) return k;
    if (tokens[k].is("=")) {
      const auto [value, names_failure_in_value] = value_after(k);
      failure_set = failure_set || (is_failure_value(value, names_failure_in_value) && !says_unsupported(value));
    }
    if (tokens[k].is_ident("goto") && failure_set) return k;
  }
  return end;
}

Condition judge_condition(std::span<const Token> tokens, size_t begin, size_t close, size_t end,
                          bool authenticating, const AssignedCallees& assigned_from,
                          Judged& judged) {
  Condition cond;
  // Nothing to decide unless a name can make it so: a called name, or a value (or the callee a
  // variable was assigned from) that one of the tests below can accept.
  bool decides = false;
  for (size_t k = begin; k < close && !decides; ++k) {
    const Token& c = tokens[k];
    if (c.kind != TokenKind::identifier) continue;
    if (k + 1 < close && tokens[k + 1].is("(")) {
      decides = judged.decides_as_call(c, may_decide_as_call) || (judged.flow != nullptr && judged.flow->returns_outcome(c));
      continue;
    }
    const size_t source = assigned_from.of(c);
    // `pin != servicePin_`, `digest != expected_digest` in C++: an operand of an equality (judged below).
    const bool compared = judged.values_compare &&
                          ((k + 1 < close && (tokens[k + 1].is("==") || tokens[k + 1].is("!="))) ||
                           (k > begin && (tokens[k - 1].is("==") || tokens[k - 1].is("!="))));
    decides = judged.decides_as_value(c, may_decide_as_value) || (judged.flow != nullptr && judged.flow->carries(tokens, k)) ||
              (compared && (names_secret(c.text) || names_signed_value(c.text))) ||
              (source != AssignedCallees::none && judged.decides_as_call(tokens[source], may_decide_as_call));
  }
  if (!decides) return cond;
  bool secret_operand = false, mac_operand = false;
  // `if (password != expected_password)`: a secret compared with an operator. Not a test against
  // NULL or 0 (an argument check), and only names that say secret whatever their value: a bare
  // pin or key is as often a GPIO pin or a table's key.
  bool equality_operator = false, credential_operand = false;
  const auto null = [](const Token& t) { return t.is_ident("NULL") || t.is_ident("nullptr") || t.is("0"); };
  // strcasecmp(key, "Codec"): a key compared with a word is a dictionary's, not a secret; so is
  // a bare key compared as a string (g_ascii_strcasecmp(entry.key, key)): binary keys are
  // compared with memcmp and its constant-time kin.
  const auto dictionary_key = [&] {
    return std::any_of(tokens.begin() + begin, tokens.begin() + close, [](const Token& t) {
      if (t.kind == TokenKind::string)
        return std::none_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      return t.kind == TokenKind::identifier && compares_strings(t.text);
    });
  };
  // The parentheses open in the condition, one bit each (1: a call's, not likely()'s): a name
  // passed to a call is not an outcome the condition tests (l_queue_find(q, session_match, s)).
  // Past 64 levels every parenthesis counts as a call's.
  uint64_t call_parens = 0;
  size_t paren_depth = 0, call_depth = 0;
  // Where the arguments of the last comparison called end: only its operands are compared (in
  // `!vf_token && !strncmp(buf, VF_TOKEN_ARG, n)` the token is tested apart, for being there).
  // And whether it compares with a constant, a name without lower case or a literal: a signature
  // or a map's key compared with one (`memcmp(hdr->signature, "$VBT", 4)`, `memcmp(mpa->key,
  // MPA_KEY_REQ, n)`) is a format's marker, where a signature is verified with a key and a
  // credential compared with a constant is one built in.
  size_t compared_until = begin;
  bool compared_with_constant = false;
  for (size_t k = begin; k < close; ++k) {
    const Token& c = tokens[k];
    if (c.is("(")) {
      const bool call = paren_depth >= 64 ||
                        (k > begin && tokens[k - 1].kind == TokenKind::identifier && !tokens[k - 1].is_ident("likely") &&
                         !tokens[k - 1].is_ident("unlikely") && !tokens[k - 1].is_ident("__builtin_expect"));
      if (paren_depth < 64) call_parens = (call_parens & ~(uint64_t{1} << paren_depth)) | (uint64_t{call} << paren_depth);
      ++paren_depth;
      call_depth += call;
    } else if (c.is(")") && paren_depth > 0) {
      --paren_depth;
      call_depth -= paren_depth >= 64 || (call_parens >> paren_depth & 1) != 0;
    }
    if (c.is("==") || c.is("!="))
      equality_operator = equality_operator || (k > begin && k + 1 < close && !null(tokens[k - 1]) && !null(tokens[k + 1]));
    if (c.kind != TokenKind::identifier) continue;
    const bool called = k + 1 < close && tokens[k + 1].is("(");
    const size_t source = called ? AssignedCallees::none : assigned_from.of(c);
    const bool assigned = source != AssignedCallees::none;
    const bool verifies = called ? judged.verification(c, is_verification) ||
                                       (judged.flow != nullptr && judged.flow->returns_outcome(c))
                                 : assigned && judged.verification(tokens[source], is_verification);
    if (called) cond.tested.emplace_back(c.text);
    else if (assigned) cond.tested.emplace_back(tokens[source].text);
    cond.verifying_callee = cond.verifying_callee || verifies;
    if (!verifies && (called || assigned))
      cond.of_authentication = cond.of_authentication ||
                               judged.authentication(called ? c : tokens[source], names_authentication);
    const auto checks = [&] { return judged.check(c, has_check_word) && checks_security_thing(tokens, k); };
    // A check given only constants asks whether the platform has a thing (opal_check_token(OPAL_X));
    // a verification of one verifies what is there (verify_image_signature(APP_BASE)).
    const bool platform_check = !(word_classes(c.text) & verify_word) && of_constants(tokens, k, close);
    // A comparison that ranks (`vli_cmp(n, private_key, d) != 1`) decides nothing, whatever it is given.
    if (called && judged.comparison(c, is_comparison) && ordered(tokens, k, close)) continue;
    if (called && (verifies || checks()) && !platform_check) cond.verification = true;
    else if (called) {
      // memcmp(real_digest(io), want_digest(io), n): a call among the compared operands returns one.
      if (k < compared_until && judged.returned_object(c, returns_security_object)) secret_operand = true;
      if (!judged.comparison(c, is_comparison) || compares_keys(c.text)) continue;
      cond.comparison = true;
      compared_with_constant = false;
      // The first two arguments are the operands (a third is a length); a constant is one alone.
      int depth = 0;
      size_t argument = 0, argument_begin = k + 2;
      for (compared_until = k + 1; compared_until < close; ++compared_until) {
        const Token& a = tokens[compared_until];
        depth += a.is("(") ? 1 : a.is(")") ? -1 : 0;
        if (depth == 1 && (a.is(",") || a.is(")")) && argument < 2) {
          const Token& only = tokens[argument_begin];
          compared_with_constant = compared_with_constant ||
                                   (compared_until == argument_begin + 1 &&
                                    (only.kind == TokenKind::string ||
                                     (only.kind == TokenKind::identifier &&
                                      (names_constant(only.text) || names_empty_value(only.text)))));
          ++argument;
          argument_begin = compared_until + 1;
        }
        if (depth == 0) break;
      }
    }
    else if (verifies || (call_depth == 0 && judged.holds_outcome(tokens, k)))
      cond.verification = true;
    else if (assigned && judged.comparison(tokens[source], is_comparison)) {
      // `ret = memcmp(iv, last_pn, n); if (ret <= 0)`: a result related by order ranks, as ordered() says.
      if ((k > begin && relation(tokens[k - 1])) || (k + 1 < close && relation(tokens[k + 1]))) continue;
      // `int same = memcmp(pin, stored_pin, 4); if (same != 0)`: the comparison's operands decide.
      cond.comparison = true;
      secret_operand = secret_operand || names_security_operand(tokens, source, end, judged);
    }
    // The base of a member access is not what is compared: in `memcmp(&n->key.addr, …)` the
    // operand is an address.
    else if (tokens[k + 1].is(".") || tokens[k + 1].is("->") || k >= compared_until) continue;
    // A key that is no cryptographic one (mpa->key) compared with a constant is a marker; a bare
    // key compared as a string, a dictionary's: binary keys are compared with memcmp. A value
    // computed to check data (a signature, a tag) compared with a constant is a marker too, and a
    // buffer named empty (null_key) is the constant an unset value is compared with.
    else if (judged.security_noun(c, has_security_noun) && !names_empty_value(c.text) &&
             !(!judged.returned_object(c, returns_security_object) &&
               (compared_with_constant || ((c.text == "key" || c.text == "Key" || c.text == "KEY") && dictionary_key()))) &&
             !(compared_with_constant && names_check_value(c.text)))
      secret_operand = true;
    else if (judged.mac(c, is_mac_operand)) mac_operand = true;
  }
  if (mac_operand && !secret_operand) {  // a tag, unless the condition speaks of hardware addresses
    bool address = false;
    for (size_t k = begin; k < close && !address; ++k)
      address = tokens[k].kind == TokenKind::identifier && judged.address(tokens[k], has_address_word);
    secret_operand = !address;
  }
  // The operands of each == and != : a secret compared (`password != expected_password`,
  // `code != totp_now(secret)`); two PINs or two signatures compared (`pin != servicePin_`,
  // `digest != manifest.digest()`, in C++). Not a name beside them (`sme->psk && mode != MODE_SAE`),
  // nor the base of a member access (`secret.type != TYPE_ECDH`). An operand runs to the nearest
  // && , || , ?, comparison or unmatched parenthesis, and is looked at for its first few dozen tokens.
  if (equality_operator && !cond.verification) {
    constexpr size_t most_operand_tokens = 48;
    const auto operand = [&](size_t at, int step) {
      bool secret = false, pin_like = false, signed_value = false;
      int depth = 0;
      for (size_t n = 0, k = at; n < most_operand_tokens && k >= begin && k < close; ++n, k += step) {
        const Token& t = tokens[k];
        if (t.is("(") || t.is("[")) depth += step;
        if (t.is(")") || t.is("]")) depth -= step;
        if (depth < 0) break;
        if (depth == 0 && (t.is("&&") || t.is("||") || t.is(",") || t.is("?") || t.is(":") || t.is("==") ||
                           t.is("!=")))
          break;
        if (t.kind != TokenKind::identifier || (k + 1 < close && (tokens[k + 1].is(".") || tokens[k + 1].is("->"))))
          continue;
        secret = secret || judged.credential(t, names_a_secret);
        pin_like = pin_like || (!names_constant(t.text) && names_secret(t.text));
        signed_value = signed_value || names_signed_value(t.text);
        if (k == 0) break;
      }
      return std::array<bool, 3>{secret, pin_like, signed_value};
    };
    for (size_t k = begin + 1; k + 1 < close && !credential_operand; ++k) {
      if ((!tokens[k].is("==") && !tokens[k].is("!=")) || null(tokens[k - 1]) || null(tokens[k + 1])) continue;
      const auto left = operand(k - 1, -1), right = operand(k + 1, 1);
      credential_operand = left[0] || right[0] || (judged.values_compare && ((left[1] && right[1]) || (left[2] && right[2])));
    }
  }
  cond.by_comparison = !cond.verification && cond.comparison && secret_operand;
  cond.verification = cond.verification || cond.by_comparison || (equality_operator && credential_operand) ||
                      refuses_locked(tokens, begin, close, authenticating, judged);
  return cond;
}

}  // namespace mdbc::source::security_events
