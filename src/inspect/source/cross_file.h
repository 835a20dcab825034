#pragma once
// Values that cross files: a sink in one file whose data is a parameter of its function, filled by
// calls in other files. The rules that follow them (CODE-2, CRYPTO-4) record, per file, the sinks
// on such parameters and what the file's calls of functions defined elsewhere pass, and join the
// two by function and argument position in their tree-wide pass.
#include <any>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_targets.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {

// Functions are told apart by a 64-bit hash of their name (FNV-1a), an argument by its function's
// hash mixed with its position.
uint64_t function_key(std::string_view name);
uint64_t argument_key(uint64_t function, size_t index);

// Arguments are followed up to this position: a sink's parameter further on stays decided per file.
inline constexpr size_t max_followed_argument = 16;

// What a function returns is keyed as an argument past the ones followed; what a global variable
// holds as one past that, of a "function" named as the variable.
uint64_t return_key(uint64_t function);
uint64_t global_key(uint64_t variable);

// What a function leaves in an argument its callers give it to fill (`void source(char *&data)`,
// `void source(char **data)` called `source(&data)`, or the characters `void source(char *data)`
// writes) is keyed as one past those, by the argument's position; is_filled_key() tells such a
// key of `function` from the others.
uint64_t filled_key(uint64_t function, size_t index);
bool is_filled_key(uint64_t key, uint64_t function);

// A field of the structure a function returns by value is keyed as what a function named
// "function.field" returns; a static member of a class as the global "Class::member" (no
// function or variable of C or C++ is so named).
uint64_t returned_field_function(std::string_view function, std::string_view field);
uint64_t static_member_variable(std::string_view cls, std::string_view member);

struct ExternalParameter {
  uint64_t function = 0;  // function_key() of the enclosing function
  uint64_t argument = 0;  // argument_key() of it and the parameter's position
  // A global the file reads but declares nowhere itself: it stands for the global of another
  // file only when a header the file includes declares it extern, which the tree-wide pass
  // checks (IncludedExterns). Empty otherwise.
  std::string_view header_global;
};

// Whether `name`, used in `function`, is (directly, or as a local read out of one: `T *name = *p;`,
// `T *name = s.field;`, `T *name = v[2];`) a parameter of that function that only other files can
// fill: a function of a source file (not a header, not static; a member too, told by its name)
// that nothing in the file calls or takes as a value, the parameter never assigned. Or a member
// read in a method of its class, which the class's constructors in the file store a parameter in
// (see constructor_parameter), keyed as that parameter of a function named as the class. Or, at
// the use at token `at` (when one is given), the result of a function the file does not define, assigned to a local
// once and unconditionally before it (`data = source(data); printf(data);`), which no call
// between takes: keyed as that function's return_key(). Or a global variable the file declares
// `extern` and never writes, read directly or into a local (`char *data = g_data;`) that nothing
// between takes: keyed as the variable's global_key(). Or such a global the file declares nowhere
// (not a local, not a macro, never called, written or taken by a call), which only a header can
// declare: keyed likewise, with `header_global` set.
inline constexpr size_t no_use = SIZE_MAX;
std::optional<ExternalParameter> external_parameter(const SourceFile& file, int function, std::string_view name,
                                                    size_t at = no_use);

// A value read at the call whose name is token `at` that only other files give, `arg` being a
// field of a local structure initialised by a function the file does not define (`struct Cfg c =
// load(); printf(c.fmt);`: keyed as the return_key() of returned_field_function()), or a static
// member read qualified (`printf(Holder::s_data);`: the global_key() of static_member_variable()),
// which no code of the file writes or hands to another call; or a local declared with one of
// these and taken by nothing before the use (`char *fmt = c.fmt;`).
std::optional<ExternalParameter> external_value(const SourceFile& file, int function, TokenRange arg, size_t at);

// A character-pointer parameter of a function only other files fill (see external_parameter),
// passed on whole to a function this file does not define (`void first(char *data) { second(data); }`):
// what the callers in other files pass reaches that argument too, a chain of files apart. In C++,
// also such a parameter of a method stored whole in a static member (`void Holder::set(char *v)
// { s_data = v; }`): what the callers pass reaches the member, keyed as the member's global_key()
// (with `call` past the tokens: no call of the file passes it).
struct ForwardedParameter {
  uint64_t argument;   // argument_key() of the callee and the position
  uint64_t parameter;  // argument_key() of the forwarding function and its parameter
  size_t call = 0;     // token of the callee's name
  size_t index = 0;    // the argument's position
  uint32_t line = 0;
};
const std::vector<ForwardedParameter>& forwarded_parameters(const SourceFile& file);

// What the functions of a source file store in the file-scope character pointers (not const)
// it defines or declares extern (`char *g_data;` … `g_data = data;`): for each store, the
// variable's global_key(), the value and the function storing it (-1 for a declaration's
// initializer), for the rules to judge; a use as a call's argument, which may write it, with an
// empty value and the call. Likewise for static members of classes (C++): a definition
// (`char *Holder::s_data = …;`), a qualified store anywhere (`Holder::s_data = …;`) and, in a file
// with either, the unqualified stores of the class's methods (`s_data = …;`). And for the fields
// of a local structure a function returns by value (`c.fmt = …; return c;`), keyed as the
// return_key() of returned_field_function(): with an empty value when the structure is used
// otherwise too (taken by a call, assigned whole), which leaves every field unknown.
struct GlobalStore {
  uint64_t key = 0;
  TokenRange value;
  int function = -1;
  size_t at = 0;                // the variable's token
  const Call* call = nullptr;  // the call taking it, for a use as an argument
};
const std::vector<GlobalStore>& global_stores(const SourceFile& file);

// The parameters the functions of a source file may fill for callers in other files (see
// filled_key): `T *&name`, `T **name`, or `T *name` / `T name[]` (FillForm::buffer), T a character
// type (char, wchar_t, TCHAR…), at a position followed. Not a header's, not a static function's,
// not a method's (its calls through objects are keyed otherwise).
struct FilledParameter {
  uint64_t key = 0;  // filled_key() of the function and the parameter's position
  int function = -1;
  size_t name = 0;  // the parameter's name token
  FillForm form = FillForm::buffer;
};
// Found once per file, kept with its SourceFile (CODE-2 and CRYPTO-4 both ask).
const std::vector<FilledParameter>& filled_parameters(const SourceFile& file);

// What forwarded_parameters, global_stores and filled_parameters found in one file, kept by its SourceFile.
struct CrossFileValues {
  std::optional<std::vector<ForwardedParameter>> forwards;
  std::optional<std::vector<GlobalStore>> stores;
  std::vector<ForwardedParameter> member_forwards;  // found with the stores (see forwarded_parameters)
  std::optional<std::vector<FilledParameter>> filled;
};


// The calls of member functions in a C++ source file (b->action(data), s.sink(data)) and its
// constructions of objects (new BadSink(data), `BadSink sink(data);`, named as calls of the
// class), which Syntax::calls() leaves out: a sink may be a class's method defined in another
// file, reached through an object (a virtual call), or its destructor or a method reading what
// its constructor stored. Empty for other files. A method is told apart by its name only, as a
// free function is; a constructor by its class's name.
std::vector<Call> member_calls(const SourceFile& file);
// The call whose name is token `name` and whose arguments the bracket at `open` holds, in
// `function`, for the calls Syntax::calls() does not make; nullopt when the bracket is not closed.
std::optional<Call> call_opened_at(const SourceFile& file, size_t name, size_t open, int function);

// The file of each sink's function, by function_key(): its one file, or "" when the name is
// defined with a sink in several files (two programs of one tree), which leaves it ambiguous.
// `sinks` picks a rule's per-file list of sinks, each with its `function` key.
template <class Facts, class Sink>
std::unordered_map<uint64_t, std::string_view> sink_files(std::span<const SourceFileFacts> files,
                                                          std::vector<Sink> Facts::*sinks) {
  std::unordered_map<uint64_t, std::string_view> defined_in;
  for (const auto& f : files)
    if (const auto* facts = std::any_cast<Facts>(&f.facts))
      for (const auto& sink : facts->*sinks) {
        const auto [it, first] = defined_in.emplace(sink.function, f.path);
        if (!first && it->second != f.path) it->second = {};
      }
  return defined_in;
}

// The first record of each argument key in the files' order (path order), with its file:
// `arguments` picks a rule's per-file list of what calls pass, each with its `argument` key.
template <class Facts, class Argument>
std::map<uint64_t, std::pair<std::string_view, const Argument*>> first_by_argument(
    std::span<const SourceFileFacts> files, std::vector<Argument> Facts::*arguments) {
  std::map<uint64_t, std::pair<std::string_view, const Argument*>> first;
  for (const auto& f : files)
    if (const auto* facts = std::any_cast<Facts>(&f.facts))
      for (const auto& a : facts->*arguments) first.emplace(a.argument, std::pair{f.path, &a});
  return first;
}

// The names of the character pointers a header declares extern at file scope (`extern char
// *g_data;`, not const, not arrays): the globals a file including it may read. Empty for a file
// that is not a header; at most max_header_externs of them.
inline constexpr size_t max_header_externs = 1024;
std::vector<std::string> header_extern_pointers(const SourceFile& file);

// Headers included through others are followed this many levels deep (the file's own includes
// are the first), and at most this many headers a file includes are looked at.
inline constexpr size_t max_include_depth = 8;
inline constexpr size_t max_included_headers = 64;

// The extern character pointers the tree's headers declare (each header's header_extern_pointers),
// to tell whether the quoted #includes of a file name a header declaring one, directly or through
// the quoted #includes of the headers it includes (each header's quoted_includes). An #include
// "…" is resolved to one header, by path: the one in the including file's directory, else the
// first in path order whose path ends with it (after a '/'); includes naming no header of the
// tree count for nothing.
class IncludedExterns {
 public:
  template <class Facts>
  IncludedExterns(std::span<const SourceFileFacts> files, std::vector<std::string> Facts::*externs,
                  std::vector<std::string> Facts::*includes) {
    for (const auto& f : files) {
      if (!is_header_path(f.path)) continue;
      add_header(f.path);
      if (const auto* facts = std::any_cast<Facts>(&f.facts)) {
        for (const auto& name : facts->*externs) declared_.emplace(f.path, name);
        if (!(facts->*includes).empty()) includes_of_.emplace(f.path, &(facts->*includes));
      }
    }
  }
  // The headers the quoted includes of the file at `includer` name (see above), and those they
  // include in turn, breadth first: each once, at most max_included_headers of them, to
  // max_include_depth levels.
  std::vector<std::string_view> resolve(std::string_view includer, std::span<const std::string> includes) const;
  bool declares(std::span<const std::string_view> headers, std::string_view name) const;

 private:
  static bool is_header_path(std::string_view path);
  void add_header(std::string_view path);
  struct PairHash {
    size_t operator()(const std::pair<std::string_view, std::string_view>& p) const;
  };
  std::unordered_set<std::string_view> headers_;
  // Each header's last components ("foo.h", "linux/foo.h", …), to the first header in path order
  // that ends so: an include resolved by one look-up, whatever the number of headers.
  std::unordered_map<std::string_view, std::string_view> by_suffix_;
  std::unordered_set<std::pair<std::string_view, std::string_view>, PairHash> declared_;
  std::unordered_map<std::string_view, const std::vector<std::string>*> includes_of_;  // a header's quoted includes
  // The header one quoted include of the file at `includer` names, or "".
  std::string_view resolve_one(std::string_view includer, std::string_view include) const;
};

// Parameters forwarded further than this many files from the sink are not followed.
inline constexpr int max_forwarding_depth = 6;

// The join itself: `visit(file, sink, caller_path, argument)` for each sink whose function one file
// defines with a sink, given a value by a call in another file (the first such call, in path
// order), directly or through parameters passed on (`forwards`, when the rule records them: the
// first forwarding of each argument in path order, followed to a bounded depth). The rest stay
// as each file decided them.
template <class Facts, class Sink, class Argument, class Visit>
void for_each_sink_fed_elsewhere(std::span<const SourceFileFacts> files, std::vector<Sink> Facts::*sinks,
                                 std::vector<Argument> Facts::*arguments, Visit visit,
                                 std::vector<ForwardedParameter> Facts::*forwards = nullptr) {
  const auto defined_in = sink_files(files, sinks);
  if (defined_in.empty()) return;
  const auto first = first_by_argument(files, arguments);
  // Calls through objects of a sink's class or a derived one (call_targets.h), for the rules
  // whose facts record the tree's class heads and whose sinks their methods.
  ClassTree classes;
  if constexpr (requires(const Facts& facts) { facts.class_bases; })
    for (const auto& f : files)
      if (const auto* facts = std::any_cast<Facts>(&f.facts))
        for (const auto& [cls, base] : facts->class_bases) classes.add(cls, base);
  std::map<uint64_t, uint64_t> forwarded_from;  // argument -> the parameter first passed on to it
  if (forwards != nullptr)
    for (const auto& f : files)
      if (const auto* facts = std::any_cast<Facts>(&f.facts))
        for (const auto& w : facts->*forwards) forwarded_from.emplace(w.argument, w.parameter);
  for (const auto& f : files)
    if (const auto* facts = std::any_cast<Facts>(&f.facts))
      for (const auto& sink : facts->*sinks) {
        if (defined_in.at(sink.function).empty()) continue;
        uint64_t argument = sink.argument;
        auto caller = first.find(argument);
        for (int depth = 0; caller == first.end() && depth < max_forwarding_depth; ++depth) {
          const auto from = forwarded_from.find(argument);
          if (from == forwarded_from.end()) break;
          argument = from->second;
          caller = first.find(argument);
        }
        if constexpr (requires { sink.method; })
          for (const uint64_t through : classes.receiver_arguments(sink.method, sink.argument)) {
            if (caller != first.end()) break;
            caller = first.find(through);
          }
        if (caller == first.end() || caller->second.first == f.path) continue;
        visit(f, sink, caller->second.first, *caller->second.second);
      }
}

}  // namespace mdbc::source
