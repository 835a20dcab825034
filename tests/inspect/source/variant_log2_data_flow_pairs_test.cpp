// Variant programs, data flow, for LOG-2 (CWE-778): a failed authentication or signature check
// (the source) and the rejection it leads to (the sink) joined along every path of
// variant_data_flows.h, C and C++. The flawed rejection gives up without a log; the fixed one
// reaches the log as real code does: syslog itself, a project's macro over syslog, a helper that
// logs, a logger called through a function pointer, or a logger object's virtual method.
#include <gtest/gtest.h>

#include "inspect/source/variant_log2_flaws.h"

namespace mdbc::source {
namespace {

using test::data_flow_programs;
using test::DataFlaw;
using test::expect_variant_programs;
using test::log2_flaws;

TEST(VariantDataFlowPrograms, Log2) {
  expect_variant_programs("LOG-2", "data-flow variants", data_flow_programs(log2_flaws));
}

}  // namespace
}  // namespace mdbc::source
