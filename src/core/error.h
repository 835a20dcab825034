#pragma once
#include <stdexcept>
#include <string>

namespace mdbc {

// Malformed or unreadable input (a file, a config, an argument): reported as one line, exit 2.
// The message names the file and what is wrong.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mdbc
