// Values carried through a C++ object's lifetime and through std::string: a constructor stores
// the value in a member and the destructor or another method is the sink (the class in the same
// file, or declared in a header and defined in another file than its users), and a sink taking a
// std::string / std::wstring by reference or by value, reading its c_str(). The flawed twin passes
// a literal password or key (CRYPTO-4) or a line read from stdin as a format (CODE-2); the fixed
// twin swaps the source only and must stay silent. Narrow (char) and wide (wchar_t) variants.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::SnippetFile;
using test::TreePair;

const std::string header =
    "#include <windows.h>\n#include <wincrypt.h>\n#include <stdio.h>\n#include <string.h>\n#include <wchar.h>\n"
    "#include <string>\n";

// The character type, what fills the buffer `data` points to in each twin, and the sink of `data`.
struct Flow {
  std::string name;
  bool wide;
  std::string bad_fill, good_fill;
  std::string sink;  // a statement using DATA
};

const std::string narrow_input = "    if (fgets(data, 100, stdin) == NULL) data[0] = 0;\n";
const std::string wide_input = "    if (fgetws(data, 100, stdin) == NULL) data[0] = 0;\n";
const Flow password{"a password", false, "    strcpy(data, \"ABCD123!\");\n", narrow_input,
                    "{ HANDLE h; if (LogonUserA(\"User\", \"Domain\", DATA, LOGON32_LOGON_NETWORK, "
                    "LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h); }"};
const Flow wide_password{"a wide password", true, "    wcscpy(data, L\"ABCD123!\");\n", wide_input,
                         "{ HANDLE h; if (LogonUserW(L\"User\", L\"Domain\", DATA, LOGON32_LOGON_NETWORK, "
                         "LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h); }"};
const Flow key{"a key", false, "    strcpy(data, \"23!@0pW3NsMfaq\");\n", narrow_input,
               "{ HCRYPTPROV p; HCRYPTHASH hh; HCRYPTKEY k; CryptAcquireContext(&p, 0, 0, PROV_RSA_AES, 0); "
               "CryptCreateHash(p, CALG_SHA_256, 0, 0, &hh); CryptHashData(hh, (BYTE *)DATA, (DWORD)strlen(DATA), 0); "
               "CryptDeriveKey(p, CALG_AES_256, hh, 0, &k); }"};
const Flow format{"a format", false,
                  "    { size_t n = strlen(data); if (fgets(data + n, (int)(100 - n), stdin) == NULL) data[n] = 0; }\n",
                  "    strcpy(data, \"fixedstringtest\");\n", "printf(DATA);"};
const Flow wide_format{"a wide format", true,
                       "    { size_t n = wcslen(data); if (fgetws(data + n, (int)(100 - n), stdin) == NULL) data[n] = 0; }\n",
                       "    wcscpy(data, L\"fixedstringtest\");\n", "fwprintf(stdout, DATA);"};

std::string sink_of(const Flow& flow, const std::string& value) {
  std::string s = flow.sink;
  for (size_t at = s.find("DATA"); at != std::string::npos; at = s.find("DATA", at + value.size()))
    s.replace(at, 4, value);
  return s;
}
std::string char_type(const Flow& flow) { return flow.wide ? "wchar_t" : "char"; }
std::string string_type(const Flow& flow) { return flow.wide ? "std::wstring" : "std::string"; }
std::string start(const Flow& flow) {
  return "    " + char_type(flow) + " dataBuffer[100] = " + (flow.wide ? "L\"\"" : "\"\"") + ";\n    " +
         char_type(flow) + " *data = dataBuffer;\n";
}

// A program of one shape, given the flow and the twin's fill.
using Shape = std::vector<SnippetFile> (*)(const Flow& flow, const std::string& fill);

// The class in the file of its users: `assign` stores the constructor's parameter (a statement
// in its body, or an initialiser list), `sink_in` is the method holding the sink, `use` makes the
// object.
// `head` opens the class (after `prelude`, what it needs declared).
std::vector<SnippetFile> in_class(const Flow& flow, const std::string& fill, const std::string& constructor,
                                  const std::string& sink_in, const std::string& use,
                                  const std::string& head = "class BadSink", const std::string& prelude = "") {
  return {{"src/main.cpp",
           header + prelude + head + "\n{\n    " + char_type(flow) + " *data;\npublic:\n    BadSink(" + char_type(flow) +
               " *dataCopy)" + constructor + "\n    " + sink_in + " { " + sink_of(flow, "data") +
               " }\n};\nvoid run()\n{\n" + start(flow) + fill + use + "}\n",
           ""}};
}

// The class declared in a namespace in a header, its constructor and destructor defined out of
// line in another file (`definitions`, given the constructor's initialiser list), made in a third.
std::vector<SnippetFile> in_namespace(const Flow& flow, const std::string& fill, const std::string& definitions) {
  std::string defined = definitions;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"CHAR", char_type(flow)}, {"SINK", sink_of(flow, "data")}})
    for (size_t at = defined.find(from); at != std::string::npos; at = defined.find(from, at + to.size()))
      defined.replace(at, from.size(), to);
  return {{"src/sink.h",
           "namespace app\n{\nclass BadSink\n{\npublic:\n    BadSink(" + char_type(flow) +
               " *dataCopy);\n    ~BadSink();\nprivate:\n    " + char_type(flow) + " *data;\n};\n}\n",
           ""},
          {"src/sink.cpp", header + "#include \"sink.h\"\n" + defined, ""},
          {"src/main.cpp", header + "#include \"sink.h\"\nvoid run()\n{\n" + start(flow) + fill +
                               "    app::BadSink object(data);\n}\n", ""}};
}

// A base class template, for a constructor naming it in its initialiser list.
const std::string base_template = "template <class T>\nclass Base\n{\npublic:\n    explicit Base(T) {}\n};\n";

// The class declared in a header and defined in another file than its users.
std::vector<SnippetFile> declared_apart(const Flow& flow, const std::string& fill, const std::string& constructor,
                                        const std::string& use) {
  return {{"src/sink.h",
           "class BadSink\n{\npublic:\n    BadSink(" + char_type(flow) + " *dataCopy);\n    ~BadSink();\nprivate:\n    " +
               char_type(flow) + " *data;\n};\n",
           ""},
          {"src/sink.cpp",
           header + "#include \"sink.h\"\nBadSink::BadSink(" + char_type(flow) + " *dataCopy)" + constructor +
               "\nBadSink::~BadSink()\n{\n    " + sink_of(flow, "data") + "\n}\n",
           ""},
          {"src/main.cpp", header + "#include \"sink.h\"\nvoid run()\n{\n" + start(flow) + fill + use + "}\n", ""}};
}

const std::vector<std::pair<std::string, Shape>> shapes = {
    {"a destructor reading what the constructor stored, an object on the stack",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " { data = dataCopy; }", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a destructor reading what the constructor stored, an object made with new",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " { data = dataCopy; }", "~BadSink()",
                       "    BadSink *object = new BadSink(data);\n    delete object;\n");
     }},
    {"a member set by an initialiser list",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " : data(dataCopy) {}", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a method reading what the constructor stored",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " { this->data = dataCopy; }", "void action()",
                       "    BadSink object(data);\n    object.action();\n");
     }},
    {"a class declared in a header, defined and used in two other files",
     [](const Flow& flow, const std::string& fill) {
       return declared_apart(flow, fill, "\n{\n    data = dataCopy;\n}", "    BadSink object(data);\n");
     }},
    {"a class declared in a header with an initialiser list, made with new in another file",
     [](const Flow& flow, const std::string& fill) {
       return declared_apart(flow, fill, " : data(dataCopy)\n{\n}",
                             "    BadSink *object = new BadSink(data);\n    delete object;\n");
     }},
    {"an initialiser list naming a base class template first",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " : Base<int>(0), data(dataCopy) {}", "~BadSink()", "    BadSink object(data);\n",
                       "class BadSink : public Base<int>", base_template);
     }},
    {"a braced initialiser last before the body",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " : data{dataCopy} {}", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a constructor declared noexcept(true)",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " noexcept(true) : data(dataCopy) {}", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a constructor declared noexcept",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " noexcept : data(dataCopy) {}", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a constructor whose body is a function try block",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " try : data(dataCopy) {} catch (...) {}", "~BadSink()", "    BadSink object(data);\n");
     }},
    {"a class head with an export macro",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " { data = dataCopy; }", "~BadSink()", "    BadSink object(data);\n",
                       "class DLL_EXPORT BadSink", "#define DLL_EXPORT __declspec(dllexport)\n");
     }},
    {"a class head with an attribute",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " { data = dataCopy; }", "~BadSink()", "    BadSink object(data);\n",
                       "class [[nodiscard]] BadSink");
     }},
    {"a struct head with alignas",
     [](const Flow& flow, const std::string& fill) {
       return in_class(flow, fill, " : data(dataCopy) {}", "~BadSink()", "    BadSink object(data);\n",
                       "struct alignas(8) BadSink");
     }},
    {"a class of a namespace defined out of line by its qualified name, made in another file",
     [](const Flow& flow, const std::string& fill) {
       return in_namespace(flow, fill, "app::BadSink::BadSink(CHAR *dataCopy) : data(dataCopy) {}\n"
                                       "app::BadSink::~BadSink()\n{\n    SINK\n}\n");
     }},
    {"a class of a namespace defined out of line inside the namespace, made in another file",
     [](const Flow& flow, const std::string& fill) {
       return in_namespace(flow, fill, "namespace app\n{\nBadSink::BadSink(CHAR *dataCopy) : data(dataCopy) {}\n"
                                       "BadSink::~BadSink()\n{\n    SINK\n}\n}\n");
     }},
    {"a string made from the buffer",
     [](const Flow& flow, const std::string& fill) {
       return std::vector<SnippetFile>{{"src/main.cpp",
                                        header + "void run()\n{\n" + start(flow) + fill + "    " + string_type(flow) +
                                            " text(data);\n    " + sink_of(flow, "text.c_str()") + "\n}\n",
                                        ""}};
     }},
    {"a sink taking a const string reference",
     [](const Flow& flow, const std::string& fill) {
       return std::vector<SnippetFile>{
           {"src/main.cpp",
            header + "static void sink(const " + string_type(flow) + " &data)\n{\n    " + sink_of(flow, "data.c_str()") +
                "\n}\nvoid run()\n{\n" + start(flow) + fill + "    " + string_type(flow) + " text(data);\n    sink(text);\n}\n",
            ""}};
     }},
    {"a sink taking a string by value",
     [](const Flow& flow, const std::string& fill) {
       return std::vector<SnippetFile>{
           {"src/main.cpp",
            header + "static void sink(" + string_type(flow) + " data)\n{\n    " + sink_of(flow, "data.c_str()") +
                "\n}\nvoid run()\n{\n" + start(flow) + fill + "    " + string_type(flow) + " text = data;\n    sink(text);\n}\n",
            ""}};
     }},
    {"a sink in another file taking a const string reference",
     [](const Flow& flow, const std::string& fill) {
       return std::vector<SnippetFile>{
           {"src/sink.h", "#include <string>\nvoid sink(const " + string_type(flow) + " &data);\n", ""},
           {"src/sink.cpp",
            header + "#include \"sink.h\"\nvoid sink(const " + string_type(flow) + " &data)\n{\n    " +
                sink_of(flow, "data.c_str()") + "\n}\n",
            ""},
           {"src/main.cpp",
            header + "#include \"sink.h\"\nvoid run()\n{\n" + start(flow) + fill + "    " + string_type(flow) +
                " text(data);\n    sink(text);\n}\n",
            ""}};
     }},
};

std::vector<TreePair> pairs(std::initializer_list<const Flow*> flows) {
  std::vector<TreePair> out;
  for (const Flow* flow : flows)
    for (const auto& [name, shape] : shapes)
      out.push_back({name + ", " + flow->name, shape(*flow, flow->bad_fill), shape(*flow, flow->good_fill)});
  return out;
}

TEST(LifetimeFlowPairs, LiteralCredentialsThroughObjectsAndStrings) {
  expect_tree_pairs("CRYPTO-4/literal-key-argument", pairs({&password, &wide_password, &key}));
}
TEST(LifetimeFlowPairs, FormatsThroughObjectsAndStrings) { expect_tree_pairs("CODE-2", pairs({&format, &wide_format})); }

// A member written with something the file cannot vouch for keeps its value unknown: another
// method copies input into it, or a function of another class writes a field of that name.
TEST(LifetimeFlowPairs, MembersWrittenElsewhereStayUnknown) {
  const std::string fills_from_input =
      header + "class Sink\n{\n    char *data;\npublic:\n    Sink(char *dataCopy) { data = dataCopy; }\n"
               "    void refill() { fgets(data, 100, stdin); }\n    ~Sink() { printf(data); }\n};\n"
               "void run()\n{\n    char buffer[100] = \"\";\n    strcpy(buffer, \"fixed\");\n    Sink sink(buffer);\n"
               "    sink.refill();\n}\n";
  const std::string constructed_from_input =
      header + "class Sink\n{\n    char *data;\npublic:\n    Sink(char *dataCopy) { data = dataCopy; }\n"
               "    ~Sink() { printf(data); }\n};\nvoid run()\n{\n    char buffer[100] = \"\";\n"
               "    fgets(buffer, 100, stdin);\n    Sink sink(buffer);\n}\n";
  for (const std::string& program : {fills_from_input, constructed_from_input}) {
    const auto found = test::only(test::inspect_tree({{"src/main.cpp", program, ""}}, std::string_view("C-connected")).findings,
                                  "CODE-2");
    EXPECT_FALSE(found.empty()) << program;
  }
}

}  // namespace
}  // namespace mdbc::source
