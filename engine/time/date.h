// Calendar dates known to a year, a month or a day, as news copy gives
// them and as TimeML TIMEX3 values write them.
#ifndef FACTCHECK_ENGINE_TIME_DATE_H_
#define FACTCHECK_ENGINE_TIME_DATE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace factcheck {

// How precisely a date is known. Ordered from coarse to fine.
enum class Granularity { kYear = 1, kMonth = 2, kDay = 3 };

// A civil date with a granularity: 2023, 2024-02 or 2022-02-24. Fields finer
// than the granularity are zero. `year_known` is false for a date written
// without a year ("on 24 February") whose year could not be read from the
// text; such a date is compared on month and day only.
struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12, or 0 below kMonth.
  int day = 0;    // 1..31, or 0 below kDay.
  Granularity granularity = Granularity::kYear;
  bool year_known = true;

  // The TIMEX3 value: "2022-02-24", "2024-02", "2023", "XXXX-02-24".
  std::string ToTimex() const;

  // Parses a TIMEX3 calendar value of the three forms above ("XXXX" year
  // allowed). Rejects anything else, including impossible dates such as
  // "2024-02-30", with an InvalidArgument naming the value.
  static absl::StatusOr<PartialDate> FromTimex(absl::string_view value);

  // Parses an ISO day "YYYY-MM-DD" and nothing else.
  static absl::StatusOr<PartialDate> FromIsoDay(absl::string_view value);

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// True when `a` and `b` agree at the coarser of their two granularities
// (month and day only when either year is unknown).
bool AgreeAtCoarserGranularity(const PartialDate& a, const PartialDate& b);

// English month name, 1-based ("January"). Empty for out-of-range months.
absl::string_view MonthName(int month);

// The first and the last day a date denotes, as yyyymmdd: comparable as
// integers.
int FirstDay(const PartialDate& d);
int LastDay(const PartialDate& d);

// `day` as a PartialDate of day granularity.
PartialDate DayDate(absl::CivilDay day);

// `d` at granularity `g` or coarser.
PartialDate Truncate(PartialDate d, Granularity g);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_TIME_DATE_H_
