#pragma once
// Values that cross files: a sink in one file whose data is a parameter of its function, filled by
// calls in other files. The rules that follow them (CODE-2, CRYPTO-4) record, per file, the sinks
// on such parameters and what the file's calls of functions defined elsewhere pass, and join the
// two by function and argument position in their tree-wide pass.
#include <cstdint>
#include <optional>
#include <string_view>

#include "inspect/source/source_rule.h"

namespace mdbc::source {

// Functions are told apart by a 64-bit hash of their name (FNV-1a), an argument by its function's
// hash mixed with its position.
uint64_t function_key(std::string_view name);
uint64_t argument_key(uint64_t function, size_t index);

// Arguments are followed up to this position: a sink's parameter further on stays decided per file.
inline constexpr size_t max_followed_argument = 16;

struct ExternalParameter {
  uint64_t function = 0;  // function_key() of the enclosing function
  uint64_t argument = 0;  // argument_key() of it and the parameter's position
};

// Whether `name`, used in `function` at token `use`, is (directly, or as a local `T *name = *p;`)
// a parameter of that function that only other files can fill: a function of a source file (not a
// header, not static, not a member) that nothing in the file calls or takes as a value, the
// parameter never assigned.
std::optional<ExternalParameter> external_parameter(const SourceFile& file, int function, std::string_view name);

}  // namespace mdbc::source
