#include "inspect/engine.h"

#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <system_error>
#include <thread>

#include "core/digest.h"
#include "core/error.h"
#include "core/file_bytes.h"
#include "core/packed_findings.h"
#include "core/text.h"
#include "inspect/file_schedule.h"
#include "inspect/sbom/component_review.h"
#include "sign/key.h"

namespace mdbc {
namespace {

struct Slot {
  const Inspector* inspector = nullptr;
  uint64_t size = 0;  // as the walk saw it
  InputFile input;
  FileOutcome outcome;      // its findings moved to `findings` once the file is done
  PackedFindings findings;
  // In place rather than a string's buffer: made while the file is inspected, a buffer for each of
  // tens of thousands of files sat among that inspection's freed memory and kept its pages resident.
  std::array<char, 64> sha256{};  // hex
  std::string error;  // set when the file could not be read
};

Config find_config(const EngineOptions& o) {
  if (!o.config_path.empty()) return load_config(o.config_path);
  for (const auto& root : o.roots) {
    struct stat st {};
    if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    const std::string path = root + (root.ends_with("/") ? "" : "/") + "mdbc.toml";
    if (::lstat(path.c_str(), &st) == 0) return load_config(path);
    break;
  }
  return {};
}

class Progress {
 public:
  Progress(bool on, size_t total) : on_(on), total_(total), start_(std::chrono::steady_clock::now()) {
    if (on_) thread_ = std::thread([this] { loop(); });
  }
  ~Progress() {
    if (!on_) return;
    {
      std::lock_guard lock(m_);
      done_flag_ = true;
    }
    cv_.notify_all();
    thread_.join();
    std::fputs("\r\033[K", stderr);
  }
  void add(uint64_t bytes) {
    ++files_;
    bytes_ += bytes;
  }

 private:
  void loop() {
    std::unique_lock lock(m_);
    do {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      std::fprintf(stderr, "\r\033[Kmdbc: %zu/%zu files, %.1f MB, %.1f s", files_.load(), total_,
                   static_cast<double>(bytes_.load()) / 1e6, secs);
      std::fflush(stderr);
    } while (!cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return done_flag_; }));
  }
  bool on_;
  size_t total_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<size_t> files_{0};
  std::atomic<uint64_t> bytes_{0};
  std::mutex m_;
  std::condition_variable cv_;
  bool done_flag_ = false;
  std::thread thread_;
};

// The bytes of large files (FileSchedule) read and inspected at once, as the walk saw them.
constexpr uint64_t large_bytes_in_flight = 16ull << 20;

// At most this many findings of one rule are listed for one file; one more finding says how many
// more there are. A generated or hostile file can hold a finding per token (millions in a 64 MiB
// file), and every finding listed costs memory and report size.
constexpr size_t max_findings_per_rule = 1000;

// The positions of `findings` in the order `less` gives, ties in their order of making: sorting
// positions moves no Finding (each holds several strings), which mattered for a hostile file
// with hundreds of thousands of findings.
template <class Less>
std::vector<size_t> sorted_positions(const std::vector<Finding>& findings, Less less) {
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less(findings[a], findings[b]); });
  return order;
}

void cap_findings(std::vector<Finding>& findings) {
  if (findings.size() <= max_findings_per_rule) return;
  struct Overflow {
    size_t count = 0;
    Finding first;
  };
  std::map<std::string, size_t> listed;
  std::map<std::string, Overflow> overflow;
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (const size_t i : sorted_positions(findings, std::less<Finding>())) {
    Finding& f = findings[i];
    if (++listed[f.rule] <= max_findings_per_rule) {
      kept.push_back(std::move(f));
      continue;
    }
    Overflow& o = overflow[f.rule];
    if (o.count++ == 0) o.first = std::move(f);
    else o.first.severity = std::max(o.first.severity, f.severity);
  }
  for (auto& [rule, o] : overflow) {
    Finding& f = o.first;
    f.message = std::to_string(o.count) + " more " + rule + " findings in this file are not listed (mdbc lists " +
                std::to_string(max_findings_per_rule) + " per rule and file); the first, at line " +
                std::to_string(f.line) + ": " + f.message;
    f.column = 0;
    kept.push_back(std::move(f));
  }
  findings = std::move(kept);
}

// The same cap over findings a tree-wide pass made, one file at a time.
void cap_findings_per_file(std::vector<Finding>& findings) {
  if (findings.size() <= max_findings_per_rule) return;  // no file can be over
  const auto order = sorted_positions(findings, [](const Finding& a, const Finding& b) { return a.path < b.path; });
  std::vector<Finding> kept;
  for (size_t begin = 0; begin < order.size();) {
    const std::string path = findings[order[begin]].path;
    std::vector<Finding> one_file;
    size_t end = begin;
    for (; end < order.size() && findings[order[end]].path == path; ++end)
      one_file.push_back(std::move(findings[order[end]]));
    cap_findings(one_file);
    kept.insert(kept.end(), std::make_move_iterator(one_file.begin()), std::make_move_iterator(one_file.end()));
    begin = end;
  }
  findings = std::move(kept);
}

// Runs task(part) for every part in [0, parts), each on its own thread (the calling one does the
// first), and rethrows the first part's exception once all are done.
template <class Task>
void run_parts(size_t parts, Task task) {
  std::vector<std::exception_ptr> errors(parts);
  auto one = [&](size_t part) {
    try {
      task(part);
    } catch (...) {  // an exception must not escape a thread (terminate)
      errors[part] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(parts);  // growing it while threads run could throw past them (terminate)
  size_t started = 1;
  try {
    for (; started < parts; ++started) threads.emplace_back(one, started);
  } catch (const std::system_error&) {
    // No more threads to be had (process or memory limits): this one does the rest.
  }
  one(0);
  for (size_t part = started; part < parts; ++part) one(part);
  for (auto& t : threads) t.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}

// Below this many findings a part, a thread costs more than it saves.
constexpr size_t findings_per_thread = 16384;

// In operator<'s order (a total one: the parts do not show): parts sorted at once, then merged.
void sort_findings(std::vector<Finding>& findings, unsigned jobs) {
  const size_t parts = std::clamp<size_t>(findings.size() / findings_per_thread, 1, jobs);
  const auto at = [&](size_t part) { return findings.begin() + static_cast<ptrdiff_t>(findings.size() * part / parts); };
  run_parts(parts, [&](size_t part) { std::sort(at(part), at(part + 1)); });
  for (size_t width = 1; width < parts; width *= 2)
    for (size_t part = 0; part + width < parts; part += 2 * width)
      std::inplace_merge(at(part), at(part + width), at(std::min(part + 2 * width, parts)));
}

// Fingerprints of sorted findings, in parts that start where a path does (a path's fingerprints
// count its identical findings).
void fingerprint_findings(std::vector<Finding>& findings, unsigned jobs) {
  const size_t parts = std::clamp<size_t>(findings.size() / findings_per_thread, 1, jobs);
  std::vector<size_t> begin(parts + 1, findings.size());
  begin[0] = 0;
  for (size_t part = 1; part < parts; ++part) {
    size_t b = std::max(begin[part - 1], findings.size() * part / parts);
    while (b > 0 && b < findings.size() && findings[b].path == findings[b - 1].path) ++b;
    begin[part] = b;
  }
  run_parts(parts, [&](size_t part) {
    assign_fingerprints(std::span(findings).subspan(begin[part], begin[part + 1] - begin[part]));
  });
}

// Reads, claims and inspects one file.
void inspect_one(const WalkedFile& w, const RunContext& ctx, uint64_t max_size, FindingsArena& arena, Slot& slot) {
  std::optional<FileBytes> file;
  try {
    file.emplace(w.fs_path, max_size, w.given_explicitly,
                 ctx.keeps_full_buffers() ? FileBytes::kept_size : FileBytes::small_kept_size);
  } catch (const InputError& e) {
    slot.error = e.what();
    return;
  }
  const std::string_view bytes = file->bytes();
  slot.input.path = w.path;
  slot.input.component = w.component;
  slot.input.given_explicitly = w.given_explicitly;
  const std::string_view head = bytes.substr(0, 4096);
  for (const auto& inspector : inspectors())
    if (inspector->claims(w.rel_path, head, w.given_explicitly)) {
      slot.inspector = inspector.get();
      break;
    }
  if (slot.inspector == nullptr) return;
  const std::string digest = sha256_hex(bytes);
  std::copy_n(digest.begin(), slot.sha256.size(), slot.sha256.begin());
  slot.input.bytes = bytes;
  try {
    slot.inspector->inspect(slot.input, ctx, slot.outcome);
    cap_findings(slot.outcome.findings);
  } catch (const InputError& e) {
    slot.error = e.what();
  } catch (const std::exception& e) {
    slot.error = w.path + ": cannot be inspected: " + e.what();
  }
  slot.input.bytes = {};  // the bytes die here; nothing may keep views into them
  slot.findings = PackedFindings(slot.outcome.findings, arena);
  std::vector<Finding>().swap(slot.outcome.findings);
}

}  // namespace

Inspection run_inspection(const EngineOptions& o) {
  // glibc raises its mmap threshold to the size of each large block freed, so that after the first
  // large file the token buffers of the next ones come from the heap, whose freed pages stay
  // resident: a fixed threshold hands every large buffer back to the system when it is freed.
  // 4 MiB keeps the buffers of ordinary files on the heap (a lower one maps and faults in every
  // file's buffers again: on the Linux tree 128 KiB took 46 s against 35 s, for 285 against 292 MiB).
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  // Fixing the mmap threshold also fixes the trim threshold at 128 KiB, so the heap's top was
  // handed back after each file and faulted in again for the next one (drivers/net/ethernet: 41,000
  // page faults against 14,000 with 2 MiB kept). The heaps are trimmed explicitly after the
  // inspection and after the tree-wide passes.
  mallopt(M_TRIM_THRESHOLD, 2 << 20);
  // glibc gives each new thread an arena of its own while there are fewer than eight per core, and
  // every arena keeps the memory its files freed amid what they left for the tree-wide passes:
  // with --jobs 8 on the Linux tree the arenas held 21-40 MiB free late in the run, against 2 MiB
  // with two threads, and two arenas held 2-18 MiB. Four: peak 288 against 316 MB at --jobs 8;
  // --jobs 2 uses two either way, and at --jobs 8 two threads share one.
  mallopt(M_ARENA_MAX, 4);
  const CodeBook& code = CodeBook::builtin();
  const Config config = find_config(o);
  const std::string profile_name = !o.profile.empty() ? o.profile : config.profile.value_or(default_profile);
  const Profile* profile = code.profile(profile_name);
  if (profile == nullptr) {
    std::string names;
    for (const auto& p : code.profiles()) names += (names.empty() ? "" : ", ") + p.name;
    throw InputError((o.profile.empty() && config.profile ? config.source_path + ": " : std::string()) +
                     "unknown profile '" + profile_name + "' (one of: " + names + ")");
  }
  // The keys the device trusts: given on the command line and declared by the tree's mdbc.toml.
  InspectOptions inspect = o.inspect;
  for (const auto& key : config.trust_keys) {
    sign::load_public_key(key);  // an unusable key is an input error now, not once per image
    inspect.trust_keys.push_back(key);
  }
  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const RunContext ctx{code, *profile, config, inspect, jobs};

  Inspection in;
  in.code = &code;
  in.profile = profile;
  in.config_path = printable(config.source_path);
  in.date = o.date.empty() ? today_utc() : o.date;
  in.roots = o.roots;
  for (const auto& v : config.variances) in.variances.push_back({v, 0, false});

  WalkResult walked = walk(o.roots, config, o.limits);
  in.skipped = std::move(walked.skipped);
  in.components = std::move(walked.components);

  // The files' packed findings, until they are gathered.
  auto findings_arena = std::make_unique<FindingsArena>();
  std::vector<Slot> slots(walked.files.size());
  {
    Progress progress(o.progress, slots.size());
    FileSchedule schedule(walked.files, large_bytes_in_flight);
    auto work = [&] {
      while (const std::optional<size_t> next = schedule.next()) {
        const size_t i = *next;
        const uint64_t size = walked.files[i].size;
        slots[i].size = size;
        try {
          inspect_one(walked.files[i], ctx, o.limits.max_file_size, *findings_arena, slots[i]);
        } catch (const std::exception& e) {  // an exception must not escape a thread (terminate)
          slots[i].error = walked.files[i].path + ": cannot be inspected: " + e.what();
        }
        walked.files[i] = WalkedFile();  // done with: the slot holds what is shown
        schedule.done(size);
        progress.add(size);
      }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs);  // growing it while threads run could throw past them (terminate)
    try {
      for (unsigned t = 1; t < jobs && t < slots.size(); ++t) threads.emplace_back(work);
    } catch (const std::system_error&) {
      // No more threads to be had (process or memory limits): the ones started do the work.
    }
    work();
    for (auto& t : threads) t.join();
  }
  std::vector<WalkedFile>().swap(walked.files);
  malloc_trim(0);  // the workers' freed buffers, scattered over their heaps, back to the system

  // A file that could not be read leaves the inspection incomplete: that is an input error.
  for (const auto& s : slots)
    if (!s.error.empty()) throw InputError(printable(s.error));

  std::map<std::string, std::string> component_of;  // path -> component, for tree-wide findings
  Sha256 inputs_digest;
  for (auto& s : slots) {
    if (s.inspector == nullptr) continue;
    in.stages.insert(s.inspector->kind());
    ++in.files;
    in.bytes += s.size;
    inputs_digest.update(s.input.path);
    inputs_digest.update(std::string_view("\0", 1));
    const std::string_view sha256(s.sha256.data(), s.sha256.size());
    inputs_digest.update(sha256);
    if (!s.input.component.empty()) component_of[s.input.path] = s.input.component;
    for (auto& c : s.outcome.components) in.components.push_back(std::move(c));
    for (auto& reason : s.outcome.incomplete) in.partly_inspected.push_back({s.input.path, std::move(reason)});
    if (!s.outcome.facts.is_null())
      in.file_facts.push_back({s.input.path, s.inspector->kind(), std::string(sha256), std::move(s.outcome.facts)});
  }
  in.inputs_sha256 = inputs_digest.hex();

  std::vector<TreeOutcome> trees;
  for (const auto& inspector : inspectors()) {
    std::vector<const InputFile*> files;
    std::vector<FileOutcome*> outcomes;
    for (auto& s : slots)
      if (s.inspector == inspector.get()) {
        files.push_back(&s.input);
        outcomes.push_back(&s.outcome);
      }
    if (files.empty()) continue;
    inspector->finish(files, outcomes, ctx, trees.emplace_back());
    cap_findings_per_file(trees.back().findings);
    // What is left of the files' records for finish() (a holder per file, made on the workers
    // among the freed memory of each file's inspection) goes before the findings are gathered.
    for (FileOutcome* outcome : outcomes) outcome->tree_facts.reset();
  }
  malloc_trim(0);

  // Gather the findings into one vector of exactly the right size, releasing each file's record
  // as it goes: on a large tree the per-file facts and findings are most of the memory.
  size_t total = 0;
  for (const auto& s : slots) total += s.findings.size();
  const size_t from_files = total;
  for (const auto& tree : trees) total += tree.findings.size();
  in.findings.reserve(total);
  in.findings.resize(from_files);
  // Each thread unpacks the findings of a run of slots into their places, the runs about equal
  // in findings, and releases the slots as it goes.
  std::vector<size_t> first_finding(slots.size() + 1, 0);
  for (size_t i = 0; i < slots.size(); ++i) first_finding[i + 1] = first_finding[i] + slots[i].findings.size();
  const size_t runs = std::clamp<size_t>(from_files / findings_per_thread, 1, jobs);
  run_parts(runs, [&](size_t run) {
    const auto slot_at = [&](size_t finding) {
      return static_cast<size_t>(std::lower_bound(first_finding.begin(), first_finding.end(), finding) -
                                 first_finding.begin());
    };
    const size_t end = run + 1 == runs ? slots.size() : slot_at(from_files * (run + 1) / runs);
    for (size_t i = run == 0 ? 0 : slot_at(from_files * run / runs); i < end; ++i) {
      slots[i].findings.unpack_to(std::span(in.findings).subspan(first_finding[i], slots[i].findings.size()));
      slots[i] = Slot();
    }
  });
  std::vector<Slot>().swap(slots);
  findings_arena.reset();
  malloc_trim(0);
  for (auto& tree : trees) {
    for (auto& f : tree.findings) in.findings.push_back(std::move(f));
    for (auto& c : tree.components) in.components.push_back(std::move(c));
    if (tree.summary.is_object())
      for (auto& [k, v] : tree.summary.items()) in.summary[k] = std::move(v);
  }

  const size_t parts = std::clamp<size_t>(in.findings.size() / findings_per_thread, 1, jobs);
  run_parts(parts, [&](size_t part) {
    for (size_t i = in.findings.size() * part / parts; i < in.findings.size() * (part + 1) / parts; ++i) {
      Finding& f = in.findings[i];
      if (f.component.empty())
        if (auto it = component_of.find(f.path); it != component_of.end()) f.component = it->second;
      f.component = printable(f.component, false);
      f.message = printable(f.message, false);
      f.evidence = printable(f.evidence, false);
    }
  });
  // SBOM-1/SBOM-2 over the components of every stage (the device maker's findings, not a component's).
  sbom::review_components(in, ctx);
  sort_findings(in.findings, jobs);
  fingerprint_findings(in.findings, jobs);
  for (auto& c : in.components)  // names and versions come from hostile files and mdbc.toml
    for (std::string* field : {&c.name, &c.version, &c.path, &c.evidence, &c.purl}) *field = printable(*field, false);
  std::sort(in.components.begin(), in.components.end(),
            [](const Component& a, const Component& b) { return a.key() < b.key(); });
  in.components.erase(std::unique(in.components.begin(), in.components.end(),
                                  [](const Component& a, const Component& b) { return a.key() == b.key(); }),
                      in.components.end());
  decide(in);
  return in;
}

}  // namespace mdbc
