// FW-1 on MCUboot images: signed with an approved algorithm, verified by a trusted key the way the
// bootloader verifies it, and nothing in the file outside the signed image.
#include "inspect/image/image_rule.h"

namespace mdbc::image {
namespace {

namespace mcuboot = sign::mcuboot;

std::string hex_number(uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return "0x" + out;
}

class ImageSignature final : public ImageRule {
 public:
  RuleFamily family() const override {
    return {"image-signature",
            InputKind::image,
            {"FW-1/image-malformed", "FW-1/image-unsigned", "FW-1/image-no-trusted-key", "FW-1/image-not-verified",
             "FW-1/image-uncovered-data"}};
  }

  void check(const ImageArtifact& a, std::vector<Finding>& out, nlohmann::ordered_json&) const override {
    for (const auto& [first, last] : a.outside)
      out.push_back(a.at(0, "FW-1/image-uncovered-data",
                         "Intel HEX data at " + hex_number(first) + ".." + hex_number(last) +
                             " lies outside the signed image at " + hex_number(a.base_address) +
                             ": no signature covers it",
                         {}));
    if (!a.defect.empty()) {
      out.push_back(a.at(0, "FW-1/image-malformed", "the bootloader would refuse this image: " + a.defect, {}));
      return;
    }
    const mcuboot::Summary& s = *a.summary;
    if (s.uncovered)
      out.push_back(a.at(s.uncovered->first, "FW-1/image-uncovered-data",
                         "bytes " + hex_number(s.uncovered->first) + ".." + hex_number(s.uncovered->second) +
                             " after the image's TLV area are neither erased flash nor the image trailer: no "
                             "signature covers them",
                         {}));

    bool approved = false;
    std::string unapproved;
    for (uint16_t t : s.signatures) {
      if (mcuboot::is_approved_signature(t)) approved = true;
      else unapproved = mcuboot::tlv_name(t);
    }
    if (!approved) {
      out.push_back(a.at(0, "FW-1/image-unsigned",
                         unapproved.empty() ? "the image carries no signature, only a hash: anyone can build an image "
                                              "that passes this check"
                                            : "the image is signed only with " + unapproved +
                                                  ", which is not an approved algorithm",
                         {}));
      return;
    }
    if (a.verification == nullptr) {
      out.push_back(a.at(0, "FW-1/image-no-trusted-key",
                         "no trusted key given: the signature cannot be checked against the key the device trusts "
                         "(give it with --trust-key)",
                         {}));
      if (!s.hash || !s.hash_matches)
        out.push_back(a.at(0, "FW-1/image-not-verified",
                           s.hash ? "hash mismatch: the image's hash TLV does not match its contents"
                                  : "the image carries no hash TLV",
                           s.hash ? std::string(sign::to_string(*s.hash)) + " " + sign::to_hex(s.digest) : ""));
      return;
    }
    if (!a.verification->valid)
      out.push_back(a.at(0, "FW-1/image-not-verified", "not validly signed by a trusted key: " + a.verification->reason, {}));
  }
};

}  // namespace
MDBC_IMAGE_RULE(ImageSignature)
}  // namespace mdbc::image
