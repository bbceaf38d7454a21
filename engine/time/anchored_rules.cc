// The temporal tagger's rules: Expressions built around another: "the 1990s", "early 2024", "the end of
// the month", "the spring of 2023", "the week of 14 February".
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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

}  // namespace temporal_internal
}  // namespace factcheck
