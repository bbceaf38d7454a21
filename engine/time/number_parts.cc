// The temporal tagger's rules: Sub-parsers the patterns share: day numbers, ordinals, month names, years
// and counts, each read from one token on.
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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
  // "2024:30", "2024%" and "$2024": clock times, percentages and money. A
  // colon after the year alone ends a timeline's heading ("2 March 2022:
  // Russian forces ...").
  if (Glued(i + 1) &&
      ((IsPunct(i + 1, ':') && Glued(i + 2) && i + 2 < n_ &&
        tokens_[i + 2].kind == TokenKind::kNumber) ||
       IsPunct(i + 1, '%'))) {
    return -1;
  }
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

}  // namespace temporal_internal
}  // namespace factcheck
