#include "engine/checker.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/test_events.h"

namespace factcheck {
namespace {

Checker MakeChecker() {
  std::vector<ReferenceEvent> events = {Invasion(), WagnerMutiny()};
  ReferenceEvent madrid =
      Event("madrid", "2022 Madrid NATO summit", {"NATO summit"});
  madrid.date = D("2022-06-28");
  events.push_back(madrid);
  ReferenceEvent vilnius =
      Event("vilnius", "2023 Vilnius NATO summit", {"NATO summit"});
  vilnius.date = D("2023-07-11");
  events.push_back(vilnius);
  ReferenceEvent coalition =
      Event("artillery", "Artillery for Ukraine coalition", {});
  coalition.date = D("2024-01-18");
  events.push_back(coalition);
  auto catalog = EventCatalog::Build(std::move(events));
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return Checker(*catalog);
}

CheckResult Check(const std::string& text, absl::CivilDay published) {
  auto result = MakeChecker().Check(text, published);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : CheckResult();
}

TEST(CheckerTest, ContradictionExplainsAndSuggestsInTheTextsStyle) {
  const std::string text =
      "Attacks continued since the beginning of the full-scale invasion in "
      "February 2024.";
  const CheckResult r = Check(text, absl::CivilDay(2024, 2, 14));
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.verdict, Verdict::kContradicted);
  EXPECT_EQ(f.claimed_text, "February 2024");
  EXPECT_EQ(f.claimed_value, "2024-02");
  EXPECT_EQ(text.substr(f.span.begin, f.span.end - f.span.begin),
            "February 2024");
  EXPECT_EQ(f.event_id, "invasion");
  EXPECT_EQ(f.event_text, "full-scale invasion");
  EXPECT_EQ(f.reference_date->ToTimex(), "2022-02-24");
  EXPECT_EQ(f.suggestion, "February 2022");
  EXPECT_EQ(f.explanation,
            "The full-scale invasion began on 24 February 2022; the text says "
            "February 2024.");
  EXPECT_EQ(f.sentence, text);
  EXPECT_EQ(f.citations.size(), 1u);
}

TEST(CheckerTest, ComparesAtTheCoarserGranularity) {
  EXPECT_EQ(Check("The full-scale invasion began in 2022.",
                  absl::CivilDay(2024, 1, 1))
                .findings.at(0)
                .verdict,
            Verdict::kSupported);
  const CheckResult wrong_year = Check("The full-scale invasion began in 2021.",
                                       absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(wrong_year.findings.at(0).verdict, Verdict::kContradicted);
  EXPECT_EQ(wrong_year.findings.at(0).suggestion, "2022");
  const CheckResult wrong_day =
      Check("The full-scale invasion began on 23 February 2022.",
            absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(wrong_day.findings.at(0).verdict, Verdict::kContradicted);
  EXPECT_EQ(wrong_day.findings.at(0).suggestion, "24 February 2022");
}

TEST(CheckerTest, YearlessDateIsComparedOnMonthAndDayOnly) {
  // Read against a 2024 publication date, "24 February" resolves to 2024,
  // but the text gave no year: the anniversary is right.
  const CheckResult r = Check("The full-scale invasion began on 24 February.",
                              absl::CivilDay(2024, 3, 1));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].verdict, Verdict::kSupported);
  const CheckResult wrong =
      Check("The full-scale invasion began on 22 February.",
            absl::CivilDay(2024, 3, 1));
  ASSERT_EQ(wrong.findings.size(), 1u);
  EXPECT_EQ(wrong.findings[0].verdict, Verdict::kContradicted);
  EXPECT_EQ(wrong.findings[0].suggestion, "24 February");
}

TEST(CheckerTest, DateWithinALastingEventIsSupported) {
  const CheckResult r = Check("The Wagner mutiny in June 2023 shook Moscow.",
                              absl::CivilDay(2024, 1, 1));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].verdict, Verdict::kSupported);
  const CheckResult wrong =
      Check("The Wagner mutiny in July 2023 shook Moscow.",
            absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(wrong.findings.at(0).verdict, Verdict::kContradicted);
  EXPECT_EQ(wrong.findings.at(0).explanation,
            "The Wagner mutiny lasted from 23 June 2023 to 24 June 2023; the "
            "text says July 2023.");
}

TEST(CheckerTest, YearlessDateWithinALastingEventIsSupported) {
  // The held-out consistency corpus caught this: "14 April" read against a
  // later publication date is still a day of the event.
  EXPECT_EQ(Check("The Wagner mutiny on 24 June shook Moscow.",
                  absl::CivilDay(2023, 7, 1))
                .findings.at(0)
                .verdict,
            Verdict::kSupported);
  EXPECT_EQ(Check("The Wagner mutiny on 25 June shook Moscow.",
                  absl::CivilDay(2023, 7, 1))
                .findings.at(0)
                .verdict,
            Verdict::kContradicted);
}

TEST(CheckerTest, SharedAliasIsResolvedByTheDateThatFits) {
  const CheckResult r = Check("Leaders met at the NATO summit in July 2023.",
                              absl::CivilDay(2024, 1, 1));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].verdict, Verdict::kSupported);
  EXPECT_EQ(r.findings[0].event_id, "vilnius");
  EXPECT_NE(
      r.findings[0].explanation.find("is read as 2023 Vilnius NATO summit"),
      std::string::npos)
      << r.findings[0].explanation;
}

TEST(CheckerTest, AYearlessDateFitsNoEventKnownByItsYearAlone) {
  // "Feb. 24" cannot agree with an event of 1415: the day picks the 2013
  // resignation, not the one it cannot be compared with.
  std::vector<ReferenceEvent> events = {
      Event("benedict", "Resignation of Pope Benedict XVI",
            {"papal resignation"}),
      Event("gregory", "Resignation of Pope Gregory XII",
            {"papal resignation"})};
  events[0].date = D("2013-02-28");
  events[1].date = D("1415");
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  auto r = checker.Check("The papal resignation takes effect on Feb. 28.",
                         absl::CivilDay(2013, 2, 11));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].event_id, "benedict");
  EXPECT_EQ(r->findings[0].verdict, Verdict::kSupported);
  r = checker.Check("The papal resignation takes effect on Feb. 24.",
                    absl::CivilDay(2013, 2, 11));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].verdict, Verdict::kUnverifiable);
}

TEST(CheckerTest, ADayCountedFromTheArticleYearsAwayIsAnotherOccurrence) {
  // "last Friday" three years after the talks: talks held again, not a
  // wrong date of these; a date written out still contradicts.
  std::vector<ReferenceEvent> events = {
      Event("talks", "Istanbul talks", {})};
  events[0].date = D("2022-03-29");
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  auto r = checker.Check("The sides met last Friday at the Istanbul talks.",
                         absl::CivilDay(2025, 5, 23));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->findings.empty());
  r = checker.Check("The sides met on 16 May 2025 at the Istanbul talks.",
                    absl::CivilDay(2025, 5, 23));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].verdict, Verdict::kContradicted);
  // Within a year it is a wrong date all the same.
  r = checker.Check("The sides met last Friday at the Istanbul talks.",
                    absl::CivilDay(2022, 5, 23));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].verdict, Verdict::kContradicted);
}

TEST(CheckerTest, SharedAliasThatNoDateFitsIsUnverifiableNotContradicted) {
  const CheckResult r = Check("Leaders met at the NATO summit in March 2021.",
                              absl::CivilDay(2024, 1, 1));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].verdict, Verdict::kUnverifiable);
  EXPECT_EQ(r.findings[0].event_id, "");
  EXPECT_EQ(r.findings[0].suggestion, "");
  EXPECT_EQ(r.findings[0].explanation,
            "\"NATO summit\" may mean 2022 Madrid NATO summit or 2023 Vilnius "
            "NATO summit; the reference cannot tell which.");
}

TEST(CheckerTest, SharedAliasIsResolvedByWordsOfTheSentence) {
  // No candidate's date fits July 2022, but the sentence names Vilnius: the
  // claim is about the Vilnius summit, and its date is wrong.
  const CheckResult r =
      Check("Leaders met at the NATO summit in Vilnius in July 2022.",
            absl::CivilDay(2024, 1, 1));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].event_id, "vilnius");
  EXPECT_EQ(r.findings[0].verdict, Verdict::kContradicted);
  EXPECT_EQ(r.findings[0].suggestion, "July 2023");
  EXPECT_EQ(r.findings[0].explanation,
            "The NATO summit took place on 11 July 2023; the text says July "
            "2022. (\"NATO summit\" is read as 2023 Vilnius NATO summit, which "
            "the sentence names by \"Vilnius\".)");
}

TEST(CheckerTest, ADateBelongsOnlyToTheNearestEventInItsSentence) {
  // "18 January" is next to the coalition; the invasion, named further
  // away, gets no date and so no claim. "Two years into" it is a duration,
  // checked against the article's date, not a claimed date.
  const CheckResult r = Check(
      "Two years into the full-scale invasion, allies launched the Artillery "
      "for Ukraine coalition on 18 January.",
      absl::CivilDay(2024, 2, 14));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].claimed_text, "Two years");
  EXPECT_EQ(r.findings[0].event_id, "invasion");
  EXPECT_EQ(r.findings[0].kind, FindingKind::kPublicationDate);
  EXPECT_EQ(r.findings[0].verdict, Verdict::kSupported);
  EXPECT_EQ(r.findings[1].claimed_text, "18 January");
  EXPECT_EQ(r.findings[1].event_id, "artillery");
  EXPECT_EQ(r.findings[1].kind, FindingKind::kReference);
  EXPECT_EQ(r.findings[1].verdict, Verdict::kSupported);
}

TEST(CheckerTest, DatesInOtherSentencesAreNotClaims) {
  const CheckResult r = Check(
      "The full-scale invasion changed Europe. In 2019 nobody expected it.",
      absl::CivilDay(2024, 2, 14));
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.time_expressions.size(), 1u);
}

TEST(CheckerTest, RejectsEmptyAndInvalidText) {
  const Checker checker = MakeChecker();
  EXPECT_EQ(checker.Check("", absl::CivilDay(2024, 1, 1)).status().message(),
            "text is empty");
  EXPECT_EQ(checker.Check("a\xC3", absl::CivilDay(2024, 1, 1)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CheckerTest, RefusesATextOverItsLimitsNamingThem) {
  const Checker checker = MakeChecker();
  std::string text;
  for (int i = 0; i < 5; ++i) {
    text += "The full-scale invasion began in February 2024. ";
  }
  const absl::CivilDay day(2024, 2, 14);
  const absl::StatusOr<CheckResult> times =
      checker.Check(text, day, {.max_time_expressions = 4});
  EXPECT_EQ(times.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(times.status().message(),
            "the text has 5 time expressions, over the limit of 4 for one "
            "check");
  const absl::StatusOr<CheckResult> findings =
      checker.Check(text, day, {.max_findings = 4});
  EXPECT_EQ(findings.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(findings.status().message(),
            "the text makes 5 findings or more, over the limit of 4 for one "
            "check");
  const absl::StatusOr<CheckResult> at_limits =
      checker.Check(text, day, {.max_time_expressions = 5, .max_findings = 5});
  ASSERT_TRUE(at_limits.ok()) << at_limits.status();
  EXPECT_EQ(at_limits->findings.size(), 5u);
}

// Events for the date-attachment tests: the invasion, a war still going
// on, a World Cup named with its year.
Checker AttachmentChecker() {
  std::vector<ReferenceEvent> events = {Invasion(), WagnerMutiny()};
  ReferenceEvent war = Event("gaza-war", "Gaza war", {"war in Gaza"});
  war.type = "war";
  war.start = D("2023-10-07");
  events.push_back(war);
  ReferenceEvent cup = Event("cup-1986", "1986 FIFA World Cup", {"1986 World Cup"});
  cup.start = D("1986-05-31");
  cup.end = D("1986-06-29");
  events.push_back(cup);
  auto catalog = EventCatalog::Build(std::move(events));
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return Checker(*catalog);
}

// "<claimed text> <event id> <verdict>" for each finding of `checker` on
// `text`.
std::vector<std::string> VerdictsOf(const Checker& checker,
                                    const std::string& text,
                                    absl::CivilDay published) {
  auto result = checker.Check(text, published);
  EXPECT_TRUE(result.ok()) << result.status();
  std::vector<std::string> out;
  for (const Finding& f : result->findings) {
    out.push_back(f.claimed_text + " " + f.event_id + " " +
                  (f.verdict == Verdict::kSupported      ? "SUPPORTED"
                   : f.verdict == Verdict::kContradicted ? "CONTRADICTED"
                                                         : "UNVERIFIABLE"));
  }
  return out;
}

std::vector<std::string> Verdicts(const std::string& text,
                                  absl::CivilDay published) {
  return VerdictsOf(AttachmentChecker(), text, published);
}

TEST(DateAttachmentTest, ACaptionsDatesAreThePicturesNotTheEvents) {
  const absl::CivilDay day(2024, 3, 1);
  EXPECT_TRUE(Verdicts("Survivors of the full-scale invasion in Kyiv on 13 "
                       "January 2023. Photo by A. Reporter",
                       day)
                  .empty());
  EXPECT_TRUE(Verdicts("In this 13 January 2023 photo, the full-scale "
                       "invasion goes on.",
                       day)
                  .empty());
  // The same sentence without the credit is a claim.
  EXPECT_EQ(Verdicts("The full-scale invasion began in January 2023.", day),
            (std::vector<std::string>{"January 2023 invasion CONTRADICTED"}));
}

TEST(DateAttachmentTest, ANameWrittenWithItsYearTakesNoDateOfAnotherYear) {
  EXPECT_TRUE(Verdicts("Maradona, who won the 1986 World Cup, died on 25 "
                       "November 2020.",
                       absl::CivilDay(2020, 11, 26))
                  .empty());
  EXPECT_EQ(Verdicts("The 1986 World Cup final was played on 29 June 1986.",
                     absl::CivilDay(2020, 11, 26)),
            (std::vector<std::string>{"29 June 1986 cup-1986 SUPPORTED"}));
}

TEST(DateAttachmentTest, ADateOfAMemorialOrAnAnniversaryIsNotTheEvents) {
  const absl::CivilDay day(2024, 6, 24);
  EXPECT_TRUE(Verdicts("On 23 June 2024 families of the victims of the Wagner "
                       "mutiny gathered.",
                       day)
                  .empty());
}

TEST(DateAttachmentTest, AnAnniversarysDayIsTheEventsDayOfTheYear) {
  // The anniversary's date claims the mutiny's month and day, not its
  // year; the count of years is checked apart.
  EXPECT_EQ(Verdicts("23 June 2024 marks the first anniversary of the "
                     "Wagner mutiny.",
                     absl::CivilDay(2024, 6, 24)),
            (std::vector<std::string>{"23 June 2024 mutiny SUPPORTED",
                                      "first anniversary mutiny SUPPORTED"}));
  const absl::StatusOr<CheckResult> r = AttachmentChecker().Check(
      "Russia marked the first anniversary of the Wagner mutiny on 25 June "
      "2024.",
      absl::CivilDay(2024, 6, 26));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[0].claimed_text, "first anniversary");
  EXPECT_EQ(r->findings[0].verdict, Verdict::kSupported);
  const Finding& f = r->findings[1];
  EXPECT_EQ(f.claimed_text, "25 June 2024");
  EXPECT_EQ(f.verdict, Verdict::kContradicted);
  EXPECT_EQ(f.suggestion, "23 June 2024");
  EXPECT_EQ(f.explanation,
            "The Wagner mutiny began on 23 June 2023, so its anniversary falls "
            "on 23 June; the text says 25 June 2024.");
}

TEST(DateAttachmentTest, ADateInTheEventsOwnPredicateIsItsEvenInAMemorial) {
  // "that began on ...": the relative clause dates the mutiny, though the
  // sentence is about a memorial and the nearest name would do too.
  const absl::CivilDay day(2024, 6, 24);
  EXPECT_EQ(Verdicts("Families honoured the victims of the Wagner mutiny that "
                     "began on 24 June 2023.",
                     day),
            (std::vector<std::string>{"24 June 2023 mutiny CONTRADICTED"}));
  EXPECT_EQ(Verdicts("Families honoured the victims of the Wagner mutiny, "
                     "which had started on 23 June 2023.",
                     day),
            (std::vector<std::string>{"23 June 2023 mutiny SUPPORTED"}));
  // The verb's subject is the war, not the invasion named nearer the date.
  EXPECT_EQ(Verdicts("The war in Gaza that began in October 2022 overshadowed "
                     "the full-scale invasion.",
                     absl::CivilDay(2023, 11, 25)),
            (std::vector<std::string>{"October 2022 gaza-war CONTRADICTED"}));
  // Without such a verb, a memorial's date is still not the mutiny's.
  EXPECT_TRUE(Verdicts("On 24 June 2024 families honoured the victims of "
                       "the Wagner mutiny that shook Russia.",
                       day)
                  .empty());
}

TEST(DocumentChecksTest, AnAnniversaryIsCountedToItsDayOrTheArticles) {
  // To the sentence's day, to the article's date; a count that misses by a
  // year is contradicted, with the right count in the text's style.
  EXPECT_EQ(Verdicts("23 June 2024 marks the first anniversary of the Wagner "
                     "mutiny.",
                     absl::CivilDay(2024, 6, 24)),
            (std::vector<std::string>{"23 June 2024 mutiny SUPPORTED",
                                      "first anniversary mutiny SUPPORTED"}));
  const absl::StatusOr<CheckResult> r = AttachmentChecker().Check(
      "Today marks the second anniversary of the Wagner mutiny.",
      absl::CivilDay(2024, 6, 23));
  ASSERT_TRUE(r.ok()) << r.status();
  // "Today" is the mutiny's day of the year; the count is a year out.
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[0].claimed_text, "Today");
  EXPECT_EQ(r->findings[0].verdict, Verdict::kSupported);
  const Finding& f = r->findings[1];
  EXPECT_EQ(f.claimed_text, "second anniversary");
  EXPECT_EQ(f.verdict, Verdict::kContradicted);
  EXPECT_EQ(f.kind, FindingKind::kPublicationDate);
  EXPECT_EQ(f.suggestion, "first anniversary");
  EXPECT_EQ(f.explanation,
            "Wagner Group rebellion took place on 23 June 2023, 1 year before "
            "the article's date, 23 June 2024; the text says \"second "
            "anniversary\".");
  // "3 years since" is a duration as well, checked once, as one.
  EXPECT_EQ(Verdicts("Monday marks 3 years since the full-scale invasion.",
                     absl::CivilDay(2024, 2, 26)),
            (std::vector<std::string>{"3 years invasion CONTRADICTED"}));
  EXPECT_EQ(Verdicts("Ukraine marked the two-year anniversary of the "
                     "full-scale invasion.",
                     absl::CivilDay(2024, 2, 25)),
            (std::vector<std::string>{
                "two-year anniversary invasion SUPPORTED"}));
  // Far from any anniversary's day, the count is not checked: the text may
  // recall a year's events.
  EXPECT_TRUE(Verdicts("This year marks the first anniversary of the Wagner "
                       "mutiny.",
                       absl::CivilDay(2024, 1, 10))
                  .empty());
}

TEST(DocumentChecksTest, AgoIsCountedFromTheEventToTheArticlesDate) {
  // "two decades ago" and "five weeks ago" name no date a claim can pair;
  // they are counted as spans of time to the article's date.
  const absl::CivilDay day(2024, 8, 1);
  EXPECT_EQ(Verdicts("The Wagner mutiny shook Russia five weeks ago.",
                     absl::CivilDay(2023, 7, 28)),
            (std::vector<std::string>{"five weeks ago mutiny SUPPORTED"}));
  // The event named after the date that says the same.
  EXPECT_EQ(Verdicts("Ten months ago, on 23 June 2023, the Wagner mutiny "
                     "began.",
                     absl::CivilDay(2024, 4, 23)),
            (std::vector<std::string>{"Ten months ago mutiny SUPPORTED",
                                      "23 June 2023 mutiny SUPPORTED"}));
  const absl::StatusOr<CheckResult> r = AttachmentChecker().Check(
      "The Wagner mutiny shook Russia two decades ago.", day);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].verdict, Verdict::kContradicted);
  EXPECT_EQ(r->findings[0].suggestion, "a year ago");
  EXPECT_EQ(r->findings[0].explanation,
            "Wagner Group rebellion took place on 23 June 2023, about a year "
            "before the article's date, 1 August 2024; the text says \"two "
            "decades ago\".");
}

TEST(DateAttachmentTest, YearsAndDatesWrittenAroundANameDateItOrAreIts) {
  std::vector<ReferenceEvent> events = {
      Event("capitol", "January 6 United States Capitol attack", {"Jan. 6"}),
      Event("doha", "Doha Agreement", {}),
      Event("elections", "2024 Indian general election",
            {"Lok Sabha Elections"})};
  events[0].date = D("2021-01-06");
  events[1].date = D("2020-02-29");
  events[2].start = D("2024-04-19");
  events[2].end = D("2024-06-01");
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  const absl::CivilDay day(2024, 6, 4);
  // A date the name is part of dates it, with the year the name lacks.
  EXPECT_EQ(VerdictsOf(checker, "On the Jan. 6, 2021 attack, he said nothing.",
                       day),
            (std::vector<std::string>{"Jan. 6, 2021 capitol SUPPORTED"}));
  EXPECT_EQ(VerdictsOf(checker, "On the Jan. 6, 2022 attack, he said nothing.",
                       day),
            (std::vector<std::string>{"Jan. 6, 2022 capitol CONTRADICTED"}));
  // A year before a name that has none dates it; one after it is the
  // name's as written, and the date after is the claim.
  EXPECT_EQ(VerdictsOf(checker, "The 2021 Doha Agreement was a turn.", day),
            (std::vector<std::string>{"2021 doha CONTRADICTED"}));
  EXPECT_EQ(VerdictsOf(checker, "The Lok Sabha Elections 2024 ended on June 1.",
                       day),
            (std::vector<std::string>{"June 1 elections SUPPORTED"}));
  // "the results of X on June 4" dates the results.
  EXPECT_TRUE(VerdictsOf(checker,
                         "All await the results of the Lok Sabha Elections on "
                         "June 4.",
                         day)
                  .empty());
  // One long clause still dates its subject; a break between them does
  // not.
  EXPECT_EQ(VerdictsOf(checker,
                       "The Lok Sabha Elections went on across 543 "
                       "constituencies in seven phases with nearly a billion "
                       "voters in the heat of an Indian summer of record "
                       "temperatures until June 1.",
                       day),
            (std::vector<std::string>{"June 1 elections SUPPORTED"}));
  EXPECT_TRUE(VerdictsOf(checker,
                         "The Lok Sabha Elections went on across 543 "
                         "constituencies in seven phases, and nearly a billion "
                         "voters in the heat of an Indian summer saw record "
                         "temperatures on June 3.",
                         day)
                  .empty());
}

TEST(CheckerTest, AYearlessDateChoosesAmongSharedNamesInTheYearItMeans) {
  // "Jan. 13" in January 2021 is the second impeachment's day, though the
  // first ran over a January too.
  std::vector<ReferenceEvent> events = {
      Event("first", "First impeachment of Donald Trump",
            {"impeachment of Donald Trump"}),
      Event("second", "Second impeachment of Donald Trump",
            {"impeachment of Donald Trump"})};
  events[0].start = D("2019-12-18");
  events[0].end = D("2020-02-05");
  events[1].date = D("2021-01-13");
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  EXPECT_EQ(VerdictsOf(checker,
                       "The House voted on Jan. 13 for the impeachment of "
                       "Donald Trump.",
                       absl::CivilDay(2021, 1, 16)),
            (std::vector<std::string>{"Jan. 13 second SUPPORTED"}));
  EXPECT_EQ(VerdictsOf(checker,
                       "The House voted on Jan. 15 for the impeachment of "
                       "Donald Trump.",
                       absl::CivilDay(2021, 1, 16)),
            (std::vector<std::string>{"Jan. 15  UNVERIFIABLE"}));
}

TEST(DateAttachmentTest, ADealThatWillExpireIsDatedByItsEnd) {
  // "will expire in September" claims the end, not a day within.
  std::vector<ReferenceEvent> events = {
      Event("grain", "Black Sea Grain Initiative", {})};
  events[0].start = D("2022-07-22");
  events[0].end = D("2023-07-17");
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  EXPECT_EQ(VerdictsOf(checker,
                       "The Black Sea Grain Initiative will expire in "
                       "September.",
                       absl::CivilDay(2023, 7, 12)),
            (std::vector<std::string>{"September grain CONTRADICTED"}));
  EXPECT_EQ(VerdictsOf(checker,
                       "The Black Sea Grain Initiative will expire in July.",
                       absl::CivilDay(2023, 7, 12)),
            (std::vector<std::string>{"July grain SUPPORTED"}));
}

TEST(DateAttachmentTest, ADateInAnotherClauseThanTheNameIsNotItsDate) {
  const absl::CivilDay day(2024, 6, 26);
  // The mutiny is told in a clause of what came after it.
  EXPECT_TRUE(Verdicts("Streets were quiet on Tuesday, June 25, 2024, after "
                       "the Wagner mutiny shook Russia.",
                       day)
                  .empty());
  // A comma closes that clause first: the date is the main clause's.
  EXPECT_EQ(Verdicts("On 23 June 2023, after a bitter feud, the Wagner "
                     "mutiny began.",
                     day),
            (std::vector<std::string>{"23 June 2023 mutiny SUPPORTED"}));
  // "after 23 June" bounds what the sentence tells; it dates nothing.
  EXPECT_TRUE(Verdicts("The Wagner mutiny's biggest gain after 22 June "
                       "2023 was Rostov.",
                       day)
                  .empty());
  // A dash and a conjunction, or a semicolon, start another clause.
  EXPECT_TRUE(Verdicts("The court ruled on abuses since 2021—and that the "
                       "Wagner mutiny was no excuse.",
                       day)
                  .empty());
  EXPECT_TRUE(Verdicts("Talks failed in 2021; the Wagner mutiny came later.",
                       day)
                  .empty());
}

TEST(DateAttachmentTest, ARelativeClauseDatesTheNounBeforeIt) {
  const absl::CivilDay day(2024, 6, 26);
  // The clause's noun names no reference event: its date is not the
  // mutiny's, though the mutiny is the nearest name.
  EXPECT_TRUE(Verdicts("The Wagner mutiny ended a feud that started in "
                       "February 2022.",
                       day)
                  .empty());
  // The clause's noun is a word of the name before it: the same event.
  EXPECT_EQ(Verdicts("The Wagner mutiny was a short mutiny that took place "
                     "on 23 June 2023.",
                     day),
            (std::vector<std::string>{"23 June 2023 mutiny SUPPORTED"}));
  // A picture's view from a day shows the event; it does not date it.
  EXPECT_TRUE(Verdicts("A view from 22 June 2023 shows the Wagner mutiny's "
                       "columns.",
                       day)
                  .empty());
}

TEST(DocumentChecksTest, ALengthWrittenBeforeANameIsTheEventsOwn) {
  // The mutiny lasted 23 and 24 June 2023: two days, both counted.
  const absl::CivilDay day(2024, 6, 26);
  EXPECT_EQ(Verdicts("The two-day Wagner mutiny shook Russia.", day),
            (std::vector<std::string>{"two-day mutiny SUPPORTED"}));
  const absl::StatusOr<CheckResult> r = AttachmentChecker().Check(
      "The ten-day Wagner mutiny shook Russia.", day);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].verdict, Verdict::kContradicted);
  EXPECT_EQ(r->findings[0].suggestion, "two-day");
  EXPECT_EQ(r->findings[0].explanation,
            "Wagner Group rebellion lasted from 23 June 2023 to 24 June 2023, "
            "2 days; the text says ten-day.");
  // Near enough to be a length as first agreed, and not the name's: left.
  EXPECT_TRUE(Verdicts("The three-day Wagner mutiny shook Russia.", day)
                  .empty());
  EXPECT_TRUE(Verdicts("A ten-day truce, after the Wagner mutiny, held.", day)
                  .empty());
}

TEST(DateAttachmentTest, ADayOfAWarStillGoingOnIsNoClaimAboutItsStart) {
  const absl::CivilDay day(2023, 11, 25);
  EXPECT_EQ(Verdicts("Hostages were freed in the war in Gaza on 24 November.",
                     day),
            (std::vector<std::string>{"24 November gaza-war SUPPORTED"}));
  EXPECT_EQ(Verdicts("The war in Gaza began on 24 November.", day),
            (std::vector<std::string>{"24 November gaza-war CONTRADICTED"}));
  // An invasion is named by its start: the seed article's case stands.
  EXPECT_EQ(Verdicts("Since the full-scale invasion in February 2023, the "
                     "attacks go on.",
                     day),
            (std::vector<std::string>{"February 2023 invasion CONTRADICTED"}));
}

TEST(DateAttachmentTest, NamesWrittenLooselyMakeClaimsLikeExactOnes) {
  std::vector<ReferenceEvent> events;
  ReferenceEvent invasion = Invasion();
  invasion.aliases.push_back("Russian invasion of Ukraine");
  events.push_back(invasion);
  ReferenceEvent summit = Event("hague", "2025 NATO summit in The Hague", {});
  summit.start = D("2025-06-24");
  summit.end = D("2025-06-25");
  events.push_back(summit);
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  auto r = checker.Check("Russia invaded Ukraine in February 2024.",
                         absl::CivilDay(2024, 3, 1));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].event_text, "Russia invaded Ukraine");
  EXPECT_EQ(r->findings[0].verdict, Verdict::kContradicted);
  EXPECT_EQ(r->findings[0].suggestion, "February 2022");
  // The date between the name's words is the claim's.
  r = checker.Check("NATO leaders met in The Hague on 25 June 2025 for a "
                    "summit.",
                    absl::CivilDay(2025, 6, 26));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].event_id, "hague");
  EXPECT_EQ(r->findings[0].claimed_text, "25 June 2025");
  EXPECT_EQ(r->findings[0].verdict, Verdict::kSupported);
}

TEST(DateAttachmentTest, ADateFarFromTheNameInALongSentenceIsAnotherClauses) {
  const absl::CivilDay day(2024, 7, 1);
  EXPECT_TRUE(Verdicts("The Wagner mutiny shook Moscow, and analysts who "
                       "watched the capital closely still argue about what "
                       "the generals and the ministers really did when the "
                       "talks ended on 24 June 2024.",
                       day)
                  .empty());
  // A date that opens the sentence dates its main clause, however long.
  EXPECT_EQ(Verdicts("On 24 June 2023, after a night in which analysts who "
                     "watched the capital closely saw the generals and the "
                     "ministers waver, the Wagner mutiny ended.",
                     day),
            (std::vector<std::string>{"24 June 2023 mutiny SUPPORTED"}));
}

TEST(DateAttachmentTest, AYearBeforeACapitalisedWordIsPartOfAName) {
  ReferenceEvent games = Event("tokyo", "Tokyo Summer Olympics", {});
  games.start = D("2021-07-23");
  games.end = D("2021-08-08");
  auto catalog = EventCatalog::Build({games});
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const Checker checker(*catalog);
  EXPECT_EQ(VerdictsOf(checker,
                       "The Tokyo 2020 Summer Olympics opened on 23 July 2021.",
                       absl::CivilDay(2021, 7, 24)),
            (std::vector<std::string>{"23 July 2021 tokyo SUPPORTED"}));
  // After a preposition the year is the claim's.
  EXPECT_EQ(VerdictsOf(checker, "The Tokyo Summer Olympics opened in 2020.",
                       absl::CivilDay(2021, 7, 24)),
            (std::vector<std::string>{"2020 tokyo CONTRADICTED"}));
}

TEST(DateAttachmentTest, AWireCaptionsClosingDateIsThePicturesNotTheEvents) {
  const absl::CivilDay day(2023, 6, 27);
  EXPECT_TRUE(Verdicts("People walk past posters about the Wagner mutiny in "
                       "Moscow, Russia, Tuesday, June 27, 2023.",
                       day)
                  .empty());
  EXPECT_EQ(Verdicts("The Wagner mutiny ended on Saturday, June 24, 2023.",
                     day),
            (std::vector<std::string>{"Saturday, June 24, 2023 mutiny "
                                      "SUPPORTED"}));
}

// Two events that share a participant, with their places and participants:
// what a description of either is read from.
Checker DescriptionChecker() {
  ReferenceEvent kabul = Event("kabul", "Fall of Kabul", {});
  kabul.date = D("2021-08-15");
  kabul.location = "Kabul, Afghanistan";
  kabul.participants = {"Taliban"};
  ReferenceEvent doha = Event("doha", "Doha Agreement", {});
  doha.date = D("2020-02-29");
  doha.location = "Doha, Qatar";
  doha.participants = {"United States", "Taliban"};
  auto catalog = EventCatalog::Build({kabul, doha});
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return Checker(*catalog);
}

TEST(DescriptionTest, ASentenceThatDescribesAnEventIsCheckedAgainstIt) {
  const std::string text =
      "When the Taliban took control of Kabul on August 15, 2021, they "
      "promised peace.";
  auto result = DescriptionChecker().Check(text, absl::CivilDay(2022, 8, 15));
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->findings.size(), 1u);
  const Finding& f = result->findings[0];
  EXPECT_EQ(f.verdict, Verdict::kSupported);
  EXPECT_EQ(f.event_id, "kabul");
  EXPECT_EQ(f.event_text, "Taliban took control of Kabul");
  EXPECT_EQ(f.explanation,
            "Fall of Kabul took place on 15 August 2021, consistent with "
            "\"August 15, 2021\". (\"Taliban took control of Kabul\" is read "
            "as Fall of Kabul, described by its participant Taliban, place "
            "Kabul, name Fall of Kabul.)");
  EXPECT_FLOAT_EQ(f.confidence, 0.6f);
}

TEST(DescriptionTest, ADateWithOnePartWrongContradictsADescription) {
  EXPECT_EQ(VerdictsOf(DescriptionChecker(),
                       "When the Taliban took control of Kabul on August 15, "
                       "2019, they promised peace.",
                       absl::CivilDay(2022, 8, 15)),
            (std::vector<std::string>{"August 15, 2019 kabul CONTRADICTED"}));
}

TEST(DescriptionTest, AnotherDateNextToAWeakDescriptionIsAnotherThings) {
  // Two parts wrong: as likely the date of something else the Taliban did
  // in Kabul.
  EXPECT_TRUE(VerdictsOf(DescriptionChecker(),
                         "The Taliban held a parade in Kabul on March 2, 2019.",
                         absl::CivilDay(2022, 8, 15))
                  .empty());
  // A weekday: the day of what the sentence reports.
  EXPECT_TRUE(VerdictsOf(DescriptionChecker(),
                         "The Taliban held a parade in Kabul on Tuesday.",
                         absl::CivilDay(2022, 8, 17))
                  .empty());
}

TEST(DescriptionTest, OneParticipantsNameAloneDescribesNoEvent) {
  EXPECT_TRUE(VerdictsOf(DescriptionChecker(),
                         "The Taliban met on 15 August 2019.",
                         absl::CivilDay(2022, 8, 15))
                  .empty());
}

TEST(DescriptionTest, TheCandidateWhoseDateFitsIsChosen) {
  // Both events have the Taliban; Doha and the United States describe the
  // agreement better, and its date fits.
  EXPECT_EQ(VerdictsOf(DescriptionChecker(),
                       "The Taliban and the United States met in Doha on 29 "
                       "February 2020.",
                       absl::CivilDay(2020, 3, 1)),
            (std::vector<std::string>{"29 February 2020 doha SUPPORTED"}));
}

TEST(FormatDateLikeTest, WritesTheReferenceInTheTextsStyle) {
  const PartialDate day = D("2022-02-24");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kDayMonthYear), "24 February 2022");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kMonthDayYear), "February 24, 2022");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kDayMonth), "24 February");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kMonthDay), "February 24");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kIso), "2022-02-24");
  EXPECT_EQ(FormatDateLike(D("2022-02"), DateStyle::kMonthYear),
            "February 2022");
  EXPECT_EQ(FormatDateLike(D("2022-02"), DateStyle::kDayMonthYear),
            "February 2022");
  EXPECT_EQ(FormatDateLike(D("2022"), DateStyle::kYear), "2022");
  EXPECT_EQ(FormatDateLike(day, DateStyle::kOther), "24 February 2022");
}

}  // namespace
}  // namespace factcheck
