// mdbc keygen, getpub, sign and verify: argument parsing; the work is in src/sign.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "cli/args.h"
#include "cli/output.h"
#include "core/error.h"
#include "core/file_io.h"
#include "inspect/image/intel_hex.h"
#include "sign/key.h"
#include "sign/mcuboot_image.h"
#include "sign/sample_keys.h"
#include "sign/signature.h"

namespace mdbc::cli {
namespace {

namespace mcuboot = sign::mcuboot;

// Images and update files are read whole; anything larger is not firmware for a microcontroller.
constexpr uint64_t max_input_size = 256ull << 20;

bool exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool has_hex_extension(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == "hex" || ext == "ihex";
}

uint32_t u32_option(const ParsedArgs& args, std::string_view name, uint64_t fallback) {
  const uint64_t v = args.number(name, fallback);
  if (v > 0xffffffffull) throw UsageError("--" + std::string(name) + " must fit in 32 bits");
  return static_cast<uint32_t>(v);
}

std::string require(const ParsedArgs& args, std::string_view name) {
  if (!args.has(name)) throw UsageError("--" + std::string(name) + " is required");
  return args.value(name);
}

// Says so on standard error when a key is a published sample key: anyone can sign with it.
void warn_if_sample_key(const sign::Key& key, const std::string& path) {
  const sign::SampleKey* k = sign::find_sample_key(sign::digest(sign::HashAlg::sha256, key.spki_der()));
  if (k != nullptr)
    std::fprintf(stderr, "mdbc: warning: %s is the published sample key %s: its private key is public (FW-2)\n",
                 path.c_str(), k->name().c_str());
}

// ---------------------------------------------------------------------------------------------
constexpr const char* keygen_help = R"(NAME
    mdbc keygen - generate a signing key for MCUboot images and detached signatures

SYNOPSIS
    mdbc keygen --type TYPE -o KEY.pem [--force]

DESCRIPTION
    Generates a private key with OpenSSL and writes it as unencrypted PKCS#8 PEM, readable by its
    owner only (mode 0600). Keep it out of source trees; 'mdbc getpub' gives the public key.

OPTIONS
    --type TYPE, -t     ed25519, ecdsa-p256, ecdsa-p384, rsa-2048 or rsa-3072.
    --output FILE, -o   The key file to create.
    --force             Replace FILE if it exists (otherwise an existing file is refused).
    --help, -h          This text.

EXIT STATUS
    0 key written; 2 usage error or the file cannot be written.
)";

constexpr OptionSpec keygen_options[] = {
    {"type", true, 't'}, {"output", true, 'o'}, {"force", false}, {"help", false, 'h'}};

int run_keygen(std::span<const std::string> argv) {
  const ParsedArgs args = parse_args(argv, keygen_options);
  if (args.has("help")) {
    std::fputs(keygen_help, stdout);
    return 0;
  }
  if (!args.positionals().empty()) throw UsageError("keygen takes no positional arguments");
  const std::string type_name = require(args, "type");
  const auto type = sign::parse_key_type(type_name);
  if (!type) throw UsageError("--type takes ed25519, ecdsa-p256, ecdsa-p384, rsa-2048 or rsa-3072, not '" + type_name + "'");
  const std::string out = require(args, "output");
  if (out == "-") throw UsageError("keygen writes private keys to files only, not to standard output");
  if (exists(out) && !args.has("force")) throw InputError(out + ": exists; not overwritten (use --force)");
  const sign::Key key = sign::generate_key(*type);
  const sign::SecretBytes pem = key.private_pkcs8_pem();
  write_file(out, pem.view(), 0600);
  std::printf("%s: new %s private key\n", out.c_str(), std::string(sign::to_string(*type)).c_str());
  return 0;
}

MDBC_COMMAND(keygen, "keygen", "generate a signing key (ed25519, ecdsa-p256/p384, rsa-2048/3072)", run_keygen)

// ---------------------------------------------------------------------------------------------
constexpr const char* getpub_help = R"(NAME
    mdbc getpub - print the public key of a key file

SYNOPSIS
    mdbc getpub KEY.pem [-o PUB.pem]

DESCRIPTION
    Prints the public key (SubjectPublicKeyInfo PEM) of a private or public key file, for
    'mdbc verify --key' and 'mdbc inspect --trust-key'.

OPTIONS
    --output FILE, -o   Write to FILE instead of standard output.
    --help, -h          This text.
)";

constexpr OptionSpec getpub_options[] = {{"output", true, 'o'}, {"help", false, 'h'}};

int run_getpub(std::span<const std::string> argv) {
  const ParsedArgs args = parse_args(argv, getpub_options);
  if (args.has("help")) {
    std::fputs(getpub_help, stdout);
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError("getpub takes one key file");
  const sign::Key key = sign::load_public_key(args.positionals()[0]);
  emit(key.public_pem(), args.value("output"));
  return 0;
}

MDBC_COMMAND(getpub, "getpub", "print the public key of a key file", run_getpub)

// ---------------------------------------------------------------------------------------------
constexpr const char* sign_help = R"(NAME
    mdbc sign - sign a firmware image in MCUboot's format, or any file with a detached signature

SYNOPSIS
    mdbc sign --key KEY.pem --version V --header-size N --slot-size N [OPTIONS] IN OUT
    mdbc sign --detached --key KEY.pem FILE -o FILE.sig

DESCRIPTION
    Builds an MCUboot image as MCUboot's imgtool does: header, payload, an optional protected TLV
    area (security counter), then the hash, key hash (or full public key) and signature TLVs.
    Ed25519 images are byte-identical to imgtool's. IN is a raw binary or Intel HEX (recognised by
    content); OUT is written as Intel HEX when its name ends in .hex, placed at IN's address or at
    --hex-addr. Nothing is written when the image does not fit the slot, the version is malformed,
    or the header would overwrite payload bytes.

    With --detached, writes the raw signature of FILE: Ed25519 over the file itself (as 'openssl
    pkeyutl -sign -rawin' makes), ECDSA with SHA-256 in DER, RSA PKCS#1 v1.5 with SHA-256 (as
    'openssl dgst -sha256 -sign' makes).

OPTIONS
    --key FILE, -k          Private key (PEM or DER; see 'mdbc keygen').
    --version V, -v         major[.minor[.revision[+build]]], at most 255.255.65535+4294967295.
    --header-size N, -H     Header size in bytes (at least 32; Zephyr uses 0x200).
    --slot-size N, -S       Size of the flash slot; header, payload, TLVs and trailer must fit.
    --align N               Flash write alignment: 1 (default), 2, 4, 8, 16 or 32.
    --max-align N           The bootloader's largest write alignment (BOOT_MAX_ALIGN): 8, 16 or
                            32, at least --align (default: the larger of 8 and --align). Sets the
                            trailer's unit and which trailer magic is written.
    --sha auto|256|384|512  The image hash: auto (default) is SHA-384 for ecdsa-p384 keys and
                            SHA-256 for the others; Ed25519 images may use 512 (for bootloaders
                            built with MCUBOOT_SHA512).
    --pad-header            Prepend N erased (0xff) bytes for the header instead of requiring the
                            payload to start with N zero bytes.
    --pad                   Fill the image up to the slot size and write the trailer magic.
    --confirm               Pad and mark the image confirmed (image_ok).
    --security-counter N|auto, -s
                            Add a security counter in the protected TLV area; auto derives it
                            from the version as (major << 24) + (minor << 16) + revision.
    --public-key-format hash|full
                            Record the key's hash (default) or the whole public key.
    --load-addr A, -L       RAM load address (sets the RAM_LOAD flag).
    --hex-addr A            Address of Intel HEX output (default: the input's).
    --detached              Write a detached signature instead (see above).
    --output FILE, -o       The output file (the second positional argument otherwise).
    --help, -h              This text.

EXIT STATUS
    0 written; 2 usage error, unreadable input or key, or an image that cannot be built.

EXAMPLES
    mdbc sign -k key.pem -v 1.2.3+4 -H 0x200 -S 0x20000 --align 8 --pad-header app.bin app.signed.bin
    mdbc sign --detached -k key.pem update.tar -o update.tar.sig
)";

constexpr OptionSpec sign_options[] = {
    {"key", true, 'k'},         {"version", true, 'v'},  {"header-size", true, 'H'},
    {"slot-size", true, 'S'},   {"align", true},         {"max-align", true},
    {"sha", true},              {"pad-header", false},
    {"pad", false},             {"confirm", false},      {"security-counter", true, 's'},
    {"public-key-format", true}, {"load-addr", true, 'L'}, {"hex-addr", true},
    {"detached", false},        {"output", true, 'o'},   {"help", false, 'h'},
};

// The input and output file names: IN [OUT] with OUT possibly given as --output.
std::pair<std::string, std::string> in_and_out(const ParsedArgs& args, std::string_view what) {
  const auto& pos = args.positionals();
  if (pos.empty() || pos.size() > 2) throw UsageError(std::string(what));
  if (pos.size() == 2 && args.has("output")) throw UsageError("give the output either as --output or as OUT, not both");
  const std::string out = pos.size() == 2 ? pos[1] : args.value("output");
  if (out.empty()) throw UsageError(std::string(what));
  return {pos[0], out};
}

int run_sign_detached(const ParsedArgs& args) {
  const auto [in, out] = in_and_out(args, "sign --detached takes FILE and -o FILE.sig");
  const std::string key_path = require(args, "key");
  const sign::Key key = sign::load_private_key(key_path);
  warn_if_sample_key(key, key_path);
  const std::string message = read_file(in, max_input_size);
  emit(sign::sign_detached(key, message), out);
  return 0;
}

int run_sign(std::span<const std::string> argv) {
  const ParsedArgs args = parse_args(argv, sign_options);
  if (args.has("help")) {
    std::fputs(sign_help, stdout);
    return 0;
  }
  if (args.has("detached")) return run_sign_detached(args);
  const auto [in, out] = in_and_out(args, "sign takes IN and OUT files");
  const std::string key_path = require(args, "key");

  mcuboot::BuildOptions o;
  const std::string version = require(args, "version");
  const auto v = mcuboot::parse_version(version);
  if (!v)
    throw UsageError("--version takes major[.minor[.revision[+build]]] within 255.255.65535+4294967295, not '" +
                     version + "'");
  o.version = *v;
  o.header_size = u32_option(args, "header-size", 0);
  if (!args.has("header-size")) throw UsageError("--header-size is required");
  o.slot_size = u32_option(args, "slot-size", 0);
  if (o.slot_size == 0) throw UsageError("--slot-size is required and must not be 0");
  o.align = u32_option(args, "align", 1);
  if (args.has("max-align")) o.max_align = u32_option(args, "max-align", 0);
  const std::string sha = args.value("sha", "auto");
  if (sha == "256") o.hash = sign::HashAlg::sha256;
  else if (sha == "384") o.hash = sign::HashAlg::sha384;
  else if (sha == "512") o.hash = sign::HashAlg::sha512;
  else if (sha != "auto") throw UsageError("--sha takes auto, 256, 384 or 512, not '" + sha + "'");
  o.pad_header = args.has("pad-header");
  o.confirm = args.has("confirm");
  o.pad = args.has("pad") || o.confirm;
  if (args.has("security-counter")) {
    const std::string sc = args.value("security-counter");
    if (sc == "auto") o.security_counter_auto = true;
    else o.security_counter = u32_option(args, "security-counter", 0);
  }
  const std::string key_format = args.value("public-key-format", "hash");
  if (key_format != "hash" && key_format != "full") throw UsageError("--public-key-format takes hash or full");
  o.full_public_key = key_format == "full";
  if (args.has("load-addr")) o.load_addr = u32_option(args, "load-addr", 0);

  const std::string input = read_file(in, max_input_size);
  std::string payload;
  std::optional<uint64_t> base;
  if (ihex::looks_like_intel_hex(std::string_view(input).substr(0, 4096))) {
    const ihex::Image hex = ihex::decode(input, in, max_input_size);
    payload = ihex::flatten(hex, o.slot_size, in);
    base = hex.segments.front().address;
  } else {
    payload = input;
  }
  const sign::Key key = sign::load_private_key(key_path);
  warn_if_sample_key(key, key_path);
  const mcuboot::BuiltImage built = mcuboot::build(payload, key, o, in);

  if (has_hex_extension(out)) {
    if (args.has("hex-addr")) base = args.number("hex-addr", 0);
    if (!base) throw UsageError("Intel HEX output of a binary input needs --hex-addr");
    ihex::Image hex;
    hex.segments.push_back({*base, built.image});
    for (const auto& w : built.trailer) {
      ihex::Segment& last = hex.segments.back();
      if (*base + w.offset == last.address + last.bytes.size()) last.bytes += w.bytes;
      else hex.segments.push_back({*base + w.offset, w.bytes});
    }
    emit(ihex::encode(hex), out);
  } else {
    emit(mcuboot::padded_slot(built, o.slot_size), out);
  }
  return 0;
}

MDBC_COMMAND(sign, "sign", "sign a firmware image (MCUboot format) or a file (detached signature)", run_sign)

// ---------------------------------------------------------------------------------------------
constexpr const char* verify_help = R"(NAME
    mdbc verify - check an MCUboot image or a detached signature against a trusted key

SYNOPSIS
    mdbc verify --key PUB.pem [--key PUB2.pem ...] IMAGE
    mdbc verify --detached --key PUB.pem --sig FILE.sig FILE

DESCRIPTION
    Validates an MCUboot image (raw or Intel HEX) by the bootloader's rules, with the given keys as
    the keys it trusts: the header and both TLV areas must be well formed with every TLV inside its
    area; the hash TLV (SHA-256; SHA-384 for ecdsa-p384 keys; SHA-512 for Ed25519 images that
    carry only a SHA-512 hash) must equal the hash of the header, payload and protected TLVs; and a
    signature counts only when the KEYHASH (or PUBKEY) TLV before it names a trusted key. Images
    that carry only a hash are not valid. The reason is printed when the image is not valid.

    With --detached, checks a raw signature over FILE as 'mdbc sign --detached' writes it.

OPTIONS
    --key FILE, -k      A trusted public key (a private key file is accepted too). Repeatable.
    --detached          Check a detached signature.
    --sig FILE          The detached signature file.
    --help, -h          This text.

EXIT STATUS
    0 valid; 1 not valid (the reason on standard error); 2 usage error or unreadable input.
)";

constexpr OptionSpec verify_options[] = {
    {"key", true, 'k'}, {"detached", false}, {"sig", true}, {"help", false, 'h'}};

int not_valid(const std::string& path, const std::string& reason) {
  std::fprintf(stderr, "mdbc: %s: not valid: %s\n", path.c_str(), reason.c_str());
  return 1;
}

int run_verify(std::span<const std::string> argv) {
  const ParsedArgs args = parse_args(argv, verify_options);
  if (args.has("help")) {
    std::fputs(verify_help, stdout);
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError("verify takes one file");
  const std::string path = args.positionals()[0];
  const auto key_paths = args.values("key");
  if (key_paths.empty()) throw UsageError("--key is required");
  std::vector<sign::Key> keys;
  for (const auto& k : key_paths) keys.push_back(sign::load_public_key(k));

  if (args.has("detached")) {
    const std::string sig_path = require(args, "sig");
    if (keys.size() != 1) throw UsageError("verify --detached takes one --key");
    const std::string signature = read_file(sig_path, 64 * 1024);
    const std::string message = read_file(path, max_input_size);
    if (!sign::verify_detached(keys[0], message, signature))
      return not_valid(path, "the signature in " + sig_path + " is not a " + std::string(sign::to_string(keys[0].type())) +
                                 " signature of this file by the key in " + key_paths[0]);
    std::printf("%s: valid: %s detached signature by %s\n", path.c_str(),
                std::string(sign::to_string(keys[0].type())).c_str(), key_paths[0].c_str());
    return 0;
  }
  if (args.has("sig")) throw UsageError("--sig goes with --detached");

  std::string image = read_file(path, max_input_size);
  if (ihex::looks_like_intel_hex(std::string_view(image).substr(0, 4096)))
    image = ihex::flatten(ihex::decode(image, path, max_input_size), max_input_size, path);
  const mcuboot::Verification v = mcuboot::verify(image, keys);
  if (!v.valid) return not_valid(path, v.reason);
  std::printf("%s: valid: %s signature by %s, %s %s\n", path.c_str(),
              std::string(sign::to_string(keys[v.key_index].type())).c_str(), key_paths[v.key_index].c_str(),
              std::string(sign::to_string(v.hash)).c_str(), sign::to_hex(v.digest).c_str());
  return 0;
}

MDBC_COMMAND(verify, "verify", "check an MCUboot image or detached signature against trusted keys", run_verify)

}  // namespace
}  // namespace mdbc::cli
