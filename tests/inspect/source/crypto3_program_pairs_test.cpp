// CRYPTO-3 pairs in the shape of CWE-295 test programs: libcurl peer or host verification chosen by
// a conditional with a 0 branch (literal or macro); the fixed twins keep verification on and choose
// something else at run time.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> crypto3_program_pairs = {
    {"curl host ternary",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, bool verify)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST,
                     verify ? 2L
                            : 0L);
}
)~",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, bool verify)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST,
                     verify ? 2L
                            : 1L);
}
)~",
     "src/module.cpp"},
    {"curl macro ternary",
     R"~(#include <curl/curl.h>
#define VERIFY_OFF 0L
#define VERIFY_ON 1L
CURLcode fetch(CURL *c, const char *url, int lab_mode)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c,
                     CURLOPT_SSL_VERIFYPEER,
                     lab_mode ? VERIFY_OFF : VERIFY_ON);
    return curl_easy_perform(c);
}
)~",
     R"~(#include <curl/curl.h>
#define VERIFY_ON 1L
CURLcode fetch(CURL *c, const char *url, int lab_mode)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c,
                     CURLOPT_SSL_VERIFYPEER,
                     VERIFY_ON);
    curl_easy_setopt(c, CURLOPT_CAINFO, lab_mode ? "/etc/pump/lab-ca.pem" : "/etc/pump/ca.pem");
    return curl_easy_perform(c);
}
)~",
     "src/module.c"},
    {"curl ternary",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, int insecure)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, insecure ? 0L : 1L);
    curl_easy_perform(c);
}
)~",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, int strict)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, strict ? 1L : 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_perform(c);
}
)~",
     "src/module.c"},
};

TEST(ProgramPairs, PeerVerification) { expect_pairs("CRYPTO-3", crypto3_program_pairs); }

}  // namespace
}  // namespace mdbc::source
