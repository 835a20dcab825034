#pragma once
// LOG-3: a secret logged out of the object that holds it rather than by its own name: a member
// (holder.structFirst = password; log(holder.structFirst)), a union's other member, what a
// pointer designates (char **p = &password; log(*p)), or a struct a static helper is given
// (badSink(holder) logs holder.structFirst). The object's every store in the function must give it
// a secret-named value, so that a struct holding a user name beside a password (a.user, a.pass)
// does not make the user name a secret; a member or pointer whose stores the file does not show (a
// parameter no caller of the file passes, a global) holds nothing known.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include "inspect/source/source_values.h"

namespace mdbc::source {

class SecretObjects {
 public:
  // `secret`: whether the value at a token is a secret by its name.
  SecretObjects(const FileValues& values, std::function<bool(size_t)> secret)
      : values_(values), toks_(values.tokens()), secret_(std::move(secret)) {}

  // The token of the secret-named value that the object `read` is read out of holds (see
  // object_read_from), or tokens().size() when none or not only secrets. Judged once per object
  // name and function: a function logging its struct's member a thousand times reads its stores once.
  size_t in(TokenRange read);

 private:
  size_t held(size_t name, int function, int level);
  size_t secret_value(TokenRange value) const;
  size_t passed_by_a_caller(const Binding& parameter, int level);

  const FileValues& values_;
  std::span<const Token> toks_;
  std::function<bool(size_t)> secret_;
  std::unordered_map<uint64_t, size_t> held_;  // by name and function
};

}  // namespace mdbc::source
