// Statuses as the HTTP edge answers them: the HTTP code of each gRPC code
// and the google.rpc.Status JSON body.
#include "server/http_status.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(HttpStatusTest, EachCodeGetsTheHttpStatusGoogleApisGiveIt) {
  const std::pair<absl::StatusCode, int> expected[] = {
      {absl::StatusCode::kOk, 200},
      {absl::StatusCode::kCancelled, 499},
      {absl::StatusCode::kUnknown, 500},
      {absl::StatusCode::kInvalidArgument, 400},
      {absl::StatusCode::kDeadlineExceeded, 504},
      {absl::StatusCode::kNotFound, 404},
      {absl::StatusCode::kAlreadyExists, 409},
      {absl::StatusCode::kPermissionDenied, 403},
      {absl::StatusCode::kResourceExhausted, 429},
      {absl::StatusCode::kFailedPrecondition, 400},
      {absl::StatusCode::kAborted, 409},
      {absl::StatusCode::kOutOfRange, 400},
      {absl::StatusCode::kUnimplemented, 501},
      {absl::StatusCode::kInternal, 500},
      {absl::StatusCode::kUnavailable, 503},
      {absl::StatusCode::kDataLoss, 500},
      {absl::StatusCode::kUnauthenticated, 401},
  };
  for (const auto& [code, http] : expected) {
    EXPECT_EQ(HttpStatusCode(code), http) << absl::StatusCodeToString(code);
  }
}

TEST(HttpStatusTest, BodyIsGoogleRpcStatusJsonWithTheMessageEscaped) {
  EXPECT_EQ(StatusJson(absl::InvalidArgumentError(
                "published_date '2024-02-30' is not a valid date \"x\"\n")),
            R"({"code":3,"message":"published_date '2024-02-30' is not a )"
            R"(valid date \"x\"\n","details":[]})");
}

TEST(HttpStatusTest, MessageIsMadeValidUtf8AndBounded) {
  EXPECT_EQ(StatusJson(absl::NotFoundError("no \xff")),
            R"({"code":5,"message":"no \\xff","details":[]})");
  const std::string json =
      StatusJson(absl::InvalidArgumentError(std::string(100000, 'a')));
  EXPECT_LT(json.size(), 1100u);
}

}  // namespace
}  // namespace factcheck
