#pragma once
// What the object an argument names holds when a function fills it only from literals:
//   char buf[100] = ""; char *data = buf; strcpy(data, "fixed"); printf(data);
// CODE-2 treats such a format as a literal; CRYPTO-4 treats such a password or key as hard-coded.
// Decided conservatively over the whole enclosing function: the name, the arrays it points to and
// the pointers made from it must be written only by declarations or assignments of literals,
// allocations, zero fills and copies of literals (strcpy, wcsncpy, memcpy, strcat, …); any other
// use that may write (a parameter, fgets, recv, a member call, `cin >>`, an unknown function)
// makes the contents unknown. A static source helper of the file (`data = fill(data);`) is
// followed one level.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "inspect/source/source_values.h"

namespace mdbc::source {

// The non-empty literal texts copied or assigned into what `arg` of `use` designates (empty when
// it holds only empty strings or zeros), or nullopt when something else may have been written.
std::optional<std::vector<std::string>> literal_contents(const FileValues& values, TokenRange arg, const Call& use);

// For a function name at token k used as a value: the local function pointer it initialises or
// is assigned to (`void (*p)(char *) = f;`, `p = &f;`), when that pointer is bound to nothing
// else: the token of the pointer's name there, or tokens().size().
size_t function_pointer_initialised_with(const FileValues& values, size_t k);

}  // namespace mdbc::source
