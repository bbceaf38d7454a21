#include "engine/time/date.h"

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace factcheck {
namespace {

constexpr absl::string_view kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// A year used to validate month-day pairs when the year is unknown. It is a
// leap year, so "XXXX-02-29" is accepted: some year has a 29 February.
constexpr int kLeapYear = 2000;

// Parses exactly `width` ASCII digits from the front of `s`, or returns -1.
int ParseDigits(absl::string_view s, size_t width) {
  if (s.size() < width) return -1;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// True when `day` exists in `month` of `year`. Normalisation by CivilDay
// moves an impossible day into the next month, which is how we detect it.
bool IsRealDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const absl::CivilDay civil(year, month, day);
  return civil.year() == year && civil.month() == month && civil.day() == day;
}

absl::Status Invalid(absl::string_view what, absl::string_view value) {
  return absl::InvalidArgumentError(
      absl::StrCat("invalid ", what, ": \"", value, "\""));
}

}  // namespace

std::string PartialDate::ToTimex() const {
  std::string out = year_known ? absl::StrFormat("%04d", year) : "XXXX";
  if (granularity >= Granularity::kMonth) {
    absl::StrAppendFormat(&out, "-%02d", month);
  }
  if (granularity >= Granularity::kDay) {
    absl::StrAppendFormat(&out, "-%02d", day);
  }
  return out;
}

absl::StatusOr<PartialDate> PartialDate::FromTimex(absl::string_view value) {
  // Accepted shapes, by length: "YYYY" (4), "YYYY-MM" (7), "YYYY-MM-DD" (10).
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) {
    return Invalid("TIMEX3 date", value);
  }
  PartialDate date;
  if (value.substr(0, 4) == "XXXX") {
    date.year_known = false;
  } else {
    date.year = ParseDigits(value, 4);
    if (date.year < 1) return Invalid("TIMEX3 date", value);
  }
  if (value.size() == 4) {
    // An unknown year with nothing finer says nothing at all.
    if (!date.year_known) return Invalid("TIMEX3 date", value);
    date.granularity = Granularity::kYear;
    return date;
  }
  if (value[4] != '-') return Invalid("TIMEX3 date", value);
  date.month = ParseDigits(value.substr(5), 2);
  if (date.month < 1 || date.month > 12) return Invalid("TIMEX3 date", value);
  if (value.size() == 7) {
    date.granularity = Granularity::kMonth;
    return date;
  }
  if (value[7] != '-') return Invalid("TIMEX3 date", value);
  date.day = ParseDigits(value.substr(8), 2);
  const int check_year = date.year_known ? date.year : kLeapYear;
  if (!IsRealDay(check_year, date.month, date.day)) {
    return Invalid("TIMEX3 date", value);
  }
  date.granularity = Granularity::kDay;
  return date;
}

absl::StatusOr<PartialDate> PartialDate::FromIsoDay(absl::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') {
    return Invalid("ISO day", value);
  }
  PartialDate date;
  date.year = ParseDigits(value, 4);
  date.month = ParseDigits(value.substr(5), 2);
  date.day = ParseDigits(value.substr(8), 2);
  if (date.year < 1 || !IsRealDay(date.year, date.month, date.day)) {
    return Invalid("ISO day", value);
  }
  date.granularity = Granularity::kDay;
  return date;
}

bool AgreeAtCoarserGranularity(const PartialDate& a, const PartialDate& b) {
  const Granularity coarser = std::min(a.granularity, b.granularity);
  // Without both years, only month and day can be compared; at year
  // granularity that leaves nothing to disagree on.
  if (a.year_known && b.year_known && a.year != b.year) return false;
  if (coarser >= Granularity::kMonth && a.month != b.month) return false;
  if (coarser >= Granularity::kDay && a.day != b.day) return false;
  return true;
}

absl::string_view MonthName(int month) {
  if (month < 1 || month > 12) return "";
  return kMonthNames[month - 1];
}

int FirstDay(const PartialDate& d) {
  return d.year * 10000 + (d.month ? d.month : 1) * 100 + (d.day ? d.day : 1);
}

int LastDay(const PartialDate& d) {
  return d.year * 10000 + (d.month ? d.month : 12) * 100 + (d.day ? d.day : 31);
}

PartialDate DayDate(absl::CivilDay day) {
  PartialDate d;
  d.year = static_cast<int>(day.year());
  d.month = day.month();
  d.day = day.day();
  d.granularity = Granularity::kDay;
  return d;
}

PartialDate Truncate(PartialDate d, Granularity g) {
  if (g < d.granularity) d.granularity = g;
  if (d.granularity < Granularity::kDay) d.day = 0;
  if (d.granularity < Granularity::kMonth) d.month = 0;
  return d;
}

}  // namespace factcheck
