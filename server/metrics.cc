#include "server/metrics.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace factcheck {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

// Label values here are method names, status codes, verdicts and column
// family names; escaped anyway, as the format asks.
std::string LabelValue(absl::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Header(std::string& out, absl::string_view name, absl::string_view type,
            absl::string_view help) {
  absl::StrAppend(&out, "# HELP ", name, " ", help, "\n# TYPE ", name, " ",
                  type, "\n");
}

std::string Number(double value) { return absl::StrFormat("%.9g", value); }

}  // namespace

Metrics::Metrics(const std::vector<std::string>& methods) {
  other_.name = "other";
  std::vector<std::string> sorted = methods;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (const std::string& name : sorted) {
    auto series = std::make_unique<MethodSeries>();
    series->name = name;
    by_name_[name] = series.get();
    methods_.push_back(std::move(series));
  }
}

Metrics::MethodSeries& Metrics::SeriesFor(absl::string_view method) {
  auto it = by_name_.find(method);
  return it == by_name_.end() ? other_ : *it->second;
}

void Metrics::RecordRequest(absl::string_view method, int code,
                            absl::Duration latency) {
  MethodSeries& series = SeriesFor(method);
  if (code < 0 || code >= kCodes)
    code = static_cast<int>(absl::StatusCode::kUnknown);
  series.calls[code].fetch_add(1, kRelaxed);
  const double seconds = absl::ToDoubleSeconds(latency);
  const std::size_t bucket =
      std::lower_bound(kRequestDurationBuckets.begin(),
                       kRequestDurationBuckets.end(), seconds) -
      kRequestDurationBuckets.begin();
  series.buckets[bucket].fetch_add(1, kRelaxed);
  series.sum_nanos.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(
                                 0, absl::ToInt64Nanoseconds(latency))),
                             kRelaxed);
  series.count.fetch_add(1, kRelaxed);
}

void Metrics::OnTextChecked(const CheckCounts& counts) {
  claims_.fetch_add(
      counts.supported + counts.contradicted + counts.unverifiable, kRelaxed);
  supported_.fetch_add(counts.supported, kRelaxed);
  contradicted_.fetch_add(counts.contradicted, kRelaxed);
  unverifiable_.fetch_add(counts.unverifiable, kRelaxed);
}

std::string Metrics::Render(const ServiceGauges& gauges) const {
  std::vector<const MethodSeries*> all;
  for (const auto& series : methods_) all.push_back(series.get());
  all.push_back(&other_);

  std::string out;
  Header(out, "factcheck_requests_total", "counter",
         "Finished calls, over gRPC and the HTTP API, by method (the gRPC "
         "method's name) and status code.");
  for (const MethodSeries* series : all) {
    for (int code = 0; code < kCodes; ++code) {
      const std::uint64_t n = series->calls[code].load(kRelaxed);
      if (n == 0) continue;
      absl::StrAppend(
          &out, "factcheck_requests_total{method=\"", LabelValue(series->name),
          "\",code=\"",
          absl::StatusCodeToString(static_cast<absl::StatusCode>(code)), "\"} ",
          n, "\n");
    }
  }

  Header(out, "factcheck_request_duration_seconds", "histogram",
         "Time from a call's arrival to its status, by method.");
  for (const MethodSeries* series : all) {
    const std::uint64_t count = series->count.load(kRelaxed);
    if (count == 0) continue;
    const std::string method = LabelValue(series->name);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < series->buckets.size(); ++i) {
      cumulative += series->buckets[i].load(kRelaxed);
      const std::string le = i < kRequestDurationBuckets.size()
                                 ? Number(kRequestDurationBuckets[i])
                                 : "+Inf";
      absl::StrAppend(&out,
                      "factcheck_request_duration_seconds_bucket{method=\"",
                      method, "\",le=\"", le, "\"} ", cumulative, "\n");
    }
    absl::StrAppend(
        &out, "factcheck_request_duration_seconds_sum{method=\"", method,
        "\"} ",
        Number(static_cast<double>(series->sum_nanos.load(kRelaxed)) / 1e9),
        "\n");
    // The +Inf bucket is the count the buckets saw, which keeps the two
    // equal within one scrape even while calls finish.
    absl::StrAppend(&out, "factcheck_request_duration_seconds_count{method=\"",
                    method, "\"} ", cumulative, "\n");
  }

  Header(out, "factcheck_claims_extracted_total", "counter",
         "Dated claims found in checked texts (CheckText, StreamCheck, "
         "IngestSource).");
  absl::StrAppend(&out, "factcheck_claims_extracted_total ",
                  claims_.load(kRelaxed), "\n");
  Header(out, "factcheck_findings_total", "counter",
         "Verdicts of the extracted claims, listed in the response or not.");
  absl::StrAppend(&out, "factcheck_findings_total{verdict=\"SUPPORTED\"} ",
                  supported_.load(kRelaxed), "\n",
                  "factcheck_findings_total{verdict=\"CONTRADICTED\"} ",
                  contradicted_.load(kRelaxed), "\n",
                  "factcheck_findings_total{verdict=\"UNVERIFIABLE\"} ",
                  unverifiable_.load(kRelaxed), "\n");

  Header(out, "factcheck_ready", "gauge",
         "1 while the server serves (health SERVING); 0 while it loads "
         "reference data or drains.");
  absl::StrAppend(&out, "factcheck_ready ", gauges.ready ? 1 : 0, "\n");
  Header(out, "factcheck_reference_events", "gauge",
         "Reference events the checker knows.");
  absl::StrAppend(&out, "factcheck_reference_events ", gauges.reference_events,
                  "\n");

  const auto per_family = [&](absl::string_view name, absl::string_view help,
                              std::uint64_t ColumnFamilyStats::*field) {
    Header(out, name, "gauge", help);
    for (const ColumnFamilyStats& family : gauges.store.column_families) {
      absl::StrAppend(&out, name, "{column_family=\"", LabelValue(family.name),
                      "\"} ", family.*field, "\n");
    }
  };
  per_family("factcheck_rocksdb_estimated_keys",
             "RocksDB's estimate of the keys in each column family.",
             &ColumnFamilyStats::estimated_keys);
  per_family("factcheck_rocksdb_sst_files_bytes",
             "Size of each column family's table files.",
             &ColumnFamilyStats::sst_files_bytes);
  per_family("factcheck_rocksdb_memtable_bytes",
             "Size of each column family's memtables.",
             &ColumnFamilyStats::memtable_bytes);
  Header(out, "factcheck_rocksdb_block_cache_usage_bytes", "gauge",
         "Bytes held by the block cache the column families share.");
  absl::StrAppend(&out, "factcheck_rocksdb_block_cache_usage_bytes ",
                  gauges.store.block_cache_usage_bytes, "\n");
  Header(out, "factcheck_rocksdb_block_cache_capacity_bytes", "gauge",
         "Capacity of that block cache.");
  absl::StrAppend(&out, "factcheck_rocksdb_block_cache_capacity_bytes ",
                  gauges.store.block_cache_capacity_bytes, "\n");
  return out;
}

}  // namespace factcheck
