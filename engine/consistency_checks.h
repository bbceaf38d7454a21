// Internal to engine/: the checks that look beyond one claim and its
// reference event, at the article's publication date, at relative
// statements and durations, and at the other claims of the same document.
// Checker::Check runs them after it has compared each claim with the
// reference; checker.h says what they find.
#ifndef FACTCHECK_ENGINE_CONSISTENCY_CHECKS_H_
#define FACTCHECK_ENGINE_CONSISTENCY_CHECKS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/checker.h"
#include "engine/date.h"
#include "engine/event_matcher.h"
#include "engine/temporal_tagger.h"
#include "engine/text.h"
#include "engine/words.h"

namespace factcheck {

// Which of an event's dates a claim gives, read from the words around it.
enum class ClaimRole {
  kPoint,  // "the summit on 11 July", "the invasion in February 2022"
  kStart,  // "since 2022", "the war began in 2022"
  kEnd,    // "until 2023", "the mutiny ended on 24 June"
};

// What the checker knows about one finding beyond what it reports.
struct ClaimNote {
  int event = -1;  // Index into the catalog; -1 when undecided.
  // The claimed date and the event mention; null for findings that rest on
  // other words ("upcoming", "for two years").
  const TimeExpression* time = nullptr;
  const EventMention* mention = nullptr;
  ClaimRole role = ClaimRole::kPoint;
  // The claimed date; `year_known` is false when the text gave no year.
  PartialDate claimed;
};

// The document being checked and what the earlier stages found in it.
struct DocumentContext {
  absl::string_view text;
  absl::CivilDay published;
  const EventCatalog* catalog = nullptr;
  const std::vector<TimeExpression>* times = nullptr;
  const std::vector<EventMention>* mentions = nullptr;
  const std::vector<SentenceBounds>* sentences = nullptr;
  // Every word of the text, in order.
  std::vector<Word> words;
};

// Sets `f`'s sentence to `s`, quoting of it the excerpt around
// text[begin, end) and, when both fit in one excerpt, text[also_begin,
// also_end) too (the event's name beside the claim's date).
void SetSentence(absl::string_view text, TextLocator& locator,
                 const SentenceBounds& s, std::size_t begin, std::size_t end,
                 std::size_t also_begin, std::size_t also_end, Finding& f);

// Reads the role of the claim that pairs `m` with `t`: "since" and verbs of
// beginning make it a start, "until" and verbs of ending an end.
ClaimRole ReadClaimRole(const DocumentContext& doc, const EventMention& m,
                        const TimeExpression& t);

// Adds the findings about the publication date that rest on no claimed
// date: "since" a date later than the article, an event called upcoming
// that had already happened, and a duration of an event ("for two years",
// "two years into the invasion") that does not fit the time between the
// event and the article.
void CheckAgainstPublicationDate(const DocumentContext& doc,
                                 TextLocator& locator,
                                 std::vector<Finding>& findings,
                                 std::vector<ClaimNote>& notes);

// Adds findings for relative statements: "less than a month after the
// launch on 18 January", "a year after the invasion", "two weeks later",
// checked against the dates they relate. A relative claim the pairing
// already made ("Two days later, the summit ended") is re-judged here with
// the slack such statements have.
void CheckRelativeStatements(const DocumentContext& doc, TextLocator& locator,
                             std::vector<Finding>& findings,
                             std::vector<ClaimNote>& notes);

// Marks a claim WITHIN_DOCUMENT when another claim of the same document
// dates the same event differently: the one the reference contradicts
// when the reference has a date, else the later one.
void CheckWithinDocument(const DocumentContext& doc,
                         std::vector<Finding>& findings,
                         const std::vector<ClaimNote>& notes);

// The first and the last day a date denotes, as yyyymmdd.
int FirstDay(const PartialDate& d);
int LastDay(const PartialDate& d);

// `day` as a PartialDate of day granularity.
PartialDate DayDate(absl::CivilDay day);

// `d` at granularity `g` or coarser.
PartialDate Truncate(PartialDate d, Granularity g);

// True when `words` (a sentence's words of `text`, see WordsIn) read as a
// report of the past: a past verb and no future cue ("will", "upcoming",
// "is due to").
bool ReadsAsPast(absl::string_view text, absl::Span<const Word> words);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_CONSISTENCY_CHECKS_H_
