// LOG-1 and LOG-2: paired small programs, varied over log libraries (systemd journal, Windows
// event log, zlog, GLib, log4cxx, Boost.Log, Android, Poco, a project's own event API, log files
// written by hand) and over the shapes a rejection takes (helpers that report, results kept in
// variables, ternaries, multi-line conditions). Every fixed twin must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// LOG-1 is decided over the tree: each flawed program writes to no security log at all.
const std::vector<RulePair> log_facility_pairs = {
    {"systemd journal",
     "#include <stdio.h>\nint main(void) {\n  printf(\"pump daemon up\\n\");\n  return run_pump();\n}\n",
     "#include <systemd/sd-journal.h>\nint main(void) {\n  sd_journal_print(LOG_NOTICE, \"pump daemon up\");\n"
     "  return run_pump();\n}\n"},
    {"systemd journal structured fields",
     "int on_login_failed(const char *user) {\n  (void)user;\n  return -1;\n}\n",
     "int on_login_failed(const char *user) {\n  sd_journal_send(\"MESSAGE=login failed\", \"USER=%s\", user,\n"
     "                  \"PRIORITY=%i\", LOG_WARNING, NULL);\n  return -1;\n}\n"},
    {"Windows event log",
     "#include <windows.h>\nvoid on_bad_pin(void) {\n  MessageBeep(MB_ICONHAND);\n}\n",
     "#include <windows.h>\nvoid on_bad_pin(void) {\n  HANDLE h = RegisterEventSourceW(NULL, L\"PumpService\");\n"
     "  LPCWSTR msg[] = {L\"wrong PIN entered\"};\n"
     "  ReportEventW(h, EVENTLOG_AUDIT_FAILURE, 0, 4625, NULL, 1, 0, msg, NULL);\n  DeregisterEventSource(h);\n}\n",
     "src/service.cpp"},
    {"zlog",
     "#include <stdio.h>\nint main(int argc, char **argv) {\n  puts(\"pump up\");\n  return 0;\n}\n",
     "#include <zlog.h>\nint main(int argc, char **argv) {\n  if (dzlog_init(\"/etc/pump/zlog.conf\", \"pump\")) return 1;\n"
     "  dzlog_info(\"pump up\");\n  zlog_fini();\n  return 0;\n}\n"},
    {"GLib messages",
     "#include <glib.h>\nint main(void) {\n  g_print(\"pump up\\n\");\n  return 0;\n}\n",
     "#include <glib.h>\nint main(void) {\n  g_message(\"pump up\");\n  g_warning(\"running without a watchdog\");\n  return 0;\n}\n"},
    {"log4cxx macros",
     "#include <iostream>\nint main() {\n  std::cout << \"pump up\" << std::endl;\n  return 0;\n}\n",
     "#include <log4cxx/logger.h>\nstatic log4cxx::LoggerPtr audit(log4cxx::Logger::getLogger(\"pump.audit\"));\n"
     "int main() {\n  LOG4CXX_WARN(audit, \"pump up in service mode\");\n  return 0;\n}\n",
     "src/main.cpp"},
    {"Boost.Log",
     "#include <cstdio>\nint main() {\n  std::puts(\"up\");\n  return 0;\n}\n",
     "#include <boost/log/trivial.hpp>\nint main() {\n  BOOST_LOG_TRIVIAL(warning) << \"pump up in service mode\";\n  return 0;\n}\n",
     "src/main.cpp"},
    {"Android native log macros",
     "#include <jni.h>\nvoid pump_stop(void) {\n  stop_motor();\n}\n",
     "#define LOG_TAG \"pump\"\n#include <log/log.h>\nvoid pump_stop(void) {\n  ALOGW(\"pump stopped by user\");\n  stop_motor();\n}\n"},
    {"spdlog macro",
     "int main() {\n  return run();\n}\n",
     "#include <spdlog/spdlog.h>\nint main() {\n  SPDLOG_WARN(\"pump starting in service mode\");\n  return run();\n}\n",
     "src/main.cpp"},
    {"Poco logger obtained by name",
     "#include <Poco/Util/ServerApplication.h>\nint PumpApp::main(const std::vector<std::string> &) {\n"
     "  waitForTerminationRequest();\n  return EXIT_OK;\n}\n",
     "#include <Poco/Logger.h>\nint PumpApp::main(const std::vector<std::string> &) {\n"
     "  Poco::Logger::get(\"pump.security\").notice(\"service started\");\n  waitForTerminationRequest();\n  return EXIT_OK;\n}\n",
     "src/app.cpp"},
    {"a security log file written by hand",
     "#include <stdio.h>\nstatic FILE *out;\nvoid record(const char *what) {\n  fprintf(out, \"%s\\n\", what);\n}\n",
     "#include <stdio.h>\nstatic FILE *audit_fp;\nvoid record(const char *what) {\n  fprintf(audit_fp, \"%s\\n\", what);\n"
     "  fflush(audit_fp);\n}\n"},
    {"a security log stream written by hand in C++",
     "#include <fstream>\nstd::ofstream trace_out(\"/var/pump/trace.txt\");\nvoid record(const char *what) { trace_out << what << '\\n'; }\n",
     "#include <fstream>\nstd::ofstream audit_log(\"/var/pump/audit.txt\");\nvoid record(const char *what) { audit_log << what << '\\n'; }\n",
     "src/record.cpp"},
    {"the project's security event API",
     "#include \"events.h\"\nvoid on_door_open(void) {\n  notify_ui(EV_DOOR_OPEN);\n}\n",
     "#include \"events.h\"\nvoid on_door_open(void) {\n  report_security_event(EV_DOOR_OPEN, 0);\n}\n"},
    {"Windows ETW TraceLogging",
     "#include <windows.h>\nvoid on_start(void) {\n  OutputDebugStringA(\"start\");\n}\n",
     "#include <windows.h>\n#include <TraceLoggingProvider.h>\nvoid on_start(void) {\n"
     "  TraceLoggingWrite(g_pump_provider, \"ServiceStart\", TraceLoggingLevel(WINEVENT_LEVEL_INFO));\n}\n"},
};

TEST(LogProgramPairs, LogFacilities) { expect_pairs("LOG-1", log_facility_pairs); }

const std::vector<RulePair> rejection_program_pairs = {
    {"a helper that reports to standard error",
     R"~(#include <stdio.h>
#include <string.h>
static const char stored_pin[] = "0000";
static int pin_matches(const char *pin)
{
    return strcmp(pin, stored_pin) == 0;
}
int unlock_settings(const char *pin)
{
    if (!pin_matches(pin)) {
        return -1;
    }
    return 0;
}
int main(int argc, char **argv)
{
    return argc > 1 ? unlock_settings(argv[1]) : 1;
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
static const char stored_pin[] = "0000";
static void report(const char *what)
{
    fprintf(stderr, "security: %s\n", what);
}
static int pin_matches(const char *pin)
{
    return strcmp(pin, stored_pin) == 0;
}
int unlock_settings(const char *pin)
{
    if (!pin_matches(pin)) {
        report("settings unlock refused: wrong PIN");
        return -1;
    }
    return 0;
}
int main(int argc, char **argv)
{
    return argc > 1 ? unlock_settings(argv[1]) : 1;
}
)~"},
    {"a comparison kept in a plain variable",
     R"~(#include <string.h>
#include <syslog.h>
int check_access(const unsigned char *pin, const unsigned char *stored_pin)
{
    int same = memcmp(pin, stored_pin, 4);
    if (same != 0)
        return -13;
    return 0;
}
)~",
     R"~(#include <string.h>
#include <syslog.h>
int check_access(const unsigned char *pin, const unsigned char *stored_pin)
{
    int same = memcmp(pin, stored_pin, 4);
    if (same != 0) {
        syslog(LOG_AUTH | LOG_WARNING, "access refused: wrong PIN");
        return -13;
    }
    return 0;
}
)~"},
    {"a helper that writes the audit file",
     R"~(#include <stdio.h>
#include <stdbool.h>
extern bool ecdsa_verify(const unsigned char *img, size_t n, const unsigned char *sig);
int apply_update(const unsigned char *img, size_t n, const unsigned char *sig)
{
    if (!ecdsa_verify(img, n, sig))
        return -1;
    return flash_program(img, n);
}
)~",
     R"~(#include <stdio.h>
#include <stdbool.h>
extern bool ecdsa_verify(const unsigned char *img, size_t n, const unsigned char *sig);
static FILE *audit_fp;
static void note(const char *msg)
{
    fputs(msg, audit_fp);
}
int apply_update(const unsigned char *img, size_t n, const unsigned char *sig)
{
    if (!ecdsa_verify(img, n, sig)) {
        note("update rejected: bad signature\n");
        return -1;
    }
    return flash_program(img, n);
}
)~"},
    {"a multi-line condition on an HMAC",
     R"~(#include <openssl/crypto.h>
int accept_command(const unsigned char *frame, const unsigned char *expected_hmac)
{
    if (CRYPTO_memcmp(frame + 4,
                      expected_hmac,
                      32) != 0)
    {
        return 0;
    }
    return 1;
}
)~",
     R"~(#include <openssl/crypto.h>
#include <syslog.h>
int accept_command(const unsigned char *frame, const unsigned char *expected_hmac)
{
    if (CRYPTO_memcmp(frame + 4,
                      expected_hmac,
                      32) != 0)
    {
        syslog(LOG_ERR, "command rejected: HMAC mismatch");
        return 0;
    }
    return 1;
}
)~"},
    {"C++ exception on a failed login with a logger member",
     R"~(#include <stdexcept>
#include <string>
class AuthService {
public:
    void login(const std::string &user, const std::string &password);
private:
    bool password_valid(const std::string &user, const std::string &password) const;
};
void AuthService::login(const std::string &user, const std::string &password)
{
    if (!password_valid(user, password))
        throw std::runtime_error("login failed");
}
)~",
     R"~(#include <stdexcept>
#include <string>
class AuthService {
public:
    void login(const std::string &user, const std::string &password);
private:
    bool password_valid(const std::string &user, const std::string &password) const;
    Logger *audit_log_;
};
void AuthService::login(const std::string &user, const std::string &password)
{
    if (!password_valid(user, password)) {
        audit_log_->warn("login failed for " + user);
        throw std::runtime_error("login failed");
    }
}
)~",
     "src/auth.cpp"},
    {"a token check in a request handler",
     R"~(#include <string.h>
struct request { const char *token; const char *path; };
extern const char *api_token;
int handle_request(const struct request *req)
{
    if (req->token == NULL || strcmp(req->token, api_token) != 0)
        return 401;
    return serve(req->path);
}
)~",
     R"~(#include <string.h>
#include <syslog.h>
struct request { const char *token; const char *path; };
extern const char *api_token;
int handle_request(const struct request *req)
{
    if (req->token == NULL || strcmp(req->token, api_token) != 0) {
        syslog(LOG_AUTHPRIV | LOG_NOTICE, "request for %s refused: bad token", req->path);
        return 401;
    }
    return serve(req->path);
}
)~"},
    {"a ternary that refuses a PIN",
     R"~(#include <errno.h>
extern int verify_pin(const char *pin);
int enter_service_mode(const char *pin)
{
    return verify_pin(pin) == 0 ? start_service_mode() : -EACCES;
}
)~",
     R"~(#include <errno.h>
#include <zephyr/logging/log.h>
LOG_MODULE_REGISTER(service);
extern int verify_pin(const char *pin);
int enter_service_mode(const char *pin)
{
    if (verify_pin(pin) != 0) {
        LOG_WRN("service mode refused: wrong PIN");
        return -EACCES;
    }
    return start_service_mode();
}
)~"},
    {"a firmware digest mismatch in a bootloader",
     R"~(#include <stdint.h>
#include <string.h>
#include "sha256.h"
int boot_validate(const uint8_t *image, uint32_t size, const uint8_t *expected_digest)
{
    uint8_t digest[32];
    sha256(image, size, digest);
    if (memcmp(digest, expected_digest, sizeof digest))
        return BOOT_EBADIMAGE;
    return 0;
}
)~",
     R"~(#include <stdint.h>
#include <string.h>
#include "sha256.h"
int boot_validate(const uint8_t *image, uint32_t size, const uint8_t *expected_digest)
{
    uint8_t digest[32];
    sha256(image, size, digest);
    if (memcmp(digest, expected_digest, sizeof digest)) {
        BOOT_LOG_ERR("image digest mismatch");
        return BOOT_EBADIMAGE;
    }
    return 0;
}
)~"},
    {"a password change through the project's event API",
     R"~(#include <string.h>
static char admin_password[64];
int change_admin_password(const char *new_password)
{
    strncpy(admin_password, new_password, sizeof admin_password - 1);
    return save_settings();
}
)~",
     R"~(#include <string.h>
static char admin_password[64];
int change_admin_password(const char *new_password)
{
    strncpy(admin_password, new_password, sizeof admin_password - 1);
    report_security_event(EV_PASSWORD_CHANGED, 0);
    return save_settings();
}
)~"},
    {"a C++ method that changes a user's role",
     R"~(#include <map>
#include <string>
enum class Role { viewer, clinician, service };
class UserDb {
public:
    void update_role(const std::string &user, Role role);
private:
    std::map<std::string, Role> roles_;
};
void UserDb::update_role(const std::string &user, Role role)
{
    roles_[user] = role;
}
)~",
     R"~(#include <map>
#include <string>
#include <syslog.h>
enum class Role { viewer, clinician, service };
class UserDb {
public:
    void update_role(const std::string &user, Role role);
private:
    std::map<std::string, Role> roles_;
};
void UserDb::update_role(const std::string &user, Role role)
{
    roles_[user] = role;
    syslog(LOG_AUTHPRIV | LOG_NOTICE, "role of %s changed to %d", user.c_str(), static_cast<int>(role));
}
)~",
     "src/users.cpp"},
    {"a certificate check in a TLS callback with a logger stream",
     R"~(#include <openssl/ssl.h>
#include <iostream>
int on_peer_cert(X509 *cert)
{
    if (X509_check_host(cert, "pump.example", 0, 0, nullptr) != 1)
        return 0;
    return 1;
}
)~",
     R"~(#include <openssl/ssl.h>
#include <iostream>
int on_peer_cert(X509 *cert)
{
    if (X509_check_host(cert, "pump.example", 0, 0, nullptr) != 1) {
        std::cerr << "peer certificate rejected: wrong host" << std::endl;
        return 0;
    }
    return 1;
}
)~",
     "src/tls.cpp"},
    {"an OTP check through a reporting helper in another style",
     R"~(#include <stdint.h>
extern uint32_t totp_now(const uint8_t *secret);
int otp_login(uint32_t code, const uint8_t *secret)
{
    if (code != totp_now(secret))
        return -1;
    return 0;
}
)~",
     R"~(#include <stdint.h>
#include <err.h>
extern uint32_t totp_now(const uint8_t *secret);
static void warn_refused(const char *why)
{
    warnx("login refused: %s", why);
}
int otp_login(uint32_t code, const uint8_t *secret)
{
    if (code != totp_now(secret)) {
        warn_refused("wrong one-time code");
        return -1;
    }
    return 0;
}
)~"},
};

TEST(LogProgramPairs, Rejections) { expect_pairs("LOG-2", rejection_program_pairs); }

}  // namespace
}  // namespace mdbc::source
