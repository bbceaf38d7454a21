#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "server/grpc_service.h"

namespace factcheck {
namespace {

TEST(StatusMappingTest, KeepsCodeAndMessage) {
  const grpc::Status s =
      ToGrpcStatus(absl::ResourceExhaustedError("text is over the limit"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(s.error_message(), "text is over the limit");
}

TEST(StatusMappingTest, MapsEveryCodeToTheSameNumber) {
  for (int code = 0; code <= 16; ++code) {
    const absl::Status in(static_cast<absl::StatusCode>(code), "m");
    EXPECT_EQ(static_cast<int>(ToGrpcStatus(in).error_code()), code);
  }
}

TEST(StatusMappingTest, SendsMessagesAsValidUtf8OfBoundedSize) {
  const grpc::Status bad =
      ToGrpcStatus(absl::InvalidArgumentError("event 'bad-\xff' is not valid"));
  EXPECT_EQ(bad.error_message(), "event 'bad-\\xff' is not valid");
  const grpc::Status long_one = ToGrpcStatus(absl::InvalidArgumentError(
      "event id '" + std::string(100000, 'a') + "' is not valid"));
  EXPECT_LE(long_one.error_message().size(), 1024u);
}

TEST(StatusMappingTest, OkIsOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

}  // namespace
}  // namespace factcheck
