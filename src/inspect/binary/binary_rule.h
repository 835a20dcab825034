#pragma once
// Rules of the product stage on executables and firmware files (ELF, Intel HEX, raw .bin).
// One rule family per file in this folder; each registers itself with MDBC_BINARY_RULE(Class).
// The binary inspector parses each file once into an Artifact and runs every rule on it.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/inspector.h"

namespace mdbc::binary {

class ElfFile;  // src/inspect/binary/elf_file.h: bounds-checked view of an ELF file (libelf)
class CodeMap;  // src/inspect/binary/code_map.h: an ELF file's functions and direct calls

enum class ArtifactFormat { elf, intel_hex, raw };

// A region of the firmware as it is loaded: for ELF, each allocated section with contents; for
// Intel HEX, each decoded segment; for raw images, the whole file at address 0.
struct Region {
  std::string name;      // section name, or "" for HEX/raw segments
  uint64_t address = 0;  // load address
  uint64_t file_offset = 0;  // where its bytes start in the input file (HEX: 0, not meaningful)
  std::string_view bytes;
  bool executable = false, writable = false;
};

struct Artifact {
  const InputFile& input;
  ArtifactFormat format;
  std::span<const Region> regions;
  const ElfFile* elf;  // non-null for ELF
  const RunContext& ctx;
  const CodeMap* code = nullptr;  // non-null for ELF

  // A finding about this file at a byte offset of the input (0: the file as a whole).
  Finding at(uint64_t offset, std::string rule, std::string message, std::string evidence, Severity severity) const;
};

class BinaryRule {
 public:
  virtual ~BinaryRule() = default;
  virtual RuleFamily family() const = 0;  // input = InputKind::binary
  // Concurrent, per file. `facts` is this file's report object (e.g. facts["hardening"] = {...}).
  virtual void check(const Artifact& artifact, std::vector<Finding>& out, std::vector<Component>& components,
                     nlohmann::ordered_json& facts) const = 0;
};

// An empty JSON object with room for `keys` members. An ordered_json object keeps its members in a
// std::vector of pair<const std::string, json>, which copies them (a const key cannot be moved)
// each time it grows: members added one by one to an object without room copied every member
// added before, however large (a firmware image's 2,848 tables found, twice).
nlohmann::ordered_json object_with_room(size_t keys);

void register_binary_rule(std::unique_ptr<BinaryRule> rule);
std::span<const std::unique_ptr<BinaryRule>> binary_rules();

}  // namespace mdbc::binary

#define MDBC_BINARY_RULE(Class)                                                                         \
  namespace {                                                                                           \
  const bool Class##_registered = (::mdbc::binary::register_binary_rule(std::make_unique<Class>()), true); \
  }
