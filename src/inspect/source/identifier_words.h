#pragma once
// Identifiers split into lower-case words at '_' and camelCase boundaries ("masterKey" →
// master, key; "ADMIN_PASSWORD" → admin, password; "HTTPServer" → http, server), so rules match
// names by whole words: `key` matches aes_key but not monkey or keyboard.
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::source {

std::vector<std::string> identifier_words(std::string_view identifier);

}  // namespace mdbc::source
