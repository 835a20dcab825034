#pragma once
// Builds variant programs that move data from a source to a sink along one path: a local alias,
// a pointer to the variable, a struct field, a union, an array of pointers, a source function's
// return value, a sink function's parameter (directly, through a function pointer, through a
// pointer to the variable), a file-scope variable; in C++ also a member set in the constructor and
// used in the destructor, a virtual method called through a base pointer, a std::vector, std::list
// or std::map element, a reference and a function template (its argument deduced or given). The
// flawed function ("bad") joins the flawed source to the flawed sink; "goodG2B" the fixed source to
// the flawed sink, "goodB2G" the flawed source to the fixed sink. Each function and the helpers
// only it uses form one part.
#include <cctype>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/variant_flows.h"

namespace mdbc::test {

// Statements on a variable named `data` of `type`, declared by `declaration`.
struct DataFlaw {
  std::string name;
  std::string includes;
  std::string type;
  std::string declaration;
  std::string flawed_source, flawed_sink;
  std::string fixed_source, fixed_sink;  // either may be empty: no such fix
  std::string variable = "data";         // the name the program gives the variable
  bool cpp_only = false;                 // written in C++ (std::string, streams, engines): no C programs
};

// `text` with every whole identifier `from` replaced by `to`.
inline std::string identifier_replaced(std::string_view text, std::string_view from, std::string_view to) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t hit = text.find(from, at);
    if (hit == std::string_view::npos) break;
    const bool whole = (hit == 0 || !is_word(text[hit - 1])) &&
                       (hit + from.size() == text.size() || !is_word(text[hit + from.size()]));
    out.append(text.substr(at, hit - at));
    out.append(whole ? to : from);
    at = hit + from.size();
  }
  out.append(text.substr(at));
  return out;
}

// The text of one version: its function named `prefix` and the helpers only it uses.
struct VersionText {
  std::string prefix;  // bad, goodG2B, goodB2G
  std::string type, declaration, source, sink;
  std::string sink_on(std::string_view expression) const { return identifier_replaced(sink, "data", expression); }
  std::string function(std::string_view body) const {
    return "void " + prefix + "(void)\n{\n" + indented(body, "    ") + "}\n";
  }
  std::string sink_function(std::string_view parameters, std::string_view body) const {
    return "static void " + prefix + "Sink(" + std::string(parameters) + ")\n{\n" + indented(body, "    ") + "}\n";
  }
};

struct DataPath {
  std::string name;
  bool cpp = false;
  std::function<std::string(const DataFlaw&)> shared;  // declarations all versions use; may be null
  std::function<std::string(const VersionText&)> version;
};

// A C++ container of `container` ("$T" the data's type) filled by `store` and passed to the sink
// function, which reads the element `read`.
inline DataPath container_path(std::string name, std::string container, std::string read, std::string store) {
  return {std::move(name), true, nullptr, [=](const VersionText& v) {
            const std::string type = replaced_all(container, "$T", v.type);
            return v.sink_function(type + " dataContainer", v.type + " data = " + read + ";\n" + v.sink) +
                   v.function(v.declaration + v.source + type + " dataContainer;\n" + store + v.prefix +
                              "Sink(dataContainer);\n");
          }};
}

// A function template as the sink, called with its argument deduced or given (`arguments`, "$T"
// the data's type).
inline DataPath template_path(std::string name, std::string arguments) {
  return {std::move(name), true, nullptr, [=](const VersionText& v) {
            return "template <class T>\nstatic void " + v.prefix + "Sink(T data)\n{\n" + indented(v.sink, "    ") +
                   "}\n" +
                   v.function(v.declaration + v.source + v.prefix + "Sink" + replaced_all(arguments, "$T", v.type) +
                              "(data);\n");
          }};
}

inline std::vector<DataPath> data_paths() {
  using V = VersionText;
  return {
      {"straight", false, nullptr, [](const V& v) { return v.function(v.declaration + v.source + v.sink); }},
      {"a local alias", false, nullptr,
       [](const V& v) {
         return v.function(v.declaration + v.source + v.type + " dataAlias = data;\n" + v.sink_on("dataAlias"));
       }},
      {"a pointer to the variable", false, nullptr,
       [](const V& v) {
         return v.function(v.declaration + v.source + v.type + " *dataPtr = &data;\n" + v.sink_on("(*dataPtr)"));
       }},
      {"a struct field", false,
       [](const DataFlaw& f) { return "struct flaw_struct\n{\n    " + f.type + " structFirst;\n};\n"; },
       [](const V& v) {
         return v.function(v.declaration + v.source + "struct flaw_struct holder;\nholder.structFirst = data;\n" +
                           v.sink_on("holder.structFirst"));
       }},
      {"a struct passed to a sink function", false,
       [](const DataFlaw& f) { return "struct flaw_struct\n{\n    " + f.type + " structFirst;\n};\n"; },
       [](const V& v) {
         return v.sink_function("struct flaw_struct holder", v.sink_on("holder.structFirst")) +
                v.function(v.declaration + v.source + "struct flaw_struct holder;\nholder.structFirst = data;\n" +
                           v.prefix + "Sink(holder);\n");
       }},
      {"a union", false,
       [](const DataFlaw& f) {
         return "union flaw_union\n{\n    " + f.type + " unionFirst;\n    " + f.type + " unionSecond;\n};\n";
       },
       [](const V& v) {
         return v.function(v.declaration + v.source + "union flaw_union both;\nboth.unionFirst = data;\n" +
                           v.sink_on("both.unionSecond"));
       }},
      {"an array passed to a sink function", false, nullptr,
       [](const V& v) {
         return v.sink_function(v.type + " dataArray[]", v.type + " data = dataArray[2];\n" + v.sink) +
                v.function(v.declaration + v.source + v.type + " dataArray[5];\ndataArray[2] = data;\n" + v.prefix +
                           "Sink(dataArray);\n");
       }},
      {"a source function's return value", false, nullptr,
       [](const V& v) {
         return "static " + v.type + " " + v.prefix + "Source(" + v.type + " data)\n{\n" + indented(v.source, "    ") +
                "    return data;\n}\n" + v.function(v.declaration + "data = " + v.prefix + "Source(data);\n" + v.sink);
       }},
      {"a sink function's parameter", false, nullptr,
       [](const V& v) {
         return v.sink_function(v.type + " data", v.sink) +
                v.function(v.declaration + v.source + v.prefix + "Sink(data);\n");
       }},
      {"two sink functions deep", false, nullptr,
       [](const V& v) {
         return "static void " + v.prefix + "SinkB(" + v.type + " data)\n{\n" + indented(v.sink, "    ") + "}\n" +
                v.sink_function(v.type + " data", v.prefix + "SinkB(data);\n") +
                v.function(v.declaration + v.source + v.prefix + "Sink(data);\n");
       }},
      {"a sink function through a function pointer", false, nullptr,
       [](const V& v) {
         return v.sink_function(v.type + " data", v.sink) +
                v.function(v.declaration + v.source + "void (*funcPtr)(" + v.type + ") = " + v.prefix +
                           "Sink;\nfuncPtr(data);\n");
       }},
      {"a sink function given a pointer to the variable", false, nullptr,
       [](const V& v) {
         return v.sink_function(v.type + " *dataPtr", v.type + " data = *dataPtr;\n" + v.sink) +
                v.function(v.declaration + v.source + v.prefix + "Sink(&data);\n");
       }},
      {"a file-scope variable", false, nullptr,
       [](const V& v) {
         return "static " + v.type + " " + v.prefix + "Data;\n" +
                v.sink_function("void", v.type + " data = " + v.prefix + "Data;\n" + v.sink) +
                v.function(v.declaration + v.source + v.prefix + "Data = data;\n" + v.prefix + "Sink();\n");
       }},
      {"a member set in the constructor and used in the destructor", true, nullptr,
       [](const V& v) {
         return "class " + v.prefix + "Class\n{\npublic:\n    explicit " + v.prefix + "Class(" + v.type +
                " dataCopy)\n    {\n        data = dataCopy;\n    }\n    ~" + v.prefix + "Class()\n    {\n" +
                indented(v.sink, "        ") + "    }\n\nprivate:\n    " + v.type + " data;\n};\n" +
                v.function(v.declaration + v.source + v.prefix + "Class object(data);\n");
       }},
      {"a virtual method through a base pointer", true,
       [](const DataFlaw& f) {
         return "class flaw_base\n{\npublic:\n    virtual ~flaw_base() {}\n    virtual void action(" + f.type +
                " data) = 0;\n};\n";
       },
       [](const V& v) {
         return "class " + v.prefix + "Derived : public flaw_base\n{\npublic:\n    void action(" + v.type +
                " data) override\n    {\n" + indented(v.sink, "        ") + "    }\n};\n" +
                v.function(v.declaration + v.source + "flaw_base *object = new " + v.prefix +
                           "Derived;\nobject->action(data);\ndelete object;\n");
       }},
      container_path("a std::vector element", "std::vector<$T>", "dataContainer[2]",
                     "dataContainer.insert(dataContainer.end(), 3, data);\n"),
      container_path("a std::list element", "std::list<$T>", "dataContainer.back()", "dataContainer.push_back(data);\n"),
      container_path("a std::map element", "std::map<int, $T>", "dataContainer[2]",
                     "dataContainer[0] = data;\ndataContainer[1] = data;\ndataContainer[2] = data;\n"),
      {"a reference", true, nullptr,
       [](const V& v) {
         return v.function(v.declaration + v.source + v.type + " &dataRef = data;\n" + v.sink_on("dataRef"));
       }},
      template_path("a function template", ""),
      template_path("a function template given its argument", "<$T>"),
  };
}

// The flaw along every path: one program per path, in C and (for every path) C++.
inline std::vector<VariantProgram> data_flow_programs(const DataFlaw& flaw) {
  std::vector<VariantProgram> programs;
  for (const auto& path : data_paths()) {
    for (const bool cpp : {false, true}) {
      if ((path.cpp || flaw.cpp_only) && !cpp) continue;
      const std::string includes = flaw.includes + (cpp ? "#include <list>\n#include <map>\n#include <vector>\n" : "");
      VariantProgram p{flaw.name + ", " + path.name + (cpp ? " (C++)" : " (C)"),
                       {{Role::shared, includes + (path.shared ? path.shared(flaw) : "")}},
                       cpp ? "src/program.cpp" : "src/program.c"};
      auto version = [&](std::string prefix, const std::string& source, const std::string& sink) {
        return identifier_replaced(path.version(VersionText{std::move(prefix), flaw.type, flaw.declaration, source, sink}),
                                   "data", flaw.variable);
      };
      p.parts.push_back({Role::flawed, version("bad", flaw.flawed_source, flaw.flawed_sink)});
      if (!flaw.fixed_source.empty())
        p.parts.push_back({Role::fixed, version("goodG2B", flaw.fixed_source, flaw.flawed_sink)});
      if (!flaw.fixed_sink.empty())
        p.parts.push_back({Role::fixed, version("goodB2G", flaw.flawed_source, flaw.fixed_sink)});
      programs.push_back(std::move(p));
    }
  }
  return programs;
}

inline std::vector<VariantProgram> data_flow_programs(const std::vector<DataFlaw>& flaws) {
  return programs_of(flaws, [](const DataFlaw& flaw) { return data_flow_programs(flaw); });
}

}  // namespace mdbc::test
