#include "engine/temporal_tagger.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/date.h"
#include "engine/temporal_tables.h"
#include "engine/temporal_tokenizer.h"

namespace factcheck {

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

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

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

// A candidate expression over tokens [first, last).
struct Match {
  std::size_t first = 0;
  std::size_t last = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  std::optional<PartialDate> date;
  DateStyle style = DateStyle::kOther;
  bool year_written = true;
  std::string mod;
  // Whether a leading "the" belongs to the expression ("the 1990s", "the
  // first quarter of 2024") rather than to a noun phrase around it.
  bool takes_article = false;
};

Match DateMatch(std::size_t first, std::size_t last, const PartialDate& date,
                DateStyle style) {
  Match m;
  m.first = first;
  m.last = last;
  m.value = date.ToTimex();
  m.date = date;
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
  Matcher(absl::string_view text, const std::vector<Token>& tokens,
          absl::CivilDay dct)
      : text_(text), tokens_(tokens), n_(tokens.size()), dct_(dct) {
    SplitSentences();
  }

  std::vector<TimeExpression> Run();

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
  bool IsFuture(std::size_t i);
  Pick TensePick(std::size_t i) {
    return IsFuture(i) ? Pick::kOnOrAfter : Pick::kOnOrBefore;
  }

  // ---- Patterns. Each returns the longest match starting at token `i`.
  std::optional<Match> Calendar(std::size_t i, bool in_context);
  std::optional<Match> Iso(std::size_t i) const;
  std::optional<Match> DayFirst(std::size_t i);
  std::optional<Match> MonthFirst(std::size_t i, bool in_context);
  std::optional<Match> Year(std::size_t i, bool in_context) const;
  std::optional<Match> Decade(std::size_t i) const;
  std::optional<Match> Season(std::size_t i, bool in_context);
  std::optional<Match> QuarterOrHalf(std::size_t i);
  std::optional<Match> Century(std::size_t i) const;
  std::optional<Match> Article(std::size_t i);
  std::optional<Match> Modified(std::size_t i);
  std::optional<Match> PartOf(std::size_t i);
  std::optional<Match> Anchored(std::size_t i);
  std::optional<Match> Deictic(std::size_t i);
  std::optional<Match> DeicticDuration(std::size_t i, std::size_t first);
  std::optional<Match> Weekday(std::size_t i);
  std::optional<Match> Duration(std::size_t i) const;
  std::optional<Match> Set(std::size_t i) const;
  std::optional<Match> Recent(std::size_t i) const;

  std::optional<Match> ResolveMonth(std::size_t first, std::size_t last,
                                    int month, Pick pick, DateStyle style,
                                    bool year_written) const;
  std::optional<Match> ResolveWeekday(std::size_t first, std::size_t last,
                                      int weekday, Pick pick) const;
  std::optional<Match> ResolveSeason(std::size_t first, std::size_t last,
                                     int season, Pick pick) const;

  TimeExpression ToExpression(const Match& m) const;

  absl::string_view text_;
  const std::vector<Token>& tokens_;
  const std::size_t n_;
  const absl::CivilDay dct_;
  // Sentence of each token, first token of each sentence, and the tense of
  // each sentence computed on first use (-1 unknown, 0 past, 1 future).
  std::vector<std::uint32_t> sentence_of_;
  std::vector<std::size_t> sentence_start_;
  std::vector<std::int8_t> sentence_future_;
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
  sentence_future_.assign(sentence_start_.size(), -1);
}

bool Matcher::IsFuture(std::size_t i) {
  if (i >= n_) return false;
  const std::uint32_t s = sentence_of_[i];
  if (sentence_future_[s] >= 0) return sentence_future_[s] == 1;
  const std::size_t end =
      s + 1 < sentence_start_.size() ? sentence_start_[s + 1] : n_;
  bool future = false;
  for (std::size_t k = sentence_start_[s]; k < end && !future; ++k) {
    switch (Kw(k)) {
      case Keyword::kWill:
      case Keyword::kNext:
      case Keyword::kUpcoming:
        future = true;
        break;
      case Keyword::kWon:  // "won't"
        future = IsPunct(k + 1, '\'') && Glued(k + 1) && k + 2 < end &&
                 tokens_[k + 2].end - tokens_[k + 2].begin == 1 &&
                 (text_[tokens_[k + 2].begin] | 0x20) == 't';
        break;
      case Keyword::kIsAre:  // "is to", "are due"
        future = Kw(k + 1) == Keyword::kTo || Kw(k + 1) == Keyword::kDue;
        break;
      default:
        break;
    }
  }
  sentence_future_[s] = future ? 1 : 0;
  return future;
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
    // 29 February exists in some year; resolution finds one.
    if (!IsRealDay(2000, month, day)) return std::nullopt;
    const Pick pick = TensePick(i);
    std::int64_t y = PickYear(month * 32 + day, dct_.month() * 32 + dct_.day(),
                              dct_.year(), pick);
    for (int tries = 0; tries < 8 && !IsRealDay(y, month, day); ++tries) {
      y += pick == Pick::kOnOrAfter ? 1 : -1;
    }
    const std::optional<PartialDate> date = DayDate(y, month, day);
    if (!date) return std::nullopt;
    m = DateMatch(i, k, *date, DateStyle::kDayMonth);
    m->year_written = false;
  }
  m->takes_article = tokens_[i].kind == TokenKind::kWord ||
                     tokens_[i].number_form == NumberForm::kOrdinal;
  return m;
}

std::optional<Match> Matcher::MonthFirst(std::size_t i, bool in_context) {
  std::size_t j = 0;
  bool needs_context = false;
  const int month = MonthAt(i, &j, &needs_context);
  if (month == 0) return std::nullopt;
  // "February 14", "February 14, 2024". A count noun after the number
  // ("February 15 people") makes it a quantity.
  const int day = DayNumber(j);
  const LexEntry* after_day = Lex(j + 1);
  if (day > 0 && !(after_day && (after_day->keyword == Keyword::kCountNoun ||
                                 after_day->unit != TimeUnit::kNone))) {
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
    } else if (IsRealDay(2000, month, day)) {
      const Pick pick = TensePick(i);
      std::int64_t y = PickYear(
          month * 32 + day, dct_.month() * 32 + dct_.day(), dct_.year(), pick);
      for (int tries = 0; tries < 8 && !IsRealDay(y, month, day); ++tries) {
        y += pick == Pick::kOnOrAfter ? 1 : -1;
      }
      const std::optional<PartialDate> date = DayDate(y, month, day);
      if (date) {
        Match m = DateMatch(i, j + 1, *date, DateStyle::kMonthDay);
        m.year_written = false;
        return m;
      }
    }
  }
  // "February 2024", "February, 2024", "February of 2024".
  std::size_t k = j;
  if (IsPunct(k, ',') || Kw(k) == Keyword::kOf) ++k;
  const std::int64_t year = YearAt(k, true);
  if (year > 0) {
    const std::optional<PartialDate> date = MonthDate(year, month);
    if (date) return DateMatch(i, k + 1, *date, DateStyle::kMonthYear);
  }
  // "in February". Without a preposition only unambiguous, capitalised
  // month names count.
  if (!tokens_[i].capitalized || (needs_context && !in_context)) {
    return std::nullopt;
  }
  return ResolveMonth(i, j, month, TensePick(i), DateStyle::kMonth,
                      /*year_written=*/false);
}

std::optional<Match> Matcher::Year(std::size_t i, bool in_context) const {
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
  return ResolveSeason(i, i + 1, lex->season, TensePick(i));
}

std::optional<Match> Matcher::QuarterOrHalf(std::size_t i) {
  int quarter = 0;
  int half = 0;
  std::size_t j = 0;
  if (const LexEntry* lex = Lex(i); lex && lex->quarter > 0) {
    quarter = lex->quarter;  // "Q1"
    j = i + 1;
  } else {
    const int ordinal = Ordinal(i, &j);
    if (ordinal < 1 || ordinal > 4) return std::nullopt;
    if (IsPunct(j, '-') && Glued(j) && Glued(j + 1)) ++j;  // "first-quarter"
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
    year = PickYear(quarter ? quarter : half, dct_index, dct_.year(),
                    TensePick(i));
    if (!YearInRange(year)) return std::nullopt;
  }
  Match m = ValueMatch(i, last, TimexType::kDate,
                       quarter ? absl::StrFormat("%04d-Q%d", year, quarter)
                               : absl::StrFormat("%04d-H%d", year, half));
  m.takes_article = true;
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
  Offer(inner, PartOf(j));
  if (inner && inner->takes_article) {
    inner->first = i;
    Offer(best, std::move(inner));
  }
  // "the beginning of 2024", "the end of the year".
  std::optional<Match> part = PartOf(j);
  if (part) {
    part->first = i;
    Offer(best, std::move(part));
  }
  return best;
}

std::optional<Match> Matcher::Modified(std::size_t i) {
  const char* mod = nullptr;
  switch (Kw(i)) {
    case Keyword::kEarly:
      mod = "START";
      break;
    case Keyword::kMid:
      mod = "MID";
      break;
    case Keyword::kLate:
      mod = "END";
      break;
    default:
      return std::nullopt;
  }
  std::size_t j = i + 1;
  if (IsPunct(j, '-') && Glued(j) && Glued(j + 1)) ++j;  // "mid-2023"
  std::optional<Match> inner = Calendar(j, true);
  if (!inner || inner->type != TimexType::kDate ||
      (inner->date && inner->date->granularity == Granularity::kDay)) {
    return std::nullopt;
  }
  inner->first = i;
  inner->mod = mod;
  return inner;
}

std::optional<Match> Matcher::PartOf(std::size_t i) {
  const char* mod = nullptr;
  switch (Kw(i)) {
    case Keyword::kBeginning:
      mod = "START";
      break;
    case Keyword::kMiddle:
      mod = "MID";
      break;
    case Keyword::kEnd:
      mod = "END";
      break;
    default:
      return std::nullopt;
  }
  if (Kw(i + 1) != Keyword::kOf) return std::nullopt;
  const std::size_t j = i + 2;
  std::optional<Match> inner = Calendar(j, true);
  Offer(inner, Deictic(j));
  // "the end of the year": the DCT's year, month or week.
  bool plural = false;
  if (Kw(j) == Keyword::kThe && !inner) {
    const TimeUnit unit = UnitAt(j + 1, &plural);
    if (!plural && unit == TimeUnit::kYear) {
      if (auto date = YearDate(dct_.year())) {
        inner = DateMatch(j, j + 2, *date, DateStyle::kOther);
      }
    } else if (!plural && unit == TimeUnit::kMonth) {
      if (auto date = MonthDate(dct_.year(), dct_.month())) {
        inner = DateMatch(j, j + 2, *date, DateStyle::kOther);
      }
    } else if (!plural && unit == TimeUnit::kWeek) {
      inner = ValueMatch(j, j + 2, TimexType::kDate, IsoWeek(dct_));
    }
  }
  if (!inner || inner->type != TimexType::kDate ||
      (inner->date && inner->date->granularity == Granularity::kDay)) {
    return std::nullopt;
  }
  inner->first = i;
  inner->mod = mod;
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
                        absl::StrCat(CivilDate(dct_)->ToTimex(), "TNI"));
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
    amount = plural ? "X" : "1";
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
      return DeicticDuration(i, i);
    default:
      return std::nullopt;
  }
  std::optional<Match> best = DeicticDuration(i, i);
  const std::size_t j = i + 1;
  const LexEntry* lex = Lex(j);
  if (lex == nullptr) return best;
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
    } else {
      Offer(best, ResolveMonth(i, after_month, month, pick, DateStyle::kOther,
                               /*year_written=*/true));
    }
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
                             absl::StrCat(d->ToTimex(), "T", part)));
    }
  }
  bool plural = false;
  const TimeUnit unit = UnitAt(j, &plural);
  if (plural || lex->keyword == Keyword::kFrequency) return best;
  std::optional<Match> period;
  switch (unit) {
    case TimeUnit::kYear:
      if (auto date = YearDate(dct_.year() + step)) {
        period = DateMatch(i, j + 1, *date, DateStyle::kOther);
      }
      break;
    case TimeUnit::kMonth: {
      const absl::CivilMonth month = absl::CivilMonth(dct_) + step;
      if (auto date = MonthDate(month.year(), month.month())) {
        period = DateMatch(i, j + 1, *date, DateStyle::kOther);
      }
      break;
    }
    case TimeUnit::kWeek:
      if (YearInRange(dct_.year())) {
        period =
            ValueMatch(i, j + 1, TimexType::kDate, IsoWeek(dct_ + 7 * step));
      }
      break;
    case TimeUnit::kQuarter: {
      const absl::CivilMonth month = absl::CivilMonth(dct_) + 3 * step;
      if (YearInRange(month.year())) {
        period = ValueMatch(i, j + 1, TimexType::kDate,
                            absl::StrFormat("%04d-Q%d", month.year(),
                                            (month.month() - 1) / 3 + 1));
      }
      break;
    }
    case TimeUnit::kDecade: {
      const std::int64_t year = dct_.year() + 10 * step;
      if (YearInRange(year)) {
        period = ValueMatch(i, j + 1, TimexType::kDate,
                            absl::StrFormat("%03d", year / 10));
      }
      break;
    }
    default:
      break;
  }
  Offer(best, std::move(period));
  return best;
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
    return dated;
  }
  return ResolveWeekday(i, i + 1, lex->weekday, TensePick(i));
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
  } else if (count->n == 1 ? false : !plural) {
    return std::nullopt;
  }
  std::string value = DurationValue(unit, count->value);
  if (value.empty()) return std::nullopt;
  std::size_t last = k + 1;
  Match m;
  // "two years ago": a date that far back, at that unit's granularity.
  if (Kw(last) == Keyword::kAgo) {
    const std::int64_t n = count->value == "X" ? -1 : count->n;
    std::optional<Match> ago;
    if (n < 0) {
      ago = ValueMatch(i, last + 1, TimexType::kDate, "PAST_REF");
    } else if (n <= 100000 && count->value == absl::StrCat(n)) {
      switch (unit) {
        case TimeUnit::kYear:
          if (auto date = YearDate(dct_.year() - n)) {
            ago = DateMatch(i, last + 1, *date, DateStyle::kOther);
          }
          break;
        case TimeUnit::kMonth: {
          const absl::CivilMonth month = absl::CivilMonth(dct_) - n;
          if (auto date = MonthDate(month.year(), month.month())) {
            ago = DateMatch(i, last + 1, *date, DateStyle::kOther);
          }
          break;
        }
        case TimeUnit::kWeek:
          if (YearInRange((dct_ - 7 * n).year())) {
            ago = ValueMatch(i, last + 1, TimexType::kDate,
                             IsoWeek(dct_ - 7 * n));
          }
          break;
        case TimeUnit::kDay:
          if (auto date = CivilDate(dct_ - n)) {
            ago = DateMatch(i, last + 1, *date, DateStyle::kOther);
          }
          break;
        case TimeUnit::kDecade:
          if (YearInRange(dct_.year() - 10 * n)) {
            ago = ValueMatch(
                i, last + 1, TimexType::kDate,
                absl::StrFormat("%03d", (dct_.year() - 10 * n) / 10));
          }
          break;
        default:
          break;
      }
    }
    if (ago) {
      ago->mod = mod;
      return ago;
    }
  }
  // "30 years old", "30-year-old".
  if (!adjective && Kw(last) == Keyword::kOld) {
    ++last;
  } else if (adjective && IsPunct(last, '-') && Glued(last) &&
             Glued(last + 1) && Kw(last + 1) == Keyword::kOld) {
    last += 2;
  }
  m = ValueMatch(i, last, TimexType::kDuration, std::move(value));
  m.mod = mod;
  return m;
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
  // "daily", "annually".
  if (lex->keyword == Keyword::kFrequency) return set(i + 1, lex->unit, "1");
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

// --------------------------------------------------------------------- Run

TimeExpression Matcher::ToExpression(const Match& m) const {
  TimeExpression e;
  e.begin = tokens_[m.first].begin;
  e.end = tokens_[m.last - 1].end;
  e.text = std::string(text_.substr(e.begin, e.end - e.begin));
  e.type = m.type;
  e.value = m.value;
  if (m.type == TimexType::kDate) e.date = m.date;
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

std::vector<TimeExpression> Matcher::Run() {
  std::vector<TimeExpression> out;
  std::size_t i = 0;
  while (i < n_) {
    const Token& t = tokens_[i];
    // Most tokens start nothing: reject them before trying any pattern.
    if (t.kind == TokenKind::kPunct ||
        (t.kind == TokenKind::kWord &&
         (t.lex == nullptr || !t.lex->starts_expression))) {
      ++i;
      continue;
    }
    std::optional<Match> best = Calendar(i, HasDateContext(i));
    Offer(best, Article(i));
    Offer(best, Modified(i));
    Offer(best, PartOf(i));
    Offer(best, Anchored(i));
    Offer(best, Deictic(i));
    Offer(best, Weekday(i));
    Offer(best, Duration(i));
    Offer(best, Set(i));
    Offer(best, Recent(i));
    if (!best || best->last <= i) {
      ++i;
      continue;
    }
    out.push_back(ToExpression(*best));
    i = best->last;
  }
  return out;
}

}  // namespace

TemporalTagger::TemporalTagger(const TemporalTaggerOptions& /*options*/)
    : tables_(&TemporalTables::Get()) {}

std::vector<TimeExpression> TemporalTagger::Tag(absl::string_view text,
                                                absl::CivilDay dct) const {
  std::vector<Token> tokens;
  temporal_internal::Tokenize(text, *tables_, tokens);
  Matcher matcher(text, tokens, dct);
  return matcher.Run();
}

}  // namespace factcheck
