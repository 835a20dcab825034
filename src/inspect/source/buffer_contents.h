#pragma once
// What the object an argument names holds when a function fills it only from literals:
//   char buf[100] = ""; char *data = buf; strcpy(data, "fixed"); printf(data);
// CODE-2 treats such a format as a literal; CRYPTO-4 treats such a password or key as hard-coded.
// Decided conservatively over the whole enclosing function: the name, the arrays it points to and
// the pointers made from it must be written only by declarations or assignments of literals,
// allocations, zero fills and copies of literals or constant byte tables (strcpy, wcsncpy, memcpy,
// strcat, …; a table's text is its list as written, "{0x2b, 0x7e, …}"); any other
// use that may write (a parameter, fgets, recv, a member call, `cin >>`, an unknown function)
// makes the contents unknown. An object the value is read out of or stored into (a union, a
// struct, an array of pointers, a container, what a pointer to a pointer designates) counts as
// one storage with it: its stores must give literals or names followed in turn. A static source
// helper of the file (`data = fill(data);`) is followed one level. A member read in a method of
// its class holds what the class's methods store in it: literals, or a constructor's parameter,
// which holds what every construction of the class in the file passes (BadSink sink(data);
// new BadSink(data)).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/source_values.h"

namespace mdbc::source {

// The non-empty literal texts copied or assigned into what `arg` of `use` designates (empty when
// it holds only empty strings or zeros; a table of numbers copied in is given by its spelling), or
// nullopt when something else may have been written.
std::optional<std::vector<std::string>> literal_contents(const FileValues& values, TokenRange arg, const Call& use);

// What `function` returns when every return statement gives back one name whose object holds only
// literals there (`char *source(char *data) { strcpy(data, "fixed"); return data; }`): the
// non-empty literal texts, as literal_contents says. A parameter returned must first be copied
// over whole (strcpy, wcscpy), so that what its callers passed in does not count.
std::optional<std::vector<std::string>> returned_literal_contents(const FileValues& values, int function);

// How a function may fill a parameter for its caller: the pointer itself, passed by reference
// (`T *&data`) or through a pointer to it (`T **data`), or the characters it points to (`T *data`).
enum class FillForm : uint8_t { reference, pointer_to_pointer, buffer };

// What `function` leaves in its parameter named at token `parameter` when it fills it only from
// literals: the non-empty literal texts, or nullopt when the caller may get anything else. A
// pointer filled whole must be used only by stores of itself (`data = …;`, `*data = …;`), the first
// a statement of the body's own block (what the caller passed never comes back), each giving
// literal contents as stored_literal_contents says. A buffer must be copied over whole first, as
// returned_literal_contents requires of a parameter it returns, by a statement of the body's own block.
std::optional<std::vector<std::string>> filled_literal_contents(const FileValues& values, int function,
                                                                size_t parameter, FillForm form);

// What a store into the global variable `global` gives it (`g_data = data;` in `function`, or a
// declaration's initializer at -1): the non-empty literal texts, none for a null pointer, or
// nullopt when it may be anything else.
std::optional<std::vector<std::string>> stored_literal_contents(const FileValues& values, std::string_view global,
                                                                TokenRange value, int function);

// Whether `name` is bound in `function` to one of the names `sources` (char *p = data;
// std::string text(data);): a copy of what one holds, or a pointer to it.
bool made_from_any(const FileValues& values, int function, std::string_view name,
                   std::span<const std::string_view> sources);

// A member read in `function`, a method of its class (~BadSink() { printf(data); }), when the
// file writes it only with literals and with one parameter of the class's constructors
// (BadSink(char *c) : data(c) {}) but constructs no object of the class: the class and that
// parameter's position, which the constructions in other files fill (BadSink sink(data);).
struct ConstructorParameter {
  std::string_view cls;
  size_t index;
};
std::optional<ConstructorParameter> constructor_parameter(const FileValues& values, int function, std::string_view name);

// The header of a range-for, `for (auto &b : iv)`, whose '(' is at `open`: the loop variable's
// name token, the range, and whether the variable is a reference not to const, through which the
// loop may write each element. nullopt for any other for (or a declaration longer than a bound).
struct RangeFor {
  size_t variable = 0;
  TokenRange range;
  bool writes_elements = false;
};
std::optional<RangeFor> range_for_at(const FileValues& values, size_t open);

// Whether the name at token k is in the range of a range-for that may write each element.
bool ranged_over_by_reference(const FileValues& values, size_t k);

// The position of the parameter named `name` in a definition's parameter list, or nullopt.
std::optional<size_t> parameter_position(const FileValues& values, const FunctionDef& def, std::string_view name);

// A store into the object a name holds through a subscript or a member: arr[2] = data,
// u.first = data, s->part[1] = "…", and the containers' storing calls (v.push_back(data),
// v.insert(v.end(), 1, data), l.push_front(data)), whose last argument is the value stored.
// The stores into the object `name` holds within `function`, in token order (Store: source_values.h).
const std::vector<Store>& stores_into(const FileValues& values, int function, std::string_view name);

// The variable whose object an expression reads a value out of: a member, an element or an
// accessor's result (u.first, s->field, arr[2], v.back(), m.at(0)) or what a pointer to a pointer
// designates (*p for char **p = &data); tokens().size() for anything else, a plain name included.
// The whole object stands for its parts: a union's members, a struct's fields, a container's
// elements are one storage to the rules that follow values.
size_t object_read_from(const FileValues& values, TokenRange r);

// For a function name at token k used as a value: the local function pointer it initialises or
// is assigned to (`void (*p)(char *) = f;`, `p = &f;`), when that pointer is bound to nothing
// else: the token of the pointer's name there, or tokens().size().
size_t function_pointer_initialised_with(const FileValues& values, size_t k);

}  // namespace mdbc::source
