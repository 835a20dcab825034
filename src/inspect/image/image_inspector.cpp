// The image stage: claims MCUboot images (raw, or Intel HEX whose first data is an image header),
// parses each once, verifies it against the --trust-key keys, records its facts and runs every
// image rule.
#include <algorithm>

#include "core/error.h"
#include "inspect/image/image_rule.h"
#include "inspect/image/intel_hex.h"
#include "sign/hash.h"

namespace mdbc::image {
namespace {

namespace mcuboot = sign::mcuboot;

// An image larger than this is not a microcontroller slot: HEX data beyond it counts as outside.
constexpr uint64_t max_image_span = 64ull << 20;

constexpr std::string_view magic_bytes{"\x3d\xb8\xf3\x96", 4};

std::vector<std::unique_ptr<ImageRule>>& rule_list() {
  static std::vector<std::unique_ptr<ImageRule>> list;
  return list;
}

std::string hex_number(uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return "0x" + out;
}

// The image within a decoded HEX file: from the lowest segment that starts with the image magic,
// through the following segments while they stay within max_image_span, gaps filled with 0xff.
std::string image_from_hex(const ihex::Image& hex, uint64_t& base, std::vector<std::pair<uint64_t, uint64_t>>& outside) {
  const auto& segs = hex.segments;
  const auto first = std::find_if(segs.begin(), segs.end(), [](const ihex::Segment& s) {
    return std::string_view(s.bytes).starts_with(magic_bytes);
  });
  if (first == segs.end()) return {};
  base = first->address;
  uint64_t end = base;
  for (auto it = segs.begin(); it != segs.end(); ++it) {
    const uint64_t seg_end = it->address + it->bytes.size();
    if (it >= first && seg_end - base <= max_image_span) end = seg_end;
    else outside.emplace_back(it->address, seg_end - 1);
  }
  std::string image(static_cast<size_t>(end - base), '\xff');
  for (auto it = first; it != segs.end() && it->address + it->bytes.size() <= end; ++it)
    image.replace(static_cast<size_t>(it->address - base), it->bytes.size(), it->bytes);
  return image;
}

nlohmann::ordered_json image_facts(const ImageArtifact& a) {
  nlohmann::ordered_json f = nlohmann::ordered_json::object();
  if (a.from_hex) f["address"] = hex_number(a.base_address);
  if (!a.defect.empty()) {
    f["valid_structure"] = false;
    f["defect"] = a.defect;
    return f;
  }
  const mcuboot::Summary& s = *a.summary;
  const mcuboot::Header& h = s.layout.header;
  f["version"] = h.version.text();
  f["header_size"] = h.hdr_size;
  f["image_size"] = h.img_size;
  f["flags"] = hex_number(h.flags);
  if (s.hash) {
    f["hash_alg"] = std::string(sign::to_string(*s.hash));
    f["hash"] = sign::to_hex(s.digest);
    f["hash_valid"] = s.hash_matches;
  } else {
    f["hash_alg"] = nullptr;
  }
  nlohmann::ordered_json sigs = nlohmann::ordered_json::array();
  for (uint16_t t : s.signatures) sigs.push_back(mcuboot::tlv_name(t));
  f["signature_type"] = sigs.size() == 1 ? sigs[0] : sigs.empty() ? nlohmann::ordered_json(nullptr) : sigs;
  if (!s.key_hashes.empty()) f["key_hash"] = sign::to_hex(s.key_hashes.front());
  // The embedded public key itself stays out of reports: its SHA-256 identifies it.
  if (!s.public_keys.empty()) f["public_key_sha256"] = sign::to_hex(sign::digest(sign::HashAlg::sha256, s.public_keys.front()));
  f["security_counter"] = s.security_counter ? nlohmann::ordered_json(*s.security_counter) : nlohmann::ordered_json(nullptr);
  if (a.verification == nullptr) {
    f["verified"] = false;
    f["reason"] = "no trusted key given";
  } else if (a.verification->valid) {
    f["verified"] = true;
    f["trusted_key"] = a.trusted_key_paths[a.verification->key_index];
  } else {
    f["verified"] = false;
    f["reason"] = a.verification->reason;
  }
  return f;
}

class ImageInspector final : public Inspector {
 public:
  InputKind kind() const override { return InputKind::image; }

  bool claims(std::string_view, std::string_view head, bool) const override {
    if (head.starts_with(magic_bytes)) return true;
    return ihex::looks_like_intel_hex(head) && ihex::first_record_data(head).starts_with(magic_bytes);
  }

  void inspect(const InputFile& file, const RunContext& ctx, FileOutcome& out) const override {
    ImageArtifact a{file, {}, false, 0, {}, {}, nullptr, ctx.options.trust_keys, nullptr, ctx};
    std::string decoded;
    if (std::string_view(file.bytes).starts_with(magic_bytes)) {
      a.bytes = file.bytes;
    } else {
      decoded = image_from_hex(ihex::decode(file.bytes, file.path), a.base_address, a.outside);
      if (decoded.empty()) throw InputError(file.path + ": Intel HEX file holds no MCUboot image header");
      a.from_hex = true;
      a.bytes = decoded;
    }

    std::vector<sign::Key> keys;
    for (const auto& path : ctx.options.trust_keys) keys.push_back(sign::load_public_key(path));
    mcuboot::Summary summary;
    mcuboot::Verification verification;
    try {
      summary = mcuboot::summarize(a.bytes, mcuboot::parse_layout(a.bytes));
      a.summary = &summary;
      if (!keys.empty()) {
        verification = mcuboot::verify(a.bytes, keys);
        a.verification = &verification;
      }
    } catch (const mcuboot::Defect& d) {
      a.defect = d.what();
    }

    nlohmann::ordered_json facts = image_facts(a);
    for (const auto& rule : image_rules()) rule->check(a, out.findings, facts);
    out.facts["mcuboot"] = std::move(facts);
  }
};

const bool registered = (register_inspector(std::make_unique<ImageInspector>()), true);

}  // namespace

Finding ImageArtifact::at(uint64_t offset, std::string rule, std::string message, std::string evidence) const {
  Finding f;
  f.rule = std::move(rule);
  f.path = input.path;
  f.offset = from_hex ? 0 : offset;
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  f.severity = Severity::error;
  f.component = input.component;
  return f;
}

void register_image_rule(std::unique_ptr<ImageRule> rule) {
  register_family(rule->family());
  auto& list = rule_list();
  list.push_back(std::move(rule));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a->family().name < b->family().name; });
}

std::span<const std::unique_ptr<ImageRule>> image_rules() { return rule_list(); }

}  // namespace mdbc::image
