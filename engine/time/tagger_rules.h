// Internal to engine/time/: the temporal tagger's grammar, shared by the
// files that hold its rules, one file per family of expressions (as
// Duckling keeps one rules file per dimension). temporal_tagger.h is the
// public face; temporal_tagger.cc runs the rules over the tokens.
#ifndef FACTCHECK_ENGINE_TIME_TAGGER_RULES_H_
#define FACTCHECK_ENGINE_TIME_TAGGER_RULES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tables.h"
#include "engine/time/temporal_tokenizer.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck {
namespace temporal_internal {


// How far ahead of the DCT a yearless day ("Deadline: Feb. 10",
// "Thanksgiving") in a sentence without tense cues is still read as the
// coming one: copy names a date of a year ago with its year. A past tense
// ("It opened on 20 March") keeps the past one.
constexpr int kComingDays = 60;
// Likewise a month up to two ahead ("the case is heard in May", in late
// March).
constexpr int kComingMonths = 2;

// Which occurrence of a yearly period (a month, a day of the year, a season,
// a quarter) a yearless mention means, relative to the DCT's own.
enum class Pick {
  kOnOrBefore,  // Past tense: "on 18 January", "this January" (past).
  kOnOrAfter,   // Future tense: "will meet on 18 January".
  kBefore,      // "last February".
  kAfter,       // "next February".
};

// The year of the period with position `index` within its year, given that
// the DCT falls in the period `dct_index` of `dct_year`.
inline std::int64_t PickYear(int index, int dct_index, std::int64_t dct_year,
                      Pick pick) {
  switch (pick) {
    case Pick::kOnOrBefore:
      return index <= dct_index ? dct_year : dct_year - 1;
    case Pick::kOnOrAfter:
      return index >= dct_index ? dct_year : dct_year + 1;
    case Pick::kBefore:
      return index < dct_index ? dct_year : dct_year - 1;
    case Pick::kAfter:
      return index > dct_index ? dct_year : dct_year + 1;
  }
  return dct_year;
}

// The day of `holiday` in `year`.
inline absl::CivilDay HolidayDay(Holiday holiday, std::int64_t year) {
  switch (holiday) {
    case Holiday::kValentines:
      return absl::CivilDay(year, 2, 14);
    case Holiday::kEaster: {
      // The anonymous Gregorian computus (Meeus/Jones/Butcher).
      const std::int64_t a = year % 19, b = year / 100, c = year % 100;
      const std::int64_t d = b / 4, e = b % 4, f = (b + 8) / 25;
      const std::int64_t g = (b - f + 1) / 3;
      const std::int64_t h = (19 * a + b - d - g + 15) % 30;
      const std::int64_t i = c / 4, k = c % 4;
      const std::int64_t l = (32 + 2 * e + 2 * i - h - k) % 7;
      const std::int64_t m = (a + 11 * h + 22 * l) / 451;
      const std::int64_t n = h + l - 7 * m + 114;
      return absl::CivilDay(year, static_cast<int>(n / 31),
                            static_cast<int>(n % 31 + 1));
    }
    case Holiday::kHalloween:
      return absl::CivilDay(year, 10, 31);
    case Holiday::kElectionDay: {
      // The Tuesday after the first Monday: between 2 and 8 November.
      absl::CivilDay day(year, 11, 2);
      while (absl::GetWeekday(day) != absl::Weekday::tuesday) ++day;
      return day;
    }
    case Holiday::kThanksgiving: {
      // The fourth Thursday: between 22 and 28 November.
      absl::CivilDay day(year, 11, 22);
      while (absl::GetWeekday(day) != absl::Weekday::thursday) ++day;
      return day;
    }
    case Holiday::kChristmas:
    case Holiday::kNone:
      break;
  }
  return absl::CivilDay(year, 12, 25);
}

inline bool YearInRange(std::int64_t year) { return year >= 1 && year <= 9999; }

inline bool IsRealDay(std::int64_t year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const absl::CivilDay civil(year, month, day);
  return civil.month() == month && civil.day() == day;
}

inline std::optional<PartialDate> YearDate(std::int64_t year) {
  if (!YearInRange(year)) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.granularity = Granularity::kYear;
  return date;
}

inline std::optional<PartialDate> MonthDate(std::int64_t year, int month) {
  if (!YearInRange(year) || month < 1 || month > 12) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.month = month;
  date.granularity = Granularity::kMonth;
  return date;
}

inline std::optional<PartialDate> DayDate(std::int64_t year, int month, int day) {
  if (!YearInRange(year) || !IsRealDay(year, month, day)) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.month = month;
  date.day = day;
  date.granularity = Granularity::kDay;
  return date;
}

inline std::optional<PartialDate> CivilDate(absl::CivilDay day) {
  return DayDate(day.year(), day.month(), day.day());
}

// ISO 8601 week of `day`, as TIMEX3 writes it: "2024-W07".
inline std::string IsoWeek(absl::CivilDay day) {
  const int weekday = static_cast<int>(absl::GetWeekday(day));  // Monday 0.
  const absl::CivilDay thursday = day + (3 - weekday);
  const int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
  return absl::StrFormat("%04d-W%02d", thursday.year(), week);
}

inline std::string QuarterValue(std::int64_t year, int quarter) {
  return absl::StrFormat("%04d-Q%d", year, quarter);
}

// Seasons as TIMEX3 writes them; winter is named for the year of its
// December.
constexpr absl::string_view kSeasonCodes[] = {"", "SP", "SU", "FA", "WI"};

// The season (1 spring .. 4 winter) and its year that contain `day`.
inline std::pair<std::int64_t, int> SeasonOf(absl::CivilDay day) {
  const int m = day.month();
  if (m <= 2) return {day.year() - 1, 4};
  if (m == 12) return {day.year(), 4};
  return {day.year(), (m - 3) / 3 + 1};
}

inline std::string DurationValue(TimeUnit unit, const std::string& count) {
  char letter = 0;
  bool time = false;
  int factor = 1;
  switch (unit) {
    case TimeUnit::kSecond:
      letter = 'S', time = true;
      break;
    case TimeUnit::kMinute:
      letter = 'M', time = true;
      break;
    case TimeUnit::kHour:
      letter = 'H', time = true;
      break;
    case TimeUnit::kDay:
      letter = 'D';
      break;
    case TimeUnit::kWeek:
      letter = 'W';
      break;
    case TimeUnit::kFortnight:
      letter = 'W', factor = 2;
      break;
    case TimeUnit::kMonth:
      letter = 'M';
      break;
    case TimeUnit::kQuarter:
      letter = 'M', factor = 3;
      break;
    case TimeUnit::kYear:
      letter = 'Y';
      break;
    case TimeUnit::kDecade:
      if (count == "X") return "PXDE";
      letter = 'Y', factor = 10;
      break;
    case TimeUnit::kCentury:
      if (count == "X") return "PXCE";
      letter = 'Y', factor = 100;
      break;
    case TimeUnit::kNone:
      return "";
  }
  std::string amount = count;
  if (factor != 1 && count != "X") {
    // Multiplying a decimal would need float formatting; such counts
    // ("1.5 decades") are rare enough to leave untagged.
    std::int64_t n = 0;
    for (char c : count) {
      if (c < '0' || c > '9' || n > 100000000) return "";
      n = n * 10 + (c - '0');
    }
    amount = absl::StrCat(n * factor);
  }
  return absl::StrCat(time ? "PT" : "P", amount, std::string(1, letter));
}

// The TIMEX3 value of `n` and a half units, in the next smaller unit where
// it divides evenly ("P1Y6M", "PT2H30M"), else as a decimal ("P1.5W").
inline std::string HalfMoreDuration(TimeUnit unit, std::int64_t n) {
  switch (unit) {
    case TimeUnit::kYear:
      return absl::StrCat("P", n, "Y6M");
    case TimeUnit::kDay:
      return absl::StrCat("P", n, "DT12H");
    case TimeUnit::kHour:
      return absl::StrCat("PT", n, "H30M");
    case TimeUnit::kMinute:
      return absl::StrCat("PT", n, "M30S");
    case TimeUnit::kMonth:
      return absl::StrCat("P", n, ".5M");
    case TimeUnit::kWeek:
      return absl::StrCat("P", n, ".5W");
    default:
      return "";
  }
}

// A candidate expression over tokens [first, last).
struct Match {
  std::size_t first = 0;
  std::size_t last = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  std::optional<PartialDate> date;
  DateStyle style = DateStyle::kOther;
  bool year_written = true;
  // The TIMEX3 `mod`: always a string literal, "" for none.
  const char* mod = "";
  // Whether the value was computed from an earlier mention ("a year
  // earlier"), so that it must not become the reference itself.
  bool refers_back = false;
  // Whether a leading "the" belongs to the expression ("the 1990s", "the
  // first quarter of 2024") rather than to a noun phrase around it.
  bool takes_article = false;
  // Whether `value` is still to be written from `date` (see MatchValue):
  // most candidates lose to a longer one, so the string is written for the
  // winners only.
  bool value_from_date = false;
};

// Appends `n` (0 <= n < 10^width) in `width` digits, zero-padded.
inline void AppendDigits(std::string& out, int n, int width) {
  char buffer[4];
  for (int k = width - 1; k >= 0; --k) {
    buffer[k] = static_cast<char>('0' + n % 10);
    n /= 10;
  }
  out.append(buffer, static_cast<std::size_t>(width));
}

// PartialDate::ToTimex without the formatting library: "2024-02-14",
// "2024-02", "2024", "XXXX-02-14". Values it cannot write in fixed width
// go to ToTimex itself, so the result is always the same.
inline std::string TimexOf(const PartialDate& date) {
  if ((date.year_known && (date.year < 0 || date.year > 9999)) ||
      (date.granularity >= Granularity::kMonth &&
       (date.month < 0 || date.month > 99)) ||
      (date.granularity >= Granularity::kDay &&
       (date.day < 0 || date.day > 99))) {
    return date.ToTimex();
  }
  std::string out;
  if (date.year_known) {
    AppendDigits(out, date.year, 4);
  } else {
    out.append("XXXX");
  }
  if (date.granularity >= Granularity::kMonth) {
    out.push_back('-');
    AppendDigits(out, date.month, 2);
  }
  if (date.granularity >= Granularity::kDay) {
    out.push_back('-');
    AppendDigits(out, date.day, 2);
  }
  return out;
}

// The TIMEX3 value of `m`.
inline std::string MatchValue(const Match& m) {
  return m.value_from_date ? TimexOf(*m.date) : m.value;
}

inline Match DateMatch(std::size_t first, std::size_t last, const PartialDate& date,
                DateStyle style) {
  Match m;
  m.first = first;
  m.last = last;
  m.date = date;
  m.value_from_date = true;
  m.style = style;
  return m;
}

inline Match ValueMatch(std::size_t first, std::size_t last, TimexType type,
                 std::string value) {
  Match m;
  m.first = first;
  m.last = last;
  m.type = type;
  m.value = std::move(value);
  return m;
}

// Keeps the longest of the matches offered; the first offered wins a tie.
inline void Offer(std::optional<Match>& best, std::optional<Match> candidate) {
  if (!candidate) return;
  if (!best || candidate->last > best->last) best = std::move(candidate);
}

// One run of the grammar over the tokens of one text.
class Matcher {
 public:
  Matcher(absl::string_view text, absl::CivilDay dct)
      : text_(text), dct_(dct) {}

  // Reads `tokens` (token offsets are offsets into the whole text) from now
  // on. What earlier expressions set (see Remember) is kept.
  void Reset(const Token* tokens, std::size_t n) {
    tokens_ = tokens;
    n_ = n;
    SplitSentences();
  }

  // Appends to `out` the expressions that start at tokens [from, stop), in
  // text order, and returns the token at which a later run must go on (at
  // or after `stop`: the last expression may end past it).
  std::size_t Run(std::size_t from, std::size_t stop,
                  std::vector<TimeExpression>& out);

 private:
  // A count before a unit: "two", "24", "twenty-two", "a", "several".
  struct Count {
    std::string value;     // TIMEX3 amount: "2", "1.5", "X".
    std::int64_t n = 0;    // The integer amount; 0 when vague or decimal.
    bool article = false;  // "a", "an": the unit must be singular.
    std::size_t next = 0;
  };

  // ---- Token access. Out-of-range indices read as "nothing there".
  const LexEntry* Lex(std::size_t i) const {
    return i < n_ ? tokens_[i].lex : nullptr;
  }
  Keyword Kw(std::size_t i) const {
    const LexEntry* lex = Lex(i);
    return lex ? lex->keyword : Keyword::kNone;
  }
  bool IsPunct(std::size_t i, char c) const {
    return i < n_ && tokens_[i].kind == TokenKind::kPunct &&
           tokens_[i].punct == c;
  }
  // Token `i` follows token `i - 1` with nothing in between.
  bool Glued(std::size_t i) const {
    return i < n_ && i > 0 && !tokens_[i].space_before;
  }
  bool IsNumber(std::size_t i, NumberForm form) const {
    return i < n_ && tokens_[i].kind == TokenKind::kNumber &&
           tokens_[i].number_form == form;
  }
  TimeUnit UnitAt(std::size_t i, bool* plural) const {
    const LexEntry* lex = Lex(i);
    if (lex == nullptr || lex->keyword == Keyword::kFrequency) {
      return TimeUnit::kNone;
    }
    *plural = lex->unit_plural;
    return lex->unit;
  }

  // ---- Sub-parsers. Each reads from token `i` and reports where it ended.
  int DayNumber(std::size_t i) const;
  int Ordinal(std::size_t i, std::size_t* next) const;
  int MonthAt(std::size_t i, std::size_t* next, bool* needs_context) const;
  std::int64_t YearAt(std::size_t i, bool in_context) const;
  std::optional<Count> CountAt(std::size_t i) const;
  bool HasDateContext(std::size_t i) const;

  // ---- Tense of the sentence holding token `i`.
  void SplitSentences();
  bool EndsSentence(std::size_t i) const;
  enum class Tense { kUnknown, kPast, kFuture };
  // +1 when token `k` is a future cue, -1 a past one, 0 neither.
  int TenseCue(std::size_t k) const;
  // The cue of the word at `k` alone, without the words around it.
  int WordTenseCue(std::size_t k) const;
  // "will", "would", "shall", "'ll".
  bool IsModal(std::size_t k) const;
  // A word read as past by its "-ed" spelling alone: a participle as often
  // as a finite verb ("preferred shares", "an unspecified date").
  bool IsRegularPast(std::size_t k) const;
  // Whether the expression starting at token `first` ends an interval:
  // "until Nov. 16", "extended to Nov. 20", "by February". Such a date can
  // lie after the DCT even in a past-tense sentence.
  bool IsEndpoint(std::size_t first) const;
  // The tense of the clause around tokens [first, last), read from the
  // nearest cue word in the sentence.
  // With `look_before` false only the words after count: the verb before
  // "Wednesday's ruling" tells nothing of when the ruling was.
  Tense TenseAround(std::size_t first, std::size_t last,
                    bool look_before = true) const;
  Pick TensePick(std::size_t first, std::size_t last) const {
    return TenseAround(first, last) == Tense::kFuture ? Pick::kOnOrAfter
                                                      : Pick::kOnOrBefore;
  }

  // ---- Patterns. Each returns the longest match starting at token `i`.
  std::optional<Match> Calendar(std::size_t i, bool in_context);
  std::optional<Match> Iso(std::size_t i) const;
  std::optional<Match> DayFirst(std::size_t i);
  std::optional<Match> MonthFirst(std::size_t i, bool in_context);
  std::optional<Match> DayRange(std::size_t i);
  std::optional<Match> Year(std::size_t i, bool in_context) const;
  std::optional<Match> Decade(std::size_t i) const;
  std::optional<Match> Season(std::size_t i, bool in_context);
  std::optional<Match> QuarterOrHalf(std::size_t i);
  std::optional<Match> Century(std::size_t i) const;
  std::optional<Match> Article(std::size_t i);
  std::optional<Match> Modified(std::size_t i);
  std::optional<Match> Anchored(std::size_t i);
  std::optional<Match> Deictic(std::size_t i);
  std::optional<Match> DeicticDuration(std::size_t i, std::size_t first);
  std::optional<Match> Weekday(std::size_t i);
  // "Thanksgiving", "Christmas Eve", "Election Day", "last Easter": the
  // holiday named at token `i`, the expression starting at `first`. With
  // no `pick`, the occurrence the tense and the DCT's nearness choose.
  std::optional<Match> NamedDay(std::size_t first, std::size_t i,
                                std::optional<Pick> pick);
  std::optional<Match> Duration(std::size_t i) const;
  std::optional<Match> Set(std::size_t i) const;
  std::optional<Match> Recent(std::size_t i) const;
  // The date `n` units from the last date mentioned, or from the DCT when
  // `from_dct`, at the unit's granularity.
  std::optional<Match> Shifted(std::size_t first, std::size_t last,
                               TimeUnit unit, std::int64_t n,
                               bool from_dct) const;
  // The date `n` units from `anchor`, at the unit's granularity: a day, an
  // ISO week, a month, a year or a decade.
  std::optional<Match> ShiftFrom(std::size_t first, std::size_t last,
                                 TimeUnit unit, std::int64_t n,
                                 absl::CivilDay anchor) const;

  std::optional<Match> ResolveDay(std::size_t first, std::size_t last,
                                  int month, int day, DateStyle style) const;
  std::optional<Match> ResolveMonth(std::size_t first, std::size_t last,
                                    int month, Pick pick, DateStyle style,
                                    bool year_written) const;
  std::optional<Match> ResolveWeekday(std::size_t first, std::size_t last,
                                      int weekday, Pick pick) const;
  std::optional<Match> ResolveSeason(std::size_t first, std::size_t last,
                                     int season, Pick pick) const;

  std::optional<Match> Clock(std::size_t i);
  std::optional<Match> DayPart(std::size_t i);
  std::optional<Match> ReportingPeriod(std::size_t i);
  std::optional<Match> Phrase(std::size_t i);
  std::optional<Match> BarePlural(std::size_t i) const;
  std::optional<Match> DayAt(std::size_t i);
  std::int64_t WordYearAt(std::size_t i, std::size_t* next) const;
  std::pair<std::int64_t, int> FocusQuarter() const;

  // Updates what later expressions may refer back to.
  void Remember(const Match& m);
  // Token `i` is the ASCII word `lower`, in any case.
  bool WordIs(std::size_t i, absl::string_view lower) const;

  TimeExpression ToExpression(const Match& m) const;

  absl::string_view text_;
  const Token* tokens_ = nullptr;
  std::size_t n_ = 0;
  const absl::CivilDay dct_;
  // What the expressions found so far set, for those that refer back: the
  // last day named ("the following day") and the last quarter ("a year
  // earlier" in results copy).
  std::optional<absl::CivilDay> anchor_day_;
  // The last month and the last year named, at any finer granularity too:
  // "the following month", "that year".
  std::optional<absl::CivilMonth> anchor_month_;
  std::optional<std::int64_t> anchor_year_;
  std::optional<std::pair<std::int64_t, int>> focus_quarter_;
  // Sentence of each token and first token of each sentence.
  std::vector<std::uint32_t> sentence_of_;
  std::vector<std::size_t> sentence_start_;
};

}  // namespace temporal_internal
}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_TIME_TAGGER_RULES_H_
