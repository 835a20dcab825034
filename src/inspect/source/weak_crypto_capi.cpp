// CRYPTO-1, part three: Windows CryptoAPI choices that no identifier shows — an ALG_ID written as
// its number (wincrypt.h: ALG_CLASS | ALG_TYPE | ALG_SID), and RSA encryption with PKCS#1 v1.5
// padding, which CryptEncrypt and CryptDecrypt use for an RSA key unless dwFlags holds CRYPT_OAEP.
#include "inspect/source/weak_crypto_check.h"

namespace mdbc::source::weak_crypto {
namespace {

struct NumericAlgId {
  int64_t value;
  Weakness weakness;
  std::string_view algorithm;
};
constexpr std::array<NumericAlgId, 11> numeric_alg_ids{{
    {0x8001, Weakness::broken_hash, "MD2"},     {0x8002, Weakness::broken_hash, "MD4"},
    {0x8003, Weakness::broken_hash, "MD5"},     {0x8004, Weakness::sha1, "SHA-1"},
    {0x6601, Weakness::des, "DES"},             {0x6604, Weakness::des, "DES-X"},
    {0x6603, Weakness::triple_des, "3DES"},     {0x6609, Weakness::triple_des, "3DES"},
    {0x6602, Weakness::rc2, "RC2"},             {0x6801, Weakness::rc4, "RC4"},
    {0x660d, Weakness::small_block, "RC5"},
}};

constexpr int64_t crypt_oaep = 0x40;  // wincrypt.h

// Calls that give the key handle in their last argument, and what makes that key RSA.
constexpr std::array<std::string_view, 3> key_sources{"CryptGenKey", "CryptGetUserKey", "CryptImportKey"};

}  // namespace

// Whether a literal byte array is an RSA key blob: a BLOBHEADER whose bType is PUBLICKEYBLOB (6)
// or PRIVATEKEYBLOB (7) and whose aiKeyAlg, little-endian at offset 4, is CALG_RSA_KEYX (0xa400).
bool Check::rsa_key_blob(const Value& blob) {
  if (!blob.is(Value::Kind::list)) return false;
  std::array<int64_t, 8> header{};
  size_t n = 0;
  for (size_t k = blob.list.begin + 1; k + 1 < blob.list.end && n < header.size(); ++k) {
    if (toks_[k].is(",")) continue;
    if (toks_[k].kind != TokenKind::number || !parse_integer(toks_[k].text, header[n])) return false;
    ++n;
  }
  const int64_t alg = header[4] | header[5] << 8 | header[6] << 16 | header[7] << 24;
  return n == header.size() && (header[0] == 6 || header[0] == 7) && alg == 0xa400;
}

void Check::numeric_alg_id(const Call& c) {
  const Value v = arg_value(c, 1);
  if (!v.is(Value::Kind::integer)) return;
  for (const auto& id : numeric_alg_ids) {
    if (id.value != v.integer) continue;
    report(c.name, weakness_rule(id.weakness), id.algorithm,
           std::string(toks_[c.name].text) + " with ALG_ID " + std::string(toks_[v.token].text) + via(v) + " uses " +
               std::string(id.algorithm) + ": " + weakness_message(id.weakness, id.algorithm));
    return;
  }
}

// Whether the key handle in argument `key_arg` of `c` is an RSA key: generated or fetched as the
// key-exchange pair (CALG_RSA_KEYX, AT_KEYEXCHANGE), or imported from a key blob in a function
// that builds an RSA or public/private key blob — by the same function, by the callers of a static
// function that takes the handle as a parameter, or anywhere in the file for a file-scope handle.
bool Check::rsa_key(const Call& c, size_t key_arg) {
  if (c.function < 0 || key_arg >= c.args.size()) return false;
  const size_t key = values().base_name({c.args[key_arg].first, c.args[key_arg].second});
  if (key >= toks_.size()) return false;
  return rsa_handle(c.function, toks_[key].text, c.name, true);
}

bool Check::rsa_handle(int fn, std::string_view key, size_t before, bool follow_callers) {
  const auto bindings = values().visible(key, fn);
  const bool file_scope = !bindings.empty() && std::all_of(bindings.begin(), bindings.end(), [](const Binding* b) {
    return b->function < 0 && b->form == BindingForm::declaration;
  });
  const auto& calls = file_.syntax.calls();
  const auto made_rsa = [&](const Call& source) {
    const std::string_view name = toks_[source.name].text;
    if (source.args.size() < 3 || std::find(key_sources.begin(), key_sources.end(), name) == key_sources.end())
      return std::optional<bool>();
    const size_t made = values().base_name({source.args.back().first, source.args.back().second});
    if (made >= toks_.size() || toks_[made].text != key) return std::optional<bool>();
    if (name == "CryptImportKey")
      return std::optional<bool>(mentions(source.function, "CALG_RSA_KEYX") ||
                                 mentions(source.function, "PUBLICKEYBLOB") ||
                                 mentions(source.function, "PRIVATEKEYBLOB") || rsa_key_blob(arg_value(source, 1)));
    const auto alg = arg_symbols(source, 1);
    return std::optional<bool>(std::any_of(alg.begin(), alg.end(), [](std::string_view s) {
      return s == "CALG_RSA_KEYX" || s == "AT_KEYEXCHANGE";
    }));
  };
  if (file_scope) {
    for (const Call& source : calls)
      if (const auto rsa = made_rsa(source); rsa && *rsa) return true;
    return false;
  }
  for (size_t ci : values().calls_in(fn)) {
    const Call& source = calls[ci];
    if (source.name > before) continue;
    if (const auto rsa = made_rsa(source)) return *rsa;
  }
  // A parameter of a static function of the file: the handles its callers pass.
  if (!follow_callers || fn < 0 || bindings.size() != 1 || bindings.front()->form != BindingForm::parameter) return false;
  const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
  if (!declared_static(toks_, f.name)) return false;
  size_t index = 0;
  for (size_t k = f.name + 2; k < bindings.front()->name; ++k) {
    if ((toks_[k].is("(") || toks_[k].is("[")) && file_.syntax.match(k) < bindings.front()->name) k = file_.syntax.match(k);
    else if (toks_[k].is(",")) ++index;
  }
  for (size_t k : values().occurrences(toks_[f.name].text)) {
    const Call* caller = values().call_at(k);
    if (caller == nullptr || index >= caller->args.size() || caller->function < 0) continue;
    const size_t passed = values().base_name({caller->args[index].first, caller->args[index].second});
    if (passed < toks_.size() && rsa_handle(caller->function, toks_[passed].text, caller->name, false)) return true;
  }
  return false;
}

void Check::capi_rsa_padding(const Call& c) {
  constexpr int flags_arg = 3;  // CryptEncrypt and CryptDecrypt: hKey, hHash, Final, dwFlags, …
  if (c.args.size() <= flags_arg || !rsa_key(c, 0)) return;
  const Value flags = arg_value(c, flags_arg);
  const auto symbols = arg_symbols(c, flags_arg);
  bool v15 = false;
  if (flags.is(Value::Kind::integer) || flags.is(Value::Kind::null)) {
    v15 = (flags.integer & crypt_oaep) == 0;
  } else if (!symbols.empty()) {
    // Named flags only (CRYPT_DECRYPT_RSA_NO_PADDING_CHECK, …), none of them CRYPT_OAEP.
    v15 = std::none_of(symbols.begin(), symbols.end(), [](std::string_view s) { return s == "CRYPT_OAEP"; }) &&
          std::all_of(symbols.begin(), symbols.end(), [](std::string_view s) { return s.starts_with("CRYPT_"); });
  }
  if (!v15) return;
  report(c.name, "CRYPTO-1/rsa-pkcs1-encryption", "RSA PKCS#1 v1.5",
         std::string(toks_[c.name].text) + " with an RSA key and without CRYPT_OAEP uses PKCS#1 v1.5 padding: " +
             weakness_message(Weakness::rsa_pkcs1_encryption, {}));
}

}  // namespace mdbc::source::weak_crypto
