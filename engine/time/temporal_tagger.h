// Finds time expressions in news text and normalises them the way TimeML
// TIMEX3 values are written, reading relative expressions against the
// document creation time (the publication date).
#ifndef FACTCHECK_ENGINE_TIME_TEMPORAL_TAGGER_H_
#define FACTCHECK_ENGINE_TIME_TEMPORAL_TAGGER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/time/date.h"

namespace factcheck {

namespace temporal_internal {
class TemporalTables;
}  // namespace temporal_internal

// TIMEX3 types.
enum class TimexType { kDate, kTime, kDuration, kSet };

// "DATE", "TIME", "DURATION", "SET".
absl::string_view TimexTypeName(TimexType type);

// How a calendar date was written, so that a correction can be written the
// same way ("February 2024" is corrected to "February 2022", not to
// "2022-02-24").
enum class DateStyle {
  kOther,         // Relative or unusual wording ("today", "last year").
  kDayMonthYear,  // "24 February 2022"
  kMonthDayYear,  // "February 24, 2022"
  kDayMonth,      // "24 February"
  kMonthDay,      // "February 24"
  kMonthYear,     // "February 2022"
  kMonth,         // "February"
  kYear,          // "2022"
  kIso,           // "2022-02-24", "2022-02"
};

// How a date relates to what it qualifies, read from the word before it.
enum class DateRole {
  kPoint,  // "on 24 February", "in 2023"
  kSince,  // "since February 2022": the start of an open interval
  kUntil,  // "until March": the end of an interval
};

// One time expression found in the text.
struct TimeExpression {
  // Byte offsets into the UTF-8 text, half-open. The span covers the
  // expression only, not a leading preposition ("on", "in", "since").
  std::size_t begin = 0;
  std::size_t end = 0;
  // The text of the span.
  std::string text;
  TimexType type = TimexType::kDate;
  // The TIMEX3 value ("2024-02-14", "2024-02", "P3Y", "PRESENT_REF").
  std::string value;
  // For DATE expressions that name a calendar date at year, month or day
  // granularity: that date; for TIME expressions of a named day's part
  // ("Tuesday evening", "yesterday morning"): that day. Empty for
  // durations, sets, clock times, weeks, quarters, seasons, decades and the
  // *_REF values.
  std::optional<PartialDate> date;
  DateStyle style = DateStyle::kOther;
  // False when the text gave no year ("on 18 January") and the year of
  // `date` was resolved from the DCT. Checks compare such dates on month and
  // day only. `date->year` then holds the resolved year and
  // `date->year_known` is true. Relative expressions that fix the year
  // themselves ("last year", "yesterday", "two years ago") count as written.
  bool year_written = true;
  DateRole role = DateRole::kPoint;
  // The TIMEX3 `mod` attribute, empty when there is none: "START" for
  // "early 2024", "MID" for "mid-2023", "END" for "late February",
  // "LESS_THAN" for "less than a month", "APPROX" for "about two years".
  // `value` and `date` then hold the unmodified expression.
  std::string mod;
};

// Options with documented defaults.
struct TemporalTaggerOptions {
  // No options yet; kept so that callers need not change when some come.
};

// Stateless after construction and safe to share between threads: its
// tables are built once in the constructor and only read afterwards.
class TemporalTagger {
 public:
  explicit TemporalTagger(const TemporalTaggerOptions& options = {});

  // Returns the time expressions in `text` in text order, without overlaps.
  // `dct` is the document creation time against which "today", "on 18
  // January" (the most recent past 18 January for a past-tense sentence)
  // and the like are resolved. Never throws; any byte sequence is accepted
  // (invalid UTF-8 is skipped over).
  std::vector<TimeExpression> Tag(absl::string_view text,
                                  absl::CivilDay dct) const;

 private:
  // Process-wide, immutable word tables; not owned.
  const temporal_internal::TemporalTables* tables_;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_TIME_TEMPORAL_TAGGER_H_
