// LOG-2's log macros (logging_macros): which function-like macros of a tree log, through how many
// macros, and where a name has several definitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "inspect/source/security_event_log_reach.h"

namespace mdbc::source::security_events {
namespace {

// One file's macros, each with whether it logs directly and the names it calls.
struct Macro {
  std::string name;
  bool logs_directly = false;
  std::vector<std::string> calls;
};

FunctionTable table_of(const std::vector<Macro>& macros) {
  FunctionTable t;
  for (const Macro& m : macros) {
    t.names.push_back(name_hash(m.name));
    t.logs_directly.push_back(m.logs_directly ? 1 : 0);
    std::vector<NameHash> calls;
    for (const std::string& c : m.calls) calls.push_back(name_hash(c));
    std::sort(calls.begin(), calls.end());
    t.calls.insert(t.calls.end(), calls.begin(), calls.end());
    t.calls_end.push_back(static_cast<uint32_t>(t.calls.size()));
  }
  return t;
}

bool logs(const std::vector<NameHash>& found, const std::string& name) {
  return std::binary_search(found.begin(), found.end(), name_hash(name));
}

TEST(LoggingMacros, ChainsUpToEightMacrosDeep) {
  // M1 logs; M(k) calls M(k - 1): M1 … M8 are found, M9 and M10 are past the depth followed.
  std::vector<Macro> chain{{"M1", true, {}}};
  for (int k = 2; k <= 10; ++k) chain.push_back({"M" + std::to_string(k), false, {"M" + std::to_string(k - 1)}});
  const FunctionTable t = table_of(chain);
  const FunctionTable* tables[] = {&t};
  const auto found = logging_macros(tables, {});
  for (int k = 1; k <= 8; ++k) EXPECT_TRUE(logs(found, "M" + std::to_string(k))) << k;
  EXPECT_FALSE(logs(found, "M9"));
  EXPECT_FALSE(logs(found, "M10"));
  EXPECT_EQ(found.size(), 8u);
}

TEST(LoggingMacros, EveryDefinitionOfANameMustLog) {
  // kleave logs in one file and not in the other; both definitions of both_log log (one through a
  // log wrapper); a macro calling two logging macros is found once.
  const FunctionTable a = table_of({{"kleave", true, {}}, {"both_log", true, {}}, {"twice", false, {"both_log", "wrapped"}}});
  const FunctionTable b = table_of({{"kleave", false, {"no_trace"}},
                                    {"both_log", false, {"log_wrapper"}},
                                    {"wrapped", false, {"both_log"}},
                                    {"calls_kleave", false, {"kleave"}},
                                    {"memcpy", true, {}}});
  const FunctionTable* tables[] = {&a, &b};
  const auto found = logging_macros(tables, {name_hash("log_wrapper")});
  EXPECT_FALSE(logs(found, "kleave"));
  EXPECT_FALSE(logs(found, "calls_kleave"));
  EXPECT_TRUE(logs(found, "both_log"));
  EXPECT_TRUE(logs(found, "wrapped"));
  EXPECT_TRUE(logs(found, "twice"));
  EXPECT_FALSE(logs(found, "memcpy"));  // a string function's name never logs the caller's event
  EXPECT_EQ(found.size(), 3u);
}

TEST(LoggingMacros, MacrosCallingEachOtherInACycleDoNotLog) {
  const FunctionTable t = table_of({{"A", false, {"B"}}, {"B", false, {"A"}}, {"C", false, {"C"}}});
  const FunctionTable* tables[] = {&t};
  EXPECT_TRUE(logging_macros(tables, {}).empty());
}

}  // namespace
}  // namespace mdbc::source::security_events
