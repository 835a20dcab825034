// FW-3 on MCUboot images: a security counter (SEC_CNT) in the protected TLV area, which the
// signature covers and the bootloader compares with the counter kept in the device. Whether the
// profile requires FW-3 is the verdict's business, not this rule's.
#include "inspect/image/image_rule.h"

namespace mdbc::image {
namespace {

class ImageSecurityCounter final : public ImageRule {
 public:
  RuleFamily family() const override {
    return {"image-security-counter", InputKind::image, {"FW-3/image-no-security-counter"}};
  }

  void check(const ImageArtifact& a, std::vector<Finding>& out, nlohmann::ordered_json&) const override {
    if (a.summary == nullptr) {
      out.push_back(a.at(0, "FW-3/image-no-security-counter",
                         "no security counter can be read from a malformed image (see FW-1)", {}));
      return;
    }
    const auto& s = *a.summary;
    if (s.security_counter) return;
    std::string message = "the image carries no security counter in its protected TLV area, so the bootloader "
                          "cannot refuse an older signed image (downgrade)";
    if (s.security_counter_unprotected)
      message = "the image's security counter is outside the protected TLV area: the signature does not cover it, "
                "so it does not count";
    out.push_back(a.at(0, "FW-3/image-no-security-counter", message, {}));
  }
};

}  // namespace
MDBC_IMAGE_RULE(ImageSecurityCounter)
}  // namespace mdbc::image
