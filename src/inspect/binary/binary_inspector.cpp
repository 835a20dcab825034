// The product stage on executables and firmware files: claims ELF files (by magic), Intel HEX
// (by content), raw firmware images (.bin, .img, .fw, .rom in a tree; any binary file named on the
// command line that no other inspector claims), parses each once into an Artifact and runs every
// binary rule on it.
#include <algorithm>
#include <cctype>
#include <optional>

#include "core/error.h"
#include "core/text.h"
#include "inspect/binary/binary_rule.h"
#include "inspect/binary/byte_reader.h"
#include "inspect/binary/code_map.h"
#include "inspect/binary/elf_file.h"
#include "inspect/image/intel_hex.h"
#include "inspect/source/language.h"

namespace mdbc::binary {
namespace {

std::vector<std::unique_ptr<BinaryRule>>& rule_list() {
  static std::vector<std::unique_ptr<BinaryRule>> list;
  return list;
}

bool raw_image_name(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "bin" || ext == "img" || ext == "fw" || ext == "rom";
}

// Whether the first bytes are not text: a NUL, or more than one in ten bytes a control character
// other than white space.
bool looks_binary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  size_t control = 0;
  for (unsigned char c : head)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  return control * 10 > head.size();
}

// Each rule's facts (objects) are kept apart, then moved into the file's facts made with room for
// them all: added rule by rule, the members of the first rules were copied as later ones grew it.
void run_rules(const Artifact& artifact, FileOutcome& out) {
  std::vector<nlohmann::ordered_json> facts(binary_rules().size());
  size_t members = 0;
  bool any = false;
  for (size_t i = 0; i < facts.size(); ++i) {
    binary_rules()[i]->check(artifact, out.findings, out.components, facts[i]);
    any |= !facts[i].is_null();
    members += facts[i].size();
  }
  if (!any) return;
  out.facts = object_with_room(members);
  for (auto& rule_facts : facts)
    if (!rule_facts.is_null())
      for (auto& [key, value] : rule_facts.get_ref<nlohmann::ordered_json::object_t&>()) out.facts[key] = std::move(value);
}

class BinaryInspector final : public Inspector {
 public:
  InputKind kind() const override { return InputKind::binary; }

  bool claims(std::string_view path, std::string_view head, bool given_explicitly) const override {
    if (ElfFile::has_magic(head) || ihex::looks_like_intel_hex(head) || raw_image_name(path)) return true;
    return given_explicitly && source::classify(path) == source::Language::none && looks_binary(head);
  }

  void inspect(const InputFile& file, const RunContext& ctx, FileOutcome& out) const override {
    try {
      if (ElfFile::has_magic(file.bytes)) return inspect_elf(file, ctx, out);
      if (ihex::looks_like_intel_hex(file.bytes.substr(0, 4096))) return inspect_hex(file, ctx, out);
      const Region whole{"", 0, 0, file.bytes, false, false};
      run_rules(Artifact{file, ArtifactFormat::raw, std::span(&whole, 1), nullptr, ctx}, out);
    } catch (const ByteRangeError& e) {
      throw InputError(file.path + ": malformed: " + e.what());
    }
  }

 private:
  static void inspect_elf(const InputFile& file, const RunContext& ctx, FileOutcome& out) {
    const ElfFile elf(file.bytes, file.path);
    std::vector<Region> regions;
    if (!elf.sections().empty()) {
      for (const auto& s : elf.sections())
        if (s.alloc() && !s.contents.empty()) regions.push_back({s.name, s.addr, s.offset, s.contents, s.executable(), s.writable()});
    } else {
      for (const auto& s : elf.segments())
        if (s.type == 1 /*PT_LOAD*/ && !s.contents.empty())
          regions.push_back({"", s.vaddr, s.offset, s.contents, s.executable(), s.writable()});
    }
    const CodeMap code(elf);
    run_rules(Artifact{file, ArtifactFormat::elf, regions, &elf, ctx, &code}, out);
  }

  static void inspect_hex(const InputFile& file, const RunContext& ctx, FileOutcome& out) {
    const ihex::Image image = ihex::decode(file.bytes, file.path);
    std::vector<Region> regions;
    for (const auto& s : image.segments) regions.push_back({"", s.address, 0, s.bytes, false, false});
    run_rules(Artifact{file, ArtifactFormat::intel_hex, regions, nullptr, ctx}, out);
  }
};

const bool registered = (register_inspector(std::make_unique<BinaryInspector>()), true);

}  // namespace

void register_binary_rule(std::unique_ptr<BinaryRule> rule) {
  register_family(rule->family());
  auto& list = rule_list();
  list.push_back(std::move(rule));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a->family().name < b->family().name; });
}

std::span<const std::unique_ptr<BinaryRule>> binary_rules() { return rule_list(); }

nlohmann::ordered_json object_with_room(size_t keys) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  object.get_ref<nlohmann::ordered_json::object_t&>().reserve(keys);
  return object;
}

Finding Artifact::at(uint64_t offset, std::string rule, std::string message, std::string evidence,
                     Severity severity) const {
  Finding f;
  f.rule = std::move(rule);
  f.path = input.path;
  f.offset = offset;
  f.message = std::move(message);
  f.evidence = clip(evidence, 200);
  f.severity = severity;
  return f;
}

}  // namespace mdbc::binary
