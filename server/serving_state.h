// Whether the server serves, in one place: its gRPC health status and the
// factcheck_ready metric both read it.
//
// A server starts NOT_SERVING, listening but refusing calls while it loads
// its reference data; turns SERVING once loaded; and is NOT_SERVING again,
// for good, from the moment it starts to drain. A drain that begins during
// the load wins: the load's end does not turn it SERVING.
#ifndef FACTCHECK_SERVER_SERVING_STATE_H_
#define FACTCHECK_SERVER_SERVING_STATE_H_

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "grpcpp/health_check_service_interface.h"

namespace factcheck {

// Thread-safe.
class ServingState {
 public:
  // `services`: the full names of the services the server registers
  // (e.g. "factcheck.v1.FactCheck"), each of which the health service
  // then answers for, as it does for the server as a whole ("").
  // Probes that name a service (Kubernetes' grpc probe with `service`,
  // Envoy's health checker) would otherwise get NOT_FOUND.
  explicit ServingState(std::vector<std::string> services)
      : services_(std::move(services)) {}

  // The health service to keep in step (the server's, once it is built);
  // set to the current status at once.
  void Attach(grpc::HealthCheckServiceInterface* health);
  // The reference data is loaded: SERVING, unless draining.
  void MarkLoaded();
  // Draining: NOT_SERVING from now on.
  void BeginDrain();

  bool serving() const { return serving_.load(std::memory_order_acquire); }

 private:
  void Apply() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::vector<std::string> services_;
  absl::Mutex mu_;
  grpc::HealthCheckServiceInterface* health_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool loaded_ ABSL_GUARDED_BY(mu_) = false;
  bool draining_ ABSL_GUARDED_BY(mu_) = false;
  // Read by metrics scrapes without the lock.
  std::atomic<bool> serving_{false};
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_SERVING_STATE_H_
