// The ClaimReview JSON-LD of a contradicted finding, byte for byte.
#include "server/claim_review.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

v1::Finding InvasionFinding() {
  v1::Finding finding;
  finding.mutable_claim()->set_sentence(
      "The war began with the full-scale invasion in February 2024.");
  finding.set_verdict(v1::CONTRADICTED);
  finding.set_explanation(
      "The full-scale invasion began on 24 February 2022; the text says "
      "February 2024.");
  finding.set_suggestion("February 2022");
  finding.add_citations()->set_url(
      "https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine");
  return finding;
}

TEST(ClaimReviewTest, WritesEveryPropertyOnOneLine) {
  const std::string json = ClaimReviewJsonLd(
      InvasionFinding(),
      {.source_url = "https://example.org/news?id=1",
       .published_date = "2024-02-14",
       .review_date = "2024-03-01",
       .author = {.name = "Desk", .url = "https://desk.example"}});
  EXPECT_EQ(
      json,
      R"({"@context":"https://schema.org","@type":"ClaimReview",)"
      R"("claimReviewed":"The war began with the full-scale invasion in )"
      R"(February 2024.",)"
      R"("reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,)"
      R"("worstRating":1,"alternateName":"False"},)"
      R"("itemReviewed":{"@type":"Claim","appearance":{"@type":"CreativeWork",)"
      R"("url":"https://example.org/news?id=1","datePublished":"2024-02-14"}},)"
      R"("author":{"@type":"Organization","name":"Desk",)"
      R"("url":"https://desk.example"},)"
      R"("datePublished":"2024-03-01",)"
      R"("reviewBody":"The full-scale invasion began on 24 February 2022; )"
      R"(the text says February 2024. Suggested correction: February 2022.",)"
      R"("citation":["https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine"]})");
}

TEST(ClaimReviewTest, LeavesOutWhatIsNotKnownAndEscapesForScriptElements) {
  v1::Finding finding = InvasionFinding();
  finding.mutable_claim()->set_sentence("He said \"</script>\" in 2024.");
  finding.clear_citations();
  finding.clear_suggestion();
  const std::string json =
      ClaimReviewJsonLd(finding, {.source_url = "",
                                  .published_date = "2024-02-14",
                                  .review_date = "2024-03-01",
                                  .author = ClaimReviewAuthor{}});
  EXPECT_NE(
      json.find(R"("claimReviewed":"He said \"\u003c/script>\" in 2024.")"),
      std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("appearance":{"@type":"CreativeWork",)"
                      R"("datePublished":"2024-02-14"}})"),
            std::string::npos)
      << json;
  EXPECT_NE(
      json.find(R"("author":{"@type":"Organization","name":"factcheck"},)"),
      std::string::npos)
      << json;
  EXPECT_EQ(json.find("citation"), std::string::npos) << json;
  EXPECT_EQ(json.find("Suggested"), std::string::npos) << json;
}

}  // namespace
}  // namespace factcheck
