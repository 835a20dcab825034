// RNG-2: generators seeded from a constant, the time (time, clock, tick counters, gettimeofday's
// fields, std::chrono's now()) or the process id — srand, srandom, srand48, seed48, initstate,
// C++ engines constructed or seeded so (or default-constructed, which is the constant seed 5489)
// — and DRBGs seeded without entropy: mbedtls_ctr_drbg_seed / mbedtls_hmac_drbg_seed with no
// entropy callback, with an entropy context that the function never initialises, or with a
// callback of this file that returns constant or time-derived data; RAND_seed, RAND_add,
// mbedtls_hmac_drbg_seed_buf and tinycrypt's PRNG seeding given constant or time-derived bytes;
// and an mbedTLS configuration with MBEDTLS_TEST_NULL_ENTROPY. A seed is followed across the
// file's functions (value_origins.h): a helper's parameter is what its callers pass. A seed named
// by a macro that the file does not define is decided over the tree: a finding when a header
// defines that seed-named macro as an integer constant.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source {
namespace {

constexpr std::string_view seed_rule = "RNG-2/predictable-seed";
constexpr std::string_view drbg_rule = "RNG-2/drbg-without-entropy";
constexpr std::string_view null_entropy_rule = "RNG-2/null-entropy-config";

constexpr std::array<std::string_view, 10> engines{"mt19937",      "mt19937_64",   "minstd_rand",  "minstd_rand0",
                                                   "default_random_engine", "ranlux24", "ranlux48", "ranlux24_base",
                                                   "ranlux48_base", "knuth_b"};
// Sources of predictable numbers: clocks, tick counters, process and thread ids.
constexpr std::array<std::string_view, 40> predictable_sources{
    "time", "clock", "getpid", "getppid", "gettid", "pthread_self", "GetTickCount", "GetTickCount64", "timeGetTime",
    "GetCurrentProcessId", "GetCurrentThreadId", "QueryPerformanceCounter", "GetSystemTimeAsFileTime", "millis",
    "micros", "HAL_GetTick", "xTaskGetTickCount", "k_uptime_get", "k_uptime_get_32", "k_cycle_get_32",
    "k_cycle_get_64", "esp_timer_get_time", "time_us_32", "time_us_64", "osKernelGetTickCount", "sys_now",
    "__rdtsc", "rdtsc", "get_cycles", "tv_sec", "tv_usec", "tv_nsec", "now", "time_since_epoch", "uptime",
    "gettimeofday", "clock_gettime", "ftime", "GetSystemTime", "xTaskGetTickCountFromISR"};
// Names whose presence says the seed has real entropy.
constexpr std::array<std::string_view, 10> entropy_sources{
    "random_device", "getrandom", "getentropy", "arc4random", "RAND_bytes", "BCryptGenRandom", "rd", "seed_seq",
    "esp_random", "sys_csrand_get"};
constexpr std::array<std::string_view, 4> constant_fill_calls{"memset", "memcpy", "memmove", "bzero"};
constexpr std::array<std::string_view, 9> hardware_words{"hw",  "hardware", "trng",     "rng",    "adc",
                                                         "noise", "entropy", "register", "random"};

// How far a seed's origins are followed: names and steps (see classify).
constexpr int max_walk_depth = 6;
constexpr size_t max_walk_steps = 64;

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Cheap first: a name with the word "seed" spells it seed, Seed or SEED.
bool may_name_seed(std::string_view name) {
  return name.find("seed") != std::string_view::npos || name.find("SEED") != std::string_view::npos ||
         name.find("Seed") != std::string_view::npos;
}

// Whether a name says it is a seed (BOARD_SEED, rngSeed, seed_value): the macros of headers worth
// remembering for the seeding calls of the files that include them.
bool names_a_seed(std::string_view name) {
  const auto words = identifier_words(name);
  return std::find(words.begin(), words.end(), "seed") != words.end();
}

// What the tree-wide pass needs: the seed-named macros a header defines as integer constants, and
// the seeding calls of other files whose seed is such a macro of some header.
struct SeedFacts {
  struct Pending {
    Finding finding;
    std::string macro;
  };
  std::vector<std::string> macros;
  std::vector<Pending> pending;
};

struct SeedKind {
  enum { unknown, constant, predictable } kind = unknown;
  std::string detail;  // "the constant 42", "time()", "getpid()"
};

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out, SeedFacts& facts)
      : file_(file), toks_(file.tokens), out_(out), values_(file.values()),
        severity_(element_severity(file.ctx, "RNG-2")), facts_(facts), origins_(file) {}

  void run() {
    for (const Call& c : file_.syntax.calls()) {
      if (!c.macro.empty()) continue;
      const std::string_view name = toks_[c.name].text;
      if (name == "srand" || name == "srandom" || name == "srand48" || name == "seed48" || name == "initstate" ||
          name == "lcong48")
        seeding(c, 0, std::string(name) + "()");
      else if (name == "mbedtls_ctr_drbg_seed")
        drbg(c, 1, 2);
      else if (name == "mbedtls_hmac_drbg_seed")
        drbg(c, 2, 3);
      else if (name == "mbedtls_entropy_add_source")
        entropy_source(c);
      else if (name == "RAND_seed" || name == "RAND_add")
        seed_bytes(c, 0);
      else if (name == "mbedtls_hmac_drbg_seed_buf")
        seed_bytes(c, 2);
      else if (name == "tc_ctr_prng_init" || name == "tc_hmac_prng_reseed")
        seed_bytes(c, 1);
    }
    engines_seeded();
    null_entropy_config();
    if (is_header(file_.input.path)) seed_macros();
  }

 private:
  void report(size_t token, std::string_view rule, std::string message) {
    if (!reported_.insert(token).second) return;
    out_.push_back(file_.at(toks_[token], std::string(rule), std::move(message), severity_));
  }

  // Whether a constant reached through a variable is still that constant at token `at`.
  bool unchanged(const Value& v, int fn, size_t at) const {
    if (!v.via || v.via->is_const || v.via->form == BindingForm::macro || fn < 0) return true;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    return values_.first_call_taking(toks_[v.via->name].text, fn, f.body_open, at) == nullptr;
  }

  // Whether a scalar constant reached through a variable is still that constant at token `at`: its
  // address is not taken before (getrandom(&seed, …), fread(&seed, …) fill it); passing the value
  // itself to a call cannot change it.
  bool scalar_unchanged(const Value& v, int fn, size_t at) const {
    if (!v.via || v.via->is_const || v.via->form == BindingForm::macro) return true;
    const std::string_view name = toks_[v.via->name].text;
    const size_t from = fn >= 0 ? file_.syntax.functions()[static_cast<size_t>(fn)].body_open : 0;
    for (size_t k : values_.occurrences(name)) {
      if (k <= from || k >= at || k < 2 || !toks_[k - 1].is("&")) continue;
      const Token& before = toks_[k - 2];
      // `(BYTE *)&seed` casts the address (CryptGenRandom(prov, 4, (BYTE *)&seed)): a ')' after a
      // '*' closes a pointer type, not an operand.
      const bool cast = before.is(")") && k >= 3 && toks_[k - 3].is("*");
      const bool binary = !cast && (before.kind == TokenKind::identifier || before.kind == TokenKind::number ||
                                    before.is(")") || before.is("]"));
      if (!binary || before.is_ident("return")) return false;
    }
    return true;
  }

  // What a seed expression derives from: a constant, or what its names get their values from, a
  // few steps along the file's variables, parameters, returns, fields and members.
  SeedKind classify(TokenRange r, int fn) {
    SeedKind k;
    const Value v = values_.resolve(r, fn);
    // A list is constant data unless an element is computed: std::seed_seq{rd(), rd()} is not.
    const TokenRange listed = v.via ? v.via->value : r;
    bool computed = false;
    for (size_t i = listed.begin; i + 1 < listed.end && v.is(Value::Kind::list); ++i)
      computed = computed || (toks_[i].kind == TokenKind::identifier && toks_[i + 1].is("("));
    if ((v.is(Value::Kind::list) || v.is(Value::Kind::string)) && !computed && unchanged(v, fn, r.begin)) {
      k.kind = SeedKind::constant;
      k.detail = "constant data" + (v.via ? " (" + std::string(toks_[v.via->name].text) + ")" : std::string());
      return k;
    }
    if (v.is(Value::Kind::integer) && scalar_unchanged(v, fn, r.begin)) {
      k.kind = SeedKind::constant;
      k.detail = "the constant " + std::to_string(v.integer) +
                 (v.via ? " (" + std::string(toks_[v.via->name].text) + ")" : std::string());
      return k;
    }
    // Stores that disagree (unsigned seed = 0; seed = 1234;), or a seed reached through a field, a
    // parameter, a return or a member: the one constant every origin settles to.
    if (!v.is(Value::Kind::integer))
      if (const Value settled = origins_.settled(r, fn); settled.is(Value::Kind::integer)) {
        k.kind = SeedKind::constant;
        k.detail = "the constant " + std::to_string(settled.integer);
        return k;
      }
    // Where the seed's value comes from, across the file's functions (value_origins.h): a sink
    // function's parameter, a source function's return, a struct field, a file-scope variable, a
    // member its constructor set, a container's element. Each name once per function.
    struct Step {
      TokenRange range;
      int function;
      int depth;
    };
    std::vector<Step> work{{r, fn, 0}};
    std::set<std::pair<int, std::string_view>> seen;
    bool entropy = false;
    std::string source;
    for (size_t steps = 0; !work.empty() && steps < max_walk_steps; ++steps) {
      const Step step = work.back();
      work.pop_back();
      for (size_t i = step.range.begin; i < step.range.end && i < toks_.size(); ++i) {
        if (toks_[i].kind != TokenKind::identifier) continue;
        const std::string_view id = toks_[i].text;
        if (one_of(id, entropy_sources)) entropy = true;
        if (one_of(id, predictable_sources) && source.empty())
          source = std::string(id) + (i + 1 < toks_.size() && toks_[i + 1].is("(") ? "()" : "");
        if (step.depth >= max_walk_depth || !seen.insert({step.function, id}).second) continue;
        for (const Origin& o : origins_.of_name(i, step.function)) work.push_back({o.range, o.function, step.depth + 1});
        if (step.function < 0) continue;
        // A variable filled by a call: gettimeofday(&tv, NULL); srand(tv.tv_usec), or
        // getrandom(&seed, …). In the seeding function, the calls before the seed is read (only
        // the first predictable source is named); in another, any of its calls.
        const Filled& filled = filled_in(id, step.function);
        if (step.function != fn) entropy = entropy || filled.entropy;
        if (source.empty() && (step.function != fn || filled.predictable_at < i)) source = filled.predictable;
      }
    }
    if (!entropy && !source.empty()) {
      k.kind = SeedKind::predictable;
      k.detail = source;
    }
    return k;
  }

  // What the calls of `function` that take the variable `name` fill it with, found once per
  // function and name: a body of a hundred thousand seeding calls asks about its seed at each.
  struct Filled {
    bool entropy = false;
    std::string predictable;  // the first predictable source's call, "gettimeofday()", or empty
    size_t predictable_at = SIZE_MAX;  // its name token
  };
  const Filled& filled_in(std::string_view name, int function) {
    const auto [it, fresh] = filled_.try_emplace({function, name});
    if (!fresh) return it->second;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(function)];
    for (const Call* c : values_.calls_taking(name, function, f.body_open, f.body_close)) {
      const std::string_view called = toks_[c->name].text;
      it->second.entropy = it->second.entropy || one_of(called, entropy_sources);
      if (one_of(called, predictable_sources) && c->name < it->second.predictable_at) {
        it->second.predictable = std::string(called) + "()";
        it->second.predictable_at = c->name;
      }
    }
    return it->second;
  }

  // The seed-named object-like macros of a header whose value is an integer constant.
  void seed_macros() {
    // The bindings of seed-named names only, in token order.
    std::vector<const Binding*> seeds;
    for (const std::string_view name : file_.names.all())
      if (may_name_seed(name) && names_a_seed(name))
        for (const Binding* b : values_.bindings(name))
          if (b->form == BindingForm::macro) seeds.push_back(b);
    std::stable_sort(seeds.begin(), seeds.end(), [](const Binding* a, const Binding* b) { return a->name < b->name; });
    for (const Binding* b : seeds) {
      const Value v = values_.resolve(b->value, -1);
      if (v.is(Value::Kind::integer)) facts_.macros.emplace_back(toks_[b->name].text);
    }
  }

  // A seed named by a macro this file does not define (srand(BOARD_SEED) with BOARD_SEED in a
  // header): decided once every header's macros are known.
  void seed_from_elsewhere(size_t at, TokenRange seed, int fn, const std::string& what) {
    const TokenRange r = values_.strip(seed);
    if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier || !names_a_seed(toks_[r.begin].text) ||
        !values_.visible(toks_[r.begin].text, fn).empty())
      return;
    const std::string macro(toks_[r.begin].text);
    facts_.pending.push_back(
        {file_.at(toks_[at], std::string(seed_rule),
                  what + " is seeded from " + macro +
                      ", a constant of a header of the tree, so every run and every device produces the same "
                      "sequence: seed from an entropy source (getrandom, std::random_device, a hardware TRNG) and "
                      "use a cryptographic generator wherever the numbers matter",
                  severity_),
         macro});
  }

  void seeding(const Call& c, size_t arg, const std::string& what) {
    if (arg >= c.args.size()) return;
    const SeedKind k = classify({c.args[arg].first, c.args[arg].second}, c.function);
    if (k.kind == SeedKind::unknown) {
      seed_from_elsewhere(c.name, {c.args[arg].first, c.args[arg].second}, c.function, what);
      return;
    }
    report(c.name, seed_rule,
           what + " is seeded from " + k.detail +
               (k.kind == SeedKind::constant ? ", so every run and every device produces the same sequence"
                                             : ", which an attacker can guess or search in seconds") +
               ": seed from an entropy source (getrandom, std::random_device, a hardware TRNG) and use a "
               "cryptographic generator wherever the numbers matter");
  }

  // The entropy callback given to a DRBG, judged.
  void drbg(const Call& c, size_t f_arg, size_t p_arg) {
    if (f_arg >= c.args.size()) return;
    const std::string_view name = toks_[c.name].text;
    const TokenRange callback{c.args[f_arg].first, c.args[f_arg].second};
    Value f = values_.resolve(callback, c.function);
    // Through a variable set twice, a field, a parameter, a member: the one function every origin gives.
    const TokenRange named = values_.strip(callback);
    if (f.is(Value::Kind::unknown) || (named.size() == 1 && f.is_symbol(toks_[named.begin].text)))
      f = origins_.settled(callback, c.function);
    if (f.is(Value::Kind::null) || f.is_integer(0)) {
      report(c.name, drbg_rule,
             std::string(name) + " is given no entropy callback: the DRBG's output then depends only on the "
                                 "personalisation data; pass mbedtls_entropy_func with an initialised entropy context");
      return;
    }
    if (!f.is(Value::Kind::symbol)) return;
    if (f.text == "mbedtls_entropy_func") {
      if (p_arg >= c.args.size() || c.function < 0) return;
      const size_t ctx = values_.base_name({c.args[p_arg].first, c.args[p_arg].second});
      if (ctx >= toks_.size()) return;
      bool local = false;
      for (const Binding* b : values_.visible(toks_[ctx].text, c.function))
        local = local || (b->function == c.function && b->form == BindingForm::declaration && !b->is_static);
      if (!local) return;
      const FunctionDef& fd = file_.syntax.functions()[static_cast<size_t>(c.function)];
      for (const Call* init : values_.calls_taking(toks_[ctx].text, c.function, fd.body_open, c.name))
        if (toks_[init->name].text == "mbedtls_entropy_init") return;
      report(c.name, drbg_rule,
             std::string(name) + " draws entropy from " + std::string(toks_[ctx].text) +
                 ", which this function never initialises with mbedtls_entropy_init: call it (and register the "
                 "hardware source) before seeding");
      return;
    }
    judge_callback(c, f.text);
  }

  void entropy_source(const Call& c) {
    if (c.args.size() < 2) return;
    const Value f = values_.resolve({c.args[1].first, c.args[1].second}, c.function);
    if (f.is(Value::Kind::symbol)) judge_callback(c, f.text);
  }

  // An entropy callback defined in this file that returns constant or time-derived data.
  void judge_callback(const Call& c, std::string_view callback) {
    const auto& fns = file_.syntax.functions();
    for (size_t i = 0; i < fns.size(); ++i) {
      if (toks_[fns[i].name].text != callback) continue;
      const int fn = static_cast<int>(i);
      std::string predictable;
      bool only_constant_fills = true;
      for (size_t ci : values_.calls_in(fn)) {
        const std::string_view n = toks_[file_.syntax.calls()[ci].name].text;
        if ((one_of(n, predictable_sources) || n == "rand" || n == "random") && predictable.empty())
          predictable = std::string(n) + "()";
        if (!one_of(n, constant_fill_calls)) only_constant_fills = false;
      }
      bool hardware = false;
      for (size_t k = fns[i].body_open; k < fns[i].body_close && k < toks_.size(); ++k) {
        const Token& t = toks_[k];
        if (t.is("->") || t.is_ident("volatile")) hardware = true;
        if (t.kind == TokenKind::identifier)
          hardware = hardware || any_word(t.text, [](std::string_view w) { return one_of(w, hardware_words); });
      }
      std::string why;
      if (!predictable.empty()) why = "derives its output from " + predictable;
      else if (only_constant_fills && !hardware) why = "returns constant data";
      if (why.empty()) return;
      report(c.name, drbg_rule,
             std::string(toks_[c.name].text) + " uses " + std::string(callback) + " as its entropy source, which " +
                 why + ": seed from mbedtls_entropy_func with a hardware entropy source registered");
      return;
    }
  }

  void seed_bytes(const Call& c, size_t arg) {
    if (arg >= c.args.size()) return;
    const TokenRange r{c.args[arg].first, c.args[arg].second};
    // A buffer is judged at its function's first seeding call: the later ones add the same bytes
    // (and a body of a hundred thousand of them must not walk its uses at each).
    const size_t buffer = values_.base_name(r);
    if (buffer < toks_.size() && !bytes_seeded_.insert({c.function, toks_[buffer].text}).second) return;
    const Value v = values_.resolve(r, c.function);
    std::string detail;
    if ((v.is(Value::Kind::string) || v.is(Value::Kind::list)) && unchanged(v, c.function, c.name)) {
      detail = "constant bytes" + (v.via ? " (" + std::string(toks_[v.via->name].text) + ")" : std::string());
    } else if (literal_contents(values_, r, c)) {  // a buffer filled only from literals and zeros
      detail = "constant bytes";
    } else {
      const SeedKind k = classify(r, c.function);
      if (k.kind != SeedKind::predictable) return;
      detail = k.detail;
    }
    report(c.name, drbg_rule,
           std::string(toks_[c.name].text) + " seeds the generator with " + detail +
               ", which adds no entropy an attacker does not know: rely on the library's own seeding from the "
               "operating system or a hardware source");
  }

  void engines_seeded() {
    // Most files name no engine and seed nothing by a method: their tokens are not walked.
    const bool names_engine =
        std::any_of(engines.begin(), engines.end(), [&](std::string_view e) { return file_.names.contains(e); });
    for (size_t i = 0; i < toks_.size() && names_engine; ++i) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::identifier || t.directive || file_.syntax.dead(i) || !one_of(t.text, engines)) continue;
      if (i > 0 && (toks_[i - 1].is(".") || toks_[i - 1].is("->"))) continue;
      const std::string what = "std::" + std::string(t.text);
      size_t k = i + 1;
      if (k >= toks_.size() || toks_[k].is(">") || in_alias(i)) continue;
      if (toks_[k].is("(") || toks_[k].is("{")) {  // a temporary: std::mt19937(seed)
        constructed(i, k, what);
        continue;
      }
      if (toks_[k].kind != TokenKind::identifier || k + 1 >= toks_.size()) continue;
      const std::string_view var = toks_[k].text;
      const Token& after = toks_[k + 1];
      if (after.is("(") || after.is("{")) {
        constructed(k, k + 1, what + " " + std::string(var));
      } else if (after.is(";") || after.is(",")) {
        bool seeded_later = false;
        // Seeded later: var.seed(x), a constructor's initialiser var(x) / var{x}, or var = engine(x).
        // A class's member may be seeded by a method defined before its declaration.
        const bool member = values_.in_record(k);
        for (size_t q : values_.occurrences(var))
          if ((q > k || member) && q + 2 < toks_.size() &&
              ((toks_[q + 1].is(".") && toks_[q + 2].is_ident("seed")) ||
               ((toks_[q + 1].is("(") || toks_[q + 1].is("{")) && !toks_[q + 2].is(")") && !toks_[q + 2].is("}")) ||
               toks_[q + 1].is("=")))
            seeded_later = true;
        if (!seeded_later)
          report(k, seed_rule,
                 what + " " + std::string(var) +
                     " is default-constructed, which seeds it with the same constant (5489) on every run: seed it "
                     "from std::random_device, and use a cryptographic generator wherever the numbers matter");
      }
    }
    // engine.seed(x), engine->seed(x)
    const bool names_seed_method = file_.names.contains("seed");
    for (size_t q = 0; q + 3 < toks_.size() && names_seed_method; ++q) {
      if (toks_[q].kind != TokenKind::identifier || toks_[q].directive || file_.syntax.dead(q)) continue;
      if (!(toks_[q + 1].is(".") || toks_[q + 1].is("->")) || !toks_[q + 2].is_ident("seed") || !toks_[q + 3].is("("))
        continue;
      constructed(q + 2, q + 3, std::string(toks_[q].text) + ".seed");
    }
  }

  // Whether token i is in a typedef or using-declaration (an engine type named, not made).
  bool in_alias(size_t i) const {
    const TokenRange s = values_.statement(i);
    for (size_t k = s.begin; k < i; ++k)
      if (toks_[k].is_ident("typedef") || toks_[k].is_ident("using")) return true;
    return false;
  }

  // An engine constructed or seeded with the arguments in the bracket at `open`.
  void constructed(size_t at, size_t open, const std::string& what) {
    const size_t close = file_.syntax.match(open);
    if (close >= toks_.size()) return;
    const int fn = values_.function_at(at);
    if (close == open + 1) {
      if (toks_[open].is("(")) return;  // a function declaration, a call, or seed() inside an engine
      report(at, seed_rule,
             what + " is default-seeded with the same constant (5489) on every run: seed it from std::random_device");
      return;
    }
    const SeedKind k = classify({open + 1, close}, fn);
    if (k.kind == SeedKind::unknown) {
      seed_from_elsewhere(at, {open + 1, close}, fn, what);
      return;
    }
    report(at, seed_rule,
           what + " is seeded from " + k.detail +
               (k.kind == SeedKind::constant ? ", so every run produces the same sequence"
                                             : ", which an attacker can guess or search in seconds") +
               ": seed from std::random_device, and use a cryptographic generator wherever the numbers matter");
  }

  void null_entropy_config() {
    if (!file_.names.contains("MBEDTLS_TEST_NULL_ENTROPY")) return;
    for (size_t i = 0; i + 2 < toks_.size(); ++i)
      if (toks_[i].directive && toks_[i].line_start && toks_[i + 1].is_ident("define") &&
          toks_[i + 2].is_ident("MBEDTLS_TEST_NULL_ENTROPY") && !file_.syntax.dead(i))
        report(i + 2, null_entropy_rule,
               "MBEDTLS_TEST_NULL_ENTROPY makes mbedTLS's entropy source return nothing, so every DRBG seeded from "
               "it is predictable: register the device's hardware entropy source instead");
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  const FileValues& values_;
  const Severity severity_;
  SeedFacts& facts_;
  ValueOrigins origins_;
  std::map<std::pair<int, std::string_view>, Filled> filled_;
  std::set<size_t> reported_;
  std::set<std::pair<int, std::string_view>> bytes_seeded_;  // see seed_bytes, by function and buffer
};

// Whether a name seeds a generator or configures an entropy source.
bool seeds(std::string_view s) {
  return s.starts_with("srand") || s == "seed48" || s == "initstate" || s == "lcong48" || s.ends_with("drbg_seed") ||
         s.ends_with("drbg_seed_buf") || s == "RAND_seed" || s == "RAND_add" || s.starts_with("tc_") ||
         s == "mbedtls_entropy_add_source" || s == "MBEDTLS_TEST_NULL_ENTROPY" || one_of(s, engines);
}

class PredictableSeeds final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"predictable-seeds", InputKind::source, {seed_rule, drbg_rule, null_entropy_rule}};
  }

  bool gated_by_names() const override { return true; }
  bool reacts_to(std::string_view name) const override { return seeds(name); }
  // The shapes of the names seeds() accepts, clause by clause.
  std::optional<ReactingNames> reacting_names() const override {
    ReactingNames shapes{{"srand", "seed48", "initstate", "lcong48", "RAND_seed", "RAND_add", "tc_",
                          "mbedtls_entropy_add_source", "MBEDTLS_TEST_NULL_ENTROPY"},
                         {"drbg_seed", "drbg_seed_buf"},
                         {}};
    shapes.prefixes.insert(shapes.prefixes.end(), engines.begin(), engines.end());
    return shapes;
  }
  // A header that names a seed may define the constant another file seeds with.
  bool triggered_otherwise(const SourceFile& file) const override {
    if (!is_header(file.input.path)) return false;
    const auto names = file.names.all();
    return std::any_of(names.begin(), names.end(), [](std::string_view n) { return may_name_seed(n) && names_a_seed(n); });
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    if (file.tokens.empty()) return;
    SeedFacts found;
    Check(file, out, found).run();
    if (!found.macros.empty() || !found.pending.empty()) facts = std::move(found);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    std::set<std::string_view> constants;
    for (const auto& f : files)
      if (const auto* sf = std::any_cast<SeedFacts>(&f.facts))
        for (const auto& m : sf->macros) constants.insert(m);
    for (const auto& f : files)
      if (const auto* sf = std::any_cast<SeedFacts>(&f.facts))
        for (const auto& p : sf->pending)
          if (constants.contains(p.macro)) out.findings.push_back(p.finding);
  }
};

}  // namespace

MDBC_SOURCE_RULE(PredictableSeeds)

}  // namespace mdbc::source
