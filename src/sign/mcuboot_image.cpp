#include "sign/mcuboot_image.h"

#include <algorithm>
#include <charconv>

#include <openssl/crypto.h>

#include "core/error.h"
#include "sign/signature.h"

namespace mdbc::sign::mcuboot {
namespace {

constexpr size_t max_sectors = 128;  // imgtool DEFAULT_MAX_SECTORS
constexpr uint32_t default_max_align = 8;
constexpr unsigned char boot_magic_default[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                                  0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};
// After a u16 max_align when max_align is not 8.
constexpr unsigned char boot_magic_tail[14] = {0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d,
                                               0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a};

uint16_t u16_at(std::string_view s, size_t off) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[off]) | (static_cast<uint8_t>(s[off + 1]) << 8));
}

uint32_t u32_at(std::string_view s, size_t off) {
  return static_cast<uint32_t>(u16_at(s, off)) | (static_cast<uint32_t>(u16_at(s, off + 2)) << 16);
}

void put_u16(std::string& s, uint16_t v) {
  s += static_cast<char>(v & 0xff);
  s += static_cast<char>(v >> 8);
}

void put_u32(std::string& s, uint32_t v) {
  put_u16(s, static_cast<uint16_t>(v & 0xffff));
  put_u16(s, static_cast<uint16_t>(v >> 16));
}

std::string hex32(uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return "0x" + out;
}

size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

std::string boot_magic(uint32_t max_align) {
  if (max_align == default_max_align) return std::string(reinterpret_cast<const char*>(boot_magic_default), 16);
  std::string m;
  put_u16(m, static_cast<uint16_t>(max_align));
  m.append(reinterpret_cast<const char*>(boot_magic_tail), sizeof boot_magic_tail);
  return m;
}

// The max_align a trailer magic at the end of `image` declares, if it ends with one.
std::optional<uint32_t> trailer_max_align(std::string_view image) {
  if (image.size() < 16) return std::nullopt;
  const std::string_view last = image.substr(image.size() - 16);
  if (last == boot_magic(default_max_align)) return default_max_align;
  if (last.substr(2) == std::string_view(reinterpret_cast<const char*>(boot_magic_tail), sizeof boot_magic_tail)) {
    const uint16_t a = u16_at(last, 0);
    if (a >= 1 && a <= 0x1000 && (a & (a - 1)) == 0) return a;
  }
  return std::nullopt;
}

// Reads the entries of one TLV area [begin + 4, end): every entry header and body must lie
// inside the area, and the entries must fill it exactly.
void read_area(std::string_view image, size_t begin, size_t end, bool is_protected, std::vector<Tlv>& out) {
  const char* area = is_protected ? "protected TLV area" : "TLV area";
  for (size_t off = begin + tlv_header_size; off < end;) {
    if (end - off < tlv_header_size)
      throw Defect("TLV out of bounds: " + std::to_string(end - off) + " stray bytes at " + hex32(off) +
                   " at the end of the " + area);
    Tlv t{u16_at(image, off), u16_at(image, off + 2), off + tlv_header_size, is_protected};
    if (t.len > end - off - tlv_header_size)
      throw Defect("TLV out of bounds: " + tlv_name(t.type) + " TLV at " + hex32(off) + " is " +
                   std::to_string(t.len) + " bytes long, past the end of the " + area + " at " + hex32(end));
    out.push_back(t);
    off = t.value_offset + t.len;
  }
}

std::optional<HashAlg> hash_of_tlv(uint16_t type) {
  switch (type) {
    case tlv::sha256: return HashAlg::sha256;
    case tlv::sha384: return HashAlg::sha384;
    case tlv::sha512: return HashAlg::sha512;
    default: return std::nullopt;
  }
}

bool digests_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The exact signature length the bootloader demands, or 0 when variable (ECDSA DER).
size_t signature_length(KeyType t) {
  switch (t) {
    case KeyType::ed25519: return 64;
    case KeyType::rsa_2048: return 256;
    case KeyType::rsa_3072: return 384;
    case KeyType::ecdsa_p256:
    case KeyType::ecdsa_p384: return 0;
  }
  return 0;
}

// An ECDSA DER signature is a SEQUENCE of two INTEGERs: at most 2 * (order size + 3) + 3 bytes.
size_t max_ecdsa_der(KeyType t) { return t == KeyType::ecdsa_p384 ? 104 : 72; }

// The image hash a bootloader trusting this key is built for. Ed25519 bootloaders use SHA-256 by
// default and SHA-512 with MCUBOOT_SHA512: an image with only a SHA-512 hash TLV is for the latter.
HashAlg expected_hash(const Layout& layout, KeyType t) {
  const HashAlg standard = image_hash_for(t);
  if (t != KeyType::ed25519) return standard;
  const auto has = [&layout](uint16_t type) {
    return std::any_of(layout.tlvs.begin(), layout.tlvs.end(),
                       [type](const Tlv& tlv) { return tlv.type == type && !tlv.in_protected_area; });
  };
  return !has(tlv::sha256) && has(tlv::sha512) ? HashAlg::sha512 : standard;
}

// bootutil_img_validate() with one embedded key.
Verification verify_with(std::string_view image, const Layout& layout, const Key& key) {
  Verification v;
  v.hash = expected_hash(layout, key.type());
  const std::string_view hash_name = to_string(v.hash);
  if (layout.header.flags & (flag::encrypted_aes128 | flag::encrypted_aes256)) {
    v.reason = "encrypted image: its hash covers the plaintext, which mdbc cannot decrypt";
    return v;
  }
  if (std::any_of(layout.tlvs.begin(), layout.tlvs.end(), [](const Tlv& t) { return t.type == tlv::sig_pure; })) {
    v.reason = "pure signature (SIG_PURE TLV): its signature is over the image itself, which only bootloaders "
               "built with MCUBOOT_SIGN_PURE accept; mdbc verifies signatures over the image digest";
    return v;
  }
  v.digest = digest(v.hash, image.substr(0, layout.hashed_size));
  const uint16_t hash_type = hash_tlv_for(v.hash);
  const uint16_t sig_type = signature_tlv_for(key.type());
  const std::string key_bytes = key.mcuboot_key_bytes();
  const std::string key_hash = digest(v.hash, key_bytes);

  bool found_hash = false, key_named = false, valid = false;
  bool signature_considered = false, foreign_key_hash = false, foreign_public_key = false;
  bool other_hash = false, any_signature = false;
  for (const Tlv& t : layout.tlvs) {
    const std::string_view value = image.substr(t.value_offset, t.len);
    if (t.type == hash_type) {
      if (t.len != v.digest.size()) {
        v.reason = std::string(tlv_name(t.type)) + " TLV is " + std::to_string(t.len) + " bytes, not " +
                   std::to_string(v.digest.size());
        return v;
      }
      if (!digests_equal(value, v.digest)) {
        v.reason = "hash mismatch: the " + std::string(hash_name) + " of the signed region is " + to_hex(v.digest) +
                   ", the image records " + to_hex(value);
        return v;
      }
      found_hash = true;
    } else if (hash_of_tlv(t.type)) {
      other_hash = true;
    } else if (t.type == tlv::keyhash) {
      // bootutil_find_key compares only the TLV's length; demand the whole digest.
      key_named = t.len == key_hash.size() && digests_equal(value, key_hash);
      foreign_key_hash = foreign_key_hash || !key_named;
    } else if (t.type == tlv::pubkey) {
      key_named = digests_equal(digest(v.hash, value), key_hash);
      foreign_public_key = foreign_public_key || !key_named;
    } else if (t.type == sig_type) {
      any_signature = true;
      if (!key_named) continue;  // a signature counts only for the key the TLV before it names
      key_named = false;
      const size_t want = signature_length(key.type());
      if ((want != 0 && t.len != want) || (want == 0 && (t.len == 0 || t.len > max_ecdsa_der(key.type())))) {
        v.reason = tlv_name(t.type) + " signature TLV is " + std::to_string(t.len) + " bytes, not a valid " +
                   std::string(to_string(key.type())) + " signature length";
        return v;
      }
      signature_considered = true;
      valid = verify_image_digest(key, v.digest, value);  // the last considered signature decides
    } else if (is_signature(t.type)) {
      any_signature = true;
    } else if (t.type == tlv::sec_cnt && t.in_protected_area && t.len != 4) {
      v.reason = "security counter TLV is " + std::to_string(t.len) + " bytes, not 4";
      return v;
    }
  }
  if (!found_hash) {
    v.reason = other_hash ? "no signature by this key: the image has no " + std::string(hash_name) +
                                " hash TLV, which " + std::string(to_string(key.type())) + " images carry"
                          : "no hash TLV: the image carries no " + std::string(hash_name) + " of its signed region";
    return v;
  }
  if (valid) {
    v.valid = true;
    return v;
  }
  if (signature_considered)
    v.reason = "signature does not verify: the image names the trusted key but its " + tlv_name(sig_type) +
               " signature is not by that key over this image";
  else if (!any_signature)
    v.reason = "no signature: the image carries only a hash (unsigned)";
  else if (foreign_key_hash)
    v.reason = "key hash mismatch: the image is signed for another key, not the trusted " +
               std::string(to_string(key.type())) + " key";
  else if (foreign_public_key)
    v.reason = "public key mismatch: the image embeds another key, not the trusted " +
               std::string(to_string(key.type())) + " key";
  else
    v.reason = "no signature by this key: no KEYHASH or PUBKEY TLV names the trusted key before a " +
               tlv_name(sig_type) + " signature";
  return v;
}

}  // namespace

std::string tlv_name(uint16_t type) {
  switch (type) {
    case tlv::keyhash: return "KEYHASH";
    case tlv::pubkey: return "PUBKEY";
    case tlv::sha256: return "SHA256";
    case tlv::sha384: return "SHA384";
    case tlv::sha512: return "SHA512";
    case tlv::rsa2048_pss: return "RSA2048_PSS";
    case tlv::ecdsa224: return "ECDSA224";
    case tlv::ecdsa_sig: return "ECDSA_SIG";
    case tlv::rsa3072_pss: return "RSA3072_PSS";
    case tlv::ed25519: return "ED25519";
    case tlv::sig_pure: return "SIG_PURE";
    case 0x40: return "DEPENDENCY";
    case tlv::sec_cnt: return "SEC_CNT";
    case 0x60: return "BOOT_RECORD";
    default: return hex32(type);
  }
}

uint16_t signature_tlv_for(KeyType t) {
  switch (t) {
    case KeyType::ed25519: return tlv::ed25519;
    case KeyType::ecdsa_p256:
    case KeyType::ecdsa_p384: return tlv::ecdsa_sig;
    case KeyType::rsa_2048: return tlv::rsa2048_pss;
    case KeyType::rsa_3072: return tlv::rsa3072_pss;
  }
  return tlv::ed25519;
}

uint16_t hash_tlv_for(HashAlg h) {
  return h == HashAlg::sha256 ? tlv::sha256 : h == HashAlg::sha384 ? tlv::sha384 : tlv::sha512;
}

bool is_approved_signature(uint16_t type) {
  return type == tlv::rsa2048_pss || type == tlv::ecdsa_sig || type == tlv::rsa3072_pss || type == tlv::ed25519;
}

bool is_signature(uint16_t type) { return is_approved_signature(type) || type == tlv::ecdsa224; }

std::string Version::text() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(revision) + "+" +
         std::to_string(build);
}

std::optional<Version> parse_version(std::string_view text) {
  // One decimal field: digits only, no leading zero unless it is "0", within `max`.
  const auto field = [](std::string_view s, uint64_t max) -> std::optional<uint64_t> {
    if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v > max) return std::nullopt;
    return v;
  };
  Version v;
  std::string_view rest = text;
  std::string_view build;
  if (const size_t plus = rest.find('+'); plus != std::string_view::npos) {
    build = rest.substr(plus + 1);
    rest = rest.substr(0, plus);
  }
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dot = rest.find('.', start);
    parts.push_back(rest.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  // imgtool allows +build only after a full major.minor.revision.
  if (parts.size() > 3 || (text.find('+') != std::string_view::npos && parts.size() != 3)) return std::nullopt;
  const uint64_t max[3] = {0xff, 0xff, 0xffff};
  uint64_t values[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto f = field(parts[i], max[i]);
    if (!f) return std::nullopt;
    values[i] = *f;
  }
  if (text.find('+') != std::string_view::npos) {
    const auto b = field(build, 0xffffffffull);
    if (!b) return std::nullopt;
    v.build = static_cast<uint32_t>(*b);
  }
  v.major = static_cast<uint8_t>(values[0]);
  v.minor = static_cast<uint8_t>(values[1]);
  v.revision = static_cast<uint16_t>(values[2]);
  return v;
}

Layout parse_layout(std::string_view image) {
  if (image.size() < header_struct_size)
    throw Defect("truncated: " + std::to_string(image.size()) + " bytes, shorter than the 32-byte image header");
  Layout l;
  Header& h = l.header;
  h.magic = u32_at(image, 0);
  if (h.magic == image_magic_v1) throw Defect("bad magic: obsolete MCUboot v1 image magic 0x96f3b83c");
  if (h.magic != image_magic) throw Defect("bad magic " + hex32(h.magic) + " (an MCUboot image starts with 0x96f3b83d)");
  h.load_addr = u32_at(image, 4);
  h.hdr_size = u16_at(image, 8);
  h.protect_tlv_size = u16_at(image, 10);
  h.img_size = u32_at(image, 12);
  h.flags = u32_at(image, 16);
  h.version.major = static_cast<uint8_t>(image[20]);
  h.version.minor = static_cast<uint8_t>(image[21]);
  h.version.revision = u16_at(image, 22);
  h.version.build = u32_at(image, 24);
  if (h.hdr_size < header_struct_size)
    throw Defect("header size " + std::to_string(h.hdr_size) + " is smaller than the 32-byte image header");

  const size_t size = image.size();
  const uint64_t payload_end = uint64_t{h.hdr_size} + h.img_size;
  if (payload_end > size)
    throw Defect("truncated: header and payload end at " + hex32(payload_end) + ", past the end of the " +
                 std::to_string(size) + "-byte file");
  size_t off = static_cast<size_t>(payload_end);
  if (size - off < tlv_header_size) throw Defect("truncated: no TLV area after the payload at " + hex32(off));
  uint16_t magic = u16_at(image, off);
  if (magic == tlv_protected_info_magic) {
    const uint16_t total = u16_at(image, off + 2);
    if (total != h.protect_tlv_size)
      throw Defect("protected TLV area size " + std::to_string(total) + " differs from the header's protected size " +
                   std::to_string(h.protect_tlv_size));
    if (total < tlv_header_size || total > size - off)
      throw Defect("TLV out of bounds: the protected TLV area (" + std::to_string(total) + " bytes at " + hex32(off) +
                   ") runs past the end of the file");
    read_area(image, off, off + total, true, l.tlvs);
    off += total;
    if (size - off < tlv_header_size) throw Defect("truncated: no TLV area after the protected TLV area at " + hex32(off));
    magic = u16_at(image, off);
  } else if (h.protect_tlv_size != 0) {
    throw Defect("the header declares a " + std::to_string(h.protect_tlv_size) +
                 "-byte protected TLV area, but none starts at " + hex32(off));
  }
  l.hashed_size = static_cast<size_t>(payload_end) + h.protect_tlv_size;
  if (magic != tlv_info_magic)
    throw Defect("bad TLV area magic " + hex32(magic) + " at " + hex32(off) + " (expected 0x6907)");
  const uint16_t total = u16_at(image, off + 2);
  if (total < tlv_header_size || total > size - off)
    throw Defect("TLV out of bounds: the TLV area (" + std::to_string(total) + " bytes at " + hex32(off) +
                 ") runs past the end of the " + std::to_string(size) + "-byte file");
  read_area(image, off, off + total, false, l.tlvs);
  l.tlv_end = off + total;
  return l;
}

Verification verify(std::string_view image, std::span<const Key> trusted) {
  Verification result;
  Layout layout;
  try {
    layout = parse_layout(image);
  } catch (const Defect& d) {
    result.reason = d.what();
    return result;
  }
  if (trusted.empty()) {
    result.reason = "no trusted key given";
    return result;
  }
  for (size_t i = 0; i < trusted.size(); ++i) {
    Verification v = verify_with(image, layout, trusted[i]);
    v.key_index = i;
    if (v.valid) return v;
    // Prefer the reason of a key the image names (signature fails) over "names another key".
    if (i == 0 || result.reason.starts_with("key hash mismatch") || result.reason.starts_with("public key mismatch") ||
        result.reason.starts_with("no signature by"))
      result = std::move(v);
  }
  return result;
}

Summary summarize(std::string_view image, const Layout& layout) {
  Summary s;
  s.layout = layout;
  for (const Tlv& t : layout.tlvs) {
    const std::string_view value = image.substr(t.value_offset, t.len);
    if (const auto h = hash_of_tlv(t.type); h && !t.in_protected_area && !s.hash) {
      s.hash = *h;
      s.digest = digest(*h, image.substr(0, layout.hashed_size));
      s.hash_matches = digests_equal(value, s.digest);
    } else if (is_signature(t.type)) {
      s.signatures.push_back(t.type);
    } else if (t.type == tlv::keyhash) {
      s.key_hashes.emplace_back(value);
    } else if (t.type == tlv::pubkey) {
      s.public_keys.emplace_back(value);
    } else if (t.type == tlv::sec_cnt) {
      if (!t.in_protected_area) s.security_counter_unprotected = true;
      else if (t.len == 4) s.security_counter = u32_at(value, 0);
    }
  }
  // After the TLV area a slot holds erased flash and, at its very end, the trailer.
  size_t end = image.size();
  if (const auto max_align = trailer_max_align(image))
    end -= std::min(end - layout.tlv_end, trailer_size(*max_align, *max_align));
  const std::string_view after = image.substr(layout.tlv_end, end - layout.tlv_end);
  const auto not_erased = [](char fill) { return [fill](char c) { return c != fill; }; };
  if (!after.empty()) {
    // Flash erases to 0xff on most parts and to 0x00 on some: the commoner value is the fill.
    const auto ones = std::count(after.begin(), after.end(), '\xff');
    const char fill = ones * 2 >= static_cast<std::ptrdiff_t>(after.size()) ? '\xff' : '\0';
    const auto first = std::find_if(after.begin(), after.end(), not_erased(fill));
    if (first != after.end()) {
      const auto last = std::find_if(after.rbegin(), after.rend(), not_erased(fill));
      s.uncovered = {layout.tlv_end + static_cast<size_t>(first - after.begin()),
                     layout.tlv_end + after.size() - 1 - static_cast<size_t>(last - after.rbegin())};
    }
  }
  return s;
}

size_t trailer_size(uint32_t align, uint32_t max_align) {
  return max_sectors * 3 * align + 4 * size_t{max_align} + align_up(16, max_align);
}

BuiltImage build(std::string_view payload, const Key& key, const BuildOptions& o, const std::string& name) {
  if (!key.has_private()) throw InputError(name + ": signing needs a private key");
  if (o.header_size < header_struct_size || o.header_size > 0xffff)
    throw InputError(name + ": header size " + std::to_string(o.header_size) + " is not between 32 and 65535");
  if (o.align == 0 || o.align > 32 || (o.align & (o.align - 1)) != 0)
    throw InputError(name + ": alignment " + std::to_string(o.align) + " is not 1, 2, 4, 8, 16 or 32");
  const uint32_t max_align = o.max_align.value_or(std::max(default_max_align, o.align));
  if (max_align != 8 && max_align != 16 && max_align != 32)
    throw InputError(name + ": maximum alignment " + std::to_string(max_align) + " is not 8, 16 or 32");
  // The bootloader writes the trailer in units of its largest write size: a smaller unit breaks swaps.
  if (max_align < o.align)
    throw InputError(name + ": maximum alignment " + std::to_string(max_align) + " is smaller than the alignment " +
                     std::to_string(o.align));
  const HashAlg hash = o.hash.value_or(image_hash_for(key.type()));
  if (hash != image_hash_for(key.type()) && !(key.type() == KeyType::ed25519 && hash == HashAlg::sha512))
    throw InputError(name + ": " + std::string(to_string(key.type())) + " images are hashed with " +
                     std::string(to_string(image_hash_for(key.type()))) +
                     (key.type() == KeyType::ed25519 ? " or sha512" : "") + ", not " + std::string(to_string(hash)));

  BuiltImage out;
  std::string& img = out.image;
  if (o.pad_header) {
    img.assign(o.header_size, static_cast<char>(erased_value));
  } else {
    if (payload.size() < o.header_size)
      throw InputError(name + ": " + std::to_string(payload.size()) + " bytes, shorter than the " +
                       std::to_string(o.header_size) + "-byte header (use --pad-header)");
    if (payload.substr(0, o.header_size).find_first_not_of('\0') != std::string_view::npos)
      throw InputError(name + ": the first " + std::to_string(o.header_size) +
                       " bytes are not zero and the header would overwrite them (use --pad-header)");
  }
  const size_t img_size = payload.size() - (o.pad_header ? 0 : o.header_size);
  // Checked before copying: a payload larger than the slot is refused without building anything.
  if (uint64_t{o.header_size} + img_size + trailer_size(o.align, max_align) > o.slot_size)
    throw InputError(name + ": " + std::to_string(o.header_size + img_size) +
                     " bytes of header and payload do not fit the " + std::to_string(o.slot_size) +
                     "-byte slot with its " + std::to_string(trailer_size(o.align, max_align)) + "-byte trailer");
  img.append(payload);

  std::string protected_area;
  std::optional<uint32_t> counter = o.security_counter;
  if (o.security_counter_auto)
    counter = (uint32_t{o.version.major} << 24) + (uint32_t{o.version.minor} << 16) + o.version.revision;
  if (counter) {
    put_u16(protected_area, tlv_protected_info_magic);
    put_u16(protected_area, 4 + 4 + 4);
    put_u16(protected_area, tlv::sec_cnt);
    put_u16(protected_area, 4);
    put_u32(protected_area, *counter);
  }

  std::string header;
  const uint32_t load_addr = o.load_addr.value_or(0);
  put_u32(header, image_magic);
  put_u32(header, load_addr);
  put_u16(header, static_cast<uint16_t>(o.header_size));
  put_u16(header, static_cast<uint16_t>(protected_area.size()));
  put_u32(header, static_cast<uint32_t>(img_size));
  put_u32(header, load_addr != 0 ? flag::ram_load : 0);
  header += static_cast<char>(o.version.major);
  header += static_cast<char>(o.version.minor);
  put_u16(header, o.version.revision);
  put_u32(header, o.version.build);
  put_u32(header, 0);
  img.replace(0, header.size(), header);
  img += protected_area;

  const std::string image_digest = digest(hash, img);
  const std::string key_bytes = key.mcuboot_key_bytes();
  const std::string key_id = o.full_public_key ? key_bytes : digest(hash, key_bytes);
  const std::string signature = sign_image_digest(key, image_digest);

  std::string tlvs;
  const auto add = [&tlvs](uint16_t type, std::string_view value) {
    put_u16(tlvs, type);
    put_u16(tlvs, static_cast<uint16_t>(value.size()));
    tlvs += value;
  };
  add(hash_tlv_for(hash), image_digest);
  add(o.full_public_key ? tlv::pubkey : tlv::keyhash, key_id);
  add(signature_tlv_for(key.type()), signature);
  put_u16(img, tlv_info_magic);
  put_u16(img, static_cast<uint16_t>(tlvs.size() + tlv_header_size));
  img += tlvs;

  const size_t trailer = trailer_size(o.align, max_align);
  if (img.size() + trailer > o.slot_size)
    throw InputError(name + ": the signed image (" + std::to_string(img.size()) + " bytes with its TLVs) and its " +
                     std::to_string(trailer) + "-byte trailer do not fit the " + std::to_string(o.slot_size) +
                     "-byte slot");
  if (o.pad || o.confirm) {
    const std::string magic = boot_magic(max_align);
    if (o.confirm) {
      // image_ok sits one max_align unit below the (aligned) magic; imgtool writes a whole unit.
      std::string image_ok(max_align, static_cast<char>(erased_value));
      image_ok[0] = 0x01;
      out.trailer.push_back({o.slot_size - align_up(magic.size(), max_align) - max_align, std::move(image_ok)});
    }
    out.trailer.push_back({o.slot_size - magic.size(), magic});
  }
  return out;
}

std::string padded_slot(const BuiltImage& built, uint32_t slot_size) {
  std::string slot = built.image;
  if (built.trailer.empty()) return slot;
  slot.resize(slot_size, static_cast<char>(erased_value));
  for (const auto& w : built.trailer) slot.replace(w.offset, w.bytes.size(), w.bytes);
  return slot;
}

}  // namespace mdbc::sign::mcuboot
