// The checks beyond one claim and its reference event: the publication
// date, numbered series, relative statements and the other claims of the
// same document. Each test is one kind of finding, in both directions: the
// inconsistency is caught, and the correct text raises nothing.
#include <string>
#include <vector>

#include "engine/checker.h"
#include "gtest/gtest.h"
#include "tests/engine/test_events.h"

namespace factcheck {
namespace {

const Checker& TheChecker() {
  static const Checker* const checker = [] {
    std::vector<ReferenceEvent> events = {Invasion(), WagnerMutiny()};
    ReferenceEvent siege =
        Event("siege", "Siege of Mariupol", {"siege of Mariupol"});
    siege.start = D("2022-02-24");
    siege.end = D("2022-05-20");
    events.push_back(siege);
    ReferenceEvent vilnius =
        Event("vilnius", "2023 Vilnius NATO summit", {"Vilnius summit"});
    vilnius.start = D("2023-07-11");
    vilnius.end = D("2023-07-12");
    events.push_back(vilnius);
    ReferenceEvent artillery =
        Event("artillery", "Artillery for Ukraine coalition",
              {"Artillery for Ukraine coalition"});
    artillery.start = D("2024-01-18");
    events.push_back(artillery);
    ReferenceEvent kherson =
        Event("kherson", "Liberation of Kherson", {"liberation of Kherson"});
    kherson.date = D("2022-11-11");
    events.push_back(kherson);
    ReferenceEvent series = Event("udcg", "Ukraine Defense Contact Group",
                                  {"Ukraine Defense Contact Group"});
    series.type = "series";
    series.start = D("2022-04-26");
    events.push_back(series);
    for (const auto& [n, date] : std::vector<std::pair<int, std::string>>{
             {19, "2024-02-14"}, {20, "2024-03-19"}, {21, "2024-04-26"}}) {
      ReferenceEvent m = Event(
          "udcg-" + std::to_string(n),
          std::to_string(n) + "th meeting of the Ukraine Defense Contact Group",
          {});
      m.type = "meeting";
      m.date = D(date);
      m.series_id = "udcg";
      m.ordinal = n;
      events.push_back(m);
    }
    auto catalog = EventCatalog::Build(std::move(events));
    EXPECT_TRUE(catalog.ok()) << catalog.status();
    return new Checker(*catalog);
  }();
  return *checker;
}

std::vector<Finding> Contradicted(const std::string& text,
                                  absl::CivilDay published) {
  auto result = TheChecker().Check(text, published);
  EXPECT_TRUE(result.ok()) << result.status();
  std::vector<Finding> out;
  if (!result.ok()) return out;
  for (const Finding& f : result->findings) {
    if (f.verdict == Verdict::kContradicted) out.push_back(f);
  }
  return out;
}

std::string Covered(const std::string& text, const TextSpan& span) {
  return text.substr(span.begin, span.end - span.begin);
}

TEST(ReferenceCheckTest, VerbsOfBeginningAndEndingPickTheStartOrTheEnd) {
  const auto began = Contradicted("The siege of Mariupol began in March 2022.",
                                  absl::CivilDay(2023, 1, 1));
  ASSERT_EQ(began.size(), 1u);
  EXPECT_EQ(began[0].kind, FindingKind::kReference);
  EXPECT_EQ(began[0].severity, Severity::kError);
  EXPECT_EQ(began[0].explanation,
            "The siege of Mariupol began on 24 February 2022; the text says "
            "March 2022.");
  EXPECT_EQ(began[0].suggestion, "February 2022");

  const auto ended = Contradicted("The Wagner mutiny ended on 23 June.",
                                  absl::CivilDay(2023, 7, 1));
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].suggestion, "24 June");
  EXPECT_EQ(ended[0].explanation,
            "The Wagner mutiny ended on 24 June 2023; the text says 23 June.");
  // Without a verb a date inside the event fits; a verb before the date
  // belongs to it, not the one after.
  EXPECT_TRUE(Contradicted("The Wagner mutiny on 23 June shook Moscow.",
                           absl::CivilDay(2023, 7, 1))
                  .empty());
  EXPECT_TRUE(Contradicted("The siege of Mariupol, which began on 24 February, "
                           "ended in May.",
                           absl::CivilDay(2022, 6, 1))
                  .empty());
}

TEST(PublicationDateCheckTest, PastEventDatedAfterThePublicationDate) {
  const auto f = Contradicted(
      "The Vilnius summit in July 2024 promised Ukraine an invitation.",
      absl::CivilDay(2023, 8, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(f[0].claimed_text, "July 2024");
  EXPECT_EQ(f[0].suggestion, "July 2023");
}

TEST(PublicationDateCheckTest, SinceADateAfterThePublicationDate) {
  const std::string text =
      "Prices have fallen steadily since October 2022, traders said.";
  const auto f = Contradicted(text, absl::CivilDay(2022, 9, 15));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(Covered(text, f[0].span), "October 2022");
  EXPECT_EQ(
      f[0].explanation,
      "The text counts from October 2022, which is after the article's own "
      "date, 15 September 2022.");
  // No event is named: the finding stands on the publication date alone.
  EXPECT_EQ(f[0].event_id, "");
  EXPECT_EQ(f[0].event_text, "");
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2022, 11, 1)).empty());
}

TEST(PublicationDateCheckTest, UpcomingEventThatHadAlreadyHappened) {
  const std::string text =
      "Diplomats said the upcoming Vilnius summit would test the alliance.";
  const auto f = Contradicted(text, absl::CivilDay(2023, 7, 20));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(Covered(text, f[0].span), "upcoming");
  EXPECT_EQ(f[0].suggestion, "recent");
  EXPECT_EQ(f[0].event_id, "vilnius");
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2023, 7, 1)).empty());
  EXPECT_EQ(Contradicted("The Vilnius summit will take place in Lithuania.",
                         absl::CivilDay(2023, 8, 1))
                .at(0)
                .suggestion,
            "took place");
}

TEST(PublicationDateCheckTest, DurationThatDoesNotFitTheEvent) {
  const std::string text =
      "Cities have endured shelling for two years since the full-scale "
      "invasion.";
  const auto f = Contradicted(text, absl::CivilDay(2022, 3, 6));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(f[0].claimed_text, "two years");
  EXPECT_EQ(f[0].suggestion, "ten days");
  // Rounded the way news copy rounds: 23 months is two years.
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2024, 1, 20)).empty());
  EXPECT_TRUE(
      Contradicted(
          "Two weeks into the full-scale invasion, columns remain stalled.",
          absl::CivilDay(2022, 3, 10))
          .empty());
}

TEST(SeriesCheckTest, OrdinalThatDoesNotFitTheDateNamesTheMemberThatDoes) {
  const std::string text =
      "Ministers met for the 21st meeting of the Ukraine Defense Contact Group "
      "on 14 February.";
  const auto f = Contradicted(text, absl::CivilDay(2024, 2, 15));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kSeries);
  EXPECT_EQ(f[0].event_id, "udcg-21");
  EXPECT_EQ(f[0].suggestion, "26 April");
  EXPECT_EQ(
      f[0].explanation,
      "The 21st meeting of the Ukraine Defense Contact Group took place on 26 "
      "April 2024; 14 February 2024 was the 19th meeting, so either the "
      "ordinal "
      "(19th) or the date (26 April) needs correcting.");
  EXPECT_TRUE(
      Contradicted("Ministers met for the 19th meeting of the Ukraine Defense "
                   "Contact Group on 14 February.",
                   absl::CivilDay(2024, 2, 15))
          .empty());
}

TEST(RelativeCheckTest, DurationAfterAnEventAgainstThePublicationDate) {
  const std::string text =
      "Less than a month after the launch of the Artillery for Ukraine "
      "coalition in "
      "Paris on 18 January, France is once again co-leading a coalition.";
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2024, 2, 14)).empty());
  const auto f = Contradicted(text, absl::CivilDay(2024, 3, 20));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kRelative);
  EXPECT_EQ(f[0].claimed_text, "Less than a month");
  EXPECT_EQ(f[0].suggestion, "Two months");
  EXPECT_FALSE(f[0].related_spans.empty());
}

TEST(RelativeCheckTest, DurationAfterAnEventAgainstAnotherDateOfTheSentence) {
  const std::string text =
      "On 20 February 2023, two years after the full-scale invasion, Biden "
      "came to Kyiv.";
  const auto f = Contradicted(text, absl::CivilDay(2023, 3, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kRelative);
  EXPECT_EQ(f[0].claimed_text, "two years");
  EXPECT_EQ(f[0].suggestion, "a year");
  // A past-tense sentence with nothing to count to is left alone.
  EXPECT_TRUE(
      Contradicted(
          "Two years after the full-scale invasion, Biden came to Kyiv.",
          absl::CivilDay(2023, 3, 1))
          .empty());
}

TEST(RelativeCheckTest, LaterCountsFromTheDateTheTextGaveLast) {
  const std::string wrong =
      "Wagner seized Rostov on 23 June. Three days later, the Wagner mutiny "
      "ended.";
  const auto f = Contradicted(wrong, absl::CivilDay(2023, 7, 20));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kRelative);
  EXPECT_EQ(f[0].claimed_text, "Three days later");
  EXPECT_EQ(f[0].suggestion, "A day later");
  EXPECT_TRUE(
      Contradicted("Wagner seized Rostov on 23 June. A day later, the Wagner "
                   "mutiny ended.",
                   absl::CivilDay(2023, 7, 20))
          .empty());
}

TEST(PublicationDateCheckTest, TimeSinceAOneTimeEventMustFit) {
  const std::string text =
      "Families have lived in school gyms for three months since the "
      "liberation of Kherson.";
  const auto f = Contradicted(text, absl::CivilDay(2022, 11, 25));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(f[0].claimed_text, "three months");
  EXPECT_EQ(f[0].suggestion, "two weeks");
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2023, 2, 12)).empty());
}

TEST(RelativeCheckTest, OneOrTwoUnitsLeaveHalfAUnitOfSlack) {
  // Nine days is not "a month"; three weeks is.
  const auto f = Contradicted(
      "Russia announced a pull-back on 2 November. A month later, the "
      "liberation of Kherson was declared.",
      absl::CivilDay(2022, 12, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].claimed_text, "A month later");
  EXPECT_EQ(f[0].kind, FindingKind::kRelative);
  EXPECT_EQ(f[0].suggestion, "Nine days later");
  EXPECT_TRUE(Contradicted("Russia announced a withdrawal on 20 October. A "
                           "month later, the liberation of Kherson followed.",
                           absl::CivilDay(2022, 12, 1))
                  .empty());
}

TEST(RelativeCheckTest, AnAnchorMustBeAsFineAsTheAmount) {
  // "A day after" cannot count from "one year ago": the publication date
  // is the anchor in the present tense.
  EXPECT_TRUE(
      Contradicted("One year ago the world held its breath. Today, a day "
                   "after the liberation of Kherson, crowds celebrate.",
                   absl::CivilDay(2022, 11, 12))
          .empty());
}

TEST(RelativeCheckTest, ALastingEventCountsFromAnyOfItsDays) {
  // The Wagner mutiny lasted 23-24 June: "a day after" it may be the 25th.
  EXPECT_TRUE(Contradicted("On 25 June, a day after the Wagner mutiny, the "
                           "Kremlin spoke.",
                           absl::CivilDay(2023, 7, 1))
                  .empty());
}

TEST(RelativeCheckTest, LaterFromAnEventsOwnDateIsAboutAnotherThing) {
  // "two days later" counts from the liberation's own date: the ceremony is
  // another thing, not the liberation two days after itself.
  EXPECT_TRUE(Contradicted("The liberation of Kherson on 11 November and the "
                           "ceremony two days later drew crowds.",
                           absl::CivilDay(2022, 12, 1))
                  .empty());
}

TEST(RelativeCheckTest, TheFollowingDayIsOneDayLater) {
  const auto f = Contradicted(
      "Wagner seized Rostov on 20 June. The following day, the Wagner mutiny "
      "ended.",
      absl::CivilDay(2023, 7, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kRelative);
  EXPECT_EQ(f[0].claimed_text, "The following day");
  EXPECT_EQ(f[0].suggestion, "Four days later");
  EXPECT_TRUE(Contradicted("Wagner seized Rostov on 23 June. The following "
                           "day, the Wagner mutiny ended.",
                           absl::CivilDay(2023, 7, 1))
                  .empty());
}

TEST(RelativeCheckTest, TheNearestDateIsWhatTheStatementCountsFrom) {
  // Not Saturday's: it is the liberation of 11 November 2022 that came
  // less than a year after the invasion.
  EXPECT_TRUE(
      Contradicted("Crowds gathered on Saturday 24 February 2024 to mark the "
                   "liberation of Kherson on 11 November 2022, which came "
                   "less than a year after the full-scale invasion.",
                   absl::CivilDay(2024, 2, 24))
          .empty());
}

TEST(ReferenceCheckTest, AVerbOfSayingOrAskingDatesTheStatement) {
  EXPECT_TRUE(Contradicted("Residents, shelled every day since the "
                           "full-scale invasion began, appealed on Tuesday "
                           "for help.",
                           absl::CivilDay(2022, 5, 10))
                  .empty());
}

TEST(ReferenceCheckTest, ADaysPartClaimsItsDay) {
  const std::string text = "The Wagner mutiny began on Friday evening.";
  EXPECT_TRUE(Contradicted(text, absl::CivilDay(2023, 6, 26)).empty());
  const auto f = Contradicted(text, absl::CivilDay(2023, 7, 3));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kReference);
  EXPECT_EQ(f[0].claimed_text, "Friday evening");
  EXPECT_EQ(f[0].claimed_value, "2023-06-30");
}

TEST(WithinDocumentCheckTest,
     SameEventGivenTwoDatesFlagsTheOneTheReferenceContradicts) {
  const std::string text =
      "The liberation of Kherson on 11 November ended the occupation. Since "
      "the "
      "liberation of Kherson on 9 November, shelling has intensified.";
  const auto f = Contradicted(text, absl::CivilDay(2022, 12, 1));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kWithinDocument);
  EXPECT_EQ(f[0].claimed_text, "9 November");
  EXPECT_EQ(f[0].suggestion, "11 November");
  ASSERT_EQ(f[0].related_spans.size(), 1u);
  EXPECT_EQ(Covered(text, f[0].related_spans[0]), "11 November");
  EXPECT_EQ(f[0].explanation,
            "Elsewhere the text dates the liberation of Kherson to 11 "
            "November, as the "
            "reference does (11 November 2022); here it says 9 November.");
}

TEST(FindingKindTest, NamesAreTheProtoEnumNames) {
  EXPECT_EQ(FindingKindName(FindingKind::kReference), "REFERENCE");
  EXPECT_EQ(FindingKindName(FindingKind::kWithinDocument), "WITHIN_DOCUMENT");
}

}  // namespace
}  // namespace factcheck
