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
// buffer, or the return of a function so named; any other use is a warning. Across the functions
// of the file, a value returned is followed from each call of its function, a value passed to a
// function of the file into its parameter, a value written through a pointer parameter into what
// each caller passes there (a fill(buf) helper), a value stored in a member into the object that
// holds it (a union read through its other member, a struct handed on whole), and a value stored
// in a file-scope variable into the file's other functions that use it. A call reaches the
// function its caller says (call_targets.h): through a local function pointer set to it, a
// method through an object of a known class, a construction its class's constructor, a function
// template given its arguments; a container's storing call (v.push_back(x): buffer_contents'
// stores_into) stores the value in the container.
#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/call_targets.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/cross_file.h"
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
constexpr int max_hops = 4;  // variables followed from one generator use, within one function
constexpr int max_depth = 2;  // functions of the file crossed from one generator use
constexpr size_t max_leads = 64;  // places followed from one generator use, in all

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

struct Verdict {
  bool secret = false;
  std::string why;  // "reaches nonce", "is passed to EVP_EncryptInit_ex"
};

// Where a value goes beyond the expression holding it.
struct Onward {
  std::vector<std::pair<std::string_view, size_t>> names;  // variables holding it, read after the token
  bool returned = false;                                   // returned by its function
  std::vector<std::pair<const FunctionDef*, size_t>> parameters;  // passed to a function of the file
};

// A parameter of a function definition: its name token, and whether the function can write
// through it into its caller's object (a pointer, array or reference).
struct Parameter {
  size_t name = 0;
  bool writes_through = false;
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
        // A port's stand-in (#define random() rand()) that this file does not use: each use, in
        // the files including it, calls a weak generator by name and is reported there.
        if (one_of(c.macro, weak_functions) && !sites_.expanded(c.macro)) continue;
        report(c.name, Verdict{}, std::string(name) + "() (in macro " + std::string(c.macro) + ")");
        continue;
      }
      report(c.name, follow(c.name), std::string(c.qualifier.empty() ? "" : "std::") + std::string(name) + "()");
    }
    engine_uses();
    // A generator handed over uncalled: std::generate(std::begin(key), std::end(key), std::rand).
    for (const std::string_view name : weak_functions)
      for (const size_t q : values_.occurrences(name))
        if (generator_argument(q)) report(q, follow(q), "std::" + std::string(name));
  }

  // Whether the name at q, not called, is the whole generator argument of std::generate(_n).
  bool generator_argument(size_t q) const {
    if (q + 1 >= toks_.size() || !toks_[q + 1].is(")") || toks_[q].directive || file_.syntax.dead(q)) return false;
    size_t a = q;
    if (a >= 2 && toks_[a - 1].is("::") && toks_[a - 2].is_ident("std")) a -= 2;
    if (a >= 1 && toks_[a - 1].is("&")) --a;
    if (a == 0 || !toks_[a - 1].is(",")) return false;
    const size_t open = file_.syntax.match(q + 1);
    if (open == 0 || open >= q) return false;
    const Call* c = values_.call_at(open - 1);
    return c != nullptr && fills_with_generator(*c, argument_index(*c, q));
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
      // A call's result (KEY(2), get_key(dev)) is no buffer the call writes into.
      const bool called = base + 1 < toks_.size() && toks_[base + 1].is("(");
      if (base < toks_.size() && !called && needs_unpredictable_value(toks_[base].text)) {
        v = {true, "is written into " + std::string(toks_[base].text) + " by " + std::string(name)};
        return true;
      }
    }
    return false;
  }

  // Where the value of the expression at token p goes, judged; where to follow it goes to `next`.
  Verdict destination(size_t p, Onward& next) const {
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
          // The size or type of the value, not the value.
          if (before == "sizeof" || before == "_Alignof" || before == "alignof" || before == "typeof" ||
              before == "__typeof__" || before == "decltype")
            return {};
          if (const Call* c = values_.call_at(k - 2)) {
            const size_t arg_index = argument_index(*c, p);
            Verdict v;
            if (sink(*c, arg_index, v)) return v;
            const std::string_view name = toks_[c->name].text;
            if (fills_with_generator(*c, arg_index)) {
              // std::generate(std::begin(key), std::end(key), std::rand): the generator's values
              // are the elements of the container the range starts in.
              const size_t container = container_named({c->args[0].first, c->args[0].second});
              if (container >= toks_.size()) return {};
              const std::string_view held = toks_[container].text;
              if (needs_unpredictable_value(held)) return {true, "fills " + std::string(held) + " through std::" + std::string(name)};
              next.names.emplace_back(held, c->close);
              return {};
            }
            if (one_of(name, copy_calls) && !c->args.empty()) {
              const size_t dst = values_.base_name({c->args[0].first, c->args[0].second});
              if (dst < toks_.size()) next.names.emplace_back(toks_[dst].text, c->close);
              return {};
            }
            if (const FunctionDef* def = values_.definition(name)) next.parameters.emplace_back(def, arg_index);
            else if (const FunctionDef* pointed = pointed_definition(*c)) next.parameters.emplace_back(pointed, arg_index);
          } else if (const Call* m = member_call_opened_at(k - 1)) {
            into_member_call(*m, p, next);
          }
        } else if (k >= 2 && (toks_[k - 2].is(">") || toks_[k - 2].is(">>"))) {
          if (const Call* c = template_call_opened_at(k - 1))
            if (const FunctionDef* def = values_.definition(toks_[c->name].text))
              next.parameters.emplace_back(def, argument_index(*c, p));
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
        // A range-for's reference to each element (for (auto &b : key) b = rand();): a store into
        // the container.
        if (j == k - 1 && !(base > 0 && (toks_[base - 1].is(".") || toks_[base - 1].is("->"))))
          if (const size_t container = range_for_container(base); container < toks_.size()) {
            const std::string_view held = toks_[container].text;
            if (needs_unpredictable_value(held))
              return {true, "is stored through " + std::string(name) + " into " + std::string(held)};
            next.names.emplace_back(held, stmt.end);
          }
        next.names.emplace_back(name, stmt.end);
        // A member of an object (holder.first = v, both.first = v): the object holds it too, read
        // through another member of a union or handed on whole.
        size_t owner = base;
        while (owner >= 2 && (toks_[owner - 1].is(".") || toks_[owner - 1].is("->")) &&
               toks_[owner - 2].kind == TokenKind::identifier)
          owner -= 2;
        if (owner != base) next.names.emplace_back(toks_[owner].text, stmt.end);
        return {};
      }
      if (t.is_ident("return")) {
        // Returned by a lambda: the value goes where the lambda's results go (std::generate's).
        if (const size_t lambda = lambda_around(k - 1); lambda < toks_.size()) {
          k = lambda;
          continue;
        }
        const int fn = values_.function_at(p);
        if (fn >= 0) {
          const std::string_view f = toks_[file_.syntax.functions()[static_cast<size_t>(fn)].name].text;
          if (needs_unpredictable_value(f)) return {true, "is returned by " + std::string(f)};
          next.returned = true;
        }
        return {};
      }
      --k;
    }
    return {};
  }

  // Whether `c` is std::generate or std::generate_n (std::ranges' too) and argument `index` is its
  // generator, whose results it stores into the range its first argument starts.
  bool fills_with_generator(const Call& c, size_t index) const {
    const std::string_view name = toks_[c.name].text;
    return (name == "generate" || name == "generate_n") && c.args.size() >= 2 && index + 1 == c.args.size() &&
           (c.qualifier.empty() || c.qualifier == "std" || c.qualifier == "ranges");
  }

  // The container that a range or a range's start names: key, std::begin(key), key.begin(),
  // key.data(), &key[0]; tokens().size() when there is none.
  size_t container_named(TokenRange r) const {
    r = values_.strip(r);
    if (r.empty()) return toks_.size();
    size_t b = r.begin;
    if (b + 2 < r.end && toks_[b].is_ident("std") && toks_[b + 1].is("::")) b += 2;
    if (b + 1 < r.end && (toks_[b].is_ident("begin") || toks_[b].is_ident("cbegin")) && toks_[b + 1].is("(")) {
      const size_t close = file_.syntax.match(b + 1);
      return close < r.end ? values_.base_name({b + 2, close}) : toks_.size();
    }
    if (r.end - b >= 4 && toks_[r.end - 1].is(")") && toks_[r.end - 2].is("(") &&
        (toks_[r.end - 3].is_ident("begin") || toks_[r.end - 3].is_ident("cbegin")) && toks_[r.end - 4].is("."))
      return values_.base_name({b, r.end - 4});
    return values_.base_name({b, r.end});
  }

  // For the name at token `name`, written in a function: the container whose elements it refers
  // to when the nearest declaration before is a range-for's reference (`for (auto &b : key)`),
  // or tokens().size().
  size_t range_for_container(size_t name) const {
    const int fn = values_.function_at(name);
    if (fn < 0) return toks_.size();
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    const auto all = values_.occurrences(toks_[name].text);
    const auto first = std::upper_bound(all.begin(), all.end(), f.body_open);
    const auto last = std::lower_bound(first, all.end(), name);
    constexpr size_t longest_declaration = 16;  // tokens back from the variable to the for's bracket
    for (auto it = last; it != first;) {
      const size_t q = *--it;
      if (q + 1 >= toks_.size() || !toks_[q + 1].is(":")) continue;
      size_t open = q;
      for (size_t steps = 0; open > f.body_open && steps < longest_declaration && !toks_[open].is("("); ++steps) --open;
      const auto loop = range_for_at(values_, open);
      return loop && loop->variable == q && loop->writes_elements ? container_named(loop->range) : toks_.size();
    }
    return toks_.size();
  }


  // The `[` of the lambda whose body holds token k (`[&] { return gen(); }`), or tokens().size()
  // when the innermost block around k is no lambda's.
  size_t lambda_around(size_t k) const {
    size_t depth = 0;
    for (size_t q = k, steps = 0; q > 0 && steps < 4096; --q, ++steps) {
      const Token& t = toks_[q - 1];
      if (t.is("}")) ++depth;
      else if (t.is("{") && depth > 0) --depth;
      else if (t.is("{")) {
        size_t before = q - 1;
        if (before > 0 && (toks_[before - 1].is_ident("mutable") || toks_[before - 1].is_ident("noexcept"))) --before;
        if (before == 0) return toks_.size();
        const Token& b = toks_[before - 1];
        size_t close = toks_.size();
        if (b.is("]")) close = before - 1;
        else if (b.is(")") && file_.syntax.match(before - 1) < before - 1 && file_.syntax.match(before - 1) > 0 &&
                 toks_[file_.syntax.match(before - 1) - 1].is("]"))
          close = file_.syntax.match(before - 1) - 1;
        if (close >= toks_.size()) return toks_.size();
        const size_t open = file_.syntax.match(close);
        return open < close ? open : toks_.size();
      }
    }
    return toks_.size();
  }

  // The position of the argument of `c` that holds token p (0 when none does).
  static size_t argument_index(const Call& c, size_t p) {
    size_t index = 0;
    for (size_t a = 0; a < c.args.size(); ++a)
      if (c.args[a].first <= p && p < c.args[a].second) index = a;
    return index;
  }

  // The file's function a call through a local function pointer reaches, or nullptr.
  const FunctionDef* pointed_definition(const Call& c) const {
    if (!pointers_) pointers_.emplace(file_);
    const std::string_view pointed = pointers_->of(c);
    return pointed.empty() ? nullptr : values_.definition(pointed);
  }

  // The member call or construction (cross_file's member_calls) whose arguments the bracket at
  // `open` holds, or nullptr; indexed on first need.
  const Call* member_call_opened_at(size_t open) const {
    if (!members_) {
      members_.emplace(member_calls(file_));
      for (const Call& m : *members_) member_at_.emplace(m.open, &m);
    }
    const auto it = member_at_.find(open);
    return it == member_at_.end() ? nullptr : it->second;
  }

  // A call of a function template given its arguments (`sink<long>(v)`), whose argument bracket
  // is at `open`, which the syntax takes for no call: made once and kept, or nullptr.
  const Call* template_call_opened_at(size_t open) const {
    if (const auto made = template_at_.find(open); made != template_at_.end()) return made->second;
    // Back over the template's argument list to its name: a bounded walk (a `>>` closes two).
    constexpr size_t longest_arguments = 64;
    size_t name = toks_.size();
    for (size_t q = open - 1, angles = 0; q > 0 && open - q < longest_arguments; --q) {
      if (toks_[q].is(">")) ++angles;
      else if (toks_[q].is(">>")) angles += 2;
      else if (toks_[q].is("<")) --angles;
      else if (toks_[q].is(";") || toks_[q].is("{") || toks_[q].is("}")) break;
      if (angles == 0) {
        if (toks_[q - 1].kind == TokenKind::identifier) name = q - 1;
        break;
      }
    }
    const int function = values_.function_at(open);
    std::optional<Call> call;
    if (name < toks_.size() && function >= 0) call = call_opened_at(file_, name, open, function);
    const Call* kept = call ? &templates_.emplace_back(std::move(*call)) : nullptr;
    template_at_.emplace(open, kept);
    return kept;
  }

  // The value at p as an argument of member call or construction `m`: stored in the container a
  // storing call names (v.insert(v.end(), 3, x)), or passed to the method of the receiver's known
  // class (o->action(x) for `Base *o = new Derived;`) or to the constructor of the class built.
  void into_member_call(const Call& m, size_t p, Onward& next) const {
    const int fn = values_.function_at(m.name);
    const bool through_object = m.name >= 2 && (toks_[m.name - 1].is(".") || toks_[m.name - 1].is("->"));
    if (through_object && toks_[m.name - 2].kind == TokenKind::identifier) {
      const std::string_view receiver = toks_[m.name - 2].text;
      for (const Store& store : stores_into(values_, fn, receiver))
        if (store.name == m.name - 2 && store.value.begin <= p && p < store.value.end) {
          next.names.emplace_back(receiver, m.close);
          return;
        }
    }
    if (!receivers_) receivers_.emplace(file_);
    const std::string_view cls = through_object ? receivers_->of(m) : toks_[m.name].text;
    if (cls.empty()) return;
    if (!methods_) {
      methods_.emplace();
      for (size_t g = 0; g < file_.syntax.functions().size(); ++g) {
        const FunctionDef& def = file_.syntax.functions()[g];
        if (def.name > 0 && toks_[def.name - 1].is("~")) continue;  // a destructor takes no arguments
        if (const std::string_view owner = method_classes()[g]; !owner.empty())
          (*methods_)[{owner, toks_[def.name].text}].push_back(&def);
      }
    }
    const auto it = methods_->find({cls, toks_[m.name].text});
    if (it == methods_->end()) return;
    for (const FunctionDef* def : it->second) next.parameters.emplace_back(def, argument_index(m, p));
  }

  // The parameters of a function definition, in order; a parameter without a name has none.
  std::vector<Parameter> parameters(const FunctionDef& f) const {
    std::vector<Parameter> out;
    const size_t open = f.name + 1;
    if (open >= toks_.size() || !toks_[open].is("(")) return out;
    const size_t close = file_.syntax.match(open);
    if (close >= toks_.size() || close > f.body_open) return out;
    size_t name = toks_.size(), identifiers = 0;
    size_t angles = 0;  // template argument lists open (std::map<int, char *> m): their commas part no parameters
    bool writes_through = false;
    for (size_t k = open + 1; k <= close; ++k) {
      if (toks_[k].is("<")) ++angles;
      else if (toks_[k].is(">") || toks_[k].is(">>")) angles -= std::min(angles, size_t{toks_[k].is(">") ? 1u : 2u});
      if (k == close || (toks_[k].is(",") && angles == 0)) {
        out.push_back({identifiers >= 2 ? name : toks_.size(), writes_through});
        name = toks_.size(), identifiers = 0, writes_through = false;
        continue;
      }
      if ((toks_[k].is("(") || toks_[k].is("[")) && file_.syntax.match(k) < close) {
        writes_through = writes_through || toks_[k].is("[");
        k = file_.syntax.match(k);
        continue;
      }
      if (toks_[k].is("*") || toks_[k].is("&")) writes_through = true;
      if (toks_[k].kind == TokenKind::identifier) ++identifiers, name = k;
    }
    return out;
  }

  // The calls of the file's function `name` (not inside macros), indexed on first need.
  std::span<const Call* const> calls_of(std::string_view name) const {
    if (!calls_by_name_) {
      calls_by_name_.emplace();
      for (const Call& c : file_.syntax.calls())
        if (c.macro.empty()) (*calls_by_name_)[toks_[c.name].text].push_back(&c);
    }
    const auto it = calls_by_name_->find(name);
    return it == calls_by_name_->end() ? std::span<const Call* const>() : std::span<const Call* const>(it->second);
  }

  // The functions other than `writer` that use `name` when it is a file-scope variable there (no
  // binding of its own in `writer`), at most max_leads of them; found once per name. A member a
  // method writes is read by the methods of its class only (badClass's and goodClass's `data`).
  const std::vector<int>& readers_of_global(std::string_view name, int writer) const {
    static const std::vector<int> none;
    const auto seen = values_.visible(name, writer);
    if (writer < 0 || seen.empty() ||
        std::any_of(seen.begin(), seen.end(), [](const Binding* b) {
          return b->function >= 0 && (b->form == BindingForm::declaration || b->form == BindingForm::parameter);
        }))
      return none;
    const bool member = std::all_of(seen.begin(), seen.end(), [](const Binding* b) {
      return b->function >= 0 || b->form == BindingForm::member;
    });
    const std::string_view cls = member ? method_classes()[static_cast<size_t>(writer)] : std::string_view();
    const auto [it, fresh] = global_readers_.try_emplace({name, cls});
    if (fresh)
      for (const size_t q : values_.occurrences(name)) {
        const int fn = values_.function_at(q);
        if (fn < 0 || (!it->second.empty() && it->second.back() == fn)) continue;
        if (!cls.empty() && method_classes()[static_cast<size_t>(fn)] != cls) continue;
        it->second.push_back(fn);
        if (it->second.size() > max_leads) break;
      }
    return it->second;
  }

  // The class of each function of the file (method_class), found on first need.
  const std::vector<std::string_view>& method_classes() const {
    if (!method_classes_) {
      method_classes_.emplace();
      for (size_t g = 0; g < file_.syntax.functions().size(); ++g)
        method_classes_->push_back(method_class(file_, static_cast<int>(g)));
    }
    return *method_classes_;
  }

  int function_index(const FunctionDef* def) const { return static_cast<int>(def - file_.syntax.functions().data()); }

  // Judges the generator value at p, following it through up to max_hops variables of a function
  // and across up to max_depth functions of the file.
  Verdict follow(size_t p) const {
    // A place the value is read from: the expression at `token` (the generator's call, or a call of
    // a function that returns the value), or a variable holding it read after `token` in `function`.
    struct Lead {
      size_t token;
      std::string_view variable;  // empty: the expression at token
      int function, depth, hops;
      std::string path;           // how the value got here, as the start of the verdict's why
    };
    std::vector<Lead> leads{{p, {}, values_.function_at(p), 0, 0, {}}};
    auto add = [&](Lead lead) {
      if (leads.size() < max_leads) leads.push_back(std::move(lead));
    };
    std::set<std::pair<std::string_view, int>> seen;
    std::set<int> returns_followed;
    for (size_t l = 0; l < leads.size(); ++l) {
      const Lead lead = leads[l];
      Onward next;
      if (lead.variable.empty()) {
        Verdict v = destination(lead.token, next);
        if (v.secret) return {true, lead.path + v.why};
      } else {
        if (lead.function < 0 || !seen.insert({lead.variable, lead.function}).second) continue;
        const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(lead.function)];
        // The function's occurrences are one run of the file's, found by position: a name used in
        // each of thousands of functions is followed into each.
        const auto all = values_.occurrences(lead.variable);
        const auto first = std::lower_bound(all.begin(), all.end(), std::max(lead.token, f.body_open + 1));
        const auto last = std::lower_bound(first, all.end(), f.body_close);
        for (const size_t q : std::span<const size_t>(first, last)) {
          if (q + 1 < toks_.size() && toks_[q + 1].is("=")) continue;  // overwritten, not read
          Verdict w = destination(q, next);
          if (w.secret) return {true, lead.path + "flows through " + std::string(lead.variable) + " and " + w.why};
        }
      }
      if (lead.function < 0) continue;
      const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(lead.function)];
      const std::string function_name(toks_[f.name].text);
      const auto params = lead.depth < max_depth ? parameters(f) : std::vector<Parameter>();
      for (const auto& [name, from] : next.names) {
        if (lead.hops < max_hops) add({from, name, lead.function, lead.depth, lead.hops + 1, lead.path});
        // A file-scope variable: read by the file's other functions.
        if (lead.depth < max_depth)
          for (const int reader : readers_of_global(name, lead.function))
            add({file_.syntax.functions()[static_cast<size_t>(reader)].body_open, name, reader, lead.depth + 1, 0,
                 lead.path + "is stored in " + std::string(name) + ", which "});
        // Written through a pointer parameter: into what each caller passes there.
        for (size_t i = 0; i < params.size(); ++i) {
          if (!params[i].writes_through || params[i].name >= toks_.size() || toks_[params[i].name].text != name) continue;
          for (const Call* c : calls_of(function_name)) {
            if (i >= c->args.size()) continue;
            const size_t base = values_.base_name({c->args[i].first, c->args[i].second});
            if (base >= toks_.size()) continue;
            const std::string path = lead.path + "is written by " + function_name + "() into " + std::string(toks_[base].text);
            if (needs_unpredictable_value(toks_[base].text)) return {true, path};
            add({c->close, toks_[base].text, values_.function_at(c->name), lead.depth + 1, 0, path + ", which "});
          }
        }
      }
      if (lead.depth >= max_depth) continue;
      // Returned: from each call of the function.
      if (next.returned && returns_followed.insert(lead.function).second)
        for (const Call* c : calls_of(function_name))
          add({c->name, {}, values_.function_at(c->name), lead.depth + 1, 0,
               lead.path + "is returned by " + function_name + "(), whose result "});
      // Passed to a function of the file: into its parameter.
      for (const auto& [def, index] : next.parameters) {
        const auto callee = parameters(*def);
        if (index >= callee.size() || callee[index].name >= toks_.size()) continue;
        const std::string_view param = toks_[callee[index].name].text;
        add({def->body_open, param, function_index(def), lead.depth + 1, 0,
             lead.path + "is passed to " + std::string(toks_[def->name].text) + "() as " + std::string(param) + ", which "});
      }
    }
    return {};
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
  mutable std::optional<std::map<std::string_view, std::vector<const Call*>>> calls_by_name_;
  mutable std::map<std::pair<std::string_view, std::string_view>, std::vector<int>> global_readers_;  // by name and class
  mutable std::optional<std::vector<std::string_view>> method_classes_;  // see method_classes
  mutable std::optional<PointedFunctions> pointers_;                     // see pointed_definition
  mutable std::optional<ReceiverClasses> receivers_;                     // see into_member_call
  mutable std::optional<std::vector<Call>> members_;                     // see member_call_opened_at
  mutable std::unordered_map<size_t, const Call*> member_at_;            // by the '(' of its arguments
  mutable std::deque<Call> templates_;                                   // see template_call_opened_at
  mutable std::unordered_map<size_t, const Call*> template_at_;          // by the '(' of its arguments
  // The methods and constructors of the file's classes, by class and name (see into_member_call).
  mutable std::optional<std::map<std::pair<std::string_view, std::string_view>, std::vector<const FunctionDef*>>> methods_;
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
