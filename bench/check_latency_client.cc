// CheckText latency from one client process: sends the same text many times,
// one request at a time over one channel per server, and prints the latency
// percentiles and the request rate. Process and channel start-up are not
// measured. Every response must carry exactly --expect_contradicted
// contradicted findings (and the same findings as the first response);
// otherwise the client exits 1. Used by bench/check_latency_bench.sh.
//
//   factcheck_check_latency_client --server=127.0.0.1:PORT[,HOST:PORT...]
//       --text_file=tests/data/seed-article.txt [--published=YYYY-MM-DD]
//       [--requests=2000] [--warmup=200] [--expect_contradicted=1]
//
// With several servers the requests alternate between them, one to each in
// turn, so that whatever else runs on the machine slows them alike and
// their figures can be compared; one line is printed per server.
//
// A first line "date YYYY-MM-DD" in the file is taken off the text, as the
// factcheck CLI does, and gives the publication date unless --published
// does.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(std::string, server, "localhost:50051",
          "Server address, host:port; several, comma-separated, are sent "
          "requests in turn.");
ABSL_FLAG(std::string, text_file, "", "The text to check (required).");
ABSL_FLAG(std::string, published, "",
          "Publication date YYYY-MM-DD; default: the file's date header.");
ABSL_FLAG(int, requests, 2000, "Measured requests.");
ABSL_FLAG(int, warmup, 200, "Requests sent first and not measured.");
ABSL_FLAG(int, expect_contradicted, 1,
          "Contradicted findings every response must have; -1: any.");
ABSL_FLAG(int, timeout_seconds, 30, "Deadline of each request.");

namespace {

namespace v1 = factcheck::v1;

// Takes a leading "date YYYY-MM-DD" header off `text`; returns the date, or
// "" when there is none.
std::string TakeDateHeader(std::string* text) {
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(*text);
  if (!absl::ConsumePrefix(&rest, "date") || rest.empty() ||
      !absl::ascii_isspace(static_cast<unsigned char>(rest.front()))) {
    return "";
  }
  rest = absl::StripLeadingAsciiWhitespace(rest);
  std::size_t end = 0;
  while (end < rest.size() &&
         !absl::ascii_isspace(static_cast<unsigned char>(rest[end]))) {
    ++end;
  }
  const std::string date(rest.substr(0, end));
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return "";
  rest = absl::StripLeadingAsciiWhitespace(rest.substr(end));
  *text = std::string(rest);
  return date;
}

// What must not change from one response to the next.
std::string Summary(const v1::CheckTextResponse& r) {
  std::vector<std::string> parts;
  for (const v1::Finding& f : r.findings()) {
    parts.push_back(absl::StrCat(f.claim().span().begin(), ":",
                                 f.claim().event(), ":",
                                 v1::Verdict_Name(f.verdict())));
  }
  return absl::StrJoin(parts, " ");
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] +
         (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

int Run() {
  const std::string path = absl::GetFlag(FLAGS_text_file);
  if (path.empty()) {
    std::fprintf(stderr, "--text_file is required\n");
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::string published = TakeDateHeader(&text);
  if (!absl::GetFlag(FLAGS_published).empty()) {
    published = absl::GetFlag(FLAGS_published);
  }
  if (published.empty()) {
    std::fprintf(stderr, "%s: no date header; pass --published\n",
                 path.c_str());
    return 2;
  }
  const int requests = absl::GetFlag(FLAGS_requests);
  const int warmup = absl::GetFlag(FLAGS_warmup);
  const int expect = absl::GetFlag(FLAGS_expect_contradicted);
  if (requests <= 0 || warmup < 0) {
    std::fprintf(stderr,
                 "--requests must be positive, --warmup not negative\n");
    return 2;
  }

  struct Target {
    std::string address;
    std::unique_ptr<v1::FactCheck::Stub> stub;
    std::string first_summary;
    int findings = -1;
    std::vector<double> latencies_us;
  };
  std::vector<Target> targets;
  for (absl::string_view address :
       absl::StrSplit(absl::GetFlag(FLAGS_server), ',', absl::SkipEmpty())) {
    Target t;
    t.address = std::string(address);
    t.stub = v1::FactCheck::NewStub(
        grpc::CreateChannel(t.address, grpc::InsecureChannelCredentials()));
    t.latencies_us.reserve(static_cast<std::size_t>(requests));
    targets.push_back(std::move(t));
  }
  if (targets.empty()) {
    std::fprintf(stderr, "--server is empty\n");
    return 2;
  }

  v1::CheckTextRequest request;
  request.set_text(text);
  request.set_published_date(published);
  request.set_document_id("bench");

  using Clock = std::chrono::steady_clock;
  Clock::time_point measured_start;
  for (int i = 0; i < warmup + requests; ++i) {
    if (i == warmup) measured_start = Clock::now();
    for (Target& target : targets) {
      grpc::ClientContext context;
      context.set_deadline(
          std::chrono::system_clock::now() +
          std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds)));
      v1::CheckTextResponse response;
      const Clock::time_point start = Clock::now();
      const grpc::Status status =
          target.stub->CheckText(&context, request, &response);
      const Clock::time_point end = Clock::now();
      const char* const name = target.address.c_str();
      if (!status.ok()) {
        std::fprintf(stderr, "%s: request %d failed: %d %s\n", name, i,
                     static_cast<int>(status.error_code()),
                     status.error_message().c_str());
        return 1;
      }
      if (!response.error().empty()) {
        std::fprintf(stderr, "%s: request %d: error %s\n", name, i,
                     response.error().c_str());
        return 1;
      }
      int contradicted = 0;
      for (const v1::Finding& f : response.findings()) {
        if (f.verdict() == v1::CONTRADICTED) ++contradicted;
      }
      if (expect >= 0 && contradicted != expect) {
        std::fprintf(stderr,
                     "%s: request %d: %d contradicted findings, expected %d "
                     "(%d findings: %s)\n",
                     name, i, contradicted, expect, response.findings_size(),
                     Summary(response).c_str());
        return 1;
      }
      const std::string summary = Summary(response);
      if (i == 0) {
        target.first_summary = summary;
        target.findings = response.findings_size();
      } else if (summary != target.first_summary) {
        std::fprintf(stderr,
                     "%s: request %d: findings changed: %s, first: %s\n", name,
                     i, summary.c_str(), target.first_summary.c_str());
        return 1;
      }
      if (i >= warmup) {
        target.latencies_us.push_back(
            std::chrono::duration<double, std::micro>(end - start).count());
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - measured_start).count();
  for (const Target& target : targets) {
    std::vector<double> sorted = target.latencies_us;
    std::sort(sorted.begin(), sorted.end());
    const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    const double mean = total / static_cast<double>(sorted.size());
    // With one server the rate is the measured wall time's; with several,
    // each server's share of it (its own latencies).
    const double busy = targets.size() == 1 ? seconds : total / 1e6;
    std::printf(
        "server=%s requests=%d warmup=%d text_bytes=%zu findings=%d "
        "contradicted=%d p50_us=%.1f p90_us=%.1f p99_us=%.1f mean_us=%.1f "
        "min_us=%.1f max_us=%.1f rps=%.1f\n",
        target.address.c_str(), requests, warmup, text.size(), target.findings,
        expect, Percentile(sorted, 50), Percentile(sorted, 90),
        Percentile(sorted, 99), mean, sorted.front(), sorted.back(),
        static_cast<double>(requests) / busy);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "factcheck_check_latency_client --server=HOST:PORT --text_file=FILE "
      "[--published=YYYY-MM-DD] [--requests=N] [--warmup=N]");
  absl::ParseCommandLine(argc, argv);
  return Run();
}
