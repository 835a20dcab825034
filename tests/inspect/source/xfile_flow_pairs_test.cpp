// Values that cross files other than as a parameter of the sink's function filled by its callers:
// returned by a source function of another file (`data = source(data); printf(data);`), or passed
// on through functions of further files (run → first → second → sink), or stored in a global
// that a function of another file reads (`g_data = data; sink();`). The flawed tree's value is
// read from input (CODE-2) or is a literal credential (CRYPTO-4); its fixed twin is the other.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::SnippetFile;
using test::TreePair;

// A two-file program: src/source.c defines `char *source(char *data)` with `fill`, which
// src/main.c calls and passes the result to `sink`.
std::vector<SnippetFile> returned(const std::string& fill, const std::string& sink) {
  return {{"src/source.c",
           "#include <stdio.h>\n#include <string.h>\nchar *source(char *data)\n{\n" + fill + "    return data;\n}\n", ""},
          {"src/main.c",
           "#include <stdio.h>\n#include <windows.h>\nchar *source(char *data);\nvoid run(void)\n{\n"
           "    char buffer[100] = \"\";\n    char *data = buffer;\n    data = source(data);\n    " +
               sink + "\n}\n",
           ""}};
}

// A four-file chain: src/a.c fills a buffer with `fill` and calls first(), src/b.c passes it on
// to second(), src/c.c to third(), which src/d.c defines with `sink`.
std::vector<SnippetFile> chain(const std::string& fill, const std::string& sink) {
  return {{"src/a.c",
           "#include <stdio.h>\n#include <string.h>\nvoid first(char *data);\nvoid run(void)\n{\n"
           "    char buffer[100] = \"\";\n    char *data = buffer;\n" + fill + "    first(data);\n}\n", ""},
          {"src/b.c", "void second(char *data);\nvoid first(char *data)\n{\n    second(data);\n}\n", ""},
          {"src/c.c", "void third(char *data);\nvoid second(char *data)\n{\n    third(data);\n}\n", ""},
          {"src/d.c", "#include <stdio.h>\n#include <windows.h>\nvoid third(char *data)\n{\n    " + sink + "\n}\n", ""}};
}

// A global: src/a.c defines `char *g_data`, fills a buffer with `fill`, stores it there and calls
// sink(), which src/b.c defines reading the global declared extern, with `use`.
std::vector<SnippetFile> global(const std::string& fill, const std::string& use) {
  return {{"src/a.c",
           "#include <stdio.h>\n#include <string.h>\nvoid sink(void);\nchar *g_data = NULL;\nvoid run(void)\n{\n"
           "    char buffer[100] = \"\";\n    char *data = buffer;\n" + fill + "    g_data = data;\n    sink();\n}\n", ""},
          {"src/b.c", "#include <stdio.h>\n#include <windows.h>\nextern char *g_data;\nvoid sink(void)\n{\n"
                      "    char *data = g_data;\n    " + use + "\n}\n", ""}};
}

const std::string read_line = "    if (fgets(data, 100, stdin) == NULL) data[0] = 0;\n";
const std::string copy_format = "    strcpy(data, \"fixedstringtest\");\n";
const std::string copy_password = "    strcpy(data, \"ABCD123!\");\n";
const std::string logon =
    "HANDLE h; if (LogonUserA(\"User\", \"Domain\", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &h)) "
    "CloseHandle(h);";

const std::vector<TreePair> code2_pairs = {
    {"returned by a function of another file: a line read from stdin, against a literal copied in",
     returned(read_line, "printf(data);"), returned(copy_format, "printf(data);")},
    {"returned into fprintf",
     returned(read_line, "fprintf(stdout, data);"), returned(copy_format, "fprintf(stdout, data);")},
    {"passed on through two functions of two more files",
     chain(read_line, "printf(data);"), chain(copy_format, "printf(data);")},
    {"stored in a global that a function of another file reads",
     global(read_line, "printf(data);"), global(copy_format, "printf(data);")},
};

TEST(CrossFileFlowPairs, FormatStrings) { expect_tree_pairs("CODE-2", code2_pairs); }

const std::vector<TreePair> crypto4_pairs = {
    {"returned by a function of another file: a literal password copied in, against a line read",
     returned(copy_password, logon), returned(read_line, logon)},
    {"passed on through two functions of two more files",
     chain(copy_password, logon), chain(read_line, logon)},
    {"stored in a global that a function of another file reads",
     global(copy_password, logon), global(read_line, logon)},
};

TEST(CrossFileFlowPairs, HardcodedSecrets) { expect_tree_pairs("CRYPTO-4", crypto4_pairs); }

// What the tree does not settle keeps the per-file decision.
TEST(CrossFileFlowPairs, FormatStringsUnsettled) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  // Appended to what the caller passed in: the caller's contents count.
  EXPECT_EQ(code2(returned("    strcat(data, \"fixedstringtest\");\n", "printf(data);")), 1u);
  // Assigned only on one path: the buffer may keep its other value.
  EXPECT_EQ(code2({{"src/source.c", "#include <string.h>\nchar *source(char *data)\n{\n"
                                    "    strcpy(data, \"fixed\");\n    return data;\n}\n", ""},
                   {"src/main.c", "#include <stdio.h>\nchar *source(char *data);\nvoid run(char *line)\n{\n"
                                  "    char *data = line;\n    if (line[0]) data = source(data);\n    printf(data);\n}\n",
                    ""}}),
            1u);
  // A link of the chain that also passes its own input on.
  auto mixed = chain(copy_format, "printf(data);");
  mixed.push_back({"src/e.c", "#include <stdlib.h>\nvoid second(char *data);\nvoid other(void)\n{\n"
                              "    second(getenv(\"FMT\"));\n}\n", ""});
  EXPECT_EQ(code2(mixed), 1u);
  // A global another function of the tree fills from input too.
  auto filled = global(copy_format, "printf(data);");
  filled.push_back({"src/c.c", "#include <stdio.h>\nextern char *g_data;\nvoid refill(void)\n{\n"
                               "    fgets(g_data, 100, stdin);\n}\n", ""});
  EXPECT_EQ(code2(filled), 1u);
  // A global the sink's file writes itself.
  EXPECT_EQ(code2(global(copy_format, "g_data[0] = getchar(); printf(data);")), 1u);
  // Changed after it was returned.
  EXPECT_EQ(code2(returned(copy_format, "fgets(data, 100, stdin); printf(data);")), 1u);
}

// The finding is at the sink and names the function that returns the literal.
TEST(CrossFileFlowPairs, HardcodedSecretNamesTheSource) {
  const auto found = test::only(test::inspect_tree(returned(copy_password, logon)).findings, "CRYPTO-4");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "src/main.c");
  EXPECT_NE(found[0].message.find("returned by the function at src/source.c:3"), std::string::npos) << found[0].message;
}

}  // namespace
}  // namespace mdbc::source
