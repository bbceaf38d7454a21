#include "engine/time/temporal_tagger.h"

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

// The publication date of the seed article; most tests read against it.
const absl::CivilDay kDct(2024, 2, 14);  // A Wednesday.

absl::string_view StyleName(DateStyle style) {
  switch (style) {
    case DateStyle::kOther:
      return "";
    case DateStyle::kDayMonthYear:
      return " DayMonthYear";
    case DateStyle::kMonthDayYear:
      return " MonthDayYear";
    case DateStyle::kDayMonth:
      return " DayMonth";
    case DateStyle::kMonthDay:
      return " MonthDay";
    case DateStyle::kMonthYear:
      return " MonthYear";
    case DateStyle::kMonth:
      return " Month";
    case DateStyle::kYear:
      return " Year";
    case DateStyle::kIso:
      return " Iso";
  }
  return " ?";
}

// One line per expression, with every field, so that a failing test shows
// the whole difference at once:
//   "3-14 '14 February' DATE 2024-02-14 date=2024-02-14 DayMonth yearless"
std::string Describe(const TimeExpression& e) {
  std::string out = absl::StrCat(e.begin, "-", e.end, " '", e.text, "' ",
                                 TimexTypeName(e.type), " ", e.value);
  if (e.date) absl::StrAppend(&out, " date=", e.date->ToTimex());
  absl::StrAppend(&out, StyleName(e.style));
  if (!e.year_written) absl::StrAppend(&out, " yearless");
  if (e.role == DateRole::kSince) absl::StrAppend(&out, " since");
  if (e.role == DateRole::kUntil) absl::StrAppend(&out, " until");
  if (!e.mod.empty()) absl::StrAppend(&out, " mod=", e.mod);
  return out;
}

// Tags `text` and describes the result. Also checks the invariants every
// result must keep: spans inside the text, `text` equal to the span, text
// order without overlaps, and `date` only on DATE expressions.
std::vector<std::string> Tag(absl::string_view text,
                             absl::CivilDay dct = kDct) {
  const TemporalTagger tagger;
  const std::vector<TimeExpression> found = tagger.Tag(text, dct);
  std::vector<std::string> out;
  std::size_t previous_end = 0;
  for (const TimeExpression& e : found) {
    EXPECT_LT(e.begin, e.end);
    EXPECT_LE(e.end, text.size());
    EXPECT_GE(e.begin, previous_end);
    previous_end = e.end;
    if (e.end <= text.size() && e.begin <= e.end) {
      EXPECT_EQ(e.text, text.substr(e.begin, e.end - e.begin));
    }
    if (e.date) {
      EXPECT_EQ(e.type, TimexType::kDate);
      EXPECT_TRUE(e.date->year_known);
    }
    out.push_back(Describe(e));
  }
  return out;
}

using Lines = std::vector<std::string>;

std::string ReadSeedArticleText() {
  std::ifstream file(
      absl::StrCat(FACTCHECK_TEST_DATA_DIR, "/seed-article.txt"));
  std::stringstream contents;
  contents << file.rdbuf();
  const std::string raw = contents.str();
  // The file starts with a " date 2024-02-14 " header; the article follows.
  const absl::string_view header = " date 2024-02-14 ";
  EXPECT_EQ(raw.substr(0, header.size()), header);
  return raw.size() < header.size() ? "" : raw.substr(header.size());
}

// ------------------------------------------------------------ Seed article

TEST(TemporalTaggerTest, FindsExactlyTheSeedArticleExpressions) {
  const std::string text = ReadSeedArticleText();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(Tag(text),
            (Lines{
                "3-14 '14 February' DATE 2024-02-14 date=2024-02-14 DayMonth "
                "yearless",
                "336-352 'every single day' SET P1D",
                "403-416 'February 2024' DATE 2024-02 date=2024-02 MonthYear",
                "559-576 'Less than a month' DURATION P1M mod=LESS_THAN",
                "645-655 '18 January' DATE 2024-01-18 date=2024-01-18 "
                "DayMonth yearless",
                "758-761 'now' DATE PRESENT_REF",
                "1357-1362 'today' DATE 2024-02-14 date=2024-02-14",
                "2321-2332 '14 February' DATE 2024-02-14 date=2024-02-14 "
                "DayMonth yearless",
                "2658-2662 '2023' DATE 2023 date=2023 Year",
            }));
}

TEST(TemporalTaggerTest, DoesNotTagOrdinalsOrCountsInTheSeedArticle) {
  EXPECT_EQ(Tag("during the 19th meeting of the Contact Group"), Lines{});
  EXPECT_EQ(Tag("after the 17th meeting of the Ramstein Contact Group"),
            Lines{});
  EXPECT_EQ(Tag("15 other countries have already joined"), Lines{});
  EXPECT_EQ(Tag("organized around five important coalitions."), Lines{});
}

// ------------------------------------------------------ Calendar dates

TEST(TemporalTaggerTest, ResolvesYearlessDayToMostRecentOnOrBeforePublication) {
  EXPECT_EQ(Tag("in Paris on 18 January, France"),
            (Lines{"12-22 '18 January' DATE 2024-01-18 date=2024-01-18 "
                   "DayMonth yearless"}));
  EXPECT_EQ(Tag("On 14 February they signed."),
            (Lines{"3-14 '14 February' DATE 2024-02-14 date=2024-02-14 "
                   "DayMonth yearless"}));
  EXPECT_EQ(Tag("It opened on 20 March."),
            (Lines{"13-21 '20 March' DATE 2023-03-20 date=2023-03-20 "
                   "DayMonth yearless"}));
}

TEST(TemporalTaggerTest, ResolvesYearlessDayForwardInFutureTenseSentences) {
  EXPECT_EQ(Tag("The summit will open on 20 March."),
            (Lines{"24-32 '20 March' DATE 2024-03-20 date=2024-03-20 "
                   "DayMonth yearless"}));
  EXPECT_EQ(Tag("The report is due on 18 January."),
            (Lines{"21-31 '18 January' DATE 2025-01-18 date=2025-01-18 "
                   "DayMonth yearless"}));
  EXPECT_EQ(Tag("He is to visit Kyiv on 14 February."),
            (Lines{"23-34 '14 February' DATE 2024-02-14 date=2024-02-14 "
                   "DayMonth yearless"}));
  // Only the sentence with the cue is future: the next one is past again.
  EXPECT_EQ(Tag("They won’t meet on 20 March. It began on 20 March."),
            (Lines{"21-29 '20 March' DATE 2024-03-20 date=2024-03-20 "
                   "DayMonth yearless",
                   "43-51 '20 March' DATE 2023-03-20 date=2023-03-20 "
                   "DayMonth yearless"}));
}

TEST(TemporalTaggerTest, ResolvesYearlessLeapDayToALeapYear) {
  EXPECT_EQ(Tag("It fell on 29 February"),
            (Lines{"11-22 '29 February' DATE 2020-02-29 date=2020-02-29 "
                   "DayMonth yearless"}));
}

TEST(TemporalTaggerTest, ReadsMonthFirstDays) {
  EXPECT_EQ(Tag("February 14 and Feb. 14 and Sept. 3"),
            (Lines{"0-11 'February 14' DATE 2024-02-14 date=2024-02-14 "
                   "MonthDay yearless",
                   "16-23 'Feb. 14' DATE 2024-02-14 date=2024-02-14 MonthDay "
                   "yearless",
                   "28-35 'Sept. 3' DATE 2023-09-03 date=2023-09-03 MonthDay "
                   "yearless"}));
}

TEST(TemporalTaggerTest, ReadsFullDatesInEachStyle) {
  EXPECT_EQ(Tag("14 February 2024; February 14, 2024; 2024-02-14; "
                "Sept. 3, 2023; 14th February 2024"),
            (Lines{"0-16 '14 February 2024' DATE 2024-02-14 date=2024-02-14 "
                   "DayMonthYear",
                   "18-35 'February 14, 2024' DATE 2024-02-14 "
                   "date=2024-02-14 MonthDayYear",
                   "37-47 '2024-02-14' DATE 2024-02-14 date=2024-02-14 Iso",
                   "49-62 'Sept. 3, 2023' DATE 2023-09-03 date=2023-09-03 "
                   "MonthDayYear",
                   "64-82 '14th February 2024' DATE 2024-02-14 "
                   "date=2024-02-14 DayMonthYear"}));
}

TEST(TemporalTaggerTest, RejectsImpossibleCalendarDates) {
  // The day cannot be in that month, so no day date is produced; the month
  // and year around it are still read.
  EXPECT_EQ(Tag("2024-02-30"), Lines{});
  EXPECT_EQ(Tag("30 February 2024"),
            (Lines{"3-16 'February 2024' DATE 2024-02 date=2024-02 "
                   "MonthYear"}));
  EXPECT_EQ(Tag("29 February 2023"),
            (Lines{"3-16 'February 2023' DATE 2023-02 date=2023-02 "
                   "MonthYear"}));
  EXPECT_EQ(Tag("29 February 2024"),
            (Lines{"0-16 '29 February 2024' DATE 2024-02-29 date=2024-02-29 "
                   "DayMonthYear"}));
  EXPECT_EQ(Tag("2024-13"), Lines{});
}

TEST(TemporalTaggerTest, ReadsMonthsWithAndWithoutYears) {
  EXPECT_EQ(Tag("in February 2024, in Feb 2024, in February"),
            (Lines{"3-16 'February 2024' DATE 2024-02 date=2024-02 MonthYear",
                   "21-29 'Feb 2024' DATE 2024-02 date=2024-02 MonthYear",
                   "34-42 'February' DATE 2024-02 date=2024-02 Month "
                   "yearless"}));
  EXPECT_EQ(Tag("In November they left."),
            (Lines{"3-11 'November' DATE 2023-11 date=2023-11 Month "
                   "yearless"}));
  EXPECT_EQ(Tag("They will leave in November."),
            (Lines{"19-27 'November' DATE 2024-11 date=2024-11 Month "
                   "yearless"}));
}

TEST(TemporalTaggerTest, ReadsMayAndMarchAsMonthsOnlyInDateContext) {
  EXPECT_EQ(Tag("You may go. Troops march on."), Lines{});
  EXPECT_EQ(Tag("May could be late."), Lines{});
  EXPECT_EQ(Tag("in May, on 5 May, May 2024"),
            (Lines{"3-6 'May' DATE 2023-05 date=2023-05 Month yearless",
                   "11-16 '5 May' DATE 2023-05-05 date=2023-05-05 DayMonth "
                   "yearless",
                   "18-26 'May 2024' DATE 2024-05 date=2024-05 MonthYear"}));
}

TEST(TemporalTaggerTest, ReadsFourDigitYearsButNotQuantities) {
  EXPECT_EQ(Tag("in 2023"), (Lines{"3-7 '2023' DATE 2023 date=2023 Year"}));
  EXPECT_EQ(Tag("2019 was hard."),
            (Lines{"0-4 '2019' DATE 2019 date=2019 Year"}));
  EXPECT_EQ(Tag("2,023 troops, 2023.5 points, 2000 troops, 1500 km, $2024, "
                "20%, more than 2000, No. 2024"),
            Lines{});
  // Outside 1900..2099 a year needs a preposition.
  EXPECT_EQ(Tag("1066 arrows"), Lines{});
  EXPECT_EQ(Tag("since 1066"),
            (Lines{"6-10 '1066' DATE 1066 date=1066 Year since"}));
}

// ------------------------------------------------------------- Relative

TEST(TemporalTaggerTest, ResolvesDeicticWordsAgainstPublicationDate) {
  EXPECT_EQ(Tag("today yesterday tomorrow now currently"),
            (Lines{"0-5 'today' DATE 2024-02-14 date=2024-02-14",
                   "6-15 'yesterday' DATE 2024-02-13 date=2024-02-13",
                   "16-24 'tomorrow' DATE 2024-02-15 date=2024-02-15",
                   "25-28 'now' DATE PRESENT_REF",
                   "29-38 'currently' DATE PRESENT_REF"}));
}

TEST(TemporalTaggerTest, ResolvesThisLastAndNextPeriods) {
  EXPECT_EQ(Tag("this year, last year, next year, last month, this month, "
                "next month, this week"),
            (Lines{"0-9 'this year' DATE 2024 date=2024",
                   "11-20 'last year' DATE 2023 date=2023",
                   "22-31 'next year' DATE 2025 date=2025",
                   "33-43 'last month' DATE 2024-01 date=2024-01",
                   "45-55 'this month' DATE 2024-02 date=2024-02",
                   "57-67 'next month' DATE 2024-03 date=2024-03",
                   "69-78 'this week' DATE 2024-W07"}));
  EXPECT_EQ(Tag("last month", absl::CivilDay(2024, 1, 10)),
            (Lines{"0-10 'last month' DATE 2023-12 date=2023-12"}));
}

TEST(TemporalTaggerTest, ResolvesWeekdaysByTense) {
  // The DCT is a Wednesday: "on Wednesday" in its own story is that day.
  EXPECT_EQ(Tag("They met on Monday. They met on Wednesday."),
            (Lines{"12-18 'Monday' DATE 2024-02-12 date=2024-02-12",
                   "32-41 'Wednesday' DATE 2024-02-14 date=2024-02-14"}));
  EXPECT_EQ(Tag("They will meet on Monday."),
            (Lines{"18-24 'Monday' DATE 2024-02-19 date=2024-02-19"}));
  EXPECT_EQ(Tag("last Wednesday and next Wednesday"),
            (Lines{"0-14 'last Wednesday' DATE 2024-02-07 date=2024-02-07",
                   "19-33 'next Wednesday' DATE 2024-02-21 "
                   "date=2024-02-21"}));
}

TEST(TemporalTaggerTest, ReadsATimelinesHeadingDateBeforeItsColon) {
  // "2 March 2022: ..." is a date; a year glued to a colon and a number is
  // not ("2024:30").
  EXPECT_EQ(Tag("2 March 2022: Russian forces took Kherson.",
                absl::CivilDay(2023, 7, 8)),
            (Lines{"0-12 '2 March 2022' DATE 2022-03-02 date=2022-03-02 "
                   "DayMonthYear"}));
}

TEST(TemporalTaggerTest, ReadsAWeekdayWithItsDateInBrackets) {
  // "on Sunday (Feb 11)": one expression, dated by the bracketed day; a
  // bracket with no date in it leaves the weekday alone.
  EXPECT_EQ(Tag("They won on Sunday (Feb 11) in Las Vegas."),
            (Lines{"12-27 'Sunday (Feb 11)' DATE 2024-02-11 "
                   "date=2024-02-11 MonthDay yearless"}));
  EXPECT_EQ(Tag("They won on Sunday (Feb 10)."),
            (Lines{"12-27 'Sunday (Feb 10)' DATE 2024-02-10 "
                   "date=2024-02-10 MonthDay yearless"}));
  EXPECT_EQ(Tag("They won on Sunday (local time)."),
            (Lines{"12-18 'Sunday' DATE 2024-02-11 date=2024-02-11"}));
}

TEST(TemporalTaggerTest, ResolvesAgoAtTheUnitsGranularity) {
  EXPECT_EQ(Tag("two years ago, three days ago, four months ago, a year ago, "
                "two weeks ago"),
            (Lines{"0-13 'two years ago' DATE 2022 date=2022",
                   "15-29 'three days ago' DATE 2024-02-11 date=2024-02-11",
                   "31-46 'four months ago' DATE 2023-10 date=2023-10",
                   "48-58 'a year ago' DATE 2023 date=2023",
                   "60-73 'two weeks ago' DATE 2024-W05"}));
}

// ------------------------------------------------------ Durations and sets

TEST(TemporalTaggerTest, ReadsDurationsWithDigitsAndNumberWords) {
  EXPECT_EQ(
      Tag("two years, 24 hours, for 10 days, a decade, "
          "twenty-two years, a 24-hour truce, 1.5 hours"),
      (Lines{"0-9 'two years' DURATION P2Y", "11-19 '24 hours' DURATION PT24H",
             "25-32 '10 days' DURATION P10D", "34-42 'a decade' DURATION P10Y",
             "44-60 'twenty-two years' DURATION P22Y",
             "64-71 '24-hour' DURATION PT24H",
             "79-88 '1.5 hours' DURATION PT1.5H"}));
}

TEST(TemporalTaggerTest, ReadsDeicticDurations) {
  EXPECT_EQ(Tag("over the past two years, in the coming weeks, "
                "in recent years, the next few days"),
            (Lines{"5-23 'the past two years' DURATION P2Y",
                   "28-44 'the coming weeks' DURATION PXW",
                   "49-61 'recent years' DURATION PXY",
                   "63-80 'the next few days' DURATION PXD"}));
}

TEST(TemporalTaggerTest, ReadsDurationModifiersIntoMod) {
  EXPECT_EQ(Tag("less than a month, more than two years, at least three "
                "days, about two years ago"),
            (Lines{"0-17 'less than a month' DURATION P1M mod=LESS_THAN",
                   "19-38 'more than two years' DURATION P2Y mod=MORE_THAN",
                   "40-59 'at least three days' DURATION P3D "
                   "mod=EQUAL_OR_MORE",
                   "61-80 'about two years ago' DATE 2022 date=2022 "
                   "mod=APPROX"}));
}

TEST(TemporalTaggerTest, ReadsSets) {
  EXPECT_EQ(
      Tag("every day, daily, weekly, every year, annually, every "
          "other week, twice a week, on Mondays"),
      (Lines{"0-9 'every day' SET P1D", "11-16 'daily' SET P1D",
             "18-24 'weekly' SET P1W", "26-36 'every year' SET P1Y",
             "38-46 'annually' SET P1Y", "48-64 'every other week' SET P2W",
             "66-78 'twice a week' SET P1W",
             "83-90 'Mondays' SET XXXX-WXX-1"}));
}

// ------------------------------------- Decades, seasons, quarters, mods

TEST(TemporalTaggerTest, ReadsDecadesSeasonsQuartersAndCenturies) {
  EXPECT_EQ(
      Tag("the 1990s, this spring, summer 2023, the first quarter of "
          "2024, Q3 2023, the 21st century"),
      (Lines{"0-9 'the 1990s' DATE 199", "11-22 'this spring' DATE 2024-SP",
             "24-35 'summer 2023' DATE 2023-SU",
             "37-62 'the first quarter of 2024' DATE 2024-Q1",
             "64-71 'Q3 2023' DATE 2023-Q3",
             "73-89 'the 21st century' DATE 20"}));
}

TEST(TemporalTaggerTest, KeepsTheBaseValueAndPutsStartMidEndInMod) {
  EXPECT_EQ(Tag("mid-2023, late February, early 2024, the end of 2023, "
                "the early 1990s"),
            (Lines{"0-8 'mid-2023' DATE 2023 date=2023 Year mod=MID",
                   "10-23 'late February' DATE 2024-02 date=2024-02 Month "
                   "yearless mod=END",
                   "25-35 'early 2024' DATE 2024 date=2024 Year mod=START",
                   "37-52 'the end of 2023' DATE 2023 date=2023 Year mod=END",
                   "54-69 'the early 1990s' DATE 199 mod=START"}));
}

// ------------------------------------------------------------------ Roles

TEST(TemporalTaggerTest, ReadsRoleFromThePrecedingWord) {
  EXPECT_EQ(Tag("since February 2022, until March, through 2025, in 2023"),
            (Lines{"6-19 'February 2022' DATE 2022-02 date=2022-02 MonthYear "
                   "since",
                   // The end of an interval is the nearer March.
                   "27-32 'March' DATE 2024-03 date=2024-03 Month yearless "
                   "until",
                   "42-46 '2025' DATE 2025 date=2025 Year until",
                   "51-55 '2023' DATE 2023 date=2023 Year"}));
}

TEST(TemporalTaggerTest, TakesRoleFromTheWordRightBeforeTheExpression) {
  // "since" governs "the beginning of the invasion", not the date: the date
  // is introduced by "in".
  EXPECT_EQ(Tag("since the beginning of the full-scale invasion in "
                "February 2024"),
            (Lines{"50-63 'February 2024' DATE 2024-02 date=2024-02 "
                   "MonthYear"}));
}

// -------------------------------------------------------- Raw article text

TEST(TemporalTaggerTest, HandlesTypographicCharacters) {
  // No-break space inside the date, curly quotes around it, an en dash
  // after "mid".
  EXPECT_EQ(Tag("On 14\u00a0February, \u201cin 2023\u201d and mid\u20132023"),
            (Lines{"3-15 '14\u00a0February' DATE 2024-02-14 date=2024-02-14 "
                   "DayMonth yearless",
                   "23-27 '2023' DATE 2023 date=2023 Year",
                   "35-45 'mid\u20132023' DATE 2023 date=2023 Year mod=MID"}));
}

TEST(TemporalTaggerTest, ReturnsNothingForEmptyText) {
  EXPECT_EQ(Tag(""), Lines{});
}

TEST(TemporalTaggerTest, SkipsInvalidUtf8) {
  const std::string text =
      "\xff\xfe on 14 February \xc3\x28 \xe2\x82 2023 \xf0";
  EXPECT_EQ(Tag(text),
            (Lines{"6-17 '14 February' DATE 2024-02-14 date=2024-02-14 "
                   "DayMonth yearless",
                   "24-28 '2023' DATE 2023 date=2023 Year"}));
}

TEST(TemporalTaggerTest, TreatsNulAsASeparator) {
  const std::string text("on 14\0February\0 in 2023", 23);
  EXPECT_EQ(Tag(text),
            (Lines{absl::StrCat("3-14 '", std::string("14\0February", 11),
                                "' DATE 2024-02-14 date=2024-02-14 DayMonth "
                                "yearless"),
                   "19-23 '2023' DATE 2023 date=2023 Year"}));
}

TEST(TemporalTaggerTest, ReturnsNothingForOneMegabyteWord) {
  EXPECT_EQ(Tag(std::string(1 << 20, 'a')), Lines{});
  EXPECT_EQ(Tag(std::string(1 << 20, 'T')), Lines{});
}

TEST(TemporalTaggerTest, ReturnsNothingForTextOfOnlyDigits) {
  EXPECT_EQ(Tag(std::string(1 << 20, '7')), Lines{});
  EXPECT_EQ(Tag("0123456789"), Lines{});
  // A lone year is still a year.
  EXPECT_EQ(Tag("2024"), (Lines{"0-4 '2024' DATE 2024 date=2024 Year"}));
}

TEST(TemporalTaggerTest, SurvivesEveryByteValue) {
  std::string text;
  for (int round = 0; round < 3; ++round) {
    for (int c = 0; c < 256; ++c) {
      text.push_back(static_cast<char>(c));
      text += " 14 February 2024 ";
    }
  }
  EXPECT_EQ(Tag(text).size(), 3u * 256u);
}

TEST(TemporalTaggerTest, SkipsDatesWhoseYearLeavesTheSupportedRange) {
  EXPECT_EQ(Tag("yesterday", absl::CivilDay(1, 1, 1)), Lines{});
  EXPECT_EQ(Tag("tomorrow", absl::CivilDay(9999, 12, 31)), Lines{});
  EXPECT_EQ(Tag("today", absl::CivilDay(1, 1, 1)),
            (Lines{"0-5 'today' DATE 0001-01-01 date=0001-01-01"}));
}

TEST(TemporalTaggerTest, GivesTheSameAnswerOnManyThreadsAtOnce) {
  const std::string text = ReadSeedArticleText();
  const TemporalTagger tagger;
  const std::vector<TimeExpression> expected = tagger.Tag(text, kDct);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool all_same = true;
      for (int i = 0; i < 50; ++i) {
        const std::vector<TimeExpression> got = tagger.Tag(text, kDct);
        all_same = all_same && got.size() == expected.size();
        for (std::size_t k = 0; all_same && k < got.size(); ++k) {
          all_same = got[k].begin == expected[k].begin &&
                     got[k].value == expected[k].value;
        }
      }
      same[t] = all_same ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(same, std::vector<int>(4, 1));
}

TEST(TimexTypeNameTest, NamesEachType) {
  EXPECT_EQ(TimexTypeName(TimexType::kDate), "DATE");
  EXPECT_EQ(TimexTypeName(TimexType::kTime), "TIME");
  EXPECT_EQ(TimexTypeName(TimexType::kDuration), "DURATION");
  EXPECT_EQ(TimexTypeName(TimexType::kSet), "SET");
}

}  // namespace
}  // namespace factcheck
