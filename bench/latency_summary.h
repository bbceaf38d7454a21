// What the load benchmarks report of the latencies they measured: exact
// percentiles of all samples (nearest rank), the largest and the mean.
#ifndef FACTCHECK_BENCH_LATENCY_SUMMARY_H_
#define FACTCHECK_BENCH_LATENCY_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace factcheck::bench {

// Microseconds; all 0 when there are no samples.
struct LatencySummary {
  std::size_t count = 0;
  double p50_us = 0;
  double p90_us = 0;
  double p99_us = 0;
  double max_us = 0;
  double mean_us = 0;
};

// Summarises `latencies_ns` (any order; sorted in place).
LatencySummary Summarize(std::vector<std::int64_t>& latencies_ns);

}  // namespace factcheck::bench

#endif  // FACTCHECK_BENCH_LATENCY_SUMMARY_H_
