// CRYPTO-3: TLS peer verification switched off or overridden, in OpenSSL, wolfSSL, mbedTLS,
// libcurl, Zephyr TLS sockets, ESP-IDF, Boost.Asio and Qt — including through a macro, a constant or a variable whose value is a
// literal in the same file, or a one-token macro of a header the file includes with quotes
// (decided tree-wide, see header_macros.h), and through verification callbacks of this file that
// accept every certificate.
//
// Decisions: MBEDTLS_SSL_VERIFY_OPTIONAL is flagged unless the file reads the result with
// mbedtls_ssl_get_verify_result (optional verification plus an explicit check is a documented
// pattern). CURLOPT_SSL_VERIFYHOST is flagged at 0 only: 1 means 2 since curl 7.66.
#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>

#include "inspect/source/call_site.h"
#include "inspect/source/header_macros.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source {
namespace {

constexpr std::string_view disabled = "CRYPTO-3/verify-disabled";
constexpr std::string_view optional_rule = "CRYPTO-3/verify-optional";
constexpr std::string_view accept_all = "CRYPTO-3/accept-all-callback";
constexpr std::string_view curl_rule = "CRYPTO-3/curl-verify-disabled";

std::string openssl_none_message(std::string_view api, std::string_view via) {
  return std::string(api) + " with SSL_VERIFY_NONE" + std::string(via) +
         " does not verify the peer's certificate, so any impostor is accepted: use SSL_VERIFY_PEER "
         "(servers requiring client certificates add SSL_VERIFY_FAIL_IF_NO_PEER_CERT) and load the trusted "
         "CA certificates";
}

std::string mbedtls_none_message(std::string_view api, std::string_view via) {
  return std::string(api) + " with MBEDTLS_SSL_VERIFY_NONE" + std::string(via) +
         " does not verify the peer's certificate: use MBEDTLS_SSL_VERIFY_REQUIRED with a CA chain "
         "(mbedtls_ssl_conf_ca_chain)";
}

std::string mbedtls_optional_message(std::string_view api, std::string_view via) {
  return std::string(api) + " with MBEDTLS_SSL_VERIFY_OPTIONAL" + std::string(via) +
         " completes the handshake even when the certificate does not verify, and this file never checks "
         "mbedtls_ssl_get_verify_result: use MBEDTLS_SSL_VERIFY_REQUIRED";
}

// A verification mode given by a macro the file does not define: decided in finish() once the
// headers the file includes are known.
struct PendingMode {
  Finding at;  // where to report; rule and message filled in when decided
  std::string api, macro;
  bool mbedtls = false;
  bool result_checked = false;  // mbedTLS: the file reads mbedtls_ssl_get_verify_result
  std::vector<std::string> includes;
};

struct PeerFacts {
  std::vector<HeaderMacro> modes;  // a header's macros standing for a verification mode
  std::vector<PendingMode> pending;
};

// A macro name that says it is a TLS verification mode: TLS_VERIFY_MODE, PEER_VERIFY, SSL_VERIFY_LEVEL.
bool names_verify_mode(std::string_view name) {
  if (name.find("VERIFY") == std::string_view::npos) return false;
  bool verify = false, tls = false;
  any_word(name, [&](std::string_view w) {
    verify = verify || w == "verify";
    tls = tls || w == "tls" || w == "ssl" || w == "peer" || w == "mode" || w == "cert" || w == "authmode";
    return verify && tls;
  });
  return verify && tls;
}

// A macro body that is a verification mode this rule flags (0 and 1 only under a name saying so).
bool flagged_mode(std::string_view name, std::string_view body) {
  return body == "SSL_VERIFY_NONE" || body == "WOLFSSL_VERIFY_NONE" || body == "MBEDTLS_SSL_VERIFY_NONE" ||
         body == "MBEDTLS_SSL_VERIFY_OPTIONAL" || ((body == "0" || body == "1") && names_verify_mode(name));
}

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out, std::vector<PendingMode>& pending)
      : file_(file), toks_(file.tokens), out_(out), pending_(pending), values_(file.values()), origins_(file),
        severity_(element_severity(file.ctx, "CRYPTO-3")) {}

  void run() {
    for (const Call& c : file_.syntax.calls()) {
      if (!c.macro.empty()) continue;
      const std::string_view name = toks_[c.name].text;
      if (name == "SSL_CTX_set_verify" || name == "SSL_set_verify" || name == "wolfSSL_CTX_set_verify" ||
          name == "wolfSSL_set_verify")
        openssl_verify(c, name);
      else if (name == "SSL_CTX_set_cert_verify_callback" || name == "X509_STORE_set_verify_cb" ||
               name == "X509_STORE_CTX_set_verify_cb" || name == "X509_STORE_set_verify_cb_func" ||
               name == "wolfSSL_CTX_set_cert_verify_callback")
        openssl_callback(c, name, 1);
      else if (name == "mbedtls_ssl_conf_authmode" || name == "mbedtls_ssl_set_hs_authmode")
        mbedtls_authmode(c, name);
      else if (name == "mbedtls_ssl_conf_verify" || name == "mbedtls_ssl_set_verify")
        mbedtls_callback(c, name, 1);
      else if (name == "mbedtls_x509_crt_verify" || name == "mbedtls_x509_crt_verify_with_profile")
        mbedtls_callback(c, name, name == "mbedtls_x509_crt_verify" ? 5 : 6);
      else if (name == "curl_easy_setopt")
        curl(c);
      else if (name == "setsockopt" || name == "zsock_setsockopt")
        zephyr_tls_socket(c, name);
      else if ((name == "SSL_set_verify_result" || name == "wolfSSL_set_verify_result") &&
               (arg(c, 1).is_integer(0) || arg(c, 1).is_symbol("X509_V_OK")))
        report(c.name, accept_all,
               std::string(name) + "(X509_V_OK) declares the peer's certificate verified whatever the verification "
                                   "found: remove it and act on SSL_get_verify_result instead");
    }
    wrappers();
  }

 private:
  void report(size_t token, std::string_view rule, std::string message) {
    if (!reported_.insert(token).second) return;
    out_.push_back(file_.at(toks_[token], std::string(rule), std::move(message), severity_));
  }

  // The value an argument holds on every path the file shows (value_origins.h).
  Value arg(const Call& c, size_t n) const {
    if (n >= c.args.size()) return {};
    return origins_.settled({c.args[n].first, c.args[n].second}, c.function);
  }

  std::string via(const Value& v) const {
    if (!v.via) return {};
    return " (through " + std::string(toks_[v.via->name].text) + ", line " + std::to_string(toks_[v.via->name].line) +
           ")";
  }

  // The function definition of this file a callback argument names.
  const FunctionDef* callback(const Call& c, size_t n) const {
    if (n >= c.args.size()) return nullptr;
    const TokenRange r = values_.strip({c.args[n].first, c.args[n].second});
    if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier) return nullptr;
    for (const auto& f : file_.syntax.functions())
      if (toks_[f.name].text == toks_[r.begin].text) return &f;
    return nullptr;
  }

  // Whether every return in [begin, end) returns the constant `accepted` (and there is one).
  bool always_returns(size_t begin, size_t end, int fn, int64_t accepted) const {
    bool any = false;
    for (size_t k = begin; k < end && k < toks_.size(); ++k) {
      if (!toks_[k].is_ident("return")) continue;
      size_t e = k + 1;
      while (e < end && !toks_[e].is(";")) {
        if ((toks_[e].is("(") || toks_[e].is("[") || toks_[e].is("{")) && file_.syntax.match(e) < end)
          e = file_.syntax.match(e);
        ++e;
      }
      const TokenRange r{k + 1, e};
      Value v = values_.resolve(r, fn);
      if (!v.is(Value::Kind::integer)) {
        // `ok = 1; return ok;` with ok a parameter overwritten by constants only.
        const TokenRange s = values_.strip(r);
        if (s.size() == 1 && toks_[s.begin].kind == TokenKind::identifier) {
          bool assigned = false, constant = true;
          for (const Binding* b : values_.bindings(toks_[s.begin].text)) {
            if (b->function != fn || b->form == BindingForm::parameter || b->form == BindingForm::declaration) continue;
            if (b->form != BindingForm::assignment) constant = false;
            const Value bv = values_.resolve(b->value, fn);
            if (!bv.is_integer(accepted)) constant = false;
            assigned = true;
          }
          if (assigned && constant) v = Value{Value::Kind::integer, accepted, {}, 0, {}, nullptr};
        }
      }
      if (!v.is(Value::Kind::integer)) return false;
      if (accepted != 0 ? v.integer == 0 : v.integer != 0) return false;
      any = true;
    }
    return any;
  }

  bool accepts_everything_openssl(const Call& c, size_t n, std::string& what) const {
    if (n >= c.args.size()) return false;
    if (const FunctionDef* f = callback(c, n)) {
      const int fn = static_cast<int>(f - file_.syntax.functions().data());
      what = std::string(toks_[f->name].text);
      return always_returns(f->body_open, f->body_close, fn, 1);
    }
    // A lambda: [](int, X509_STORE_CTX *) { return 1; }
    const size_t b = c.args[n].first, e = c.args[n].second;
    if (b < e && toks_[b].is("[")) {
      what = "the lambda";
      return always_returns(b, e, c.function, 1);
    }
    return false;
  }

  void openssl_verify(const Call& c, std::string_view name) {
    const Value mode = arg(c, 1);
    if (mode.is_integer(0) || mode.is_symbol("SSL_VERIFY_NONE") || mode.is_symbol("WOLFSSL_VERIFY_NONE")) {
      report(c.name, disabled, openssl_none_message(name, via(mode)));
      return;
    }
    if (undefined_here(mode, c.function)) pend(c, name, mode.text, false);
    std::string what;
    if (accepts_everything_openssl(c, 2, what))
      report(c.name, accept_all,
             std::string(name) + " installs " + what +
                 ", a verification callback that returns 1 for every certificate and so overrides every "
                 "verification failure: return preverify_ok instead");
  }

  void openssl_callback(const Call& c, std::string_view name, size_t n) {
    std::string what;
    if (accepts_everything_openssl(c, n, what))
      report(c.name, accept_all,
             std::string(name) + " installs " + what +
                 ", a verification callback that accepts every certificate: let the library verify the chain "
                 "(X509_verify_cert) and return its result");
  }

  void mbedtls_authmode(const Call& c, std::string_view name) {
    const Value mode = arg(c, 1);
    if (mode.is_integer(0) || mode.is_symbol("MBEDTLS_SSL_VERIFY_NONE")) {
      report(c.name, disabled, mbedtls_none_message(name, via(mode)));
      return;
    }
    if (mode.is_integer(1) || mode.is_symbol("MBEDTLS_SSL_VERIFY_OPTIONAL")) {
      if (result_checked(c)) return;
      report(c.name, optional_rule, mbedtls_optional_message(name, via(mode)));
      return;
    }
    if (undefined_here(mode, c.function)) pend(c, name, mode.text, true);
  }

  // A mode named by a macro or constant this file does not define (a header's, perhaps).
  bool undefined_here(const Value& mode, int function) const {
    return mode.is(Value::Kind::symbol) && values_.visible(mode.text, function).empty();
  }

  void pend(const Call& c, std::string_view api, std::string_view macro, bool mbedtls) {
    if (includes_.empty()) includes_ = quoted_includes(file_);
    if (includes_.empty()) return;  // a header's macro reaches this file only through an #include "…"
    PendingMode p{file_.at(toks_[c.name], "", "", severity_), std::string(api), std::string(macro), mbedtls,
                  mbedtls && result_checked(c), includes_};
    pending_.push_back(std::move(p));
  }

  // Whether the verification result is read where this configuration applies: in the same
  // function, or in a function of the file that does not configure the mode itself (a separate
  // connect or handshake function).
  bool result_checked(const Call& c) const {
    const auto checks = file_.syntax.calls_named(std::array<std::string_view, 1>{"mbedtls_ssl_get_verify_result"});
    const auto modes = file_.syntax.calls_named(
        std::array<std::string_view, 2>{"mbedtls_ssl_conf_authmode", "mbedtls_ssl_set_hs_authmode"});
    for (const Call* check : checks) {
      if (check->function == c.function) return true;
      const bool configures = std::any_of(modes.begin(), modes.end(),
                                          [&](const Call* m) { return m->function == check->function; });
      if (!configures) return true;
    }
    return false;
  }

  void mbedtls_callback(const Call& c, std::string_view name, size_t n) {
    const FunctionDef* f = callback(c, n);
    if (!f) return;
    const int fn = static_cast<int>(f - file_.syntax.functions().data());
    // int cb(void *data, mbedtls_x509_crt *crt, int depth, uint32_t *flags): clearing *flags
    // erases every verification failure.
    std::vector<const Binding*> params;
    for (const Binding* b : all_parameters(fn)) params.push_back(b);
    if (params.size() < 4) return;
    const std::string_view flags = toks_[params[3]->name].text;
    bool cleared = false;
    for (const Binding* b : values_.bindings(flags)) {
      if (b->function != fn || b->form != BindingForm::element) continue;
      if (values_.resolve(b->value, fn).is_integer(0)) cleared = true;
    }
    if (!cleared) return;
    report(c.name, accept_all,
           std::string(name) + " installs " + std::string(toks_[f->name].text) + ", which clears *" +
               std::string(flags) +
               " and so accepts every certificate: leave the flags the library set, adding checks only");
  }

  std::vector<const Binding*> all_parameters(int fn) const {
    std::vector<const Binding*> out;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    const size_t open = f.name + 1;
    const size_t close = file_.syntax.match(open);
    for (size_t k = open + 1; k < close && k < toks_.size(); ++k) {
      if (toks_[k].kind != TokenKind::identifier) continue;
      for (const Binding* b : values_.bindings(toks_[k].text))
        if (b->name == k && b->form == BindingForm::parameter) out.push_back(b);
    }
    return out;
  }

  void curl(const Call& c) {
    if (c.args.size() < 3) return;
    const Value option = arg(c, 1);
    if (!option.is(Value::Kind::symbol)) return;
    const std::string& o = option.text;
    const bool peer = o == "CURLOPT_SSL_VERIFYPEER" || o == "CURLOPT_PROXY_SSL_VERIFYPEER" ||
                      o == "CURLOPT_DOH_SSL_VERIFYPEER";
    const bool host = o == "CURLOPT_SSL_VERIFYHOST" || o == "CURLOPT_PROXY_SSL_VERIFYHOST" ||
                      o == "CURLOPT_DOH_SSL_VERIFYHOST";
    if (!peer && !host) return;
    const Value v = arg(c, 2);
    const bool chosen_zero = !v.is_integer(0) && can_be_zero({c.args[2].first, c.args[2].second}, c.function);
    if (!v.is_integer(0) && !chosen_zero) return;
    report(c.name, curl_rule,
           "curl_easy_setopt(" + o + (chosen_zero ? ", cond ? … : 0)" : ", 0)") + via(v) +
               (peer ? " does not verify the server's certificate: leave CURLOPT_SSL_VERIFYPEER at 1 and give curl "
                       "the CA bundle (CURLOPT_CAINFO)"
                     : " does not check that the certificate names the server: leave CURLOPT_SSL_VERIFYHOST at 2"));
  }

  // Whether an expression is a conditional with a branch that is 0 (`insecure ? 0L : 1L`): the
  // same code switches verification off on that path, as an `if` around a literal 0 would.
  bool can_be_zero(TokenRange r, int function) const {
    r = values_.strip(r);
    size_t question = r.end, colon = r.end;
    int nested = 0;
    for (size_t k = r.begin; k < r.end; ++k) {
      const Token& t = toks_[k];
      if (t.is("(") || t.is("[") || t.is("{")) {
        const size_t m = file_.syntax.match(k);
        if (m >= r.end) return false;
        k = m;
      } else if (t.is("?")) {
        if (question == r.end) question = k;
        else ++nested;
      } else if (t.is(":") && question < r.end && nested-- == 0) {
        colon = k;
        break;
      }
    }
    if (colon >= r.end) return false;
    return values_.resolve({question + 1, colon}, function).is_integer(0) ||
           values_.resolve({colon + 1, r.end}, function).is_integer(0);
  }

  // Zephyr's TLS sockets: setsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &mode, sizeof mode) with
  // TLS_PEER_VERIFY_NONE (0) or _OPTIONAL (1), the mode given by address.
  void zephyr_tls_socket(const Call& c, std::string_view name) {
    if (c.args.size() < 4 || !arg(c, 2).is_symbol("TLS_PEER_VERIFY")) return;
    TokenRange r = values_.strip({c.args[3].first, c.args[3].second});
    if (r.size() >= 2 && toks_[r.begin].is("&")) ++r.begin;
    const Value mode = values_.resolve(r, c.function);
    const bool none = mode.is_integer(0) || mode.is_symbol("TLS_PEER_VERIFY_NONE");
    const bool optional = mode.is_integer(1) || mode.is_symbol("TLS_PEER_VERIFY_OPTIONAL");
    if (!none && !optional) return;
    report(c.name, none ? disabled : optional_rule,
           std::string(name) + "(TLS_PEER_VERIFY, " + (none ? "TLS_PEER_VERIFY_NONE" : "TLS_PEER_VERIFY_OPTIONAL") +
               ")" + via(mode) + " lets the handshake succeed with a certificate that does not verify: use "
               "TLS_PEER_VERIFY_REQUIRED with a registered CA certificate (TLS_SEC_TAG_LIST)");
  }

  // C++ wrappers: boost::asio::ssl::verify_none, QSslSocket::VerifyNone, Qt's ignoreSslErrors();
  // and ESP-IDF's TLS and HTTP client configurations that skip the host-name check (skip_common_name = true).
  void wrappers() {
    for (size_t i = 2; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if ((t.is_ident("skip_common_name") || t.is_ident("skip_cert_common_name_check")) && !file_.syntax.dead(i) &&
          (toks_[i - 1].is(".") || toks_[i - 1].is("->")) && i + 2 < toks_.size() && toks_[i + 1].is("=") &&
          (toks_[i + 2].is_ident("true") || toks_[i + 2].is("1"))) {
        report(i, disabled,
               std::string(t.text) + " = true accepts a certificate issued for any host name, so any holder of a "
                                     "valid certificate can impersonate the server: leave it false and set "
                                     "common_name when the host name differs");
        continue;
      }
      // Qt: ignoreSslErrors() without the list of expected errors ignores every certificate error
      // (called, or named as the slot of the sslErrors signal).
      // A declaration or definition of the method (`void ignoreSslErrors();`, `void
      // QSslSocket::ignoreSslErrors() {`) calls nothing.
      const bool declared = toks_[i - 1].is_ident("void") ||
                            (i >= 3 && toks_[i - 1].is("::") && toks_[i - 3].is_ident("void"));
      if (t.is_ident("ignoreSslErrors") && !t.directive && !file_.syntax.dead(i) && !declared &&
          ((i + 2 < toks_.size() && toks_[i + 1].is("(") && toks_[i + 2].is(")")) ||
           (toks_[i - 1].is("::") && toks_[i - 2].kind == TokenKind::identifier && toks_[i - 2].text.starts_with("Q") &&
            !(i + 1 < toks_.size() && toks_[i + 1].is("("))))) {
        report(i, disabled,
               "ignoreSslErrors() without a list of errors accepts any certificate, so any impostor is accepted: "
               "pass ignoreSslErrors the QSslError values expected for a known certificate, or fix the chain");
        continue;
      }
      if (t.kind != TokenKind::identifier || t.directive || file_.syntax.dead(i) || !toks_[i - 1].is("::")) continue;
      const std::string_view scope = toks_[i - 2].text;
      const bool asio = t.text == "verify_none" && (scope == "ssl" || scope == "context" || scope == "context_base");
      const bool qt = t.text == "VerifyNone" && (scope == "QSslSocket" || scope == "QSslConfiguration");
      if (!asio && !qt) continue;
      if (i + 1 < toks_.size() && (toks_[i + 1].is("==") || toks_[i + 1].is("!="))) continue;
      report(i, disabled,
             std::string(scope) + "::" + std::string(t.text) +
                 " does not verify the peer's certificate: use " +
                 (asio ? "ssl::verify_peer (with verify_fail_if_no_peer_cert on servers)" : "QSslSocket::VerifyPeer"));
    }
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  std::vector<PendingMode>& pending_;
  std::vector<std::string> includes_;  // the file's quoted #includes, read when first needed
  const FileValues& values_;
  mutable ValueOrigins origins_;  // what each argument settles to, found once
  const Severity severity_;
  std::set<size_t> reported_;
};

// Whether a name is one of the APIs this rule reads (the test before building the file's values).
bool reads_api(std::string_view s) {
  return s.ends_with("set_verify") || s == "curl_easy_setopt" || s.starts_with("mbedtls_ssl_") ||
         s.starts_with("mbedtls_x509_crt_verify") || s.ends_with("verify_callback") || s.starts_with("X509_STORE") ||
         s == "verify_none" || s == "VerifyNone" || s == "ignoreSslErrors" || s.ends_with("set_verify_result") ||
         s == "TLS_PEER_VERIFY" ||
         s == "skip_common_name" || s == "skip_cert_common_name_check" ||
         // a header defining a mode for the files that include it (PUMP_VERIFY_MODE 0)
         s.ends_with("VERIFY_NONE") || s.ends_with("VERIFY_OPTIONAL") || names_verify_mode(s);
}

class PeerVerification final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"peer-verification", InputKind::source, {std::string_view(disabled), optional_rule, accept_all, curl_rule}};
  }

  bool gated_by_names() const override { return true; }
  bool reacts_to(std::string_view name) const override { return reads_api(name); }
  // The shapes of the names reads_api() accepts, clause by clause (names_verify_mode's need "VERIFY").
  std::optional<ReactingNames> reacting_names() const override {
    return ReactingNames{{"curl_easy_setopt", "mbedtls_ssl_", "mbedtls_x509_crt_verify", "X509_STORE", "verify_none",
                          "VerifyNone", "ignoreSslErrors", "TLS_PEER_VERIFY", "skip_common_name", "skip_cert_common_name_check"},
                         {"set_verify", "verify_callback", "set_verify_result", "VERIFY_NONE", "VERIFY_OPTIONAL"},
                         {"verify"}};
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    if (file.tokens.empty()) return;
    PeerFacts found;
    Check(file, out, found.pending).run();
    if (is_header(file.input.path)) found.modes = single_token_macros(file, flagged_mode);
    if (!found.modes.empty() || !found.pending.empty()) facts = std::move(found);
  }

  // Modes given by a macro of a header the file includes: reported when every definition of that
  // macro in the headers it names is one this rule flags.
  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    const auto decide = [&](const auto& pending, const HeaderMacroIndex::Definition& definition) {
      const std::string_view body = definition.body, header = definition.header;
      const std::string via = " (through " + pending.macro + ", defined in " + std::string(header) + ")";
      const bool none = body == "SSL_VERIFY_NONE" || body == "WOLFSSL_VERIFY_NONE" ||
                        body == "MBEDTLS_SSL_VERIFY_NONE" || body == "0";
      Finding finding = pending.at;
      if (!pending.mbedtls) {
        if (!none) return;
        finding.rule = disabled;
        finding.message = openssl_none_message(pending.api, via);
      } else if (none) {
        finding.rule = disabled;
        finding.message = mbedtls_none_message(pending.api, via);
      } else {
        if (pending.result_checked) return;
        finding.rule = optional_rule;
        finding.message = mbedtls_optional_message(pending.api, via);
      }
      out.findings.push_back(std::move(finding));
    };
    decide_pending_macros(files, &PeerFacts::modes, &PeerFacts::pending, decide);
  }
};

}  // namespace

MDBC_SOURCE_RULE(PeerVerification)

}  // namespace mdbc::source
