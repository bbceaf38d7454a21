// One test per rule family of the temporal tagger, each asserting exact
// spans, types, values and mods, as TimeML 1.2.1 writes them. The
// seed-article and robustness tests are in temporal_tagger_test.cc.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/time/temporal_tagger.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

const absl::CivilDay kDct(2024, 2, 14);  // A Wednesday, in 2024-W07.

using Lines = std::vector<std::string>;

// "begin-end 'text' TYPE value", then " mod=..." and " since"/" until"
// when set.
Lines Tag(absl::string_view text, absl::CivilDay dct = kDct) {
  const TemporalTagger tagger;
  Lines out;
  for (const TimeExpression& e : tagger.Tag(text, dct)) {
    std::string line = absl::StrCat(e.begin, "-", e.end, " '", e.text, "' ",
                                    TimexTypeName(e.type), " ", e.value);
    if (!e.mod.empty()) absl::StrAppend(&line, " mod=", e.mod);
    if (e.role == DateRole::kSince) absl::StrAppend(&line, " since");
    if (e.role == DateRole::kUntil) absl::StrAppend(&line, " until");
    out.push_back(std::move(line));
  }
  return out;
}

TEST(TemporalRulesTest, WritesGuidelineValuesForWeeksQuartersSeasons) {
  EXPECT_EQ(Tag("They met this week, in the first quarter of 2024 and in "
                "summer 2024."),
            (Lines{"9-18 'this week' DATE 2024-W07",
                   "23-48 'the first quarter of 2024' DATE 2024-Q1",
                   "56-67 'summer 2024' DATE 2024-SU"}));
}

TEST(TemporalRulesTest, WritesDecadesPresentRefAndClockDurations) {
  EXPECT_EQ(Tag("The 1990s, now, two hours."),
            (Lines{"0-9 'The 1990s' DATE 199", "11-14 'now' DATE PRESENT_REF",
                   "16-25 'two hours' DURATION PT2H"}));
}

TEST(TemporalRulesTest, TagsBothEndsOfARange) {
  EXPECT_EQ(Tag("from 2014 to 2016"),
            (Lines{"5-9 '2014' DATE 2014", "13-17 '2016' DATE 2016"}));
  // The first day takes its month and year from the second.
  EXPECT_EQ(Tag("between 18 and 20 January"),
            (Lines{"8-10 '18' DATE 2024-01-18",
                   "15-25 '20 January' DATE 2024-01-20"}));
}

TEST(TemporalRulesTest, MarksOpenIntervalsBySinceAndUntil) {
  EXPECT_EQ(Tag("since February 2022, until March"),
            (Lines{"6-19 'February 2022' DATE 2022-02 since",
                   "27-32 'March' DATE 2024-03 until"}));
}

TEST(TemporalRulesTest, ResolvesAnaphoraAgainstTheLastDateMentioned) {
  EXPECT_EQ(Tag("They met on 3 March 2023. The following day they signed. "
                "Talks ended on the nineteenth."),
            (Lines{"12-24 '3 March 2023' DATE 2023-03-03",
                   "26-43 'The following day' DATE 2023-03-04",
                   "72-86 'the nineteenth' DATE 2023-03-19"}));
}

TEST(TemporalRulesTest, ReadsNumberWordsAndQualifiedDeicticPeriods) {
  EXPECT_EQ(Tag("It has lasted twenty-two years. Earlier this year, talks "
                "began."),
            (Lines{"14-30 'twenty-two years' DURATION P22Y",
                   "32-49 'Earlier this year' DATE 2024"}));
  EXPECT_EQ(Tag("Atlanta, nineteen ninety-six. In January this year and June "
                "last year."),
            (Lines{"9-28 'nineteen ninety-six' DATE 1996",
                   "33-50 'January this year' DATE 2024-01",
                   "55-69 'June last year' DATE 2023-06"}));
}

TEST(TemporalRulesTest, ChoosesTheYearOfAYearlessDateByTheNearestTenseCue) {
  // "expires" and "payable" look ahead; "said" looks back.
  EXPECT_EQ(Tag("The offer expires Nov. 6 and is payable Dec. 15, the "
                "company said Friday."),
            (Lines{"18-24 'Nov. 6' DATE 2024-11-06",
                   "40-47 'Dec. 15' DATE 2024-12-15",
                   "66-72 'Friday' DATE 2024-02-09"}));
  EXPECT_EQ(Tag("They met on Friday. They will meet on Friday."),
            (Lines{"12-18 'Friday' DATE 2024-02-09",
                   "38-44 'Friday' DATE 2024-02-16"}));
}

TEST(TemporalRulesTest, ReadsTheEndOfAnIntervalAsTheNearerOccurrence) {
  // A deadline can lie after the DCT in a past-tense sentence.
  EXPECT_EQ(Tag("The offer was extended to March 1. Loans were extended "
                "through April, until mid-March."),
            (Lines{"26-33 'March 1' DATE 2024-03-01",
                   "63-68 'April' DATE 2024-04 until",
                   "76-85 'mid-March' DATE 2024-03 mod=MID until"}));
  // The second end of a range is not a deadline.
  EXPECT_EQ(Tag("They met from Jan. 5 to March 1."),
            (Lines{"14-20 'Jan. 5' DATE 2024-01-05",
                   "24-31 'March 1' DATE 2023-03-01"}));
}

TEST(TemporalRulesTest, ReadsPassivesAndModalsOverParticiplesAsFuture) {
  EXPECT_EQ(Tag("The dividend will be paid March 1."),
            (Lines{"26-33 'March 1' DATE 2024-03-01"}));
  EXPECT_EQ(Tag("It will redeem preferred shares on March 1."),
            (Lines{"35-42 'March 1' DATE 2024-03-01"}));
  // A plan in the pluperfect lay ahead once, and is past now.
  EXPECT_EQ(Tag("The vote had been scheduled for Friday."),
            (Lines{"32-38 'Friday' DATE 2024-02-09"}));
  // "set on" looks back; "set for" ahead.
  EXPECT_EQ(Tag("The record set on Aug. 6 stands. The vote is set for "
                "Friday."),
            (Lines{"18-24 'Aug. 6' DATE 2023-08-06",
                   "53-59 'Friday' DATE 2024-02-16"}));
}

TEST(TemporalRulesTest, PicksTheYearInWhichAWrittenWeekdayFallsOnTheDate) {
  // 15 February 2023 was a Wednesday; 15 February 2024 is a Thursday.
  EXPECT_EQ(Tag("The editorial said on Thursday, February 15, that it "
                "disagreed."),
            (Lines{"22-43 'Thursday, February 15' DATE 2024-02-15"}));
}

TEST(TemporalRulesTest, ResolvesAnaphoraAtTheGranularityOfTheUnit) {
  // Each resolved expression becomes the reference for the next: "that
  // year" is the year of "the following year".
  EXPECT_EQ(
      Tag("In March 2023 they met. The following month they signed. "
          "In 1996 it began; the following year it grew and that year "
          "it paid."),
      (Lines{"3-13 'March 2023' DATE 2023-03",
             "24-43 'The following month' DATE 2023-04",
             "60-64 '1996' DATE 1996", "75-93 'the following year' DATE 1997",
             "106-115 'that year' DATE 1997"}));
  EXPECT_EQ(Tag("On Friday, Feb. 2, it fell; the previous Friday it rose. "
                "The next day it closed."),
            (Lines{"3-17 'Friday, Feb. 2' DATE 2024-02-02",
                   "28-47 'the previous Friday' DATE 2024-01-26",
                   "57-69 'The next day' DATE 2024-01-27"}));
  // Without an earlier date, "the next day" follows the DCT.
  EXPECT_EQ(Tag("He will leave the next day."),
            (Lines{"14-26 'the next day' DATE 2024-02-15"}));
}

TEST(TemporalRulesTest, ReadsAndAHalfInTheNextSmallerUnit) {
  EXPECT_EQ(Tag("a year and a half, two hours and a half, a minute and a "
                "half later, three weeks and a half"),
            (Lines{"0-17 'a year and a half' DURATION P1Y6M",
                   "19-39 'two hours and a half' DURATION PT2H30M",
                   "41-60 'a minute and a half' DURATION PT1M30S",
                   "68-90 'three weeks and a half' DURATION P3.5W"}));
}

TEST(TemporalRulesTest, ReadsADayInTheNextTwoMonthsAsComingWithoutTenseCue) {
  EXPECT_EQ(Tag("Deadline: Feb. 20."),
            (Lines{"10-17 'Feb. 20' DATE 2024-02-20"}));
  EXPECT_EQ(Tag("Deadline: March 20."),
            (Lines{"10-18 'March 20' DATE 2024-03-20"}));
  EXPECT_EQ(Tag("Deadline: April 14."),
            (Lines{"10-18 'April 14' DATE 2024-04-14"}));
  // Past the two months, a day a year back is meant.
  EXPECT_EQ(Tag("Deadline: April 15."),
            (Lines{"10-18 'April 15' DATE 2023-04-15"}));
  // A past tense keeps the past one, however near the coming one is.
  EXPECT_EQ(Tag("It opened on Feb. 20."),
            (Lines{"13-20 'Feb. 20' DATE 2023-02-20"}));
}

TEST(TemporalRulesTest, ReadsAMonthUpToTwoAheadAsComingWithoutTenseCue) {
  EXPECT_EQ(Tag("A hearing in April, a vote in May"),
            (Lines{"13-18 'April' DATE 2024-04", "30-33 'May' DATE 2023-05"}));
  EXPECT_EQ(Tag("It opened in April."), (Lines{"13-18 'April' DATE 2023-04"}));
}

TEST(TemporalRulesTest, ReadsTenseCuesOfPlansAndOfTheVerbNextToTheDay) {
  // "were planning": a past auxiliary before a word that looks ahead.
  EXPECT_EQ(Tag("They were planning to drive to the airport on Monday."),
            (Lines{"46-52 'Monday' DATE 2024-02-19"}));
  // A participle right before the day is the verb that dates it, even
  // after a modal: the announcing is done.
  EXPECT_EQ(Tag("They would appeal the decision, announced Friday by the "
                "agency."),
            (Lines{"42-48 'Friday' DATE 2024-02-09"}));
  // "as early as", "as soon as": a time not yet reached.
  EXPECT_EQ(Tag("He said he could leave as early as Friday."),
            (Lines{"35-41 'Friday' DATE 2024-02-16"}));
  // The verb before a possessive weekday does not date the thing owned.
  EXPECT_EQ(Tag("They will try to get round Tuesday's ruling."),
            (Lines{"27-34 'Tuesday' DATE 2024-02-13"}));
}

TEST(TemporalRulesTest, ReadsNamedHolidays) {
  EXPECT_EQ(Tag("He was found on Thanksgiving Day, last Christmas Eve and "
                "on Easter Sunday."),
            (Lines{"16-32 'Thanksgiving Day' DATE 2023-11-23",
                   "34-52 'last Christmas Eve' DATE 2023-12-24",
                   "60-73 'Easter Sunday' DATE 2023-04-09"}));
  // Movable feasts by their rules: Easter by the Gregorian computus, the
  // US Election Day on the Tuesday after the first Monday of November.
  EXPECT_EQ(Tag("Easter will fall early. Votes are due on Election Day.",
                absl::CivilDay(2024, 2, 14)),
            (Lines{"0-6 'Easter' DATE 2024-03-31",
                   "41-53 'Election Day' DATE 2024-11-05"}));
  EXPECT_EQ(Tag("They met on Valentine's Day and at Halloween."),
            (Lines{"12-27 'Valentine's Day' DATE 2024-02-14",
                   "35-44 'Halloween' DATE 2023-10-31"}));
  // The words alone, lower-case or without their "Day", are no dates.
  EXPECT_EQ(Tag("The election day was calm. The Election was won."), Lines{});
}

TEST(TemporalRulesTest, ReadsADayAfterAMonthBeforeAParticipleAsADay) {
  // "7 killed" is no count of people when a month comes first.
  EXPECT_EQ(Tag("The bombings on Aug. 7 killed 224 people."),
            (Lines{"16-22 'Aug. 7' DATE 2023-08-07"}));
  // Before a noun the number still counts: only the month is a date.
  EXPECT_EQ(Tag("On February 15 people marched."),
            (Lines{"3-11 'February' DATE 2024-02"}));
  EXPECT_EQ(Tag("He was seen last Oct. 23 near the house."),
            (Lines{"12-24 'last Oct. 23' DATE 2023-10-23"}));
}

TEST(TemporalRulesTest, ReadsReportingPeriodsOfResultsCopy) {
  EXPECT_EQ(Tag("Profit rose in the third quarter. Net income was $5 "
                "million, up from $4 million a year earlier. In the year-ago "
                "quarter it lost money."),
            (Lines{"15-32 'the third quarter' DATE 2023-Q3",
                   "80-94 'a year earlier' DATE 2022-Q3",
                   "99-119 'the year-ago quarter' DATE 2022-Q3"}));
  EXPECT_EQ(Tag("Sales fell in the latest quarter and will rise in the "
                "current quarter."),
            (Lines{"14-32 'the latest quarter' DATE 2023-Q4",
                   "50-69 'the current quarter' DATE 2024-Q1"}));
  EXPECT_EQ(
      Tag("For the year ended June 30 it earned more than in fiscal "
          "1988; the year 2000."),
      (Lines{"4-12 'the year' DURATION P1Y", "19-26 'June 30' DATE 2023-06-30",
             "50-61 'fiscal 1988' DATE 1988",
             "63-76 'the year 2000' DATE 2000"}));
}

TEST(TemporalRulesTest, ReadsClockTimesAndPartsOfTheDay) {
  EXPECT_EQ(Tag("It starts at 10:30 a.m. Friday and ends at noon Saturday."),
            (Lines{"13-30 '10:30 a.m. Friday' TIME 2024-02-09T10:30",
                   "43-56 'noon Saturday' TIME 2024-02-10T12:00"}));
  EXPECT_EQ(Tag("He arrived Saturday night, left early Tuesday and called "
                "late yesterday."),
            (Lines{"11-25 'Saturday night' TIME 2024-02-10TNI",
                   "32-45 'early Tuesday' DATE 2024-02-13 mod=START",
                   "57-71 'late yesterday' DATE 2024-02-13 mod=END"}));
}

TEST(TemporalRulesTest, ReadsVagueDurations) {
  EXPECT_EQ(Tag("He worked there for years, within weeks of the vote, for a "
                "couple of years."),
            (Lines{"20-25 'years' DURATION PXY", "34-39 'weeks' DURATION PXW",
                   "57-74 'a couple of years' DURATION P2Y"}));
  EXPECT_EQ(Tag("the nine months, the first nine months, the next year or so"),
            (Lines{"0-15 'the nine months' DURATION P9M",
                   "17-38 'the first nine months' DURATION P9M",
                   "40-59 'the next year or so' DURATION P1Y"}));
}

TEST(TemporalRulesTest, ReadsReferencePhrases) {
  EXPECT_EQ(Tag("These days, right now, in the near future, over the "
                "weekend."),
            (Lines{"0-10 'These days' DATE PRESENT_REF",
                   "12-21 'right now' DATE PRESENT_REF",
                   "26-41 'the near future' DATE FUTURE_REF",
                   "48-59 'the weekend' DATE 2024-W06-WE"}));
  EXPECT_EQ(Tag("this past spring, this coming Sunday, year-end"),
            (Lines{"0-16 'this past spring' DATE 2023-SP",
                   "18-36 'this coming Sunday' DATE 2024-02-18",
                   "38-46 'year-end' DATE 2024 mod=END"}));
}

TEST(TemporalRulesTest, SkipsAgesRatesAndFrequencyAdjectives) {
  EXPECT_EQ(Tag("a 52-year-old man, 52 years old, 358,000 a month, the "
                "quarterly dividend, a five year low"),
            (Lines{"76-85 'five year' DURATION P5Y"}));
}

}  // namespace
}  // namespace factcheck
