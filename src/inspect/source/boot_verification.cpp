// FW-4: boot and update paths verify signatures. Reads Kconfig fragments (prj.conf, sysbuild.conf,
// .config, overlays), CMake, Make and YAML files for MCUboot/Zephyr/ESP-IDF/TF-M settings that
// select no image signature type or skip validation, imgtool commands that sign without a key,
// and MCUboot's mcuboot_config.h for a missing MCUBOOT_SIGN_* or MCUBOOT_VALIDATE_PRIMARY_SLOT.
// FW-2 (source): the build signs with a published sample key, named or left as Zephyr's default.
#include <algorithm>
#include <any>
#include <cctype>
#include <set>

#include "core/embedded.h"
#include "core/text.h"
#include "inspect/source/build_text.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

struct BootFacts {
  bool uses_mcuboot = false;    // CONFIG_BOOTLOADER_MCUBOOT=y or SB_CONFIG_BOOTLOADER_MCUBOOT=y
  bool names_signing_key = false;  // some *_SIGNATURE_KEY_FILE setting
  uint32_t mcuboot_line = 0;
};

bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The command that starts on lines[n], lower-cased, joined with the lines it continues onto: a
// trailing '\\', or in CMake the rest of the call it stands in (up to the ')' that closes it). At
// most 32 lines.
std::string command_at(const std::vector<BuildLine>& lines, size_t n, bool cmake) {
  std::string out;
  int depth = 0;
  bool opened = false;  // the first line opens its own call: it ends when that one closes
  for (size_t k = n; k < lines.size() && k < n + 32; ++k) {
    const std::string_view text = lines[k].text;
    for (char c : text) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (k == n) opened = depth > 0;
    out += lower(text);
    out += ' ';
    if (!trim(text).empty() && trim(text).back() == '\\') continue;
    if (!cmake || (opened ? depth <= 0 : depth < 0)) break;
  }
  return out;
}

// A command that runs MCUboot's imgtool to sign an image (imgtool sign, imgtool.py sign,
// ${IMGTOOL} sign); `command` is lower-case.
bool is_imgtool_sign(std::string_view command) {
  const size_t tool = command.find("imgtool");
  if (tool == std::string_view::npos) return false;
  for (size_t at = command.find(" sign", tool); at != std::string_view::npos; at = command.find(" sign", at + 1)) {
    const size_t after = at + 5;
    if (after == command.size() || command[after] == ' ' || command[after] == '\\' || command[after] == '"') return true;
  }
  return false;
}

bool has_key_option(std::string_view command) {
  return contains(command, " -k ") || contains(command, " --key ") || contains(command, " --key=") ||
         contains(command, " -k\"") || contains(command, " -k=");
}

// Basenames of the published sample and test keys (data/known-sample-keys.tsv, path column).
const std::set<std::string>& sample_key_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    const auto tsv = embedded::find("data/known-sample-keys.tsv");
    if (!tsv) return out;
    size_t begin = tsv->find('\n');  // skip the header
    while (begin != std::string_view::npos && begin + 1 < tsv->size()) {
      const size_t end = tsv->find('\n', begin + 1);
      const std::string_view row = tsv->substr(begin + 1, end == std::string_view::npos ? std::string_view::npos : end - begin - 1);
      const size_t tab1 = row.find('\t');
      const size_t tab2 = tab1 == std::string_view::npos ? tab1 : row.find('\t', tab1 + 1);
      if (tab2 != std::string_view::npos) {
        std::string_view path = row.substr(tab1 + 1, tab2 - tab1 - 1);
        path = path.substr(0, path.find('#'));
        const size_t slash = path.rfind('/');
        const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
        // Only names distinctive enough to mean that key: "key.pem" or "rsa-2048.key" could be anyone's.
        const bool key_file = base.ends_with(".pem") || base.ends_with(".der") || base.ends_with(".key");
        const bool distinctive = base.starts_with("root-") || base.starts_with("enc-") || base.starts_with("cypress-") ||
                                 base.starts_with("tfm_") || base.starts_with("bad-") ||
                                 base.find("sample") != std::string_view::npos || base.find("test") != std::string_view::npos;
        if (key_file && distinctive) out.emplace(lower(base));
      }
      begin = end;
    }
    return out;
  }();
  return names;
}

class BootVerification final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"boot-verification", InputKind::source,
            {"FW-4/no-signature-type", "FW-4/validation-skipped", "FW-2/sample-signing-key", "FW-2/default-signing-key"}};
  }

  bool wants(Language l) const override {
    return l == Language::kconfig || l == Language::config_text || l == Language::cmake || l == Language::make ||
           is_c_family(l);
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    BootFacts f;
    if (is_c_family(file.language)) {
      check_mcuboot_config(file, out);
      facts = f;
      return;
    }
    const auto lines = build_lines(file.input.bytes);
    for (size_t n = 0; n < lines.size(); ++n) {
      const BuildLine& line = lines[n];
      const std::string_view text = line.text;
      const std::string command = contains(text, "imgtool") || contains(text, "IMGTOOL") ? command_at(lines, n, file.language == Language::cmake) : "";
      const auto report = [&](const char* rule, std::string message) {
        out.push_back(file.at_line(line.number, 0, rule, std::move(message), Severity::error));
      };
      const auto value = [&](std::string_view name) { return setting_value(text, name); };
      const auto on = [&](std::string_view name) { return value(name) && is_on(*value(name)); };
      const auto off = [&](std::string_view name) { return value(name) && is_off(*value(name)); };
      const auto signature_type = value("MCUBOOT_SIGNATURE_TYPE");
      if (on("BOOT_SIGNATURE_TYPE_NONE") || (signature_type && equals_ignoring_case(*signature_type, "NONE")))
        report("FW-4/no-signature-type", "the bootloader is configured with no image signature type: any image boots; "
                                          "select ECDSA P-256/P-384, Ed25519 or RSA-3072");
      // Zephyr signs the application only when a key file is named: "" builds unsigned images.
      if (const auto key = value("MCUBOOT_SIGNATURE_KEY_FILE"); key && key->empty())
        report("FW-4/no-signature-type", "the MCUboot signing key file is set empty: the application image is built "
                                          "unsigned and a verifying bootloader refuses it, or one that does not "
                                          "verify runs anything; name your signing key");
      if (is_imgtool_sign(command) && !has_key_option(command))
        report("FW-4/no-signature-type", "imgtool signs the image without a key (-k/--key): the image carries a hash "
                                          "but no signature; pass your signing key");
      if (off("VALIDATE_SLOT0") || (text.empty() && contains(line.comment, "CONFIG_BOOT_VALIDATE_SLOT0 is not set")))
        report("FW-4/validation-skipped", "the primary slot's signature is not validated at boot: a modified image in "
                                          "flash runs; set CONFIG_BOOT_VALIDATE_SLOT0=y");
      if ((contains(text, "SKIP_VALIDATE_SECONDARY_SLOT") && !off("SKIP_VALIDATE_SECONDARY_SLOT")) ||
          (contains(text, "BOOT_SKIP_VALIDATE_SECONDARY") && !off("BOOT_SKIP_VALIDATE_SECONDARY")))
        report("FW-4/validation-skipped", "update images in the secondary slot are not validated before they are "
                                          "installed; remove this setting");
      for (std::string_view esp : {"BOOTLOADER_SKIP_VALIDATE_ON_POWER_ON", "BOOTLOADER_SKIP_VALIDATE_ALWAYS",
                                   "BOOTLOADER_SKIP_VALIDATE_IN_DEEP_SLEEP"})
        if (on(esp))
          report("FW-4/validation-skipped", "the ESP-IDF bootloader skips validating the application image (" +
                                                std::string(esp) + "); leave image validation on");
      // Trusted Firmware-M built without its second-stage bootloader: nothing verifies the images.
      if (file.language == Language::cmake && off("BL2"))
        report("FW-4/validation-skipped", "the build switches off TF-M's BL2 (MCUboot): no bootloader verifies the "
                                          "images; build with BL2 ON");
      if (on("BOOTLOADER_MCUBOOT")) {
        f.uses_mcuboot = true;
        if (f.mcuboot_line == 0) f.mcuboot_line = line.number;
      }
      const bool names_key = contains(text, "SIGNATURE_KEY_FILE") || (is_imgtool_sign(command) && has_key_option(command)) ||
                             value("MCUBOOT_KEY_S") || value("MCUBOOT_KEY_NS");
      if (names_key) {
        f.names_signing_key = true;
        const std::string where = command.empty() ? lower(text) : command;
        for (const auto& name : sample_key_names())
          if (contains(where, "/" + name) || contains(where, "\"" + name) || contains(where, "=" + name) ||
              contains(where, " " + name))
            report("FW-2/sample-signing-key", "images are signed with " + name +
                                                  ", a published sample key anyone can sign with; generate your own "
                                                  "key (mdbc keygen) and keep it out of the tree");
      }
    }
    facts = f;
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    const SourceFileFacts* mcuboot = nullptr;
    uint32_t line = 0;
    for (const auto& f : files) {
      if (!f.component.empty()) continue;
      const auto& facts = std::any_cast<const BootFacts&>(f.facts);
      if (facts.names_signing_key) return;
      if (facts.uses_mcuboot && mcuboot == nullptr) mcuboot = &f, line = facts.mcuboot_line;
    }
    if (mcuboot == nullptr) return;
    Finding finding;
    finding.rule = "FW-2/default-signing-key";
    finding.path = std::string(mcuboot->path);
    finding.line = line;
    finding.message = "MCUboot is enabled but no signing key file is configured: the build falls back to MCUboot's "
                      "published sample key; set SB_CONFIG_BOOT_SIGNATURE_KEY_FILE (or CONFIG_BOOT_SIGNATURE_KEY_FILE) "
                      "to your own key";
    finding.severity = Severity::error;
    out.findings.push_back(std::move(finding));
  }

 private:
  // mcuboot_config.h that configures MCUboot but selects no MCUBOOT_SIGN_* algorithm.
  static void check_mcuboot_config(const SourceFile& file, std::vector<Finding>& out) {
    const std::string_view path = file.input.path;
    if (!path.ends_with("mcuboot_config.h")) return;
    const auto& tokens = file.tokens;
    bool sign = false, validate_primary = false;
    const Token* first_define = nullptr;
    for (size_t i = 0; i + 2 < tokens.size(); ++i) {
      if (!tokens[i].directive || !tokens[i].line_start || !tokens[i + 1].is_ident("define")) continue;
      if (file.syntax.dead(i)) continue;
      const std::string_view name = tokens[i + 2].text;
      if (!name.starts_with("MCUBOOT_")) continue;
      if (first_define == nullptr) first_define = &tokens[i + 2];
      if (name.starts_with("MCUBOOT_SIGN_")) sign = true;
      if (name.starts_with("MCUBOOT_VALIDATE_PRIMARY_SLOT")) validate_primary = true;
    }
    // MCUboot checks the primary slot at every boot only when MCUBOOT_VALIDATE_PRIMARY_SLOT(_ONCE)
    // is defined; without it a modified image in flash runs.
    if (first_define != nullptr && !validate_primary)
      out.push_back(file.at(*first_define, "FW-4/validation-skipped",
                            "mcuboot_config.h does not define MCUBOOT_VALIDATE_PRIMARY_SLOT: the image in the primary "
                            "slot is not verified at boot; define it",
                            Severity::error));
    if (first_define != nullptr && !sign)
      out.push_back(file.at(*first_define, "FW-4/no-signature-type",
                            "mcuboot_config.h defines no MCUBOOT_SIGN_* algorithm: images are not signature-checked; "
                            "define MCUBOOT_SIGN_EC256, MCUBOOT_SIGN_ED25519 or MCUBOOT_SIGN_RSA (3072)",
                            Severity::error));
  }
};

}  // namespace

MDBC_SOURCE_RULE(BootVerification)

}  // namespace mdbc::source
