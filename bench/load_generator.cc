// Closed-loop load generator for factcheck-server: keeps --concurrency
// unary calls in flight over --channels HTTP/2 connections for a fixed time
// after a warm-up, and prints the request rate and latency percentiles of
// the calls that completed inside the measured window.
//
//   factcheck_load_generator --server=127.0.0.1:PORT --workload=check
//       --text_file=tests/data/seed-article.txt [--concurrency=16]
//       [--channels=4] [--duration_seconds=10] [--warmup_seconds=2]
//
// Workloads:
//   health  grpc.health.v1.Health/Check: the transport's ceiling, since the
//           server does next to nothing per call.
//   check   factcheck.v1.FactCheck/CheckText of the text.
//   ingest  factcheck.v1.FactCheck/IngestSource of distinct articles: the
//           text under a new URL and title each call, so every call stores
//           a new source with its claims (none is "unchanged").
//
// It prints one line of key=value pairs (workload, concurrency, requests,
// errors, rps, p50_us, p90_us, p99_us, max_us, mean_us, ...) and exits 0,
// or 1 when any call failed: a non-OK status, or a response other than the
// one expected (the health check's SERVING; CheckText's response, which must
// have --expect_contradicted contradicted findings and the same size every
// time; an ingest that was not stored as new or has other findings than the
// first). Failures are counted, the first few are printed to stderr.
//
// Why this shape: the async completion-queue API with one polling thread
// (--threads) and requests serialized once up front costs the client a few
// microseconds a call, so that on a two-core machine most of the CPU goes to
// the server being measured. Every channel gets distinct channel arguments,
// which makes gRPC open a separate connection (subchannel) for each instead
// of sharing one.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/latency_summary.h"
#include "client/document.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(std::string, server, "localhost:50051", "Server address.");
ABSL_FLAG(std::string, workload, "check", "health, check or ingest.");
ABSL_FLAG(std::string, text_file, "",
          "Article for check and ingest, with a \"date YYYY-MM-DD\" header "
          "as tests/data/seed-article.txt has.");
ABSL_FLAG(int, concurrency, 16, "Calls kept in flight.");
ABSL_FLAG(int, channels, 0,
          "Channels (HTTP/2 connections); 0: min(concurrency, 4).");
ABSL_FLAG(int, threads, 1,
          "Client threads, each polling its own completion queue.");
ABSL_FLAG(double, duration_seconds, 10, "Length of the measured window.");
ABSL_FLAG(double, warmup_seconds, 2,
          "Calls made and not measured before the window.");
ABSL_FLAG(int, expect_contradicted, 1,
          "check: contradicted findings the response must have; -1: any.");
ABSL_FLAG(int, timeout_seconds, 30, "Deadline of each call.");

namespace {

namespace v1 = factcheck::v1;
using Clock = std::chrono::steady_clock;

constexpr char kHealthMethod[] = "/grpc.health.v1.Health/Check";
constexpr char kCheckMethod[] = "/factcheck.v1.FactCheck/CheckText";
constexpr char kIngestMethod[] = "/factcheck.v1.FactCheck/IngestSource";
// HealthCheckResponse{status: SERVING} on the wire: field 1, varint 1. The
// request, HealthCheckRequest{service: ""}, is empty.
constexpr char kServingResponse[] = "\x08\x01";
// Stands for the article number in the ingest request's URL and title; the
// same number of digits is written over it in each call's copy of the bytes.
constexpr char kArticleMarker[] = "#############";
constexpr int kArticleDigits = sizeof(kArticleMarker) - 1;
constexpr int kMaxErrorsShown = 5;

enum class Workload { kHealth, kCheck, kIngest };

std::string ToString(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices) {
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes.data(), bytes.size());
  return grpc::ByteBuffer(&slice, 1);
}

// What every call sends, prepared once, and how a response is judged.
class Requests {
 public:
  Requests(Workload workload, const std::string& method,
           std::string request_bytes, std::vector<std::size_t> marker_offsets)
      : workload_(workload),
        method_(method),
        request_bytes_(std::move(request_bytes)),
        request_(ToBuffer(request_bytes_)),
        marker_offsets_(std::move(marker_offsets)) {}

  const std::string& method() const { return method_; }

  // The request of the next call. The health check and CheckText send the
  // same bytes every time (a reference to one slice, no copy); an ingest
  // copies them and writes the next article number over the markers.
  grpc::ByteBuffer Next() {
    if (marker_offsets_.empty()) return request_;
    std::string bytes = request_bytes_;
    const std::string number = absl::StrFormat(
        "%0*d", kArticleDigits, next_article_.fetch_add(1) % 1'000'000'000);
    for (std::size_t offset : marker_offsets_) {
      bytes.replace(offset, kArticleDigits, number);
    }
    return ToBuffer(bytes);
  }

  // "" when `response` is what this workload must answer; else why not.
  std::string Judge(const grpc::ByteBuffer& response) {
    switch (workload_) {
      case Workload::kHealth: {
        const std::string bytes = ToString(response);
        if (bytes == kServingResponse) return "";
        return absl::StrCat("health check answered ", bytes.size(),
                            " bytes, not SERVING");
      }
      case Workload::kCheck: {
        const std::size_t size = response.Length();
        const std::size_t expected = expected_size_.load();
        if (size == expected) return "";
        if (expected != 0) {
          return absl::StrCat("CheckText response of ", size,
                              " bytes, not the first one's ", expected);
        }
        return JudgeFirstCheck(response);
      }
      case Workload::kIngest:
        return JudgeIngest(response);
    }
    return "unknown workload";
  }

 private:
  // The first CheckText response is parsed and checked in full; the later
  // ones must have its size (the response is deterministic for one text).
  std::string JudgeFirstCheck(const grpc::ByteBuffer& response) {
    v1::CheckTextResponse parsed;
    if (!parsed.ParseFromString(ToString(response))) {
      return "CheckText response does not parse";
    }
    const int expect = absl::GetFlag(FLAGS_expect_contradicted);
    if (expect >= 0 && parsed.contradicted_count() != expect) {
      return absl::StrCat("CheckText found ", parsed.contradicted_count(),
                          " contradicted claims, expected ", expect);
    }
    std::size_t zero = 0;
    expected_size_.compare_exchange_strong(zero, response.Length());
    if (response.Length() != expected_size_.load()) {
      return "CheckText responses differ in size";
    }
    return "";
  }

  // Every ingest response is parsed: the source must be new and have the
  // claims the first one had.
  std::string JudgeIngest(const grpc::ByteBuffer& response) {
    v1::IngestSourceResponse parsed;
    if (!parsed.ParseFromString(ToString(response))) {
      return "IngestSource response does not parse";
    }
    if (parsed.unchanged()) {
      return absl::StrCat(parsed.source().name(),
                          " was already stored: articles are not distinct");
    }
    if (!absl::StartsWith(parsed.source().name(), "sources/")) {
      return absl::StrCat("IngestSource answered source name '",
                          parsed.source().name(), "'");
    }
    const int findings = parsed.findings_size() + 1;  // 0 means unset.
    int unset = 0;
    first_findings_.compare_exchange_strong(unset, findings);
    if (findings != first_findings_.load()) {
      return absl::StrCat("IngestSource found ", findings - 1,
                          " claims, the first ingest ",
                          first_findings_.load() - 1);
    }
    return "";
  }

  const Workload workload_;
  const std::string method_;
  const std::string request_bytes_;
  const grpc::ByteBuffer request_;
  const std::vector<std::size_t> marker_offsets_;
  std::atomic<std::int64_t> next_article_{0};
  std::atomic<std::size_t> expected_size_{0};
  std::atomic<int> first_findings_{0};
};

// The request bytes for `workload`, serialized once.
std::unique_ptr<Requests> PrepareRequests(Workload workload) {
  if (workload == Workload::kHealth) {
    return std::make_unique<Requests>(workload, kHealthMethod, "",
                                      std::vector<std::size_t>());
  }
  const std::string path = absl::GetFlag(FLAGS_text_file);
  if (path.empty()) {
    std::fprintf(stderr, "--text_file is required for this workload\n");
    return nullptr;
  }
  absl::StatusOr<factcheck::client::Document> document =
      factcheck::client::LoadDocument(path, std::nullopt);
  if (!document.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(document.status().message()).c_str());
    return nullptr;
  }
  if (workload == Workload::kCheck) {
    v1::CheckTextRequest request;
    request.set_text(std::string(document->text()));
    request.set_published_date(document->published_date);
    request.set_document_id("load-generator");
    return std::make_unique<Requests>(workload, kCheckMethod,
                                      request.SerializeAsString(),
                                      std::vector<std::size_t>());
  }
  // A tag of this run in every URL, so that a second run against the same
  // data directory ingests new articles too.
  const std::string run_tag = absl::StrFormat(
      "%x", std::chrono::system_clock::now().time_since_epoch().count());
  v1::IngestSourceRequest request;
  v1::Source* source = request.mutable_source();
  source->set_url(absl::StrCat("https://bench.invalid/", run_tag, "/article-",
                               kArticleMarker));
  source->set_title(absl::StrCat("Seed article, copy ", kArticleMarker));
  source->set_publisher("factcheck load generator");
  source->set_published_date(document->published_date);
  source->set_text(std::string(document->text()));
  const std::string bytes = request.SerializeAsString();
  std::vector<std::size_t> offsets;
  for (std::size_t at = bytes.find(kArticleMarker); at != std::string::npos;
       at = bytes.find(kArticleMarker, at + kArticleDigits)) {
    offsets.push_back(at);
  }
  return std::make_unique<Requests>(workload, kIngestMethod, bytes,
                                    std::move(offsets));
}

// One call in flight; reused for the next call on the same slot.
struct Call {
  grpc::GenericStub* stub = nullptr;
  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientAsyncResponseReader<grpc::ByteBuffer>> reader;
  grpc::ByteBuffer request;
  grpc::ByteBuffer response;
  grpc::Status status;
  Clock::time_point start;
};

// What one client thread measured.
struct ThreadResult {
  std::vector<std::int64_t> latencies_ns;  // Calls ended in the window.
  std::int64_t errors = 0;                 // In the window or not.
  std::vector<std::string> error_samples;
};

struct Window {
  Clock::time_point begin;  // End of the warm-up.
  Clock::time_point end;    // No call is started after this.
};

// Runs `slots` calls at a time on `stubs` (round robin) until the window
// ends, then waits for the calls in flight.
void RunThread(Requests& requests, const std::vector<grpc::GenericStub*>& stubs,
               int slots, const Window& window, ThreadResult& result) {
  grpc::CompletionQueue cq;
  std::vector<Call> calls(static_cast<std::size_t>(slots));
  const auto timeout =
      std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds));
  auto start = [&](Call& call) {
    call.context = std::make_unique<grpc::ClientContext>();
    call.context->set_deadline(std::chrono::system_clock::now() + timeout);
    call.request = requests.Next();
    call.response.Clear();
    call.start = Clock::now();
    call.reader = call.stub->PrepareUnaryCall(
        call.context.get(), requests.method(), call.request, &cq);
    call.reader->StartCall();
    call.reader->Finish(&call.response, &call.status, &call);
  };
  for (std::size_t i = 0; i < calls.size(); ++i) {
    calls[i].stub = stubs[i % stubs.size()];
    start(calls[i]);
  }
  int in_flight = slots;
  void* tag = nullptr;
  bool ok = false;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    Call& call = *static_cast<Call*>(tag);
    const Clock::time_point end = Clock::now();
    std::string error;
    if (!call.status.ok()) {
      error = absl::StrCat("status ", call.status.error_code(), ": ",
                           call.status.error_message());
    } else {
      error = requests.Judge(call.response);
    }
    if (!error.empty()) {
      ++result.errors;
      if (result.error_samples.size() < kMaxErrorsShown) {
        result.error_samples.push_back(std::move(error));
      }
    } else if (end >= window.begin && end < window.end) {
      result.latencies_ns.push_back(
          std::chrono::duration_cast<std::chrono::nanoseconds>(end - call.start)
              .count());
    }
    if (end < window.end) {
      start(call);
    } else {
      --in_flight;
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
}

int Run() {
  const std::string workload_name = absl::GetFlag(FLAGS_workload);
  Workload workload;
  if (workload_name == "health") {
    workload = Workload::kHealth;
  } else if (workload_name == "check") {
    workload = Workload::kCheck;
  } else if (workload_name == "ingest") {
    workload = Workload::kIngest;
  } else {
    std::fprintf(stderr, "--workload must be health, check or ingest, not %s\n",
                 workload_name.c_str());
    return 2;
  }
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const int threads =
      std::clamp(absl::GetFlag(FLAGS_threads), 1, std::max(1, concurrency));
  int channels = absl::GetFlag(FLAGS_channels);
  if (channels == 0) channels = std::min(concurrency, 4);
  const double duration = absl::GetFlag(FLAGS_duration_seconds);
  const double warmup = absl::GetFlag(FLAGS_warmup_seconds);
  if (concurrency < 1 || channels < 1 || duration <= 0 || warmup < 0) {
    std::fprintf(stderr,
                 "--concurrency, --channels and --duration_seconds must be "
                 "positive, --warmup_seconds not negative\n");
    return 2;
  }
  channels = std::max(channels, threads);  // Each thread needs one.

  std::unique_ptr<Requests> requests = PrepareRequests(workload);
  if (requests == nullptr) return 2;

  const std::string address = absl::GetFlag(FLAGS_server);
  std::vector<std::shared_ptr<grpc::Channel>> channel_list;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
  for (int i = 0; i < channels; ++i) {
    grpc::ChannelArguments args;
    // Distinct arguments: a connection of its own, not a shared subchannel.
    args.SetInt("factcheck.load_generator.channel", i);
    args.SetMaxReceiveMessageSize(64 << 20);
    std::shared_ptr<grpc::Channel> channel = grpc::CreateCustomChannel(
        address, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                   std::chrono::seconds(10))) {
      std::fprintf(stderr, "cannot connect to %s\n", address.c_str());
      return 2;
    }
    stubs.push_back(std::make_unique<grpc::GenericStub>(channel));
    channel_list.push_back(std::move(channel));
  }

  const Clock::time_point t0 = Clock::now();
  Window window;
  window.begin = t0 + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(warmup));
  window.end = window.begin + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(duration));

  std::vector<ThreadResult> results(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    // Thread t gets every threads-th channel and its share of the slots.
    std::vector<grpc::GenericStub*> own;
    for (int c = t; c < channels; c += threads) own.push_back(stubs[c].get());
    const int slots = concurrency / threads + (t < concurrency % threads);
    workers.emplace_back([&, own, slots, t] {
      RunThread(*requests, own, slots, window, results[t]);
    });
  }
  for (std::thread& w : workers) w.join();

  std::vector<std::int64_t> latencies;
  std::int64_t errors = 0;
  for (ThreadResult& r : results) {
    latencies.insert(latencies.end(), r.latencies_ns.begin(),
                     r.latencies_ns.end());
    errors += r.errors;
    for (const std::string& e : r.error_samples) {
      std::fprintf(stderr, "%s: %s\n", workload_name.c_str(), e.c_str());
    }
  }
  const factcheck::bench::LatencySummary summary =
      factcheck::bench::Summarize(latencies);
  std::printf(
      "workload=%s concurrency=%d channels=%d threads=%d duration_s=%.2f "
      "requests=%zu errors=%lld rps=%.1f p50_us=%.1f p90_us=%.1f "
      "p99_us=%.1f max_us=%.1f mean_us=%.1f\n",
      workload_name.c_str(), concurrency, channels, threads, duration,
      summary.count, static_cast<long long>(errors),
      static_cast<double>(summary.count) / duration, summary.p50_us,
      summary.p90_us, summary.p99_us, summary.max_us, summary.mean_us);
  if (errors > 0) {
    std::fprintf(stderr, "%s: %lld calls failed\n", workload_name.c_str(),
                 static_cast<long long>(errors));
    return 1;
  }
  if (latencies.empty()) {
    std::fprintf(stderr, "%s: no call completed in the window\n",
                 workload_name.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "factcheck_load_generator --server=HOST:PORT --workload=health|check|"
      "ingest [--text_file=FILE] [--concurrency=N] [--channels=N] "
      "[--duration_seconds=S] [--warmup_seconds=S]");
  absl::ParseCommandLine(argc, argv);
  return Run();
}
