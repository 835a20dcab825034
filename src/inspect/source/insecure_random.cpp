// RNG-1: general-purpose generators — rand, random, rand_r, the drand48 family, std::rand and
// the C++ engines (std::mt19937, minstd_rand, default_random_engine, ranlux, knuth_b) — and
// Zephyr's CONFIG_TEST_RANDOM_GENERATOR. arc4random is a cryptographic generator and is not
// flagged.
//
// The value is followed within its function: into the variable, array element or field it is
// assigned to (and from there into further variables), through casts and arithmetic, into calls
// and return statements. It is an error when it reaches a name that must be unpredictable (key,
// nonce, IV, salt, token, challenge, session id, OTP, password, PIN, seed …), an argument of a
// cryptographic API, a call named for such a value (set_nonce, make_token), a copy into such a
// buffer, or the return of a function so named; any other use is a warning.
#include <array>
#include <optional>
#include <set>
#include <string>

#include "inspect/source/call_site.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/source_values.h"

namespace mdbc::source {
namespace {

constexpr std::string_view secret_rule = "RNG-1/weak-random-secret";
constexpr std::string_view weak_rule = "RNG-1/weak-random";
constexpr std::string_view test_generator_rule = "RNG-1/test-random-generator";

// Zephyr documents sys_rand*_get as not cryptographically secure (sys_csrand_get is).
constexpr std::array<std::string_view, 14> weak_functions{
    "rand",    "random",  "rand_r",  "random_r", "drand48",        "erand48",        "lrand48",
    "nrand48", "mrand48", "jrand48", "sys_rand32_get", "sys_rand8_get", "sys_rand16_get", "sys_rand64_get"};
constexpr std::array<std::string_view, 10> engines{"mt19937",      "mt19937_64",   "minstd_rand",  "minstd_rand0",
                                                   "default_random_engine", "ranlux24", "ranlux48", "ranlux24_base",
                                                   "ranlux48_base", "knuth_b"};
constexpr std::array<std::string_view, 9> copy_calls{"memcpy",   "memmove", "strcpy", "strncpy", "strlcpy",
                                                     "snprintf", "sprintf", "memcpy_s", "strcat"};
constexpr int max_hops = 4;  // variables followed from one generator use

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

struct Verdict {
  bool secret = false;
  std::string why;  // "reaches nonce", "is passed to EVP_EncryptInit_ex"
};

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out)
      : file_(file), toks_(file.tokens), out_(out), values_(file.values()), sites_(file),
        severity_(element_severity(file.ctx, "RNG-1")) {}

  void run() {
    for (const Call& c : file_.syntax.calls()) {
      const std::string_view name = toks_[c.name].text;
      if (!one_of(name, weak_functions) || !sites_.reportable(c)) continue;
      if (sites_.defined_function(name)) continue;  // the file's own function of that name
      if (!c.macro.empty()) {
        report(c.name, Verdict{}, std::string(name) + "() (in macro " + std::string(c.macro) + ")");
        continue;
      }
      report(c.name, follow(c.name), std::string(c.qualifier.empty() ? "" : "std::") + std::string(name) + "()");
    }
    engine_uses();
  }

 private:
  void report(size_t token, const Verdict& v, const std::string& what) {
    const int fn = values_.function_at(token);
    if (!reported_.insert({fn < 0 ? -static_cast<int64_t>(toks_[token].line) : fn, toks_[token].line}).second) return;
    if (v.secret) {
      out_.push_back(file_.at(toks_[token], std::string(secret_rule),
                              what + " is not a cryptographic generator and its value " + v.why +
                                  ": its output is predictable from a few values or from the seed; use getrandom, "
                                  "RAND_bytes, mbedtls_ctr_drbg_random, psa_generate_random or wc_RNG_GenerateBlock",
                              severity_));
    } else {
      out_.push_back(file_.at(toks_[token], std::string(weak_rule),
                              what + " is not a cryptographic generator: if its value protects anything (a key, "
                                     "nonce, token, challenge or an unpredictable delay) use a cryptographic "
                                     "generator; otherwise record a variance for this use",
                              Severity::warning));
    }
  }

  bool sink(const Call& c, size_t arg_index, Verdict& v) const {
    const std::string_view name = toks_[c.name].text;
    if (is_crypto_api(name) || crypto_call(name) != nullptr) {
      v = {true, "is passed to " + std::string(name)};
      return true;
    }
    if (needs_unpredictable_value(name)) {
      v = {true, "is passed to " + std::string(name)};
      return true;
    }
    for (size_t a = 0; a < c.args.size(); ++a) {
      if (a == arg_index) continue;
      const size_t base = values_.base_name({c.args[a].first, c.args[a].second});
      if (base < toks_.size() && needs_unpredictable_value(toks_[base].text)) {
        v = {true, "is written into " + std::string(toks_[base].text) + " by " + std::string(name)};
        return true;
      }
    }
    return false;
  }

  // Where the value of the expression at token p goes, judged; names to follow go to `next`.
  Verdict destination(size_t p, std::vector<std::pair<std::string_view, size_t>>& next) const {
    const auto& syntax = file_.syntax;
    size_t k = p;
    for (size_t steps = 0; k > 0 && steps < 4096; ++steps) {
      const Token& t = toks_[k - 1];
      if (t.directive != toks_[p].directive) return {};
      if ((t.is(")") || t.is("]")) && syntax.match(k - 1) < k - 1) {
        k = syntax.match(k - 1);
        continue;
      }
      if (t.is(";") || t.is("}")) return {};
      if (t.is("{")) {
        if (k >= 2 && (toks_[k - 2].is("=") || toks_[k - 2].is(",") || toks_[k - 2].is("(") ||
                       toks_[k - 2].is("{") || toks_[k - 2].kind == TokenKind::identifier)) {
          --k;  // an initialiser list
          continue;
        }
        return {};
      }
      if (t.is("(")) {
        if (k >= 2 && toks_[k - 2].kind == TokenKind::identifier) {
          const std::string_view before = toks_[k - 2].text;
          if (before == "if" || before == "while" || before == "switch" || before == "for") return {};
          if (const Call* c = values_.call_at(k - 2)) {
            size_t arg_index = 0;
            for (size_t a = 0; a < c->args.size(); ++a)
              if (c->args[a].first <= p && p < c->args[a].second) arg_index = a;
            Verdict v;
            if (sink(*c, arg_index, v)) return v;
            const std::string_view name = toks_[c->name].text;
            if (one_of(name, copy_calls) && !c->args.empty()) {
              const size_t dst = values_.base_name({c->args[0].first, c->args[0].second});
              if (dst < toks_.size()) next.emplace_back(toks_[dst].text, c->close);
              return {};
            }
          }
        }
        --k;
        continue;
      }
      if (t.is("[")) {
        --k;
        continue;
      }
      if (t.is("=") || t.is("+=") || t.is("^=") || t.is("|=") || t.is("-=") || t.is("*=") || t.is("<<=")) {
        // The assigned object: the last name right before the operator (key[i], s.nonce, *out++).
        size_t j = k - 1;
        while (j > 0 && (toks_[j - 1].is("++") || toks_[j - 1].is("--"))) --j;
        while (j > 0 && toks_[j - 1].is("]") && syntax.match(j - 1) < j - 1) j = syntax.match(j - 1);
        if (j == 0 || toks_[j - 1].kind != TokenKind::identifier) return {};
        const size_t base = j - 1;
        const std::string_view name = toks_[base].text;
        if (needs_unpredictable_value(name)) return {true, "is assigned to " + std::string(name)};
        const TokenRange stmt = values_.statement(p);
        next.emplace_back(name, stmt.end);
        return {};
      }
      if (t.is_ident("return")) {
        const int fn = values_.function_at(p);
        if (fn >= 0) {
          const std::string_view f = toks_[file_.syntax.functions()[static_cast<size_t>(fn)].name].text;
          if (needs_unpredictable_value(f)) return {true, "is returned by " + std::string(f)};
        }
        return {};
      }
      --k;
    }
    return {};
  }

  // Judges the generator value at p, following it through up to max_hops variables.
  Verdict follow(size_t p) const {
    std::vector<std::pair<std::string_view, size_t>> pending;
    Verdict v = destination(p, pending);
    if (v.secret) return v;
    const int fn = values_.function_at(p);
    if (fn < 0) return v;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    std::set<std::string_view> seen;
    for (int hop = 0; hop < max_hops && !pending.empty(); ++hop) {
      std::vector<std::pair<std::string_view, size_t>> next;
      for (const auto& [name, from] : pending) {
        if (!seen.insert(name).second) continue;
        for (size_t q : values_.occurrences(name)) {
          if (q < from || q <= f.body_open || q >= f.body_close) continue;
          if (q + 1 < toks_.size() && toks_[q + 1].is("=")) continue;  // overwritten, not read
          Verdict w = destination(q, next);
          if (w.secret) {
            w.why = "flows through " + std::string(name) + " and " + w.why;
            return w;
          }
        }
      }
      pending = std::move(next);
    }
    return v;
  }

  void engine_uses() {
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::identifier || t.directive || file_.syntax.dead(i) || !one_of(t.text, engines)) continue;
      if (i > 0 && (toks_[i - 1].is(".") || toks_[i - 1].is("->"))) continue;
      if (i > 1 && toks_[i - 1].is("::") && toks_[i - 2].kind == TokenKind::identifier &&
          toks_[i - 2].text != "std" && toks_[i - 2].text != "random")
        continue;
      const std::string what = "std::" + std::string(t.text);
      size_t k = i + 1;
      if (k < toks_.size() && toks_[k].is(">")) continue;  // a template argument: judged at the outer engine
      bool alias = false;
      const TokenRange s = values_.statement(i);
      for (size_t a = s.begin; a < i; ++a) alias = alias || toks_[a].is_ident("typedef") || toks_[a].is_ident("using");
      if (alias) continue;  // an engine type named, not used
      if (k < toks_.size() && toks_[k].kind == TokenKind::identifier && !is_keyword(toks_[k].text)) {
        // An engine variable: judge each use.
        const std::string_view var = toks_[k].text;
        const int fn = values_.function_at(k);
        bool used = false;
        for (size_t q : values_.occurrences(var)) {
          if (q <= k) continue;
          if (fn >= 0) {
            const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
            if (q >= f.body_close) break;
          }
          if (q + 2 < toks_.size() && toks_[q + 1].is(".") && toks_[q + 2].is_ident("seed")) continue;
          if (q + 1 < toks_.size() && toks_[q + 1].is("=")) continue;
          used = true;
          report(q, follow(q), what + " (" + std::string(var) + ")");
        }
        if (!used) report(i, Verdict{}, what);
        continue;
      }
      report(i, follow(i), what);
    }
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  const FileValues& values_;
  const CallSites sites_;
  const Severity severity_;
  std::set<std::pair<int64_t, uint32_t>> reported_;
};

// Zephyr: CONFIG_TEST_RANDOM_GENERATOR=y makes the kernel's random APIs return non-random values.
void test_generator(const SourceFile& file, std::vector<Finding>& out) {
  const std::string_view s = file.input.bytes;
  constexpr std::string_view setting = "CONFIG_TEST_RANDOM_GENERATOR=y";
  uint32_t line = 1;
  size_t begin = 0;
  while (begin < s.size()) {
    size_t end = s.find('\n', begin);
    if (end == std::string_view::npos) end = s.size();
    std::string_view l = s.substr(begin, end - begin);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (l.starts_with(setting))
      out.push_back(file.at_line(line, 1, std::string(test_generator_rule),
                                 "CONFIG_TEST_RANDOM_GENERATOR=y selects a generator that is not random (Zephyr's "
                                 "test generator): select the SoC's entropy driver (CONFIG_ENTROPY_GENERATOR) and "
                                 "CONFIG_CSPRNG_ENABLED",
                                 element_severity(file.ctx, "RNG-1")));
    begin = end + 1;
    ++line;
  }
}

class InsecureRandom final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"insecure-random", InputKind::source, {secret_rule, weak_rule, test_generator_rule}};
  }
  bool wants(Language language) const override {
    return is_c_family(language) || language == Language::kconfig || language == Language::config_text;
  }
  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names(weak_functions.begin(), weak_functions.end());
    names.insert(names.end(), engines.begin(), engines.end());
    return names;
  }
  bool reacts_to_other_names() const override { return false; }
  bool triggered_otherwise(const SourceFile& file) const override { return !is_c_family(file.language); }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    if (file.language == Language::kconfig || file.language == Language::config_text) {
      if (file.input.bytes.find("CONFIG_TEST_RANDOM_GENERATOR") != std::string_view::npos) test_generator(file, out);
      return;
    }
    if (file.tokens.empty()) return;
    Check(file, out).run();
  }
};

}  // namespace

MDBC_SOURCE_RULE(InsecureRandom)

}  // namespace mdbc::source
