#include "core/inspection.h"

namespace mdbc {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::waived: return "waived";
    case Verdict::not_inspected: return "not inspected";
    case Verdict::not_applicable: return "not applicable";
  }
  return "not inspected";
}

void decide(Inspection& in) {
  const CodeBook& code = *in.code;
  const Profile& profile = *in.profile;

  // Variances: a finding is waived by the first unexpired variance that covers it. Only the
  // device maker's findings are waivable; component findings are reported, not judged.
  for (auto& use : in.variances) use.expired = use.variance.expired(in.date);
  for (auto& f : in.findings) {
    f.variance = -1;
    if (!f.component.empty()) continue;
    for (size_t i = 0; i < in.variances.size(); ++i) {
      if (in.variances[i].expired || !in.variances[i].variance.covers(f)) continue;
      f.variance = static_cast<int>(i);
      ++in.variances[i].findings;
      break;
    }
  }

  in.verdicts.clear();
  in.meets_code = true;
  in.decided_any = false;
  for (const Element& e : code.elements()) {
    ElementVerdict v{&e, Verdict::pass, 0, 0};
    bool failing = false, waived_failing = false;
    for (const auto& f : in.findings) {
      if (!f.component.empty() || f.element() != e.id) continue;
      ++v.findings;
      if (f.variance >= 0) ++v.waived;
      if (f.severity < profile.fail_on) continue;
      (f.variance >= 0 ? waived_failing : failing) = true;
    }
    bool inspected = false;
    for (InputKind k : in.stages) inspected = inspected || decides(e.id, k);
    if (!code.is_required(profile, e)) v.verdict = Verdict::not_applicable;
    else if (!inspected) v.verdict = Verdict::not_inspected;
    else if (failing) v.verdict = Verdict::fail;
    else if (waived_failing) v.verdict = Verdict::waived;
    if (v.verdict == Verdict::fail) in.meets_code = false;
    in.decided_any = in.decided_any || v.verdict == Verdict::pass || v.verdict == Verdict::fail || v.verdict == Verdict::waived;
    in.verdicts.push_back(v);
  }
  // Nothing inspected is no evidence of meeting the code: a gate given the wrong folder must not pass.
  if (!in.decided_any) in.meets_code = false;
}

}  // namespace mdbc
