// mdbc.toml parsing on arbitrary bytes: a Config or an InputError, nothing else.
#include <cstdint>
#include <string>

#include "core/config.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const mdbc::Config c = mdbc::parse_config(text, "mdbc.toml");
    for (const auto& v : c.variances)
      if (v.justification.empty() || v.reviewer.empty() || v.fingerprint.empty() == v.element.empty() ||
          !mdbc::is_date(v.expires))
        __builtin_trap();
  } catch (const mdbc::InputError& e) {
    if (!std::string_view(e.what()).starts_with("mdbc.toml")) __builtin_trap();  // names the file
  }
  return 0;
}
