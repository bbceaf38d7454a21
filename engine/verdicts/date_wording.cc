#include "engine/verdicts/date_wording.h"

#include "absl/strings/str_cat.h"

namespace factcheck {

std::string FormatDateForPeople(const PartialDate& d) {
  const std::string year = d.year_known ? absl::StrCat(d.year) : "";
  switch (d.granularity) {
    case Granularity::kDay:
      return d.year_known
                 ? absl::StrCat(d.day, " ", MonthName(d.month), " ", year)
                 : absl::StrCat(d.day, " ", MonthName(d.month));
    case Granularity::kMonth:
      return d.year_known ? absl::StrCat(MonthName(d.month), " ", year)
                          : std::string(MonthName(d.month));
    case Granularity::kYear:
      break;
  }
  return year;
}

std::string FormatDateLike(const PartialDate& date, DateStyle style) {
  const PartialDate& d = date;
  const bool day = d.granularity == Granularity::kDay;
  const bool month = d.granularity >= Granularity::kMonth;
  const std::string name(MonthName(d.month));
  switch (style) {
    case DateStyle::kDayMonthYear:
      if (day) return absl::StrCat(d.day, " ", name, " ", d.year);
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kMonthDayYear:
      if (day) return absl::StrCat(name, " ", d.day, ", ", d.year);
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kDayMonth:
      if (day) return absl::StrCat(d.day, " ", name);
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kMonthDay:
      if (day) return absl::StrCat(name, " ", d.day);
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kMonthYear:
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kMonth:
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kYear:
      return absl::StrCat(d.year);
    case DateStyle::kIso:
      return d.ToTimex();
    case DateStyle::kOther:
      break;
  }
  return FormatDateForPeople(d);
}

std::string OnOrIn(const PartialDate& d) {
  return absl::StrCat(d.granularity == Granularity::kDay ? "on " : "in ",
                      FormatDateForPeople(d));
}

std::string OrdinalWord(int n) {
  const int tens = n % 100, units = n % 10;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (units == 1) suffix = "st";
    if (units == 2) suffix = "nd";
    if (units == 3) suffix = "rd";
  }
  return absl::StrCat(n, suffix);
}

}  // namespace factcheck
