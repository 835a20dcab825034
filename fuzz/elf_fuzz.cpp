// The binary inspector's readers on arbitrary bytes: the ELF view, the code map (functions, calls,
// unwind tables), the HARD-1 assessment, Thumb canary checks, embedded keys and password hashes.
// Malformed input may only ever be an InputError or ByteRangeError.
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "inspect/binary/byte_reader.h"
#include "inspect/binary/canary_code.h"
#include "inspect/binary/code_map.h"
#include "inspect/binary/elf_file.h"
#include "inspect/binary/embedded_keys.h"
#include "inspect/binary/hardening.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)mdbc::binary::find_thumb_canary_checks(bytes, 0x08000000);
  (void)mdbc::binary::find_embedded_keys(bytes);
  (void)mdbc::binary::find_password_hashes(bytes);
  (void)mdbc::binary::takes_stack_address_x86_64(bytes);
  try {
    const mdbc::binary::ElfFile elf(bytes, "fuzz.elf");
    const mdbc::binary::CodeMap code(elf);
    (void)mdbc::binary::elf_role(elf);
    (void)mdbc::binary::assess_hardening(elf, code);
  } catch (const mdbc::InputError&) {
  } catch (const mdbc::binary::ByteRangeError&) {
  }
  return 0;
}
