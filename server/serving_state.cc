#include "server/serving_state.h"

namespace factcheck {

void ServingState::Attach(grpc::HealthCheckServiceInterface* health) {
  absl::MutexLock lock(&mu_);
  health_ = health;
  Apply();
}

void ServingState::MarkLoaded() {
  absl::MutexLock lock(&mu_);
  loaded_ = true;
  Apply();
}

void ServingState::BeginDrain() {
  absl::MutexLock lock(&mu_);
  draining_ = true;
  Apply();
}

void ServingState::Apply() {
  const bool serving = loaded_ && !draining_;
  serving_.store(serving, std::memory_order_release);
  if (health_ == nullptr) return;
  // The first call registers each name; the default health service knows
  // only "" until then.
  for (const std::string& service : services_) {
    health_->SetServingStatus(service, serving);
  }
  health_->SetServingStatus("", serving);
}

}  // namespace factcheck
