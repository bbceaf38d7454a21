#include "bench/latency_summary.h"

#include <algorithm>
#include <cmath>

namespace factcheck::bench {
namespace {

// The smallest sample with at least `p` percent of the samples at or below
// it (nearest rank). `sorted` is not empty.
std::int64_t Percentile(const std::vector<std::int64_t>& sorted, double p) {
  const std::size_t rank = std::clamp<std::size_t>(
      static_cast<std::size_t>(
          std::ceil(p / 100.0 * static_cast<double>(sorted.size()))),
      1, sorted.size());
  return sorted[rank - 1];
}

double Micros(double ns) { return ns / 1000.0; }

}  // namespace

LatencySummary Summarize(std::vector<std::int64_t>& latencies_ns) {
  LatencySummary s;
  if (latencies_ns.empty()) return s;
  std::sort(latencies_ns.begin(), latencies_ns.end());
  double total = 0;
  for (std::int64_t l : latencies_ns) total += static_cast<double>(l);
  s.count = latencies_ns.size();
  s.p50_us = Micros(static_cast<double>(Percentile(latencies_ns, 50)));
  s.p90_us = Micros(static_cast<double>(Percentile(latencies_ns, 90)));
  s.p99_us = Micros(static_cast<double>(Percentile(latencies_ns, 99)));
  s.max_us = Micros(static_cast<double>(latencies_ns.back()));
  s.mean_us = Micros(total / static_cast<double>(s.count));
  return s;
}

}  // namespace factcheck::bench
