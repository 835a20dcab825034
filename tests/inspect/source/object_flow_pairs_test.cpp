// Values carried by objects rather than plain names: a pointer to a pointer, a union's other
// member, a C++ reference, a struct field, an array of pointers and the standard containers
// (vector, list, map), within one file and across two, and a virtual method of a class defined in
// another file. The flawed twin passes a literal password
// (CRYPTO-4) or a line read from stdin as a format (CODE-2); the fixed twin swaps the source only
// (input for the password, a literal for the format) and must stay silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::expect_tree_pairs;
using test::RulePair;
using test::SnippetFile;
using test::TreePair;

const std::string header =
    "#include <windows.h>\n#include <stdio.h>\n#include <string.h>\n#include <list>\n#include <map>\n"
    "#include <vector>\n#define PASSWORD \"ABCD123!\"\n";

// What fills the buffer `data` points to, in the flawed and the fixed twin, and the sink of `data`.
struct Flow {
  std::string bad_fill, good_fill;
  std::string sink;  // a statement using the name `data`
};
const Flow password{"    strcpy(data, PASSWORD);\n", "    if (fgets(data, 100, stdin) == NULL) data[0] = 0;\n",
                    "HANDLE h;\n    if (LogonUserA(\"svc\", \"PUMP\", data, LOGON32_LOGON_NETWORK, "
                    "LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h);\n"};
const Flow format{"    if (fgets(data, 100, stdin) == NULL) data[0] = 0;\n", "    strcpy(data, \"fixedstringtest\");\n",
                  "printf(data);\n"};

constexpr const char* start = "    char buffer[100] = \"\";\n    char *data = buffer;\n";

// One file's program of each shape, given the fill and the sink.
using Shape = std::string (*)(const std::string& fill, const std::string& sink);
const std::vector<std::pair<std::string, Shape>> file_shapes = {
    {"a pointer to a pointer, read in another block",
     [](const std::string& fill, const std::string& sink) {
       return header + "void run(void)\n{\n" + start +
              "    char **first = &data;\n    char **second = &data;\n    {\n        char *data = *first;\n" + fill +
              "        *first = data;\n    }\n    {\n        char *data = *second;\n        " + sink + "    }\n}\n";
     }},
    {"a union's other member",
     [](const std::string& fill, const std::string& sink) {
       return header + "typedef union { char *unionFirst; char *unionSecond; } Both;\nvoid run(void)\n{\n    Both both;\n" +
              start + fill + "    both.unionFirst = data;\n    {\n        char *data = both.unionSecond;\n        " +
              sink + "    }\n}\n";
     }},
    {"a C++ reference to the pointer",
     [](const std::string& fill, const std::string& sink) {
       return header + "void run()\n{\n" + start + "    char *&dataRef = data;\n" + fill +
              "    {\n        char *data = dataRef;\n        " + sink + "    }\n}\n";
     }},
    {"a sink taking a reference to the pointer",
     [](const std::string& fill, const std::string& sink) {
       return header + "static void sink(char *&data)\n{\n    " + sink + "}\nvoid run()\n{\n" + start + fill +
              "    sink(data);\n}\n";
     }},
    {"a struct field passed by value",
     [](const std::string& fill, const std::string& sink) {
       return header + "typedef struct { char *structFirst; } Holder;\nstatic void sink(Holder holder)\n{\n" +
              "    char *data = holder.structFirst;\n    " + sink + "}\nvoid run(void)\n{\n    Holder holder;\n" + start +
              fill + "    holder.structFirst = data;\n    sink(holder);\n}\n";
     }},
    {"an element of an array of pointers",
     [](const std::string& fill, const std::string& sink) {
       return header + "static void sink(char *items[])\n{\n    char *data = items[2];\n    " + sink +
              "}\nvoid run(void)\n{\n    char *items[5];\n" + start + fill + "    items[2] = data;\n    sink(items);\n}\n";
     }},
    {"a vector filled by insert",
     [](const std::string& fill, const std::string& sink) {
       return header + "static void sink(std::vector<char *> items)\n{\n    char *data = items[2];\n    " + sink +
              "}\nvoid run()\n{\n    std::vector<char *> items;\n" + start + fill +
              "    items.insert(items.end(), 1, data);\n    items.insert(items.end(), 1, data);\n"
              "    items.insert(items.end(), 1, data);\n    sink(items);\n}\n";
     }},
    {"a list's last element",
     [](const std::string& fill, const std::string& sink) {
       return header + "static void sink(std::list<char *> items)\n{\n    char *data = items.back();\n    " + sink +
              "}\nvoid run()\n{\n    std::list<char *> items;\n" + start + fill +
              "    items.push_back(data);\n    items.push_back(data);\n    sink(items);\n}\n";
     }},
    {"a map's element",
     [](const std::string& fill, const std::string& sink) {
       return header + "static void sink(std::map<int, char *> items)\n{\n    char *data = items[2];\n    " + sink +
              "}\nvoid run()\n{\n    std::map<int, char *> items;\n" + start + fill +
              "    items[0] = data;\n    items[1] = data;\n    items[2] = data;\n    sink(items);\n}\n";
     }},
};

std::vector<RulePair> file_pairs(const Flow& flow) {
  std::vector<RulePair> out;
  for (const auto& [name, shape] : file_shapes)
    out.push_back({name, shape(flow.bad_fill, flow.sink), shape(flow.good_fill, flow.sink), "src/module.cpp"});
  return out;
}

// Two files: the caller stores `data` into an object of type `type` (declared in the header) with
// `store`, and passes it to `sink` in src/sink.cpp, which reads `data` out of it with `read`.
struct CrossShape {
  std::string name, type, store, read;
};
const std::vector<CrossShape> cross_shapes = {
    {"a struct field", "Holder", "    items.structFirst = data;\n", "items.structFirst"},
    {"an array of pointers", "", "    items[2] = data;\n", "items[2]"},
    {"a vector", "std::vector<char *>", "    items.insert(items.end(), 1, data);\n    items.insert(items.end(), 1, data);\n"
     "    items.insert(items.end(), 1, data);\n", "items[2]"},
    {"a list", "std::list<char *>", "    items.push_back(data);\n    items.push_back(data);\n", "items.back()"},
    {"a map", "std::map<int, char *>", "    items[0] = data;\n    items[1] = data;\n    items[2] = data;\n", "items[2]"},
};

std::vector<SnippetFile> cross_program(const CrossShape& shape, const std::string& fill, const std::string& sink) {
  const bool array = shape.type.empty();
  const std::string parameter = array ? "char *items[]" : shape.type + " items";
  const std::string declaration =
      "typedef struct { char *structFirst; } Holder;\nvoid sink(" + parameter + ");\n";
  return {{"src/items.h", declaration, ""},
          {"src/main.cpp",
           header + "#include \"items.h\"\nvoid run()\n{\n    " + (array ? "char *items[5]" : shape.type + " items") +
               ";\n" + start + fill + shape.store + "    sink(items);\n}\n",
           ""},
          {"src/sink.cpp",
           header + "#include \"items.h\"\nvoid sink(" + parameter + ")\n{\n    char *data = " + shape.read + ";\n    " +
               sink + "}\n",
           ""}};
}

// A virtual call: the caller hands `data` to a method of a class defined in another file.
std::vector<SnippetFile> virtual_program(const std::string& fill, const std::string& sink) {
  return {{"src/sink.h",
           "class Base\n{\npublic:\n    virtual ~Base() {}\n    virtual void action(char *data) = 0;\n};\n"
           "class BadSink : public Base\n{\npublic:\n    void action(char *data);\n};\n",
           ""},
          {"src/main.cpp",
           header + "#include \"sink.h\"\nvoid run()\n{\n" + start + fill +
               "    Base *base = new BadSink;\n    base->action(data);\n    delete base;\n}\n",
           ""},
          {"src/sink.cpp", header + "#include \"sink.h\"\nvoid BadSink::action(char *data)\n{\n    " + sink + "}\n", ""}};
}

std::vector<TreePair> cross_pairs(const Flow& flow) {
  std::vector<TreePair> out;
  for (const auto& shape : cross_shapes)
    out.push_back({shape.name + " across files", cross_program(shape, flow.bad_fill, flow.sink),
                   cross_program(shape, flow.good_fill, flow.sink)});
  out.push_back({"a virtual method of a class in another file", virtual_program(flow.bad_fill, flow.sink),
                 virtual_program(flow.good_fill, flow.sink)});
  return out;
}

TEST(ObjectFlowPairs, LiteralPasswordsThroughObjects) { expect_pairs("CRYPTO-4/literal-key-argument", file_pairs(password)); }
TEST(ObjectFlowPairs, FormatsThroughObjects) { expect_pairs("CODE-2", file_pairs(format)); }
TEST(ObjectFlowPairs, LiteralPasswordsThroughObjectsAcrossFiles) {
  expect_tree_pairs("CRYPTO-4/literal-key-argument", cross_pairs(password));
}
TEST(ObjectFlowPairs, FormatsThroughObjectsAcrossFiles) { expect_tree_pairs("CODE-2", cross_pairs(format)); }

// A store the contents cannot vouch for keeps them unknown: a container filled from the
// environment, a struct field appended to.
TEST(ObjectFlowPairs, UnknownStoresKeepTheFormatUnknown) {
  const std::vector<RulePair> pairs = {
      {"a vector given the environment",
       header + "#include <stdlib.h>\nvoid run()\n{\n    std::vector<char *> items;\n    items.push_back(getenv(\"FMT\"));\n"
                "    char *data = items[0];\n    printf(data);\n}\n",
       header + "void run()\n{\n    std::vector<char *> items;\n    items.push_back((char *)\"fixed\");\n"
                "    char *data = items[0];\n    printf(data);\n}\n",
       "src/module.cpp"},
      {"a union member given the environment",
       header + "#include <stdlib.h>\ntypedef union { char *first; char *second; } Both;\nvoid run(void)\n{\n    Both both;\n"
                "    both.first = getenv(\"FMT\");\n    char *data = both.second;\n    printf(data);\n}\n",
       header + "typedef union { char *first; char *second; } Both;\nvoid run(void)\n{\n    Both both;\n"
                "    both.first = \"fixed\";\n    char *data = both.second;\n    printf(data);\n}\n"},
  };
  expect_pairs("CODE-2", pairs);
}

}  // namespace
}  // namespace mdbc::source
