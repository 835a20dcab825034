// CRYPTO-4 (and FW-2) on any file of a source tree: private keys in PEM (PKCS#1, SEC 1, PKCS#8,
// encrypted PKCS#8, OpenSSH), in DER key files, in PKCS#12 bundles and as DER byte arrays in C
// source (the way bootloaders embed keys); and keys — private or public, PEM, DER or C array —
// that are published sample or test keys (data/known-sample-keys.tsv, compared by the SHA-256 of
// the SubjectPublicKeyInfo computed with OpenSSL). A sample key used for image signing is also
// FW-2's: a device that trusts it accepts firmware signed by anyone.
#include <string.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include "inspect/source/call_site.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/source_values.h"
#include "sign/sample_keys.h"

namespace mdbc::source {
namespace {

constexpr std::string_view private_key_rule = "CRYPTO-4/private-key";
constexpr std::string_view sample_key_rule = "CRYPTO-4/sample-key";
constexpr std::string_view fw_sample_key_rule = "FW-2/sample-key";
constexpr size_t max_der = 64 * 1024;  // larger blobs are not keys

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct Pkcs12Free {
  void operator()(PKCS12* p) const { PKCS12_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// The bytes of a PEM body, which may be written inside C string literals ("MIIB…\n" "…"): quotes,
// escapes and white space are skipped. nullopt when it is not base64.
std::optional<std::string> pem_body(std::string_view body) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\\') {  // an escape such as \n inside a C string
      ++i;
      continue;
    }
    if (c == '"' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '=') continue;
    const int v = base64_value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
    if (out.size() > max_der) return std::nullopt;
  }
  return out;
}

Pkey private_key_from_der(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return Pkey(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())));
}

Pkey public_key_from_der(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  if (EVP_PKEY* k = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()))) return Pkey(k);
  p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<X509, X509Free> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) return nullptr;
  EVP_PKEY* k = X509_get_pubkey(cert.get());
  return Pkey(k);
}

// SHA-256 of the key's SubjectPublicKeyInfo, raw.
std::string spki_sha256(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(key, &der);
  if (len <= 0) return {};
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  const bool ok = EVP_Digest(der, static_cast<size_t>(len), md, &md_len, EVP_sha256(), nullptr) == 1;
  OPENSSL_free(der);
  if (!ok) return {};
  return std::string(reinterpret_cast<const char*>(md), md_len);
}

std::string describe(EVP_PKEY* key) {
  const char* type = EVP_PKEY_get0_type_name(key);
  std::string out = type != nullptr ? type : "unknown type";
  const int bits = EVP_PKEY_get_bits(key);
  if (bits > 0) out += ", " + std::to_string(bits) + " bits";
  return out;
}

uint32_t line_at(std::string_view bytes, size_t offset) {
  return 1 + static_cast<uint32_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out)
      : file_(file), bytes_(file.input.bytes), out_(out), crypto4_(element_severity(file.ctx, "CRYPTO-4")),
        fw2_(element_severity(file.ctx, "FW-2")) {}

  void run() {
    pem_blocks();
    if (file_.language == Language::key_material && !bytes_.starts_with("-----") && pem_found_ == 0) der_file();
    if (!file_.tokens.empty()) c_arrays();
  }

 private:
  void add(uint32_t line, std::string_view rule, std::string message, Severity s) {
    if (!reported_.insert({line, std::string(rule)}).second) return;
    out_.push_back(file_.at_line(line, 0, std::string(rule), std::move(message), s));
  }

  void private_key(uint32_t line, std::string_view form, EVP_PKEY* key) {
    std::string what = std::string(form);
    if (key) what += " (" + describe(key) + ")";
    add(line, private_key_rule,
        "a private key is in the tree: " + what +
            "; anyone with the source has it. Remove it (and from version-control history), revoke it, and "
            "provision private keys at manufacture or in a secure element",
        crypto4_);
  }

  void sample(uint32_t line, EVP_PKEY* key, bool is_private) {
    if (!key) return;
    const std::string digest = spki_sha256(key);
    if (digest.empty()) return;
    const sign::SampleKey* s = sign::find_sample_key(digest);
    if (!s) return;
    const std::string which = s->name() + " (" + s->role + ")";
    add(line, sample_key_rule,
        std::string(is_private ? "this private key" : "this public key") + " is the published sample key " + which +
            ": its private half is public, so it protects nothing; generate your own key pair",
        crypto4_);
    if (s->role.find("signing") != std::string::npos)
      add(line, fw_sample_key_rule,
          "the published sample signing key " + which +
              " is in the tree: firmware signed with it, or a bootloader trusting it, accepts images signed by "
              "anyone; generate your own signing key and rebuild the bootloader with its public half",
          fw2_);
  }

  void pem_blocks() {
    size_t pos = 0;
    while ((pos = find_begin(pos)) != std::string_view::npos) {
      const size_t label_begin = pos + 11;
      const size_t label_end = bytes_.find("-----", label_begin);
      if (label_end == std::string_view::npos || label_end - label_begin > 40) {
        pos = label_begin;
        continue;
      }
      const std::string label(bytes_.substr(label_begin, label_end - label_begin));
      const std::string footer = "-----END " + label + "-----";
      const size_t body_begin = label_end + 5;
      const size_t end = bytes_.find(footer, body_begin);
      const uint32_t line = line_at(bytes_, pos);
      pos = body_begin;
      const bool is_private = label.ends_with("PRIVATE KEY");
      const bool is_public = label == "PUBLIC KEY" || label == "CERTIFICATE" || label == "RSA PUBLIC KEY";
      if (!is_private && !is_public) continue;
      ++pem_found_;
      std::optional<std::string> der;
      if (end != std::string_view::npos && end - body_begin <= 4 * max_der) {
        const std::string_view body = bytes_.substr(body_begin, end - body_begin);
        if (body.find("Proc-Type") == std::string_view::npos) der = pem_body(body);
      }
      if (is_private) {
        Pkey key;
        if (der && label != "OPENSSH PRIVATE KEY" && label != "ENCRYPTED PRIVATE KEY") key = private_key_from_der(*der);
        private_key(line, "PEM \"" + label + "\"", key.get());
        sample(line, key.get(), true);
      } else if (der) {
        Pkey key = public_key_from_der(*der);
        sample(line, key.get(), false);
      }
    }
  }

  void der_file() {
    if (bytes_.size() < 32 || bytes_.size() > max_der || static_cast<unsigned char>(bytes_[0]) != 0x30) return;
    if (Pkey key = private_key_from_der(bytes_)) {
      private_key(1, "DER private key file", key.get());
      sample(1, key.get(), true);
      return;
    }
    if (Pkey key = public_key_from_der(bytes_)) {
      sample(1, key.get(), false);
      return;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data());
    std::unique_ptr<PKCS12, Pkcs12Free> p12(d2i_PKCS12(nullptr, &p, static_cast<long>(bytes_.size())));
    if (p12) private_key(1, "PKCS#12 bundle (holds a private key, protected only by its password)", nullptr);
  }

  // DER keys written as C byte arrays: { 0x30, 0x82, … }.
  void c_arrays() {
    const auto toks = file_.tokens;
    size_t from = 0;  // the first token a '{' may still be
    for (size_t i = next_array_brace(0); i < toks.size(); i = next_array_brace(from)) {
      from = i + 1;
      if (file_.syntax.dead(i)) continue;
      const size_t close = file_.syntax.match(i);
      if (close >= toks.size() || close - i < 64 * 2) continue;
      std::string der;
      bool bytes_only = true;
      for (size_t k = i + 1; k < close && bytes_only; ++k) {
        const Token& t = toks[k];
        if (t.is(",")) continue;
        int64_t v = 0;
        if (t.kind != TokenKind::number || !parse_byte(t.text, v)) bytes_only = false;
        else der += static_cast<char>(v);
        if (der.size() > max_der) bytes_only = false;
      }
      if (!bytes_only || der.size() < 64 || static_cast<unsigned char>(der[0]) != 0x30) continue;
      const uint32_t line = toks[i].line;
      if (Pkey key = private_key_from_der(der)) {
        private_key(line, "DER private key in a C array", key.get());
        sample(line, key.get(), true);
      } else if (Pkey pub = public_key_from_der(der)) {
        sample(line, pub.get(), false);
      }
      from = close + 1;
    }
  }

  // The index of the next '{' token from token `from` whose first element may be a number: the
  // bytes after it, past blanks, start a number, a ',' (skipped), a comment or a line splice. Found
  // in the text: most braces of a file open a block or a struct, and most tokens are none.
  size_t next_array_brace(size_t from) const {
    const auto toks = file_.tokens;
    if (from >= toks.size()) return toks.size();
    const char* const end = bytes_.data() + bytes_.size();
    for (const char* p = toks[from].text.data(); p < end; ++p) {
      p = static_cast<const char*>(memchr(p, '{', static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      const char* q = p + 1;
      while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f' || *q == '\v')) ++q;
      if (q == end || !((*q >= '0' && *q <= '9') || *q == ',' || *q == '/' || *q == '\\')) continue;
      // The token there, if the brace is one (not in a comment or a literal).
      const auto at = std::lower_bound(toks.begin() + static_cast<std::ptrdiff_t>(from), toks.end(), p,
                                       [](const Token& t, const char* byte) { return t.text.data() < byte; });
      if (at != toks.end() && at->text.data() == p && at->is("{")) return static_cast<size_t>(at - toks.begin());
    }
    return toks.size();
  }

  // The next "-----BEGIN " from pos. glibc's memmem skips through the text by pairs of bytes, where
  // string_view::find stops at every '-' of the code (->, --, -1).
  size_t find_begin(size_t pos) const {
    static constexpr std::string_view marker = "-----BEGIN ";
    if (pos >= bytes_.size()) return std::string_view::npos;
    const void* at = memmem(bytes_.data() + pos, bytes_.size() - pos, marker.data(), marker.size());
    return at == nullptr ? std::string_view::npos : static_cast<size_t>(static_cast<const char*>(at) - bytes_.data());
  }

  static bool parse_byte(std::string_view text, int64_t& v) { return parse_integer(text, v) && v >= 0 && v <= 255; }

  const SourceFile& file_;
  std::string_view bytes_;
  std::vector<Finding>& out_;
  const Severity crypto4_, fw2_;
  std::set<std::pair<uint32_t, std::string>> reported_;
  size_t pem_found_ = 0;
};

class PrivateKeyFiles final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"private-key-files", InputKind::source, {private_key_rule, sample_key_rule, fw_sample_key_rule}};
  }
  bool wants(Language language) const override { return language != Language::none; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    if (file.ctx.profile.test_vectors_allowed && is_test_path(file.input.path)) return;
    Check(file, out).run();
  }
};

}  // namespace

MDBC_SOURCE_RULE(PrivateKeyFiles)

}  // namespace mdbc::source
