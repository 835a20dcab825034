// Variant programs across files: each flaw's source and sink joined along every path of
// variant_files.h - a sink function of another file, a chain of files, a global of one file read
// by another, a source function of another file, a structure, a class declared in a header - the
// flawed version beside its fixed ones (a fixed source, a fixed sink) in the same files, C and
// C++, inspected as one tree. Findings must land in the flawed version's functions and in no fixed
// one. The programs the engine still misses or alarms on are listed as gaps, with their cause.
#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>

#include "inspect/source/variant_data_flaws.h"
#include "inspect/source/variant_files.h"
#include "inspect/source/variant_log2_flaws.h"

namespace mdbc::source {
namespace {

using test::DataFlaw;
using test::files_programs;

// The programs of a flaw along some paths (every path when none is named).
struct FlawPaths {
  std::string flaw;
  std::vector<std::string> paths = {};
};
// Programs left as known gaps, and why.
struct Gaps {
  std::string cause;
  std::vector<FlawPaths> programs;
};

const std::string struct_by_value = "a struct passed by value to another file";
const std::string source_function = "a source function of another file";
const std::string built_header_class = "a header's class, built in one file, its constructor and destructor defined in another";

const std::string virtual_method =
    "a header's class, its virtual method defined in another file, called through a base pointer";
// The paths along which a literal assigned to a name reaches another file as the argument itself.
const std::vector<std::string> literal_passed_on = {
    "a sink function in another file", "a sink function declared by a shared header", "a chain of 3 files",
    "a chain of 4 files", "a chain of 5 files", "another file's sink through a function pointer",
    "a reference passed to another file", virtual_method, built_header_class};

// Each of `flaws` along `paths`.
std::vector<FlawPaths> along(const std::vector<std::string>& flaws, const std::vector<std::string>& paths) {
  std::vector<FlawPaths> out;
  for (const auto& flaw : flaws) out.push_back({flaw, paths});
  return out;
}

// Every path but `left`.
std::vector<std::string> every_path_but(const std::vector<std::string>& left) {
  std::vector<std::string> out;
  for (const auto& path : test::files_paths())
    if (std::find(left.begin(), left.end(), path.name) == left.end()) out.push_back(path.name);
  return out;
}

// The flaws' programs judged as one suite of `element`, the ones `gaps` names apart; prints
// each cause with the number of programs it leaves.
void expect_files_programs(std::string_view element, const std::vector<DataFlaw>& flaws, const std::vector<Gaps>& gaps = {}) {
  const auto programs = files_programs(flaws);
  std::vector<std::string> known;
  for (const auto& gap : gaps) {
    size_t count = 0;
    for (const auto& [flaw, paths] : gap.programs)
      for (const auto& p : programs) {
        if (!p.name.starts_with(flaw + ", ")) continue;
        const std::string_view path = std::string_view(p.name).substr(flaw.size() + 2);
        const bool named = paths.empty() || std::any_of(paths.begin(), paths.end(), [&](const std::string& n) {
                             return path.starts_with(n + " (");
                           });
        if (!named) continue;
        known.push_back(p.name);
        ++count;
      }
    std::printf("[gaps] %.*s across files: %zu programs: %s\n", static_cast<int>(element.size()), element.data(), count,
                gap.cause.c_str());
  }
  test::expect_variant_programs(element, "variants across files", programs, known);
}

// The rules that settle a value within its file (FileValues, ValueOrigins) and join no facts
// across files: what a parameter, a global or a function of another file holds is unknown to them.
const std::string no_join =
    "the rule settles the value within one file and has no tree-wide join of what other files pass, store or return "
    "(cross_file.h serves CODE-2, CRYPTO-4 and LOG-3)";

TEST(VariantFilesPrograms, Code2) {
  expect_files_programs(
      "CODE-2", test::code2_flaws,
      {{"the fixed source's sink reported: a source function of another file copying a literal with memcpy is not "
        "told to return literal text",
        {{"the environment as snprintf's format", {source_function}}}}});
}
TEST(VariantFilesPrograms, Code3) {
  expect_files_programs("CODE-3", test::code3_flaws,
                        {{no_join,
                          {{"execl of a shell path held in a pointer"},
                           {"execlp of a shell named by a macro"},
                           {"execv of an argument vector whose program is a shell"},
                           {"execv of an initialised argument vector starting a shell"},
                           {"posix_spawn of a shell path"},
                           {"execve of a shell path copied into a buffer"},
                           {"execvp of a shell, or of a viewer the environment names"}}}});
}
TEST(VariantFilesPrograms, Crypto1) {
  expect_files_programs("CRYPTO-1", test::crypto1_flaws,
                        {{no_join + "; the flaws found are those whose source names the weak algorithm itself",
                          {{"an RSA key of 1024 bits generated by OpenSSL"},
                           {"an RSA key of 1024 bits generated by mbedTLS"},
                           {"an OpenSSL cipher looked up by the name des-ecb"},
                           {"RSA_public_encrypt with PKCS#1 v1.5 padding"},
                           {"an EVP encryption context set to PKCS#1 v1.5 padding"},
                           {"an OpenSSL context allowing TLS 1.0"},
                           {"an OpenSSL cipher list of RC4 suites"},
                           {"an OpenSSL 3 digest fetched by the name MD5"},
                           {"a CryptoAPI hash created with the ALG_ID number of MD5"},
                           {"a CNG hash provider opened by the name MD5"},
                           {"an OpenSSL cipher looked up by the name rc4"},
                           {"an OpenSSL context whose lowest version is the number of TLS 1.0"},
                           {"an RSA key of 1024 bits generated through an EVP context"},
                           {"an RSA key of 1024 bits made by wolfCrypt"},
                           {"RSA_private_decrypt with the padding number of PKCS#1 v1.5"},
                           {"a PSA RSA key pair of 1024 bits"},
                           {"a GnuTLS RSA private key of 1024 bits"},
                           {"a wolfSSL context whose lowest version is TLS 1.0"}}}});
}
TEST(VariantFilesPrograms, Crypto3) {
  expect_files_programs("CRYPTO-3", test::crypto3_flaws,
                        {{no_join,
                          {{"an OpenSSL context set to SSL_VERIFY_NONE"},
                           {"a wolfSSL context set to WOLFSSL_VERIFY_NONE"},
                           {"an mbedTLS configuration set to MBEDTLS_SSL_VERIFY_NONE"},
                           {"libcurl told not to verify the peer"}}}});
}
TEST(VariantFilesPrograms, Crypto4) {
  expect_files_programs(
      "CRYPTO-4", test::crypto4_flaws,
      {{"a literal copied into a buffer by a source function of another file is not told to be returned",
        {{"a literal key copied for AES_set_encrypt_key", {source_function}}}},
       {"a literal assigned to a plain name is recorded for the tree-wide join only as the argument itself: a "
        "pointer to it, an array, a structure, a std::vector, a global, a returned value or an object constructed "
        "with it is not",
        along({"a literal password given to ssh_userauth_password",
               "a literal password stretched by mbedtls_pkcs5_pbkdf2_hmac_ext", "a literal key given to EVP_EncryptInit_ex"},
              every_path_but(literal_passed_on))},
       {"as above, and a byte (not character) parameter passed on is no link of a chain (forwarded_parameters)",
        {{"a literal key given to wc_AesSetKey",
          every_path_but({"a sink function in another file", "a sink function declared by a shared header",
                          "another file's sink through a function pointer", "a reference passed to another file",
                          virtual_method, built_header_class})}}},
       {"a constant byte table copied with memcpy, or a literal compared with strcmp, is not recorded for the "
        "tree-wide join",
        {{"a literal byte array copied for mbedtls_aes_setkey_enc",
          every_path_but({"a file-scope variable read by another file", "a file-scope variable declared by a shared header"})},
         {"a literal key blob given to CryptImportKey"},
         {"an entered password compared by strcmp with a literal"},
         {"an entered wide password compared by wcscmp with a literal"}}}});
}
TEST(VariantFilesPrograms, Rng1) { expect_files_programs("RNG-1", test::rng1_flaws); }
TEST(VariantFilesPrograms, Rng2) {
  expect_files_programs("RNG-2", test::rng2_flaws,
                        {{no_join,
                          {{"a seed from the clock"},
                           {"a fixed seed through a variable"},
                           {"the process id seeding srandom"},
                           {"the clock seeding srand48"},
                           {"the microseconds of gettimeofday as a seed"},
                           {"a std::mt19937 seeded with a constant"},
                           {"RAND_seed given constant bytes"},
                           {"a DRBG seeded by an entropy callback that returns a constant"}}}});
}
TEST(VariantFilesPrograms, Rng3) {
  expect_files_programs("RNG-3", test::rng3_flaws,
                        {{no_join,
                          {{"an all-zero IV"},
                           {"a constant-string IV to EVP_EncryptInit_ex"},
                           {"a zeroed IV to mbedtls_aes_crypt_cbc"},
                           {"a zeroed IV to wolfSSL's wc_AesSetIV"},
                           {"a constant table IV to AES_cbc_encrypt"},
                           {"a literal IV set with CryptSetKeyParam"},
                           {"a GCM nonce counter reset to one"}}}});
}
TEST(VariantFilesPrograms, Log2) {
  expect_files_programs(
      "LOG-2", test::log2_flaws,
      {{no_join + "; the outcomes found are those the check's value names itself (pinAttempts, loginStatus, verified)",
        {{"a service password compared with strcmp, the menu refused"},
         {"a session token compared with CRYPTO_memcmp, the request refused"},
         {"an update's signature refused by mbedtls_pk_verify"},
         {"a boot image's ECDSA signature refused, logged through a logger object"},
         {"a package's signature refused by wc_SignatureVerify"},
         {"a server certificate whose verification failed, the connection dropped"}}},
       {"an outcome tested as a structure's field (holder.structFirst) is not told by its name",
        along({"a PIN compared with memcmp, the keypad refused after the third wrong one",
               "a login answered AUTH_FAILED, the console refused",
               "an update's signature refused by EVP_DigestVerifyFinal"},
              {struct_by_value})}});
}
TEST(VariantFilesPrograms, Log3) {
  expect_files_programs("LOG-3", test::log3_flaws,
                        {{"a secret logged as a structure's field (holder.structFirst) is not followed to the callers in "
                          "other files",
                          along({"a password read and logged", "a passphrase sent to syslog",
                                 "an API token written to the log file with fputs", "a PIN echoed with puts",
                                 "a session key printed in hex", "an auth token given to the project's log macro",
                                 "a password streamed to std::cerr"},
                                {struct_by_value})}});
}

}  // namespace
}  // namespace mdbc::source
