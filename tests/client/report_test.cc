#include "client/report.h"

#include <string>

#include "absl/strings/string_view.h"
#include "client/document.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

// The first three paragraphs of the seed article, header included.
constexpr absl::string_view kSeed =
    " date 2024-02-14 On 14 February, German and French Defense Ministers "
    "Boris Pistorius and Sébastien Lecornu signed an agreement to create a "
    "coalition to support Ukraine’s air defense, the Defense Ministry of "
    "France announced.\n"
    "\n"
    "Russia has launched long-range missiles and kamikaze drones to hit "
    "military and critical civilian infrastructure in Ukraine every single "
    "day since the beginning of the full-scale invasion in February 2024. "
    "Ukraine critically needs to strengthen its air defense system to protect "
    "its cities, which suffer from constant Russian aerial assaults.\n"
    "\n"
    "“Less than a month after the launch of the Artillery for Ukraine "
    "coalition in Paris on 18 January, France is once again co-leading the "
    "coalition. Faced with a war of attrition, support for Ukraine is now "
    "organized around five important coalitions.\n";

constexpr absl::string_view kInvasionSentence =
    "Russia has launched long-range missiles and kamikaze drones to hit "
    "military and critical civilian infrastructure in Ukraine every single "
    "day since the beginning of the full-scale invasion in February 2024.";

constexpr absl::string_view kArtillerySentence =
    "“Less than a month after the launch of the Artillery for Ukraine "
    "coalition in Paris on 18 January, France is once again co-leading the "
    "coalition.";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Document> document =
        MakeDocument("seed.txt", std::string(kSeed), std::nullopt);
    ASSERT_TRUE(document.ok()) << document.status();
    document_ = *std::move(document);
  }

  // A finding for `claimed` in `sentence`, with byte offsets into the text
  // the server was sent, as the server reports them.
  v1::Finding FindingFor(absl::string_view sentence, absl::string_view claimed,
                         v1::Verdict verdict, absl::string_view event,
                         absl::string_view event_title) const {
    const absl::string_view text = document_.text();
    const std::size_t sentence_begin = text.find(sentence);
    const std::size_t begin = text.find(claimed, sentence_begin);
    v1::Finding finding;
    v1::Claim& claim = *finding.mutable_claim();
    claim.mutable_span()->set_begin(begin);
    claim.mutable_span()->set_end(begin + claimed.size());
    claim.set_sentence(std::string(sentence));
    claim.mutable_sentence_span()->set_begin(sentence_begin);
    claim.mutable_sentence_span()->set_end(sentence_begin + sentence.size());
    claim.set_event(std::string(event));
    claim.set_event_title(std::string(event_title));
    claim.set_claimed_text(std::string(claimed));
    finding.set_verdict(verdict);
    return finding;
  }

  v1::CheckTextResponse SeedResponse() const {
    v1::CheckTextResponse response;
    v1::Finding& invasion = *response.add_findings();
    invasion = FindingFor(kInvasionSentence, "February 2024", v1::CONTRADICTED,
                          "events/full-scale-invasion",
                          "Russian full-scale invasion of Ukraine");
    invasion.mutable_claim()->mutable_claimed_date()->set_value("2024-02");
    invasion.mutable_reference_date()->set_value("2022-02-24");
    invasion.set_explanation(
        "The full-scale invasion began on 24 February 2022; the text says "
        "February 2024.");
    invasion.set_suggestion("February 2022");
    invasion.add_citations()->set_url(
        "https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine");
    *response.add_findings() =
        FindingFor(kArtillerySentence, "18 January", v1::SUPPORTED,
                   "events/artillery-coalition",
                   "Launch of the Artillery for Ukraine coalition");
    response.set_contradicted_count(1);
    return response;
  }

  Document document_;
};

TEST_F(ReportTest, RendersFindingsAtTheirPositionInTheOriginalFile) {
  EXPECT_EQ(
      RenderCheckReport(document_, SeedResponse(), Style{}),
      "seed.txt: 2 claims, 1 contradicted\n"
      "seed.txt:3:192: CONTRADICTED \"February 2024\" — Russian full-scale "
      "invasion of Ukraine\n"
      "  …in Ukraine every single day since the beginning of the full-scale "
      "invasion in [February 2024].\n"
      "  The full-scale invasion began on 24 February 2022; the text says "
      "February 2024.\n"
      "  suggestion: February 2022\n"
      "  reference: 2022-02-24  "
      "https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine\n"
      "seed.txt:5:88: SUPPORTED \"18 January\" — Launch of the Artillery for "
      "Ukraine coalition\n"
      "  …Artillery for Ukraine coalition in Paris on [18 January], France is "
      "once again co-leading the…\n");
}

TEST_F(ReportTest, MarksSpansWithEscapesOnATerminal) {
  const std::string report =
      RenderCheckReport(document_, SeedResponse(), Style{.terminal = true});
  EXPECT_NE(report.find("\x1b[1;31mCONTRADICTED\x1b[0m"), std::string::npos)
      << report;
  EXPECT_NE(report.find("in \x1b[1;4mFebruary 2024\x1b[0m."), std::string::npos)
      << report;
  EXPECT_EQ(report.find("[February"), std::string::npos) << report;
}

TEST_F(ReportTest, WritesNoEscapesForPlainOutput) {
  EXPECT_EQ(RenderCheckReport(document_, SeedResponse(), Style{}).find('\x1b'),
            std::string::npos);
}

TEST_F(ReportTest, SummarisesADocumentWithoutClaims) {
  EXPECT_EQ(RenderCheckReport(document_, v1::CheckTextResponse(), Style{}),
            "seed.txt: 0 claims, 0 contradicted\n");
}

TEST_F(ReportTest, ShowsWhyAClaimIsUnverifiable) {
  v1::CheckTextResponse response;
  v1::Finding& finding = *response.add_findings() =
      FindingFor("On 14 February, German", "14 February", v1::UNVERIFIABLE,
                 "events/air-defence-coalition", "");
  finding.set_explanation("The reference has no date for this event.");
  EXPECT_EQ(RenderCheckReport(document_, response, Style{}),
            "seed.txt: 1 claim, 0 contradicted, 1 unverifiable\n"
            "seed.txt:1:21: UNVERIFIABLE \"14 February\" — "
            "events/air-defence-coalition\n"
            "  On [14 February], German\n"
            "  The reference has no date for this event.\n");
}

TEST_F(ReportTest, QuotesTheTextWhenTheSentenceDoesNotHoldTheSpan) {
  v1::CheckTextResponse response;
  v1::Finding& finding = *response.add_findings() =
      FindingFor(kArtillerySentence, "18 January", v1::SUPPORTED, "", "");
  finding.mutable_claim()->clear_sentence();
  finding.mutable_claim()->clear_claimed_text();
  EXPECT_EQ(RenderCheckReport(document_, response, Style{}),
            "seed.txt: 1 claim, 0 contradicted\n"
            "seed.txt:5:88: SUPPORTED \"18 January\"\n"
            "  …Artillery for Ukraine coalition in Paris on [18 January], "
            "France is once again co-leading the…\n");
}

TEST_F(ReportTest, SaysWhereAnIngestedSourceWasStored) {
  v1::IngestSourceResponse response;
  response.mutable_source()->set_name("sources/ab12");
  *response.mutable_findings() = SeedResponse().findings();
  const std::string report = RenderIngestReport(document_, response, Style{});
  EXPECT_EQ(report.substr(0, report.find('\n')),
            "seed.txt: stored as sources/ab12, 2 claims, 1 contradicted");
  response.set_unchanged(true);
  const std::string unchanged =
      RenderIngestReport(document_, response, Style{});
  EXPECT_EQ(unchanged.substr(0, unchanged.find('\n')),
            "seed.txt: unchanged as sources/ab12, 2 claims, 1 contradicted");
}

}  // namespace
}  // namespace factcheck::client
