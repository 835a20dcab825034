#include "inspect/binary/embedded_keys.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <span>

#include "core/avx2_version.h"
#include "core/digest.h"
#include "core/embedded.h"
#include "inspect/binary/byte_reader.h"
#include "inspect/binary/pattern_search.h"

namespace mdbc::binary {
namespace {

struct PkeyFree { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

// Parsing hostile candidates fails often; OpenSSL's per-thread error queue must not grow with it.
struct ClearErrors {
  ~ClearErrors() { ERR_clear_error(); }
};

// Encrypted PEM must never prompt for a passphrase on the terminal.
int no_passphrase(char*, int, int, void*) { return 0; }

const unsigned char* ubytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string spki_sha256(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(key, &der);
  if (n <= 0) return {};
  std::string digest = sha256_hex(std::string_view(reinterpret_cast<const char*>(der), static_cast<size_t>(n)));
  OPENSSL_free(der);
  return digest;
}

std::string describe(EVP_PKEY* key) {
  const char* type = EVP_PKEY_get0_type_name(key);
  std::string name = type != nullptr ? type : "unknown";
  if (name == "RSA" || name == "RSA-PSS" || name == "DSA" || name == "DH") return name + "-" + std::to_string(EVP_PKEY_get_bits(key));
  if (name == "EC") {
    char group[64] = {0};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) == 1)
      return "EC " + std::string(group, len);
  }
  return name;
}

EmbeddedKey make_key(uint64_t offset, bool is_private, std::string form, EVP_PKEY* key) {
  EmbeddedKey k;
  k.offset = offset;
  k.is_private = is_private;
  k.form = std::move(form);
  if (key != nullptr) {
    k.algorithm = describe(key);
    k.spki_sha256 = spki_sha256(key);
  }
  return k;
}

std::string base64_decode(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  EVP_ENCODE_CTX* ctx = EVP_ENCODE_CTX_new();
  if (ctx == nullptr) return {};
  EVP_DecodeInit(ctx);
  int len = 0, total = 0;
  bool ok = EVP_DecodeUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len, ubytes(text),
                             static_cast<int>(text.size())) >= 0;
  total = len;
  if (ok) {
    ok = EVP_DecodeFinal(ctx, reinterpret_cast<unsigned char*>(out.data()) + total, &len) == 1;
    total += len;
  }
  EVP_ENCODE_CTX_free(ctx);
  if (!ok) return {};
  out.resize(static_cast<size_t>(total));
  return out;
}

Pkey key_from_params(const char* type, OSSL_PARAM_BLD* bld) {
  Pkey key;
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* raw = nullptr;
  if (params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
      EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1)
    key.reset(raw);
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  return key;
}

// The public half of an OpenSSH private key file ("openssh-key-v1"), whose public key blob is
// stored unencrypted; nullptr for key types not rebuilt here (the key is still reported).
// Throws ByteRangeError when the structure is malformed.
Pkey openssh_public_key(std::string_view blob) {
  ByteReader r(blob, true, "OpenSSH key");
  if (r.bytes(15) != std::string_view("openssh-key-v1\0", 15)) throw ByteRangeError("OpenSSH key: bad magic");
  auto str = [](ByteReader& in) { return in.bytes(in.u32()); };
  str(r), str(r), str(r);  // cipher, KDF, KDF options
  if (r.u32() == 0) throw ByteRangeError("OpenSSH key: no keys");
  const std::string_view pub = str(r);
  ByteReader k(pub, true, "OpenSSH public key");
  const std::string_view type = str(k);
  if (type == "ssh-ed25519") {
    const std::string_view point = str(k);
    return Pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, ubytes(point), point.size()));
  }
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!bld) return nullptr;
  if (type == "ssh-rsa") {
    const std::string_view e = str(k), n = str(k);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_e(BN_bin2bn(ubytes(e), static_cast<int>(e.size()), nullptr), BN_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_n(BN_bin2bn(ubytes(n), static_cast<int>(n.size()), nullptr), BN_free);
    if (!bn_e || !bn_n || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1)
      return nullptr;
    return key_from_params("RSA", bld.get());
  }
  static const std::map<std::string_view, const char*> curves{
      {"nistp256", "P-256"}, {"nistp384", "P-384"}, {"nistp521", "P-521"}};
  if (type.starts_with("ecdsa-sha2-")) {
    const auto curve = curves.find(str(k));
    const std::string_view point = str(k);
    if (curve == curves.end() ||
        OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve->second, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
      return nullptr;
    return key_from_params("EC", bld.get());
  }
  return nullptr;
}

// One PEM block: its label and where its base64 body is.
// Whether the lines between the BEGIN and END lines are base64 (after optional "Name: value"
// header lines of legacy encrypted PEM).
bool base64_body(std::string_view block) {
  const size_t first = block.find('\n');
  const size_t last = block.rfind("-----END");
  if (first == std::string_view::npos || last == std::string_view::npos || last <= first) return false;
  bool headers = true;
  size_t chars = 0;
  for (size_t i = first + 1; i < last;) {
    size_t nl = block.find('\n', i);
    if (nl == std::string_view::npos || nl > last) nl = last;
    const std::string_view line = block.substr(i, nl - i);
    i = nl + 1;
    if (headers && line.find(':') != std::string_view::npos) continue;
    headers = false;
    for (char c : line) {
      const bool b64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                       c == '/' || c == '=';
      if (b64) ++chars;
      else if (c != '\r' && c != ' ' && c != '\t') return false;
    }
  }
  return chars >= 16;
}

void pem_block(std::string_view bytes, size_t begin, size_t end, std::string_view label, std::vector<EmbeddedKey>& out) {
  const ClearErrors clear;
  const std::string_view block = bytes.substr(begin, end - begin);
  if (!base64_body(block)) return;
  const Bio bio(BIO_new_mem_buf(block.data(), static_cast<int>(block.size())));
  if (!bio) return;
  const std::string form = "PEM " + std::string(label);
  if (label == "OPENSSH PRIVATE KEY") {
    const size_t body_start = block.find('\n');
    const size_t body_end = block.rfind("-----END");
    if (body_start == std::string_view::npos || body_end <= body_start) return;
    const std::string blob = base64_decode(block.substr(body_start + 1, body_end - body_start - 1));
    try {
      const Pkey key = openssh_public_key(blob);
      out.push_back(make_key(begin, true, form, key.get()));
    } catch (const ByteRangeError&) {
      // Not an OpenSSH key after all: nothing is reported.
    }
  } else if (label == "ENCRYPTED PRIVATE KEY") {
    if (X509_SIG* sig = PEM_read_bio_PKCS8(bio.get(), nullptr, no_passphrase, nullptr)) {
      X509_SIG_free(sig);
      out.push_back(make_key(begin, true, form + " (encrypted)", nullptr));
    }
  } else if (label.ends_with("PRIVATE KEY")) {
    if (Pkey key{PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr)}) {
      out.push_back(make_key(begin, true, form, key.get()));
    } else if (block.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos &&
               block.find("DEK-Info:") != std::string_view::npos) {
      out.push_back(make_key(begin, true, form + " (encrypted)", nullptr));
    }
  } else if (label == "PUBLIC KEY") {
    if (Pkey key{PEM_read_bio_PUBKEY(bio.get(), nullptr, no_passphrase, nullptr)}) out.push_back(make_key(begin, false, form, key.get()));
  } else if (label == "CERTIFICATE") {
    if (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, no_passphrase, nullptr)) {
      out.push_back(make_key(begin, false, form, X509_get0_pubkey(cert)));
      X509_free(cert);
    }
  }
}

constexpr std::string_view pem_begin_marker = "-----BEGIN ";

// PEM blocks starting at the given occurrences of pem_begin_marker.
void find_pem(std::string_view bytes, const std::vector<size_t>& markers, std::vector<EmbeddedKey>& out) {
  size_t pos = 0;
  for (const size_t begin : markers) {
    if (begin < pos) continue;  // inside the block found last
    pos = begin + pem_begin_marker.size();
    const size_t label_end = bytes.find("-----", pos);
    if (label_end == std::string_view::npos || label_end - pos > 64) continue;
    const std::string_view label = bytes.substr(pos, label_end - pos);
    if (!std::all_of(label.begin(), label.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '; }))
      continue;
    // The block ends at the first five dashes after its header line, which must start the END line
    // of the same label. Searching for that END line itself would rescan up to the limit for every
    // BEGIN line that has none (a megabyte of "-----BEGIN A-----" took minutes).
    const std::string end_marker = "-----END " + std::string(label) + "-----";
    const size_t limit = std::min(bytes.size(), label_end + (1u << 20));
    const size_t end = bytes.substr(0, limit).find("-----", label_end + 5);
    if (end == std::string_view::npos || bytes.substr(end, end_marker.size()) != end_marker) continue;
    pem_block(bytes, begin, end + end_marker.size(), label, out);
    pos = end + end_marker.size();
  }
}

// The DER SEQUENCE that ends its header right before `content`: its start and total length.
bool der_sequence_before(std::string_view bytes, size_t content, size_t& start, size_t& total) {
  const unsigned char* p = ubytes(bytes);
  for (size_t header = 2; header <= 4; ++header) {
    if (content < header) break;
    const size_t s = content - header;
    if (p[s] != 0x30) continue;
    size_t len = 0;
    if (header == 2 && p[s + 1] < 0x80) len = p[s + 1];
    else if (header == 3 && p[s + 1] == 0x81 && p[s + 2] >= 0x80) len = p[s + 2];
    else if (header == 4 && p[s + 1] == 0x82 && ((p[s + 2] << 8) | p[s + 3]) >= 0x100) len = static_cast<size_t>((p[s + 2] << 8) | p[s + 3]);
    else continue;
    if (len > bytes.size() - content) continue;
    start = s;
    total = header + len;
    return true;
  }
  return false;
}

// One DER element: its tag and contents.
struct Tlv {
  unsigned char tag;
  std::string_view contents;
};

// The elements that make up `contents` exactly (definite lengths of up to four bytes), or false.
bool der_children(std::string_view contents, std::vector<Tlv>& out) {
  const unsigned char* p = ubytes(contents);
  size_t i = 0;
  while (i < contents.size()) {
    if (contents.size() - i < 2) return false;
    const unsigned char tag = p[i];
    size_t len = p[i + 1];
    i += 2;
    if (len & 0x80) {
      const size_t bytes = len & 0x7F;
      if (bytes == 0 || bytes > 4 || contents.size() - i < bytes) return false;
      len = 0;
      for (size_t k = 0; k < bytes; ++k) len = (len << 8) | p[i + k];
      i += bytes;
    }
    if (len > contents.size() - i) return false;
    out.push_back({tag, contents.substr(i, len)});
    i += len;
  }
  return true;
}

// Whether a SEQUENCE's contents have the shape of a private key: PKCS#1 (RSA: version then eight
// INTEGERs; DSA: six INTEGERs), PKCS#8 (version, AlgorithmIdentifier, OCTET STRING, optional
// attributes and public key) or SEC1 (version 1, OCTET STRING, optional parameters and public key).
// Cheap, so that OpenSSL only parses what can be a key.
bool private_key_shape(std::string_view contents) {
  std::vector<Tlv> c;
  if (!der_children(contents, c) || c.size() < 3 || c[0].tag != 0x02 || c[0].contents.size() != 1) return false;
  const bool all_integers = std::all_of(c.begin(), c.end(), [](const Tlv& t) { return t.tag == 0x02; });
  if (all_integers) return c.size() == 9 || c.size() == 6 || c.size() >= 10;
  if (c[1].tag == 0x30 && c[2].tag == 0x04 && c.size() <= 5) {
    std::vector<Tlv> algorithm;
    return der_children(c[1].contents, algorithm) && !algorithm.empty() && algorithm[0].tag == 0x06;
  }
  return c[0].contents[0] == 1 && c[1].tag == 0x04 && c.size() <= 4 &&
         std::all_of(c.begin() + 2, c.end(), [](const Tlv& t) { return t.tag == 0xA0 || t.tag == 0xA1; });
}

// Whether a SEQUENCE's contents have the shape of a SubjectPublicKeyInfo: an AlgorithmIdentifier
// (an OID and optional parameters) and a BIT STRING.
bool public_key_shape(std::string_view contents) {
  std::vector<Tlv> c, algorithm;
  return der_children(contents, c) && c.size() == 2 && c[0].tag == 0x30 && c[1].tag == 0x03 &&
         der_children(c[0].contents, algorithm) && !algorithm.empty() && algorithm.size() <= 2 && algorithm[0].tag == 0x06;
}

// Whether an offset lies in one of the byte ranges of keys already found.
bool inside(const std::vector<std::pair<size_t, size_t>>& covered, size_t offset) {
  return std::any_of(covered.begin(), covered.end(), [&](const auto& range) { return offset >= range.first && offset < range.second; });
}

// The versions a DER private key starts with: INTEGER 0 (PKCS#1, PKCS#8) and INTEGER 1 (SEC1,
// PKCS#8 v2).
constexpr std::string_view der_versions[] = {std::string_view("\x02\x01\x00", 3), std::string_view("\x02\x01\x01", 3)};

// DER private keys at the given occurrences of each of der_versions: a SEQUENCE starting with the
// version, followed by what each form has next: INTEGER (RSA modulus), SEQUENCE (algorithm),
// OCTET STRING (EC private key).
void find_der_private(std::string_view bytes, std::span<const std::vector<size_t>> versions, std::vector<EmbeddedKey>& out,
                      std::vector<std::pair<size_t, size_t>>& covered) {
  const unsigned char* p = ubytes(bytes);
  for (const auto& occurrences : versions)
    for (const size_t at : occurrences) {
      if (at + 4 > bytes.size()) continue;
      const unsigned char next = p[at + 3];
      if (next != 0x02 && next != 0x30 && next != 0x04) continue;
      size_t start = 0, total = 0;
      if (!der_sequence_before(bytes, at, start, total) || total > 64 * 1024) continue;
      if (inside(covered, start)) continue;
      if (!private_key_shape(bytes.substr(at, start + total - at))) continue;
      const ClearErrors clear;
      const unsigned char* cursor = p + start;
      Pkey key(d2i_AutoPrivateKey(nullptr, &cursor, static_cast<long>(total)));
      if (!key || cursor != p + start + total) continue;
      const char* form = next == 0x02 ? "DER PKCS#1" : next == 0x30 ? "DER PKCS#8" : "DER SEC1";
      out.push_back(make_key(start, true, form, key.get()));
      covered.emplace_back(start, start + total);
    }
}

// The algorithm identifiers of the public keys looked for.
constexpr std::string_view algorithm_oids[] = {
    std::string_view("\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01", 10),  // rsaEncryption, RSASSA-PSS
    std::string_view("\x06\x07\x2a\x86\x48\xce\x3d\x02\x01", 9),       // id-ecPublicKey
    std::string_view("\x06\x03\x2b\x65", 4),                           // X25519, X448, Ed25519, Ed448
};

// DER public keys (SubjectPublicKeyInfo, alone or inside a certificate) at the given occurrences
// of each of algorithm_oids.
void find_der_public(std::string_view bytes, std::span<const std::vector<size_t>> oids, std::vector<EmbeddedKey>& out,
                     const std::vector<std::pair<size_t, size_t>>& covered) {
  const unsigned char* p = ubytes(bytes);
  for (const auto& occurrences : oids)
    for (const size_t at : occurrences) {
      if (at < 2 || p[at - 2] != 0x30 || p[at - 1] >= 0x80) continue;  // the AlgorithmIdentifier SEQUENCE
      size_t start = 0, total = 0;
      if (!der_sequence_before(bytes, at - 2, start, total) || total > 64 * 1024) continue;
      if (inside(covered, start)) continue;
      if (!public_key_shape(bytes.substr(at - 2, start + total - (at - 2)))) continue;
      const ClearErrors clear;
      const unsigned char* cursor = p + start;
      Pkey key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(total)));
      if (!key || cursor != p + start + total) continue;
      out.push_back(make_key(start, false, "DER SubjectPublicKeyInfo", key.get()));
    }
}

bool itoa64(char c) {
  return c == '.' || c == '/' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Length of the run of crypt(3) base-64 characters at s[i].
size_t run(std::string_view s, size_t i, size_t max = SIZE_MAX) {
  size_t n = 0;
  while (i + n < s.size() && n < max && itoa64(s[i + n])) ++n;
  return n;
}

// The crypt(3) hash at s[0] ('$'), or 0 when there is none: its length and scheme.
size_t crypt_hash(std::string_view s, std::string& scheme) {
  auto ends_hash = [&](size_t at, size_t len) {
    // The hash has exactly its length: the next character is not another base-64 character.
    return run(s, at) == len ? at + len : 0;
  };
  auto salted = [&](size_t prefix, size_t max_salt, size_t hash_len, bool rounds) -> size_t {
    size_t i = prefix;
    if (rounds && s.substr(i).starts_with("rounds=")) {
      i += 7;
      size_t digits = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 10) ++i, ++digits;
      if (digits == 0 || i >= s.size() || s[i] != '$') return 0;
      ++i;
    }
    const size_t salt = run(s, i, max_salt + 1);
    if (salt == 0 || salt > max_salt || i + salt >= s.size() || s[i + salt] != '$') return 0;
    return ends_hash(i + salt + 1, hash_len);
  };
  if (s.starts_with("$1$")) {
    scheme = "MD5-crypt";
    return salted(3, 8, 22, false);
  }
  if (s.starts_with("$5$")) {
    scheme = "SHA-256-crypt";
    return salted(3, 16, 43, true);
  }
  if (s.starts_with("$6$")) {
    scheme = "SHA-512-crypt";
    return salted(3, 16, 86, true);
  }
  if (s.size() >= 7 && s[1] == '2' && (s[2] == 'a' || s[2] == 'b' || s[2] == 'y' || s[2] == 'x') && s[3] == '$' &&
      s[4] >= '0' && s[4] <= '3' && s[5] >= '0' && s[5] <= '9' && s[6] == '$') {
    scheme = "bcrypt";
    return ends_hash(7, 53);
  }
  for (const auto& [prefix, name] : {std::pair<std::string_view, const char*>{"$y$", "yescrypt"}, {"$gy$", "gost-yescrypt"}, {"$7$", "scrypt"}}) {
    if (!s.starts_with(prefix)) continue;
    scheme = name;
    size_t i = prefix.size();
    if (prefix != "$7$") {
      const size_t params = run(s, i);
      if (params == 0 || i + params >= s.size() || s[i + params] != '$') return 0;
      i += params + 1;
    }
    const size_t salt = run(s, i);
    if (salt == 0 || i + salt >= s.size() || s[i + salt] != '$') return 0;
    return ends_hash(i + salt + 1, 43);
  }
  return 0;
}

}  // namespace

std::vector<EmbeddedKey> find_embedded_keys(std::string_view bytes) {
  // Every marker in one pass: the PEM header, the DER private-key versions, the algorithm OIDs.
  std::vector<std::string_view> markers{pem_begin_marker};
  markers.insert(markers.end(), std::begin(der_versions), std::end(der_versions));
  markers.insert(markers.end(), std::begin(algorithm_oids), std::end(algorithm_oids));
  const std::vector<std::vector<size_t>> found = find_each(bytes, markers);
  const std::span<const std::vector<size_t>> occurrences(found);

  std::vector<EmbeddedKey> keys;
  find_pem(bytes, occurrences[0], keys);
  std::vector<std::pair<size_t, size_t>> covered;
  find_der_private(bytes, occurrences.subspan(1, std::size(der_versions)), keys, covered);
  find_der_public(bytes, occurrences.subspan(1 + std::size(der_versions)), keys, covered);
  std::sort(keys.begin(), keys.end(), [](const EmbeddedKey& a, const EmbeddedKey& b) { return a.offset < b.offset; });
  return keys;
}

MDBC_WITH_AVX2_VERSION std::vector<PasswordHash> find_password_hashes(std::string_view bytes) {
  std::vector<PasswordHash> hashes;
  size_t next = 0;  // the first offset not inside a hash found
  auto look_at = [&](size_t i) {
    // A hash starts a string: what comes before it is not part of a word.
    if (i < next || (i > 0 && (itoa64(bytes[i - 1]) || bytes[i - 1] == '$'))) return;
    std::string scheme;
    const size_t len = crypt_hash(bytes.substr(i, 256), scheme);
    if (len == 0) return;
    hashes.push_back({i, scheme, std::string(bytes.substr(i, len))});
    next = i + len;
  };
  // Every crypt(3) prefix has a second '$' two or three bytes after the first ("$6$", "$2b$",
  // "$gy$"): only where one has are the bytes looked at, thirty-two positions at a time (see
  // MDBC_WITH_AVX2_VERSION). Machine code is full of lone '$' (0x24, the SIB byte of every
  // %rsp-based operand).
  using Block = uint8_t __attribute__((vector_size(32)));
  auto load = [&](Block& b, size_t at) { std::memcpy(&b, bytes.data() + at, sizeof b); };
  const Block dollar = Block{} + static_cast<uint8_t>('$');
  size_t i = 0;
  for (; i + sizeof(Block) + 3 <= bytes.size(); i += sizeof(Block)) {
    Block here, two_on, three_on;
    load(here, i);
    load(two_on, i + 2);
    load(three_on, i + 3);
    const Block hit = reinterpret_cast<Block>((here == dollar) & ((two_on == dollar) | (three_on == dollar)));
    uint64_t words[sizeof hit / 8];
    std::memcpy(words, &hit, sizeof hit);
    uint64_t all = 0;
    for (const uint64_t w : words) all |= w;
    if (all == 0) [[likely]]
      continue;
    for (size_t k = 0; k < sizeof(Block); ++k)
      if (hit[k] != 0) look_at(i + k);
  }
  for (i = bytes.find('$', i); i != std::string_view::npos; i = bytes.find('$', i + 1)) look_at(i);
  return hashes;
}

SampleKeys::SampleKeys(std::string_view tsv) {
  std::vector<std::string_view> header;
  auto column = [&](std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? SIZE_MAX : static_cast<size_t>(it - header.begin());
  };
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    std::vector<std::string_view> cells;
    for (size_t b = 0;;) {
      const size_t tab = line.find('\t', b);
      cells.push_back(line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b));
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    if (header.empty()) {
      header = std::move(cells);
      continue;
    }
    const size_t hash = column("spki_sha256");
    if (hash >= cells.size() || cells[hash].size() != 64) continue;  // "-": a symmetric key, no public key
    auto cell = [&](std::string_view name) {
      const size_t c = column(name);
      return c < cells.size() ? std::string(cells[c]) : std::string();
    };
    keys_.try_emplace(std::string(cells[hash]),
                      cell("source_repo") + ":" + cell("path") + " (" + cell("key_type") + ", " + cell("role") + ")");
  }
}

const SampleKeys& SampleKeys::published() {
  static const SampleKeys keys(embedded::find("data/known-sample-keys.tsv").value_or(std::string_view()));
  return keys;
}

std::string SampleKeys::find(std::string_view spki_sha256) const {
  const auto it = keys_.find(spki_sha256);
  return it == keys_.end() ? std::string() : it->second;
}

}  // namespace mdbc::binary
