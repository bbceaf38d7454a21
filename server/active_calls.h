// Counts the calls in progress on an edge (gRPC or HTTP), so that a drain
// can wait for them, and no longer.
#ifndef FACTCHECK_SERVER_ACTIVE_CALLS_H_
#define FACTCHECK_SERVER_ACTIVE_CALLS_H_

#include <atomic>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace factcheck {

// Why count rather than let the transport wait: gRPC's Server::Shutdown
// waits out its whole deadline while any client keeps an idle connection
// open, and an HTTP keep-alive connection holds its thread the same way.
// Every call passes through Begin and End, so they are one atomic add
// each, with no lock on the request path; only the rare drain polls.
class ActiveCalls {
 public:
  void Begin() { active_.fetch_add(1, std::memory_order_relaxed); }
  void End() { active_.fetch_sub(1, std::memory_order_release); }
  // True when no call was active before `deadline`.
  bool WaitUntilIdle(absl::Time deadline) {
    while (active_.load(std::memory_order_acquire) != 0) {
      if (absl::Now() >= deadline) return false;
      absl::SleepFor(absl::Milliseconds(1));
    }
    return true;
  }

 private:
  std::atomic<int> active_{0};
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_ACTIVE_CALLS_H_
