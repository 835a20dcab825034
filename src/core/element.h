#pragma once
// The building code as the engine sees it: elements, categories, profiles, rule documentation.
// Loaded from code/ (compiled in); see code/README.md for the regulator's view.
#include <map>
#include <string>
#include <vector>

#include "core/severity.h"

namespace mdbc {

// Kinds of input an element can be decided on (the spec's "src", "bin", "fs", plus images).
enum class InputKind { source, binary, image, rootfs };
inline constexpr InputKind all_input_kinds[] = {InputKind::source, InputKind::binary, InputKind::image,
                                                InputKind::rootfs};
std::string_view to_string(InputKind k);

// Documentation of one rule (a rule id such as "CODE-1/banned-call"), from code/elements/*.toml.
struct RuleDoc {
  std::string id;       // "<element>/<name>"
  std::string summary;  // one line
  std::string help;     // what to do instead
};

struct References {
  std::vector<int> cwe;
  std::vector<std::string> cert;
  std::vector<std::string> misra;
  std::vector<std::string> other;
};

struct Element {
  std::string id;  // "CODE-1"
  std::string category;
  std::string title;
  std::string requirement;
  std::string rationale;
  Severity severity = Severity::error;
  std::vector<std::string> required_in;        // profile names
  std::map<InputKind, std::string> decided_on;  // how it is decided, per input kind
  References references;
  std::vector<RuleDoc> rules;
};

struct Category {
  std::string id;
  std::string title;
  std::string summary;
};

struct Profile {
  std::string name;  // "C-connected"
  std::string device_class;
  bool connected = false;
  std::string description;
  Severity fail_on = Severity::error;  // lowest unwaived finding severity that fails a required element
  double min_memory_safe_share = 0.0;
  bool test_vectors_allowed = true;
};

}  // namespace mdbc
