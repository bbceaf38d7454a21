// Logs, metrics and readiness of the real server: /metrics scraped over
// HTTP counts exactly the calls made; every line the server writes is a
// JSON object, one per call with its request id, method, code, latency and
// peer, and no token ever reaches it; health says NOT_SERVING (and calls
// get UNAVAILABLE) while the reference data loads and while the server
// drains.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "simdjson.h"
#include "tests/e2e/raw_call.h"
#include "tests/e2e/server_fixture.h"
#include "tests/e2e/tls_fixture.h"
#include "tests/support/curl.h"
#include "tests/support/http_get.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

constexpr char kCheckText[] = "/factcheck.v1.FactCheck/CheckText";
// grpc.health.v1.HealthCheckResponse: field 1 (status) SERVING or
// NOT_SERVING.
const std::string kServing("\x08\x01", 2);
const std::string kNotServing("\x08\x02", 2);

// One log line: its string members and its number members.
struct LogLine {
  std::map<std::string, std::string> strings;
  std::map<std::string, double> numbers;
  std::string text;
};

// Every line of `output`, each of which must be a JSON object.
std::vector<LogLine> ParseLog(const std::string& output) {
  std::vector<LogLine> lines;
  simdjson::dom::parser parser;
  for (absl::string_view text :
       absl::StrSplit(output, '\n', absl::SkipEmpty())) {
    simdjson::dom::object object;
    const simdjson::padded_string padded(text.data(), text.size());
    if (parser.parse(padded).get(object) != simdjson::SUCCESS) {
      ADD_FAILURE() << "not a JSON object: " << text;
      continue;
    }
    LogLine line;
    line.text = std::string(text);
    for (auto [key, value] : object) {
      std::string_view s;
      double d = 0;
      if (value.get(s) == simdjson::SUCCESS) {
        line.strings[std::string(key)] = std::string(s);
      } else if (value.get(d) == simdjson::SUCCESS) {
        line.numbers[std::string(key)] = d;
      }
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// The value of the sample `series` (name and labels, exactly as written)
// in a scrape, or -1 when absent.
double Sample(const std::string& scrape, const std::string& series) {
  for (absl::string_view line : absl::StrSplit(scrape, '\n')) {
    if (!absl::ConsumePrefix(&line, series) || !absl::ConsumePrefix(&line, " "))
      continue;
    double value = 0;
    if (absl::SimpleAtod(line, &value)) return value;
  }
  return -1;
}

std::string Requests(const std::string& method, const std::string& code) {
  return absl::StrCat("factcheck_requests_total{method=\"", method,
                      "\",code=\"", code, "\"}");
}

// A CheckText request for the seed article's `body`, with its date.
v1::CheckTextRequest SeedRequest(const std::string& body) {
  v1::CheckTextRequest request;
  request.set_text(body);
  request.set_published_date("2024-02-14");
  return request;
}

// The names a probe may ask about: the server as a whole ("") and each
// service it registers.
const std::vector<std::string> kHealthNames = {"", "factcheck.v1.FactCheck",
                                               "factcheck.v1.Admin"};

// grpc.health.v1.HealthCheckRequest{service: `service`}: field 1, a string.
std::string HealthRequest(const std::string& service) {
  if (service.empty()) return "";
  return absl::StrCat("\x0a", std::string(1, static_cast<char>(service.size())),
                      service);
}

grpc::Status HealthCall(const std::string& address, const std::string& service,
                        std::string* response) {
  return RawUnaryCall(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()),
      "/grpc.health.v1.Health/Check", HealthRequest(service), response);
}

std::string HealthOf(const std::string& address,
                     const std::string& service = "") {
  std::string response;
  const grpc::Status status = HealthCall(address, service, &response);
  EXPECT_TRUE(status.ok()) << "'" << service << "': " << status.error_message();
  return response;
}

// Every name in kHealthNames whose status is not `expected`.
std::vector<std::string> NamesNotAnswering(const std::string& address,
                                           const std::string& expected) {
  std::vector<std::string> wrong;
  for (const std::string& name : kHealthNames) {
    if (HealthOf(address, name) != expected) wrong.push_back(name);
  }
  return wrong;
}

std::size_t ReferenceEventCount() {
  const std::string file = ReadFileOrDie(FACTCHECK_REFERENCE_FILE);
  std::size_t lines = 0;
  for (absl::string_view line : absl::StrSplit(file, '\n', absl::SkipEmpty())) {
    if (!absl::StripAsciiWhitespace(line).empty()) ++lines;
  }
  return lines;
}

class ObservabilityTest : public ServerFixture {
 protected:
  std::string Scrape() {
    EXPECT_FALSE(server().http_address().empty()) << server().banner();
    auto response = HttpGet(server().http_address(), "/metrics");
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) return "";
    EXPECT_EQ(response->status, 200) << response->head;
    return response->body;
  }

  grpc::Status CheckSeed(v1::CheckTextResponse* response,
                         const std::string& request_id = "") {
    grpc::ClientContext context;
    if (!request_id.empty()) context.AddMetadata("x-request-id", request_id);
    v1::CheckTextRequest request = SeedRequest(SeedBody());
    request.set_include_unverifiable(true);  // Every claim, for the counts.
    const grpc::Status status = Stub()->CheckText(&context, request, response);
    last_trailers_.clear();
    for (const auto& [key, value] : context.GetServerTrailingMetadata()) {
      last_trailers_.emplace(std::string(key.data(), key.size()),
                             std::string(value.data(), value.size()));
    }
    return status;
  }

  grpc::StatusCode GetMissingEvent() {
    grpc::ClientContext context;
    v1::GetEventRequest request;
    request.set_name("events/no-such-event");
    v1::Event event;
    return Stub()->GetEvent(&context, request, &event).error_code();
  }

  std::multimap<std::string, std::string> last_trailers_;
};

TEST_F(ObservabilityTest, MetricsCountExactlyTheCallsMade) {
  v1::CheckTextResponse first, second, bad;
  ASSERT_TRUE(CheckSeed(&first).ok());
  ASSERT_TRUE(CheckSeed(&second).ok());
  {
    grpc::ClientContext context;
    v1::CheckTextRequest request;
    request.set_published_date("2024-02-14");  // No text.
    EXPECT_EQ(Stub()->CheckText(&context, request, &bad).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  EXPECT_EQ(GetMissingEvent(), grpc::StatusCode::NOT_FOUND);
  const std::string scrape = Scrape();

  EXPECT_EQ(Sample(scrape, Requests(kCheckText, "OK")), 2) << scrape;
  EXPECT_EQ(Sample(scrape, Requests(kCheckText, "INVALID_ARGUMENT")), 1);
  EXPECT_EQ(
      Sample(scrape, Requests("/factcheck.v1.FactCheck/GetEvent", "NOT_FOUND")),
      1);
  // No series for what was not called.
  EXPECT_FALSE(absl::StrContains(scrape, "/factcheck.v1.FactCheck/ListEvents"));
  const std::string method = absl::StrCat("{method=\"", kCheckText, "\"");
  EXPECT_EQ(
      Sample(scrape, absl::StrCat("factcheck_request_duration_seconds_count",
                                  method, "}")),
      3);
  EXPECT_EQ(
      Sample(scrape, absl::StrCat("factcheck_request_duration_seconds_bucket",
                                  method, ",le=\"+Inf\"}")),
      3);
  EXPECT_GT(
      Sample(scrape, absl::StrCat("factcheck_request_duration_seconds_sum",
                                  method, "}")),
      0);

  // With include_unverifiable every claim comes back, so the responses
  // say what the counters must hold; the seed article has one
  // contradiction.
  std::map<v1::Verdict, int> verdicts;
  for (const auto* response : {&first, &second}) {
    EXPECT_EQ(response->contradicted_count(), 1);
    for (const v1::Finding& f : response->findings()) ++verdicts[f.verdict()];
  }
  EXPECT_EQ(Sample(scrape, "factcheck_claims_extracted_total"),
            first.findings_size() + second.findings_size());
  EXPECT_EQ(
      Sample(scrape, "factcheck_findings_total{verdict=\"CONTRADICTED\"}"), 2);
  EXPECT_EQ(Sample(scrape, "factcheck_findings_total{verdict=\"SUPPORTED\"}"),
            verdicts[v1::SUPPORTED]);
  EXPECT_EQ(
      Sample(scrape, "factcheck_findings_total{verdict=\"UNVERIFIABLE\"}"),
      verdicts[v1::UNVERIFIABLE]);

  EXPECT_EQ(Sample(scrape, "factcheck_ready"), 1);
  EXPECT_EQ(Sample(scrape, "factcheck_reference_events"),
            ReferenceEventCount());
  // The events were just written: in the events family's memtable, in a
  // cache of the store's default size (64 MiB).
  EXPECT_GT(
      Sample(scrape,
             "factcheck_rocksdb_memtable_bytes{column_family=\"events\"}"),
      0);
  EXPECT_EQ(Sample(scrape, "factcheck_rocksdb_block_cache_capacity_bytes"),
            64 << 20);
}

// Prometheus' own linter (promtool, from Debian's prometheus package, which
// scripts/test.sh installs) reads the scrape after calls over both ports:
// every family typed and helped, names, labels and histograms well formed.
TEST_F(ObservabilityTest, ExpositionPassesPromtoolCheckMetrics) {
  auto stub = Stub();
  v1::CheckTextResponse checked;
  ASSERT_TRUE(CheckText(*stub, SeedBody(), "2024-02-14", &checked).ok());
  ASSERT_EQ(Curl({absl::StrCat("http://", server().http_address(),
                               "/v1/events/no-such-event")})
                .status,
            404);
  auto scrape = HttpGet(server().http_address(), "/metrics");
  ASSERT_TRUE(scrape.ok()) << scrape.status();
  ASSERT_TRUE(absl::StrContains(scrape->body, "factcheck_request_duration"));
  const CommandResult lint =
      RunCommand({"/usr/bin/promtool", "check", "metrics"}, scrape->body);
  EXPECT_EQ(lint.exit_code, 0) << lint.out << lint.err;
  EXPECT_EQ(lint.out + lint.err, "");
}

TEST_F(ObservabilityTest, StreamAndIngestedTextsAreCountedToo) {
  grpc::ClientContext context;
  auto stream = Stub()->StreamCheck(&context);
  const v1::CheckTextRequest request = SeedRequest(SeedBody());
  ASSERT_TRUE(stream->Write(request));
  v1::CheckTextResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  {
    grpc::ClientContext ingest_context;
    v1::IngestSourceRequest ingest;
    ingest.mutable_source()->set_url("https://example.org/seed");
    ingest.mutable_source()->set_published_date("2024-02-14");
    ingest.mutable_source()->set_text(SeedBody());
    v1::IngestSourceResponse ingested;
    ASSERT_TRUE(Stub()->IngestSource(&ingest_context, ingest, &ingested).ok());
  }
  const std::string scrape = Scrape();
  EXPECT_EQ(
      Sample(scrape, Requests("/factcheck.v1.FactCheck/StreamCheck", "OK")), 1);
  EXPECT_EQ(
      Sample(scrape, Requests("/factcheck.v1.FactCheck/IngestSource", "OK")),
      1);
  EXPECT_EQ(
      Sample(scrape, "factcheck_findings_total{verdict=\"CONTRADICTED\"}"), 2);
  EXPECT_EQ(Sample(scrape,
                   "factcheck_rocksdb_estimated_keys{column_family="
                   "\"sources\"}"),
            1);
}

TEST_F(ObservabilityTest, EveryLineIsJsonAndEachCallHasItsRequestLine) {
  v1::CheckTextResponse response;
  ASSERT_TRUE(CheckSeed(&response, "obs-test-42").ok());
  EXPECT_EQ(last_trailers_.count("x-request-id"), 1u);
  EXPECT_EQ(last_trailers_.find("x-request-id")->second, "obs-test-42");
  // A request id the server will not take (it has a space) is
  // replaced by one of its own, sent back the same way.
  ASSERT_TRUE(CheckSeed(&response, "not usable").ok());
  const std::string generated = last_trailers_.find("x-request-id")->second;
  EXPECT_EQ(generated.size(), 16u);
  EXPECT_NE(generated, "not usable");
  EXPECT_EQ(GetMissingEvent(), grpc::StatusCode::NOT_FOUND);
  StopServer();  // All lines written.

  const std::vector<LogLine> lines = ParseLog(server_output());
  std::vector<const LogLine*> requests;
  for (const LogLine& line : lines) {
    EXPECT_TRUE(line.strings.count("ts") && line.strings.count("level") &&
                line.strings.count("msg"))
        << line.text;
    // RFC 3339, UTC, milliseconds: 2024-02-14T09:30:12.345Z.
    const std::string& ts = line.strings.at("ts");
    EXPECT_EQ(ts.size(), 24u) << ts;
    EXPECT_EQ(ts.substr(10, 1) + ts.substr(19, 1) + ts.substr(23), "T.Z") << ts;
    if (line.strings.at("msg") == "request") requests.push_back(&line);
  }
  ASSERT_EQ(requests.size(), 3u) << server_output();
  const LogLine& first = *requests[0];
  EXPECT_EQ(first.strings.at("level"), "info");
  EXPECT_EQ(first.strings.at("request_id"), "obs-test-42");
  EXPECT_EQ(first.strings.at("method"), kCheckText);
  EXPECT_EQ(first.strings.at("code"), "OK");
  EXPECT_TRUE(absl::StartsWith(first.strings.at("peer"), "ipv4:127.0.0.1:"))
      << first.text;
  ASSERT_EQ(first.numbers.count("latency_ms"), 1u) << first.text;
  EXPECT_GT(first.numbers.at("latency_ms"), 0);
  EXPECT_EQ(requests[1]->strings.at("request_id"), generated);
  EXPECT_EQ(requests[2]->strings.at("method"),
            "/factcheck.v1.FactCheck/GetEvent");
  EXPECT_EQ(requests[2]->strings.at("code"), "NOT_FOUND");
  // The start-up, serving, draining and stopped lines.
  EXPECT_EQ(lines.front().strings.at("msg"),
            "factcheck-server started, loading reference data");
  EXPECT_EQ(lines.back().strings.at("msg"), "factcheck-server: stopped");
}

TEST_F(ObservabilityTest, LogLevelWarningDropsRequestLinesButNotStartUp) {
  StopServer();
  StartServer({"--log_level=warning"});
  v1::CheckTextResponse response;
  ASSERT_TRUE(CheckSeed(&response).ok());
  StopServer();
  const std::string output = server_output();
  EXPECT_FALSE(absl::StrContains(output, "\"msg\":\"request\"")) << output;
  EXPECT_TRUE(absl::StrContains(output, "listening on")) << output;
}

TEST_F(ObservabilityTest, BadLogLevelStopsStartUpNamingIt) {
  const CommandResult run =
      RunCommand({FACTCHECK_SERVER_BINARY, "--listen=127.0.0.1:0",
                  "--http_listen=", "--data_dir=" + dir().File("other"),
                  "--log_level=loud"});
  EXPECT_EQ(run.exit_code, 1);
  const std::vector<LogLine> lines = ParseLog(run.err);
  ASSERT_EQ(lines.size(), 1u) << run.err;
  EXPECT_EQ(lines[0].strings.at("level"), "error");
  EXPECT_EQ(lines[0].strings.at("msg"),
            "factcheck-server: --log_level: log level 'loud' is not one of "
            "debug, info, warning, error");
}

TEST_F(ObservabilityTest, HealthAnswersForEachServiceByNameAndNotForOthers) {
  EXPECT_EQ(NamesNotAnswering(server().address(), kServing),
            std::vector<std::string>{});
  for (const char* unknown :
       {"factcheck.v1.Nothing", "grpc.reflection.v1.ServerReflection"}) {
    std::string response;
    EXPECT_EQ(HealthCall(server().address(), unknown, &response).error_code(),
              grpc::StatusCode::NOT_FOUND)
        << unknown;
  }
}

TEST_F(ObservabilityTest, HttpPortWithItsMetricsCanBeTurnedOff) {
  StopServer();
  StartServer({"--http_listen="});
  EXPECT_EQ(server().http_address(), "");
  EXPECT_TRUE(absl::StrContains(server().banner(), "\"http\":\"\""))
      << server().banner();
}

// The server reads its reference file from a named pipe that the test
// holds open: until the test writes the file and closes the pipe the load
// cannot end, so what the server says while loading is observed without
// depending on how fast this machine loads. The test starts that server
// itself.
class ReadinessTest : public ServerFixture {
 protected:
  void SetUp() override {}
};

TEST_F(ReadinessTest, NotServingAndUnavailableUntilReferenceDataIsLoaded) {
  const std::string fifo = dir().File("events.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto started = ServerProcess::Start(
      FACTCHECK_SERVER_BINARY,
      {"--data_dir=" + data_dir(), "--reference_file=" + fifo},
      ServerProcess::Until::kListening);
  ASSERT_TRUE(started.ok()) << started.status();
  ServerProcess& server = **started;

  EXPECT_EQ(NamesNotAnswering(server.address(), kNotServing),
            std::vector<std::string>{});
  auto stub = v1::FactCheck::NewStub(grpc::CreateChannel(
      server.address(), grpc::InsecureChannelCredentials()));
  const v1::CheckTextRequest request = SeedRequest(SeedBody());
  {
    grpc::ClientContext context;
    v1::CheckTextResponse response;
    const grpc::Status status = stub->CheckText(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_TRUE(
        absl::StartsWith(status.error_message(), "loading reference data"))
        << status.error_message();
  }
  {
    grpc::ClientContext context;
    auto stream = stub->StreamCheck(&context);
    stream->Write(request);  // Fails harmlessly: the call is refused.
    stream->WritesDone();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
  }
  // The HTTP port says the same: 503, and a CheckText answered at once.
  const CurlAnswer http_check = CurlPostJson(
      absl::StrCat("http://", server.http_address(), "/v1:checkText"),
      R"({"text":"Kyiv","publishedDate":"2024-02-14"})");
  EXPECT_EQ(http_check.status, 503);
  EXPECT_TRUE(absl::StartsWith(
      http_check.body, R"({"code":14,"message":"loading reference data)"))
      << http_check.body;
  auto health = HttpGet(server.http_address(), "/healthz");
  ASSERT_TRUE(health.ok()) << health.status();
  EXPECT_EQ(health->status, 503);
  EXPECT_EQ(health->body, R"({"status":"NOT_SERVING"})");
  auto loading = HttpGet(server.http_address(), "/metrics");
  ASSERT_TRUE(loading.ok()) << loading.status();
  EXPECT_EQ(Sample(loading->body, "factcheck_ready"), 0);
  EXPECT_EQ(Sample(loading->body, "factcheck_reference_events"), 0);
  EXPECT_EQ(Sample(loading->body, Requests(kCheckText, "UNAVAILABLE")), 2);

  {
    // Opening blocks until the server has the pipe open for reading.
    const int fd = open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(fd, 0);
    const std::string events = ReadFileOrDie(FACTCHECK_REFERENCE_FILE);
    ASSERT_EQ(write(fd, events.data(), events.size()),
              static_cast<ssize_t>(events.size()));
    close(fd);
  }
  // The server turns SERVING before it writes this line.
  ASSERT_TRUE(server.WaitForOutput("listening on ", absl::Seconds(30)))
      << server.output();
  EXPECT_EQ(NamesNotAnswering(server.address(), kServing),
            std::vector<std::string>{});
  {
    grpc::ClientContext context;
    v1::CheckTextResponse response;
    ASSERT_TRUE(stub->CheckText(&context, request, &response).ok());
    EXPECT_EQ(response.contradicted_count(), 1);
  }
  EXPECT_EQ(HttpGet(server.http_address(), "/healthz").value().body,
            R"({"status":"SERVING"})");
  auto ready = HttpGet(server.http_address(), "/metrics");
  ASSERT_TRUE(ready.ok()) << ready.status();
  EXPECT_EQ(Sample(ready->body, "factcheck_ready"), 1);
  EXPECT_EQ(Sample(ready->body, "factcheck_reference_events"),
            ReferenceEventCount());
  EXPECT_EQ(Sample(ready->body, Requests(kCheckText, "OK")), 1);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(ObservabilityTest, NotServingWhileDraining) {
  StopServer();
  StartServer({"--shutdown_grace_seconds=60"});
  EXPECT_EQ(NamesNotAnswering(server().address(), kServing),
            std::vector<std::string>{});
  // A stream in progress holds the drain open.
  grpc::ClientContext context;
  auto stub = Stub();
  auto stream = stub->StreamCheck(&context);
  const v1::CheckTextRequest request = SeedRequest(SeedBody());
  ASSERT_TRUE(stream->Write(request));
  v1::CheckTextResponse response;
  ASSERT_TRUE(stream->Read(&response));

  server().Signal(SIGTERM);
  // The server turns NOT_SERVING before it writes this line.
  ASSERT_TRUE(server().WaitForOutput(", draining", absl::Seconds(30)))
      << server().output();
  EXPECT_EQ(NamesNotAnswering(server().address(), kNotServing),
            std::vector<std::string>{});
  EXPECT_EQ(Sample(Scrape(), "factcheck_ready"), 0);

  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(TakeServer()->Wait(), 0);
}

// With auth on: no token ever reaches the log, whether the call is let
// through or refused; refused calls, which the access check stops before
// any handler, are logged and counted all the same.
class TokenLoggingTest : public TlsServerFixture {};

TEST_F(TokenLoggingTest, TokensNeverAppearInTheLogAndRefusalsAreLogged) {
  auto stub = TlsStub();
  const v1::CheckTextRequest check = SeedRequest(SeedBody());
  v1::CheckTextResponse checked;
  EXPECT_TRUE(stub->CheckText(As(kReaderToken).get(), check, &checked).ok());
  v1::DeleteSourceRequest del;
  del.set_name("sources/0000000000000000");
  google::protobuf::Empty empty;
  {
    auto context = As(kReaderToken);
    context->AddMetadata("x-request-id", "refused-1");
    EXPECT_EQ(stub->DeleteSource(context.get(), del, &empty).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(stub->CheckText(As("wrong-token-5d1e").get(), check, &checked)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(stub->DeleteSource(As(kAdminToken).get(), del, &empty).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // With TLS on, the HTTP port speaks HTTPS only, with the same
  // certificate.
  const std::string scrape =
      Curl({"--cacert", TestCaDir() + "/ca.crt",
            absl::StrCat("https://", server().http_address(), "/metrics")})
          .body;
  StopServer();
  const std::string output = server_output();
  for (const char* token :
       {kReaderToken, kIngesterToken, kAdminToken, "wrong-token-5d1e"}) {
    EXPECT_FALSE(absl::StrContains(output, token)) << token << "\n" << output;
  }
  std::vector<std::string> calls;
  for (const LogLine& line : ParseLog(output)) {
    if (line.strings.at("msg") != "request") continue;
    calls.push_back(
        absl::StrCat(line.strings.at("method"), " ", line.strings.at("code")));
    if (line.strings.at("code") == "PERMISSION_DENIED") {
      EXPECT_EQ(line.strings.at("request_id"), "refused-1");
    }
  }
  EXPECT_EQ(calls, (std::vector<std::string>{
                       "/factcheck.v1.FactCheck/CheckText OK",
                       "/factcheck.v1.FactCheck/DeleteSource PERMISSION_DENIED",
                       "/factcheck.v1.FactCheck/CheckText UNAUTHENTICATED",
                       "/factcheck.v1.FactCheck/DeleteSource NOT_FOUND"}))
      << output;
  EXPECT_EQ(Sample(scrape, Requests(kCheckText, "UNAUTHENTICATED")), 1);
  EXPECT_EQ(Sample(scrape, Requests("/factcheck.v1.FactCheck/DeleteSource",
                                    "PERMISSION_DENIED")),
            1);
}

}  // namespace
}  // namespace factcheck::testing
