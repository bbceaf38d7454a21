// The temporal tagger's rules: Times of day, parts of day, reporting periods ("fiscal 2023", "the
// third quarter") and fixed phrases ("now", "the past").
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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

}  // namespace temporal_internal
}  // namespace factcheck
