// Which origins may call the HTTP API from a browser.
#include "server/cors_policy.h"

#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(CorsPolicyTest, ListedOriginsAndTheServersOwnAreAllowed) {
  absl::StatusOr<CorsPolicy> policy =
      CorsPolicy::Parse("https://cms.example.org, http://localhost:3000");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origins(),
            (std::vector<std::string>{"https://cms.example.org",
                                      "http://localhost:3000"}));
  const char own[] = "http://127.0.0.1:50052";
  EXPECT_TRUE(policy->Allows("https://cms.example.org", own));
  EXPECT_TRUE(policy->Allows("HTTPS://CMS.example.org", own));
  EXPECT_TRUE(policy->Allows("http://localhost:3000", own));
  EXPECT_TRUE(policy->Allows(own, own));
  EXPECT_FALSE(policy->Lists(own));
  EXPECT_FALSE(policy->Allows("https://evil.example", own));
  EXPECT_FALSE(policy->Allows("http://cms.example.org", own));
  EXPECT_FALSE(policy->Allows("https://cms.example.org:8443", own));
  EXPECT_FALSE(policy->Allows("null", own));
}

TEST(CorsPolicyTest, NoOriginsListedAllowsOnlyTheServersOwn) {
  absl::StatusOr<CorsPolicy> policy = CorsPolicy::Parse("");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_TRUE(policy->origins().empty());
  EXPECT_FALSE(policy->Allows("https://cms.example.org", "http://h:1"));
  EXPECT_TRUE(policy->Allows("http://h:1", "http://h:1"));
}

TEST(CorsPolicyTest, EntriesThatAreNoOriginAreRefusedNamingThem) {
  for (const char* bad :
       {"*", "cms.example.org", "https://cms.example.org/",
        "https://cms.example.org/editor", "ftp://x", "https://"}) {
    absl::StatusOr<CorsPolicy> policy = CorsPolicy::Parse(bad);
    ASSERT_FALSE(policy.ok()) << bad;
    EXPECT_EQ(policy.status().message(),
              std::string("--http_cors_origins: '") + bad +
                  "' is not an origin: write scheme://host[:port], as a "
                  "browser sends it (https://cms.example.org), without a "
                  "path");
  }
}

}  // namespace
}  // namespace factcheck
