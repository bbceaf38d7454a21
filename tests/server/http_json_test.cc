// Requests read from JSON bodies and URLs, and answers written as JSON, as
// the HTTP edge does.
#include "server/http_json.h"

#include <string>

#include "factcheck/v1/fact_check_service.pb.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(HttpJsonTest, BodyTakesProtoAndCamelCaseNames) {
  v1::CheckTextRequest request;
  ASSERT_TRUE(ParseJsonBody(R"({"text":"Kyiv","publishedDate":"2024-02-14",)"
                            R"("include_unverifiable":true})",
                            &request)
                  .ok());
  EXPECT_EQ(request.text(), "Kyiv");
  EXPECT_EQ(request.published_date(), "2024-02-14");
  EXPECT_TRUE(request.include_unverifiable());
  v1::CheckTextRequest empty;
  EXPECT_TRUE(ParseJsonBody(" \n", &empty).ok());
  EXPECT_EQ(empty.ByteSizeLong(), 0u);
}

TEST(HttpJsonTest, BadBodiesAreInvalidArgumentNamingTheTypeAndTheProblem) {
  v1::CheckTextRequest request;
  const absl::Status unknown = ParseJsonBody(R"({"txt":"Kyiv"})", &request);
  EXPECT_EQ(unknown.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.message(),
            "the request body is not a valid factcheck.v1.CheckTextRequest "
            "in JSON: txt: Cannot find field.");
  const absl::Status bad_utf8 =
      ParseJsonBody("{\"text\":\"Kyiv \xc3\x28\"}", &request);
  EXPECT_EQ(bad_utf8.message(),
            "the request body is not valid UTF-8: bad byte 0xc3 at byte "
            "offset 14");
  const absl::Status deep = ParseJsonBody(
      R"({"text":)" + std::string(40, '[') + std::string(40, ']') + "}",
      &request);
  EXPECT_EQ(deep.message(),
            "the request body is not a valid factcheck.v1.CheckTextRequest "
            "in JSON: arrays and objects nested 41 deep, over the limit of "
            "32");
}

TEST(HttpJsonTest, UrlFieldsAreReadAsTheirTypes) {
  v1::ListClaimsRequest request;
  ASSERT_TRUE(SetUrlFields({{"parent", "sources/-"},
                            {"pageSize", "20"},
                            {"filter", "verdict = CONTRADICTED"}},
                           &request)
                  .ok());
  EXPECT_EQ(request.parent(), "sources/-");
  EXPECT_EQ(request.page_size(), 20);
  EXPECT_EQ(request.filter(), "verdict = CONTRADICTED");
  v1::CheckTextRequest check;
  ASSERT_TRUE(SetUrlFields({{"include_unverifiable", "true"}}, &check).ok());
  EXPECT_TRUE(check.include_unverifiable());
}

TEST(HttpJsonTest, BadUrlFieldsAreInvalidArgumentNamingTheParameter) {
  v1::ListEventsRequest request;
  EXPECT_EQ(SetUrlFields({{"size", "2"}}, &request).message(),
            "unknown parameter 'size' for factcheck.v1.ListEventsRequest");
  EXPECT_EQ(SetUrlFields({{"page_size", "two"}}, &request).message(),
            "parameter page_size is 'two', not an integer");
  v1::CheckTextRequest check;
  EXPECT_EQ(SetUrlFields({{"include_unverifiable", "yes"}}, &check).message(),
            "parameter include_unverifiable is 'yes', not true or false");
  v1::IngestSourceRequest ingest;
  EXPECT_EQ(SetUrlFields({{"source", "x"}}, &ingest).message(),
            "parameter source names a field that a URL cannot set; send it "
            "in the request body");
}

TEST(HttpJsonTest, AnswersWriteDefaultValuesSoThatJavaScriptSeesThem) {
  v1::CheckTextResponse response;
  response.add_findings()->mutable_claim()->mutable_span()->set_utf16_end(4);
  absl::StatusOr<std::string> json = ToJson(response);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_NE(json->find(R"("utf16Begin":0,"utf16End":4)"), std::string::npos)
      << *json;
  EXPECT_NE(json->find(R"("contradictedCount":0)"), std::string::npos) << *json;
  EXPECT_NE(json->find(R"("verdict":"VERDICT_UNSPECIFIED")"), std::string::npos)
      << *json;
}

}  // namespace
}  // namespace factcheck
