#include "engine/time/date.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

PartialDate Day(int year, int month, int day) {
  PartialDate date;
  date.year = year;
  date.month = month;
  date.day = day;
  date.granularity = Granularity::kDay;
  return date;
}

PartialDate Month(int year, int month) {
  PartialDate date;
  date.year = year;
  date.month = month;
  date.granularity = Granularity::kMonth;
  return date;
}

PartialDate Year(int year) {
  PartialDate date;
  date.year = year;
  date.granularity = Granularity::kYear;
  return date;
}

PartialDate Yearless(int month, int day) {
  PartialDate date = Day(0, month, day);
  date.year_known = false;
  return date;
}

TEST(PartialDateTest, ToTimexWritesEachGranularity) {
  EXPECT_EQ(Day(2022, 2, 24).ToTimex(), "2022-02-24");
  EXPECT_EQ(Month(2024, 2).ToTimex(), "2024-02");
  EXPECT_EQ(Year(2023).ToTimex(), "2023");
  EXPECT_EQ(Year(33).ToTimex(), "0033");
}

TEST(PartialDateTest, ToTimexWritesUnknownYearAsXXXX) {
  EXPECT_EQ(Yearless(2, 24).ToTimex(), "XXXX-02-24");
}

TEST(PartialDateTest, FromTimexReadsEachGranularity) {
  EXPECT_EQ(PartialDate::FromTimex("2022-02-24").value(), Day(2022, 2, 24));
  EXPECT_EQ(PartialDate::FromTimex("2024-02").value(), Month(2024, 2));
  EXPECT_EQ(PartialDate::FromTimex("2023").value(), Year(2023));
  EXPECT_EQ(PartialDate::FromTimex("XXXX-02-24").value(), Yearless(2, 24));
}

TEST(PartialDateTest, FromTimexRoundTripsThroughToTimex) {
  for (const char* value : {"2022-02-24", "2024-02", "2023", "XXXX-02-29",
                            "0001-01-01", "9999-12-31", "XXXX-12"}) {
    EXPECT_EQ(PartialDate::FromTimex(value).value().ToTimex(), value);
  }
}

TEST(PartialDateTest, FromTimexAcceptsLeapDayOnlyInLeapYears) {
  EXPECT_TRUE(PartialDate::FromTimex("2024-02-29").ok());
  EXPECT_TRUE(PartialDate::FromTimex("2000-02-29").ok());
  EXPECT_FALSE(PartialDate::FromTimex("2023-02-29").ok());
  EXPECT_FALSE(PartialDate::FromTimex("1900-02-29").ok());
  // Some year has a 29 February, so an unknown year allows it.
  EXPECT_TRUE(PartialDate::FromTimex("XXXX-02-29").ok());
  EXPECT_FALSE(PartialDate::FromTimex("XXXX-02-30").ok());
}

TEST(PartialDateTest, FromTimexRejectsImpossibleAndMalformedValues) {
  for (const char* value : {"",
                            "2024-02-30",
                            "2024-04-31",
                            "2024-13",
                            "2024-00",
                            "2024-01-00",
                            "0000",
                            "0000-01-01",
                            "XXXX",
                            "24",
                            "20240214",
                            "2024-2-14",
                            "2024-02-14T10:00",
                            "2024/02/14",
                            "2024-02-",
                            "abcd",
                            "2024-W07",
                            "2024-Q1",
                            "P2Y",
                            "PRESENT_REF",
                            " 2024",
                            "2024 ",
                            "+2024"}) {
    const absl::StatusOr<PartialDate> date = PartialDate::FromTimex(value);
    EXPECT_FALSE(date.ok()) << value;
    EXPECT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument)
        << value;
  }
}

TEST(PartialDateTest, FromTimexErrorNamesTheValue) {
  const absl::StatusOr<PartialDate> date = PartialDate::FromTimex("2024-02-30");
  ASSERT_FALSE(date.ok());
  EXPECT_NE(date.status().message().find("2024-02-30"),
            absl::string_view::npos);
}

TEST(PartialDateTest, FromIsoDayReadsADay) {
  EXPECT_EQ(PartialDate::FromIsoDay("2024-02-14").value(), Day(2024, 2, 14));
  EXPECT_EQ(PartialDate::FromIsoDay("2024-02-29").value(), Day(2024, 2, 29));
  EXPECT_EQ(PartialDate::FromIsoDay("0001-01-01").value(), Day(1, 1, 1));
  EXPECT_EQ(PartialDate::FromIsoDay("9999-12-31").value(), Day(9999, 12, 31));
}

TEST(PartialDateTest, FromIsoDayRejectsEverythingButARealIsoDay) {
  for (const char* value :
       {"2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "0000-01-01",
        "XXXX-02-14", "2024-02", "2024", "2024-2-14", "2024-02-1",
        "2024-02-140", "2024/02/14", "14-02-2024", "", "2024-02-14 "}) {
    const absl::StatusOr<PartialDate> date = PartialDate::FromIsoDay(value);
    EXPECT_FALSE(date.ok()) << value;
    EXPECT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument)
        << value;
  }
}

TEST(AgreeAtCoarserGranularityTest, ComparesAtTheCoarserOfTheTwo) {
  EXPECT_TRUE(AgreeAtCoarserGranularity(Day(2022, 2, 24), Month(2022, 2)));
  EXPECT_TRUE(AgreeAtCoarserGranularity(Day(2022, 2, 24), Year(2022)));
  EXPECT_TRUE(AgreeAtCoarserGranularity(Month(2022, 2), Day(2022, 2, 1)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Month(2024, 2), Day(2022, 2, 24)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Month(2022, 3), Day(2022, 2, 24)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Day(2022, 2, 23), Day(2022, 2, 24)));
  EXPECT_TRUE(AgreeAtCoarserGranularity(Day(2022, 2, 24), Day(2022, 2, 24)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Year(2023), Year(2022)));
}

TEST(AgreeAtCoarserGranularityTest, ComparesMonthAndDayOnlyWithoutAYear) {
  EXPECT_TRUE(AgreeAtCoarserGranularity(Yearless(2, 24), Day(2022, 2, 24)));
  EXPECT_TRUE(AgreeAtCoarserGranularity(Day(1999, 2, 24), Yearless(2, 24)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Yearless(2, 24), Day(2022, 2, 25)));
  EXPECT_FALSE(AgreeAtCoarserGranularity(Yearless(3, 24), Month(2022, 2)));
  EXPECT_TRUE(AgreeAtCoarserGranularity(Yearless(2, 24), Month(2022, 2)));
  // At year granularity there is nothing left to compare.
  EXPECT_TRUE(AgreeAtCoarserGranularity(Yearless(2, 24), Year(2022)));
}

TEST(MonthNameTest, NamesMonthsOneBased) {
  EXPECT_EQ(MonthName(1), "January");
  EXPECT_EQ(MonthName(2), "February");
  EXPECT_EQ(MonthName(12), "December");
}

TEST(MonthNameTest, IsEmptyOutOfRange) {
  EXPECT_EQ(MonthName(0), "");
  EXPECT_EQ(MonthName(13), "");
  EXPECT_EQ(MonthName(-1), "");
}

}  // namespace
}  // namespace factcheck
