// The parts of the commands that need no server: names and filters.
#include "client/commands.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

TEST(ResourceNameTest, AcceptsBareIdsAndResourceNames) {
  EXPECT_EQ(ResourceName("sources", "ab12"), "sources/ab12");
  EXPECT_EQ(ResourceName("sources", "sources/ab12"), "sources/ab12");
  EXPECT_EQ(ResourceName("events", "sources/ab12"), "events/sources/ab12");
}

TEST(ClaimFilterExpressionTest, JoinsTermsWithAnd) {
  EXPECT_EQ(*ClaimFilterExpression({}), "");
  ClaimFilter filter;
  filter.event = "full-scale-invasion";
  filter.verdict = "contradicted";
  EXPECT_EQ(*ClaimFilterExpression(filter),
            "event = \"events/full-scale-invasion\" AND verdict = "
            "CONTRADICTED");
}

TEST(ClaimFilterExpressionTest, RejectsUnknownVerdicts) {
  ClaimFilter filter;
  filter.verdict = "WRONG";
  EXPECT_EQ(ClaimFilterExpression(filter).status().code(),
            absl::StatusCode::kInvalidArgument);
  filter.verdict = "VERDICT_UNSPECIFIED";
  EXPECT_FALSE(ClaimFilterExpression(filter).ok());
}

}  // namespace
}  // namespace factcheck::client
