#pragma once
// Calls of methods through objects whose class the calling function says (`Base *o = new
// GoodSink; o->action(data);`, `const Base &o = BadSink(); o.action(data);`, `GoodSink o;
// o.action(data);`), for the rules that follow values across files (CODE-2, CRYPTO-4). A method
// is otherwise told apart by its name only, so every class's `action` shared the values of every
// call of `action`: a class whose own callers pass only safe values was judged with another
// class's callers. A call whose receiver's class is known is keyed by that class and method; a
// sink in a method of class C takes the calls keyed by its name alone (receiver unknown) and those
// keyed by C or a class derived from C (which may inherit C's method).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inspect/source/source_rule.h"

namespace mdbc::source {

// function_key() of `cls::method`.
uint64_t method_key(std::string_view cls, std::string_view method);

// The class whose method `function` is: `C` for an out-of-line `C::m` (ns::C::m), the class whose
// body holds an in-class definition; empty for a free function.
std::string_view method_class(const SourceFile& file, int function);

// The class of the object a member call's receiver holds when its function says so, for a
// receiver that is a plain name: every binding of it in the function is `new X…`, `X(…)`, `X{…}`,
// or a declaration of an object of type X (`X o;`, `X o(…);`) - all the same X. Empty otherwise
// (a parameter, a pointer declared without a value, a factory's result).
std::string_view receiver_class(const SourceFile& file, const Call& call);

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
  std::unordered_map<std::string, std::vector<std::string>> derived_;  // base -> classes naming it
};

}  // namespace mdbc::source
