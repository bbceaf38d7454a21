#include "engine/time/temporal_tagger.h"

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
#include "engine/time/tagger_rules.h"
#include "engine/time/temporal_tables.h"
#include "engine/time/temporal_tokenizer.h"

namespace factcheck {


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

namespace temporal_internal {


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

}  // namespace temporal_internal

using temporal_internal::Matcher;
using temporal_internal::TemporalTables;
using temporal_internal::Token;

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
