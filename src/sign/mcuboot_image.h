#pragma once
// MCUboot signed images (see ../shared/mcuboot-format.md): building them as imgtool does, and
// checking them as the bootloader does (bootutil_img_validate), never as leniently as imgtool's
// own verify.
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sign/hash.h"
#include "sign/key.h"

namespace mdbc::sign::mcuboot {

inline constexpr uint32_t image_magic = 0x96f3b83d;
inline constexpr uint32_t image_magic_v1 = 0x96f3b83c;  // obsolete, refused
inline constexpr uint16_t tlv_info_magic = 0x6907;
inline constexpr uint16_t tlv_protected_info_magic = 0x6908;
inline constexpr size_t header_struct_size = 32;
inline constexpr size_t tlv_header_size = 4;

namespace tlv {
inline constexpr uint16_t keyhash = 0x01;
inline constexpr uint16_t pubkey = 0x02;
inline constexpr uint16_t sha256 = 0x10;
inline constexpr uint16_t sha384 = 0x11;
inline constexpr uint16_t sha512 = 0x12;
inline constexpr uint16_t rsa2048_pss = 0x20;
inline constexpr uint16_t ecdsa224 = 0x21;
inline constexpr uint16_t ecdsa_sig = 0x22;
inline constexpr uint16_t rsa3072_pss = 0x23;
inline constexpr uint16_t ed25519 = 0x24;
inline constexpr uint16_t sig_pure = 0x25;  // the signature is over the image, not its digest
inline constexpr uint16_t sec_cnt = 0x50;
}  // namespace tlv

namespace flag {
inline constexpr uint32_t encrypted_aes128 = 0x4;
inline constexpr uint32_t encrypted_aes256 = 0x8;
inline constexpr uint32_t ram_load = 0x20;
}  // namespace flag

// A TLV type's name for reports ("SHA256", "ED25519", "0x7a" for unknown types).
std::string tlv_name(uint16_t type);
// The signature TLV a key type writes.
uint16_t signature_tlv_for(KeyType t);
uint16_t hash_tlv_for(HashAlg h);
// Whether a TLV type is a signature of an algorithm the building code approves.
bool is_approved_signature(uint16_t type);
bool is_signature(uint16_t type);

// Image version major.minor.revision+build (u8.u8.u16+u32).
struct Version {
  uint8_t major = 0, minor = 0;
  uint16_t revision = 0;
  uint32_t build = 0;
  std::string text() const;  // "1.2.3+4"
};
// imgtool's syntax: maj[.min[.rev[+build]]], decimal without leading zeros; nullopt when
// malformed or out of range.
std::optional<Version> parse_version(std::string_view text);

struct Header {
  uint32_t magic = 0, load_addr = 0;
  uint16_t hdr_size = 0, protect_tlv_size = 0;
  uint32_t img_size = 0, flags = 0;
  Version version;
};

struct Tlv {
  uint16_t type = 0, len = 0;
  size_t value_offset = 0;  // in the image
  bool in_protected_area = false;
};

// The structure of an image that passed the bootloader's structural checks.
struct Layout {
  Header header;
  std::vector<Tlv> tlvs;   // protected area first, then the unprotected one, in file order
  size_t hashed_size = 0;  // [0, hashed_size): header, payload, protected TLV area
  size_t tlv_end = 0;      // end of the unprotected TLV area
};

// The image is not structurally valid: the bootloader would refuse it. what() is the reason.
class Defect : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses the header and both TLV areas, checking every bound. Throws Defect.
Layout parse_layout(std::string_view image);

struct Verification {
  bool valid = false;
  std::string reason;    // why it is not valid
  size_t key_index = 0;  // which trusted key signed it (when valid)
  HashAlg hash = HashAlg::sha256;
  std::string digest;    // the image digest (raw), when computed
};

// Validates as the bootloader does, with `trusted` as its embedded keys: the hash TLV must match
// the digest of the signed region (constant-time compare), and a signature counts only when the
// KEYHASH (full digest length) or PUBKEY TLV before it names a trusted key.
Verification verify(std::string_view image, std::span<const Key> trusted);

// What an image carries, without any key: for reports and the inspector.
struct Summary {
  Layout layout;
  std::optional<HashAlg> hash;     // from the hash TLV present (SHA-256/384/512)
  bool hash_matches = false;       // that TLV equals the digest of the signed region
  std::string digest;              // raw digest computed with `hash`
  std::vector<uint16_t> signatures;        // signature TLV types, in order
  std::vector<std::string> key_hashes;     // KEYHASH values (raw)
  std::vector<std::string> public_keys;    // PUBKEY values (raw key bytes)
  std::optional<uint32_t> security_counter;  // SEC_CNT in the protected area (exactly 4 bytes)
  bool security_counter_unprotected = false; // a SEC_CNT outside the protected area
  // Non-erased bytes after the TLV area that are not the image trailer: [first, last] offsets.
  std::optional<std::pair<size_t, size_t>> uncovered;
};
Summary summarize(std::string_view image, const Layout& layout);

struct BuildOptions {
  Version version;
  uint32_t header_size = 0;
  uint32_t slot_size = 0;
  uint32_t align = 1;           // flash write size: 1, 2, 4, 8, 16 or 32
  // The bootloader's BOOT_MAX_ALIGN (imgtool --max-align: 8, 16 or 32): the trailer's unit, and
  // which trailer magic is written. Unset: max(8, align).
  std::optional<uint32_t> max_align;
  // The image hash (imgtool --sha). Unset: the key type's (image_hash_for); Ed25519 may use
  // SHA-512 instead of SHA-256, for bootloaders built with MCUBOOT_SHA512.
  std::optional<HashAlg> hash;
  bool pad_header = false;      // prepend header_size erased bytes instead of requiring zeros
  bool pad = false;             // fill to the slot and write the trailer magic
  bool confirm = false;         // pad, and set image_ok
  std::optional<uint32_t> security_counter;
  bool security_counter_auto = false;  // (major << 24) + (minor << 16) + revision
  bool full_public_key = false;        // PUBKEY TLV instead of KEYHASH
  std::optional<uint32_t> load_addr;   // RAM load address (non-zero sets RAM_LOAD)
};

// Bytes the trailer puts at an offset from the start of the slot.
struct TrailerWrite {
  size_t offset = 0;
  std::string bytes;
};

struct BuiltImage {
  std::string image;                  // header, payload, TLV areas
  std::vector<TrailerWrite> trailer;  // empty unless padding
};

inline constexpr uint8_t erased_value = 0xff;

// Signs a payload as `imgtool sign` does. Throws InputError (prefixed with `name`) when the
// payload does not fit the slot with its TLVs and trailer, or the header would overwrite
// non-zero payload bytes without pad_header, or an option is out of range.
BuiltImage build(std::string_view payload, const Key& key, const BuildOptions& options, const std::string& name);
// The image as a whole slot: erased fill up to slot_size and the trailer applied.
std::string padded_slot(const BuiltImage& built, uint32_t slot_size);
// The trailer's size in the slot (imgtool's _trailer_size for swap upgrades).
size_t trailer_size(uint32_t align, uint32_t max_align);

}  // namespace mdbc::sign::mcuboot
