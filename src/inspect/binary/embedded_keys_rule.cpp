// CRYPTO-4 and CRED-1 on executables and firmware: private keys embedded in the bytes (PEM,
// OpenSSH, DER PKCS#1/PKCS#8/SEC1, each confirmed by OpenSSL), keys (private or public) from the
// published sample-key list, and hard-coded crypt(3) password hashes.
#include <cstdio>

#include "inspect/binary/binary_rule.h"
#include "inspect/binary/embedded_keys.h"

namespace mdbc::binary {
namespace {

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

class EmbeddedKeysRule final : public BinaryRule {
 public:
  RuleFamily family() const override {
    return {"embedded-keys",
            InputKind::binary,
            {"CRED-1/private-key", "CRYPTO-4/private-key", "CRYPTO-4/sample-key", "CRYPTO-4/password-hash"}};
  }

  void check(const Artifact& a, std::vector<Finding>& out, std::vector<Component>&, nlohmann::ordered_json&) const override {
    if (a.format == ArtifactFormat::intel_hex) {
      // Decoded HEX data has load addresses, not file offsets: findings name the address.
      for (const auto& r : a.regions) scan(a, r.bytes, r.address, true, out);
    } else {
      scan(a, a.input.bytes, 0, false, out);
    }
  }

 private:
  static void scan(const Artifact& a, std::string_view bytes, uint64_t base, bool addresses, std::vector<Finding>& out) {
    const auto where = [&](uint64_t offset) { return (addresses ? " at address " : " at offset ") + hex(base + offset); };
    for (const auto& key : find_embedded_keys(bytes)) {
      const std::string what = key.form + (key.algorithm.empty() ? "" : ", " + key.algorithm);
      const std::string evidence =
          what + (key.spki_sha256.empty() ? "" : ", public key SHA-256 " + key.spki_sha256.substr(0, 16) + "…");
      if (key.is_private) {
        out.push_back(a.at(base + key.offset, "CRED-1/private-key",
                           "private key embedded" + where(key.offset) +
                               ": every unit built from this image shares it; generate keys on the device or provision "
                               "each unit individually",
                           evidence, Severity::error));
        out.push_back(a.at(base + key.offset, "CRYPTO-4/private-key",
                           "hard-coded secret: a private key is embedded" + where(key.offset) +
                               "; keep keys out of the firmware and load them from protected storage",
                           evidence, Severity::error));
      }
      if (key.spki_sha256.empty()) continue;
      const std::string sample = SampleKeys::published().find(key.spki_sha256);
      if (sample.empty()) continue;
      out.push_back(a.at(base + key.offset, "CRYPTO-4/sample-key",
                         std::string(key.is_private ? "private" : "public") + " key" + where(key.offset) +
                             " is a published sample key (" + sample + "): anyone can sign or decrypt with it; "
                             "generate your own key pair",
                         evidence, Severity::error));
    }
    for (const auto& h : find_password_hashes(bytes)) {
      const size_t shown = std::min<size_t>(h.text.size(), h.text.rfind('$') + 5);
      out.push_back(a.at(base + h.offset, "CRYPTO-4/password-hash",
                         "hard-coded " + h.scheme + " password hash" + where(h.offset) +
                             ": the password is the same on every unit and can be cracked offline; set credentials "
                             "per unit at provisioning",
                         h.text.substr(0, shown) + "…", Severity::error));
    }
  }
};

MDBC_BINARY_RULE(EmbeddedKeysRule)

}  // namespace
}  // namespace mdbc::binary
