// Specification of the store's key layout: order, prefixes and page tokens.
#include "storage/keys.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck::keys {
namespace {

TEST(KeysTest, ClaimKeysSortInNumericClaimOrder) {
  EXPECT_LT(ClaimKey("a", 2), ClaimKey("a", 10));
  EXPECT_LT(ClaimKey("a", 255), ClaimKey("a", 256));
  EXPECT_LT(ClaimKey("a", 65535), ClaimKey("a", 65536));
}

TEST(KeysTest, ClaimsOfAnIdSortBeforeThoseOfALongerId) {
  EXPECT_LT(ClaimKey("a", 0xffffffff), ClaimKey("a-b", 1));
  EXPECT_LT(ClaimKey("a", 0xffffffff), ClaimKey("ab", 1));
}

TEST(KeysTest, ClaimPrefixDoesNotMatchALongerId) {
  const std::string prefix = ClaimPrefix("a");
  EXPECT_EQ(ClaimKey("a", 7).rfind(prefix, 0), 0u);
  EXPECT_NE(ClaimKey("ab", 7).rfind(prefix, 0), 0u);
}

TEST(KeysTest, ClaimKeyIsIdNulAndBigEndianNumber) {
  EXPECT_EQ(ClaimKey("s", 0x01020304), std::string("s\0\x01\x02\x03\x04", 6));
  EXPECT_TRUE(IsClaimKey(ClaimKey("s", 1)));
  EXPECT_FALSE(IsClaimKey("s"));
  EXPECT_FALSE(IsClaimKey(std::string("\0\0\0\0\x01", 5)));
}

TEST(KeysTest, IndexKeyIsEventPrefixFollowedByClaimKey) {
  const std::string claim = ClaimKey("s", 3);
  const std::string index = ClaimsByEventKey("e", claim);
  EXPECT_EQ(index, ClaimsByEventPrefix("e") + claim);
  EXPECT_TRUE(IsClaimsByEventKey(index));
  EXPECT_FALSE(IsClaimsByEventKey(claim));
}

TEST(KeysTest, ClaimNameIsAResourceName) {
  EXPECT_EQ(ClaimName("kyiv", 12), "sources/kyiv/claims/12");
}

TEST(KeysTest, IdFromNameRequiresPrefixAndNonEmptyId) {
  EXPECT_EQ(IdFromName("sources/abc", kSourceNamePrefix), "abc");
  EXPECT_FALSE(IdFromName("sources/", kSourceNamePrefix).has_value());
  EXPECT_FALSE(IdFromName("events/abc", kSourceNamePrefix).has_value());
}

TEST(KeysTest, ValidateIdRejectsEmptyAndNul) {
  EXPECT_TRUE(ValidateId("source", "a-1").ok());
  EXPECT_EQ(ValidateId("source", "").message(), "source id is empty");
  EXPECT_EQ(ValidateId("event", std::string("a\0b", 3)).message(),
            "event id 'a\\x00\\x62' contains a NUL byte");
}

TEST(KeysTest, PageTokenRoundTripsForItsOwnListingOnly) {
  const std::string key = ClaimKey("a", 5);
  const std::string token = EncodePageToken(Listing::kClaims, key);
  absl::StatusOr<std::string> decoded =
      DecodePageToken(token, Listing::kClaims, ClaimPrefix("a"));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, key);
  EXPECT_FALSE(DecodePageToken(token, Listing::kSources, "").ok());
  EXPECT_FALSE(DecodePageToken(token, Listing::kClaims, ClaimPrefix("b")).ok());
}

TEST(KeysTest, EmptyPageTokenMeansFirstPage) {
  absl::StatusOr<std::string> decoded =
      DecodePageToken("", Listing::kSources, "");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, "");
}

}  // namespace
}  // namespace factcheck::keys
