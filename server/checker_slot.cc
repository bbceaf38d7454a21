#include "server/checker_slot.h"

#include <utility>

namespace factcheck {
namespace {

std::atomic<std::uint64_t> next_version{1};

// One cache per thread: requests on a thread mostly use one slot (one
// service per process), and a miss only costs a mutex acquisition.
struct ThreadCache {
  std::uint64_t version = 0;
  std::shared_ptr<const Checker> checker;
};
thread_local ThreadCache cache;

}  // namespace

void CheckerSlot::Publish(std::shared_ptr<const Checker> checker) {
  absl::MutexLock lock(&mu_);
  current_ = std::move(checker);
  version_.store(next_version.fetch_add(1), std::memory_order_release);
}

std::shared_ptr<const Checker> CheckerSlot::Get() const {
  const std::uint64_t version = version_.load(std::memory_order_acquire);
  if (version != cache.version || version == 0) {
    absl::MutexLock lock(&mu_);
    cache.checker = current_;
    cache.version = version_.load(std::memory_order_relaxed);
  }
  return cache.checker;
}

}  // namespace factcheck
