// LOG-2: code that rejects authentication or a firmware image, or changes security
// configuration, reaches the security log. A rejection is a branch taken on the outcome of a
// comparison or verification that returns a failure. It is logged when the branch or the
// condition (`if (!verify_and_log(img)) return -1;`) calls the log, directly or through functions
// of the tree that do, or when a caller tests the rejecting function's result and logs right
// there (`if (check_pin(p) != 0) { LOG_WRN(...); ... }`). Resolved tree-wide in finish().
//
// Account lockout (decided under the element's own words, CWE-778): refusing a locked account is an
// authentication rejection, and locking one — setting its locked flag, or a function that locks
// or unlocks accounts — changes security configuration. Each must reach the log itself: a log of
// the failed password that led to the lockout does not say that the account is now locked.
//
// This file holds the rule: the walk of each function for rejections, lockouts and configuration
// changes, and the tree-wide resolution. What a name's words say is in security_event_words.cpp,
// what a condition tests and how a branch gives up in security_event_conditions.cpp, and what
// reaches the log in security_event_log_reach.cpp.
#include <algorithm>
#include <any>
#include <cstdint>
#include <set>
#include <string_view>

#include "core/text.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/log_facility.h"
#include "inspect/source/security_event_conditions.h"
#include "inspect/source/security_event_key_install.h"
#include "inspect/source/security_event_log_reach.h"
#include "inspect/source/security_event_outcome_flow.h"
#include "inspect/source/security_event_words.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source::security_events {
namespace {

struct Site {
  uint32_t line = 0, column = 0;
  std::string evidence, function, what;
  bool logs_directly = false;
  std::vector<uint64_t> calls;  // the name hashes of the functions the branch calls, to resolve tree-wide
};

// A call whose result an `if` tests (directly or through the variable it was assigned to), with
// the calls of that if's branches: the caller's reaction to the callee's failure.
struct TestedCall {
  std::string callee;
  bool logs_directly = false;
  std::vector<uint64_t> branch_calls;  // name hashes
};

struct FileFacts {
  FunctionTable functions;
  FunctionTable macros;  // function-like macros whose bodies call functions, by the same layout
  std::vector<Site> rejections;
  std::vector<Site> config_changes;
  std::vector<TestedCall> tested_calls;
};

class SecurityEventsLogged final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"security-events-logged", InputKind::source,
            {"LOG-2/unlogged-rejection", "LOG-2/unlogged-security-change"}};
  }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    const auto& tokens = file.tokens;
    const auto& syntax = file.syntax;
    const auto& config = file.ctx.config;
    FileFacts out;
    Judged judged(file.names);
    judged.values_compare = file.language == Language::cpp || file.language == Language::objective_cpp;
    NameMemo logs(file.names), diagnostic_writer(file.names);
    // Calls by enclosing function, from the syntax pass; and the calls of each #define body, which
    // make the macro a log facility when one logs (logging_macros).
    const size_t function_count = syntax.functions().size();
    std::vector<uint8_t> logs_directly(function_count, 0);
    std::vector<std::pair<uint32_t, NameHash>> edges, macro_edges;  // (function or macro, callee)
    FunctionTable& macros = out.macros;
    std::string_view macro;  // the #define body the last call was in: its calls are one run
    std::vector<std::string_view> parameters;  // that macro's
    // Whether that macro is named as debug output (pr_debug, FC_RPORT_DBG): it records no security
    // event whatever its body calls, as a debug log function does not.
    bool debug_macro = false;
    // Without a declared log API, a helper that writes a diagnostic (fprintf(stderr, …), warnx,
    // fputs(msg, audit_fp)) logs as that same call would in the rejecting branch.
    const bool diagnostics_count = config.log_functions.empty();
    for (const auto& c : syntax.calls()) {
      if (!c.macro.empty() && c.macro.data() != macro.data()) {
        macro = c.macro;
        parameters = macro_parameters(tokens, syntax, c.name, macro);
        debug_macro = names_debug_output(macro);
        macros.names.push_back(name_hash(macro));
        macros.logs_directly.push_back(0);
      }
      if (c.macro.empty() && c.function < 0) continue;
      if (!c.macro.empty() &&
          (debug_macro || std::find(parameters.begin(), parameters.end(), tokens[c.name].text) != parameters.end()))
        continue;
      // In a macro, printk(KERN_DEBUG …) is debug output (kleave, a subsystem's debug trace).
      const bool debug_level = !c.macro.empty() && !c.args.empty() && tokens[c.args[0].first].is_ident("KERN_DEBUG");
      const bool logs_here = !debug_level && !returns_value_of(tokens, c) &&
                             (records_security_event(logs, tokens[c.name], config) ||
                                              (diagnostics_count && diagnostic_writer(tokens[c.name], may_write_diagnostics) &&
                                               writes_diagnostics(tokens, c)));
      const auto fn = static_cast<uint32_t>(c.macro.empty() ? static_cast<size_t>(c.function) : macros.names.size() - 1);
      std::vector<uint8_t>& logs_of = c.macro.empty() ? logs_directly : macros.logs_directly;
      if (logs_here) logs_of[fn] = 1;
      (c.macro.empty() ? edges : macro_edges).emplace_back(fn, name_hash_at(file, tokens[c.name]));
    }
    for (size_t m = 0, e = 0; m < macros.names.size(); ++m) {  // in order of their macros already
      for (; e < macro_edges.size() && macro_edges[e].first == m; ++e) macros.calls.push_back(macro_edges[e].second);
      macros.calls_end.push_back(static_cast<uint32_t>(macros.calls.size()));
    }
    add_argument_list_macros(file, logs, macros);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    FunctionTable& table = out.functions;
    table.names.reserve(function_count);
    table.takes_format.reserve(function_count);
    for (const auto& f : syntax.functions()) {
      table.names.push_back(name_hash_at(file, tokens[f.name]));
      bool va_list = false;
      for (size_t k = f.name + 1; k < f.body_open && !va_list; ++k) va_list = tokens[k].is_ident("va_list");
      table.takes_format.push_back((f.variadic || va_list) && !names_debug_output(tokens[f.name].text));
    }
    table.calls.reserve(edges.size());
    table.calls_end.reserve(function_count);
    for (size_t i = 0, e = 0; i < function_count; ++i) {
      for (; e < edges.size() && edges[e].first == i; ++e) table.calls.push_back(edges[e].second);
      table.calls_end.push_back(static_cast<uint32_t>(table.calls.size()));
    }
    std::vector<std::pair<uint32_t, NameHash>>().swap(edges);
    // A lockout sets a name with a lock word (find_lockouts): most files have none.
    const bool lock_names = std::any_of(file.names.all().begin(), file.names.all().end(), may_hold_lock_word);
    OutcomeFlow flow(file.names);
    judged.flow = &flow;
    flow.find(file, judged);
    for (size_t i = 0; i < function_count; ++i) {
      const auto& def = syntax.functions()[i];
      const std::string_view name = tokens[def.name].text;
      const uint32_t classes = word_classes(name);  // the name's words, split once for every question
      find_rejections(file, def, name, classes, judged, out);
      if (lock_names) find_lockouts(file, def, name, classes, judged, out);
      const bool account_lock = (classes & lock_verb) && (classes & account_word) && names_account_lock(identifier_words(name));
      bool change = account_lock;
      if (!change && (classes & change_verb)) {
        const auto words = identifier_words(name);
        const SecuritySetting setting = names_security_setting(words);
        change = setting == SecuritySetting::other ||
                 (setting == SecuritySetting::key && !installs_key_material(tokens, syntax, def, words)) ||
                 (setting == SecuritySetting::pin && !takes_pin_number(tokens, syntax, def));
      }
      if (change && !names_constant(name) && !changes_nothing(tokens, def)) {
        const Token& name_token = tokens[def.name];
        Site s;
        s.line = name_token.line;
        s.column = name_token.column;
        s.function = std::string(name);
        s.what = "security configuration change";
        s.logs_directly = logs_directly[i] != 0;
        // Its calls, in token order from its name to its body's end: not every call of the file
        // for every change.
        const auto& calls = syntax.calls();
        auto c = std::lower_bound(calls.begin(), calls.end(), def.name,
                                  [](const Call& call, size_t at) { return call.name < at; });
        for (; c != calls.end() && c->name < def.body_close; ++c)
          if (c->function == static_cast<int>(i)) s.calls.push_back(name_hash_at(file, tokens[c->name]));
        s.evidence = file.evidence(name_token);
        out.config_changes.push_back(std::move(s));
      }
    }
    table.logs_directly = std::move(logs_directly);
    add_function_pointers(file, logs, table);
    facts = std::move(out);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    // Which function names reach the log, through the functions of every file.
    std::vector<const FunctionTable*> tables;
    tables.reserve(files.size());
    std::vector<const FunctionTable*> macro_tables;
    for (const auto& f : files) {
      tables.push_back(&std::any_cast<const FileFacts&>(f.facts).functions);
      macro_tables.push_back(&std::any_cast<const FileFacts&>(f.facts).macros);
    }
    const LogReach log_reach(tables, ctx.config.log_functions);
    std::vector<NameHash> log_wrappers;
    for (const FunctionTable* table : tables)
      for (size_t i = 0; i < table->names.size(); ++i)
        if (table->takes_format[i] && log_reach.reaches(table->names[i])) log_wrappers.push_back(table->names[i]);
    std::sort(log_wrappers.begin(), log_wrappers.end());
    log_wrappers.erase(std::unique(log_wrappers.begin(), log_wrappers.end()), log_wrappers.end());
    const std::vector<NameHash> log_macros = logging_macros(macro_tables, log_wrappers);
    const auto reaches = [&](NameHash name) {
      return log_reach.reaches(name) || std::binary_search(log_macros.begin(), log_macros.end(), name);
    };
    // Calls of log functions were judged by name already: they made the site log directly.
    const auto reach = [&](bool directly, const std::vector<NameHash>& calls) {
      return directly || std::any_of(calls.begin(), calls.end(), reaches);
    };
    // Functions whose failure a caller logs where it tests their result.
    std::set<std::string> logged_by_caller;
    for (const auto& f : files)
      for (const auto& t : std::any_cast<const FileFacts&>(f.facts).tested_calls)
        if (reach(t.logs_directly, t.branch_calls)) logged_by_caller.insert(t.callee);
    const auto logged = [&](const Site& s) {
      return reach(s.logs_directly, s.calls) || logged_by_caller.count(s.function) > 0;
    };
    for (const auto& f : files) {
      const auto& facts = std::any_cast<const FileFacts&>(f.facts);
      for (const auto& s : facts.rejections)
        if (!logged(s))
          out.findings.push_back(finding(f.path, s, "LOG-2/unlogged-rejection",
                                         "the " + s.what + " in " + s.function + "() returns without logging a security "
                                         "event; log it (who, what, when) before returning"));
      for (const auto& s : facts.config_changes)
        if (!logged(s))
          out.findings.push_back(finding(f.path, s, "LOG-2/unlogged-security-change",
                                         s.function + "() changes security configuration (" + s.what +
                                             ") but never reaches the security log; log the change"));
    }
  }

 private:
  static Finding finding(std::string_view path, const Site& s, const char* rule, std::string message) {
    Finding f;
    f.rule = rule;
    f.path = std::string(path);
    f.line = s.line;
    f.column = s.column;
    f.message = std::move(message);
    f.evidence = s.evidence;
    f.severity = Severity::error;
    return f;
  }

  // `static event_writer write_event = syslog;`, `handler = report_intrusion;`: a pointer set to a
  // log function, or to a function of the file, calls it; in the call graph it is a function that
  // logs, or calls that one. Not a member (`ops->write = f`): its name is every such table's.
  static void add_function_pointers(const SourceFile& file, NameMemo& logs, FunctionTable& table) {
    const auto& tokens = file.tokens;
    std::vector<NameHash> defined(table.names.begin(), table.names.end());
    std::sort(defined.begin(), defined.end());
    for (size_t k = 1; k + 2 < tokens.size(); ++k) {
      if (!tokens[k].is("=")) continue;
      const size_t value = tokens[k + 1].is("&") ? k + 2 : k + 1;
      if (value + 1 >= tokens.size() || tokens[value].kind != TokenKind::identifier || !tokens[value + 1].is(";"))
        continue;
      const bool log = records_security_event(logs, tokens[value], file.ctx.config);
      const NameHash callee = name_hash_at(file, tokens[value]);
      if (!log && !std::binary_search(defined.begin(), defined.end(), callee)) continue;
      const size_t pointer = assigned_name(tokens, file.syntax, k, 0);
      if (pointer == SIZE_MAX || tokens[pointer - 1].is(".") || tokens[pointer - 1].is("->")) continue;
      table.names.push_back(name_hash_at(file, tokens[pointer]));
      table.takes_format.push_back(0);
      table.logs_directly.push_back(log ? 1 : 0);
      table.calls.push_back(callee);
      table.calls_end.push_back(static_cast<uint32_t>(table.calls.size()));
    }
  }

  // `#define ACPI_BIOS_ERROR(plist) acpi_bios_error plist`, used as `ACPI_BIOS_ERROR((AE_INFO, "…"))`:
  // a macro whose body is a function's name and the macro's one parameter calls that function with
  // the list it is given, though its body holds no call the syntax can see.
  static void add_argument_list_macros(const SourceFile& file, NameMemo& logs, FunctionTable& macros) {
    const auto& t = file.tokens;
    for (size_t k = 0; k + 6 < t.size(); ++k) {
      if (!t[k].directive || !t[k].is_ident("define") || t[k + 1].kind != TokenKind::identifier ||
          !t[k + 2].is("(") || t[k + 2].text.data() != t[k + 1].text.data() + t[k + 1].text.size() ||
          t[k + 3].kind != TokenKind::identifier || !t[k + 4].is(")") || t[k + 5].kind != TokenKind::identifier ||
          t[k + 6].text != t[k + 3].text || !t[k + 5].directive || !t[k + 6].directive ||
          t[k + 6].line != t[k + 1].line || (k + 7 < t.size() && t[k + 7].directive && t[k + 7].line == t[k + 1].line))
        continue;
      const bool log = records_security_event(logs, t[k + 5], file.ctx.config) && !names_debug_output(t[k + 5].text);
      macros.names.push_back(name_hash_at(file, t[k + 1]));
      macros.logs_directly.push_back(log ? 1 : 0);
      macros.calls.push_back(name_hash_at(file, t[k + 5]));
      macros.calls_end.push_back(static_cast<uint32_t>(macros.calls.size()));
    }
  }

  // The parameters of the function-like macro whose #define body holds the call at tokens[call]:
  // a call of one (`op(nr, addr)` in `#define bitop(op, nr, addr)`) calls whatever the macro is
  // given, not a function of that name. Called once per macro, from its first call, so the walk
  // back to its name covers each body once.
  static std::vector<std::string_view> macro_parameters(std::span<const Token> tokens, const Syntax& syntax,
                                                        size_t call, std::string_view macro) {
    size_t name = call;
    while (name > 0 && tokens[name].directive && tokens[name].text.data() != macro.data()) --name;
    std::vector<std::string_view> parameters;
    // Function-like: its '(' right after the name, as Syntax tells them.
    if (tokens[name].text.data() != macro.data() || name + 1 >= tokens.size() || !tokens[name + 1].is("(") ||
        tokens[name + 1].text.data() != macro.data() + macro.size())
      return parameters;
    // C allows 127 of them: a longer list is hostile, and each call of the body is looked up in it.
    constexpr size_t most_parameters = 127;
    const size_t close = std::min(syntax.match(name + 1), call);
    for (size_t k = name + 2; k < close && parameters.size() < most_parameters; ++k)
      if (tokens[k].kind == TokenKind::identifier) parameters.push_back(tokens[k].text);
    return parameters;
  }

  // A body that changes nothing: it assigns nothing and calls nothing, whatever it computes and
  // returns. The stub a build without the feature compiles (`return -EOPNOTSUPP;`), or a function
  // that only composes a value (`return id < KEY_NUM ? WRITE | id : KEY_ERR;`).
  static bool changes_nothing(std::span<const Token> tokens, const FunctionDef& def) {
    const size_t end = std::min(def.body_close, tokens.size());
    for (size_t k = def.body_open + 1; k < end; ++k) {
      const Token& t = tokens[k];
      if (t.kind == TokenKind::punct && t.text.size() <= 3 && t.text.back() == '=' &&
          t.text != "==" && t.text != "!=" && t.text != "<=" && t.text != ">=")
        return false;  // =, +=, |=, <<= …
      if (t.is("++") || t.is("--")) return false;
      const bool keyword = t.is_ident("if") || t.is_ident("while") || t.is_ident("for") || t.is_ident("switch") ||
                           t.is_ident("return") || t.is_ident("sizeof");
      if (t.kind == TokenKind::identifier && !keyword && k + 1 < end && tokens[k + 1].is("(")) return false;
    }
    return true;
  }

  // An account lockout (`acct->locked = 1;`, `user.lockout = true;`) is a security event of its
  // own: the block that sets it must reach the log (or call a function that does), even when a
  // failed login was logged before it. In an authenticating function, or on an account's field.
  static void find_lockouts(const SourceFile& file, const FunctionDef& def, std::string_view fn_name,
                            uint32_t fn_classes, Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    const size_t end = std::min(def.body_close, tokens.size());
    for (size_t i = def.body_open + 1; i + 2 < end; ++i) {
      if (tokens[i].kind != TokenKind::identifier || !tokens[i + 1].is("=") ||
          !judged.lock(tokens[i], is_lock_word))
        continue;
      const Token& value = tokens[i + 2];
      const bool sets = value.is_ident("true") || (value.kind == TokenKind::number && value.text != "0");
      if (!sets || i + 3 >= end || !tokens[i + 3].is(";")) continue;
      const bool owner_account = i >= 2 && (tokens[i - 1].is(".") || tokens[i - 1].is("->")) &&
                                 tokens[i - 2].kind == TokenKind::identifier && has_word(tokens[i - 2].text, account_words);
      if (!owner_account && !(fn_classes & (verify_word | auth_word))) continue;
      // The innermost block holding the assignment.
      size_t open = i, depth = 0;
      while (open > def.body_open) {
        --open;
        if (tokens[open].is("}")) ++depth;
        else if (tokens[open].is("{") && depth-- == 0) break;
      }
      Site s;
      s.line = tokens[i].line;
      s.column = tokens[i].column;
      s.function = std::string(fn_name);
      s.what = "account lockout";
      s.evidence = file.evidence(tokens[i]);
      s.logs_directly = collect_calls(file, open, std::min(file.syntax.match(open), end), judged, s.calls);
      out.config_changes.push_back(std::move(s));
    }
  }

  // The rejection given up at tokens[at], in the branch [branch.first, branch.second) of a
  // condition [condition.first, condition.second), in a function whose body ends at `end`.
  static Site rejection(const SourceFile& file, size_t at, size_t end, std::pair<size_t, size_t> branch,
                        std::pair<size_t, size_t> condition, std::string_view fn_name,
                        const std::vector<std::string>& tested,
                        Judged& judged) {
    const auto& tokens = file.tokens;
    Site s;
    const Token& ret = tokens[at];
    s.line = ret.line;
    s.column = ret.column;
    s.function = std::string(fn_name);
    s.evidence = file.evidence(ret);
    bool image = has_word(fn_name, {"image", "firmware", "fw", "update", "boot", "ota", "dfu", "signature"});
    for (size_t c = condition.first; c < condition.second && !image; ++c)
      image = tokens[c].kind == TokenKind::identifier &&
              has_word(tokens[c].text, {"image", "firmware", "fw", "signature", "sig", "digest", "hash", "ota", "dfu"});
    s.what = image ? "firmware image rejection" : "authentication rejection";
    s.logs_directly = collect_calls(file, branch.first, branch.second, judged, s.calls);
    if (!s.logs_directly && tokens[at].is_ident("goto") && at + 1 < end)
      s.logs_directly = cleanup_logs(file, tokens[at + 1], at + 2, end, judged);
    // A tested function that reaches the log itself (verify_and_log) reports the rejection too.
    for (const auto& name : tested) {
      s.logs_directly = s.logs_directly || records_security_events(name, file.ctx.config);
      s.calls.push_back(name_hash(name));
    }
    return s;
  }

  // `err = -EBADMSG; goto fail;` … `fail: LOG_ERR("image rejected"); return err;`: whether the
  // cleanup block a rejection jumps to, from its label after [from, end) to the next return, calls
  // a log itself. Only a log it calls: the unlocks and frees of a cleanup may reach a log from
  // anywhere in a tree, for other events.
  static bool cleanup_logs(const SourceFile& file, const Token& label, size_t from, size_t end, Judged& judged) {
    const auto& tokens = file.tokens;
    for (size_t k = from; k + 1 < end; ++k) {
      if (tokens[k].kind != TokenKind::identifier || tokens[k].text != label.text || !tokens[k + 1].is(":") ||
          !(tokens[k - 1].is(";") || tokens[k - 1].is("}") || tokens[k - 1].is("{")))
        continue;
      size_t ret = k + 2;
      while (ret < end && !tokens[ret].is_ident("return")) ++ret;
      std::vector<NameHash> calls;
      return collect_calls(file, k + 2, ret, judged, calls);
    }
    return false;
  }

  // `return verify_pin(pin) == 0 ? open_session() : -EACCES;`: a verification decided in a
  // ternary, one arm of which is a failure. tokens[ret] is the `return`; its statement is walked
  // skipping bracketed groups, up to its ';' — or, in broken code, to the next `return` or the end
  // of the enclosing group, where it must end too: each token is then walked for one return only.
  static void find_ternary_rejection(const SourceFile& file, size_t ret, size_t end, bool authenticating,
                                     const AssignedCallees& assigned_from, std::string_view fn_name,
                                     Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    size_t question = 0, colon = 0, semicolon = 0;
    int open_questions = 0;
    for (size_t k = ret + 1; k < end && semicolon == 0; ++k) {
      // Every return statement of the tree is walked: one-character punctuators by their byte.
      if (tokens[k].kind == TokenKind::identifier && tokens[k].text.size() == 6 && tokens[k].text == "return") return;
      if (tokens[k].kind != TokenKind::punct || tokens[k].text.size() != 1) continue;
      switch (tokens[k].text[0]) {
        case '(': case '[': case '{': k = std::min(file.syntax.match(k), end); break;
        case ')': case ']': case '}': return;
        case '?':
          if (question == 0) question = k;
          ++open_questions;
          break;
        case ':':
          if (open_questions > 0 && --open_questions == 0 && colon == 0) colon = k;
          break;
        case ';': semicolon = k; break;
        default: break;
      }
    }
    if (question == 0 || colon == 0 || semicolon == 0) return;
    // The condition must call the check itself: a result kept in a variable was most often tested
    // (and logged) by an `if` before, the ternary only choosing the code to return.
    bool calls = false;
    for (size_t k = ret + 1; k + 1 < question && !calls; ++k)
      calls = tokens[k].kind == TokenKind::identifier && tokens[k + 1].is("(");
    if (!calls) return;
    const Condition cond = judge_condition(tokens, ret + 1, question, end, authenticating, assigned_from, judged);
    if (!cond.verification) return;
    // One arm fails and the other does not: a ternary choosing between two failures rejects nothing.
    const auto fails = [&](size_t b, size_t e) {
      bool names_one = false;
      for (size_t k = b; k < e && !names_one; ++k)
        names_one = tokens[k].kind == TokenKind::identifier && judged.failure(tokens[k], names_failure);
      return is_failure_value(tokens.subspan(b, e - b), names_one);
    };
    const bool then_fails = fails(question + 1, colon), else_fails = fails(colon + 1, semicolon);
    if (then_fails == else_fails) return;
    const auto [b, e] = then_fails ? std::pair{question + 1, colon} : std::pair{colon + 1, semicolon};
    out.rejections.push_back(rejection(file, b, end, {b, e}, {ret + 1, question}, fn_name, cond.tested, judged));
  }

  // `switch (verify_image(img)) { case IMG_OK: break; default: return -EBADMSG; }`: a switch on a
  // verification outcome (a verifying call, or a variable assigned one), each of whose cases that
  // gives up with a failure rejects. tokens[at] is the `switch`; a case runs from its label's ':'
  // to the next label of the same switch. Returns how many tokens were walked.
  static size_t find_switch_rejections(const SourceFile& file, size_t at, size_t end, bool authenticating,
                                       ReturnsOne& zero_is_failure, std::string_view fn_name, Judged& judged,
                                       FileFacts& out) {
    const auto& tokens = file.tokens;
    const size_t cond_close = file.syntax.match(at + 1);
    if (cond_close + 1 >= end || !tokens[cond_close + 1].is("{")) return 0;
    const Condition cond = judge_condition(tokens, at + 2, cond_close, end, authenticating, judged.assigned_from, judged);
    if (!cond.verification) return 0;
    const size_t body_close = std::min(file.syntax.match(cond_close + 1), end);
    // Each label of this switch (not of a nested one: its braces are skipped) as its keyword and
    // the token after its ':'; a case runs from there to the next label's keyword.
    std::vector<std::pair<size_t, size_t>> labels;
    for (size_t k = cond_close + 2; k < body_close; ++k) {
      if (tokens[k].is("(") || tokens[k].is("[") || tokens[k].is("{")) {
        k = std::min(file.syntax.match(k), body_close);
        continue;
      }
      if (!tokens[k].is_ident("case") && !tokens[k].is_ident("default")) continue;
      size_t colon = k + 1;
      while (colon < body_close && !tokens[colon].is(":")) ++colon;
      labels.emplace_back(k, colon + 1);
      k = colon;
    }
    for (size_t c = 0; c < labels.size(); ++c) {
      const size_t b = labels[c].second, e = c + 1 < labels.size() ? labels[c + 1].first : body_close;
      if (b >= e) continue;
      if (const size_t k = failure_exit(tokens, b, e, ExitContext{false, zero_is_failure()}, judged); k < e)
        out.rejections.push_back(rejection(file, k, end, {b, e}, {at + 2, cond_close}, fn_name, cond.tested, judged));
    }
    return body_close - cond_close;
  }

  // if (COND) BRANCH [else BRANCH] inside one function, where COND is a verification outcome and
  // a branch returns a failure; and every call whose result an if tests, with that if's branches.

  static void find_rejections(const SourceFile& file, const FunctionDef& def, std::string_view fn_name,
                              uint32_t fn_classes, Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    const auto& syntax = file.syntax;
    const size_t end = std::min(def.body_close, tokens.size());
    AssignedCallees& assigned_from = judged.assigned_from;
    if (judged.flow != nullptr) judged.flow->start(file, def, judged);
    assigned_from.clear();
    judged.objects.start(tokens, def.name, end);
    ReturnsOne zero_is_failure(tokens, def.body_open, end);
    const bool authenticating = fn_classes & (verify_word | auth_word);
    const bool verifying_function = authenticating || judged.verification(tokens[def.name], is_verification);
    const size_t first_rejection = out.rejections.size();
    // Where the statement through each token walked ends: every token on a walk to the ';' ends at
    // that ';', so nested `if (a) if (a) … x;` walk each token once, not once per enclosing if. By
    // token from the body's '{' (0: not walked), sized on first need: a table the size of the
    // function rather than a node allocated for every token walked.
    std::vector<size_t> statement_end;
    std::vector<size_t> walked;
    // Each if's branches are walked for their calls and exits, and nested branches hold each
    // other: thousands nested on one line would take minutes. Real functions walk a few times
    // their length; past this budget (about a second) the rest of a hostile function is skipped,
    // and the report says so.
    constexpr size_t branch_walk_budget = size_t{1} << 26;
    size_t walked_in_branches = 0;
    for (size_t i = def.body_open + 1; i < end; ++i) {
      if (walked_in_branches >= branch_walk_budget) {
        file.incomplete.push_back("LOG-2 did not judge " + printable(fn_name) + "() past line " + std::to_string(tokens[i].line) +
                                  ": its nested branches exceed the rule's work budget");
        break;
      }
      const Token& t = tokens[i];
      if (t.kind != TokenKind::identifier) continue;
      if (i + 3 < end && tokens[i + 1].is("=") && tokens[i + 2].kind == TokenKind::identifier && tokens[i + 3].is("("))
        assigned_from.assign(t, i + 2);
      if (t.text.size() == 6 && t.text == "return") {
        find_ternary_rejection(file, i, end, authenticating, assigned_from, fn_name, judged, out);
        continue;
      }
      if (t.is_ident("switch") && i + 1 < end && tokens[i + 1].is("(")) {
        walked_in_branches += find_switch_rejections(file, i, end, authenticating, zero_is_failure, fn_name,
                                                     judged, out);
        continue;
      }
      if (!t.is_ident("if") || i + 1 >= end || !tokens[i + 1].is("(")) continue;
      const size_t cond_close = syntax.match(i + 1);
      if (cond_close >= end) continue;
      Condition cond = judge_condition(tokens, i + 2, cond_close, end, authenticating, assigned_from, judged);
      bool verification = cond.verification;
      const bool comparison = cond.comparison;
      const bool verifying_callee = cond.verifying_callee;
      std::vector<std::string>& tested = cond.tested;
      const auto branch_end = [&](size_t from) {
        if (from < end && tokens[from].is("{")) return std::min(syntax.match(from), end);
        size_t k = from;
        walked.clear();
        if (statement_end.empty()) statement_end.resize(end - def.body_open, 0);
        while (k < end && !tokens[k].is(";")) {
          if (const size_t known = statement_end[k - def.body_open]; known != 0) {
            k = known;
            break;
          }
          walked.push_back(k);
          const bool opener = tokens[k].is("(") || tokens[k].is("{");
          k = opener ? std::min(syntax.match(k), end) + 1 : k + 1;
        }
        for (const size_t w : walked) statement_end[w - def.body_open] = k;
        return std::min(k, end);
      };
      const size_t then_begin = cond_close + 1;
      const size_t then_end = branch_end(then_begin);
      size_t else_begin = end, else_end = end;
      if (then_end + 1 < end && tokens[then_end + 1].is_ident("else")) {
        else_begin = then_end + 2;
        else_end = branch_end(else_begin);
      }
      // Only verifying functions' results are kept (check_pin, authenticate, image_ok): the only
      // callees whose rejections a caller's log can stand for, and few enough to keep for a whole
      // kernel tree.
      if (verifying_callee) {
        TestedCall reaction;
        reaction.logs_directly = collect_calls(file, then_begin, then_end, judged, reaction.branch_calls);
        if (else_begin < end) reaction.logs_directly |= collect_calls(file, else_begin, else_end, judged, reaction.branch_calls);
        if (reaction.logs_directly) reaction.branch_calls.clear();  // logged already: nothing to resolve
        for (const auto& callee : tested) {
          if (!is_verification(callee)) continue;
          reaction.callee = callee;
          out.tested_calls.push_back(reaction);
        }
      }
      // A failed lookup of an authentication's object (a session, a shared key) rejects when the
      // branch says so (`return SVC_DENIED;`, `return AUTH_BAD_KEYID;`); a failed allocation
      // (`return NULL;`, `-ENOMEM`) does not. So does a failed comparison whose branch rejects a key
      // (`if (memcmp(tail, MODULE_SIG_STRING, n)) return -EKEYREJECTED;`), whatever it compares.
      // In a function named for a verification (check_password), a failed comparison whose branch
      // refuses access (`if (strcmp(pw, admin_pw)) return -EACCES;`) is that verification.
      const bool denial_rejects = cond.of_authentication || (cond.comparison && verifying_function);
      if (!verification && (cond.of_authentication || cond.comparison))
        for (size_t k = then_begin; k < then_end && !verification; ++k)
          verification = tokens[k].kind == TokenKind::identifier &&
                         (denial_rejects ? judged.denial(tokens[k], names_denial)
                                         : judged.key_rejection(tokens[k], names_key_rejection));
      if (!verification) continue;
      // The then-branch runs on a failed check when the condition negates (!ok, != 0) or is a
      // bare comparison (memcmp(...) is non-zero on a mismatch).
      // `!memcmp(…)` is a match: the then-branch of `if (hash && !memcmp(hash, value, len))` accepts.
      // A '!' before a variable that holds no outcome (`!sync_key_len`, `!buf`) is an argument
      // check beside the verification and says nothing of which branch failed.
      const auto negates_outcome = [&](size_t bang) {
        size_t k = bang + 1;
        if (k >= cond_close || tokens[k].kind != TokenKind::identifier) return true;
        while (k + 2 < cond_close && (tokens[k + 1].is("->") || tokens[k + 1].is(".")) &&
               tokens[k + 2].kind == TokenKind::identifier)
          k += 2;
        if (k + 1 < cond_close && tokens[k + 1].is("(")) return true;
        return assigned_from.of(tokens[k]) != AssignedCallees::none ||
               judged.holds_outcome(tokens, k);
      };
      // `status == AUTH_FAILED`, `attempts >= MAX_PIN_ATTEMPTS`: the outcome tested for the failure
      // itself, or a count of failed attempts for going past its limit.
      const auto tests_for_failure = [&](size_t k) {
        const auto names = [&](size_t at, bool (*judge)(std::string_view)) {
          return at > i + 1 && at < cond_close && tokens[at].kind == TokenKind::identifier && judge(tokens[at].text);
        };
        if (tokens[k].is("=="))
          return names(k - 1, names_failure) || names(k + 1, names_failure);
        return (tokens[k].is(">") || tokens[k].is(">=")) && (names(k - 1, counts_attempts) || names(k + 1, counts_attempts));
      };
      // memeq, crypto_memneq's twin CRYPTO_memeq, streq, g_str_equal: true on a match, where a
      // memcmp is zero on one; `!memeq(…)` is the mismatch.
      const auto predicate_at = [&](size_t k) {
        return k + 1 < cond_close && tokens[k].kind == TokenKind::identifier && tokens[k + 1].is("(") &&
               judged.comparison(tokens[k], is_comparison) && any_word(tokens[k].text, [](std::string_view w) {
                 return w == "equal" || w == "equals" || w == "memeq" || w == "streq" || w == "memequal" || w == "eq";
               });
      };
      bool negated = false, equality = false;
      for (size_t k = i + 2; k < cond_close; ++k) {
        const bool negates_predicate = tokens[k].is("!") && predicate_at(k + 1);
        const bool negates_comparison = tokens[k].is("!") && k + 2 < cond_close && !negates_predicate &&
                                        tokens[k + 1].kind == TokenKind::identifier && tokens[k + 2].is("(") &&
                                        judged.comparison(tokens[k + 1], is_comparison);
        negated = negated || negates_predicate ||
                  (tokens[k].is("!") && !negates_comparison && !negates_predicate && negates_outcome(k)) ||
                  tokens[k].is("!=") || tests_for_failure(k);
        equality = equality || negates_comparison || (predicate_at(k) && !(k > i + 2 && tokens[k - 1].is("!"))) ||
                   tokens[k].is("==") || tokens[k].is("<") || tokens[k].is(">");
      }
      const bool then_fails = negated || (comparison && !equality);
      // `if (!strncmp(type, "logon:", n)) … else if (!strncmp(type, "user:", n)) … else return -EINVAL;`:
      // a secret compared with one alternative after another is parsed, and a branch of the chain
      // rejects only when it says access was refused (-EACCES after no stored password matched).
      const bool chain = cond.by_comparison && ((i > def.body_open + 1 && tokens[i - 1].is_ident("else")) ||
                                                (else_begin < end && tokens[else_begin].is_ident("if")));
      const auto denies = [&](size_t b, size_t e) {
        for (size_t k = b; k < e; ++k)
          if (tokens[k].kind == TokenKind::identifier && judged.denial(tokens[k], names_denial)) return true;
        return false;
      };
      walked_in_branches += (then_end - then_begin) + (else_end - else_begin);
      for (auto [b, e] : {std::pair{then_begin, then_end}, std::pair{else_begin, else_end}}) {
        if (b >= end || (chain && !denies(b, e))) continue;
        // `if (!memcmp(seed, key, n)) return -EINVAL;`: a branch taken when two secrets match
        // refuses key material that must differ (a seed equal to its key); only a refusal named as
        // one (a revoked key matched, -EKEYREVOKED) rejects anyone.
        if (b == then_begin && !then_fails && equality && cond.by_comparison && !denies(b, e)) continue;
        const ExitContext context{b == then_begin && then_fails, zero_is_failure()};
        if (const size_t k = failure_exit(tokens, b, e, context, judged); k < e)
          out.rejections.push_back(rejection(file, k, end, {b, e}, {i + 2, cond_close}, fn_name, tested, judged));
      }
    }
    drop_repeated_exits(out.rejections, first_rejection);
  }

  // An exit inside nested branches (the last `else` of an if-else chain, a switch in an if) is
  // found by each enclosing check: it is one rejection, reported once.
  static void drop_repeated_exits(std::vector<Site>& rejections, size_t from) {
    std::set<std::pair<uint32_t, uint32_t>> seen;
    size_t kept = from;
    for (size_t r = from; r < rejections.size(); ++r)
      if (seen.insert({rejections[r].line, rejections[r].column}).second) {
        if (kept != r) rejections[kept] = std::move(rejections[r]);
        ++kept;
      }
    rejections.resize(kept);
  }
};

}  // namespace

MDBC_SOURCE_RULE(SecurityEventsLogged)

}  // namespace mdbc::source::security_events
