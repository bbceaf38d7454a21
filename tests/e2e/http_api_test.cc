// The HTTP/JSON face of the API against the real server, called with curl:
// each method answers exactly what the same call over gRPC answers (the
// JSON read back into the message and compared field by field), bad input
// gets google.rpc.Status JSON with the HTTP status of its gRPC code, the
// calls are counted and logged as gRPC calls are, browsers from other
// origins are refused unless listed, and over TLS the bearer tokens and
// roles of the gRPC port apply.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/e2e/tls_fixture.h"
#include "tests/support/curl.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

// The JSON body of an answer read as a `Message`; fails the test when it
// is not one.
template <typename Message>
Message FromJson(const std::string& json) {
  Message message;
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(json, &message);
  EXPECT_TRUE(parsed.ok()) << parsed.ToString() << "\n" << json;
  return message;
}

std::string ToJsonForRequest(const google::protobuf::Message& request) {
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(request, &json).ok());
  return json;
}

// Expects `http` (a JSON answer) to be `grpc` (the gRPC answer) exactly.
template <typename Message>
void ExpectSameAnswer(const CurlAnswer& http, const Message& grpc) {
  ASSERT_EQ(http.status, 200) << http.body << http.error;
  EXPECT_EQ(http.headers.at("content-type"), "application/json");
  const Message read = FromJson<Message>(http.body);
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(read, grpc)) << difference;
}

class HttpApiTest : public ServerFixture {
 protected:
  std::string Url(const std::string& path) {
    return absl::StrCat("http://", server().http_address(), path);
  }

  v1::CheckTextRequest SeedRequest() {
    v1::CheckTextRequest request;
    request.set_text(SeedBody());
    request.set_published_date("2024-02-14");
    return request;
  }
};

TEST_F(HttpApiTest, CheckTextAnswersTheFoundingArticleAsGrpcDoes) {
  const CurlAnswer http =
      CurlPostJson(Url("/v1:checkText"), ToJsonForRequest(SeedRequest()));
  auto stub = Stub();
  grpc::ClientContext context;
  v1::CheckTextResponse grpc;
  ASSERT_TRUE(stub->CheckText(&context, SeedRequest(), &grpc).ok());
  ExpectSameAnswer(http, grpc);
  const auto answer = FromJson<v1::CheckTextResponse>(http.body);
  EXPECT_EQ(answer.contradicted_count(), 1);
  int contradicted = 0;
  for (const v1::Finding& f : answer.findings()) {
    if (f.verdict() != v1::CONTRADICTED) continue;
    ++contradicted;
    EXPECT_EQ(f.claim().claimed_text(), "February 2024");
    EXPECT_EQ(f.suggestion(), "February 2022");
    EXPECT_EQ(f.reference_date().value(), "2022-02-24");
  }
  EXPECT_EQ(contradicted, 1);
  // Names as protobuf's JSON mapping writes them, defaults included.
  EXPECT_TRUE(absl::StrContains(http.body, R"("contradictedCount":1)"));
  EXPECT_TRUE(absl::StrContains(http.body, R"("utf16Begin":)"));
  EXPECT_TRUE(absl::StrContains(http.body, R"("verdict":"CONTRADICTED")"));
}

TEST_F(HttpApiTest, RequestFieldsMayBeNamedAsInTheProto) {
  const CurlAnswer http = CurlPostJson(
      Url("/v1:checkText"),
      R"({"text":"The full-scale invasion began on 24 February 2022.",)"
      R"("published_date":"2024-02-14","include_unverifiable":true})");
  ASSERT_EQ(http.status, 200) << http.body;
  const auto answer = FromJson<v1::CheckTextResponse>(http.body);
  ASSERT_EQ(answer.findings_size(), 1);
  EXPECT_EQ(answer.findings(0).verdict(), v1::SUPPORTED);
}

TEST_F(HttpApiTest, ExtractTimexAnswersAsGrpcDoes) {
  v1::ExtractTimexRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  const CurlAnswer http =
      CurlPostJson(Url("/v1:extractTimex"), ToJsonForRequest(request));
  auto stub = Stub();
  grpc::ClientContext context;
  v1::ExtractTimexResponse grpc;
  ASSERT_TRUE(stub->ExtractTimex(&context, request, &grpc).ok());
  ExpectSameAnswer(http, grpc);
  EXPECT_GT(grpc.time_expressions_size(), 5);
}

TEST_F(HttpApiTest, IngestedSourceIsReadBackByEveryGetAndList) {
  v1::IngestSourceRequest ingest;
  ingest.mutable_source()->set_url("https://example.org/air-defence");
  ingest.mutable_source()->set_title("Air defence coalition");
  ingest.mutable_source()->set_published_date("2024-02-14");
  ingest.mutable_source()->set_text(SeedBody());
  const CurlAnswer stored =
      CurlPostJson(Url("/v1/sources:ingest"), ToJsonForRequest(ingest));
  ASSERT_EQ(stored.status, 200) << stored.body;
  const auto ingested = FromJson<v1::IngestSourceResponse>(stored.body);
  const std::string name = ingested.source().name();
  EXPECT_TRUE(absl::StartsWith(name, "sources/")) << name;
  EXPECT_EQ(name.size(), 8u + 16u) << name;
  EXPECT_EQ(ingested.findings_size(), 6);

  auto stub = Stub();
  {
    grpc::ClientContext context;
    v1::GetSourceRequest request;
    request.set_name(name);
    v1::Source grpc;
    ASSERT_TRUE(stub->GetSource(&context, request, &grpc).ok());
    ExpectSameAnswer(Curl({Url("/v1/" + name)}), grpc);
    EXPECT_EQ(grpc.text(), SeedBody());
  }
  {
    grpc::ClientContext context;
    v1::ListSourcesResponse grpc;
    ASSERT_TRUE(
        stub->ListSources(&context, v1::ListSourcesRequest(), &grpc).ok());
    ExpectSameAnswer(Curl({Url("/v1/sources")}), grpc);
    EXPECT_EQ(grpc.sources_size(), 1);
  }
  {
    grpc::ClientContext context;
    v1::ListClaimsRequest request;
    request.set_parent("sources/-");
    request.set_filter("verdict = CONTRADICTED");
    v1::ListClaimsResponse grpc;
    ASSERT_TRUE(stub->ListClaims(&context, request, &grpc).ok());
    ExpectSameAnswer(
        Curl({"-G", "--data-urlencode", "filter=verdict = CONTRADICTED",
              Url("/v1/sources/-/claims")}),
        grpc);
    ASSERT_EQ(grpc.findings_size(), 1);
    EXPECT_EQ(grpc.findings(0).claim().claimed_text(), "February 2024");
  }
  {
    grpc::ClientContext context;
    v1::ListConflictsResponse grpc;
    ASSERT_TRUE(
        stub->ListConflicts(&context, v1::ListConflictsRequest(), &grpc).ok());
    ExpectSameAnswer(Curl({Url("/v1/conflicts")}), grpc);
  }
}

TEST_F(HttpApiTest, EventsAreGotListedAndSearchedAsOverGrpc) {
  auto stub = Stub();
  {
    grpc::ClientContext context;
    v1::GetEventRequest request;
    request.set_name("events/full-scale-invasion");
    v1::Event grpc;
    ASSERT_TRUE(stub->GetEvent(&context, request, &grpc).ok());
    ExpectSameAnswer(Curl({Url("/v1/events/full-scale-invasion")}), grpc);
    EXPECT_EQ(grpc.start().value(), "2022-02-24");
  }
  {
    grpc::ClientContext context;
    v1::ListEventsRequest request;
    request.set_page_size(3);
    v1::ListEventsResponse first;
    ASSERT_TRUE(stub->ListEvents(&context, request, &first).ok());
    ExpectSameAnswer(Curl({Url("/v1/events?page_size=3")}), first);
    ASSERT_FALSE(first.next_page_token().empty());
    grpc::ClientContext next_context;
    request.set_page_token(first.next_page_token());
    v1::ListEventsResponse second;
    ASSERT_TRUE(stub->ListEvents(&next_context, request, &second).ok());
    ExpectSameAnswer(
        Curl({"-G", "--data-urlencode", "pageToken=" + first.next_page_token(),
              "--data-urlencode", "pageSize=3", Url("/v1/events")}),
        second);
  }
  {
    grpc::ClientContext context;
    v1::SearchEventsRequest request;
    // Words that one alias has exactly: "kakhovka dam" alone matches
    // three aliases equally, and which of them a call names may differ.
    request.set_query("kakhovka dam breach");
    request.set_page_size(2);
    v1::SearchEventsResponse grpc;
    ASSERT_TRUE(stub->SearchEvents(&context, request, &grpc).ok());
    ExpectSameAnswer(
        Curl({Url(
            "/v1/events:search?query=kakhovka%20dam%20breach&pageSize=2")}),
        grpc);
    ASSERT_GE(grpc.results_size(), 1);
    EXPECT_EQ(grpc.results(0).event().id(), "kakhovka-dam-destruction");
  }
}

// A failed call's answer: its HTTP status and its google.rpc.Status body.
void ExpectStatus(const CurlAnswer& answer, int http_status, int code,
                  const std::string& message) {
  EXPECT_EQ(answer.status, http_status) << answer.body << answer.error;
  EXPECT_EQ(answer.headers.count("content-type") == 1
                ? answer.headers.at("content-type")
                : "",
            "application/json");
  EXPECT_EQ(answer.body, absl::StrCat(R"({"code":)", code, R"(,"message":")",
                                      message, R"(","details":[]})"));
}

TEST_F(HttpApiTest, BadInputGetsGoogleRpcStatusWithTheHttpCodeOfItsGrpcCode) {
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), R"({"text": "Kyiv",)"), 400,
               3,
               "the request body is not a valid factcheck.v1.CheckTextRequest "
               "in JSON: Unexpected end of string. Expected an object key or "
               "}.\\n\\n^");
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), R"({"txt":"Kyiv"})"), 400, 3,
               "the request body is not a valid factcheck.v1.CheckTextRequest "
               "in JSON: txt: Cannot find field.");
  ExpectStatus(CurlPostJson(Url("/v1:checkText"),
                            R"({"text":"Kyiv","publishedDate":"2024-02-30"})"),
               400, 3,
               "published_date '2024-02-30' is not a valid date (YYYY-MM-DD)");
  ExpectStatus(
      CurlPostJson(Url("/v1:checkText"), "{\"text\":\"Kyiv \xc3\x28\"}"), 400,
      3,
      "the request body is not valid UTF-8: bad byte 0xc3 at byte "
      "offset 14");
  ExpectStatus(Curl({Url("/v1/events/no-such-event")}), 404, 5,
               "event 'no-such-event' not found");
  ExpectStatus(Curl({Url("/v1/events?page_size=5000")}), 400, 3,
               "page_size 5000 exceeds the limit of 1000 (--max_page_size)");
  ExpectStatus(Curl({Url("/v1/events?size=5")}), 400, 3,
               "unknown parameter 'size' for factcheck.v1.ListEventsRequest");
  ExpectStatus(Curl({Url("/v1:checkText")}), 405, 12,
               "'/v1:checkText' takes POST, not 'GET'");
  ExpectStatus(Curl({Url("/v1/nothing")}), 404, 5,
               "no method of the API at '/v1/nothing'; the methods are listed "
               "in README.md, \\\"HTTP and JSON\\\"");
  // The server is still there, and serves.
  EXPECT_EQ(Curl({Url("/healthz")}).body, R"({"status":"SERVING"})");
}

TEST_F(HttpApiTest, TextOverTheLimitIsResourceExhaustedAndABodyOverItIs413) {
  StopServer();
  StartServer({"--max_text_bytes=1000"});
  v1::CheckTextRequest request;
  request.set_text(std::string(1001, 'a'));
  request.set_published_date("2024-02-14");
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), ToJsonForRequest(request)),
               429, 8,
               "text is 1001 bytes, over the limit of 1000 bytes "
               "(--max_text_bytes)");
  // Six times the text limit and 64 KiB: the transport's bound.
  request.set_text(std::string(6 * 1000 + 65 * 1024, 'a'));
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), ToJsonForRequest(request)),
               413, 8,
               "the request body is over this server's limit (6 times "
               "--max_text_bytes and 64 KiB); check the text in parts");
  EXPECT_EQ(Curl({Url("/healthz")}).body, R"({"status":"SERVING"})");
}

TEST_F(HttpApiTest, CallsAreCountedAndLoggedUnderTheirGrpcMethod) {
  const CurlAnswer ok =
      CurlPostJson(Url("/v1:checkText"), ToJsonForRequest(SeedRequest()),
                   {"-H", "X-Request-Id: editor-7f3a"});
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.headers.at("x-request-id"), "editor-7f3a");
  const CurlAnswer missing = Curl({Url("/v1/events/no-such-event")});
  ASSERT_EQ(missing.status, 404);
  const std::string generated = missing.headers.at("x-request-id");
  EXPECT_EQ(generated.size(), 16u);

  const std::string scrape = Curl({Url("/metrics")}).body;
  EXPECT_TRUE(absl::StrContains(
      scrape,
      "factcheck_requests_total{method=\"/factcheck.v1.FactCheck/CheckText\","
      "code=\"OK\"} 1\n"))
      << scrape;
  EXPECT_TRUE(absl::StrContains(
      scrape,
      "factcheck_requests_total{method=\"/factcheck.v1.FactCheck/GetEvent\","
      "code=\"NOT_FOUND\"} 1\n"))
      << scrape;
  EXPECT_TRUE(absl::StrContains(scrape,
                                "factcheck_findings_total{verdict="
                                "\"CONTRADICTED\"} 1\n"))
      << scrape;
  ASSERT_TRUE(server().WaitForOutput(generated, absl::Seconds(10)));
  const std::string log = server_output();
  EXPECT_TRUE(absl::StrContains(
      log,
      R"("request_id":"editor-7f3a","method":"/factcheck.v1.FactCheck/CheckText","code":"OK",)"))
      << log;
  EXPECT_TRUE(absl::StrContains(
      log,
      absl::StrCat(
          R"("request_id":")", generated,
          R"(","method":"/factcheck.v1.FactCheck/GetEvent","code":"NOT_FOUND",)")))
      << log;
  EXPECT_TRUE(
      absl::StrContains(log, R"("transport":"http","http_status":404})"))
      << log;
}

TEST_F(HttpApiTest, OtherOriginsAreRefusedUnlessListed) {
  StopServer();
  StartServer({"--http_cors_origins=https://cms.example.org"});
  const std::string cms = "Origin: https://cms.example.org";
  const CurlAnswer preflight = Curl(
      {"-X", "OPTIONS", "-H", cms, "-H", "Access-Control-Request-Method: POST",
       "-H", "Access-Control-Request-Headers: authorization, content-type",
       Url("/v1:checkText")});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.headers.at("access-control-allow-origin"),
            "https://cms.example.org");
  EXPECT_EQ(preflight.headers.at("access-control-allow-methods"), "GET, POST");
  EXPECT_EQ(preflight.headers.at("access-control-allow-headers"),
            "Authorization, Content-Type, X-Request-Id");
  const CurlAnswer listed = CurlPostJson(
      Url("/v1:checkText"), ToJsonForRequest(SeedRequest()), {"-H", cms});
  EXPECT_EQ(listed.status, 200);
  EXPECT_EQ(listed.headers.at("access-control-allow-origin"),
            "https://cms.example.org");
  EXPECT_EQ(listed.headers.at("vary"), "Origin");

  // A page elsewhere cannot have a browser store a source, with or without
  // a preflight.
  v1::IngestSourceRequest ingest;
  ingest.mutable_source()->set_url("https://example.org/a");
  ingest.mutable_source()->set_published_date("2024-02-14");
  ingest.mutable_source()->set_text(SeedBody());
  const CurlAnswer elsewhere =
      CurlPostJson(Url("/v1/sources:ingest"), ToJsonForRequest(ingest),
                   {"-H", "Origin: https://evil.example"});
  ExpectStatus(elsewhere, 403, 7,
               "pages from 'https://evil.example' may not call this API: the "
               "origin is not in the server's --http_cors_origins");
  EXPECT_EQ(elsewhere.headers.count("access-control-allow-origin"), 0u);
  // Refused, and logged under the method it asked for.
  EXPECT_TRUE(server().WaitForOutput(
      R"("method":"/factcheck.v1.FactCheck/IngestSource","code":"PERMISSION_DENIED",)",
      absl::Seconds(10)))
      << server_output();
  EXPECT_EQ(Curl({"-X", "OPTIONS", "-H", "Origin: https://evil.example",
                  Url("/v1/sources:ingest")})
                .status,
            403);
  EXPECT_EQ(Curl({Url("/v1/sources")}).body,
            R"({"sources":[],"nextPageToken":""})");
  // The server's own pages (the editor) are of its own origin.
  EXPECT_EQ(CurlPostJson(Url("/v1:checkText"), ToJsonForRequest(SeedRequest()),
                         {"-H", "Origin: http://" + server().http_address()})
                .status,
            200);
}

TEST(HttpApiStartTest, AnHttpPortOnEveryInterfaceWithAuthOffIsRefused) {
  TempDir dir;
  const CommandResult run =
      RunCommand({FACTCHECK_SERVER_BINARY, "--listen=127.0.0.1:0",
                  "--http_listen=0.0.0.0:0", "--data_dir=" + dir.File("data")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(
      run.err,
      "factcheck-server: refusing to listen on 0.0.0.0:0 with auth off: "
      "anyone who can reach it could change the reference events."))
      << run.err;
}

class HttpAccessControlTest : public TlsServerFixture {
 protected:
  std::string Url(const std::string& path) {
    return absl::StrCat("https://", server().http_address(), path);
  }
  static std::vector<std::string> Ca() {
    return {"--cacert", TestCaDir() + "/ca.crt"};
  }
  static std::vector<std::string> As(const std::string& token) {
    std::vector<std::string> args = Ca();
    args.insert(args.end(), {"-H", "Authorization: Bearer " + token});
    return args;
  }
  // curl's arguments: the CA's, then `more`.
  static std::vector<std::string> WithCa(std::vector<std::string> more) {
    std::vector<std::string> args = Ca();
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  std::string SeedJson() {
    return absl::StrCat(R"({"text":)", "\"The invasion began in 2021.\"",
                        R"(,"publishedDate":"2024-02-14"})");
  }
};

TEST_F(HttpAccessControlTest, TokensAndRolesApplyOverHttps) {
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), SeedJson(), Ca()), 401, 16,
               "this server needs a bearer token: send 'authorization: Bearer "
               "TOKEN' metadata (the CLI's --token or $FACTCHECK_TOKEN)");
  ExpectStatus(CurlPostJson(Url("/v1:checkText"), SeedJson(),
                            WithCa({"-H", "Authorization: Bearer  x"})),
               401, 16, "the authorization metadata is not 'Bearer TOKEN'");
  EXPECT_EQ(
      CurlPostJson(Url("/v1:checkText"), SeedJson(), As(kReaderToken)).status,
      200);
  const std::string ingest =
      R"({"source":{"url":"https://example.org/a","publishedDate":"2024-02-14","text":"Kyiv"}})";
  ExpectStatus(
      CurlPostJson(Url("/v1/sources:ingest"), ingest, As(kReaderToken)), 403, 7,
      "IngestSource needs the ingester role or higher; this token has "
      "the reader role");
  std::vector<std::string> list = As(kReaderToken);
  list.push_back(Url("/v1/sources"));
  EXPECT_EQ(Curl(list).body, R"({"sources":[],"nextPageToken":""})");
  EXPECT_EQ(CurlPostJson(Url("/v1/sources:ingest"), ingest, As(kIngesterToken))
                .status,
            200);
  // Metrics and health need no token, as gRPC's health needs none.
  EXPECT_EQ(Curl(WithCa({Url("/healthz")})).status, 200);
  EXPECT_EQ(Curl(WithCa({Url("/metrics")})).status, 200);
  // No plain HTTP on a TLS port.
  const CurlAnswer plain =
      Curl({absl::StrCat("http://", server().http_address(), "/healthz")});
  EXPECT_NE(plain.status, 200);
  // Refused calls are logged, without the token.
  EXPECT_FALSE(absl::StrContains(server_output(), kReaderToken));
  EXPECT_TRUE(absl::StrContains(
      server_output(),
      R"("method":"/factcheck.v1.FactCheck/IngestSource","code":"PERMISSION_DENIED",)"));
}

class HttpMutualTlsTest : public HttpAccessControlTest {
 protected:
  bool RequireClientCertificates() const override { return true; }
};

TEST_F(HttpMutualTlsTest, ClientWithoutACertificateCannotConnect) {
  const CurlAnswer without = Curl(WithCa({Url("/healthz")}));
  EXPECT_EQ(without.status, 0);
  EXPECT_NE(without.exit_code, 0);
  const CurlAnswer with =
      Curl(WithCa({"--cert", TestCaDir() + "/client.crt", "--key",
                   TestCaDir() + "/client.key", Url("/healthz")}));
  EXPECT_EQ(with.status, 200) << with.error;
}

}  // namespace
}  // namespace factcheck::testing
