// Hands the current Checker to request threads without a lock on their
// path.
#ifndef FACTCHECK_SERVER_CHECKER_SLOT_H_
#define FACTCHECK_SERVER_CHECKER_SLOT_H_

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/synchronization/mutex.h"
#include "engine/checker.h"

namespace factcheck {

// Holds the Checker that requests use, replaced whole when the reference
// events change. Each thread keeps its own reference to the Checker it last
// used and re-reads the slot, under the slot's mutex, only when a newer one
// has been published: a request costs one atomic load and a reference count
// increment, and takes no lock (std::atomic<std::shared_ptr> would: in
// libstdc++ it spins on a lock bit). Thread-safe.
class CheckerSlot {
 public:
  // Makes `checker` the one later Get() calls return.
  void Publish(std::shared_ptr<const Checker> checker);

  // The newest published Checker (null before the first Publish). The
  // caller's reference keeps it alive however long the request takes.
  std::shared_ptr<const Checker> Get() const;

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const Checker> current_ ABSL_GUARDED_BY(mu_);
  // The version of `current_`, unique across all slots of the process, so
  // that a thread's cache from another slot can never look current.
  std::atomic<std::uint64_t> version_{0};
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_CHECKER_SLOT_H_
