#pragma once
// Builds variant programs that move data from a source to a sink across files, as real programs
// split a flow over translation units: the sink a function of another file (declared by a
// prototype or by a shared header), chained through 2 to 5 files, given the value, a pointer to
// it, a void pointer, an array, a structure holding it (by value, by pointer) or called through a
// function pointer; a file-scope variable defined and set in one file and read by the sink of
// another (declared extern there or by the header); a source function of another file returning
// the value; in C++ also a reference, a std::vector, a class declared in the header whose virtual
// method another file defines and a third calls through a base pointer, and a class whose
// constructor (another file's) stores the value its destructor uses. Each version - the flawed
// "bad", the fixed "goodG2B" (fixed source) and "goodB2G" (fixed sink) - has functions of its own
// in the files it spans (badSink, goodG2BSink, ...); the files hold every version.
#include <cctype>
#include <functional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "inspect/source/variant_data_flows.h"

namespace mdbc::test {

// One version's text in each file it spans: the file's stem ("a", "b", ... or one of the
// version's own, "$P" standing for its prefix) and the lines it adds there, in file order.
using VersionFiles = std::vector<std::pair<std::string, std::string>>;

struct FilesPath {
  std::string name;
  bool cpp = false;
  // Declarations of src/flaw_shared.h, which every file includes, for the versions `prefixes`;
  // null: no shared header.
  std::function<std::string(const DataFlaw&, const std::vector<std::string>& prefixes)> header;
  std::function<VersionFiles(const VersionText&)> version;
};

// The call passing `data` on to the function of file `stem` in a chain: "badSinkB(data);".
inline std::string chain_call(const VersionText& v, char stem) {
  return v.prefix + "Sink" + static_cast<char>(std::toupper(stem)) + "(data);\n";
}

// The flaw's data passed down a chain of `files` files (2 to 5): the version's function in file
// "a" calls the sink function of file "b", which passes it on to "c", ..., the last holding the
// sink. Each caller declares its callee by a prototype.
inline FilesPath chain_path(size_t files) {
  return {"a chain of " + std::to_string(files) + " files", false, nullptr, [=](const VersionText& v) {
            VersionFiles out;
            auto prototype = [&](char stem) {
              return "void " + v.prefix + "Sink" + static_cast<char>(std::toupper(stem)) + "(" + v.type + " data);\n";
            };
            out.push_back({"a", prototype('b') + v.function(v.declaration + v.source + chain_call(v, 'b'))});
            for (size_t i = 1; i < files; ++i) {
              const char stem = static_cast<char>('a' + i);
              const bool last = i + 1 == files;
              const char next = static_cast<char>(stem + 1);
              const std::string own = v.prefix + "Sink" + static_cast<char>(std::toupper(stem));
              out.push_back({std::string(1, stem), (last ? "" : prototype(next)) + "void " + own + "(" + v.type +
                                                        " data)\n{\n" +
                                                        indented(last ? v.sink : chain_call(v, next), "    ") + "}\n"});
            }
            return out;
          }};
}

// The sink function of file "b", `void badSinkB(PARAMETERS)`, with `body`; file "a"'s version
// declares it (unless `declared` by the header) and calls it with `call` after the source.
inline VersionFiles sink_in_other_file(const VersionText& v, const std::string& parameters, const std::string& body,
                                       const std::string& call, bool declared = false) {
  const std::string head = "void " + v.prefix + "SinkB(" + parameters + ")";
  return {{"a", (declared ? "" : head + ";\n") + v.function(v.declaration + v.source + call)},
          {"b", head + "\n{\n" + indented(body, "    ") + "}\n"}};
}

inline std::vector<FilesPath> files_paths() {
  using V = VersionText;
  auto sink_prototypes = [](const DataFlaw& f, const std::vector<std::string>& prefixes) {
    std::string out;
    for (const auto& p : prefixes) out += "void " + p + "SinkB(" + f.type + " data);\n";
    return out;
  };
  auto holder_struct = [](const DataFlaw& f, const std::vector<std::string>&) {
    return "struct flaw_struct\n{\n    " + f.type + " structFirst;\n};\n";
  };
  return {
      {"a sink function in another file", false, nullptr,
       [](const V& v) { return sink_in_other_file(v, v.type + " data", v.sink, v.prefix + "SinkB(data);\n"); }},
      {"a sink function declared by a shared header", false, sink_prototypes,
       [](const V& v) { return sink_in_other_file(v, v.type + " data", v.sink, v.prefix + "SinkB(data);\n", true); }},
      chain_path(3),
      chain_path(4),
      chain_path(5),
      {"a pointer to the variable passed to another file", false, nullptr,
       [](const V& v) {
         return sink_in_other_file(v, v.type + " *dataPtr", v.type + " data = *dataPtr;\n" + v.sink,
                                   v.prefix + "SinkB(&data);\n");
       }},
      {"a void pointer passed to another file", false, nullptr,
       [](const V& v) {
         return sink_in_other_file(v, "void *dataVoidPtr",
                                   v.type + " *dataPtr = (" + v.type + " *)dataVoidPtr;\n" + v.type +
                                       " data = (*dataPtr);\n" + v.sink,
                                   v.prefix + "SinkB(&data);\n");
       }},
      {"an array passed to another file", false, nullptr,
       [](const V& v) {
         return sink_in_other_file(v, v.type + " dataArray[]", v.type + " data = dataArray[2];\n" + v.sink,
                                   v.type + " dataArray[5];\ndataArray[2] = data;\n" + v.prefix + "SinkB(dataArray);\n");
       }},
      {"a struct passed by value to another file", false, holder_struct,
       [](const V& v) {
         return sink_in_other_file(v, "struct flaw_struct holder", v.sink_on("holder.structFirst"),
                                   "struct flaw_struct holder;\nholder.structFirst = data;\n" + v.prefix +
                                       "SinkB(holder);\n");
       }},
      {"a struct passed by pointer to another file", false, holder_struct,
       [](const V& v) {
         return sink_in_other_file(v, "struct flaw_struct *holderPtr",
                                   v.type + " data = holderPtr->structFirst;\n" + v.sink,
                                   "struct flaw_struct holder;\nholder.structFirst = data;\n" + v.prefix +
                                       "SinkB(&holder);\n");
       }},
      {"another file's sink through a function pointer", false, nullptr,
       [](const V& v) {
         return sink_in_other_file(v, v.type + " data", v.sink,
                                   "void (*funcPtr)(" + v.type + ") = " + v.prefix + "SinkB;\nfuncPtr(data);\n");
       }},
      {"a file-scope variable read by another file", false, nullptr,
       [](const V& v) {
         return VersionFiles{
             {"a", v.type + " " + v.prefix + "Data;\nvoid " + v.prefix + "SinkB(void);\n" +
                       v.function(v.declaration + v.source + v.prefix + "Data = data;\n" + v.prefix + "SinkB();\n")},
             {"b", "extern " + v.type + " " + v.prefix + "Data;\nvoid " + v.prefix + "SinkB(void)\n{\n" +
                       indented(v.type + " data = " + v.prefix + "Data;\n" + v.sink, "    ") + "}\n"}};
       }},
      {"a file-scope variable declared by a shared header", false,
       [](const DataFlaw& f, const std::vector<std::string>& prefixes) {
         std::string out;
         for (const auto& p : prefixes) out += "extern " + f.type + " " + p + "Data;\nvoid " + p + "SinkB(void);\n";
         return out;
       },
       [](const V& v) {
         return VersionFiles{
             {"a", v.type + " " + v.prefix + "Data;\n" +
                       v.function(v.declaration + v.source + v.prefix + "Data = data;\n" + v.prefix + "SinkB();\n")},
             {"b", "void " + v.prefix + "SinkB(void)\n{\n" +
                       indented(v.type + " data = " + v.prefix + "Data;\n" + v.sink, "    ") + "}\n"}};
       }},
      {"a source function of another file", false, nullptr,
       [](const V& v) {
         const std::string head = v.type + " " + v.prefix + "SourceB(" + v.type + " data)";
         return VersionFiles{{"a", head + ";\n" + v.function(v.declaration + "data = " + v.prefix + "SourceB(data);\n" + v.sink)},
                             {"b", head + "\n{\n" + indented(v.source + "return data;\n", "    ") + "}\n"}};
       }},
      {"a reference passed to another file", true, nullptr,
       [](const V& v) { return sink_in_other_file(v, v.type + " &data", v.sink, v.prefix + "SinkB(data);\n"); }},
      {"a std::vector passed to another file", true, nullptr,
       [](const V& v) {
         const std::string vector = "std::vector<" + v.type + ">";
         return sink_in_other_file(v, vector + " dataVector", v.type + " data = dataVector[2];\n" + v.sink,
                                   vector + " dataVector;\ndataVector.insert(dataVector.end(), 3, data);\n" + v.prefix +
                                       "SinkB(dataVector);\n");
       }},
      {"a header's class, its virtual method defined in another file, called through a base pointer", true,
       [](const DataFlaw& f, const std::vector<std::string>& prefixes) {
         std::string out = "class flaw_base\n{\npublic:\n    virtual ~flaw_base() {}\n    virtual void action(" + f.type +
                           " data) = 0;\n};\n";
         for (const auto& p : prefixes)
           out += "class " + p + "Derived : public flaw_base\n{\npublic:\n    void action(" + f.type +
                  " data) override;\n};\n";
         return out;
       },
       [](const V& v) {
         return VersionFiles{
             {"a", v.function(v.declaration + v.source + "flaw_base *object = new " + v.prefix +
                              "Derived;\nobject->action(data);\ndelete object;\n")},
             {"action_$P", "void " + v.prefix + "Derived::action(" + v.type + " data)\n{\n" + indented(v.sink, "    ") +
                               "}\n"}};
       }},
      {"a header's class, built in one file, its constructor and destructor defined in another", true,
       [](const DataFlaw& f, const std::vector<std::string>& prefixes) {
         std::string out;
         for (const auto& p : prefixes)
           out += "class " + p + "Holder\n{\npublic:\n    explicit " + p + "Holder(" + f.type + " dataCopy);\n    ~" + p +
                  "Holder();\n\nprivate:\n    " + f.type + " data;\n};\n";
         return out;
       },
       [](const V& v) {
         const std::string cls = v.prefix + "Holder";
         return VersionFiles{{"a", v.function(v.declaration + v.source + cls + " object(data);\n")},
                             {"b", cls + "::" + cls + "(" + v.type + " dataCopy)\n{\n    data = dataCopy;\n}\n" + cls +
                                       "::~" + cls + "()\n{\n" + indented(v.sink, "    ") + "}\n"}};
       }},
  };
}

// The flaw along every path across files: one program per path, in C and (for every path) C++.
// Every file starts with the flaw's includes (and the shared header, when the path has one); the
// versions follow, each in the files it spans.
inline std::vector<VariantProgram> files_programs(const DataFlaw& flaw) {
  std::vector<VariantProgram> programs;
  for (const auto& path : files_paths()) {
    for (const bool cpp : {false, true}) {
      if ((path.cpp || flaw.cpp_only) && !cpp) continue;
      std::vector<std::tuple<std::string, std::string, std::string>> versions{
          {"bad", flaw.flawed_source, flaw.flawed_sink}};
      if (!flaw.fixed_source.empty()) versions.emplace_back("goodG2B", flaw.fixed_source, flaw.flawed_sink);
      if (!flaw.fixed_sink.empty()) versions.emplace_back("goodB2G", flaw.flawed_source, flaw.fixed_sink);
      std::vector<std::string> prefixes;
      for (const auto& version : versions) prefixes.push_back(std::get<0>(version));
      const std::string ext = cpp ? ".cpp" : ".c";
      const std::string includes =
          flaw.includes + (cpp ? "#include <vector>\n" : "") + (path.header ? "#include \"flaw_shared.h\"\n" : "");
      std::vector<ProgramFile> files;
      auto file_named = [&](const std::string& stem) -> ProgramFile& {
        const std::string file_path = "src/flaw_" + stem + ext;
        for (auto& f : files)
          if (f.path == file_path) return f;
        files.push_back({file_path, {{Role::shared, includes}}});
        return files.back();
      };
      for (const auto& [prefix, source, sink] : versions) {
        const VersionText text{prefix, flaw.type, flaw.declaration, source, sink};
        for (const auto& [stem, lines] : path.version(text))
          file_named(replaced_all(stem, "$P", prefix))
              .parts.push_back({prefix == "bad" ? Role::flawed : Role::fixed,
                                identifier_replaced(lines, "data", flaw.variable)});
      }
      if (path.header)
        files.push_back({"src/flaw_shared.h",
                         {{Role::shared, "#pragma once\n" + identifier_replaced(path.header(flaw, prefixes), "data",
                                                                                flaw.variable)}}});
      VariantProgram p{flaw.name + ", " + path.name + (cpp ? " (C++)" : " (C)"), files.front().parts,
                       files.front().path};
      p.other_files.assign(files.begin() + 1, files.end());
      programs.push_back(std::move(p));
    }
  }
  return programs;
}

inline std::vector<VariantProgram> files_programs(const std::vector<DataFlaw>& flaws) {
  return programs_of(flaws, [](const DataFlaw& flaw) { return files_programs(flaw); });
}

}  // namespace mdbc::test
