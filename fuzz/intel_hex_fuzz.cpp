// Intel HEX decoding on arbitrary bytes; what decodes must survive an encode/decode round trip.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "inspect/image/intel_hex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)mdbc::ihex::looks_like_intel_hex(text.substr(0, 4096));
  (void)mdbc::ihex::first_record_data(text.substr(0, 4096));
  mdbc::ihex::Image image;
  try {
    image = mdbc::ihex::decode(text, "fuzz.hex", 1 << 20);
  } catch (const mdbc::InputError&) {
    return 0;
  }
  try {
    (void)mdbc::ihex::flatten(image, 1 << 20, "fuzz.hex");
  } catch (const mdbc::InputError&) {
  }
  const mdbc::ihex::Image again = mdbc::ihex::decode(mdbc::ihex::encode(image), "again.hex", 1 << 20);
  if (again.segments.size() != image.segments.size()) __builtin_trap();
  for (size_t i = 0; i < image.segments.size(); ++i)
    if (again.segments[i].address != image.segments[i].address || again.segments[i].bytes != image.segments[i].bytes)
      __builtin_trap();
  return 0;
}
