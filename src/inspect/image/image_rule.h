#pragma once
// Rules of the product stage on signed firmware images (MCUboot format, raw or Intel HEX).
// One rule family per file in this folder; each registers itself with MDBC_IMAGE_RULE(Class).
// The image inspector parses and (with --trust-key) verifies each image once, then runs every rule.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/inspector.h"
#include "sign/key.h"
#include "sign/mcuboot_image.h"

namespace mdbc::image {

// One MCUboot image as the rules see it.
struct ImageArtifact {
  const InputFile& input;
  std::string_view bytes;  // the image from its header on (Intel HEX: decoded, gaps filled with 0xff)
  bool from_hex = false;
  uint64_t base_address = 0;  // Intel HEX: the header's address
  // Intel HEX data outside the image (address ranges [first, last]): not covered by its signature.
  std::vector<std::pair<uint64_t, uint64_t>> outside;
  std::string defect;                              // non-empty: the bootloader would refuse its structure
  const sign::mcuboot::Summary* summary = nullptr;  // null when defect is set
  std::span<const std::string> trusted_key_paths;   // --trust-key
  // The bootloader-faithful check against the trusted keys; null when none were given or defect.
  const sign::mcuboot::Verification* verification = nullptr;
  const RunContext& ctx;

  // A finding about this image at a byte offset of the image (0: the image as a whole).
  Finding at(uint64_t offset, std::string rule, std::string message, std::string evidence) const;
};

class ImageRule {
 public:
  virtual ~ImageRule() = default;
  virtual RuleFamily family() const = 0;  // input = InputKind::image
  // Concurrent, per image. `facts` is this image's "mcuboot" report object, to add to.
  virtual void check(const ImageArtifact& image, std::vector<Finding>& out, nlohmann::ordered_json& facts) const = 0;
};

void register_image_rule(std::unique_ptr<ImageRule> rule);
std::span<const std::unique_ptr<ImageRule>> image_rules();

}  // namespace mdbc::image

#define MDBC_IMAGE_RULE(Class)                                                                        \
  namespace {                                                                                         \
  const bool Class##_registered = (::mdbc::image::register_image_rule(std::make_unique<Class>()), true); \
  }
