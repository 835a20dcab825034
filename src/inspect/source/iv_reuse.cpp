// RNG-3: constant, all-zero or static IVs and nonces given to the cipher calls of OpenSSL,
// mbedTLS/PSA, wolfSSL, tinycrypt, libgcrypt, libsodium and Windows CNG (the IV arguments in
// crypto_apis.cpp):
// - literals, constant buffers and buffers initialised in the function and not written again
//   before the call (other than zeroed or copied from a constant);
// - all-zero IVs: zero-initialised, memset to 0, a static buffer never written, or a NULL IV where
//   the library then uses zeros (EVP_*Init with a chaining-mode cipher and no later IV,
//   wc_AesSetKey followed by CBC without wc_AesSetIV);
// - static or global buffers used without a refresh in the encrypting function, when the file
//   only ever fills them once from a random source elsewhere (one IV for the life of the program).
// A buffer the function passes to any other call first (a random fill, a copy from the message, a
// counter update) is taken as refreshed. The salt of a password hash or key derivation (PBKDF2,
// EVP_BytesToKey) is judged the same way (CWE-760): a constant salt is a predictable one.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source {
namespace {

constexpr std::string_view constant_rule = "RNG-3/constant-iv";
constexpr std::string_view zero_rule = "RNG-3/zero-iv";
constexpr std::string_view static_rule = "RNG-3/static-iv";
constexpr std::string_view salt_rule = "RNG-3/constant-salt";

constexpr std::array<std::string_view, 8> zeroing_calls{"memset", "bzero", "explicit_bzero", "SecureZeroMemory",
                                                        "RtlZeroMemory", "ZeroMemory", "RtlSecureZeroMemory",
                                                        "mbedtls_platform_zeroize"};

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

struct Judgement {
  std::string_view rule;  // empty: fine
  std::string why;
};

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out)
      : file_(file), toks_(file.tokens), out_(out), values_(file.values()),
        severity_(element_severity(file.ctx, "RNG-3")), origins_(file) {}

  void run() {
    for (const Call& c : file_.syntax.calls()) {
      if (!c.macro.empty()) continue;
      const std::string_view name = toks_[c.name].text;
      const int iv = iv_argument(c);
      if (iv < 0) continue;
      const Judgement j = judge({c.args[static_cast<size_t>(iv)].first, c.args[static_cast<size_t>(iv)].second}, c, "IV");
      if (!j.rule.empty()) report(c.name, j.rule, std::string(name) + " is given " + j.why);
    }
    // The salt of a password hash or key derivation (CWE-760): judged like an IV.
    for (const Call& c : file_.syntax.calls()) {
      const CryptoCall* cc = c.macro.empty() ? crypto_call(toks_[c.name].text) : nullptr;
      if (cc == nullptr || cc->salt < 0 || static_cast<size_t>(cc->salt) >= c.args.size()) continue;
      const auto& salt = c.args[static_cast<size_t>(cc->salt)];
      const Judgement j = judge({salt.first, salt.second}, c, "salt");
      if (j.rule.empty() || !reported_.insert(c.name).second) continue;
      out_.push_back(file_.at(toks_[c.name], std::string(salt_rule),
                              std::string(toks_[c.name].text) + " is given " + j.why +
                                  ": with one salt for every password, equal passwords hash alike on every device "
                                  "and one precomputed table attacks them all; generate a random salt of 16 bytes "
                                  "or more for each password (RAND_bytes, getrandom) and store it with the hash",
                              severity_));
    }
    windows_nonce_fields();
  }

 private:
  void report(size_t token, std::string_view rule, std::string message) {
    if (!reported_.insert(token).second) return;
    out_.push_back(file_.at(toks_[token], std::string(rule),
                            std::move(message) +
                                ": every message encrypted with it under the same key reuses the IV, which leaks "
                                "plaintext (CBC) or the keystream and the authentication key (CTR, GCM); generate a "
                                "fresh IV per message from a cryptographic generator and send it with the ciphertext",
                            severity_));
  }

  // The argument of a call that is an IV or nonce, or -1.
  int iv_argument(const Call& c) const {
    const std::string_view name = toks_[c.name].text;
    int iv = -1;
    if (const CryptoCall* cc = crypto_call(name)) iv = cc->iv;
    if (name == "CryptSetKeyParam" && c.args.size() >= 3 &&
        values_.resolve({c.args[1].first, c.args[1].second}, c.function).is_symbol("KP_IV"))
      iv = 2;
    return iv >= 0 && static_cast<size_t>(iv) < c.args.size() ? iv : -1;
  }

  std::string where(const Binding& b) const {
    return std::string(toks_[b.name].text) + " (line " + std::to_string(toks_[b.name].line) + ")";
  }

  const FunctionDef* function(int fn) const {
    return fn < 0 ? nullptr : &file_.syntax.functions()[static_cast<size_t>(fn)];
  }

  // An IV parameter whose callers all pass the same constant: a literal, a const or #defined
  // buffer, or a local buffer initialised to a constant and not touched before the call.
  Judgement passed_constant(const Value& v, const std::string& what) const {
    if (!v.is(Value::Kind::list) && !v.is(Value::Kind::string)) return {};
    const Binding* b = v.via;
    const bool literal = b == nullptr || b->form == BindingForm::parameter;
    if (!literal && !b->is_const && b->form != BindingForm::macro && (b->function < 0 || b->is_static)) return {};
    const bool zero = v.is(Value::Kind::list) && values_.list_facts(v.list).all_zero;
    const std::string source = literal ? "a literal " + what : "the constant " + what + " " + where(*b);
    return zero ? Judgement{zero_rule, source + " of all zeros, passed by every caller"}
                : Judgement{constant_rule, source + ", passed by every caller"};
  }

  // A NULL IV: zeros, when nothing later in the function supplies one.
  Judgement null_iv(const Call& c) const {
    const std::string_view name = toks_[c.name].text;
    const FunctionDef* f = function(c.function);
    if (!f) return {};
    if (name.starts_with("EVP_") && name.find("Init") != std::string_view::npos) {
      if (c.args.size() < 2) return {};
      const TokenRange cipher = values_.strip({c.args[1].first, c.args[1].second});
      if (cipher.empty() || toks_[cipher.begin].kind != TokenKind::identifier) return {};
      const std::string_view id = toks_[cipher.begin].text;
      const bool chaining = id.starts_with("EVP_") && (id.ends_with("_cbc") || id.ends_with("_ctr") ||
                                                       id.ends_with("_cfb") || id.ends_with("_cfb128") ||
                                                       id.ends_with("_ofb") || id.ends_with("_gcm") ||
                                                       id.ends_with("_ccm"));
      if (!chaining) return {};
      for (size_t ci : values_.calls_in(c.function)) {
        const Call& later = file_.syntax.calls()[ci];
        if (later.name <= c.name) continue;
        const std::string_view n = toks_[later.name].text;
        const CryptoCall* cc = crypto_call(n);
        if (!cc || cc->iv < 0 || static_cast<size_t>(cc->iv) >= later.args.size()) continue;
        const Value v = values_.resolve({later.args[static_cast<size_t>(cc->iv)].first,
                                         later.args[static_cast<size_t>(cc->iv)].second},
                                        later.function);
        if (!v.is(Value::Kind::null)) return {};
      }
      return {zero_rule, "a NULL IV with " + std::string(id) + " and no IV set later, so the IV is all zeros"};
    }
    if (name == "wc_AesSetKey") {
      bool cbc = false;
      for (size_t ci : values_.calls_in(c.function)) {
        const std::string_view n = toks_[file_.syntax.calls()[ci].name].text;
        if (n == "wc_AesSetIV") return {};
        cbc = cbc || n == "wc_AesCbcEncrypt" || n == "wc_AesCbcDecrypt";
      }
      if (cbc) return {zero_rule, "a NULL IV and CBC is used without wc_AesSetIV, so the IV is all zeros"};
    }
    return {};
  }

  // What the writes to `name` in `fn` between `from` and `to` do to a constant IV: refreshed by
  // any that may put something else there, else zeroed by any zero fill, else copied from a constant.
  enum class Writes { none, zeroed, copied_constant, refreshed };
  Writes writes_between(std::string_view name, int fn, size_t from, size_t to) const {
    const WritePositions& writes = write_positions(name, fn);
    const auto any_between = [&](const std::vector<size_t>& at) {
      const auto first = std::upper_bound(at.begin(), at.end(), from);
      return first != at.end() && *first < to;
    };
    if (any_between(writes.refreshed)) return Writes::refreshed;
    if (any_between(writes.zeroed)) return Writes::zeroed;
    return any_between(writes.copied_constant) ? Writes::copied_constant : Writes::none;
  }

  // Where the writes of each kind to `name` in `fn` are, in token order (a call by the use of the
  // name it is given). Found once per function and name: a function may encrypt with one IV tens
  // of thousands of times, each call asking about the writes before it.
  struct WritePositions {
    std::vector<size_t> zeroed, copied_constant, refreshed;
  };
  const WritePositions& write_positions(std::string_view name, int fn) const {
    const auto [found, fresh] = write_positions_.try_emplace({fn, name});
    WritePositions& out = found->second;
    if (!fresh) return out;
    const FunctionDef* f = function(fn);
    const auto named = values_.occurrences(name);
    for (auto at = std::upper_bound(named.begin(), named.end(), f->body_open); at != named.end() && *at < f->body_close; ++at) {
      if (ranged_over_by_reference(values_, *at)) out.refreshed.push_back(*at);  // for (auto &b : iv) b = …;
      for (const Call* w : values_.calls_taking(name, fn, *at - 1, *at + 1)) {
        const Writes kind = write_of(*w, name, fn);
        if (kind == Writes::zeroed) out.zeroed.push_back(*at);
        if (kind == Writes::copied_constant) out.copied_constant.push_back(*at);
        if (kind == Writes::refreshed) out.refreshed.push_back(*at);
      }
    }
    for (const Binding* b : values_.visible(name, fn)) {  // the function's own, found by position
      if (b->function != fn) continue;
      if (b->form == BindingForm::element || b->form == BindingForm::compound || b->form == BindingForm::assignment) {
        const Value v = values_.resolve(b->value, fn);
        if (b->form == BindingForm::compound || !(v.is(Value::Kind::integer) || v.is(Value::Kind::string)))
          out.refreshed.push_back(b->name);
      }
    }
    std::sort(out.refreshed.begin(), out.refreshed.end());
    return out;
  }

  // What call `w`, given the buffer `name`, does to it.
  Writes write_of(const Call& w, std::string_view name, int fn) const {
    const std::string_view n = toks_[w.name].text;
    if (one_of(n, zeroing_calls)) {
      if (n == "memset" && w.args.size() >= 2 && !values_.resolve({w.args[1].first, w.args[1].second}, fn).is_integer(0))
        return Writes::none;  // a constant fill: still constant
      return Writes::zeroed;
    }
    if ((n == "memcpy" || n == "memmove") && w.args.size() >= 2) {
      const Value src = values_.resolve({w.args[1].first, w.args[1].second}, fn);
      if (src.is(Value::Kind::string) || src.is(Value::Kind::list)) return Writes::copied_constant;  // copied from a constant
    }
    if (reads_as_iv(w, name)) return Writes::none;  // another cipher call reading the same IV
    return Writes::refreshed;
  }

  // Whether a call takes the buffer `name` as its IV (and so only reads it).
  bool reads_as_iv(const Call& w, std::string_view name) const {
    const int iv = iv_argument(w);
    if (iv < 0) return false;
    const size_t base = values_.base_name({w.args[static_cast<size_t>(iv)].first, w.args[static_cast<size_t>(iv)].second});
    return base < toks_.size() && toks_[base].text == name;
  }

  // Calls anywhere in the file that write into a file-scope buffer, split into random fills and
  // other writes (a binding that writes it counts as a null other). Found once per name: every
  // cipher call on the buffer asks.
  struct Writers {
    std::vector<const Call*> random, other;
  };
  const Writers& writers(std::string_view name) const {
    const auto [found, fresh] = writers_.try_emplace(name);
    Writers& out = found->second;
    if (!fresh) return out;
    std::set<const Call*> seen;
    for (size_t k : values_.occurrences(name)) {
      if (k == 0) continue;
      const int fn = values_.function_at(k);
      for (const Call* w : values_.calls_taking(name, fn, k - 1, k + 1)) {
        if (!seen.insert(w).second) continue;
        const std::string_view n = toks_[w->name].text;
        if (random_fill_argument(n)) out.random.push_back(w);
        else if (!reads_as_iv(*w, name)) out.other.push_back(w);
      }
    }
    for (const Binding* b : values_.bindings(name))
      if (b->form == BindingForm::element || b->form == BindingForm::compound || b->form == BindingForm::assignment)
        out.other.push_back(nullptr);
    return out;
  }

  // `what` names the argument in the judgement: "IV", or "salt" for a key derivation's salt.
  Judgement judge(TokenRange range, const Call& c, const std::string& what) const {
    const Judgement here = judge_in_function(range, c, what);
    return here.rule.empty() ? judge_followed(range, c, what) : here;
  }

  // An IV the function gets along a path its own statements do not show (a sink function's
  // parameter, a struct's field, a union, a file-scope variable, a member its class's constructor
  // set, what a pointer to it designates, a container's element): the object holds only what
  // literals and zero fills put there, as literal_contents follows it. Anything else that may
  // write it (RAND_bytes, a copy from the message, an unknown function) leaves it unknown.
  Judgement judge_followed(TokenRange range, const Call& c, const std::string& what) const {
    const TokenRange r = values_.strip(range);
    if (r.empty() || toks_[r.begin].kind == TokenKind::string || toks_[r.begin].kind == TokenKind::number) return {};
    auto texts = literal_contents(values_, range, c);
    if (!texts) texts = passed_by_callers(r, c);
    if (!texts) return {};
    std::string shown;
    for (size_t k = r.begin; k < r.end && shown.size() < 40; ++k) shown += toks_[k].text;
    if (texts->empty())
      return {zero_rule, "the " + what + " " + shown +
                             ", which nothing fills with random bytes (at most zero initialisers and zero fills write it)"};
    return {constant_rule, "the " + what + " " + shown + ", filled from the literal \"" + texts->front().substr(0, 40) +
                               "\" and nothing random"};
  }

  // A parameter of a method called through an object or of a function template called with its
  // arguments (object->seal(iv), seal<T>(iv)), whose callers literal_contents does not take: what
  // every caller value_origins finds passes holds only literals, and the function hands the
  // parameter to no call before the use and assigns it nothing. Decided once per function and
  // parameter: a hostile function may encrypt with one parameter a hundred thousand times.
  std::optional<std::vector<std::string>> passed_by_callers(TokenRange r, const Call& c) const {
    if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier || c.function < 0) return std::nullopt;
    const auto [it, fresh] = passed_.try_emplace({c.function, toks_[r.begin].text});
    Passed& passed = it->second;
    if (fresh) passed = passed_to(c.function, toks_[r.begin].text);
    if (passed.first_taker < c.name) return std::nullopt;
    return passed.texts;
  }

  struct Passed {
    std::optional<std::vector<std::string>> texts;
    size_t first_taker = SIZE_MAX;  // the first call given the parameter
  };
  Passed passed_to(int fn, std::string_view name) const {
    Passed out;
    const auto own = values_.visible(name, fn);
    if (own.size() != 1 || own[0]->form != BindingForm::parameter || own[0]->function != fn) return out;
    const auto& passed = origins_.parameter_arguments(fn, name);
    if (passed.empty()) return out;
    std::vector<std::string> texts;
    for (const Origin& o : passed) {
      const auto inner = o.call != nullptr ? literal_contents(values_, o.range, *o.call) : std::nullopt;
      if (!inner) return out;
      texts.insert(texts.end(), inner->begin(), inner->end());
    }
    const FunctionDef* f = function(fn);
    for (const Call* taker : values_.calls_taking(name, fn, f->body_open, f->body_close))
      out.first_taker = std::min(out.first_taker, taker->name);
    out.texts = std::move(texts);
    return out;
  }

  // An alias's value taken from another name of the function (`unsigned char *p = iv;`) is that
  // name's contents at the alias's declaration: refreshed when a call before the use writes through
  // one of the names the alias is made from (RAND_bytes(iv, 16); then p = iv).
  bool alias_source_refreshed(TokenRange value, int fn, const Call& c) const {
    constexpr int max_aliases = 4;
    const FunctionDef* f = function(fn);
    for (int step = 0; f != nullptr && step < max_aliases; ++step) {
      const TokenRange r = values_.strip(value);
      if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier) return false;
      const std::string_view name = toks_[r.begin].text;
      if (writes_between(name, fn, f->body_open, c.name) == Writes::refreshed) return true;
      const Binding* next = nullptr;
      for (const Binding* b : values_.visible(name, fn))
        if (b->function == fn && b->form == BindingForm::declaration) next = b;
      if (next == nullptr || next->value.empty()) return false;
      value = next->value;
    }
    return false;
  }

  Judgement judge_in_function(TokenRange range, const Call& c, const std::string& what) const {
    const TokenRange r = values_.strip(range);
    if (r.empty()) return {};
    const int fn = c.function;
    const Value v = values_.resolve(r, fn);
    if (v.is(Value::Kind::null) || v.is_integer(0)) return null_iv(c);
    if (v.is(Value::Kind::string) && !v.via) return {constant_rule, "a string literal as its " + what};
    if (v.is(Value::Kind::list) && !v.via) {
      const ListFacts f = values_.list_facts(v.list);
      return f.all_zero ? Judgement{zero_rule, "an all-zero literal " + what} : Judgement{constant_rule, "a literal " + what};
    }
    if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier) return {};
    const std::string_view name = toks_[r.begin].text;
    const Binding* decl = nullptr;
    for (const Binding* b : values_.visible(name, fn)) {
      if (b->form == BindingForm::parameter) return passed_constant(v, what);
      if (b->form == BindingForm::declaration || b->form == BindingForm::macro)
        if (!decl || b->function == fn) decl = b;
    }
    if (!decl || decl->is_extern) return {};
    const FunctionDef* f = function(fn);
    if (!f) return {};
    const bool local = decl->function == fn && decl->form == BindingForm::declaration;
    const size_t from = local ? decl->name : f->body_open;
    if (decl->form == BindingForm::macro || (decl->is_const && !decl->value.empty())) {
      const Value cv = values_.resolve(decl->value, decl->form == BindingForm::macro ? fn : decl->function);
      if (cv.is(Value::Kind::list))
        return values_.list_facts(cv.list).all_zero
                   ? Judgement{zero_rule, "the all-zero constant " + what + " " + where(*decl)}
                   : Judgement{constant_rule, "the constant " + what + " " + where(*decl)};
      if (cv.is(Value::Kind::string)) return {constant_rule, "the constant " + what + " " + where(*decl)};
      return {};
    }
    const Writes w = writes_between(name, fn, from, c.name);
    if (w == Writes::refreshed) return {};
    if (!decl->value.empty()) {
      if (local && alias_source_refreshed(decl->value, fn, c)) return {};
      if (!local) {
        // A file-scope buffer with an initialiser: refreshed elsewhere only by a non-random write
        // would be unknown; never written or only random-filled elsewhere is reuse.
        if (!writers(name).other.empty()) return {};
      }
      const Value iv = values_.resolve(decl->value, decl->function);
      bool zero = w == Writes::zeroed;
      if (iv.is(Value::Kind::list)) zero = zero || values_.list_facts(iv.list).all_zero;
      else if (!iv.is(Value::Kind::string)) return {};
      return zero ? Judgement{zero_rule, "the all-zero " + what + " " + where(*decl)}
                  : Judgement{constant_rule,
                              "the " + what + " " + where(*decl) + ", initialised to a constant and never changed"};
    }
    if (local && !decl->is_static) {
      if (w == Writes::zeroed) return {zero_rule, "the " + what + " " + where(*decl) + ", set to all zeros"};
      if (w == Writes::copied_constant)
        return {constant_rule, "the " + what + " " + where(*decl) + ", copied from a constant"};
      return {};
    }
    // A static or global buffer without an initialiser.
    const auto& [random, other] = writers(name);
    if (!other.empty()) return {};
    if (random.empty())
      return {zero_rule, "the static " + what + " " + where(*decl) + ", which is never written and so all zeros"};
    const int filler = values_.function_at(random.front()->name);
    if (filler == fn && random.front()->name < c.name) return {};
    std::string in = filler >= 0 ? " in " + std::string(toks_[function(filler)->name].text) + "()" : "";
    return {static_rule, "the static " + what + " " + where(*decl) + ", filled once" + in +
                             " and reused for every message instead of being refreshed before each encryption"};
  }

  // BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO's pbNonce (and similar fields) set to a constant buffer.
  void windows_nonce_fields() {
    for (const Binding* binding : values_.all_bindings()) {
      const Binding& b = *binding;
      if (b.form != BindingForm::member || b.value.empty() || b.function < 0) continue;
      const std::string_view field = toks_[b.name].text;
      if (field != "pbNonce" && field != "pbIV") continue;
      const TokenRange r = values_.strip(b.value);
      const Value v = values_.resolve(r, b.function);
      std::string_view rule;
      if (v.is(Value::Kind::string)) rule = constant_rule;
      if (v.is(Value::Kind::list) && v.via && (v.via->is_const || v.via->form == BindingForm::macro))
        rule = values_.list_facts(v.list).all_zero ? zero_rule : constant_rule;
      if (rule.empty()) continue;
      report(b.name, rule, std::string(field) + " is set to a constant nonce");
    }
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  const FileValues& values_;
  const Severity severity_;
  mutable ValueOrigins origins_;  // callers found once per function, whatever asks
  mutable std::map<std::pair<int, std::string_view>, Passed> passed_;  // by function and parameter
  mutable std::map<std::pair<int, std::string_view>, WritePositions> write_positions_;  // by function and name
  mutable std::map<std::string_view, Writers> writers_;  // by file-scope buffer
  std::set<size_t> reported_;
};

class IvReuse final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"iv-reuse", InputKind::source, {constant_rule, zero_rule, static_rule, salt_rule}};
  }

  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names = crypto_call_names();
    names.insert(names.end(), {"CryptSetKeyParam", "pbNonce", "pbIV"});
    return names;
  }
  bool reacts_to_other_names() const override { return false; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    if (file.tokens.empty()) return;
    Check(file, out).run();
  }
};

}  // namespace

MDBC_SOURCE_RULE(IvReuse)

}  // namespace mdbc::source
