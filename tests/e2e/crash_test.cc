// Crash test: the real server is killed with SIGKILL (kill -9) at random
// moments while clients ingest, and restarted on the same data directory,
// over and over. After every restart, every source whose ingest was
// acknowledged must be there exactly as the acknowledgement described it,
// and no source may be half-written: each stored source has all of its
// claims, and no claim is without its source. Ingests in flight at the kill
// may be there or not, but whole if there.
//
// Only the moments of the kills are random; the seed is printed, and
// FACTCHECK_CRASH_SEED=N repeats a run's draws. What is checked does not
// depend on them.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/e2e/stored_records.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

constexpr int kCycles = 20;
// Concurrent ingesting clients: with more than one, a kill often lands
// while the server is in the middle of a write.
constexpr int kClients = 2;
// Each cycle kills the server after a time drawn from [0, kMaxRun).
constexpr int kMaxRunMilliseconds = 200;
// Every article makes this many claims (see Article).
constexpr int kClaimsPerArticle = 3;

constexpr const char* kMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Article `n`: three sentences, each naming a reference event with a date,
// the dates varying with `n` so that no two articles (below 112896) read
// the same.
std::string Article(int n) {
  return absl::StrFormat(
      "The full-scale invasion began on %d %s 2022. The Artillery for "
      "Ukraine coalition was launched on %d January 2024. The Maritime "
      "Capability Coalition was formed in %s 2023.",
      1 + n % 28, kMonths[(n / 28) % 12], 1 + (n / 336) % 28,
      kMonths[(n / 9408) % 12]);
}

std::string ArticleUrl(int n) {
  return absl::StrCat("https://crash.example/articles/", n);
}

// What the clients were told, by source URL.
struct IngestLog {
  std::mutex mu;
  // Acknowledged: the reply, which must be what is stored.
  std::map<std::string, v1::IngestSourceResponse> acknowledged;
  // Sent but not acknowledged (the server died first): stored or not.
  std::map<std::string, bool> unacknowledged;
  // Calls that failed before the server was killed: bugs.
  std::vector<std::string> early_failures;
};

// Ingests one new article after another until a call fails.
void IngestUntilFailure(const std::string& address,
                        std::atomic<int>* next_article,
                        const std::atomic<bool>* killed, IngestLog* log) {
  const std::unique_ptr<v1::FactCheck::Stub> stub = NewStub(address);
  for (;;) {
    const int n = next_article->fetch_add(1);
    v1::IngestSourceRequest request;
    v1::Source& source = *request.mutable_source();
    source.set_url(ArticleUrl(n));
    source.set_title(absl::StrCat("Dispatch ", n));
    source.set_publisher("Crash Test Wire");
    source.set_published_date("2024-03-01");
    source.set_text(Article(n));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    v1::IngestSourceResponse response;
    const grpc::Status status =
        stub->IngestSource(&context, request, &response);
    std::lock_guard<std::mutex> lock(log->mu);
    if (status.ok()) {
      log->acknowledged[source.url()] = std::move(response);
      continue;
    }
    log->unacknowledged[source.url()] = false;
    if (!killed->load()) {
      log->early_failures.push_back(absl::StrCat(source.url(), ": ",
                                                 status.error_code(), " ",
                                                 status.error_message()));
    }
    return;
  }
}

// Compares what the server holds with what the clients were told. Returns
// the problems found (empty when none) and counts in `*in_flight_stored`
// the unacknowledged sources that are stored.
std::vector<std::string> Verify(const StoredRecords& records,
                                const IngestLog& log, int* in_flight_stored) {
  std::vector<std::string> problems;
  std::map<std::string, std::vector<const v1::Finding*>> claims_by_source;
  for (const v1::Finding& claim : records.claims) {
    claims_by_source[SourceOfClaim(claim)].push_back(&claim);
  }
  std::map<std::string, const v1::Source*> sources_by_url;
  *in_flight_stored = 0;
  for (const v1::Source& source : records.sources) {
    sources_by_url[source.url()] = &source;
    const std::vector<const v1::Finding*>& claims =
        claims_by_source[source.name()];
    std::vector<std::string> names;
    for (const v1::Finding* claim : claims) {
      names.push_back(claim->claim().name());
    }
    std::vector<std::string> whole;
    for (int i = 1; i <= kClaimsPerArticle; ++i) {
      whole.push_back(absl::StrCat(source.name(), "/claims/", i));
    }
    if (names != whole || source.claim_count() != kClaimsPerArticle) {
      problems.push_back(absl::StrCat(
          source.name(), " (", source.url(), ") is not whole: claim_count ",
          source.claim_count(), ", claims [", absl::StrJoin(names, ", "), "]"));
    }
    if (log.acknowledged.contains(source.url())) continue;
    if (log.unacknowledged.contains(source.url())) {
      ++*in_flight_stored;
    } else {
      problems.push_back(absl::StrCat(source.name(), " (", source.url(),
                                      ") is stored but was never sent"));
    }
  }
  std::set<std::string> source_names;
  for (const v1::Source& source : records.sources) {
    source_names.insert(source.name());
  }
  for (const auto& [source, claims] : claims_by_source) {
    if (!source_names.contains(source) && !claims.empty()) {
      problems.push_back(absl::StrCat(claims.size(), " claims of ", source,
                                      ", which is not stored"));
    }
  }
  for (const auto& [url, reply] : log.acknowledged) {
    const auto stored = sources_by_url.find(url);
    if (stored == sources_by_url.end()) {
      problems.push_back(absl::StrCat("acknowledged ", reply.source().name(),
                                      " (", url, ") is missing"));
      continue;
    }
    if (!MessageDifferencer::Equals(*stored->second, reply.source())) {
      problems.push_back(
          absl::StrCat("acknowledged ", url, " differs from its reply:\n",
                       stored->second->DebugString(), "instead of\n",
                       reply.source().DebugString()));
    }
    const std::vector<const v1::Finding*>& claims =
        claims_by_source[stored->second->name()];
    bool same = static_cast<int>(claims.size()) == reply.findings_size();
    for (int i = 0; same && i < reply.findings_size(); ++i) {
      same = MessageDifferencer::Equals(*claims[i], reply.findings(i));
    }
    if (!same) {
      problems.push_back(absl::StrCat("claims of acknowledged ", url,
                                      " differ from its reply"));
    }
  }
  return problems;
}

unsigned Seed() {
  unsigned seed = 0;
  const char* given = std::getenv("FACTCHECK_CRASH_SEED");
  if (given != nullptr && absl::SimpleAtoi(given, &seed)) return seed;
  return std::random_device()();
}

class CrashTest : public ::testing::TestWithParam<bool> {
 protected:
  bool sync() const { return GetParam(); }

  std::unique_ptr<ServerProcess> Start() {
    std::vector<std::string> args = {
        "--data_dir=" + dir_.File("data"),
        std::string("--reference_file=") + FACTCHECK_REFERENCE_FILE};
    if (sync()) args.push_back("--sync");
    absl::StatusOr<std::unique_ptr<ServerProcess>> server =
        ServerProcess::Start(FACTCHECK_SERVER_BINARY, args);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  // Reads what the server holds and checks it against `log`; adds to
  // `*in_flight_stored` as Verify counts.
  void ExpectWholeAndComplete(ServerProcess& server, const IngestLog& log,
                              int cycle, int* in_flight_stored) {
    absl::StatusOr<StoredRecords> records =
        ReadStoredRecords(*NewStub(server.address()));
    ASSERT_TRUE(records.ok()) << records.status();
    const std::vector<std::string> problems =
        Verify(*records, log, in_flight_stored);
    ASSERT_TRUE(problems.empty())
        << "after " << cycle << " kills, " << problems.size()
        << " problems, the first: " << problems.front();
  }

  TempDir dir_;
};

TEST_P(CrashTest,
       AcknowledgedIngestsSurviveKillNineWholeAndNothingIsHalfWritten) {
  const unsigned seed = Seed();
  std::printf(
      "crash test (sync %s): seed %u (FACTCHECK_CRASH_SEED=%u repeats "
      "the kill times)\n",
      sync() ? "on" : "off", seed, seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> run_time(0, kMaxRunMilliseconds - 1);
  IngestLog log;
  std::atomic<int> next_article = 0;
  int in_flight_stored = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    std::unique_ptr<ServerProcess> server = Start();
    ASSERT_NE(server, nullptr);
    ExpectWholeAndComplete(*server, log, cycle, &in_flight_stored);
    if (HasFatalFailure()) return;

    std::atomic<bool> killed = false;
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
      clients.emplace_back(IngestUntilFailure, server->address(), &next_article,
                           &killed, &log);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(run_time(random)));
    killed = true;
    server->Kill();
    for (std::thread& client : clients) client.join();
    ASSERT_TRUE(log.early_failures.empty())
        << "ingest failed while the server was up: "
        << log.early_failures.front();
  }
  std::unique_ptr<ServerProcess> server = Start();
  ASSERT_NE(server, nullptr);
  ExpectWholeAndComplete(*server, log, kCycles, &in_flight_stored);
  EXPECT_EQ(server->Stop(), 0);

  // A run in which nothing was acknowledged would prove nothing.
  ASSERT_GT(log.acknowledged.size(), 0u);
  for (const auto& [url, reply] : log.acknowledged) {
    ASSERT_EQ(reply.findings_size(), kClaimsPerArticle) << url;
  }
  std::printf(
      "crash test (sync %s): %d cycles, %zu acknowledged sources, all present "
      "and whole; %d of %zu in flight at a kill were stored, whole\n",
      sync() ? "on" : "off", kCycles, log.acknowledged.size(), in_flight_stored,
      log.unacknowledged.size());
}

INSTANTIATE_TEST_SUITE_P(SyncOffAndOn, CrashTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "SyncOn" : "SyncOff";
                         });

}  // namespace
}  // namespace factcheck::testing
