// LOG-2 precision: a comparison that ranks (versions compared with < or >), a check of a version
// and a check that speaks of the link layer's MAC decide no authentication and accept or reject no
// image; the rejection they look like stays silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> pairs = {
    {"an image digest that does not match, against firmware too old for a feature",
     R"~(#include <string.h>
#include <errno.h>
struct fw_info { char firmware_digest[65]; char firmware_version[16]; };
int apply_update(const struct fw_info *fw, const char *expected_digest)
{
    if (strcmp(fw->firmware_digest, expected_digest) != 0)
        return -EBADMSG;
    return 0;
}
)~",
     R"~(#include <string.h>
#include <errno.h>
struct fw_info { char firmware_digest[65]; char firmware_version[16]; };
int feature_supported(const struct fw_info *fw)
{
    if (strcmp(fw->firmware_version, "1.7.1") < 0)
        return -EOPNOTSUPP;
    return 0;
}
)~"},
    {"an image hash compared for equality, against a version compared for equality",
     R"~(#include <string.h>
int accept_image(const char *image_hash, const char *expected)
{
    if (strcmp(image_hash, expected) != 0)
        return -1;
    return 0;
}
)~",
     R"~(#include <string.h>
int accept_image(const char *fw_version, const char *expected_version)
{
    if (strcmp(fw_version, expected_version) != 0)
        return -1;
    return 0;
}
)~"},
    {"a message's MAC checked, against a match above the MAC layer",
     R"~(#include <errno.h>
struct msg;
extern int check_msg_mac(const struct msg *m, const unsigned char *tag);
int receive(const struct msg *m, const unsigned char *tag)
{
    if (!check_msg_mac(m, tag))
        return -EACCES;
    return 0;
}
)~",
     R"~(#include <errno.h>
struct rule;
extern int check_higher_than_mac(const struct rule *r);
int offload(const struct rule *r)
{
    if (check_higher_than_mac(r))
        return -EOPNOTSUPP;
    return 0;
}
)~"},
};

TEST(SecurityEventsPrecision, Pairs) { expect_pairs("LOG-2", pairs); }

}  // namespace
}  // namespace mdbc::source
