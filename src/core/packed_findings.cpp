#include "core/packed_findings.h"

#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace mdbc {

PackedFindings::PackedFindings(const std::vector<Finding>& findings) {
  std::unordered_map<std::string_view, Text> stored;  // views into the findings, which outlive this
  auto add = [&](const std::string& s) {
    const auto [it, fresh] = stored.try_emplace(s);
    if (!fresh) return it->second;
    if (s.size() > std::numeric_limits<uint32_t>::max() - text_.size())
      throw std::length_error("the findings' texts exceed 4 GiB");
    it->second = {static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(s.size())};
    text_ += s;
    return it->second;
  };
  records_.reserve(findings.size());
  for (const Finding& f : findings)
    records_.push_back({add(f.rule), add(f.path), add(f.message), add(f.evidence), add(f.component),
                        add(f.fingerprint), f.line, f.column, f.offset, f.variance, f.severity});
  text_.shrink_to_fit();
}

void PackedFindings::unpack_into(std::vector<Finding>& out) const {
  for (const Record& r : records_) {
    Finding& f = out.emplace_back();
    f.rule = view(r.rule);
    f.path = view(r.path);
    f.line = r.line;
    f.column = r.column;
    f.offset = r.offset;
    f.message = view(r.message);
    f.evidence = view(r.evidence);
    f.severity = r.severity;
    f.component = view(r.component);
    f.fingerprint = view(r.fingerprint);
    f.variance = r.variance;
  }
}

}  // namespace mdbc
