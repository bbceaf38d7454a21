#include "client/json_output.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

TEST(CheckResultToJsonLineTest, SplicesFileBeforeTheResponseFields) {
  v1::CheckTextResponse response;
  response.set_document_id("a.txt");
  response.set_contradicted_count(1);
  const absl::StatusOr<std::string> json =
      CheckResultToJsonLine("dir/a \"1\".txt", response);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\"file\":\"dir/a \\\"1\\\".txt\",\"document_id\":\"a.txt\","
            "\"findings\":[],\"time_expressions\":[],\"contradicted_count\":1,"
            "\"error\":\"\",\"error_code\":0,\"claim_reviews\":[]}");
}

TEST(MessageToJsonLineTest, KeepsProtoFieldNamesAndDefaults) {
  v1::ImportEventsResponse response;
  response.set_imported(3);
  response.add_errors("line 2: missing title");
  const absl::StatusOr<std::string> json = MessageToJsonLine(response);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\"imported\":3,\"unchanged\":0,\"skipped\":0,"
            "\"errors\":[\"line 2: missing title\"],\"ignored\":0,"
            "\"done\":false}");
}

TEST(JsonQuoteTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonQuote("a\"b\\c\nd\x01é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
}

TEST(ClaimReviewsToJsonLineTest, OneArrayPerDocument) {
  v1::CheckTextResponse response;
  EXPECT_EQ(ClaimReviewsToJsonLine(response), "[]");
  response.add_claim_reviews(R"({"@type":"ClaimReview","n":1})");
  EXPECT_EQ(ClaimReviewsToJsonLine(response),
            R"([{"@type":"ClaimReview","n":1}])");
  response.add_claim_reviews(R"({"@type":"ClaimReview","n":2})");
  EXPECT_EQ(ClaimReviewsToJsonLine(response),
            R"([{"@type":"ClaimReview","n":1},{"@type":"ClaimReview","n":2}])");
}

}  // namespace
}  // namespace factcheck::client
