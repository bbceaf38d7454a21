#include "engine/temporal_tagger.h"

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
#include "engine/date.h"
#include "engine/temporal_tables.h"
#include "engine/temporal_tokenizer.h"

namespace factcheck {

using temporal_internal::Holiday;
using temporal_internal::Keyword;
using temporal_internal::LexEntry;
using temporal_internal::NumberForm;
using temporal_internal::TemporalTables;
using temporal_internal::TimeUnit;
using temporal_internal::Token;
using temporal_internal::TokenKind;

absl::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "";
}

namespace {

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
std::int64_t PickYear(int index, int dct_index, std::int64_t dct_year,
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
absl::CivilDay HolidayDay(Holiday holiday, std::int64_t year) {
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

bool YearInRange(std::int64_t year) { return year >= 1 && year <= 9999; }

bool IsRealDay(std::int64_t year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const absl::CivilDay civil(year, month, day);
  return civil.month() == month && civil.day() == day;
}

std::optional<PartialDate> YearDate(std::int64_t year) {
  if (!YearInRange(year)) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.granularity = Granularity::kYear;
  return date;
}

std::optional<PartialDate> MonthDate(std::int64_t year, int month) {
  if (!YearInRange(year) || month < 1 || month > 12) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.month = month;
  date.granularity = Granularity::kMonth;
  return date;
}

std::optional<PartialDate> DayDate(std::int64_t year, int month, int day) {
  if (!YearInRange(year) || !IsRealDay(year, month, day)) return std::nullopt;
  PartialDate date;
  date.year = static_cast<int>(year);
  date.month = month;
  date.day = day;
  date.granularity = Granularity::kDay;
  return date;
}

std::optional<PartialDate> CivilDate(absl::CivilDay day) {
  return DayDate(day.year(), day.month(), day.day());
}

// ISO 8601 week of `day`, as TIMEX3 writes it: "2024-W07".
std::string IsoWeek(absl::CivilDay day) {
  const int weekday = static_cast<int>(absl::GetWeekday(day));  // Monday 0.
  const absl::CivilDay thursday = day + (3 - weekday);
  const int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
  return absl::StrFormat("%04d-W%02d", thursday.year(), week);
}

std::string QuarterValue(std::int64_t year, int quarter) {
  return absl::StrFormat("%04d-Q%d", year, quarter);
}

// Seasons as TIMEX3 writes them; winter is named for the year of its
// December.
constexpr absl::string_view kSeasonCodes[] = {"", "SP", "SU", "FA", "WI"};

// The season (1 spring .. 4 winter) and its year that contain `day`.
std::pair<std::int64_t, int> SeasonOf(absl::CivilDay day) {
  const int m = day.month();
  if (m <= 2) return {day.year() - 1, 4};
  if (m == 12) return {day.year(), 4};
  return {day.year(), (m - 3) / 3 + 1};
}

std::string DurationValue(TimeUnit unit, const std::string& count) {
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
std::string HalfMoreDuration(TimeUnit unit, std::int64_t n) {
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
void AppendDigits(std::string& out, int n, int width) {
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
std::string TimexOf(const PartialDate& date) {
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
std::string MatchValue(const Match& m) {
  return m.value_from_date ? TimexOf(*m.date) : m.value;
}

Match DateMatch(std::size_t first, std::size_t last, const PartialDate& date,
                DateStyle style) {
  Match m;
  m.first = first;
  m.last = last;
  m.date = date;
  m.value_from_date = true;
  m.style = style;
  return m;
}

Match ValueMatch(std::size_t first, std::size_t last, TimexType type,
                 std::string value) {
  Match m;
  m.first = first;
  m.last = last;
  m.type = type;
  m.value = std::move(value);
  return m;
}

// Keeps the longest of the matches offered; the first offered wins a tie.
void Offer(std::optional<Match>& best, std::optional<Match> candidate) {
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

// ---------------------------------------------------------------- Sentences

bool Matcher::EndsSentence(std::size_t i) const {
  const Token& t = tokens_[i];
  if (t.kind != TokenKind::kPunct ||
      (t.punct != '.' && t.punct != '!' && t.punct != '?')) {
    return false;
  }
  std::size_t next = i + 1;
  while (next < n_ &&
         (IsPunct(next, '"') || IsPunct(next, '\'') || IsPunct(next, ')'))) {
    ++next;
  }
  if (next >= n_ || tokens_[next].newline_before) return true;
  const Token& after = tokens_[next];
  // "Feb. 14", "U.S. troops", "said on Monday. the ..." (lower case): the
  // period is part of an abbreviation or the text goes on.
  if (after.kind == TokenKind::kWord && !after.capitalized) return false;
  if (t.punct == '.' && i > 0 && Glued(i) &&
      tokens_[i - 1].kind == TokenKind::kWord) {
    const Token& before = tokens_[i - 1];
    const LexEntry* lex = before.lex;
    if (before.end - before.begin == 1) return false;
    if (lex && (lex->month_abbreviation || lex->keyword == Keyword::kTitle)) {
      return false;
    }
  }
  return true;
}

void Matcher::SplitSentences() {
  sentence_of_.resize(n_);
  sentence_start_.clear();
  std::uint32_t sentence = 0;
  sentence_start_.push_back(0);
  for (std::size_t i = 0; i < n_; ++i) {
    if (i > 0 && tokens_[i].newline_before && sentence_start_.back() != i) {
      ++sentence;
      sentence_start_.push_back(i);
    }
    sentence_of_[i] = sentence;
    if (EndsSentence(i) && i + 1 < n_ && !tokens_[i + 1].newline_before) {
      ++sentence;
      sentence_start_.push_back(i + 1);
    }
  }
}

int Matcher::TenseCue(std::size_t k) const {
  const int cue = WordTenseCue(k);
  // "were planning to drive", "was expected to", "was due": a past
  // auxiliary before a word that looks ahead looks ahead.
  if (cue < 0 && k + 1 < n_ && WordTenseCue(k + 1) > 0 &&
      (WordIs(k, "was") || WordIs(k, "were"))) {
    return 1;
  }
  // "will be paid", "to be completed", "would be named": a participle after
  // "be" is passive, and the "be" itself looks ahead.
  if (cue < 0 && k > 0 && WordIs(k - 1, "be")) return 1;
  // "had been scheduled to expire Friday": a plan that lay ahead once.
  if (cue > 0 && k > 1 && WordIs(k - 1, "been") && WordIs(k - 2, "had")) {
    return -1;
  }
  // "set to", "set for" look ahead; "the record set on Aug. 6" back;
  // "has set Nov. 10 as the deadline" says nothing.
  if (WordIs(k, "set")) {
    if (Kw(k + 1) == Keyword::kTo || WordIs(k + 1, "for")) return 1;
    return WordIs(k + 1, "on") ? -1 : 0;
  }
  return cue;
}

bool Matcher::IsModal(std::size_t k) const {
  return Kw(k) == Keyword::kWill || WordIs(k, "would");
}

bool Matcher::IsRegularPast(std::size_t k) const {
  return k < n_ && tokens_[k].kind == TokenKind::kWord &&
         tokens_[k].lex == nullptr && WordTenseCue(k) < 0;
}

int Matcher::WordTenseCue(std::size_t k) const {
  const Token& t = tokens_[k];
  if (t.kind != TokenKind::kWord) return 0;
  if (const LexEntry* lex = t.lex) {
    switch (lex->keyword) {
      case Keyword::kWon:  // "won't" is future, "won" past.
        return IsPunct(k + 1, '\'') && Glued(k + 1) && k + 2 < n_ &&
                       tokens_[k + 2].end - tokens_[k + 2].begin == 1 &&
                       (text_[tokens_[k + 2].begin] | 0x20) == 't'
                   ? 1
                   : -1;
      case Keyword::kIsAre:  // "is to", "are due"
        return Kw(k + 1) == Keyword::kTo || Kw(k + 1) == Keyword::kDue ? 1 : 0;
      default:
        return lex->tense;
    }
  }
  // A regular past form: a lower-case word of five letters or more ending
  // in "ed" that is not one of the few common words that merely end so.
  const absl::string_view word = text_.substr(t.begin, t.end - t.begin);
  if (word.size() < 5 || t.capitalized || !absl::EndsWith(word, "ed")) {
    return 0;
  }
  for (absl::string_view not_past :
       {"hundred", "indeed", "proceed", "exceed", "succeed", "speed"}) {
    if (word == not_past) return 0;
  }
  return -1;
}

Matcher::Tense Matcher::TenseAround(std::size_t first, std::size_t last,
                                    bool look_before) const {
  if (first >= n_) return Tense::kUnknown;
  // "as early as Tuesday", "as soon as next week": a time not yet reached.
  if (first >= 3 && WordIs(first - 1, "as") && WordIs(first - 3, "as") &&
      (WordIs(first - 2, "early") || WordIs(first - 2, "soon"))) {
    return Tense::kFuture;
  }
  // The nearest cue wins, the one before the expression on a tie: the verb
  // closest to a date is most often the one it modifies.
  constexpr std::size_t kBefore = 10;
  constexpr std::size_t kAfter = 8;
  const std::uint32_t s = sentence_of_[first];
  const std::size_t begin = sentence_start_[s];
  const std::size_t end =
      s + 1 < sentence_start_.size() ? sentence_start_[s + 1] : n_;
  for (std::size_t d = 1; d <= kBefore; ++d) {
    if (look_before && first >= begin + d) {
      if (const int cue = TenseCue(first - d)) {
        // "will redeem preferred shares on Oct. 31": a modal further back
        // governs an "-ed" word that may be a participle. Not one right
        // before the date: in "would appeal the decision, announced
        // Wednesday" the announcing is done.
        if (cue < 0 && d > 1 && IsRegularPast(first - d)) {
          for (std::size_t e = d + 1; e <= kBefore && first >= begin + e; ++e) {
            if (IsModal(first - e)) return Tense::kFuture;
            if (TenseCue(first - e) != 0 && !IsRegularPast(first - e)) break;
          }
        }
        return cue > 0 ? Tense::kFuture : Tense::kPast;
      }
    }
    if (d <= kAfter && last + d - 1 < end) {
      if (const int cue = TenseCue(last + d - 1)) {
        return cue > 0 ? Tense::kFuture : Tense::kPast;
      }
    }
  }
  return Tense::kUnknown;
}

bool Matcher::IsEndpoint(std::size_t first) const {
  if (first == 0) return false;
  std::size_t k = first - 1;
  // "until mid-November", "by around Nov. 1". A few steps at most, so that
  // a long run of dashes costs nothing.
  for (int steps = 0;
       steps < 3 && k > 0 &&
       (IsPunct(k, '-') || Kw(k) == Keyword::kEarly || Kw(k) == Keyword::kMid ||
        Kw(k) == Keyword::kLate || Kw(k) == Keyword::kApprox);
       ++steps) {
    --k;
  }
  if (Kw(k) == Keyword::kUntil || WordIs(k, "by")) return true;
  // "extended to Nov. 20", but not the second end of "from Oct. 1 to
  // Oct. 31" or "Monday to Friday".
  if (Kw(k) == Keyword::kTo && k > 0 &&
      tokens_[k - 1].kind == TokenKind::kWord) {
    const LexEntry* before = Lex(k - 1);
    return before == nullptr ||
           (before->month == 0 && before->weekday < 0 &&
            before->unit == TimeUnit::kNone && before->number == 0 &&
            before->ordinal == 0 && before->keyword != Keyword::kUp);
  }
  return false;
}

// -------------------------------------------------------------- Sub-parsers

int Matcher::DayNumber(std::size_t i) const {
  if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return 0;
  const Token& t = tokens_[i];
  if (t.number_form != NumberForm::kPlain &&
      t.number_form != NumberForm::kOrdinal) {
    return 0;
  }
  if (t.digits > 2 || t.number < 1 || t.number > 31) return 0;
  return static_cast<int>(t.number);
}

int Matcher::Ordinal(std::size_t i, std::size_t* next) const {
  if (i >= n_) return 0;
  const Token& t = tokens_[i];
  if (t.kind == TokenKind::kNumber) {
    if (t.number_form != NumberForm::kOrdinal || t.number < 1) return 0;
    *next = i + 1;
    return static_cast<int>(t.number);
  }
  const LexEntry* lex = t.lex;
  if (lex == nullptr) return 0;
  if (lex->ordinal > 0) {
    *next = i + 1;
    return lex->ordinal;
  }
  // "twenty-first", "thirty-first".
  if (lex->number >= 20 && lex->number <= 90 && lex->number % 10 == 0 &&
      IsPunct(i + 1, '-') && Glued(i + 1) && Glued(i + 2)) {
    const LexEntry* unit = Lex(i + 2);
    if (unit && unit->ordinal >= 1 && unit->ordinal <= 9) {
      *next = i + 3;
      return lex->number + unit->ordinal;
    }
  }
  return 0;
}

int Matcher::MonthAt(std::size_t i, std::size_t* next,
                     bool* needs_context) const {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr || lex->month == 0) return 0;
  // Lower-case "may", "march", "dec" are words, not months.
  if (lex->month_needs_context && !tokens_[i].capitalized) return 0;
  *needs_context = lex->month_needs_context;
  *next = i + 1;
  if (lex->month_abbreviation && IsPunct(i + 1, '.') && Glued(i + 1)) {
    *next = i + 2;
  }
  return lex->month;
}

bool Matcher::HasDateContext(std::size_t i) const {
  if (i == 0) return false;
  switch (Kw(i - 1)) {
    case Keyword::kYearPreposition:
    case Keyword::kSince:
    case Keyword::kUntil:
    case Keyword::kOf:
    case Keyword::kAnd:
    case Keyword::kTo:
    case Keyword::kEarly:
    case Keyword::kMid:
    case Keyword::kLate:
      return true;
    default:
      return false;
  }
}

std::int64_t Matcher::YearAt(std::size_t i, bool in_context) const {
  if (!IsNumber(i, NumberForm::kPlain)) return -1;
  const Token& t = tokens_[i];
  if (t.digits != 4 || t.number < 1000 || t.number > 2999) return -1;
  // "2022-23" (a season) and "2024-02" (ISO, matched elsewhere).
  if (IsPunct(i + 1, '-') && Glued(i + 1) && Glued(i + 2) && i + 2 < n_ &&
      tokens_[i + 2].kind == TokenKind::kNumber && tokens_[i + 2].digits <= 2) {
    return -1;
  }
  // "2024:", "2024%" and "$2024": clock times, percentages and money.
  if (Glued(i + 1) && (IsPunct(i + 1, ':') || IsPunct(i + 1, '%'))) return -1;
  if (Glued(i) &&
      (IsPunct(i - 1, '$') || IsPunct(i - 1, '*') || IsPunct(i - 1, '#'))) {
    return -1;
  }
  // "2000 troops", "1500 km", "2000 years", "2000 times".
  if (const LexEntry* next = Lex(i + 1)) {
    if (next->keyword == Keyword::kCountNoun ||
        next->keyword == Keyword::kTimes || next->unit_plural) {
      return -1;
    }
  }
  // "No. 2024" is a number.
  if (i >= 2 && IsPunct(i - 1, '.') && Kw(i - 2) == Keyword::kTitle) return -1;
  // "more than 2000", "some 2000", "nearly 2000".
  if (i > 0) {
    const Keyword before = Kw(i - 1);
    if (before == Keyword::kThan || before == Keyword::kCountCue ||
        before == Keyword::kApprox) {
      return -1;
    }
  }
  if (!in_context && (t.number < 1900 || t.number > 2099)) return -1;
  return t.number;
}

std::optional<Matcher::Count> Matcher::CountAt(std::size_t i) const {
  if (i >= n_) return std::nullopt;
  const Token& t = tokens_[i];
  Count count;
  count.next = i + 1;
  if (t.kind == TokenKind::kNumber) {
    if (t.number_form == NumberForm::kPlain) {
      if (t.number < 0) return std::nullopt;
      count.n = t.number;
      count.value = absl::StrCat(t.number);
      return count;
    }
    if (t.number_form != NumberForm::kGrouped) return std::nullopt;
    // "1,000" is a thousand; "1.5" a decimal. Anything else ("1.000,5",
    // "1,5") is too ambiguous to count with.
    std::string digits;
    bool decimal = false;
    for (std::size_t k = t.begin; k < t.end; ++k) {
      const char c = text_[k];
      if (c == ',') {
        if (decimal) return std::nullopt;
        continue;
      }
      if (c == '.') {
        if (decimal) return std::nullopt;
        decimal = true;
      }
      digits.push_back(c);
    }
    if (digits.size() > 12) return std::nullopt;
    count.value = digits;
    count.n = decimal ? 0 : 2;  // Only its plurality matters.
    return count;
  }
  const LexEntry* lex = t.lex;
  if (lex == nullptr) return std::nullopt;
  if (lex->keyword == Keyword::kA) {
    // "a couple of years", "a hundred years".
    if (Kw(i + 1) == Keyword::kCouple && Kw(i + 2) == Keyword::kOf) {
      count.n = 2;
      count.value = "2";
      count.next = i + 3;
      return count;
    }
    if (const LexEntry* number = Lex(i + 1); number && number->number >= 100) {
      count.n = number->number;
      count.value = absl::StrCat(count.n);
      count.next = i + 2;
      return count;
    }
    if (Kw(i + 1) == Keyword::kFew) {
      count.value = "X";
      count.next = i + 2;
      return count;
    }
    count.article = true;
    count.n = 1;
    count.value = "1";
    return count;
  }
  if (lex->keyword == Keyword::kFew || lex->keyword == Keyword::kSeveral) {
    count.value = "X";
    return count;
  }
  if (lex->number == 0) return std::nullopt;
  count.n = lex->number;
  // "twenty-two", "twenty two".
  if (lex->number >= 20 && lex->number <= 90 && lex->number % 10 == 0) {
    std::size_t k = i + 1;
    if (IsPunct(k, '-') && Glued(k) && Glued(k + 1)) ++k;
    const LexEntry* unit = Lex(k);
    if (unit && unit->number >= 1 && unit->number <= 9 &&
        (k == i + 2 || !IsPunct(i + 1, '-'))) {
      count.n += unit->number;
      count.next = k + 1;
    }
  }
  count.value = absl::StrCat(count.n);
  return count;
}

// ----------------------------------------------------------------- Calendar

std::optional<Match> Matcher::ResolveMonth(std::size_t first, std::size_t last,
                                           int month, Pick pick,
                                           DateStyle style,
                                           bool year_written) const {
  const std::int64_t year = PickYear(month, dct_.month(), dct_.year(), pick);
  const std::optional<PartialDate> date = MonthDate(year, month);
  if (!date) return std::nullopt;
  Match m = DateMatch(first, last, *date, style);
  m.year_written = year_written;
  return m;
}

std::optional<Match> Matcher::ResolveDay(std::size_t first, std::size_t last,
                                         int month, int day,
                                         DateStyle style) const {
  // 29 February exists in some year; resolution finds one.
  if (!IsRealDay(2000, month, day)) return std::nullopt;
  const Tense tense = TenseAround(first, last);
  Pick pick = tense == Tense::kFuture ? Pick::kOnOrAfter : Pick::kOnOrBefore;
  const auto year_of = [&](Pick p) {
    std::int64_t y = PickYear(month * 32 + day, dct_.month() * 32 + dct_.day(),
                              dct_.year(), p);
    for (int tries = 0; tries < 8 && !IsRealDay(y, month, day); ++tries) {
      y += p == Pick::kOnOrAfter ? 1 : -1;
    }
    return y;
  };
  std::int64_t y = year_of(pick);
  if (tense != Tense::kFuture && IsEndpoint(first)) {
    // An interval's end ("extended to Nov. 20", "by Dec. 15") is the
    // nearest such day, before or after the DCT.
    const std::int64_t ahead = year_of(Pick::kOnOrAfter);
    if (IsRealDay(ahead, month, day) && IsRealDay(y, month, day) &&
        YearInRange(ahead) && YearInRange(y) &&
        absl::CivilDay(ahead, month, day) - dct_ <
            dct_ - absl::CivilDay(y, month, day)) {
      y = ahead;
    }
  } else if (tense == Tense::kUnknown) {
    const std::int64_t ahead = year_of(Pick::kOnOrAfter);
    if (IsRealDay(ahead, month, day) && YearInRange(ahead) &&
        absl::CivilDay(ahead, month, day) - dct_ <= kComingDays) {
      y = ahead;
    }
  }
  const std::optional<PartialDate> date = DayDate(y, month, day);
  if (!date) return std::nullopt;
  Match m = DateMatch(first, last, *date, style);
  m.year_written = false;
  return m;
}

std::optional<Match> Matcher::Iso(std::size_t i) const {
  if (!IsNumber(i, NumberForm::kPlain) || tokens_[i].digits != 4) {
    return std::nullopt;
  }
  if (!IsPunct(i + 1, '-') || !Glued(i + 1) || !Glued(i + 2) ||
      !IsNumber(i + 2, NumberForm::kPlain) || tokens_[i + 2].digits != 2) {
    return std::nullopt;
  }
  const std::int64_t year = tokens_[i].number;
  const int month = static_cast<int>(tokens_[i + 2].number);
  std::size_t last = i + 3;
  std::optional<PartialDate> date;
  if (IsPunct(i + 3, '-') && Glued(i + 3) && Glued(i + 4)) {
    if (!IsNumber(i + 4, NumberForm::kPlain) || tokens_[i + 4].digits != 2) {
      return std::nullopt;
    }
    date = DayDate(year, month, static_cast<int>(tokens_[i + 4].number));
    last = i + 5;
  } else {
    date = MonthDate(year, month);
  }
  if (!date) return std::nullopt;
  // "2024-02-14-1" is an identifier, not a date.
  if (Glued(last) &&
      (IsPunct(last, '-') || tokens_[last].kind != TokenKind::kPunct)) {
    return std::nullopt;
  }
  return DateMatch(i, last, *date, DateStyle::kIso);
}

std::optional<Match> Matcher::DayFirst(std::size_t i) {
  std::size_t j = i + 1;
  int day = DayNumber(i);
  bool by_ordinal_word = false;
  if (day == 0) {
    // "the first of March": ordinal words need "of".
    std::size_t next = 0;
    day = Ordinal(i, &next);
    if (day == 0 || day > 31 || tokens_[i].kind != TokenKind::kWord ||
        Kw(next) != Keyword::kOf) {
      return std::nullopt;
    }
    by_ordinal_word = true;
    j = next;
  }
  if (Kw(j) == Keyword::kOf &&
      (by_ordinal_word || tokens_[i].number_form == NumberForm::kOrdinal)) {
    ++j;
  }
  std::size_t k = 0;
  bool needs_context = false;
  const int month = MonthAt(j, &k, &needs_context);
  if (month == 0) return std::nullopt;
  std::optional<Match> m;
  const std::int64_t year = YearAt(k, /*in_context=*/true);
  if (year > 0) {
    const std::optional<PartialDate> date = DayDate(year, month, day);
    if (!date) return std::nullopt;
    m = DateMatch(i, k + 1, *date, DateStyle::kDayMonthYear);
  } else {
    m = ResolveDay(i, k, month, day, DateStyle::kDayMonth);
    if (!m) return std::nullopt;
  }
  m->takes_article = tokens_[i].kind == TokenKind::kWord ||
                     tokens_[i].number_form == NumberForm::kOrdinal;
  return m;
}

std::optional<Match> Matcher::DayRange(std::size_t i) {
  // "between 18 and 20 January", "18-20 January": the first day takes its
  // month and year from the second.
  const int day = DayNumber(i);
  if (day == 0) return std::nullopt;
  if (Kw(i + 1) != Keyword::kAnd && Kw(i + 1) != Keyword::kTo &&
      !IsPunct(i + 1, '-')) {
    return std::nullopt;
  }
  const std::optional<Match> second = DayFirst(i + 2);
  if (!second || !second->date) return std::nullopt;
  const std::optional<PartialDate> date =
      DayDate(second->date->year, second->date->month, day);
  if (!date || day >= second->date->day) return std::nullopt;
  Match m = DateMatch(i, i + 1, *date, DateStyle::kOther);
  m.year_written = second->year_written;
  return m;
}

std::optional<Match> Matcher::MonthFirst(std::size_t i, bool in_context) {
  std::size_t j = 0;
  bool needs_context = false;
  const int month = MonthAt(i, &j, &needs_context);
  if (month == 0) return std::nullopt;
  // "February 14", "February 14, 2024". A count noun after the number
  // ("February 15 people") makes it a quantity; a participle does not
  // ("the bombings on Aug. 7 killed 224 people").
  const int day = DayNumber(j);
  const LexEntry* after_day = Lex(j + 1);
  const bool counted =
      after_day &&
      ((after_day->keyword == Keyword::kCountNoun && !WordIs(j + 1, "killed") &&
        !WordIs(j + 1, "dead") && !WordIs(j + 1, "wounded")) ||
       after_day->unit != TimeUnit::kNone);
  if (day > 0 && !counted) {
    std::size_t k = j + 1;
    std::int64_t year = -1;
    if (IsPunct(k, ',')) {
      year = YearAt(k + 1, true);
      if (year > 0) k += 2;
    } else {
      year = YearAt(k, true);
      if (year > 0) ++k;
    }
    if (year > 0) {
      const std::optional<PartialDate> date = DayDate(year, month, day);
      if (date) return DateMatch(i, k, *date, DateStyle::kMonthDayYear);
    } else if (std::optional<Match> m =
                   ResolveDay(i, j + 1, month, day, DateStyle::kMonthDay)) {
      return m;
    }
  }
  // "February 2024", "February, 2024", "February of 2024", "February
  // nineteen ninety-eight", "February this year", "June last year".
  std::size_t k = j;
  if (IsPunct(k, ',') || Kw(k) == Keyword::kOf) ++k;
  std::size_t after_year = k + 1;
  std::int64_t year = YearAt(k, true);
  if (year < 0) year = WordYearAt(k, &after_year);
  DateStyle style = DateStyle::kMonthYear;
  bool plural = false;
  if (year < 0 && k == j && UnitAt(k + 1, &plural) == TimeUnit::kYear &&
      !plural) {
    const Keyword which = Kw(k);
    if (which == Keyword::kThis || which == Keyword::kLast ||
        which == Keyword::kNext) {
      year = dct_.year() + (which == Keyword::kLast   ? -1
                            : which == Keyword::kNext ? 1
                                                      : 0);
      after_year = k + 2;
      style = DateStyle::kOther;
    }
  }
  if (year > 0) {
    const std::optional<PartialDate> date = MonthDate(year, month);
    if (date) return DateMatch(i, after_year, *date, style);
  }
  // "in February". Without a preposition only unambiguous, capitalised
  // month names count.
  if (!tokens_[i].capitalized || (needs_context && !in_context)) {
    return std::nullopt;
  }
  Pick pick = TensePick(i, j);
  if (pick == Pick::kOnOrBefore) {
    const int ahead = (month - dct_.month() + 12) % 12;
    const int back = (dct_.month() - month + 12) % 12;
    // "through January", "until mid-November": the nearer one.
    if (ahead < back && IsEndpoint(i)) pick = Pick::kOnOrAfter;
    if (ahead <= kComingMonths && TenseAround(i, j) == Tense::kUnknown) {
      pick = Pick::kOnOrAfter;
    }
  }
  return ResolveMonth(i, j, month, pick, DateStyle::kMonth,
                      /*year_written=*/false);
}

std::optional<Match> Matcher::Year(std::size_t i, bool in_context) const {
  // "nineteen ninety-six", as broadcast transcripts write years.
  std::size_t next = 0;
  if (const std::int64_t spoken = WordYearAt(i, &next); spoken > 0) {
    if (const std::optional<PartialDate> date = YearDate(spoken)) {
      return DateMatch(i, next, *date, DateStyle::kYear);
    }
  }
  const std::int64_t year = YearAt(i, in_context);
  if (year < 0) return std::nullopt;
  const std::optional<PartialDate> date = YearDate(year);
  if (!date) return std::nullopt;
  return DateMatch(i, i + 1, *date, DateStyle::kYear);
}

std::optional<Match> Matcher::Decade(std::size_t i) const {
  if (!IsNumber(i, NumberForm::kPlural)) return std::nullopt;
  const Token& t = tokens_[i];
  if (t.digits != 4 || t.number < 1000 || t.number > 2999 ||
      t.number % 10 != 0) {
    return std::nullopt;
  }
  Match m = ValueMatch(i, i + 1, TimexType::kDate,
                       absl::StrFormat("%03d", t.number / 10));
  m.takes_article = true;
  return m;
}

std::optional<Match> Matcher::ResolveSeason(std::size_t first, std::size_t last,
                                            int season, Pick pick) const {
  const auto [dct_year, dct_season] = SeasonOf(dct_);
  const std::int64_t year = PickYear(season, dct_season, dct_year, pick);
  if (!YearInRange(year)) return std::nullopt;
  return ValueMatch(first, last, TimexType::kDate,
                    absl::StrFormat("%04d-%s", year, kSeasonCodes[season]));
}

std::optional<Match> Matcher::Season(std::size_t i, bool in_context) {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr || lex->season == 0) return std::nullopt;
  // "summer 2023", "the summer of 2023".
  std::size_t j = i + 1;
  if (Kw(j) == Keyword::kOf) ++j;
  const std::int64_t year = YearAt(j, true);
  if (year > 0) {
    Match m =
        ValueMatch(i, j + 1, TimexType::kDate,
                   absl::StrFormat("%04d-%s", year, kSeasonCodes[lex->season]));
    m.takes_article = true;
    return m;
  }
  // "in spring": only after a preposition, so that "spring offensive" is
  // not a date, and never the verb "fall" ("prices fall in March").
  if (!in_context || lex->season_needs_year) return std::nullopt;
  const Keyword before = Kw(i - 1);
  if (before == Keyword::kTo || before == Keyword::kAnd) return std::nullopt;
  return ResolveSeason(i, i + 1, lex->season, TensePick(i, i + 1));
}

std::optional<Match> Matcher::QuarterOrHalf(std::size_t i) {
  bool hyphenated = false;
  int quarter = 0;
  int half = 0;
  std::size_t j = 0;
  if (const LexEntry* lex = Lex(i); lex && lex->quarter > 0) {
    quarter = lex->quarter;  // "Q1"
    j = i + 1;
  } else {
    const int ordinal = Ordinal(i, &j);
    if (ordinal < 1 || ordinal > 4) return std::nullopt;
    // "first-quarter results": an adjective, without the article before
    // it.
    hyphenated = IsPunct(j, '-') && Glued(j) && Glued(j + 1);
    if (hyphenated) ++j;
    bool plural = false;
    if (UnitAt(j, &plural) == TimeUnit::kQuarter && !plural) {
      quarter = ordinal;
    } else if (Kw(j) == Keyword::kHalf && ordinal <= 2) {
      half = ordinal;
    } else {
      return std::nullopt;
    }
    ++j;
  }
  std::size_t k = j;
  if (Kw(k) == Keyword::kOf || IsPunct(k, ',')) ++k;
  std::int64_t year = YearAt(k, true);
  std::size_t last = k + 1;
  if (year < 0) {
    // "the first quarter": the one of the current year, or by tense.
    last = j;
    const int dct_index =
        quarter ? (dct_.month() - 1) / 3 + 1 : (dct_.month() - 1) / 6 + 1;
    const int index = quarter ? quarter : half;
    // Results are reported after a quarter ends, so that even a sentence
    // about the future ("expects third-quarter results") means the quarter
    // just gone rather than next year's.
    year = TensePick(i, j) == Pick::kOnOrAfter && index < dct_index - 1
               ? dct_.year() + 1
               : PickYear(index, dct_index, dct_.year(), Pick::kOnOrBefore);
    if (!YearInRange(year)) return std::nullopt;
  }
  Match m = ValueMatch(i, last, TimexType::kDate,
                       quarter ? QuarterValue(year, quarter)
                               : absl::StrFormat("%04d-H%d", year, half));
  m.takes_article = !hyphenated;
  return m;
}

std::optional<Match> Matcher::Century(std::size_t i) const {
  std::size_t j = 0;
  const int ordinal = Ordinal(i, &j);
  bool plural = false;
  if (ordinal < 1 || ordinal > 30 || UnitAt(j, &plural) != TimeUnit::kCentury ||
      plural) {
    return std::nullopt;
  }
  Match m = ValueMatch(i, j + 1, TimexType::kDate,
                       absl::StrFormat("%02d", ordinal - 1));
  m.takes_article = true;
  return m;
}

std::optional<Match> Matcher::Calendar(std::size_t i, bool in_context) {
  std::optional<Match> best;
  Offer(best, Iso(i));
  Offer(best, DayFirst(i));
  Offer(best, DayRange(i));
  Offer(best, MonthFirst(i, in_context));
  Offer(best, Year(i, in_context));
  Offer(best, Decade(i));
  Offer(best, Season(i, in_context));
  Offer(best, QuarterOrHalf(i));
  Offer(best, Century(i));
  return best;
}

// ------------------------------------------------------ Composite patterns

std::optional<Match> Matcher::Article(std::size_t i) {
  if (Kw(i) != Keyword::kThe) return std::nullopt;
  const std::size_t j = i + 1;
  std::optional<Match> best;
  // "the past two years", "the coming weeks", "the last year".
  Offer(best, DeicticDuration(j, i));
  // "the past", "the future".
  if (Kw(j) == Keyword::kPast) {
    Offer(best, ValueMatch(i, j + 1, TimexType::kDate, "PAST_REF"));
  } else if (Kw(j) == Keyword::kFuture) {
    Offer(best, ValueMatch(i, j + 1, TimexType::kDate, "FUTURE_REF"));
  }
  // "the 1990s", "the first quarter of 2024", "the early 1990s".
  std::optional<Match> inner = Calendar(j, true);
  Offer(inner, Modified(j));
  if (inner && inner->takes_article) {
    inner->first = i;
    Offer(best, std::move(inner));
  }
  // "the beginning of 2024", "the end of the year", "the following day",
  // "the previous Friday".
  std::optional<Match> part = Modified(j);
  if (part && Kw(j) != Keyword::kBeginning && Kw(j) != Keyword::kMiddle &&
      Kw(j) != Keyword::kEnd) {
    part.reset();
  }
  if (Kw(j) == Keyword::kFollowing || Kw(j) == Keyword::kPrevious) {
    Offer(part, Deictic(j));
  }
  // "the next day": the day after the last one named, or after the DCT.
  bool day_plural = false;
  if (Kw(j) == Keyword::kNext && UnitAt(j + 1, &day_plural) == TimeUnit::kDay &&
      !day_plural) {
    if (std::optional<Match> next_day = ShiftFrom(i, j + 2, TimeUnit::kDay, 1,
                                                  anchor_day_.value_or(dct_))) {
      next_day->refers_back = anchor_day_.has_value();
      Offer(part, std::move(next_day));
    }
  }
  if (part) {
    part->first = i;
    Offer(best, std::move(part));
  }
  // "the nineteenth": a day of the month last named, or of the DCT's.
  std::size_t after_ordinal = 0;
  if (const int day = Ordinal(j, &after_ordinal);
      day >= 1 && day <= 31 && tokens_[j].kind == TokenKind::kWord &&
      (after_ordinal >= n_ ||
       (tokens_[after_ordinal].kind == TokenKind::kPunct &&
        !IsPunct(after_ordinal, '-')))) {
    const absl::CivilDay base = anchor_day_.value_or(dct_);
    absl::CivilMonth month(base);
    if (!anchor_day_ && day > dct_.day()) month -= 1;
    if (const auto date = DayDate(month.year(), month.month(), day)) {
      Match m = DateMatch(i, after_ordinal, *date, DateStyle::kOther);
      m.refers_back = anchor_day_.has_value();
      Offer(best, std::move(m));
    }
  }
  // "the nine months", "the first two years", "the four days".
  std::size_t k = j;
  if (WordIs(k, "first") || Kw(k) == Keyword::kLatest) ++k;
  if (const std::optional<Count> count = CountAt(k);
      count && !count->article && count->value != "X") {
    bool plural = false;
    const TimeUnit unit = UnitAt(count->next, &plural);
    if (unit != TimeUnit::kNone && plural == (count->n != 1) &&
        Kw(count->next + 1) != Keyword::kOld) {
      const std::string value = DurationValue(unit, count->value);
      if (!value.empty()) {
        Offer(best,
              ValueMatch(i, count->next + 1, TimexType::kDuration, value));
      }
    }
  }
  return best;
}

// Words that qualify the expression after them, with the TIMEX3 `mod` they
// give it. "earlier this year" and "sometime next year" keep the value of
// "this year" and "next year" and add no mod.
struct Qualifier {
  Keyword keyword;
  const char* mod;
  bool needs_of;  // "the end of 2023", "the beginning of the year".
};

constexpr Qualifier kQualifiers[] = {
    {Keyword::kEarly, "START", false},   {Keyword::kMid, "MID", false},
    {Keyword::kLate, "END", false},      {Keyword::kEarlier, "", false},
    {Keyword::kLater, "", false},        {Keyword::kSometime, "", false},
    {Keyword::kApprox, "APPROX", false}, {Keyword::kBeginning, "START", true},
    {Keyword::kMiddle, "MID", true},     {Keyword::kEnd, "END", true},
};

std::optional<Match> Matcher::Modified(std::size_t i) {
  const Qualifier* qualifier = nullptr;
  for (const Qualifier& q : kQualifiers) {
    if (q.keyword == Kw(i)) qualifier = &q;
  }
  if (qualifier == nullptr) return std::nullopt;
  std::size_t j = i + 1;
  if (qualifier->needs_of) {
    if (Kw(j) != Keyword::kOf) return std::nullopt;
    ++j;
  } else if (IsPunct(j, '-') && Glued(j) && Glued(j + 1)) {
    ++j;  // "mid-2023"
  }
  std::optional<Match> inner = Calendar(j, true);
  Offer(inner, Deictic(j));
  if (!qualifier->needs_of) {
    // "late yesterday", "early Tuesday", "around 7:15 p.m.".
    Offer(inner, Anchored(j));
    Offer(inner, Weekday(j));
    Offer(inner, Clock(j));
  } else if (!inner) {
    // "the end of the year": the DCT's year, month or week.
    Offer(inner, Phrase(j));
    bool plural = false;
    if (Kw(j) == Keyword::kThe && UnitAt(j + 1, &plural) == TimeUnit::kMonth &&
        !plural) {
      if (auto date = MonthDate(dct_.year(), dct_.month())) {
        inner = DateMatch(j, j + 2, *date, DateStyle::kOther);
      }
    }
  }
  if (!inner || inner->first != j ||
      (inner->type != TimexType::kDate && inner->type != TimexType::kTime) ||
      (!inner->value_from_date && inner->value.find('P') == 0)) {
    return std::nullopt;
  }
  // "about 1990" is a quantity as often as a year.
  if (qualifier->keyword == Keyword::kApprox && inner->date &&
      inner->date->granularity == Granularity::kYear) {
    return std::nullopt;
  }
  inner->first = i;
  if (*qualifier->mod != 0) inner->mod = qualifier->mod;
  return inner;
}

std::optional<Match> Matcher::Anchored(std::size_t i) {
  const auto day = [&](absl::CivilDay d) -> std::optional<Match> {
    const std::optional<PartialDate> date = CivilDate(d);
    if (!date) return std::nullopt;
    return DateMatch(i, i + 1, *date, DateStyle::kOther);
  };
  switch (Kw(i)) {
    case Keyword::kToday:
      return day(dct_);
    case Keyword::kYesterday:
      return day(dct_ - 1);
    case Keyword::kTomorrow:
      return day(dct_ + 1);
    case Keyword::kTonight:
      if (!YearInRange(dct_.year())) return std::nullopt;
      return ValueMatch(i, i + 1, TimexType::kTime,
                        absl::StrCat(TimexOf(*CivilDate(dct_)), "TNI"));
    case Keyword::kNow:
      return ValueMatch(i, i + 1, TimexType::kDate, "PRESENT_REF");
    case Keyword::kRecently:
      return ValueMatch(i, i + 1, TimexType::kDate, "PAST_REF");
    case Keyword::kSoon:
      if (i > 0 && Kw(i - 1) == Keyword::kAs)
        return std::nullopt;  // "as soon as"
      return ValueMatch(i, i + 1, TimexType::kDate, "FUTURE_REF");
    default:
      return std::nullopt;
  }
}

std::optional<Match> Matcher::ResolveWeekday(std::size_t first,
                                             std::size_t last, int weekday,
                                             Pick pick) const {
  const int today = static_cast<int>(absl::GetWeekday(dct_));
  int back = (today - weekday + 7) % 7;
  int ahead = (weekday - today + 7) % 7;
  absl::CivilDay day = dct_;
  switch (pick) {
    case Pick::kOnOrBefore:
      day -= back;
      break;
    case Pick::kBefore:
      day -= back == 0 ? 7 : back;
      break;
    case Pick::kOnOrAfter:
      day += ahead;
      break;
    case Pick::kAfter:
      day += ahead == 0 ? 7 : ahead;
      break;
  }
  const std::optional<PartialDate> date = CivilDate(day);
  if (!date) return std::nullopt;
  return DateMatch(first, last, *date, DateStyle::kOther);
}

std::optional<Match> Matcher::DeicticDuration(std::size_t i,
                                              std::size_t first) {
  switch (Kw(i)) {
    case Keyword::kPast:
    case Keyword::kLast:
    case Keyword::kNext:
    case Keyword::kComing:
    case Keyword::kPrevious:
    case Keyword::kFollowing:
      break;
    default:
      return std::nullopt;
  }
  const bool with_article = first != i;
  std::size_t j = i + 1;
  std::string amount;
  const std::optional<Count> count = CountAt(j);
  if (count && !count->article) {
    amount = count->value;
    j = count->next;
  }
  bool plural = false;
  const TimeUnit unit = UnitAt(j, &plural);
  if (unit == TimeUnit::kNone) return std::nullopt;
  if (amount.empty()) {
    // "the past year" is a year-long duration; "the coming weeks" a vague
    // one. Without "the", "last year" is a date (see Deictic), but "past
    // year" is still a duration.
    if (!with_article && Kw(i) != Keyword::kPast) return std::nullopt;
    // "the following day", "the previous month", "the next day": a date
    // (see Deictic and Article).
    if (!plural &&
        (Kw(i) == Keyword::kFollowing || Kw(i) == Keyword::kPrevious ||
         (Kw(i) == Keyword::kNext && unit == TimeUnit::kDay))) {
      return std::nullopt;
    }
    amount.assign(1, plural ? 'X' : '1');
  } else if (!plural && count->n != 1) {
    return std::nullopt;
  }
  const std::string value = DurationValue(unit, amount);
  if (value.empty()) return std::nullopt;
  return ValueMatch(first, j + 1, TimexType::kDuration, value);
}

std::optional<Match> Matcher::Deictic(std::size_t i) {
  int step = 0;
  // "this" names the period of the DCT's own year (or week, for weekdays):
  // "this March" is March 2024 for a DCT in February 2024, whatever the
  // tense. kOnOrBefore is a placeholder that the cases below replace.
  Pick pick = Pick::kOnOrBefore;
  const bool this_period = Kw(i) == Keyword::kThis;
  switch (Kw(i)) {
    case Keyword::kThis:
      step = 0;
      break;
    case Keyword::kLast:
    case Keyword::kPrevious:
      step = -1;
      pick = Pick::kBefore;
      break;
    case Keyword::kNext:
    case Keyword::kComing:
    case Keyword::kFollowing:
      step = 1;
      pick = Pick::kAfter;
      break;
    case Keyword::kPast:
      // "past spring" (of "this past spring") is the last one; "past year"
      // a duration.
      if (const LexEntry* next = Lex(i + 1);
          next && (next->season > 0 || next->weekday >= 0)) {
        step = -1;
        pick = Pick::kBefore;
        break;
      }
      return DeicticDuration(i, i);
    default:
      return std::nullopt;
  }
  // "this coming Sunday", "this past spring".
  if (this_period &&
      (Kw(i + 1) == Keyword::kComing || Kw(i + 1) == Keyword::kPast)) {
    std::optional<Match> inner = Deictic(i + 1);
    if (inner && inner->type == TimexType::kDate) {
      inner->first = i;
      return inner;
    }
    return std::nullopt;
  }
  std::optional<Match> best = DeicticDuration(i, i);
  const std::size_t j = i + 1;
  const LexEntry* lex = Lex(j);
  if (lex == nullptr) return best;
  // "the following day", "the previous year", "the previous Friday": from
  // the last date the text named at the unit's granularity, when it named
  // one.
  if ((Kw(i) == Keyword::kFollowing || Kw(i) == Keyword::kPrevious) &&
      !lex->unit_plural && !lex->weekday_plural) {
    std::optional<absl::CivilDay> base;
    switch (lex->unit) {
      case TimeUnit::kDay:
      case TimeUnit::kWeek:
        base = anchor_day_;
        break;
      case TimeUnit::kMonth:
        if (anchor_month_) base = absl::CivilDay(*anchor_month_);
        break;
      case TimeUnit::kYear:
      case TimeUnit::kDecade:
        if (anchor_year_ && YearInRange(*anchor_year_)) {
          base = absl::CivilDay(*anchor_year_, 7, 1);
        }
        break;
      default:
        if (lex->weekday >= 0) base = anchor_day_;
        break;
    }
    std::optional<Match> from_anchor;
    if (base && lex->weekday >= 0) {
      const int from = static_cast<int>(absl::GetWeekday(*base));
      const int shift = step < 0 ? -(((from - lex->weekday) + 6) % 7 + 1)
                                 : ((lex->weekday - from) + 6) % 7 + 1;
      if (const auto date = CivilDate(*base + shift)) {
        from_anchor = DateMatch(i, j + 1, *date, DateStyle::kOther);
      }
    } else if (base) {
      from_anchor = ShiftFrom(i, j + 1, lex->unit, step, *base);
    }
    if (from_anchor) {
      from_anchor->refers_back = true;
      return from_anchor;
    }
  }
  if (lex->weekday >= 0 && !lex->weekday_plural) {
    if (this_period) {
      const int today = static_cast<int>(absl::GetWeekday(dct_));
      if (const auto date = CivilDate(dct_ + (lex->weekday - today))) {
        Offer(best, DateMatch(i, j + 1, *date, DateStyle::kOther));
      }
    } else {
      Offer(best, ResolveWeekday(i, j + 1, lex->weekday, pick));
    }
  }
  std::size_t after_month = 0;
  bool needs_context = false;
  if (const int month = MonthAt(j, &after_month, &needs_context)) {
    if (this_period) {
      if (const auto date = MonthDate(dct_.year(), month)) {
        Offer(best, DateMatch(i, after_month, *date, DateStyle::kOther));
      }
    } else if (const int day = DayNumber(after_month);
               day > 0 && IsRealDay(2000, month, day)) {
      // "last Oct. 23": that day of the year before or after the DCT's.
      std::int64_t year = PickYear(
          month * 32 + day, dct_.month() * 32 + dct_.day(), dct_.year(), pick);
      if (const auto date = DayDate(year, month, day)) {
        Offer(best, DateMatch(i, after_month + 1, *date, DateStyle::kOther));
      }
    } else {
      Offer(best, ResolveMonth(i, after_month, month, pick, DateStyle::kOther,
                               /*year_written=*/true));
    }
  }
  if (lex->holiday != Holiday::kNone) {
    // "this Christmas": the nearer one, as for the bare name.
    Offer(
        best,
        NamedDay(i, j, this_period ? std::nullopt : std::optional<Pick>(pick)));
  }
  if (lex->season > 0) {
    if (this_period) {
      // The current season if it is the one named (a winter that began in
      // the previous December), else the one in the DCT's year.
      const auto [season_year, season] = SeasonOf(dct_);
      const std::int64_t year =
          season == lex->season ? season_year : dct_.year();
      if (YearInRange(year)) {
        Offer(best, ValueMatch(i, j + 1, TimexType::kDate,
                               absl::StrFormat("%04d-%s", year,
                                               kSeasonCodes[lex->season])));
      }
    } else {
      Offer(best, ResolveSeason(i, j + 1, lex->season, pick));
    }
  }
  if (lex->keyword == Keyword::kWeekend) {
    Offer(best, ValueMatch(i, j + 1, TimexType::kDate,
                           absl::StrCat(IsoWeek(dct_ + 7 * step), "-WE")));
  }
  // "this morning", "last night".
  const char* part = nullptr;
  switch (lex->keyword) {
    case Keyword::kMorning:
      part = "MO";
      break;
    case Keyword::kAfternoon:
      part = "AF";
      break;
    case Keyword::kEvening:
      part = "EV";
      break;
    case Keyword::kNight:
      part = "NI";
      break;
    default:
      break;
  }
  if (part && step <= 0 && (step == 0 || lex->keyword == Keyword::kNight)) {
    if (const std::optional<PartialDate> d = CivilDate(dct_ + step)) {
      Offer(best, ValueMatch(i, j + 1, TimexType::kTime,
                             absl::StrCat(TimexOf(*d), "T", part)));
    }
  }
  bool plural = false;
  const TimeUnit unit = UnitAt(j, &plural);
  if (plural || lex->keyword == Keyword::kFrequency) return best;
  std::optional<Match> period;
  if (unit == TimeUnit::kQuarter) {
    const absl::CivilMonth month = absl::CivilMonth(dct_) + 3 * step;
    if (YearInRange(month.year())) {
      period =
          ValueMatch(i, j + 1, TimexType::kDate,
                     QuarterValue(month.year(), (month.month() - 1) / 3 + 1));
    }
  } else if (unit != TimeUnit::kDay) {
    // "this day", "last day" are rarely dates ("the last day of talks").
    period = ShiftFrom(i, j + 1, unit, step, dct_);
  }
  Offer(best, std::move(period));
  return best;
}

std::optional<Match> Matcher::NamedDay(std::size_t first, std::size_t i,
                                       std::optional<Pick> pick) {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr || lex->holiday == Holiday::kNone ||
      !tokens_[i].capitalized) {
    return std::nullopt;
  }
  const auto capital_word = [&](std::size_t k, absl::string_view word) {
    return WordIs(k, word) && tokens_[k].capitalized;
  };
  std::size_t last = i + 1;
  int shift = 0;
  switch (lex->holiday) {
    case Holiday::kValentines:  // Only with its "'s Day".
      if (!IsPunct(i + 1, '\'') || !Glued(i + 1) || !Glued(i + 2) ||
          !WordIs(i + 2, "s") || !capital_word(i + 3, "day")) {
        return std::nullopt;
      }
      last = i + 4;
      break;
    case Holiday::kElectionDay:  // "election" alone is no day.
      if (!capital_word(i + 1, "day")) return std::nullopt;
      last = i + 2;
      break;
    case Holiday::kEaster:
      if (capital_word(i + 1, "sunday")) last = i + 2;
      break;
    case Holiday::kChristmas:
      if (capital_word(i + 1, "eve")) shift = -1;
      [[fallthrough]];
    case Holiday::kThanksgiving:
      if (capital_word(i + 1, "day") || shift != 0) last = i + 2;
      break;
    default:
      break;
  }
  // The occurrences around the DCT's year, earliest first.
  std::vector<absl::CivilDay> days;
  for (std::int64_t year = dct_.year() - 1; year <= dct_.year() + 1; ++year) {
    if (YearInRange(year))
      days.push_back(HolidayDay(lex->holiday, year) + shift);
  }
  if (days.empty()) return std::nullopt;
  std::optional<absl::CivilDay> chosen;
  const auto latest = [&](bool or_on) {
    for (auto it = days.rbegin(); it != days.rend(); ++it) {
      if (*it < dct_ || (or_on && *it == dct_)) return std::optional(*it);
    }
    return std::optional<absl::CivilDay>();
  };
  const auto earliest = [&](bool or_on) {
    for (const absl::CivilDay day : days) {
      if (day > dct_ || (or_on && day == dct_)) return std::optional(day);
    }
    return std::optional<absl::CivilDay>();
  };
  if (!pick) {
    // As for a yearless day: the past one, unless the tense looks ahead or
    // the coming one is near.
    const Tense tense = TenseAround(first, last);
    if (tense == Tense::kFuture) {
      chosen = earliest(true);
    } else {
      chosen = latest(true);
      const std::optional<absl::CivilDay> ahead = earliest(false);
      if (tense == Tense::kUnknown && ahead && *ahead - dct_ <= kComingDays) {
        chosen = ahead;
      }
    }
  } else {
    switch (*pick) {
      case Pick::kBefore:
        chosen = latest(false);
        break;
      case Pick::kAfter:
        chosen = earliest(false);
        break;
      case Pick::kOnOrBefore:
        chosen = latest(true);
        break;
      case Pick::kOnOrAfter:
        chosen = earliest(true);
        break;
    }
  }
  if (!chosen) return std::nullopt;
  const std::optional<PartialDate> date = CivilDate(*chosen);
  if (!date) return std::nullopt;
  return DateMatch(first, last, *date, DateStyle::kOther);
}

std::optional<Match> Matcher::Weekday(std::size_t i) {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr || lex->weekday < 0 || !tokens_[i].capitalized) {
    return std::nullopt;
  }
  if (lex->weekday_plural) {  // "on Mondays"
    return ValueMatch(i, i + 1, TimexType::kSet,
                      absl::StrFormat("XXXX-WXX-%d", lex->weekday + 1));
  }
  // "Monday, February 12": the calendar date says which Monday.
  std::size_t j = i + 1;
  if (IsPunct(j, ',')) ++j;
  std::optional<Match> dated = DayFirst(j);
  Offer(dated, MonthFirst(j, true));
  if (dated && dated->date && dated->date->granularity == Granularity::kDay) {
    dated->first = i;
    if (!dated->year_written) {
      // "Saturday, April 25": the year in which that day is a Saturday,
      // of the two around the one the tense chose.
      const PartialDate& d = *dated->date;
      for (const int shift : {0, 1, -1}) {
        const std::int64_t year = d.year + shift;
        if (!YearInRange(year) || !IsRealDay(year, d.month, d.day)) continue;
        if (static_cast<int>(absl::GetWeekday(
                absl::CivilDay(year, d.month, d.day))) == lex->weekday) {
          if (shift != 0) {
            const std::optional<PartialDate> moved =
                DayDate(year, d.month, d.day);
            dated->date = moved;
          }
          break;
        }
      }
    }
    return dated;
  }
  // "Wednesday's ruling": the clause's verb is not the ruling's time.
  const bool possessive = IsPunct(i + 1, '\'') && Glued(i + 1) &&
                          Glued(i + 2) && WordIs(i + 2, "s");
  const Pick pick =
      TenseAround(i, i + 1, /*look_before=*/!possessive) == Tense::kFuture
          ? Pick::kOnOrAfter
          : Pick::kOnOrBefore;
  return ResolveWeekday(i, i + 1, lex->weekday, pick);
}

std::optional<Match> Matcher::Duration(std::size_t i) const {
  // TIMEX3 `mod` for a leading qualifier: "less than a month".
  const char* mod = "";
  std::size_t j = i;
  switch (Kw(i)) {
    case Keyword::kLess:
      if (Kw(i + 1) != Keyword::kThan) return std::nullopt;
      mod = "LESS_THAN", j = i + 2;
      break;
    case Keyword::kMore:
      if (Kw(i + 1) != Keyword::kThan) return std::nullopt;
      mod = "MORE_THAN", j = i + 2;
      break;
    case Keyword::kAt:
      if (Kw(i + 1) == Keyword::kLeast) {
        mod = "EQUAL_OR_MORE", j = i + 2;
      } else if (Kw(i + 1) == Keyword::kMost) {
        mod = "EQUAL_OR_LESS", j = i + 2;
      } else {
        return std::nullopt;
      }
      break;
    case Keyword::kUp:
      if (Kw(i + 1) != Keyword::kTo) return std::nullopt;
      mod = "EQUAL_OR_LESS", j = i + 2;
      break;
    case Keyword::kApprox:
      mod = "APPROX", j = i + 1;
      break;
    default:
      break;
  }
  const std::optional<Count> count = CountAt(j);
  if (!count) return std::nullopt;
  std::size_t k = count->next;
  // "a 24-hour ceasefire", "a 30-year-old man": a singular unit glued on.
  const bool adjective =
      IsPunct(k, '-') && Glued(k) && Glued(k + 1) && !count->article;
  if (adjective) ++k;
  bool plural = false;
  const TimeUnit unit = UnitAt(k, &plural);
  if (unit == TimeUnit::kNone) return std::nullopt;
  if (adjective || count->article) {
    if (plural) return std::nullopt;
    // "a second" is far more often an ordinal than a duration.
    if (count->article && unit == TimeUnit::kSecond) return std::nullopt;
    // "358,000 a month", "$1.76 a year": a rate, not a duration.
    const Keyword after_unit = Kw(k + 1);
    if (count->article && j > 0 && j == i && after_unit != Keyword::kAgo &&
        after_unit != Keyword::kEarlier && after_unit != Keyword::kLater &&
        (tokens_[j - 1].kind == TokenKind::kNumber ||
         Kw(j - 1) == Keyword::kCountNoun || IsPunct(j - 1, '%'))) {
      return std::nullopt;
    }
  } else if (count->n != 1 && !plural) {
    // "a five year low", "a two day rally": a count word before a singular
    // unit and a noun, the hyphen left out.
    if (count->n < 2 || k + 1 >= n_ ||
        tokens_[k + 1].kind != TokenKind::kWord || tokens_[k + 1].lex) {
      return std::nullopt;
    }
  }
  std::string value = DurationValue(unit, count->value);
  if (value.empty()) return std::nullopt;
  std::size_t last = k + 1;
  // "a year and a half", "two hours and a half"; "a minute and a half
  // later" keeps "later" out, as a duration.
  if (!adjective && count->n > 0 && count->value == absl::StrCat(count->n) &&
      Kw(last) == Keyword::kAnd && Kw(last + 1) == Keyword::kA &&
      !IsPunct(last, ',') && Kw(last + 2) == Keyword::kHalf &&
      Kw(last + 3) != Keyword::kAgo) {
    if (std::string half = HalfMoreDuration(unit, count->n); !half.empty()) {
      Match m = ValueMatch(i, last + 3, TimexType::kDuration, std::move(half));
      m.mod = mod;
      return m;
    }
  }
  // "two years ago" counts back from the DCT; "a year earlier", "two days
  // later" from the date the text last mentioned.
  const Keyword after = Kw(last);
  if (after == Keyword::kAgo || after == Keyword::kEarlier ||
      after == Keyword::kLater) {
    const std::int64_t n = count->value == "X" ? -1 : count->n;
    std::optional<Match> shifted;
    if (n < 0) {
      shifted =
          ValueMatch(i, last + 1, TimexType::kDate,
                     after == Keyword::kLater ? "FUTURE_REF" : "PAST_REF");
    } else if (n <= 100000 && count->value == absl::StrCat(n) &&
               after == Keyword::kAgo && Kw(last + 1) == Keyword::kToday) {
      // "thirty years ago today": that day, so many units back.
      const absl::CivilDay dct = dct_;
      std::optional<absl::CivilDay> day;
      switch (unit) {
        case TimeUnit::kCentury:
          day = absl::CivilDay(dct.year() - 100 * n, dct.month(), dct.day());
          break;
        case TimeUnit::kDecade:
          day = absl::CivilDay(dct.year() - 10 * n, dct.month(), dct.day());
          break;
        case TimeUnit::kYear:
          day = absl::CivilDay(dct.year() - n, dct.month(), dct.day());
          break;
        case TimeUnit::kMonth:
          day = absl::CivilDay(dct.year(), dct.month() - n, dct.day());
          break;
        case TimeUnit::kWeek:
          day = dct - 7 * n;
          break;
        case TimeUnit::kDay:
          day = dct - n;
          break;
        default:
          break;
      }
      if (day) {
        if (const auto date = CivilDate(*day)) {
          shifted = DateMatch(i, last + 2, *date, DateStyle::kOther);
        }
      }
    } else if (n <= 100000 && count->value == absl::StrCat(n)) {
      shifted = Shifted(i, last + 1, unit, after == Keyword::kLater ? n : -n,
                        after == Keyword::kAgo);
    }
    if (shifted) {
      shifted->mod = mod;
      return shifted;
    }
  }
  // Ages ("30 years old", "a 30-year-old man") are not time expressions.
  if ((!adjective && Kw(last) == Keyword::kOld) ||
      (adjective && IsPunct(last, '-') && Glued(last) && Glued(last + 1) &&
       Kw(last + 1) == Keyword::kOld)) {
    return std::nullopt;
  }
  Match m = ValueMatch(i, last, TimexType::kDuration, std::move(value));
  m.mod = mod;
  return m;
}

std::optional<Match> Matcher::Shifted(std::size_t first, std::size_t last,
                                      TimeUnit unit, std::int64_t n,
                                      bool from_dct) const {
  // In results copy "a year ago" and "a year earlier" mean the quarter
  // under discussion, a year before.
  if (unit == TimeUnit::kYear && focus_quarter_) {
    const std::int64_t year = focus_quarter_->first + n;
    if (!YearInRange(year)) return std::nullopt;
    Match m = ValueMatch(first, last, TimexType::kDate,
                         QuarterValue(year, focus_quarter_->second));
    m.refers_back = true;
    return m;
  }
  return ShiftFrom(first, last, unit, n,
                   from_dct || !anchor_day_ ? dct_ : *anchor_day_);
}

std::optional<Match> Matcher::ShiftFrom(std::size_t first, std::size_t last,
                                        TimeUnit unit, std::int64_t n,
                                        absl::CivilDay anchor) const {
  switch (unit) {
    case TimeUnit::kYear:
      if (auto date = YearDate(anchor.year() + n)) {
        return DateMatch(first, last, *date, DateStyle::kOther);
      }
      break;
    case TimeUnit::kMonth: {
      const absl::CivilMonth month = absl::CivilMonth(anchor) + n;
      if (auto date = MonthDate(month.year(), month.month())) {
        return DateMatch(first, last, *date, DateStyle::kOther);
      }
      break;
    }
    case TimeUnit::kWeek:
      if (YearInRange((anchor + 7 * n).year())) {
        return ValueMatch(first, last, TimexType::kDate,
                          IsoWeek(anchor + 7 * n));
      }
      break;
    case TimeUnit::kDay:
      if (auto date = CivilDate(anchor + n)) {
        return DateMatch(first, last, *date, DateStyle::kOther);
      }
      break;
    case TimeUnit::kDecade:
      if (YearInRange(anchor.year() + 10 * n)) {
        return ValueMatch(
            first, last, TimexType::kDate,
            absl::StrFormat("%03d", (anchor.year() + 10 * n) / 10));
      }
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::optional<Match> Matcher::Set(std::size_t i) const {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr) return std::nullopt;
  const auto set = [&](std::size_t last, TimeUnit unit,
                       const std::string& count) -> std::optional<Match> {
    std::string value = DurationValue(unit, count);
    if (value.empty()) return std::nullopt;
    return ValueMatch(i, last, TimexType::kSet, std::move(value));
  };
  // "daily", "annually"; but "quarterly dividend", "daily volume" name a
  // kind of thing, not how often something happens.
  if (lex->keyword == Keyword::kFrequency) {
    if (i + 1 < n_ && tokens_[i + 1].kind == TokenKind::kWord &&
        !tokens_[i + 1].capitalized && Kw(i + 1) != Keyword::kAnd &&
        Kw(i + 1) != Keyword::kOr) {
      return std::nullopt;
    }
    return set(i + 1, lex->unit, "1");
  }
  bool plural = false;
  // "every day", "every single day", "every other week", "every two years",
  // "each Monday".
  if (lex->keyword == Keyword::kEvery || lex->keyword == Keyword::kEach) {
    std::size_t j = i + 1;
    std::string count = "1";
    bool singular = true;  // "every day", "every other day"
    if (Kw(j) == Keyword::kSingle) {
      ++j;
    } else if (Kw(j) == Keyword::kOther) {
      count = "2", ++j;
    } else if (const std::optional<Count> c = CountAt(j);
               c && !c->article && c->value != "X") {
      count = c->value, j = c->next;
      singular = c->n == 1;
    }
    const LexEntry* next = Lex(j);
    if (next == nullptr) return std::nullopt;
    const TimeUnit unit = UnitAt(j, &plural);
    if (unit != TimeUnit::kNone && next->keyword != Keyword::kFrequency &&
        plural != singular) {
      return set(j + 1, unit, count);
    }
    if (count == "1" && singular && next->weekday >= 0 &&
        !next->weekday_plural) {
      return ValueMatch(i, j + 1, TimexType::kSet,
                        absl::StrFormat("XXXX-WXX-%d", next->weekday + 1));
    }
    std::size_t after_month = 0;
    bool needs_context = false;
    if (count == "1" && singular) {
      if (const int month = MonthAt(j, &after_month, &needs_context)) {
        return ValueMatch(i, after_month, TimexType::kSet,
                          absl::StrFormat("XXXX-%02d", month));
      }
    }
    return std::nullopt;
  }
  // "once a week", "twice a day", "three times a year".
  std::size_t j = i + 1;
  if (lex->keyword != Keyword::kOnce && lex->keyword != Keyword::kTwice) {
    const std::optional<Count> c = CountAt(i);
    if (!c || c->article || Kw(c->next) != Keyword::kTimes) {
      return std::nullopt;
    }
    j = c->next + 1;
  }
  const Keyword per = Kw(j);
  if (per != Keyword::kA && per != Keyword::kPer && per != Keyword::kEvery &&
      per != Keyword::kEach) {
    return std::nullopt;
  }
  const TimeUnit unit = UnitAt(j + 1, &plural);
  if (unit == TimeUnit::kNone || plural) return std::nullopt;
  return set(j + 2, unit, "1");
}

std::optional<Match> Matcher::Recent(std::size_t i) const {
  if (Kw(i) != Keyword::kRecent) return std::nullopt;
  bool plural = false;
  const TimeUnit unit = UnitAt(i + 1, &plural);
  if (unit == TimeUnit::kNone || !plural) return std::nullopt;
  return ValueMatch(i, i + 2, TimexType::kDuration, DurationValue(unit, "X"));
}

// ------------------------------------------------ Times, phrases, periods

bool Matcher::WordIs(std::size_t i, absl::string_view lower) const {
  if (i >= n_ || tokens_[i].kind != TokenKind::kWord) return false;
  const Token& t = tokens_[i];
  return absl::EqualsIgnoreCase(text_.substr(t.begin, t.end - t.begin), lower);
}

std::int64_t Matcher::WordYearAt(std::size_t i, std::size_t* next) const {
  const LexEntry* lex = Lex(i);
  if (lex == nullptr) return -1;
  // "two thousand", "two thousand and one".
  if (lex->number == 2 && Kw(i + 1) == Keyword::kThousand) {
    std::size_t k = i + 2;
    if (Kw(k) == Keyword::kAnd) ++k;
    if (const LexEntry* unit = Lex(k);
        unit && unit->number >= 1 && unit->number <= 19) {
      *next = k + 1;
      return 2000 + unit->number;
    }
    *next = i + 2;
    return 2000;
  }
  // "nineteen ninety-six", "nineteen seventy".
  if (lex->number != 19) return -1;
  const LexEntry* tens = Lex(i + 1);
  if (tens == nullptr || tens->number < 10 || tens->number > 90 ||
      (tens->number >= 20 && tens->number % 10 != 0)) {
    return -1;
  }
  std::int64_t year = 1900 + tens->number;
  *next = i + 2;
  if (tens->number >= 20 && IsPunct(i + 2, '-') && Glued(i + 2) &&
      Glued(i + 3)) {
    const LexEntry* unit = Lex(i + 3);
    if (unit && unit->number >= 1 && unit->number <= 9) {
      year += unit->number;
      *next = i + 4;
    }
  }
  return year;
}

std::pair<std::int64_t, int> Matcher::FocusQuarter() const {
  if (focus_quarter_) return *focus_quarter_;
  // The quarter last ended before the DCT: the one being reported on.
  const int done = (dct_.month() - 1) / 3;
  return done == 0 ? std::pair<std::int64_t, int>{dct_.year() - 1, 4}
                   : std::pair<std::int64_t, int>{dct_.year(), done};
}

std::optional<Match> Matcher::DayAt(std::size_t i) {
  std::optional<Match> day;
  switch (Kw(i)) {
    case Keyword::kToday:
    case Keyword::kYesterday:
    case Keyword::kTomorrow:
      day = Anchored(i);
      break;
    default:
      day = Weekday(i);
      Offer(day, DayFirst(i));
      Offer(day, MonthFirst(i, true));
      break;
  }
  if (!day || !day->date || day->date->granularity != Granularity::kDay) {
    return std::nullopt;
  }
  return day;
}

std::optional<Match> Matcher::Clock(std::size_t i) {
  int hour = -1;
  int minute = 0;
  std::size_t j = i + 1;
  if (Kw(i) == Keyword::kNoon) {
    hour = 12;
  } else if (Kw(i) == Keyword::kMidnight) {
    hour = 24;
  } else {
    if (!IsNumber(i, NumberForm::kPlain) || tokens_[i].digits > 2 ||
        tokens_[i].number < 1 || tokens_[i].number > 12) {
      return std::nullopt;
    }
    hour = static_cast<int>(tokens_[i].number);
    if (IsPunct(j, ':') && Glued(j) && Glued(j + 1) &&
        IsNumber(j + 1, NumberForm::kPlain) && tokens_[j + 1].digits == 2 &&
        tokens_[j + 1].number < 60) {
      minute = static_cast<int>(tokens_[j + 1].number);
      j += 2;
    }
    // "a.m.", "p.m.", "am", "pm".
    bool pm = false;
    if ((WordIs(j, "a") || WordIs(j, "p")) && IsPunct(j + 1, '.') &&
        Glued(j + 1) && WordIs(j + 2, "m") && Glued(j + 2)) {
      pm = WordIs(j, "p");
      j += 3;
      if (IsPunct(j, '.') && Glued(j)) ++j;
    } else if (WordIs(j, "am") || WordIs(j, "pm")) {
      pm = WordIs(j, "pm");
      ++j;
    } else {
      return std::nullopt;
    }
    if (pm && hour < 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
  }
  if (Kw(j) == Keyword::kTimeZone) ++j;
  // "10 p.m. Wednesday", "5 p.m. EST, Nov. 9": the day it is on.
  std::size_t k = IsPunct(j, ',') ? j + 1 : j;
  absl::CivilDay day = dct_;
  if (std::optional<Match> on = DayAt(k)) {
    day = absl::CivilDay(on->date->year, on->date->month, on->date->day);
    j = on->last;
  } else if (hour == 12 || hour == 24) {
    // "noon", "midnight" alone are words more often than times.
    if (i + 1 == j) return std::nullopt;
  }
  const std::optional<PartialDate> date = CivilDate(day);
  if (!date) return std::nullopt;
  return ValueMatch(i, j, TimexType::kTime,
                    hour == 24 ? absl::StrCat(TimexOf(*date), "T24:00")
                               : absl::StrFormat("%sT%02d:%02d", TimexOf(*date),
                                                 hour, minute));
}

// The TIMEX3 code of a part of the day, or nullptr.
const char* PartOfDayCode(Keyword keyword) {
  switch (keyword) {
    case Keyword::kMorning:
      return "MO";
    case Keyword::kAfternoon:
      return "AF";
    case Keyword::kEvening:
      return "EV";
    case Keyword::kNight:
      return "NI";
    default:
      return nullptr;
  }
}

std::optional<Match> Matcher::DayPart(std::size_t i) {
  // "Saturday night", "yesterday morning".
  if (std::optional<Match> day = DayAt(i)) {
    const char* part = PartOfDayCode(Kw(day->last));
    if (part == nullptr) return std::nullopt;
    Match m = ValueMatch(i, day->last + 1, TimexType::kTime,
                         absl::StrCat(TimexOf(*day->date), "T", part));
    // The day is named, so the expression dates things to it.
    m.date = day->date;
    m.year_written = day->year_written;
    return m;
  }
  // "mid-afternoon yesterday", "late morning".
  const Keyword mod = Kw(i);
  if (mod != Keyword::kMid && mod != Keyword::kEarly && mod != Keyword::kLate) {
    return std::nullopt;
  }
  std::size_t j = i + 1;
  if (IsPunct(j, '-') && Glued(j) && Glued(j + 1)) ++j;
  const char* part = PartOfDayCode(Kw(j));
  if (part == nullptr) return std::nullopt;
  std::size_t last = j + 1;
  absl::CivilDay day = dct_;
  if (std::optional<Match> on = DayAt(last)) {
    day = absl::CivilDay(on->date->year, on->date->month, on->date->day);
    last = on->last;
  }
  const std::optional<PartialDate> date = CivilDate(day);
  if (!date) return std::nullopt;
  return ValueMatch(i, last, TimexType::kTime,
                    absl::StrCat(TimexOf(*date), "T", part));
}

std::optional<Match> Matcher::ReportingPeriod(std::size_t i) {
  // "the latest quarter", "the year-ago period", "the 1988 third quarter",
  // "this year's third quarter", "the fiscal first quarter".
  std::size_t j = i;
  std::optional<std::int64_t> year;
  int quarter = 0;
  int years_back = 0;
  bool current = false;
  if (const Keyword k = Kw(j);
      (k == Keyword::kThis || k == Keyword::kLast || k == Keyword::kNext) &&
      Lex(j + 1) && Lex(j + 1)->unit == TimeUnit::kYear &&
      !Lex(j + 1)->unit_plural && IsPunct(j + 2, '\'') && WordIs(j + 3, "s")) {
    year = dct_.year() + (k == Keyword::kLast ? -1 : k == Keyword::kNext);
    j += 4;
  } else if (k == Keyword::kThe || k == Keyword::kThat) {
    ++j;
  } else {
    return std::nullopt;
  }
  while (Kw(j) == Keyword::kLatest || Kw(j) == Keyword::kCurrent ||
         Kw(j) == Keyword::kComparable) {
    current = current || Kw(j) == Keyword::kCurrent;
    ++j;
  }
  // "year-ago", "year-earlier".
  if (Lex(j) && Lex(j)->unit == TimeUnit::kYear && !Lex(j)->unit_plural &&
      IsPunct(j + 1, '-') && Glued(j + 1) && Glued(j + 2) &&
      (Kw(j + 2) == Keyword::kAgo || Kw(j + 2) == Keyword::kEarlier)) {
    years_back = 1;
    j += 3;
  }
  if (Kw(j) == Keyword::kFiscal) ++j;
  if (!year) {
    if (const std::int64_t y = YearAt(j, true); y > 0) {
      year = y;
      ++j;
    }
  }
  std::size_t after = 0;
  bool plural = false;
  if (const int ordinal = Ordinal(j, &after); ordinal >= 1 && ordinal <= 4) {
    if (IsPunct(after, '-') && Glued(after) && Glued(after + 1)) ++after;
    if (UnitAt(after, &plural) != TimeUnit::kQuarter || plural) {
      return std::nullopt;
    }
    quarter = ordinal;
    j = after + 1;
  } else if ((UnitAt(j, &plural) == TimeUnit::kQuarter && !plural) ||
             Kw(j) == Keyword::kPeriod) {
    ++j;
  } else {
    return std::nullopt;
  }
  // "the first quarter" alone is QuarterOrHalf's; here something must say
  // which year or which quarter.
  if (quarter > 0 && !year && years_back == 0) return std::nullopt;
  std::pair<std::int64_t, int> focus = FocusQuarter();
  if (current) focus = {dct_.year(), (dct_.month() - 1) / 3 + 1};
  if (quarter == 0) quarter = focus.second;
  const std::int64_t value_year = year.value_or(focus.first) - years_back;
  if (!YearInRange(value_year)) return std::nullopt;
  Match m =
      ValueMatch(i, j, TimexType::kDate, QuarterValue(value_year, quarter));
  m.takes_article = true;
  m.refers_back = years_back > 0;
  return m;
}

std::optional<Match> Matcher::Phrase(std::size_t i) {
  const Keyword k = Kw(i);
  // "that year": the year last named.
  bool year_plural = false;
  if (k == Keyword::kThat && anchor_year_ &&
      UnitAt(i + 1, &year_plural) == TimeUnit::kYear && !year_plural) {
    if (const auto date = YearDate(*anchor_year_)) {
      Match m = DateMatch(i, i + 2, *date, DateStyle::kOther);
      m.refers_back = true;
      return m;
    }
  }
  // "these days", "right now".
  if (k == Keyword::kThese && Lex(i + 1) &&
      Lex(i + 1)->unit == TimeUnit::kDay && Lex(i + 1)->unit_plural) {
    return ValueMatch(i, i + 2, TimexType::kDate, "PRESENT_REF");
  }
  if (k == Keyword::kRight && Kw(i + 1) == Keyword::kNow) {
    return ValueMatch(i, i + 2, TimexType::kDate, "PRESENT_REF");
  }
  // "fiscal 1989".
  if (k == Keyword::kFiscal) {
    if (std::optional<Match> year = Year(i + 1, true)) {
      year->first = i;
      return year;
    }
    return std::nullopt;
  }
  // "year-end", "year end", "year's end".
  bool plural = false;
  if (UnitAt(i, &plural) == TimeUnit::kYear && !plural) {
    std::size_t j = i + 1;
    if (IsPunct(j, '-') && Glued(j) && Glued(j + 1)) {
      ++j;
    } else if (IsPunct(j, '\'') && Glued(j) && WordIs(j + 1, "s")) {
      j += 2;
    }
    if (Kw(j) == Keyword::kEnd) {
      Match m = ValueMatch(i, j + 1, TimexType::kDate,
                           absl::StrFormat("%04d", dct_.year()));
      m.mod = "END";
      return m;
    }
    // "year-earlier", "year-ago" before a noun: the same period a year
    // before.
    if (IsPunct(i + 1, '-') && Glued(i + 1) && Glued(i + 2) &&
        (Kw(i + 2) == Keyword::kEarlier || Kw(i + 2) == Keyword::kAgo)) {
      return Shifted(i, i + 3, TimeUnit::kYear, -1, false);
    }
    return std::nullopt;
  }
  if (k != Keyword::kThe) return std::nullopt;
  // "the near future", "the near term", "the short term".
  if ((Kw(i + 1) == Keyword::kNear || Kw(i + 1) == Keyword::kShort) &&
      (Kw(i + 2) == Keyword::kFuture || Kw(i + 2) == Keyword::kTerm)) {
    return ValueMatch(i, i + 3, TimexType::kDate, "FUTURE_REF");
  }
  // "the weekend": the one before the DCT, or the coming one in a sentence
  // about the future.
  if (Kw(i + 1) == Keyword::kWeekend) {
    const int weekday = static_cast<int>(absl::GetWeekday(dct_));
    absl::CivilDay day = weekday >= 5 ? dct_ : dct_ - (weekday + 1);
    if (TenseAround(i, i + 2) == Tense::kFuture && weekday < 5) {
      day = dct_ + (5 - weekday);
    }
    if (!YearInRange(day.year())) return std::nullopt;
    return ValueMatch(i, i + 2, TimexType::kDate,
                      absl::StrCat(IsoWeek(day), "-WE"));
  }
  // "the year", "the fiscal year", "the full year", "the current year":
  // the DCT's, or a year-long duration in "the year ended June 30".
  std::size_t j = i + 1;
  int back = 0;
  while (Kw(j) == Keyword::kFiscal || Kw(j) == Keyword::kCurrent ||
         Kw(j) == Keyword::kLatest || WordIs(j, "full")) {
    if (Kw(j) == Keyword::kLatest) back = 1;
    ++j;
  }
  const TimeUnit unit = UnitAt(j, &plural);
  if (unit == TimeUnit::kYear && !plural) {
    // "the year 2000", "the year two thousand".
    std::size_t next = 0;
    std::int64_t year = YearAt(j + 1, true);
    if (year > 0) {
      next = j + 2;
    } else {
      year = WordYearAt(j + 1, &next);
    }
    if (year > 0 && YearInRange(year)) {
      return DateMatch(i, next, *YearDate(year), DateStyle::kOther);
    }
    if (WordIs(j + 1, "ended") || WordIs(j + 1, "ending") ||
        WordIs(j + 1, "ends")) {
      return ValueMatch(i, j + 1, TimexType::kDuration, "P1Y");
    }
    if (IsPunct(j + 1, '-')) return std::nullopt;
    if (auto date = YearDate(dct_.year() - back)) {
      return DateMatch(i, j + 1, *date, DateStyle::kOther);
    }
    return std::nullopt;
  }
  if (unit == TimeUnit::kWeek && !plural && j == i + 1) {
    return ValueMatch(i, j + 1, TimexType::kDate,
                      absl::StrFormat("%04d-WXX", dct_.year()));
  }
  return std::nullopt;
}

std::optional<Match> Matcher::BarePlural(std::size_t i) const {
  // "for years", "within weeks", "over the years", "months of talks".
  std::size_t j = i;
  if (Kw(i) == Keyword::kThe) ++j;
  bool plural = false;
  const TimeUnit unit = UnitAt(j, &plural);
  if (unit == TimeUnit::kNone || !plural || i == 0) return std::nullopt;
  const Keyword before = Kw(i - 1);
  if (before != Keyword::kYearPreposition && before != Keyword::kCountCue &&
      before != Keyword::kMany && before != Keyword::kUntil) {
    return std::nullopt;
  }
  if (j > i && Kw(i - 1) == Keyword::kMany) return std::nullopt;
  std::size_t last = j + 1;
  // "weeks or months".
  bool other_plural = false;
  if (Kw(last) == Keyword::kOr &&
      UnitAt(last + 1, &other_plural) != TimeUnit::kNone && other_plural) {
    last += 2;
  }
  if (Kw(last) == Keyword::kAgo || Kw(last) == Keyword::kOld) {
    return std::nullopt;
  }
  const std::size_t first = before == Keyword::kMany ? i - 1 : i;
  return ValueMatch(first, last, TimexType::kDuration,
                    DurationValue(unit, "X"));
}

// --------------------------------------------------------------------- Run

TimeExpression Matcher::ToExpression(const Match& m) const {
  TimeExpression e;
  e.begin = tokens_[m.first].begin;
  e.end = tokens_[m.last - 1].end;
  e.text = std::string(text_.substr(e.begin, e.end - e.begin));
  e.type = m.type;
  e.value = MatchValue(m);
  if (m.type == TimexType::kDate || m.type == TimexType::kTime) {
    e.date = m.date;
  }
  e.style = m.style;
  e.year_written = m.year_written;
  e.mod = m.mod;
  if (m.first > 0) {
    switch (Kw(m.first - 1)) {
      case Keyword::kSince:
        e.role = DateRole::kSince;
        break;
      case Keyword::kUntil:
        e.role = DateRole::kUntil;
        break;
      default:
        break;
    }
  }
  return e;
}

void Matcher::Remember(const Match& m) {
  if (m.date && m.date->granularity == Granularity::kDay) {
    anchor_day_ = absl::CivilDay(m.date->year, m.date->month, m.date->day);
  }
  if (m.date && m.date->granularity >= Granularity::kMonth) {
    anchor_month_ = absl::CivilMonth(m.date->year, m.date->month);
  }
  if (m.date) anchor_year_ = m.date->year;
  // "2024-Q1": the quarter under discussion. A value written from a date
  // is never one.
  if (m.refers_back || m.value_from_date) return;
  const absl::string_view v = m.value;
  if (m.type == TimexType::kDate && v.size() == 7 && v[4] == '-' &&
      v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
    std::int64_t year = 0;
    for (int k = 0; k < 4; ++k) {
      if (v[k] < '0' || v[k] > '9') return;
      year = year * 10 + (v[k] - '0');
    }
    focus_quarter_.emplace(year, v[6] - '0');
  }
}

std::size_t Matcher::Run(std::size_t from, std::size_t stop,
                         std::vector<TimeExpression>& out) {
  std::size_t i = from;
  while (i < stop) {
    const Token& t = tokens_[i];
    // Most tokens start nothing: reject them before trying any pattern.
    if (t.kind == TokenKind::kPunct ||
        (t.kind == TokenKind::kWord &&
         (t.lex == nullptr || !t.lex->starts_expression))) {
      ++i;
      continue;
    }
    // "the", "a", "an", "that", "at" start something only with a number or
    // a table word after them ("the 1990s", "a year", "at least"), or, for
    // "the", the word "full" ("the full year"): every pattern that can
    // match at them reads the next token that way.
    if (t.kind == TokenKind::kWord && t.lex->needs_next_word &&
        !(i + 1 < n_ &&
          (tokens_[i + 1].kind == TokenKind::kNumber ||
           tokens_[i + 1].lex != nullptr ||
           (t.lex->keyword == Keyword::kThe && WordIs(i + 1, "full"))))) {
      ++i;
      continue;
    }
    std::optional<Match> best = Calendar(i, HasDateContext(i));
    Offer(best, Article(i));
    Offer(best, Modified(i));
    Offer(best, Anchored(i));
    Offer(best, Deictic(i));
    Offer(best, Weekday(i));
    if (t.lex != nullptr && t.lex->holiday != Holiday::kNone) {
      Offer(best, NamedDay(i, i, std::nullopt));
    }
    Offer(best, Duration(i));
    Offer(best, Set(i));
    Offer(best, Recent(i));
    Offer(best, Clock(i));
    Offer(best, DayPart(i));
    Offer(best, ReportingPeriod(i));
    Offer(best, Phrase(i));
    Offer(best, BarePlural(i));
    if (!best || best->last <= i) {
      ++i;
      continue;
    }
    // "the next year or so": the hedge belongs to the expression.
    if (Kw(best->last) == Keyword::kOr && Kw(best->last + 1) == Keyword::kSo) {
      best->last += 2;
    }
    Remember(*best);
    out.push_back(ToExpression(*best));
    i = best->last;
  }
  return i;
}

}  // namespace

TemporalTagger::TemporalTagger(const TemporalTaggerOptions& /*options*/)
    : tables_(&TemporalTables::Get()) {}

// Long texts are tagged in windows of about kWindowBytes, each cut just
// before a line break, so that the tokens held at a time (and the cost per
// byte) stay the same however long the text is. A window is read with
// kContextTokens tokens of the text before it and at least as many after
// it, more than any pattern looks back or ahead (a dozen tokens or so); a
// line break always starts a sentence, so the sentences, tense cues and
// expressions seen are exactly those of the whole text, and what earlier
// expressions set carries over from window to window. A text without line
// breaks is read in one window.
constexpr std::size_t kWindowBytes = 64 << 10;
constexpr std::size_t kContextTokens = 256;

std::vector<TimeExpression> TemporalTagger::Tag(absl::string_view text,
                                                absl::CivilDay dct) const {
  using temporal_internal::TokenizeUntilLineBreak;
  std::vector<TimeExpression> out;
  std::vector<Token> tokens;
  // News copy has about one token in every five or six bytes: room for one
  // in four, so that the vector seldom grows. A window holds about
  // kWindowBytes of text, unless the text has no line breaks.
  tokens.reserve(text.size() <= kWindowBytes
                     ? text.size() / 4 + 16
                     : (kWindowBytes + kWindowBytes / 4) / 6 +
                           3 * kContextTokens);
  Matcher matcher(text, dct);
  std::size_t pos = 0;    // Byte at which tokenizing goes on.
  std::size_t start = 0;  // Token at which matching goes on.
  while (true) {
    pos = TokenizeUntilLineBreak(text, *tables_, pos, kWindowBytes, 0, tokens);
    const std::size_t cut = tokens.size();
    if (pos < text.size()) {
      // The tokens after the window that patterns may look ahead to.
      pos = TokenizeUntilLineBreak(text, *tables_, pos, 0, kContextTokens,
                                   tokens);
    }
    matcher.Reset(tokens.data(), tokens.size());
    if (pos >= text.size()) {
      matcher.Run(start, tokens.size(), out);
      break;
    }
    const std::size_t next = matcher.Run(start, cut, out);
    // Keep the tokens before `next` that patterns may look back to.
    const std::size_t keep = next > kContextTokens ? next - kContextTokens : 0;
    tokens.erase(tokens.begin(),
                 tokens.begin() + static_cast<std::ptrdiff_t>(keep));
    start = next - keep;
  }
  return out;
}

}  // namespace factcheck
