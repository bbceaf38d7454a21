// The bad inputs of README.md's table, each sent to the real server: what
// status and message each gets, and that nothing it sent was stored. The
// table and these tests must agree; a change to either changes both.
#include <cstddef>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/raw_call.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

class BadInputTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    stub_ = Stub();
  }

  grpc::Status Check(const std::string& text, const std::string& date,
                     v1::CheckTextResponse* response = nullptr) {
    v1::CheckTextResponse ignored;
    return CheckText(*stub_, text, date,
                     response != nullptr ? response : &ignored);
  }

  grpc::Status Create(const std::string& json_event, const std::string& id) {
    v1::CreateEventRequest request;
    request.set_event_id(id);
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                    json_event, request.mutable_event())
                    .ok());
    grpc::ClientContext context;
    v1::Event created;
    return stub_->CreateEvent(&context, request, &created);
  }

  // Streams `file` to ImportEvents in chunks of 512 KiB (under the
  // server's receive limit) and returns the last reply.
  grpc::Status Import(const std::string& file, bool strict,
                      v1::ImportEventsResponse* last) {
    grpc::ClientContext context;
    auto stream = stub_->ImportEvents(&context);
    v1::ImportEventsRequest request;
    request.set_strict(strict);  // Read from the first request only.
    constexpr std::size_t kChunk = 512 << 10;
    for (std::size_t at = 0; at == 0 || at < file.size(); at += kChunk) {
      request.set_chunk(file.substr(at, kChunk));
      EXPECT_TRUE(stream->Write(request));
      request.clear_strict();
    }
    stream->WritesDone();
    v1::ImportEventsResponse response;
    while (stream->Read(&response)) *last = response;
    return stream->Finish();
  }

  int EventCount() {
    int count = 0;
    std::string token;
    do {
      grpc::ClientContext context;
      v1::ListEventsRequest request;
      request.set_page_size(1000);
      request.set_page_token(token);
      v1::ListEventsResponse response;
      EXPECT_TRUE(stub_->ListEvents(&context, request, &response).ok());
      count += response.events_size();
      token = response.next_page_token();
    } while (!token.empty());
    return count;
  }

  int SourceCount() {
    grpc::ClientContext context;
    v1::ListSourcesRequest request;
    request.set_page_size(1000);
    v1::ListSourcesResponse response;
    EXPECT_TRUE(stub_->ListSources(&context, request, &response).ok());
    return response.sources_size();
  }

  // The most memory the server has held (VmHWM), in bytes; 0 when /proc
  // does not say.
  std::size_t PeakMemoryBytes() {
    std::ifstream status(absl::StrCat("/proc/", server().pid(), "/status"));
    for (std::string text; std::getline(status, text);) {
      absl::string_view line = text;
      std::size_t kib = 0;
      if (absl::ConsumePrefix(&line, "VmHWM:") &&
          absl::SimpleAtoi(
              absl::StripSuffix(absl::StripAsciiWhitespace(line), " kB"),
              &kib)) {
        return kib << 10;
      }
    }
    return 0;
  }

  // `bytes` as one length-delimited field `number` of a request.
  static std::string Field(int number, const std::string& bytes) {
    std::string out(1, static_cast<char>((number << 3) | 2));
    out += static_cast<char>(bytes.size());
    return out + bytes;
  }

  std::unique_ptr<v1::FactCheck::Stub> stub_;
};

// What an imported line with a byte that is not UTF-8 gets: protobuf's
// words and its excerpt of the line, the byte escaped.
constexpr char kBadUtf8LineError[] =
    "line 2: not a valid event: Encountered non UTF-8 code points.\n"
    "\\xff summit\"}\n^";

constexpr char kEvent[] =
    R"({"title":"Test summit","date":{"value":"2021-03-04"},)"
    R"("citations":[{"url":"https://example.org/s"}]})";

TEST_F(BadInputTest, InvalidUtf8IsInvalidArgumentNamingFieldAndOffset) {
  const grpc::Status status = Check("Kyiv \xc3\x28 2024", "2024-02-14");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "text is not valid UTF-8: bad byte 0xc3 at byte offset 5");
}

TEST_F(BadInputTest, NulBytesAreTextLikeAnyOther) {
  v1::CheckTextResponse response;
  const std::string text("The full-scale invasion began in\0 February 2022.",
                         48);
  ASSERT_TRUE(Check(text, "2024-02-14", &response).ok());
  ASSERT_EQ(response.findings_size(), 1) << response.DebugString();
  EXPECT_EQ(response.findings(0).verdict(), v1::SUPPORTED);
}

TEST_F(BadInputTest, TenMegabytesOfOneWordIsOverTheTextLimit) {
  const grpc::Status status = Check(std::string(10 << 20, 'a'), "2024-02-14");
  // gRPC itself refuses a message over the server's receive limit, which
  // is --max_text_bytes plus 64 KiB for the rest of the request.
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "Received message larger than max (10485777 vs. 1114112)");
  EXPECT_EQ(SourceCount(), 0);
}

TEST_F(BadInputTest, OneMegabyteOfOneWordIsCheckedAndHasNoClaims) {
  v1::CheckTextResponse response;
  ASSERT_TRUE(
      Check(std::string((1 << 20) - 1, 'a'), "2024-02-14", &response).ok());
  EXPECT_EQ(response.findings_size(), 0);
}

TEST_F(BadInputTest, ImpossibleDatesAreInvalidArgument) {
  EXPECT_EQ(Check("text", "2024-02-30").error_message(),
            "published_date '2024-02-30' is not a valid date (YYYY-MM-DD)");
  EXPECT_EQ(Check("text", "0000-01-01").error_message(),
            "published_date '0000-01-01' is not a valid date (YYYY-MM-DD)");
  const grpc::Status event =
      Create(R"({"title":"T","date":{"value":"2024-02-30"},)"
             R"("citations":[{"url":"https://example.org/s"}]})",
             "impossible-day");
  EXPECT_EQ(event.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      event.error_message(),
      "event 'impossible-day': date: invalid TIMEX3 date: \"2024-02-30\"");
  const grpc::Status year_zero =
      Create(R"({"title":"T","date":{"value":"0000"},)"
             R"("citations":[{"url":"https://example.org/s"}]})",
             "year-zero");
  EXPECT_EQ(year_zero.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(year_zero.error_message(),
            "event 'year-zero': date: invalid TIMEX3 date: \"0000\"");
  EXPECT_EQ(EventCount(), 300);
}

TEST_F(BadInputTest, NegativeOrdinalIsInvalidArgument) {
  const grpc::Status status = Create(
      R"({"title":"T","date":{"value":"2024-02-14"},)"
      R"("series":{"series":"ukraine-defense-contact-group","ordinal":-19},)"
      R"("citations":[{"url":"https://example.org/s"}]})",
      "negative-ordinal");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "event 'negative-ordinal': series membership needs both a series "
            "id and a positive ordinal, got series "
            "'ukraine-defense-contact-group' and ordinal -19");
  EXPECT_EQ(EventCount(), 300);
  // In text a minus sign before an ordinal is punctuation: "-19th" reads
  // as the 19th.
  v1::CheckTextResponse response;
  ASSERT_TRUE(Check("The -19th Ramstein meeting was held on 14 February.",
                    "2024-02-20", &response)
                  .ok());
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).claim().event(), "events/udcg-meeting-19");
  EXPECT_EQ(response.findings(0).verdict(), v1::SUPPORTED);
}

TEST_F(BadInputTest, DuplicateIdIsAlreadyExistsAndInAnImportABadLine) {
  const grpc::Status status = Create(kEvent, "full-scale-invasion");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(status.error_message(),
            "event 'full-scale-invasion' already exists");
  const std::string line =
      R"({"id":"dup-summit","title":"Dup summit","date":{"value":"2021-03-04"},)"
      R"("citations":[{"url":"https://example.org/s"}]})";
  v1::ImportEventsResponse last;
  ASSERT_TRUE(Import(line + "\n" + line + "\n", false, &last).ok());
  EXPECT_EQ(last.imported(), 1);
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0),
            "line 2: event id 'dup-summit' appears twice in the file");
  EXPECT_EQ(EventCount(), 301);
}

TEST_F(BadInputTest, DeeplyNestedJsonIsABadLine) {
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "{\"a\":";
  nested += "1";
  for (int i = 0; i < 100000; ++i) nested += "}";
  v1::ImportEventsResponse last;
  ASSERT_TRUE(Import(nested + "\n", false, &last).ok());
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0),
            "line 1: arrays and objects nested 100000 deep, over the limit of "
            "32");
  const grpc::Status strict = Import(nested + "\n", true, &last);
  EXPECT_EQ(strict.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(strict.error_message(),
            "line 1: arrays and objects nested 100000 deep, over the limit of "
            "32");
  // In a Wikidata dump too.
  ASSERT_TRUE(Import("[\n" + nested + "\n]\n", false, &last).ok());
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0),
            "line 2: not a Wikidata entity: no \"type\" or no \"id\"");
  EXPECT_EQ(EventCount(), 300);
}

TEST_F(BadInputTest, ArraysNestedDeepInAnImportLineAreABadLineAtLittleMemory) {
  // 16 MB of "[[[...]]]" in a repeated string field, where protobuf's JSON
  // parser sets no depth limit: it once took the server to 2.6 GB, kept.
  constexpr std::size_t kDepth = 8 << 20;
  std::string line = R"({"id":"deep-aliases","title":"Deep","aliases":)";
  line.append(kDepth, '[');
  line.append(kDepth, ']');
  line += "}\n";
  v1::ImportEventsResponse last;
  ASSERT_TRUE(Import(line, false, &last).ok());
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0),
            "line 1: arrays and objects nested 8388609 deep, over the limit "
            "of 32");
  const grpc::Status strict = Import(line, true, &last);
  EXPECT_EQ(strict.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(strict.error_message(),
            "line 1: arrays and objects nested 8388609 deep, over the limit "
            "of 32");
  // What the line cost is a few times its length: two 16 MB lines read.
  const std::size_t peak = PeakMemoryBytes();
  EXPECT_GT(peak, 0u);
  EXPECT_LT(peak, std::size_t{512} << 20);
  EXPECT_EQ(EventCount(), 300);  // And the server serves on.
}

TEST_F(BadInputTest, InvalidUtf8InAnImportedLineIsEscapedInItsError) {
  const std::string good =
      R"({"id":"good-summit","title":"Good summit","date":{"value":"2021-03-04"},)"
      R"("citations":[{"url":"https://example.org/s"}]})";
  const std::string bad =
      "{\"id\":\"bad-summit\",\"title\":\"Bad \xff summit\"}";
  const std::string file = good + "\n" + bad + "\n";
  v1::ImportEventsResponse last;
  // The answer's strings are valid UTF-8, or this client could not read
  // it at all.
  ASSERT_TRUE(Import(file, false, &last).ok());
  ASSERT_TRUE(last.done());
  EXPECT_EQ(last.imported(), 1);
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0), kBadUtf8LineError);
  EXPECT_EQ(EventCount(), 301);

  // And the CLI counts what was done.
  const std::string path = dir().File("events.jsonl");
  WriteFileOrDie(path, file);
  const CommandResult run = Cli({"events", "import", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, absl::StrCat("imported 0, unchanged 1, skipped 1\n  ",
                                  kBadUtf8LineError, "\n"));
}

TEST_F(BadInputTest, InvalidUtf8DocumentIdInAStreamIsEscapedInItsAnswer) {
  const std::string text = "The full-scale invasion began in February 2022.";
  std::vector<v1::CheckTextResponse> answers;
  ASSERT_TRUE(StreamCheckDocuments(*stub_, {{"doc-\xff", text}, {"next", text}},
                                   "2024-02-14", &answers)
                  .ok());
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].document_id(), "doc-\\xff");
  EXPECT_EQ(answers[0].error_code(),
            static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(answers[0].error(),
            "document_id is not valid UTF-8: bad byte 0xff at byte offset 4");
  EXPECT_EQ(answers[1].document_id(), "next");
  EXPECT_EQ(answers[1].error_code(), 0);
  EXPECT_EQ(answers[1].findings_size(), 1);
}

TEST_F(BadInputTest, EveryMethodAnswersBytesItCannotParseWithInvalidArgument) {
  struct Case {
    std::string method;  // Service/Method
    int string_field;    // A string field of its request, and its name.
    std::string field_name;
  };
  const std::vector<Case> cases = {
      {"FactCheck/CheckText", 3, "document_id"},
      {"FactCheck/ExtractTimex", 1, "text"},
      {"FactCheck/GetSource", 1, "name"},
      {"FactCheck/ListSources", 2, "page_token"},
      {"FactCheck/DeleteSource", 1, "name"},
      {"FactCheck/ListClaims", 4, "filter"},
      {"FactCheck/ListConflicts", 2, "page_token"},
      {"FactCheck/CreateEvent", 2, "event_id"},
      {"FactCheck/GetEvent", 1, "name"},
      {"FactCheck/DeleteEvent", 1, "name"},
      {"FactCheck/ListEvents", 2, "page_token"},
      {"FactCheck/SearchEvents", 1, "query"},
      {"Admin/BackupDatabase", 1, "directory"},
  };
  const auto channel = grpc::CreateChannel(server().address(),
                                           grpc::InsecureChannelCredentials());
  for (const Case& c : cases) {
    const std::string method = "/factcheck.v1." + c.method;
    const std::string type =
        "factcheck.v1." + c.method.substr(c.method.find('/') + 1) + "Request";
    std::string response;
    // Field 1 says 127 bytes follow; two do.
    const grpc::Status garbage = RawUnaryCall(channel, method,
                                              std::string("\x0a\x7f"
                                                          "ab"),
                                              &response);
    EXPECT_EQ(garbage.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << method << ": " << garbage.error_message();
    EXPECT_EQ(garbage.error_message(),
              "the request is not a valid " + type + " message");
    const grpc::Status bad_utf8 = RawUnaryCall(
        channel, method, Field(c.string_field, "x\xc3\x28"), &response);
    EXPECT_EQ(bad_utf8.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << method << ": " << bad_utf8.error_message();
    EXPECT_EQ(
        bad_utf8.error_message(),
        c.field_name + " is not valid UTF-8: bad byte 0xc3 at byte offset 1");
  }
  // The streams too.
  std::vector<std::string> answers;
  const grpc::Status import =
      RawStreamCall(channel, "/factcheck.v1.FactCheck/ImportEvents",
                    {std::string("\x0a\x7f"
                                 "ab")},
                    &answers);
  EXPECT_EQ(import.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(import.error_message(),
            "the request is not a valid factcheck.v1.ImportEventsRequest "
            "message");
  EXPECT_EQ(EventCount(), 300);
}

TEST_F(BadInputTest, LongValuesAreCutWhereErrorsQuoteThem) {
  const std::string a(100000, 'a');
  {
    grpc::ClientContext context;
    v1::ListClaimsRequest request;
    request.set_filter(a);
    v1::ListClaimsResponse response;
    const grpc::Status status = stub_->ListClaims(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              "filter term '" + a.substr(0, 64) +
                  "…' (100000 bytes) is not of the form field = value "
                  "(fields: event, verdict)");
  }
  {
    grpc::ClientContext context;
    v1::GetEventRequest request;
    request.set_name("events/" + a);
    v1::Event response;
    const grpc::Status status = stub_->GetEvent(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              "name 'events/" + a.substr(0, 57) +
                  "…' (100007 bytes) is not a valid resource name: its id is "
                  "100000 bytes, over the limit of 128");
  }
  EXPECT_EQ(Check("text", a).error_message(),
            "published_date '" + a.substr(0, 64) +
                "…' (100000 bytes) is not a valid date (YYYY-MM-DD)");
  // Where a message quotes a value whole (the engine's, about an event
  // id), the server sends its beginning and its end.
  const grpc::Status create = Create(kEvent, a);
  EXPECT_EQ(create.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_LE(create.error_message().size(), 1024u);
  EXPECT_TRUE(absl::StartsWith(create.error_message(), "event id 'aaaa"))
      << create.error_message();
  EXPECT_TRUE(absl::StrContains(create.error_message(), " bytes cut) … "))
      << create.error_message();
  EXPECT_TRUE(absl::EndsWith(create.error_message(),
                             "aaaa' is not valid: use 1 to 128 lower-case "
                             "letters, digits and hyphens"))
      << create.error_message();
  EXPECT_EQ(EventCount(), 300);
}

TEST_F(BadInputTest, UnknownFieldsInAnImportedLineAreABadLine) {
  const std::string line =
      R"({"id":"odd-summit","title":"Odd summit","date":{"value":"2021-03-04"},)"
      R"("colour":"blue","citations":[{"url":"https://example.org/s"}]})";
  v1::ImportEventsResponse last;
  ASSERT_TRUE(Import(line + "\n", false, &last).ok());
  EXPECT_EQ(last.skipped(), 1);
  ASSERT_EQ(last.errors_size(), 1);
  EXPECT_EQ(last.errors(0),
            "line 1: not a valid event: colour: Cannot find field.");
  EXPECT_EQ(EventCount(), 300);
}

TEST_F(BadInputTest, UnknownFieldsInABinaryRequestAreIgnored) {
  // Proto3: a newer client's fields are skipped, so old servers keep
  // answering. Field 15 is not in CheckTextRequest.
  v1::CheckTextRequest request;
  request.set_text("The full-scale invasion began in February 2022.");
  request.set_published_date("2024-02-14");
  request.GetReflection()->MutableUnknownFields(&request)->AddVarint(15, 7);
  grpc::ClientContext context;
  v1::CheckTextResponse response;
  ASSERT_TRUE(stub_->CheckText(&context, request, &response).ok());
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).verdict(), v1::SUPPORTED);
}

}  // namespace
}  // namespace factcheck::testing
