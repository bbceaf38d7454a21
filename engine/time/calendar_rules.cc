// The temporal tagger's rules: Calendar dates written out: ISO dates, day-first and month-first dates,
// day ranges, years, decades, seasons, quarters and halves, centuries.
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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

}  // namespace temporal_internal
}  // namespace factcheck
