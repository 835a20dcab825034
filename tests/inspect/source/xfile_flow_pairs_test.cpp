// Values that cross files other than as a parameter of the sink's function filled by its callers:
// returned by a source function of another file (`data = source(data); printf(data);`), or filled
// by one given the pointer by reference, a pointer to it or its buffer (`source(data);
// printf(data);`), or passed
// on through functions of further files (run → first → second → sink), or stored in a global
// that a function of another file reads (`g_data = data; sink();`), in a static member of a class
// (`Holder::s_data`), or in a field of a structure returned by value (`struct Cfg c = load();
// printf(c.text);`). The flawed tree's value is
// read from input (CODE-2) or is a literal credential (CRYPTO-4); its fixed twin is the other.
#include <gtest/gtest.h>

#include "inspect/source/cross_file.h"
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

// How src/source.EXT's source() takes the argument it fills, and how src/main.EXT passes it.
struct FillWay {
  std::string ext, parameter, pass;
};
const FillWay by_reference{"cpp", "char *&data", "data"};        // data = …;
const FillWay through_pointer{"c", "char **data", "&data"};      // *data = …;
const FillWay into_buffer{"c", "char *data", "data"};            // strcpy(data, …);
const FillWay into_array{"c", "char data[]", "data"};            // strcpy(data, …);

// A two-file program: src/source.EXT defines `void source(PARAMETER)` with `fill`, which
// src/main.EXT calls on its local `data` (pointing to a buffer) and then does `sink`.
std::vector<SnippetFile> filled(const FillWay& way, const std::string& fill, const std::string& sink) {
  return {{"src/source." + way.ext,
           "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nvoid source(" + way.parameter + ")\n{\n" + fill +
               "}\n",
           ""},
          {"src/main." + way.ext,
           "#include <stdio.h>\n#include <windows.h>\nvoid source(" + way.parameter + ");\nvoid run(void)\n{\n"
           "    char buffer[100] = \"\";\n    char *data = buffer;\n    source(" + way.pass + ");\n    " + sink + "\n}\n",
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

// A global declared only by a header: src/a.EXT defines `TYPE *g_data`, stores `store` in it and
// calls sink(), which src/b.EXT defines with `use`, seeing the global through #include "shared.h".
std::vector<SnippetFile> header_global(const std::string& ext, const std::string& type, const std::string& store,
                                       const std::string& use) {
  return {{"src/a." + ext,
           "#include <stdlib.h>\n#include <wchar.h>\n#include \"shared.h\"\nvoid sink(void);\n" + type +
               " *g_data = NULL;\nvoid run(void)\n{\n    " + store + "\n    sink();\n}\n",
           ""},
          {"src/shared.h", "#ifndef SHARED_H\n#define SHARED_H\nextern " + type + " *g_data;\n#endif\n", ""},
          {"src/b." + ext,
           "#include <stdio.h>\n#include <wchar.h>\n#include <windows.h>\n#include \"shared.h\"\nvoid sink(void)\n{\n    " +
               use + "\n}\n",
           ""}};
}

// The files of header_global with the sink's file seeing the global through a chain of `depth`
// headers: src/b.EXT includes "inc/level0.h", which includes "level1.h", …, the last of which
// includes "../shared.h".
std::vector<SnippetFile> through_headers(std::vector<SnippetFile> files, size_t depth) {
  files[2].code.replace(files[2].code.find("\"shared.h\""), 10, "\"inc/level0.h\"");
  for (size_t i = 0; i < depth; ++i)
    files.push_back({"src/inc/level" + std::to_string(i) + ".h",
                     "#pragma once\n#include \"" + (i + 1 < depth ? "level" + std::to_string(i + 1) + ".h" : std::string("../shared.h")) +
                         "\"\n",
                     ""});
  return files;
}

// The pairs of `pairs` made with header_global and their twins seeing the header through
// `depth` headers (through_headers).
std::vector<TreePair> with_nested_headers(std::vector<TreePair> pairs, size_t depth) {
  const size_t given = pairs.size();
  for (size_t p = 0; p < given; ++p)
    if (pairs[p].bad.size() == 3 && pairs[p].bad[1].path == "src/shared.h")
      pairs.push_back({pairs[p].name + ", seen through " + std::to_string(depth) + " more headers",
                       through_headers(pairs[p].bad, depth), through_headers(pairs[p].good, depth)});
  return pairs;
}

// A structure returned by value: src/a.EXT defines `struct Cfg load(void)`, which does `store`
// on the local it returns; src/b.EXT reads a field of what load() returns with `use`.
std::vector<SnippetFile> returned_struct(const std::string& ext, const std::string& type, const std::string& store,
                                         const std::string& use) {
  return {{"src/cfg.h",
           "#ifndef CFG_H\n#define CFG_H\nstruct Cfg\n{\n    " + type + " *text;\n    int level;\n};\nstruct Cfg load(void);\n#endif\n",
           ""},
          {"src/a." + ext,
           "#include <stdlib.h>\n#include <string.h>\n#include <wchar.h>\n#include \"cfg.h\"\nstruct Cfg load(void)\n{\n"
           "    struct Cfg c;\n    " + store + "\n    c.level = 1;\n    return c;\n}\n",
           ""},
          {"src/b." + ext,
           "#include <stdio.h>\n#include <wchar.h>\n#include <windows.h>\n#include \"cfg.h\"\nvoid run(void)\n{\n"
           "    struct Cfg c = load();\n    " + use + "\n}\n",
           ""}};
}

// A static member of a class: src/holder.h declares `static TYPE *s_data;` in class Holder,
// src/a.cpp defines it and its method load() does `store`; src/b.cpp reads it with `use`.
std::vector<SnippetFile> static_member(const std::string& type, const std::string& store, const std::string& use) {
  return {{"src/holder.h",
           "#ifndef HOLDER_H\n#define HOLDER_H\nclass Holder\n{\npublic:\n    static " + type +
               " *s_data;\n    static void load();\n};\n#endif\n",
           ""},
          {"src/a.cpp",
           "#include <cstdlib>\n#include <cstring>\n#include <cwchar>\n#include \"holder.h\"\n" + type +
               " *Holder::s_data = nullptr;\nvoid Holder::load()\n{\n    " + store + "\n}\n",
           ""},
          {"src/b.cpp",
           "#include <cstdio>\n#include <cwchar>\n#include <windows.h>\n#include \"holder.h\"\nvoid show()\n{\n    " + use +
               "\n}\n",
           ""}};
}

const std::string read_line = "    if (fgets(data, 100, stdin) == NULL) data[0] = 0;\n";
const std::string copy_format = "    strcpy(data, \"fixedstringtest\");\n";
const std::string copy_password = "    strcpy(data, \"ABCD123!\");\n";
// LogonUserA given `password` as its password; LogonUserW, with wide literals, when `wide`.
std::string logon_with(const std::string& password, bool wide = false) {
  const std::string l = wide ? "L" : "";
  return "HANDLE h; if (LogonUser" + std::string(wide ? "W" : "A") + "(" + l + "\"User\", " + l + "\"Domain\", " + password +
         ", LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h);";
}
const std::string logon = logon_with("data");

// A tree where a character pointer crosses files: `place(ext, type, store, use)` (header_global,
// returned_struct).
using Place = std::vector<SnippetFile> (*)(const std::string&, const std::string&, const std::string&,
                                           const std::string&);

// CODE-2 pairs for the pointer `target` of a place, read as `read`: input against a literal, in
// C (narrow and wide) and in C++ (read into a local).
std::vector<TreePair> format_pairs(const std::string& where, Place place, const std::string& target,
                                   const std::string& read) {
  const std::string local = "char *data = " + read + ";\n    fprintf(stdout, data);";
  return {{where + ", read as a format (C)", place("c", "char", target + " = getenv(\"FMT\");", "printf(" + read + ");"),
           place("c", "char", target + " = \"fixedstringtest\";", "printf(" + read + ");")},
          {where + ", read as a wide format (C)",
           place("c", "wchar_t", target + " = _wgetenv(L\"FMT\");", "wprintf(" + read + ");"),
           place("c", "wchar_t", target + " = L\"fixedstringtest\";", "wprintf(" + read + ");")},
          {where + ", read into a local (C++)", place("cpp", "char", target + " = getenv(\"FMT\");", local),
           place("cpp", "char", target + " = (char *)\"fixedstringtest\";", local)}};
}

// CRYPTO-4 pairs likewise: a literal password against input, in C (narrow and wide) and in C++
// (a buffer filled from a literal).
std::vector<TreePair> password_pairs(const std::string& where, Place place, const std::string& target,
                                     const std::string& read) {
  const std::string buffer = "static char buffer[100] = \"\";\n    strcpy(buffer, ";
  return {{where + ", given a literal password (C)", place("c", "char", target + " = \"ABCD123!\";", logon_with(read)),
           place("c", "char", target + " = getenv(\"PASSWORD\");", logon_with(read))},
          {where + ", given a wide literal password (C)",
           place("c", "wchar_t", target + " = L\"ABCD123!\";", logon_with(read, true)),
           place("c", "wchar_t", target + " = _wgetenv(L\"PASSWORD\");", logon_with(read, true))},
          {where + ", a buffer filled from a literal (C++)",
           place("cpp", "char", buffer + "\"ABCD123!\");\n    " + target + " = buffer;", logon_with(read)),
           place("cpp", "char", buffer + "getenv(\"PASSWORD\"));\n    " + target + " = buffer;", logon_with(read))}};
}

// The pairs given, then those of each list of `more`.
std::vector<TreePair> joined(std::vector<TreePair> pairs, std::initializer_list<std::vector<TreePair>> more) {
  for (const auto& list : more) pairs.insert(pairs.end(), list.begin(), list.end());
  return pairs;
}

// A buffer filled from a literal, then stored in the member (`then`).
std::string member_buffer(const std::string& literal, const std::string& then = "s_data = buffer;") {
  return "static char buffer[100] = \"\";\n    strcpy(buffer, \"" + literal + "\");\n    " + then;
}
std::string member_buffer_wide(const std::string& literal, const std::string& then = "s_data = buffer;") {
  return "static wchar_t buffer[100] = L\"\";\n    wcscpy(buffer, L\"" + literal + "\");\n    " + then;
}
const std::string set_buffer = "Holder::set(buffer);";

// static_member with a setter: src/a.cpp defines `void Holder::set(TYPE *value) { s_data = value; }`,
// which src/c.cpp's configure() calls with `call`.
std::vector<SnippetFile> setter_member(const std::string& type, const std::string& call, const std::string& use) {
  auto files = static_member(type, "", use);
  files[0].code.replace(files[0].code.find("static void load();"), 19, "static void set(" + type + " *value);");
  files[1].code.replace(files[1].code.find("void Holder::load()\n{\n    \n}"), 30,
                        "void Holder::set(" + type + " *value)\n{\n    s_data = value;\n}");
  files.push_back({"src/c.cpp", "#include <cstdlib>\n#include <cstring>\n#include <cwchar>\n#include \"holder.h\"\nvoid configure()\n{\n    " +
                                    call + "\n}\n", ""});
  return files;
}

const std::vector<TreePair> code2_pairs = joined({
    {"returned by a function of another file: a line read from stdin, against a literal copied in",
     returned(read_line, "printf(data);"), returned(copy_format, "printf(data);")},
    {"returned into fprintf",
     returned(read_line, "fprintf(stdout, data);"), returned(copy_format, "fprintf(stdout, data);")},
    {"passed on through two functions of two more files",
     chain(read_line, "printf(data);"), chain(copy_format, "printf(data);")},
    {"stored in a global that a function of another file reads",
     global(read_line, "printf(data);"), global(copy_format, "printf(data);")},
    {"a global declared in an included header, read as a wide format (C++)",
     header_global("cpp", "wchar_t", "g_data = _wgetenv(L\"FMT\");", "fwprintf(stdout, g_data);"),
     header_global("cpp", "wchar_t", "g_data = L\"fixedstringtest\";", "fwprintf(stdout, g_data);")},
    {"a field of a structure another file returns by value, printed with a literal format (C)",
     returned_struct("c", "char", "c.text = getenv(\"FMT\");", "printf(c.text);"),
     returned_struct("c", "char", "c.text = getenv(\"FMT\");", "printf(\"%s\", c.text);")},
    {"a static member another file's method stores, read as a format (C++)",
     static_member("char", "s_data = getenv(\"FMT\");", "printf(Holder::s_data);"),
     static_member("char", member_buffer("fixedstringtest"), "printf(Holder::s_data);")},
    {"a static member another file's method stores, read as a wide format (C++)",
     static_member("wchar_t", "s_data = _wgetenv(L\"FMT\");", "wprintf(Holder::s_data);"),
     static_member("wchar_t", member_buffer_wide("fixedstringtest"), "wprintf(Holder::s_data);")},
    {"a static member stored qualified, read into a local (C++)",
     static_member("char", "Holder::s_data = getenv(\"FMT\");", "char *fmt = Holder::s_data;\n    fprintf(stdout, fmt);"),
     static_member("char", "Holder::s_data = (char *)\"fixedstringtest\";",
                   "char *fmt = Holder::s_data;\n    fprintf(stdout, fmt);")},
    {"a static member printed with a literal format (C++)",
     static_member("char", "s_data = getenv(\"FMT\");", "printf(Holder::s_data);"),
     static_member("char", "s_data = getenv(\"FMT\");", "printf(\"%s\", Holder::s_data);")},
    {"a static member a setter of another file stores, given input by a third (C++)",
     setter_member("char", "Holder::set(getenv(\"FMT\"));", "printf(Holder::s_data);"),
     setter_member("char", member_buffer("fixedstringtest", set_buffer), "printf(Holder::s_data);")},
    {"a static member a setter of another file stores, read as a wide format (C++)",
     setter_member("wchar_t", "Holder::set(_wgetenv(L\"FMT\"));", "wprintf(Holder::s_data);"),
     setter_member("wchar_t", member_buffer_wide("fixedstringtest", set_buffer), "wprintf(Holder::s_data);")},
    {"filled by reference by a function of another file: input against a literal (C++)",
     filled(by_reference, "    data = getenv(\"FMT\");\n", "printf(data);"),
     filled(by_reference, "    data = (char *)\"fixedstringtest\";\n", "printf(data);")},
    {"filled by reference, then read into fprintf (C++)",
     filled(by_reference, "    data = getenv(\"FMT\");\n", "fprintf(stdout, data);"),
     filled(by_reference, "    data = (char *)\"fixedstringtest\";\n", "fprintf(stdout, data);")},
    {"filled through a pointer to it by a function of another file (C)",
     filled(through_pointer, "    *data = getenv(\"FMT\");\n", "printf(data);"),
     filled(through_pointer, "    *data = \"fixedstringtest\";\n", "printf(data);")},
    {"its buffer filled by a function of another file: a line read against a literal copied in (C)",
     filled(into_buffer, read_line, "printf(data);"), filled(into_buffer, copy_format, "printf(data);")},
    {"its buffer filled by a function of another file taking an array (C)",
     filled(into_array, read_line, "printf(data);"), filled(into_array, copy_format, "printf(data);")},
}, {format_pairs("a global declared in an included header", header_global, "g_data", "g_data"),
    format_pairs("a field of a structure another file returns by value", returned_struct, "c.text", "c.text")});

TEST(CrossFileFlowPairs, FormatStrings) { expect_tree_pairs("CODE-2", with_nested_headers(code2_pairs, 2)); }

const std::vector<TreePair> crypto4_pairs = joined({
    {"returned by a function of another file: a literal password copied in, against a line read",
     returned(copy_password, logon), returned(read_line, logon)},
    {"passed on through two functions of two more files",
     chain(copy_password, logon), chain(read_line, logon)},
    {"stored in a global that a function of another file reads",
     global(copy_password, logon), global(read_line, logon)},
    {"a static member another file's method fills from a literal password (C++)",
     static_member("char", member_buffer("ABCD123!"), logon_with("Holder::s_data")),
     static_member("char", "s_data = getenv(\"PASSWORD\");", logon_with("Holder::s_data"))},
    {"a static member another file's method fills from a wide literal password (C++)",
     static_member("wchar_t", member_buffer_wide("ABCD123!"), logon_with("Holder::s_data", true)),
     static_member("wchar_t", "s_data = _wgetenv(L\"PASSWORD\");", logon_with("Holder::s_data", true))},
    {"a static member a setter of another file stores, given a literal password by a third (C++)",
     setter_member("char", member_buffer("ABCD123!", set_buffer), logon_with("Holder::s_data")),
     setter_member("char", "Holder::set(getenv(\"PASSWORD\"));", logon_with("Holder::s_data"))},
    {"a static member a setter of another file stores, given a wide literal password (C++)",
     setter_member("wchar_t", member_buffer_wide("ABCD123!", set_buffer), logon_with("Holder::s_data", true)),
     setter_member("wchar_t", "Holder::set(_wgetenv(L\"PASSWORD\"));", logon_with("Holder::s_data", true))},
    {"filled by reference with a literal password by a function of another file (C++)",
     filled(by_reference, "    data = (char *)\"ABCD123!\";\n", logon),
     filled(by_reference, "    data = getenv(\"PASSWORD\");\n", logon)},
    {"filled through a pointer to it with a literal password (C)",
     filled(through_pointer, "    *data = \"ABCD123!\";\n", logon),
     filled(through_pointer, "    *data = getenv(\"PASSWORD\");\n", logon)},
    {"its buffer filled from a literal password by a function of another file (C)",
     filled(into_buffer, copy_password, logon), filled(into_buffer, read_line, logon)},
}, {password_pairs("a global declared in an included header", header_global, "g_data", "g_data"),
    password_pairs("a field of a structure another file returns by value", returned_struct, "c.text", "c.text")});

TEST(CrossFileFlowPairs, HardcodedSecrets) { expect_tree_pairs("CRYPTO-4", with_nested_headers(crypto4_pairs, 3)); }

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

// A filled argument counts as a literal only when the filling function always overwrites it with
// literals and nothing else writes it before the use.
TEST(CrossFileFlowPairs, FormatStringsFilledUnsettled) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  const std::string literal = "    data = (char *)\"fixedstringtest\";\n";
  ASSERT_EQ(code2(filled(by_reference, literal, "printf(data);")), 0u);
  // Filled only on one path: what the caller passed may come back.
  EXPECT_EQ(code2(filled(by_reference, "    if (getenv(\"X\"))\n    " + literal, "printf(data);")), 1u);
  EXPECT_EQ(code2(filled(by_reference, "    if (getenv(\"X\")) {\n    " + literal + "    }\n", "printf(data);")), 1u);
  // Also stored from input.
  EXPECT_EQ(code2(filled(by_reference, literal + "    if (getenv(\"X\")) data = getenv(\"FMT\");\n", "printf(data);")), 1u);
  // Only read: the caller's buffer keeps what it held.
  EXPECT_EQ(code2(filled(into_buffer, "    puts(data);\n", "printf(data);")), 1u);
  // Appended to: the caller's contents count.
  EXPECT_EQ(code2(filled(into_buffer, "    strcat(data, \"fixedstringtest\");\n", "printf(data);")), 1u);
  // Written again by the sink's file after the call, directly or through the buffer it points to.
  EXPECT_EQ(code2(filled(by_reference, literal, "data = getenv(\"FMT\");\n    printf(data);")), 1u);
  EXPECT_EQ(code2(filled(into_buffer, copy_format, "fgets(buffer, 100, stdin);\n    printf(data);")), 1u);
  // The call only on one path.
  auto conditional = filled(by_reference, literal, "printf(data);");
  const std::string call = "    source(data);";
  conditional[1].code.replace(conditional[1].code.find(call), call.size(), "    if (buffer[1]) source(data);");
  EXPECT_EQ(code2(conditional), 1u);
  // Another file of the tree defines source() too, filling from input: which one links is unknown.
  auto twice = filled(by_reference, literal, "printf(data);");
  twice.push_back({"tool/source.cpp", "#include <stdlib.h>\nvoid source(char *&data)\n{\n    data = getenv(\"FMT\");\n}\n", ""});
  EXPECT_EQ(code2(twice), 1u);
  // The sink's file defines source() itself: decided there, as before.
  EXPECT_EQ(code2({{"src/main.cpp", "#include <stdio.h>\n#include <stdlib.h>\nvoid source(char *&data)\n{\n"
                                    "    data = getenv(\"FMT\");\n}\nvoid run()\n{\n    char *data = NULL;\n"
                                    "    source(data);\n    printf(data);\n}\n", ""}}),
            1u);
  // A literal macro of a header given to two calls is no local the first one fills.
  EXPECT_EQ(code2({{"include/fmt.h", "#define PORT_FMT \"port@%u\"\n", ""},
                   {"src/names.c", "#include <stdio.h>\n#include \"../include/fmt.h\"\nvoid names(char *a, char *b)\n{\n"
                                   "    snprintf(a, 8, PORT_FMT, 1);\n    snprintf(b, 8, PORT_FMT, 0);\n}\n", ""}}),
            0u);
  // A parameter given to a call before the use (va_start) stays the parameter its callers fill.
  EXPECT_EQ(code2({{"src/wrap.c", "#include <stdarg.h>\n#include <stdio.h>\nint wrap(char *buf, const char *fmt, ...)\n{\n"
                                  "    va_list args;\n    int len;\n    va_start(args, fmt);\n    len = va_arg(args, int);\n"
                                  "    va_end(args);\n    return snprintf(buf, 8, fmt, len);\n}\n", ""},
                   {"src/main.c", "int wrap(char *buf, const char *fmt, ...);\nvoid run(char *buf)\n{\n    wrap(buf, \"%d\", 3);\n}\n", ""}}),
            0u);
}

// Headers including headers are followed to a bounded depth, each once: a cycle ends.
TEST(CrossFileFlowPairs, FormatStringsGlobalOfANestedHeader) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  const auto literal_at = [](size_t depth) {
    return through_headers(header_global("c", "char", "g_data = \"fixedstringtest\";", "printf(g_data);"), depth);
  };
  // The sink's file includes level0.h: with a chain of 7 the declaring header is the 8th level.
  EXPECT_EQ(code2(literal_at(max_include_depth - 1)), 0u);
  EXPECT_EQ(code2(literal_at(max_include_depth)), 1u);
  // level0.h and level1.h include each other; level1.h includes the declaring header too.
  auto cycle = literal_at(2);
  cycle[3].code = "#pragma once\n#include \"level1.h\"\n";
  cycle[4].code = "#pragma once\n#include \"level0.h\"\n#include \"../shared.h\"\n";
  EXPECT_EQ(code2(cycle), 0u);
  // A header including itself, and a cycle that never reaches the declaring header.
  auto self = literal_at(1);
  self[3].code = "#pragma once\n#include \"level0.h\"\n#include \"../shared.h\"\n";
  EXPECT_EQ(code2(self), 0u);
  cycle[4].code = "#pragma once\n#include \"level0.h\"\n";
  EXPECT_EQ(code2(cycle), 1u);
}

// A field or a static member keeps its finding unless every store the tree makes is a literal.
TEST(CrossFileFlowPairs, FormatStringsUnsettledFieldsAndMembers) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  const std::string literal = "c.text = \"fixedstringtest\";";
  ASSERT_EQ(code2(returned_struct("c", "char", literal, "printf(c.text);")), 0u);
  // Stored from input too.
  EXPECT_EQ(code2(returned_struct("c", "char", literal + "\n    if (getenv(\"X\")) c.text = getenv(\"FMT\");",
                                  "printf(c.text);")),
            1u);
  // The structure is also handed to a function that may fill any field.
  EXPECT_EQ(code2(returned_struct("c", "char", literal + "\n    fill(&c);", "printf(c.text);")), 1u);
  // The sink's file changes it before the use.
  EXPECT_EQ(code2(returned_struct("c", "char", literal, "c.text = getenv(\"FMT\");\n    printf(c.text);")), 1u);
  // A field the function never stores.
  EXPECT_EQ(code2(returned_struct("c", "char", literal, "printf((char *)c.level);")), 1u);
  const auto member_literal = static_member("char", member_buffer("fixedstringtest"), "printf(Holder::s_data);");
  ASSERT_EQ(code2(member_literal), 0u);
  // Another file stores input in it, qualified.
  auto refilled = member_literal;
  refilled.push_back({"src/c.cpp", "#include <cstdlib>\n#include \"holder.h\"\nvoid refill()\n{\n"
                                   "    Holder::s_data = getenv(\"FMT\");\n}\n", ""});
  EXPECT_EQ(code2(refilled), 1u);
  // The sink's file writes it itself.
  EXPECT_EQ(code2(static_member("char", member_buffer("fixedstringtest"),
                                "Holder::s_data = getenv(\"FMT\");\n    printf(Holder::s_data);")),
            1u);
  // A setter its own file calls (its callers there are not followed), or a caller passing input
  // besides one passing a literal.
  const auto setter_literal = setter_member("char", member_buffer("fixedstringtest", set_buffer), "printf(Holder::s_data);");
  ASSERT_EQ(code2(setter_literal), 0u);
  auto called_at_home = setter_literal;
  called_at_home[1].code = "#include <cstdlib>\n" + called_at_home[1].code + "void reset()\n{\n    Holder::set(getenv(\"FMT\"));\n}\n";
  EXPECT_EQ(code2(called_at_home), 1u);
  auto also_input = setter_literal;
  also_input.push_back({"src/d.cpp", "#include <cstdlib>\n#include \"holder.h\"\nvoid other()\n{\n"
                                     "    Holder::set(getenv(\"FMT\"));\n}\n", ""});
  EXPECT_EQ(code2(also_input), 1u);
  // Another class's member of that name is another variable.
  EXPECT_EQ(code2(static_member("char", member_buffer("fixedstringtest"), "printf(Other::s_data);")), 1u);
}

// A global the sink's file declares nowhere stands for another file's only through a header that
// it includes, resolved by path; a name a header defines as a literal macro stays one.
TEST(CrossFileFlowPairs, FormatStringsGlobalOfAHeader) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  const auto literal_stored = header_global("c", "char", "g_data = \"fixedstringtest\";", "printf(g_data);");
  ASSERT_EQ(code2(literal_stored), 0u);
  // Not included: the name may be anything.
  auto not_included = literal_stored;
  not_included[2].code.replace(not_included[2].code.find("shared.h"), 8, "other.h");
  EXPECT_EQ(code2(not_included), 1u);
  // The header beside the includer is the one included, not another of that name elsewhere.
  auto beside = literal_stored;
  beside[1].path = "lib/shared.h";
  beside.push_back({"src/shared.h", "#define SHARED_VERSION 2\n", ""});
  EXPECT_EQ(code2(beside), 1u);
  // No header beside it: the first in path order whose path ends with the include.
  auto elsewhere = literal_stored;
  elsewhere[1].path = "lib/shared.h";
  elsewhere.push_back({"zzz/shared.h", "#define SHARED_VERSION 2\n", ""});
  EXPECT_EQ(code2(elsewhere), 0u);
  elsewhere[1].path = "zzz/shared.h";
  elsewhere[3].path = "lib/shared.h";
  EXPECT_EQ(code2(elsewhere), 1u);
  // A function or a member of that name is no global.
  EXPECT_EQ(code2(header_global("c", "char", "g_data = \"fixedstringtest\";", "printf(g_data); g_data();")), 1u);
  // A name the included header defines as a literal macro is that literal.
  EXPECT_EQ(code2({{"src/fmt.h", "#define app_format \"fixed %s\\n\"\n", ""},
                   {"src/b.c", "#include <stdio.h>\n#include \"fmt.h\"\nvoid show(const char *s)\n{\n"
                               "    printf(app_format, s);\n}\n", ""}}),
            0u);
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
