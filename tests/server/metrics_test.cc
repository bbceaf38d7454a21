// The metrics registry's exposition text: which series appear, their exact
// values, the histogram's buckets, and how unknown methods and codes count.
#include "server/metrics.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

constexpr char kCheck[] = "/factcheck.v1.FactCheck/CheckText";
constexpr char kGet[] = "/factcheck.v1.FactCheck/GetEvent";

// The lines of `text` that start with `prefix`.
std::vector<std::string> LinesStartingWith(const std::string& text,
                                           const std::string& prefix) {
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StartsWith(line, prefix)) out.emplace_back(line);
  }
  return out;
}

TEST(MetricsTest, CountsCallsByMethodAndCodeListingOnlyThoseSeen) {
  Metrics metrics({kCheck, kGet});
  metrics.RecordRequest(kCheck, 0, absl::Milliseconds(1));
  metrics.RecordRequest(kCheck, 0, absl::Milliseconds(2));
  metrics.RecordRequest(kCheck, 3, absl::Milliseconds(1));
  metrics.RecordRequest(kGet, 5, absl::Microseconds(100));
  const std::string text = metrics.Render({});
  EXPECT_EQ(LinesStartingWith(text, "factcheck_requests_total"),
            (std::vector<std::string>{
                absl::StrCat("factcheck_requests_total{method=\"", kCheck,
                             "\",code=\"OK\"} 2"),
                absl::StrCat("factcheck_requests_total{method=\"", kCheck,
                             "\",code=\"INVALID_ARGUMENT\"} 1"),
                absl::StrCat("factcheck_requests_total{method=\"", kGet,
                             "\",code=\"NOT_FOUND\"} 1")}));
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithBoundsInclusive) {
  Metrics metrics({kCheck});
  metrics.RecordRequest(kCheck, 0, absl::Microseconds(500));  // le=0.0005
  metrics.RecordRequest(kCheck, 0, absl::Milliseconds(3));    // le=0.005
  metrics.RecordRequest(kCheck, 0, absl::Seconds(11));        // +Inf only
  const std::string m = absl::StrCat("{method=\"", kCheck, "\"");
  EXPECT_EQ(
      LinesStartingWith(metrics.Render({}), "factcheck_request_duration"),
      (std::vector<std::string>{
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.0005\"} 1"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.001\"} 1"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.0025\"} 1"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.005\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.01\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.025\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.05\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.1\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.25\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"0.5\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"1\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"2.5\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"5\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"10\"} 2"),
          absl::StrCat("factcheck_request_duration_seconds_bucket", m,
                       ",le=\"+Inf\"} 3"),
          absl::StrCat("factcheck_request_duration_seconds_sum", m,
                       "} 11.0035"),
          absl::StrCat("factcheck_request_duration_seconds_count", m, "} 3")}));
}

TEST(MetricsTest, UnknownMethodsCountAsOtherAndOutOfRangeCodesAsUnknown) {
  Metrics metrics({kCheck});
  metrics.RecordRequest("/made.up.Service/Anything", 12, absl::Milliseconds(1));
  metrics.RecordRequest("/made.up.Service/Else", 12, absl::Milliseconds(1));
  metrics.RecordRequest(kCheck, 99, absl::Milliseconds(1));
  EXPECT_EQ(LinesStartingWith(metrics.Render({}), "factcheck_requests_total"),
            (std::vector<std::string>{
                absl::StrCat("factcheck_requests_total{method=\"", kCheck,
                             "\",code=\"UNKNOWN\"} 1"),
                "factcheck_requests_total{method=\"other\",code="
                "\"UNIMPLEMENTED\"} 2"}));
}

TEST(MetricsTest, ClaimsAreTheSumOfTheVerdictsAndAllVerdictsAlwaysShow) {
  Metrics metrics({});
  const std::string before = metrics.Render({});
  EXPECT_EQ(LinesStartingWith(before, "factcheck_findings_total"),
            (std::vector<std::string>{
                "factcheck_findings_total{verdict=\"SUPPORTED\"} 0",
                "factcheck_findings_total{verdict=\"CONTRADICTED\"} 0",
                "factcheck_findings_total{verdict=\"UNVERIFIABLE\"} 0"}));
  metrics.OnTextChecked({.supported = 3, .contradicted = 1, .unverifiable = 2});
  metrics.OnTextChecked({.supported = 1, .contradicted = 0, .unverifiable = 0});
  const std::string after = metrics.Render({});
  EXPECT_EQ(LinesStartingWith(after, "factcheck_claims_extracted_total "),
            std::vector<std::string>{"factcheck_claims_extracted_total 7"});
  EXPECT_EQ(LinesStartingWith(after, "factcheck_findings_total"),
            (std::vector<std::string>{
                "factcheck_findings_total{verdict=\"SUPPORTED\"} 4",
                "factcheck_findings_total{verdict=\"CONTRADICTED\"} 1",
                "factcheck_findings_total{verdict=\"UNVERIFIABLE\"} 2"}));
}

TEST(MetricsTest, GaugesComeFromTheServiceStateAtScrapeTime) {
  Metrics metrics({});
  ServiceGauges gauges;
  gauges.ready = true;
  gauges.reference_events = 300;
  gauges.store.column_families = {{.name = "events",
                                   .estimated_keys = 300,
                                   .sst_files_bytes = 4096,
                                   .memtable_bytes = 2048}};
  gauges.store.block_cache_usage_bytes = 88;
  gauges.store.block_cache_capacity_bytes = 67108864;
  const std::string text = metrics.Render(gauges);
  for (const char* line :
       {"factcheck_ready 1", "factcheck_reference_events 300",
        "factcheck_rocksdb_estimated_keys{column_family=\"events\"} 300",
        "factcheck_rocksdb_sst_files_bytes{column_family=\"events\"} 4096",
        "factcheck_rocksdb_memtable_bytes{column_family=\"events\"} 2048",
        "factcheck_rocksdb_block_cache_usage_bytes 88",
        "factcheck_rocksdb_block_cache_capacity_bytes 67108864"}) {
    EXPECT_EQ(LinesStartingWith(text, line), std::vector<std::string>{line})
        << text;
  }
  EXPECT_EQ(LinesStartingWith(metrics.Render({}), "factcheck_ready "),
            std::vector<std::string>{"factcheck_ready 0"});
}

TEST(MetricsTest, EveryFamilyHasHelpAndTypeBeforeItsSamples) {
  Metrics metrics({kCheck});
  metrics.RecordRequest(kCheck, 0, absl::Milliseconds(1));
  const std::string text = metrics.Render({});
  std::string family;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    if (absl::StartsWith(line, "# HELP ")) continue;
    if (absl::StartsWith(line, "# TYPE ")) {
      family = std::string(line.substr(7, line.find(' ', 7) - 7));
      continue;
    }
    EXPECT_TRUE(absl::StartsWith(line, family)) << line << " after " << family;
  }
}

}  // namespace
}  // namespace factcheck
