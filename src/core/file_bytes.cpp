#include "core/file_bytes.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <mutex>

#include "core/file_io.h"

namespace mdbc {
namespace {

// The mappings a SIGBUS may hit. The handler reads this table, so it holds only lock-free atomics:
// a slot is claimed by swapping its begin from 0 to `claimed`, and released by storing 0 again.
struct Guard {
  std::atomic<uintptr_t> begin{0};
  std::atomic<uintptr_t> end{0};
  std::atomic<bool> shrank{false};
};
constexpr uintptr_t claimed = 1;  // begin of a slot being filled in: no mapping starts at address 1
constexpr size_t max_guarded = 64;  // mappings alive at once; beyond this, files are read instead
std::array<Guard, max_guarded> guards;
uintptr_t page_size = 4096;

void on_sigbus(int, siginfo_t* info, void*) {
  const auto at = reinterpret_cast<uintptr_t>(info->si_addr);
  for (Guard& g : guards) {
    const uintptr_t begin = g.begin.load(std::memory_order_acquire);
    if (begin <= claimed || at < begin || at >= g.end.load(std::memory_order_acquire)) continue;
    g.shrank.store(true, std::memory_order_release);
    // Zeros in place of the page the file no longer has; the faulting read then repeats and sees them.
    void* page = reinterpret_cast<void*>(at & ~(page_size - 1));
    if (::mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) return;
    break;
  }
  // Not one of ours (or no memory for the zero page): the default action, as without this handler.
  ::signal(SIGBUS, SIG_DFL);
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    page_size = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, nullptr);
  });
}

int claim_guard(uintptr_t begin, uintptr_t end) {
  for (size_t i = 0; i < guards.size(); ++i) {
    uintptr_t free = 0;
    // Reserve the slot first (begin = claimed), then fill it, then publish the range: another thread
    // claiming at the same moment can neither take the slot nor see a half-written one.
    if (!guards[i].begin.compare_exchange_strong(free, claimed, std::memory_order_acq_rel)) continue;
    guards[i].end.store(end, std::memory_order_release);
    guards[i].shrank.store(false, std::memory_order_release);
    guards[i].begin.store(begin, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

FileBytes::FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks) {
  uint64_t size = 0;
  const Descriptor f{open_regular_file(path, max_size, follow_symlinks, size)};
  if (size >= map_from_size) {
    install_handler();
    void* p = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, f.fd, 0);
    if (p != MAP_FAILED) {
      const auto begin = reinterpret_cast<uintptr_t>(p);
      guard_ = claim_guard(begin, begin + static_cast<uintptr_t>(size));
      if (guard_ >= 0) {
        mapped_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(size);
        return;
      }
      ::munmap(p, static_cast<size_t>(size));  // every guard is taken: read it instead
    }
  }
  read_ = read_open_file(f.fd, path, size);
}

FileBytes::~FileBytes() {
  if (mapped_ == nullptr) return;
  // The guard goes first: once unmapped, the range may be mapped again for another file, whose own
  // guard must be the one a fault there finds.
  guards[static_cast<size_t>(guard_)].begin.store(0, std::memory_order_release);
  ::munmap(const_cast<char*>(mapped_), size_);
}

bool FileBytes::shrank() const {
  return mapped_ != nullptr && guards[static_cast<size_t>(guard_)].shrank.load(std::memory_order_acquire);
}

}  // namespace mdbc
