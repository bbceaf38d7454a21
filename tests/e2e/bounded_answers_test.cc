// What one request may cost: a text's work and its answer stay in
// proportion to the text, whatever its shape, and a text over a per-request
// bound is refused with RESOURCE_EXHAUSTED naming the bound, never answered
// with an empty or cut response. Each test runs the real server.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

// One sentence with no stop, `claims` times "the full-scale invasion in
// February 2024" (the invasion began in February 2022): the shape that
// once made each of its thousands of findings carry a copy of the whole
// sentence.
std::string OneLongSentence(int claims) {
  std::string text = "Russia launched";
  for (int i = 0; i < claims; ++i) {
    absl::StrAppend(&text, " the full-scale invasion in February 2024,");
  }
  absl::StrAppend(&text, " and so on.");
  return text;
}

// `count` short sentences, each one claim.
std::string ShortSentences(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&text, "The full-scale invasion began in February 2024. ");
  }
  return text;
}

class BoundedAnswersTest : public ServerFixture {
 protected:
  // A stub that takes answers of any size, so that a test sees what the
  // server sent rather than the client's own 4 MiB refusal.
  std::unique_ptr<v1::FactCheck::Stub> LargeAnswerStub() {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    return v1::FactCheck::NewStub(grpc::CreateCustomChannel(
        server().address(), grpc::InsecureChannelCredentials(), arguments));
  }

  grpc::Status Check(const std::string& text, v1::CheckTextResponse* response) {
    grpc::ClientContext context;
    v1::CheckTextRequest request;
    request.set_text(text);
    request.set_published_date("2024-02-14");
    return LargeAnswerStub()->CheckText(&context, request, response);
  }

  // Waits for the server's log line of a call to `method` and returns its
  // code ("" when none came within five seconds).
  std::string LoggedCode(const std::string& method) {
    const std::string key =
        absl::StrCat(R"("method":"/factcheck.v1.FactCheck/)", method,
                     R"(","code":")");
    for (int i = 0; i < 100; ++i) {
      const std::string log = server_output();
      if (const std::size_t at = log.rfind(key); at != std::string::npos) {
        const std::size_t begin = at + key.size();
        return log.substr(begin, log.find('"', begin) - begin);
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    return "";
  }
};

TEST_F(BoundedAnswersTest, FindingsOfOneLongSentenceQuoteOnlyAroundTheirClaim) {
  const std::string text = OneLongSentence(1500);
  v1::CheckTextResponse response;
  ASSERT_TRUE(Check(text, &response).ok());
  // A mention pairs with the date before it (the nearer one), except the
  // first and those whose date a cut into 2,000-byte pieces puts in the
  // piece before; each is the invasion dated two years late.
  ASSERT_EQ(response.findings_size(), 1485);
  EXPECT_EQ(response.contradicted_count(), 1485);
  // The text is one stop-less run of 63 KB, read in pieces of at most
  // 2,000 bytes; each finding quotes at most 320 bytes of its piece, and
  // what it quotes is the text at its excerpt span, around its claim.
  for (const v1::Finding& f : response.findings()) {
    const v1::Claim& c = f.claim();
    ASSERT_EQ(f.suggestion(), "February 2022");
    ASSERT_LE(c.sentence().size(), 320u);
    ASSERT_LE(c.sentence_span().end() - c.sentence_span().begin(), 2000u);
    ASSERT_EQ(c.sentence(),
              text.substr(c.excerpt_span().begin(),
                          c.excerpt_span().end() - c.excerpt_span().begin()));
    ASSERT_LE(c.sentence_span().begin(), c.excerpt_span().begin());
    ASSERT_GE(c.sentence_span().end(), c.excerpt_span().end());
    ASSERT_LE(c.excerpt_span().begin(), c.span().begin());
    ASSERT_GE(c.excerpt_span().end(), c.span().end());
    ASSERT_LE(c.excerpt_span().begin(), c.event_span().begin());
  }
  // A copy of the whole sentence in each finding made 94 MB of this; now
  // the answer is a small multiple of the text (about 1.1 KB a finding,
  // most of it the event's citations).
  EXPECT_LT(response.ByteSizeLong(), 32 * text.size());
}

TEST_F(BoundedAnswersTest, ShortSentencesAreQuotedWhole) {
  const std::string text = ShortSentences(3);
  v1::CheckTextResponse response;
  ASSERT_TRUE(Check(text, &response).ok());
  ASSERT_EQ(response.findings_size(), 3);
  const v1::Claim& second = response.findings(1).claim();
  EXPECT_EQ(second.sentence(),
            "The full-scale invasion began in February 2024.");
  EXPECT_EQ(second.sentence_span().begin(), 48u);
  EXPECT_EQ(second.excerpt_span().begin(), 48u);
  EXPECT_EQ(second.excerpt_span().end(), 95u);
  EXPECT_EQ(second.sentence_span().end(), 95u);
  EXPECT_EQ(second.excerpt_span().utf16_begin(), 48u);
}

TEST_F(BoundedAnswersTest, AMebibyteOfDatedMentionsIsRefusedNamingTheLimit) {
  // The text limit is 1 MiB; this is just under it: 24,900 dates.
  const std::string text = OneLongSentence(24900);
  ASSERT_LT(text.size(), 1u << 20);
  v1::CheckTextResponse response;
  const grpc::Status status = Check(text, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "the text has 24900 time expressions, over the limit of 10000 for "
            "one check (--max_time_expressions, --max_findings): check the "
            "text in parts");
  EXPECT_EQ(LoggedCode("CheckText"), "RESOURCE_EXHAUSTED");
}

TEST_F(BoundedAnswersTest, TooManyFindingsIsRefusedAndAnIngestStoresNothing) {
  StopServer();
  StartServer({"--max_findings=100"});
  const std::string text = ShortSentences(150);
  v1::CheckTextResponse response;
  const grpc::Status status = Check(text, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "the text makes 150 findings or more, over the limit of 100 for "
            "one check (--max_time_expressions, --max_findings): check the "
            "text in parts");

  grpc::ClientContext ingest_context;
  v1::IngestSourceRequest ingest;
  ingest.mutable_source()->set_url("https://example.org/long");
  ingest.mutable_source()->set_text(text);
  ingest.mutable_source()->set_published_date("2024-02-14");
  v1::IngestSourceResponse ingested;
  const grpc::Status ingest_status =
      Stub()->IngestSource(&ingest_context, ingest, &ingested);
  EXPECT_EQ(ingest_status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(absl::StartsWith(ingest_status.error_message(),
                               "source.the text makes 150 findings or more"))
      << ingest_status.error_message();
  grpc::ClientContext list_context;
  v1::ListSourcesResponse sources;
  ASSERT_TRUE(Stub()
                  ->ListSources(&list_context, v1::ListSourcesRequest(),
                                &sources)
                  .ok());
  EXPECT_EQ(sources.sources_size(), 0);

  // At the limit, the same text is checked.
  v1::CheckTextResponse at_limit;
  ASSERT_TRUE(Check(ShortSentences(100), &at_limit).ok());
  EXPECT_EQ(at_limit.findings_size(), 100);
}

TEST_F(BoundedAnswersTest, ExtractTimexRefusesTooManyTimeExpressions) {
  StopServer();
  StartServer({"--max_time_expressions=50"});
  grpc::ClientContext context;
  v1::ExtractTimexRequest request;
  request.set_text(ShortSentences(51));
  request.set_published_date("2024-02-14");
  v1::ExtractTimexResponse response;
  const grpc::Status status =
      LargeAnswerStub()->ExtractTimex(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "the text has 51 time expressions, over the limit of 50 for one "
            "request (--max_time_expressions): tag the text in parts");
}

TEST_F(BoundedAnswersTest, AnAnswerOverTheResponseLimitIsAnErrorNotAnEmptyOk) {
  StopServer();
  StartServer({"--max_response_bytes=20000"});
  const std::string big = ShortSentences(60);
  v1::CheckTextResponse response;
  const grpc::Status status = Check(big, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(absl::StartsWith(status.error_message(), "the response would be "))
      << status.error_message();
  EXPECT_TRUE(absl::EndsWith(status.error_message(),
                             " bytes, over the limit of 20000 "
                             "(--max_response_bytes): check the text in parts"))
      << status.error_message();
  EXPECT_EQ(LoggedCode("CheckText"), "RESOURCE_EXHAUSTED");

  // In a stream, the document over the limit gets the error in its place;
  // the others are answered.
  std::vector<v1::CheckTextResponse> answers;
  ASSERT_TRUE(StreamCheckDocuments(*LargeAnswerStub(),
                                   {{"big", big}, {"small", ShortSentences(1)}},
                                   "2024-02-14", &answers)
                  .ok());
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].document_id(), "big");
  EXPECT_EQ(answers[0].error_code(),
            static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  EXPECT_EQ(answers[0].findings_size(), 0);
  EXPECT_TRUE(absl::StartsWith(answers[0].error(), "the response would be "));
  EXPECT_EQ(answers[1].document_id(), "small");
  EXPECT_EQ(answers[1].error_code(), 0);
  EXPECT_EQ(answers[1].contradicted_count(), 1);

  // A publishing gate on the CLI fails on it: exit 2, the reason on
  // stderr, nothing that reads as a clean draft.
  const std::string path = dir().File("big.txt");
  WriteFileOrDie(path, big);
  const CommandResult run = Cli({"check", path, "--published=2024-02-14"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(absl::StrContains(run.err, "(--max_response_bytes)")) << run.err;
}

}  // namespace
}  // namespace factcheck::testing
