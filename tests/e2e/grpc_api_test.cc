// The gRPC API of the real server: status codes for bad input, limits,
// StreamCheck ordering, events CRUD, health checking.
#include <algorithm>
#include <string>
#include <vector>

#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/raw_call.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

class GrpcApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    stub_ = Stub();
  }

  grpc::Status Check(const std::string& text, const std::string& date,
                     v1::CheckTextResponse* response) {
    return CheckText(*stub_, text, date, response);
  }

  std::unique_ptr<v1::FactCheck::Stub> stub_;
};

// With no call in progress, SIGTERM stops the server at once even while a
// client holds an idle connection: were it to wait out its (here very long)
// grace period, the test would hit ctest's timeout.
TEST_F(GrpcApiTest, StopsWithoutWaitingForIdleClientConnections) {
  StopServer();
  StartServer({"--shutdown_grace_seconds=100000"});
  stub_ = Stub();
  v1::CheckTextResponse response;
  ASSERT_TRUE(
      Check("The full-scale invasion began in 2022.", "2024-01-01", &response)
          .ok());
  StopServer();
}

TEST_F(GrpcApiTest, EmptyTextIsInvalidArgument) {
  v1::CheckTextResponse response;
  const grpc::Status status = Check("", "2024-02-14", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "text is empty");
}

TEST_F(GrpcApiTest, TextOverTheLimitIsResourceExhaustedNamingTheLimit) {
  StopServer();
  StartServer({"--max_text_bytes=1000"});
  stub_ = Stub();
  v1::CheckTextResponse response;
  const grpc::Status status =
      Check(std::string(1001, 'a'), "2024-02-14", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "text is 1001 bytes, over the limit of 1000 bytes "
            "(--max_text_bytes)");
}

TEST_F(GrpcApiTest, InvalidUtf8IsInvalidArgumentNamingTheOffset) {
  v1::CheckTextResponse response;
  const grpc::Status status = Check("abc\xff def", "2024-02-14", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "text is not valid UTF-8: bad byte 0xff at byte offset 3");
}

TEST_F(GrpcApiTest, InvalidUtf8InAnIngestedSourceNamesTheField) {
  grpc::ClientContext context;
  v1::IngestSourceRequest request;
  request.mutable_source()->set_url("https://example.org/a");
  request.mutable_source()->set_published_date("2024-02-14");
  request.mutable_source()->set_text("Good start, then \xC3\x28 bad.");
  v1::IngestSourceResponse response;
  const grpc::Status status = stub_->IngestSource(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "source.text is not valid UTF-8: bad byte 0xc3 at byte offset 17");
  grpc::ClientContext list_context;
  v1::ListSourcesResponse sources;
  ASSERT_TRUE(stub_->ListSources(&list_context, {}, &sources).ok());
  EXPECT_EQ(sources.sources_size(), 0);
}

TEST_F(GrpcApiTest, MalformedPublishedDateIsInvalidArgument) {
  v1::CheckTextResponse response;
  for (const std::string date : {"2024-02-30", "14/02/2024", "2024-2-14"}) {
    const grpc::Status status = Check("Some text.", date, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << date;
    EXPECT_EQ(status.error_message(),
              "published_date '" + date + "' is not a valid date (YYYY-MM-DD)");
  }
  const grpc::Status missing = Check("Some text.", "", &response);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcApiTest, ExtractTimexReturnsTheSeedArticleTimeExpressions) {
  grpc::ClientContext context;
  v1::ExtractTimexRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  v1::ExtractTimexResponse response;
  const grpc::Status status = stub_->ExtractTimex(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  const auto find = [&](const std::string& text) -> const v1::TimeExpression* {
    for (const v1::TimeExpression& t : response.time_expressions()) {
      if (t.text() == text) return &t;
    }
    return nullptr;
  };
  const v1::TimeExpression* invasion = find("February 2024");
  ASSERT_NE(invasion, nullptr) << response.DebugString();
  EXPECT_EQ(invasion->type(), "DATE");
  EXPECT_EQ(invasion->value(), "2024-02");
  EXPECT_EQ(invasion->span().begin(), 403u);
  EXPECT_EQ(invasion->span().end(), 416u);
  EXPECT_EQ(invasion->span().utf16_begin(), 400u);
  EXPECT_EQ(invasion->span().line(), 3u);

  const v1::TimeExpression* artillery = find("18 January");
  ASSERT_NE(artillery, nullptr) << response.DebugString();
  EXPECT_EQ(artillery->type(), "DATE");
  EXPECT_EQ(artillery->value(), "2024-01-18");
  EXPECT_EQ(artillery->span().begin(), 645u);
  EXPECT_EQ(artillery->span().end(), 655u);
}

TEST_F(GrpcApiTest, ExtractTimexNamesTheFieldOfInvalidUtf8) {
  grpc::ClientContext context;
  v1::ExtractTimexRequest request;
  request.set_text("On 14 February \xC3\x28 they met.");
  request.set_published_date("2024-02-14");
  v1::ExtractTimexResponse response;
  const grpc::Status status = stub_->ExtractTimex(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "text is not valid UTF-8: bad byte 0xc3 at byte offset 15");
}

TEST_F(GrpcApiTest, UnknownEventIsNotFound) {
  grpc::ClientContext context;
  v1::GetEventRequest request;
  request.set_name("events/no-such-event");
  v1::Event event;
  const grpc::Status status = stub_->GetEvent(&context, request, &event);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("no-such-event"), std::string::npos);
}

TEST_F(GrpcApiTest, MalformedResourceNameIsInvalidArgument) {
  grpc::ClientContext context;
  v1::GetSourceRequest request;
  request.set_name("full-scale-invasion");
  v1::Source source;
  const grpc::Status status = stub_->GetSource(&context, request, &source);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "name 'full-scale-invasion' is not a valid resource name: "
            "expected sources/{id}");
}

TEST_F(GrpcApiTest, PageSizeOverTheLimitIsInvalidArgument) {
  grpc::ClientContext context;
  v1::ListEventsRequest request;
  request.set_page_size(5000);
  v1::ListEventsResponse response;
  const grpc::Status status = stub_->ListEvents(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "page_size 5000 exceeds the limit of 1000 (--max_page_size)");
}

TEST_F(GrpcApiTest, ListEventsPagesThroughTheBundledSet) {
  std::vector<std::string> names;
  std::string token;
  do {
    grpc::ClientContext context;
    v1::ListEventsRequest request;
    request.set_page_size(7);
    request.set_page_token(token);
    v1::ListEventsResponse response;
    ASSERT_TRUE(stub_->ListEvents(&context, request, &response).ok());
    ASSERT_LE(response.events_size(), 7);
    for (const v1::Event& e : response.events()) names.push_back(e.name());
    token = response.next_page_token();
  } while (!token.empty());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "events/full-scale-invasion"),
            names.end());
  EXPECT_GE(names.size(), 10u);
}

TEST_F(GrpcApiTest, StreamCheckAnswersInOrderAndReportsBadDocumentsInline) {
  grpc::ClientContext context;
  auto stream = stub_->StreamCheck(&context);
  const std::vector<std::pair<std::string, std::string>> documents = {
      {"a", "The full-scale invasion began in February 2024."},
      {"b", ""},
      {"c", "The full-scale invasion began in February 2022."}};
  for (const auto& [id, text] : documents) {
    v1::CheckTextRequest request;
    request.set_document_id(id);
    request.set_text(text);
    request.set_published_date("2024-03-01");
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::vector<v1::CheckTextResponse> responses;
  v1::CheckTextResponse response;
  while (stream->Read(&response)) responses.push_back(response);
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].document_id(), "a");
  EXPECT_EQ(responses[0].contradicted_count(), 1);
  EXPECT_EQ(responses[1].document_id(), "b");
  EXPECT_EQ(responses[1].error(), "text is empty");
  EXPECT_EQ(responses[1].error_code(),
            static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(responses[2].document_id(), "c");
  EXPECT_EQ(responses[2].contradicted_count(), 0);
  EXPECT_EQ(responses[2].findings_size(), 1);
}

TEST_F(GrpcApiTest, EventLifecycleChangesWhatChecksSee) {
  const std::string text = "The Test Summit was held on 3 March 2021.";
  v1::CheckTextResponse before;
  ASSERT_TRUE(Check(text, "2024-01-01", &before).ok());
  EXPECT_EQ(before.findings_size(), 0);

  v1::CreateEventRequest create;
  create.set_event_id("test-summit");
  create.mutable_event()->set_title("Test Summit");
  create.mutable_event()->mutable_date()->set_value("2021-03-04");
  create.mutable_event()->add_citations()->set_url("https://example.org/s");
  v1::Event created;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->CreateEvent(&context, create, &created).ok());
  }
  EXPECT_EQ(created.name(), "events/test-summit");
  EXPECT_EQ(created.date().granularity(), v1::DAY);
  {
    grpc::ClientContext context;
    v1::Event duplicate;
    EXPECT_EQ(stub_->CreateEvent(&context, create, &duplicate).error_code(),
              grpc::StatusCode::ALREADY_EXISTS);
  }
  v1::CheckTextResponse contradicted;
  ASSERT_TRUE(Check(text, "2024-01-01", &contradicted).ok());
  ASSERT_EQ(contradicted.findings_size(), 1);
  EXPECT_EQ(contradicted.findings(0).verdict(), v1::CONTRADICTED);
  EXPECT_EQ(contradicted.findings(0).suggestion(), "4 March 2021");

  v1::UpdateEventRequest update;
  update.mutable_event()->set_name("events/test-summit");
  update.mutable_event()->mutable_date()->set_value("2021-03-03");
  update.mutable_update_mask()->add_paths("date");
  {
    grpc::ClientContext context;
    v1::Event updated;
    ASSERT_TRUE(stub_->UpdateEvent(&context, update, &updated).ok());
    EXPECT_EQ(updated.title(), "Test Summit");
    EXPECT_EQ(updated.date().value(), "2021-03-03");
  }
  v1::CheckTextResponse supported;
  ASSERT_TRUE(Check(text, "2024-01-01", &supported).ok());
  ASSERT_EQ(supported.findings_size(), 1);
  EXPECT_EQ(supported.findings(0).verdict(), v1::SUPPORTED);

  {
    grpc::ClientContext context;
    v1::DeleteEventRequest del;
    del.set_name("events/test-summit");
    google::protobuf::Empty empty;
    ASSERT_TRUE(stub_->DeleteEvent(&context, del, &empty).ok());
  }
  v1::CheckTextResponse after;
  ASSERT_TRUE(Check(text, "2024-01-01", &after).ok());
  EXPECT_EQ(after.findings_size(), 0);
}

TEST_F(GrpcApiTest, SearchEventsFindsTheSeriesMemberByOrdinalAndName) {
  grpc::ClientContext context;
  v1::SearchEventsRequest request;
  request.set_query("19th Ukraine Defence Contact Group meeting");
  request.set_page_size(3);
  v1::SearchEventsResponse response;
  ASSERT_TRUE(stub_->SearchEvents(&context, request, &response).ok());
  ASSERT_GE(response.results_size(), 1);
  EXPECT_EQ(response.results(0).event().name(), "events/udcg-meeting-19");
  EXPECT_EQ(response.results(0).event().date().value(), "2024-02-14");
  EXPECT_FLOAT_EQ(response.results(0).score(), 1.0f);
  EXPECT_LE(response.results_size(), 3);

  grpc::ClientContext empty_context;
  request.set_query("  ");
  const grpc::Status empty =
      stub_->SearchEvents(&empty_context, request, &response);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(empty.error_message(), "query is required");
}

TEST_F(GrpcApiTest, InvalidEventIsRefusedAndNothingIsStored) {
  v1::CreateEventRequest create;
  create.set_event_id("Bad Id");
  create.mutable_event()->set_title("Bad");
  create.mutable_event()->mutable_date()->set_value("2021-03-04");
  create.mutable_event()->add_citations()->set_url("https://example.org/s");
  grpc::ClientContext context;
  v1::Event created;
  const grpc::Status status = stub_->CreateEvent(&context, create, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("'Bad Id' is not valid"),
            std::string::npos)
      << status.error_message();
}

TEST_F(GrpcApiTest, HealthServiceReportsServing) {
  std::string response;
  // An empty HealthCheckRequest asks about the server as a whole.
  const grpc::Status status =
      RawUnaryCall(grpc::CreateChannel(server().address(),
                                       grpc::InsecureChannelCredentials()),
                   "/grpc.health.v1.Health/Check", "", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  // Field 1 (status), varint 1 (SERVING).
  EXPECT_EQ(response, std::string("\x08\x01", 2));
}

TEST_F(GrpcApiTest, ListConflictsShowsSourcesThatDateAnEventDifferently) {
  // A series without a date: the reference cannot decide between sources.
  v1::CreateEventRequest create;
  create.set_event_id("zorya-summit");
  create.mutable_event()->set_title("Zorya summit");
  create.mutable_event()->set_type("series");
  create.mutable_event()->add_citations()->set_url("https://example.org/z");
  {
    grpc::ClientContext context;
    v1::Event created;
    ASSERT_TRUE(stub_->CreateEvent(&context, create, &created).ok());
  }
  auto ingest = [&](const std::string& url, const std::string& text) {
    v1::IngestSourceRequest request;
    request.mutable_source()->set_url(url);
    request.mutable_source()->set_published_date("2023-07-01");
    request.mutable_source()->set_text(text);
    v1::IngestSourceResponse response;
    grpc::ClientContext context;
    const grpc::Status status =
        stub_->IngestSource(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  };
  const v1::IngestSourceResponse a =
      ingest("https://a.example/z", "The Zorya summit opened on 23 June 2023.");
  const v1::IngestSourceResponse b =
      ingest("https://b.example/z", "The Zorya summit opened on 24 June 2023.");
  const v1::IngestSourceResponse c_response =
      ingest("https://c.example/z", "The Zorya summit opened in June 2023.");
  const std::string a_name = a.source().name();
  const std::string b_name = b.source().name();
  const std::string c_name = c_response.source().name();
  // "June 2023" agrees with both; it contradicts no one.
  EXPECT_EQ(c_response.findings_size(), 1);
  ASSERT_EQ(b.findings_size(), 2);
  EXPECT_EQ(b.findings(1).kind(), v1::ACROSS_SOURCES);
  ASSERT_EQ(b.findings(1).related_sources_size(), 1);
  EXPECT_EQ(b.findings(1).related_sources(0), a_name);
  EXPECT_EQ(b.findings(1).explanation(),
            "Another stored source (" + a_name +
                ") dates Zorya summit to 23 June 2023; this text says 24 June "
                "2023.");

  v1::ListConflictsResponse conflicts;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(
        stub_->ListConflicts(&context, v1::ListConflictsRequest(), &conflicts)
            .ok());
  }
  ASSERT_EQ(conflicts.conflicts_size(), 1) << conflicts.DebugString();
  const v1::EventConflict& c = conflicts.conflicts(0);
  EXPECT_EQ(c.event(), "events/zorya-summit");
  EXPECT_EQ(c.event_title(), "Zorya summit");
  ASSERT_EQ(c.sides_size(), 2);
  // "June 2023" agrees with both days and joins the earlier.
  EXPECT_EQ(c.sides(0).claimed_date().value(), "2023-06-23");
  const std::vector<std::string> first_sources = {std::min(a_name, c_name),
                                                  std::max(a_name, c_name)};
  EXPECT_EQ(std::vector<std::string>(c.sides(0).sources().begin(),
                                     c.sides(0).sources().end()),
            first_sources);
  const std::vector<std::string> first_claims = {
      first_sources[0] + "/claims/1", first_sources[1] + "/claims/1"};
  EXPECT_EQ(std::vector<std::string>(c.sides(0).claims().begin(),
                                     c.sides(0).claims().end()),
            first_claims);
  EXPECT_EQ(c.sides(1).claimed_date().value(), "2023-06-24");
  ASSERT_EQ(c.sides(1).sources_size(), 1);
  EXPECT_EQ(c.sides(1).sources(0), b_name);
  ASSERT_EQ(c.sides(1).claims_size(), 1);
  EXPECT_EQ(c.sides(1).claims(0), b_name + "/claims/1");
  EXPECT_TRUE(conflicts.next_page_token().empty());

  v1::ListConflictsRequest bad;
  bad.set_page_token("nonsense");
  grpc::ClientContext context;
  EXPECT_EQ(stub_->ListConflicts(&context, bad, &conflicts).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcApiTest, ReflectionListsTheService) {
  std::string response;
  // ServerReflectionRequest{list_services: "*"}: field 7, length 1.
  const grpc::Status status = RawUnaryCall(
      grpc::CreateChannel(server().address(),
                          grpc::InsecureChannelCredentials()),
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      std::string("\x3a\x01*", 3), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_NE(response.find("factcheck.v1.FactCheck"), std::string::npos);
  EXPECT_NE(response.find("grpc.health.v1.Health"), std::string::npos);
}

}  // namespace
}  // namespace factcheck::testing
