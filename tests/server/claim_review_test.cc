// The ClaimReview JSON-LD of a contradicted finding, byte for byte.
#include "server/claim_review.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

// The claim's spans, as the checker sets them, in a sentence that starts
// at byte `base` of the text.
void SetSpans(v1::Claim* claim, std::size_t base, absl::string_view event,
              absl::string_view date) {
  const std::string& sentence = claim->sentence();
  claim->mutable_excerpt_span()->set_begin(base);
  claim->mutable_excerpt_span()->set_end(base + sentence.size());
  const std::size_t e = sentence.find(std::string(event));
  claim->mutable_event_span()->set_begin(base + e);
  claim->mutable_event_span()->set_end(base + e + event.size());
  const std::size_t d = sentence.find(std::string(date));
  claim->mutable_span()->set_begin(base + d);
  claim->mutable_span()->set_end(base + d + date.size());
}

v1::Finding InvasionFinding() {
  v1::Finding finding;
  finding.mutable_claim()->set_sentence(
      "The war began with the full-scale invasion in February 2024.");
  SetSpans(finding.mutable_claim(), 0, "the full-scale invasion",
           "February 2024");
  finding.set_verdict(v1::CONTRADICTED);
  finding.set_explanation(
      "The full-scale invasion began on 24 February 2022; the text says "
      "February 2024.");
  finding.set_suggestion("February 2022");
  finding.add_citations()->set_url(
      "https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine");
  return finding;
}

TEST(ClaimReviewTest, QuotesTheClauseThatHoldsTheClaimWhenShort) {
  v1::Claim claim;
  claim.set_sentence(
      "Since the full-scale invasion in February 2024, allies have formed "
      "five coalitions to arm Ukraine, the ministry said.");
  SetSpans(&claim, 40, "the full-scale invasion", "February 2024");
  EXPECT_EQ(QuotedClaim(claim), "Since the full-scale invasion in February 2024");
}

TEST(ClaimReviewTest, QuotesFromTheEventToTheDateWhenTheClauseIsLong) {
  v1::Claim claim;
  claim.set_sentence(
      "Russia has launched long-range missiles and kamikaze drones to hit "
      "military and critical civilian infrastructure in Ukraine every single "
      "day since the beginning of the full-scale invasion in February 2024.");
  SetSpans(&claim, 7, "the full-scale invasion", "February 2024");
  EXPECT_EQ(QuotedClaim(claim), "the full-scale invasion in February 2024");
}

TEST(ClaimReviewTest, QuotedClauseStopsAtDashesAndQuotationMarks) {
  v1::Claim claim;
  claim.set_sentence(
      "\u201CLess than a month after the launch of the coalition on 18 "
      "January\u201D \u2014 the ministry stated.");
  SetSpans(&claim, 0, "the coalition", "18 January");
  EXPECT_EQ(QuotedClaim(claim),
            "Less than a month after the launch of the coalition on 18 January");
}

TEST(ClaimReviewTest, QuotesTheSentenceWhenTheSpansAreNotInIt) {
  v1::Claim claim;
  claim.set_sentence("It ended in 2020.");
  EXPECT_EQ(QuotedClaim(claim), "It ended in 2020.");
}

TEST(ClaimReviewTest, WritesEveryPropertyOnOneLine) {
  const std::string json = ClaimReviewJsonLd(
      InvasionFinding(),
      {.review_url = "https://desk.example/checks/1",
       .source_url = "https://example.org/news?id=1",
       .source_author = "Example News",
       .published_date = "2024-02-14",
       .review_date = "2024-03-01",
       .author = {.name = "Desk", .url = "https://desk.example"}});
  EXPECT_EQ(
      json,
      R"({"@context":"https://schema.org","@type":"ClaimReview",)"
      R"("url":"https://desk.example/checks/1",)"
      R"("claimReviewed":"The war began with the full-scale invasion in )"
      R"(February 2024",)"
      R"("reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,)"
      R"("worstRating":1,"alternateName":"False"},)"
      R"("itemReviewed":{"@type":"Claim",)"
      R"("author":{"@type":"Organization","name":"Example News"},)"
      R"("datePublished":"2024-02-14",)"
      R"("appearance":{"@type":"CreativeWork",)"
      R"("url":"https://example.org/news?id=1","datePublished":"2024-02-14"}},)"
      R"("author":{"@type":"Organization","name":"Desk",)"
      R"("url":"https://desk.example"},)"
      R"("datePublished":"2024-03-01",)"
      R"("reviewBody":"The full-scale invasion began on 24 February 2022; )"
      R"(the text says February 2024. Suggested correction: February 2022.",)"
      R"("citation":["https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine"]})");
}

TEST(ClaimReviewTest, TheAuthorsUrlStandsInForTheReviewUrl) {
  const std::string json = ClaimReviewJsonLd(
      InvasionFinding(),
      {.review_url = "",
       .source_url = "",
       .source_author = "",
       .published_date = "2024-02-14",
       .review_date = "2024-03-01",
       .author = {.name = "Desk", .url = "https://desk.example"}});
  EXPECT_TRUE(absl::StartsWith(
      json, R"({"@context":"https://schema.org","@type":"ClaimReview",)"
            R"("url":"https://desk.example","claimReviewed":)"))
      << json;
}

TEST(ClaimReviewTest, LeavesOutWhatIsNotKnownAndEscapesForScriptElements) {
  v1::Finding finding = InvasionFinding();
  finding.mutable_claim()->set_sentence("He said \"</script>\" in 2024.");
  finding.mutable_claim()->clear_span();
  finding.mutable_claim()->clear_event_span();
  finding.clear_citations();
  finding.clear_suggestion();
  const std::string json =
      ClaimReviewJsonLd(finding, {.review_url = "",
                                  .source_url = "",
                                  .source_author = "",
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
  EXPECT_EQ(json.find(R"("url")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("itemReviewed":{"@type":"Claim",)"
                      R"("datePublished":"2024-02-14","appearance")"),
            std::string::npos)
      << json;
  EXPECT_EQ(json.find("Suggested"), std::string::npos) << json;
}

}  // namespace
}  // namespace factcheck
