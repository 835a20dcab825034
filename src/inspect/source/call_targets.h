#pragma once
// Which function a call reaches when its caller says so, for the rules that follow values across
// files (CODE-2, CRYPTO-4), which otherwise key a call by the name written at it:
// - a call through a local function pointer the function sets to one function
//   (`void (*sink)(char *) = print_sink; sink(data);`) reaches that function;
// - a method call through an object whose class the function says (`Base *o = new GoodSink;
//   o->action(data);`, `const Base &o = BadSink(); o.action(data);`, `GoodSink o; o.action(data);`)
//   reaches that class's method. A method is otherwise told apart by its name only, so every
//   class's `action` shared the values of every call of `action`: a class whose own callers pass
//   only safe values was judged with another class's callers. A call whose receiver's class is
//   known is keyed by that class and method; a sink in a method of class C takes the calls keyed by
//   its name alone (receiver unknown) and those keyed by C or a class derived from C (which may
//   inherit C's method).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "inspect/source/source_rule.h"

namespace mdbc::source {

// function_key() of `cls::method`.
uint64_t method_key(std::string_view cls, std::string_view method);

// The functions calls through local pointers reach in one file: a call of a name the file declares
// a function pointer `(*name)(`, every other use of which in the caller sets it to one function
// (`void (*sink)(char *) = print_sink;`, `sink = &print_sink;`). Judged once per name and function:
// a hostile function may call one pointer a hundred thousand times.
class PointedFunctions {
 public:
  explicit PointedFunctions(const SourceFile& file);
  // The function `call` reaches through its pointer; empty for any other call (a direct call, a
  // parameter, a pointer set from a table, a call or two functions).
  std::string_view of(const Call& call);

 private:
  const SourceFile& file_;
  std::vector<uint8_t> declared_;  // per FileNames index: declared `(*name)(`
  std::unordered_map<uint64_t, std::string_view> judged_;  // by name index and function
};

// The class whose method `function` is: `C` for an out-of-line `C::m` (ns::C::m), the class whose
// body holds an in-class definition; empty for a free function.
std::string_view method_class(const SourceFile& file, int function);

// The classes of the objects member calls' receivers hold in one file, when their functions say
// so, for a receiver that is a plain name: every binding of it in the function is `new X…`,
// `X(…)`, `X{…}`, or a declaration of an object of type X (`X o;`, `X o(…);`) - all the same X
// (a null first value aside). Judged once per name and function: a hostile function may assign
// and call one receiver a hundred thousand times.
class ReceiverClasses {
 public:
  explicit ReceiverClasses(const SourceFile& file) : file_(file) {}
  // The class of the receiver of member call `call`; empty otherwise (a parameter, a pointer
  // declared without a value, a factory's result, two classes).
  std::string_view of(const Call& call);
  std::span<const Token> tokens() const { return file_.tokens; }

 private:
  std::string_view judge(std::string_view receiver, int function) const;
  const SourceFile& file_;
  std::unordered_map<uint64_t, std::string_view> judged_;  // by name index and function
};

// The class of the object the plain name `receiver` holds in `function`, as ReceiverClasses
// judges it (every binding `new X…`, `X(…)`, `X{…}` or an object declared of type X, all the same
// X); empty otherwise.
std::string_view receiver_class(const FileValues& values, std::string_view receiver, int function);

// A file's calls whose target their caller says, for the rules that key calls by their target.
class StatedTargets {
 public:
  explicit StatedTargets(const SourceFile& file) : pointers_(file), receivers_(file) {}
  // The key of the function `call` reaches when its caller says which (method_key() of the
  // receiver's class, function_key() of the pointed function); 0 when only its written name says.
  // `member`: the call is one of member_calls(), else of Syntax::calls().
  uint64_t of(const Call& call, bool member);

 private:
  PointedFunctions pointers_;
  ReceiverClasses receivers_;
};

// The (class, base) pairs of the class heads of a C++ file or header (`class D : public B, C {`):
// the bases' last names, without template arguments. At most max_class_bases of them.
inline constexpr size_t max_class_bases = 4096;
std::vector<std::pair<std::string, std::string>> class_bases(const SourceFile& file);

// A sink's function when it is a method of a known class whose parameter the sink is keyed by
// (ExternalParameter::function is function_key() of the method's own name): its class and name,
// else empty. Such a sink is told apart from other classes' methods of that name by
// method_key(cls, method).
struct SinkMethod {
  std::string cls, method;
  bool empty() const { return cls.empty(); }
  // The key that tells the sink's function apart: method_key() for a method, else `function`.
  uint64_t function_or(uint64_t function) const { return empty() ? function : method_key(cls, method); }
};
SinkMethod sink_method(const SourceFile& file, int function, uint64_t sink_function);

// The tree's classes and what derives from them, to give a sink in class C the keys of calls made
// through C and through each class derived from it (transitively, at most max_derived classes).
class ClassTree {
 public:
  static constexpr size_t max_derived = 64;
  void add(std::string_view cls, std::string_view base);
  // method_key() of `method` for `cls` and every class derived from it, `cls` first.
  std::vector<uint64_t> method_keys(std::string_view cls, std::string_view method) const;
  // The argument keys a sink on `argument` (argument_key() of the method's name and a position)
  // takes besides its own: the same position of method_keys().
  std::vector<uint64_t> receiver_arguments(const SinkMethod& m, uint64_t argument) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> derived_;  // base -> classes naming it, each once
  std::unordered_set<std::string> added_;                              // "base\0class" of each pair added
};

}  // namespace mdbc::source
