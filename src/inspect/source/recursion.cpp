// CODE-5 (MISRA C:2012 Rule 17.2): no function calls itself, directly or through others. Each
// file records its function definitions and the names they call; the tree-wide pass links calls
// to definitions across files and finds the cycles of the call graph (strongly connected
// components, Tarjan's algorithm without recursion: a tree's call chains can be arbitrarily long).
//
// Linking: a call inside `Q::f` to `g` goes to `Q::g` when the tree defines one; otherwise to a
// `g` of the same file (static or not), else to the non-static `g`s of other files and the static
// `g`s of headers (which are included where they are called), preferring those of the caller's
// directory. The number of arguments must fit the definition's parameters, which keeps C++
// overloads apart. So does an argument cast to a type in C++ (write(int n) { return
// write((uint8_t)n); }): such a call goes only to definitions whose parameter at that place has
// that type, or whose types are not known (C files). C++ is a C++ file, a header that declares a
// class, template or namespace, or a header that defines the called name more than once. Calls
// through function pointers and calls written inside macros are not followed.
#include <algorithm>
#include <array>
#include <span>
#include <limits>
#include <string>
#include <unordered_map>

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

constexpr uint8_t any_count = std::numeric_limits<uint8_t>::max();

// Names are compared by a 64-bit hash (FNV-1a): a tree's calls are millions of names, and the
// chance that two of a million distinct names collide is about 1 in 30 million.
uint64_t name_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}
// The key of `qualifier::name`; the name's own hash when there is no qualifier.
uint64_t qualified_key(uint64_t qualifier, uint64_t name) {
  return qualifier == 0 ? name : ((qualifier << 17 | qualifier >> 47) * 0x9e3779b97f4a7c15ull) ^ name;
}

// One file's definitions and calls, compactly (a large tree has millions of calls).
struct CallFacts {
  std::string blob;  // each definition's label ("Q::name")
  struct Def {
    uint64_t name = 0, qualifier = 0;  // hashes; qualifier 0 when none
    uint32_t label = 0;  // offset into blob
    uint32_t line = 0, first_edge = 0;
    uint16_t label_size = 0, column = 0;
    uint8_t min_args = 0, max_args = 0;
    bool is_static = false;
    uint8_t typed_params = 0;  // how many of param_types, from first_param, are its parameters' types
    uint32_t first_param = 0;
  };
  // An argument written as a cast, `(T)x` or `static_cast<T>(x)`, in a call that may choose
  // among overloads (see the top): the edge, the argument's place and the type's hash.
  struct Cast {
    uint32_t edge = 0, type = 0;
    uint8_t position = 0;
  };
  std::vector<Def> defs;
  std::vector<uint32_t> param_types;  // hashes of the parameters' types (C++ files and headers only)
  std::vector<Cast> casts;            // in edge order (C++ files and headers only)
  std::vector<uint32_t> edges;    // per definition, from first_edge: callee index << 8 | argument count
  std::vector<uint64_t> callees;  // hashes of the names called in this file
  bool header = false;

  uint32_t edge_end(size_t def) const {
    return def + 1 < defs.size() ? defs[def + 1].first_edge : static_cast<uint32_t>(edges.size());
  }
  std::string_view label(const Def& d) const { return std::string_view(blob).substr(d.label, d.label_size); }
};

// How many arguments a definition accepts.
std::pair<uint8_t, uint8_t> arity(const SourceFile& file, const FunctionDef& f) {
  const auto t = file.tokens;
  const size_t open = f.name + 1, close = file.syntax.match(f.name + 1);
  if (close >= t.size() || close <= open + 1) return {0, 0};
  if (close == open + 2 && t[open + 1].is_ident("void")) return {0, 0};
  uint32_t params = 1, defaults = 0;
  bool any = false;
  for (size_t k = open + 1; k < close; ++k) {
    if (t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{")) && file.syntax.match(k) < close) {
      k = file.syntax.match(k);
    } else if (t[k].is(",")) {
      ++params;
    } else if (t[k].is("=")) {
      ++defaults;
    } else if (t[k].is("...")) {
      any = true;
    } else if (t[k].is("<")) {
      // template arguments may hold commas: count conservatively as "any"
      any = true;
    }
  }
  const auto clamp = [](uint32_t v) { return static_cast<uint8_t>(std::min<uint32_t>(v, any_count - 1)); };
  if (any) return {clamp(params - 1), any_count};
  return {clamp(params > defaults ? params - defaults : 0), clamp(params)};
}

// The type a parameter declares, as its tokens without the name and default ("const char *" for
// `const char *s`, and for `const char s[]`), hashed; 0 when it cannot be told.
constexpr std::array<std::string_view, 11> type_words{"int",    "long", "short", "char",     "unsigned", "signed",
                                                      "float",  "double", "bool", "void", "const"};

uint32_t hash_of_type(std::string_view type) {
  return type.empty() ? 0 : static_cast<uint32_t>(name_hash(type) >> 32) | 1u;
}

uint32_t type_hash(std::span<const Token> t, size_t begin, size_t end, size_t arrays) {
  std::string type;
  for (size_t k = begin; k < end; ++k) {
    if (!type.empty()) type += ' ';
    type.append(t[k].text);
  }
  for (size_t k = 0; k < arrays; ++k) type += type.empty() ? "*" : " *";
  return hash_of_type(type);
}

// The parameters' types of a definition, at most max_typed of them.
constexpr size_t max_typed = 8;
void parameter_types(const SourceFile& file, const FunctionDef& f, std::vector<uint32_t>& out) {
  const auto t = file.tokens;
  const size_t open = f.name + 1, close = file.syntax.match(f.name + 1);
  if (close >= t.size() || close <= open + 1) return;
  size_t begin = open + 1;
  const size_t first = out.size();
  for (size_t k = open + 1; k <= close && out.size() - first < max_typed; ++k) {
    if (k < close && t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{")) &&
        file.syntax.match(k) < close) {
      if (!t[k].is("[")) k = file.syntax.match(k);
      continue;
    }
    if (k < close && !t[k].is(",")) continue;
    size_t end = begin;  // the parameter is [begin, end): before a default value
    while (end < k && !t[end].is("=")) ++end;
    size_t arrays = 0;  // `s[]` is a pointer
    while (end > begin && t[end - 1].is("]") && file.syntax.match(end - 1) < end - 1) {
      end = file.syntax.match(end - 1);
      ++arrays;
    }
    if (end - begin >= 2 && t[end - 1].kind == TokenKind::identifier &&
        std::find(type_words.begin(), type_words.end(), t[end - 1].text) == type_words.end())
      --end;  // the name
    out.push_back(type_hash(t, begin, end, arrays));
    begin = k + 1;
  }
}

// The type of an argument that is one operand cast as a whole: `(T)x`, `(T *)&buf`, `(T)p->n`,
// `static_cast<T>(x)`, or a string's characters `s.c_str()` (a const char * whatever string class
// s is: String fromString(const String &s) { return fromString(s.c_str()); } calls the overload
// taking characters); 0 for any other argument (`(T)x + 1` has another type).
uint32_t cast_type(const SourceFile& file, size_t begin, size_t end) {
  const auto t = file.tokens;
  if (end - begin < 3) return 0;
  if (end - begin >= 5 && t[end - 1].is(")") && t[end - 2].is("(") && t[end - 3].is_ident("c_str") &&
      (t[end - 4].is(".") || t[end - 4].is("->")) && t[end - 5].kind == TokenKind::identifier)
    return hash_of_type("const char *");
  size_t type_begin = 0, type_end = 0, operand = 0;
  if (t[begin].is("(")) {
    const size_t close = file.syntax.match(begin);
    if (close >= end - 1) return 0;
    for (size_t k = begin + 1; k < close; ++k)
      if (t[k].kind != TokenKind::identifier && !t[k].is("*") && !t[k].is("&") && !t[k].is("::")) return 0;
    type_begin = begin + 1, type_end = close, operand = close + 1;
  } else if (t[begin].is_ident("static_cast") || t[begin].is_ident("reinterpret_cast") || t[begin].is_ident("const_cast")) {
    if (!t[begin + 1].is("<")) return 0;
    size_t k = begin + 2;
    while (k < end && !t[k].is(">")) ++k;
    if (k + 1 >= end || !t[k + 1].is("(") || file.syntax.match(k + 1) + 1 != end) return 0;
    type_begin = begin + 2, type_end = k, operand = end;
  } else {
    return 0;
  }
  if (type_end <= type_begin) return 0;
  // One operand: prefix operators, a name, literal or bracketed group, then member accesses,
  // subscripts, calls, ++ and --.
  size_t k = operand;
  while (k < end && (t[k].is("*") || t[k].is("&") || t[k].is("-") || t[k].is("!") || t[k].is("~"))) ++k;
  if (k < end) {
    if (t[k].is("(")) k = file.syntax.match(k);
    else if (t[k].kind == TokenKind::punct) return 0;
    ++k;
  }
  while (k < end) {
    if (t[k].is("(") || t[k].is("[")) {
      k = file.syntax.match(k) + 1;
    } else if ((t[k].is(".") || t[k].is("->")) && k + 1 < end && t[k + 1].kind == TokenKind::identifier) {
      k += 2;
    } else if (t[k].is("++") || t[k].is("--")) {
      ++k;
    } else {
      return 0;
    }
  }
  return type_hash(t, type_begin, type_end, 0);
}

// Whether a header is C++: it declares a class (`class Name {`, `class Name :`), a template or a
// namespace. C's `struct class *` is no class declaration.
bool declares_cpp(std::span<const Token> t) {
  for (size_t k = 0; k + 2 < t.size(); ++k) {
    if (t[k].kind != TokenKind::identifier || t[k + 1].kind != TokenKind::identifier) continue;
    if ((t[k].is("class") || t[k].is("namespace")) && (t[k + 2].is("{") || t[k + 2].is(":") || t[k + 2].is_ident("final")) &&
        (k == 0 || !(t[k - 1].is_ident("struct") || t[k - 1].is_ident("enum"))))
      return true;
  }
  for (size_t k = 0; k + 1 < t.size(); ++k)
    if (t[k].is_ident("template") && t[k + 1].is("<")) return true;
  return false;
}

class Recursion final : public SourceRule {
 public:
  RuleFamily family() const override { return {"recursion", InputKind::source, {"CODE-5/recursion"}}; }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    const auto t = file.tokens;
    const auto& functions = file.syntax.functions();
    if (functions.empty()) return;
    CallFacts out;
    out.header = is_header(file.input.path);
    // Overloads, which a cast argument chooses among, exist in C++ only; a header may be either,
    // and is taken for C++ where it declares a class or defines a name more than once.
    const bool cpp = file.language == Language::cpp || file.language == Language::objective_cpp ||
                     (file.language == Language::c_header && declares_cpp(t));
    std::vector<uint64_t> overloaded;
    if (file.language != Language::c && !cpp) {
      std::vector<uint64_t> defined;
      for (const FunctionDef& f : functions) defined.push_back(name_hash(t[f.name].text.substr(0, 1000)));
      std::sort(defined.begin(), defined.end());
      for (size_t k = 1; k < defined.size(); ++k)
        if (defined[k] == defined[k - 1] && (overloaded.empty() || overloaded.back() != defined[k]))
          overloaded.push_back(defined[k]);
    }
    const bool typed = file.language != Language::c;  // parameter types are recorded
    // Per name of the file (Token::name), its index among the callees, or none yet.
    constexpr uint32_t not_called = UINT32_MAX;
    std::vector<uint32_t> callee_index(file.names.size(), not_called);
    // Each call as its function and edge (function << 32 | callee << 8 | argument count), in one
    // list rather than a list allocated per function: sorted, each once, it is every function's
    // edges in order.
    std::vector<uint64_t> calls;
    calls.reserve(file.syntax.calls().size());
    // The calls with a cast argument, as (their entry in `calls`, the cast), to be found again
    // once `calls` is sorted.
    std::vector<std::pair<uint64_t, CallFacts::Cast>> cast_calls;
    for (const Call& c : file.syntax.calls()) {
      if (c.function < 0 || !c.macro.empty() || !c.qualifier.empty()) continue;
      uint32_t& callee = callee_index[t[c.name].name];
      if (callee == not_called) {
        callee = static_cast<uint32_t>(out.callees.size());
        out.callees.push_back(name_hash(t[c.name].text));
      }
      const uint32_t args = static_cast<uint32_t>(std::min<size_t>(c.args.size(), any_count - 1));
      const uint64_t call = uint64_t{static_cast<uint32_t>(c.function)} << 32 | (callee << 8 | args);
      calls.push_back(call);
      if (!cpp && !std::binary_search(overloaded.begin(), overloaded.end(), out.callees[callee])) continue;
      for (size_t a = 0; a < c.args.size() && a < max_typed; ++a) {
        const uint32_t type = cast_type(file, c.args[a].first, c.args[a].second);
        if (type == 0) continue;
        cast_calls.push_back({call, {0, type, static_cast<uint8_t>(a)}});
        break;
      }
    }
    std::sort(calls.begin(), calls.end());
    // An edge takes a cast only when every call it stands for is written with that cast: a call
    // written with and without one keeps every definition it may reach.
    std::vector<uint64_t> written;  // every call, also those written more than once
    if (!cast_calls.empty()) written = calls;
    calls.erase(std::unique(calls.begin(), calls.end()), calls.end());
    const auto by_call = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::sort(cast_calls.begin(), cast_calls.end(), by_call);
    out.defs.reserve(functions.size());
    out.edges.reserve(calls.size());
    size_t next_call = 0;
    for (size_t i = 0; i < functions.size(); ++i) {
      const FunctionDef& f = functions[i];
      CallFacts::Def d;
      const std::string_view name = t[f.name].text.substr(0, 1000);
      d.name = name_hash(name);
      d.label = static_cast<uint32_t>(out.blob.size());
      if (f.name >= 2 && t[f.name - 1].is("::") && t[f.name - 2].kind == TokenKind::identifier) {
        const std::string_view qualifier = t[f.name - 2].text.substr(0, 1000);
        d.qualifier = name_hash(qualifier);
        out.blob.append(qualifier).append("::");
      }
      out.blob.append(name);
      d.label_size = static_cast<uint16_t>(out.blob.size() - d.label);
      d.line = t[f.name].line;
      d.column = static_cast<uint16_t>(std::min<uint32_t>(t[f.name].column, std::numeric_limits<uint16_t>::max()));
      for (size_t k = f.name, steps = 0; k > 0 && steps < 64; --k, ++steps) {
        const Token& p = t[k - 1];
        if (p.directive || p.is(";") || p.is("{") || p.is("}")) break;
        d.is_static = d.is_static || p.is_ident("static");
      }
      std::tie(d.min_args, d.max_args) = arity(file, f);
      if (typed) {
        d.first_param = static_cast<uint32_t>(out.param_types.size());
        parameter_types(file, f, out.param_types);
        d.typed_params = static_cast<uint8_t>(out.param_types.size() - d.first_param);
      }
      d.first_edge = static_cast<uint32_t>(out.edges.size());
      for (; next_call < calls.size() && calls[next_call] >> 32 == i; ++next_call) {
        const auto [lo, hi] = std::equal_range(cast_calls.begin(), cast_calls.end(),
                                               std::pair{calls[next_call], CallFacts::Cast{}}, by_call);
        if (lo != hi) {
          // The cast by value: clang 14 (the fuzz build) cannot capture a structured binding.
          const CallFacts::Cast cast = lo->second;
          const auto same_cast = [&](const auto& c) { return c.second.type == cast.type && c.second.position == cast.position; };
          const auto [first, last] = std::equal_range(written.begin(), written.end(), calls[next_call]);
          if (std::all_of(lo, hi, same_cast) && hi - lo == last - first)
            out.casts.push_back({static_cast<uint32_t>(out.edges.size()), lo->second.type, lo->second.position});
        }
        out.edges.push_back(static_cast<uint32_t>(calls[next_call]));
      }
      out.defs.push_back(d);
    }
    out.blob.shrink_to_fit();
    out.callees.shrink_to_fit();
    facts = std::move(out);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& result) const override {
    // Nodes: every definition of every file, numbered file by file.
    struct Node {
      uint32_t file, def;
    };
    std::vector<const CallFacts*> facts(files.size(), nullptr);
    std::vector<Node> nodes;
    // Sized before filling: on a kernel tree these are the pass's largest tables, and growth by
    // doubling would leave up to half of each unused at the run's peak.
    size_t def_count = 0, edge_count = 0;
    for (size_t f = 0; f < files.size(); ++f) {
      facts[f] = std::any_cast<CallFacts>(&files[f].facts);
      if (facts[f] == nullptr) continue;
      def_count += facts[f]->defs.size();
      edge_count += facts[f]->edges.size();
    }
    nodes.reserve(def_count);
    for (size_t f = 0; f < files.size(); ++f)
      if (facts[f] != nullptr)
        for (uint32_t d = 0; d < facts[f]->defs.size(); ++d) nodes.push_back({static_cast<uint32_t>(f), d});
    if (nodes.empty()) return;
    const auto def = [&](uint32_t n) -> const CallFacts::Def& { return facts[nodes[n].file]->defs[nodes[n].def]; };

    // Definitions by key, sorted: equal_range finds every definition of `Q::name`.
    std::vector<std::pair<uint64_t, uint32_t>> by_key(nodes.size());
    for (uint32_t n = 0; n < nodes.size(); ++n) by_key[n] = {qualified_key(def(n).qualifier, def(n).name), n};
    std::sort(by_key.begin(), by_key.end());
    std::vector<uint64_t> directory(files.size());
    for (size_t f = 0; f < files.size(); ++f) {
      const std::string_view p = files[f].path;
      directory[f] = name_hash(p.substr(0, p.rfind('/') == std::string_view::npos ? 0 : p.rfind('/')));
    }
    // Adjacency in compressed rows.
    std::vector<uint32_t> row(nodes.size() + 1, 0), targets;
    targets.reserve(edge_count);  // most calls resolve to one definition or none
    std::vector<uint32_t> picked;
    using KeyRange = std::pair<std::vector<std::pair<uint64_t, uint32_t>>::const_iterator,
                               std::vector<std::pair<uint64_t, uint32_t>>::const_iterator>;
    const auto definitions_of = [&](uint64_t key) -> KeyRange {
      return std::equal_range(by_key.cbegin(), by_key.cend(), std::pair<uint64_t, uint32_t>{key, 0},
                              [](const auto& a, const auto& b) { return a.first < b.first; });
    };
    // The definitions of each name the current file calls, looked up once per name rather than
    // once per calling function (a file calls the same names from many of its functions).
    std::vector<KeyRange> definitions_of_callee;
    uint32_t callees_of_file = std::numeric_limits<uint32_t>::max();
    size_t next_cast = 0;  // the file's casts are met in edge order
    for (uint32_t n = 0; n < nodes.size(); ++n) {
      row[n] = static_cast<uint32_t>(targets.size());
      const CallFacts& ff = *facts[nodes[n].file];
      const uint32_t file = nodes[n].file;
      if (file != callees_of_file) {
        callees_of_file = file;
        definitions_of_callee.clear();
        for (const uint64_t callee : ff.callees) definitions_of_callee.push_back(definitions_of(callee));
        next_cast = 0;
      }
      for (uint32_t e = def(n).first_edge; e < ff.edge_end(nodes[n].def); ++e) {
        const uint64_t callee = ff.callees[ff.edges[e] >> 8];
        const uint32_t args = ff.edges[e] & 0xff;
        const auto fits = [&](uint32_t m) { return def(m).min_args <= args && args <= def(m).max_args; };
        const auto visible = [&](uint32_t m) { return !def(m).is_static || facts[nodes[m].file]->header; };
        while (next_cast < ff.casts.size() && ff.casts[next_cast].edge < e) ++next_cast;
        const CallFacts::Cast* cast =
            next_cast < ff.casts.size() && ff.casts[next_cast].edge == e ? &ff.casts[next_cast] : nullptr;
        // With a cast argument to an overloaded name, only the definitions that take that type
        // there, or whose types are not known.
        const auto takes_cast = [&](uint32_t m) {
          const CallFacts::Def& d = def(m);
          return cast == nullptr || cast->position >= d.typed_params ||
                 facts[nodes[m].file]->param_types[d.first_param + cast->position] == cast->type;
        };
        picked.clear();
        // Candidates per call are bounded: a hostile tree may define one name thousands of times.
        constexpr size_t max_candidates = 16;
        const auto pick = [&](KeyRange definitions) {
          const auto [lo, hi] = definitions;
          for (auto it = lo; it != hi && picked.size() < max_candidates; ++it)
            if (nodes[it->second].file == file && fits(it->second) && takes_cast(it->second)) picked.push_back(it->second);
          if (!picked.empty()) return;
          for (auto it = lo; it != hi && picked.size() < max_candidates; ++it)
            if (nodes[it->second].file != file && fits(it->second) && takes_cast(it->second) && visible(it->second) &&
                directory[nodes[it->second].file] == directory[file])
              picked.push_back(it->second);
          if (!picked.empty()) return;
          for (auto it = lo; it != hi && picked.size() < max_candidates; ++it)
            if (nodes[it->second].file != file && fits(it->second) && takes_cast(it->second) && visible(it->second))
              picked.push_back(it->second);
        };
        if (def(n).qualifier != 0) pick(definitions_of(qualified_key(def(n).qualifier, callee)));
        if (picked.empty()) pick(definitions_of_callee[ff.edges[e] >> 8]);
        targets.insert(targets.end(), picked.begin(), picked.end());
      }
    }
    row[nodes.size()] = static_cast<uint32_t>(targets.size());

    // Tarjan's strongly connected components, iteratively.
    constexpr uint32_t unvisited = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> index(nodes.size(), unvisited), low(nodes.size(), 0), component(nodes.size(), unvisited);
    std::vector<uint8_t> on_stack(nodes.size(), 0);
    std::vector<uint32_t> stack;
    struct Frame {
      uint32_t node, next_edge;
    };
    std::vector<Frame> frames;
    uint32_t counter = 0, components = 0;
    std::vector<std::vector<uint32_t>> cycles;  // components that are cycles
    for (uint32_t start = 0; start < nodes.size(); ++start) {
      if (index[start] != unvisited) continue;
      frames.push_back({start, row[start]});
      index[start] = low[start] = counter++;
      stack.push_back(start);
      on_stack[start] = 1;
      while (!frames.empty()) {
        Frame& fr = frames.back();
        const uint32_t v = fr.node;
        if (fr.next_edge < row[v + 1]) {
          const uint32_t w = targets[fr.next_edge++];
          if (index[w] == unvisited) {
            index[w] = low[w] = counter++;
            stack.push_back(w);
            on_stack[w] = 1;
            frames.push_back({w, row[w]});
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          std::vector<uint32_t> members;
          uint32_t w;
          do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = 0;
            component[w] = components;
            members.push_back(w);
          } while (w != v);
          ++components;
          const bool self_loop = members.size() == 1 &&
                                 std::find(targets.begin() + row[v], targets.begin() + row[v + 1], v) !=
                                     targets.begin() + row[v + 1];
          if (members.size() > 1 || self_loop) cycles.push_back(std::move(members));
        }
        frames.pop_back();
        if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[v]);
      }
    }

    const Severity severity = element_severity(ctx, "CODE-5");
    const auto label = [&](uint32_t n) { return std::string(facts[nodes[n].file]->label(def(n))); };
    std::vector<uint32_t> parent(nodes.size(), unvisited);
    for (auto& members : cycles) {
      // The first function of the cycle in path and line order: nodes are numbered that way.
      const uint32_t first = *std::min_element(members.begin(), members.end());
      // The shortest way back to it within the component (breadth-first).
      std::vector<uint32_t> queue{first};
      uint32_t last = unvisited;
      for (size_t q = 0; q < queue.size() && last == unvisited; ++q) {
        const uint32_t v = queue[q];
        for (uint32_t e = row[v]; e < row[v + 1]; ++e) {
          const uint32_t w = targets[e];
          if (component[w] != component[first]) continue;
          if (w == first) {
            last = v;
            break;
          }
          if (parent[w] != unvisited) continue;
          parent[w] = v;
          queue.push_back(w);
        }
      }
      std::vector<uint32_t> path;
      for (uint32_t v = last; v != unvisited && v != first; v = parent[v]) path.push_back(v);
      path.push_back(first);
      std::reverse(path.begin(), path.end());
      for (uint32_t v : queue) parent[v] = unvisited;
      // Long cycles are shown by their first and last functions.
      constexpr size_t shown_head = 4, shown_tail = 2;
      std::string chain;
      for (size_t k = 0; k < path.size(); ++k) {
        if (path.size() > shown_head + shown_tail + 1 && k == shown_head) {
          chain += "… → ";
          k = path.size() - shown_tail - 1;
          continue;
        }
        const uint32_t v = path[k];
        chain += label(v);
        if (nodes[v].file != nodes[first].file) chain += " (" + std::string(files[nodes[v].file].path) + ")";
        chain += " → ";
      }
      chain += label(first);
      std::string message = "recursion: " + chain;
      if (path.size() > shown_head + shown_tail + 1) message += " (a cycle of " + std::to_string(path.size()) + " functions)";
      if (members.size() > path.size())
        message += " (" + std::to_string(members.size()) + " functions call each other in this group)";
      message +=
          "; the stack depth cannot be bounded by analysis (MISRA C:2012 Rule 17.2): rewrite it as a loop with an "
          "explicit bound, or with an explicit stack of fixed size";
      const CallFacts::Def& d = def(first);
      Finding f;
      f.rule = "CODE-5/recursion";
      f.path = std::string(files[nodes[first].file].path);
      f.line = d.line;
      f.column = d.column;
      f.message = std::move(message);
      // The cycle is the evidence: it stays the same when lines move, and it names what to fix.
      f.evidence = chain;
      f.severity = severity;
      f.component = std::string(files[nodes[first].file].component);
      result.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(Recursion)

}  // namespace mdbc::source
