#pragma once
// The result of an inspection, which every report format prints.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/code_book.h"
#include "core/component.h"
#include "core/config.h"
#include "core/finding.h"
#include "core/inspector.h"

namespace mdbc {

enum class Verdict { pass, fail, waived, not_inspected, not_applicable };
std::string_view to_string(Verdict v);

struct ElementVerdict {
  const Element* element = nullptr;
  Verdict verdict = Verdict::not_inspected;
  size_t findings = 0;  // the device maker's own findings of this element (components excluded)
  size_t waived = 0;
};

struct SkippedInput {
  std::string path;
  std::string reason;
};

struct FileFacts {
  std::string path;
  InputKind kind;
  std::string sha256;
  nlohmann::ordered_json facts;
};

struct VarianceUse {
  Variance variance;
  size_t findings = 0;  // how many findings it waived
  bool expired = false;
};

struct Inspection {
  const CodeBook* code = nullptr;
  const Profile* profile = nullptr;
  std::string config_path;
  std::string date;                  // the day variances were judged against
  std::vector<std::string> roots;    // the paths given
  std::set<InputKind> stages;        // kinds of input actually inspected
  uint64_t files = 0, bytes = 0;
  std::string inputs_sha256;         // over every inspected file's path and digest
  std::vector<Finding> findings;     // sorted; fingerprints and variances assigned
  std::vector<Component> components; // sorted, unique
  std::vector<SkippedInput> skipped;
  std::vector<SkippedInput> partly_inspected;  // read, but a rule left part of it undecided (reason)
  std::vector<FileFacts> file_facts; // only files with facts
  nlohmann::ordered_json summary = nlohmann::ordered_json::object();
  std::vector<VarianceUse> variances;
  std::vector<ElementVerdict> verdicts;  // in code order
  bool meets_code = false;
  bool decided_any = false;  // some required element was decided (pass, fail or waived)
};

// Fills verdicts, variance use, decided_any and meets_code from findings, profile and stages. An
// inspection that decided no element does not meet the code.
void decide(Inspection& in);

}  // namespace mdbc
