// FW-2 on MCUboot images: the key the image names (KEYHASH) or carries (PUBKEY) must not be a
// published sample or test key, whose private half anyone can use.
#include "inspect/image/image_rule.h"
#include "sign/sample_keys.h"

namespace mdbc::image {
namespace {

namespace mcuboot = sign::mcuboot;

class ImageSampleKey final : public ImageRule {
 public:
  RuleFamily family() const override { return {"image-sample-key", InputKind::image, {"FW-2/image-sample-key"}}; }

  void check(const ImageArtifact& a, std::vector<Finding>& out, nlohmann::ordered_json& facts) const override {
    if (a.summary == nullptr) return;
    const mcuboot::Summary& s = *a.summary;
    const auto report = [&](const sign::SampleKey& k, const mcuboot::Tlv& t, std::string_view what,
                            std::string_view evidence) {
      out.push_back(a.at(t.value_offset, "FW-2/image-sample-key",
                         "the image's " + std::string(what) + " is the published " + k.key_type + " sample key " +
                             k.name() + " (" + k.role + "): its private key is public, so anyone can sign images "
                             "that a device trusting it accepts",
                         std::string(evidence)));
      facts["sample_key"] = k.name();
    };
    for (const auto& t : s.layout.tlvs) {
      const std::string_view value = a.bytes.substr(t.value_offset, t.len);
      if (t.type == mcuboot::tlv::keyhash) {
        if (const auto* k = sign::find_sample_key(value)) report(*k, t, "key hash", "KEYHASH " + sign::to_hex(value));
      } else if (t.type == mcuboot::tlv::pubkey) {
        // The list records hashes of the key bytes MCUboot embeds; hash the embedded key the same way.
        const sign::SampleKey* k = nullptr;
        for (auto h : {sign::HashAlg::sha256, sign::HashAlg::sha384, sign::HashAlg::sha512})
          if (k == nullptr) k = sign::find_sample_key(sign::digest(h, value));
        if (k != nullptr)
          report(*k, t, "embedded public key",
                 "PUBKEY sha256 " + sign::to_hex(sign::digest(sign::HashAlg::sha256, value)));
      }
    }
  }
};

}  // namespace
MDBC_IMAGE_RULE(ImageSampleKey)
}  // namespace mdbc::image
