// The server's metrics, rendered in Prometheus' text exposition format
// (version 0.0.4) for GET /metrics on the HTTP port (http_server.h).
//
// Recording is lock-free: each series is an atomic counter in a table
// fixed at construction (methods by index, codes 0-16, buckets), so a
// request thread never waits on another. A scrape reads the counters one
// by one and so may see a request counted in one series and not yet in
// another; each counter on its own only ever grows.
#ifndef FACTCHECK_SERVER_METRICS_H_
#define FACTCHECK_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/fact_check_service.h"
#include "storage/store.h"

namespace factcheck {

// Upper bounds, in seconds, of the buckets of
// factcheck_request_duration_seconds: from half a millisecond (a GetEvent)
// to ten seconds (a large import's last chunk).
inline constexpr std::array<double, 14> kRequestDurationBuckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
    0.1,    0.25,  0.5,    1,     2.5,  5,     10};

// What the scrape reads from the service at the time of the scrape.
struct ServiceGauges {
  bool ready = false;  // Serving: loaded and not draining.
  std::size_t reference_events = 0;
  StoreStats store;
};

// Thread-safe.
class Metrics final : public CheckObserver {
 public:
  // Requests to `methods` (full names, "/factcheck.v1.FactCheck/CheckText")
  // are counted under their own name; any other under method="other", so
  // that a client cannot grow the table by calling made-up methods.
  explicit Metrics(const std::vector<std::string>& methods);

  // One finished call to `method` with gRPC status `code` (0-16; others
  // count as UNKNOWN) that took `latency`.
  void RecordRequest(absl::string_view method, int code,
                     absl::Duration latency);

  void OnTextChecked(const CheckCounts& counts) override;

  // The exposition: factcheck_requests_total{method,code} (series that have
  // counted something), factcheck_request_duration_seconds{method} (methods
  // called at least once), factcheck_claims_extracted_total,
  // factcheck_findings_total{verdict}, factcheck_ready,
  // factcheck_reference_events and the factcheck_rocksdb_* gauges.
  std::string Render(const ServiceGauges& gauges) const;

 private:
  static constexpr int kCodes = 17;
  struct MethodSeries {
    std::string name;
    std::array<std::atomic<std::uint64_t>, kCodes> calls{};
    // Per bucket, not cumulative; the last is +Inf.
    std::array<std::atomic<std::uint64_t>, kRequestDurationBuckets.size() + 1>
        buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_nanos{0};
  };

  MethodSeries& SeriesFor(absl::string_view method);

  // Fixed after construction, so read without a lock.
  std::vector<std::unique_ptr<MethodSeries>> methods_;
  absl::flat_hash_map<std::string, MethodSeries*> by_name_;
  MethodSeries other_;

  std::atomic<std::uint64_t> claims_{0};
  std::atomic<std::uint64_t> supported_{0};
  std::atomic<std::uint64_t> contradicted_{0};
  std::atomic<std::uint64_t> unverifiable_{0};
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_METRICS_H_
