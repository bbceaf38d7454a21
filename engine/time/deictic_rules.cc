// The temporal tagger's rules: Expressions that count from the article's date or an earlier one: "last
// week", "next Tuesday", "two days later", named days and holidays, weekdays.
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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
  // "Monday, February 12": the calendar date says which Monday; so does
  // one in brackets, as Asian and Indian copy writes it ("on Sunday (Feb
  // 11)"), the brackets then part of the expression.
  std::size_t j = i + 1;
  const bool bracketed = IsPunct(j, '(');
  if (IsPunct(j, ',') || bracketed) ++j;
  std::optional<Match> dated = DayFirst(j);
  Offer(dated, MonthFirst(j, true));
  if (bracketed && dated && !IsPunct(dated->last, ')')) dated.reset();
  if (dated && dated->date && dated->date->granularity == Granularity::kDay) {
    dated->first = i;
    if (bracketed) ++dated->last;
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

}  // namespace temporal_internal
}  // namespace factcheck
