// The temporal tagger's rules: Which sentence each token is in, and the tense of the clause around an
// expression: what yearless dates are resolved by.
#include "engine/time/tagger_rules.h"

namespace factcheck {
namespace temporal_internal {

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

}  // namespace temporal_internal
}  // namespace factcheck
