// The temporal tagger's rules: Durations ("for two years", "a decade"), shifts by a number of units,
// sets ("every Tuesday") and "recent".
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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

}  // namespace temporal_internal
}  // namespace factcheck
