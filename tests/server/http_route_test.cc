// Path templates as google.api.http writes them, matched against paths.
#include "server/http_route.h"

#include "gtest/gtest.h"

namespace factcheck {
namespace {

using Bindings = std::vector<PathBinding>;

PathTemplate ParseOrDie(absl::string_view text) {
  absl::StatusOr<PathTemplate> parsed = PathTemplate::Parse(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return *std::move(parsed);
}

TEST(PathTemplateTest, LiteralPathWithACustomVerbMatchesItselfOnly) {
  const PathTemplate check = ParseOrDie("/v1:checkText");
  EXPECT_EQ(check.Match("/v1:checkText"), Bindings{});
  EXPECT_EQ(check.Match("/v1:checktext"), std::nullopt);
  EXPECT_EQ(check.Match("/v1:checkText/"), std::nullopt);
  EXPECT_EQ(check.Match("/v1"), std::nullopt);
}

TEST(PathTemplateTest, VariableBindsItsSegmentsJoinedBySlashes) {
  const PathTemplate get = ParseOrDie("/v1/{name=events/*}");
  EXPECT_EQ(get.Match("/v1/events/kakhovka-dam-destruction"),
            (Bindings{{"name", "events/kakhovka-dam-destruction"}}));
  EXPECT_EQ(get.Match("/v1/events"), std::nullopt);
  EXPECT_EQ(get.Match("/v1/events/"), std::nullopt);  // "*" is not empty.
  EXPECT_EQ(get.Match("/v1/sources/x"), std::nullopt);
  EXPECT_EQ(get.Match("/v1/events/a/b"), std::nullopt);
  // A custom method of the collection is not an event called "events:search".
  EXPECT_EQ(get.Match("/v1/events:search"), std::nullopt);
}

TEST(PathTemplateTest, VariableInTheMiddleBindsAndTheRestMustMatch) {
  const PathTemplate claims = ParseOrDie("/v1/{parent=sources/*}/claims");
  EXPECT_EQ(claims.Match("/v1/sources/-/claims"),
            (Bindings{{"parent", "sources/-"}}));
  EXPECT_EQ(claims.Match("/v1/sources/b4806098d30070bb/claims"),
            (Bindings{{"parent", "sources/b4806098d30070bb"}}));
  EXPECT_EQ(claims.Match("/v1/sources/-/claim"), std::nullopt);
}

TEST(PathTemplateTest, MalformedTemplatesAreRefusedNamingThem) {
  for (const char* bad :
       {"v1:checkText", "/v1//x", "/v1/{name=events/*", "/v1/{name}",
        "/v1/{=events/*}", "/v1/{name=**}", "/v1/x}"}) {
    absl::StatusOr<PathTemplate> parsed = PathTemplate::Parse(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().substr(0, 16 + strlen(bad)),
              std::string("path template '") + bad + "'")
        << parsed.status();
  }
}

}  // namespace
}  // namespace factcheck
