// CODE-5 (MISRA C:2012 Rule 17.2): no function calls itself, directly or through others. Each
// file records its function definitions and the names they call; the tree-wide pass links calls
// to definitions across files and finds the cycles of the call graph (strongly connected
// components, Tarjan's algorithm without recursion: a tree's call chains can be arbitrarily long).
//
// Linking: a call inside `Q::f` to `g` goes to `Q::g` when the tree defines one; otherwise to a
// `g` of the same file (static or not), else to the non-static `g`s of other files and the static
// `g`s of headers (which are included where they are called), preferring those of the caller's
// directory. The number of arguments must fit the definition's parameters, which keeps C++
// overloads apart. Calls through function pointers and calls written inside macros are not
// followed.
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

constexpr uint16_t any_count = std::numeric_limits<uint16_t>::max();

struct Text {
  uint32_t offset = 0, size = 0;
};

// One file's definitions and calls, compactly (a large tree has millions of calls).
struct CallFacts {
  std::string blob;  // names and evidence lines
  struct Def {
    Text name, qualifier, evidence;
    uint32_t line = 0, column = 0;
    uint32_t first_edge = 0, edges = 0;
    uint16_t min_args = 0, max_args = 0;
    bool is_static = false;
  };
  struct Edge {
    uint32_t name = 0;  // index into names
    uint16_t args = 0;
  };
  std::vector<Def> defs;
  std::vector<Edge> edges;
  std::vector<Text> names;  // callee names
  bool header = false;

  std::string_view text(Text t) const { return std::string_view(blob).substr(t.offset, t.size); }
  Text add(std::string_view s) {
    Text t{static_cast<uint32_t>(blob.size()), static_cast<uint32_t>(s.size())};
    blob.append(s);
    return t;
  }
};

// How many arguments a definition accepts.
std::pair<uint16_t, uint16_t> arity(const SourceFile& file, const FunctionDef& f) {
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
  if (any) return {static_cast<uint16_t>(std::min<uint32_t>(params - 1, any_count - 1)), any_count};
  const auto clamp = [](uint32_t v) { return static_cast<uint16_t>(std::min<uint32_t>(v, any_count - 1)); };
  return {clamp(params > defaults ? params - defaults : 0), clamp(params)};
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
    std::unordered_map<std::string_view, uint32_t> name_index;
    std::vector<std::vector<std::pair<uint32_t, uint16_t>>> calls(functions.size());
    for (const Call& c : file.syntax.calls()) {
      if (c.function < 0 || !c.macro.empty() || !c.qualifier.empty()) continue;
      const std::string_view name = t[c.name].text;
      auto [it, added] = name_index.emplace(name, static_cast<uint32_t>(out.names.size()));
      if (added) out.names.push_back(out.add(name));
      calls[static_cast<size_t>(c.function)].emplace_back(it->second,
                                                          static_cast<uint16_t>(std::min<size_t>(c.args.size(), any_count - 1)));
    }
    for (size_t i = 0; i < functions.size(); ++i) {
      const FunctionDef& f = functions[i];
      CallFacts::Def d;
      d.name = out.add(t[f.name].text);
      if (f.name >= 2 && t[f.name - 1].is("::") && t[f.name - 2].kind == TokenKind::identifier)
        d.qualifier = out.add(t[f.name - 2].text);
      const Finding where = file.at(t[f.name], {}, {}, Severity::note);
      d.evidence = out.add(std::string_view(where.evidence).substr(0, 160));
      d.line = where.line;
      d.column = where.column;
      for (size_t k = f.name, steps = 0; k > 0 && steps < 64; --k, ++steps) {
        const Token& p = t[k - 1];
        if (p.directive || p.is(";") || p.is("{") || p.is("}")) break;
        d.is_static = d.is_static || p.is_ident("static");
      }
      std::tie(d.min_args, d.max_args) = arity(file, f);
      auto& mine = calls[i];
      std::sort(mine.begin(), mine.end());
      mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
      d.first_edge = static_cast<uint32_t>(out.edges.size());
      d.edges = static_cast<uint32_t>(mine.size());
      for (const auto& [name, args] : mine) out.edges.push_back({name, args});
      out.defs.push_back(d);
    }
    out.blob.shrink_to_fit();
    facts = std::move(out);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& result) const override {
    // Nodes: every definition of every file, numbered file by file.
    struct Node {
      uint32_t file, def;
    };
    std::vector<const CallFacts*> facts(files.size(), nullptr);
    std::vector<Node> nodes;
    for (size_t f = 0; f < files.size(); ++f) {
      facts[f] = std::any_cast<CallFacts>(&files[f].facts);
      if (facts[f] == nullptr) continue;
      for (uint32_t d = 0; d < facts[f]->defs.size(); ++d) nodes.push_back({static_cast<uint32_t>(f), d});
    }
    if (nodes.empty()) return;
    const auto def = [&](uint32_t n) -> const CallFacts::Def& { return facts[nodes[n].file]->defs[nodes[n].def]; };
    const auto name_of = [&](uint32_t n) { return facts[nodes[n].file]->text(def(n).name); };
    const auto qualifier_of = [&](uint32_t n) { return facts[nodes[n].file]->text(def(n).qualifier); };

    struct KeyHash {
      size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
        return std::hash<std::string_view>()(k.first) * 31 + std::hash<std::string_view>()(k.second);
      }
    };
    std::unordered_map<std::pair<std::string_view, std::string_view>, std::vector<uint32_t>, KeyHash> by_name;
    for (uint32_t n = 0; n < nodes.size(); ++n) by_name[{qualifier_of(n), name_of(n)}].push_back(n);

    const auto directory = [&](uint32_t file) {
      const std::string_view p = files[file].path;
      const size_t slash = p.rfind('/');
      return slash == std::string_view::npos ? std::string_view() : p.substr(0, slash);
    };
    // Adjacency in compressed rows.
    std::vector<uint32_t> row(nodes.size() + 1, 0), targets;
    std::vector<uint32_t> picked;
    for (uint32_t n = 0; n < nodes.size(); ++n) {
      row[n] = static_cast<uint32_t>(targets.size());
      const CallFacts& ff = *facts[nodes[n].file];
      const CallFacts::Def& d = ff.defs[nodes[n].def];
      for (uint32_t e = d.first_edge; e < d.first_edge + d.edges; ++e) {
        const std::string_view callee = ff.text(ff.names[ff.edges[e].name]);
        const uint16_t args = ff.edges[e].args;
        const auto fits = [&](uint32_t m) { return def(m).min_args <= args && args <= def(m).max_args; };
        picked.clear();
        const auto pick = [&](std::string_view qualifier) {
          const auto it = by_name.find({qualifier, callee});
          if (it == by_name.end()) return;
          for (uint32_t m : it->second)
            if (nodes[m].file == nodes[n].file && fits(m)) picked.push_back(m);
          if (!picked.empty()) return;
          for (uint32_t m : it->second)
            if (nodes[m].file != nodes[n].file && fits(m) && (!def(m).is_static || facts[nodes[m].file]->header) &&
                directory(nodes[m].file) == directory(nodes[n].file))
              picked.push_back(m);
          if (!picked.empty()) return;
          for (uint32_t m : it->second)
            if (nodes[m].file != nodes[n].file && fits(m) && (!def(m).is_static || facts[nodes[m].file]->header))
              picked.push_back(m);
        };
        if (!qualifier_of(n).empty()) pick(qualifier_of(n));
        if (picked.empty()) pick({});
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
    const auto label = [&](uint32_t n) {
      std::string s = qualifier_of(n).empty() ? std::string(name_of(n)) : std::string(qualifier_of(n)) + "::" + std::string(name_of(n));
      return s;
    };
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
      const CallFacts& ff = *facts[nodes[first].file];
      const CallFacts::Def& d = def(first);
      Finding f;
      f.rule = "CODE-5/recursion";
      f.path = std::string(files[nodes[first].file].path);
      f.line = d.line;
      f.column = d.column;
      f.message = std::move(message);
      f.evidence = std::string(ff.text(d.evidence));
      f.severity = severity;
      f.component = std::string(files[nodes[first].file].component);
      result.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(Recursion)

}  // namespace mdbc::source
