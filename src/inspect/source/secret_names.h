#pragma once
// Whether an identifier names a secret (password, PIN, private or symmetric key, token…), by its
// words (identifier_words): `admin_password`, `aesKey`, `session_token` do; `key_len`,
// `keyboard`, `password_prompt`, `pin_count`, `token_type`, `public_key`, a parser's `token` or a
// map's `key` do not.
#include <string_view>

namespace mdbc::source {

bool is_secret_name(std::string_view identifier);

}  // namespace mdbc::source
