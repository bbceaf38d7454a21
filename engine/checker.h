// Checks the dates that news copy gives for events against the reference
// events: text in, claims and findings out. The engine's entry point.
#ifndef FACTCHECK_ENGINE_CHECKER_H_
#define FACTCHECK_ENGINE_CHECKER_H_

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/date.h"
#include "engine/event_matcher.h"
#include "engine/reference_event.h"
#include "engine/temporal_tagger.h"
#include "engine/text.h"

namespace factcheck {

enum class Verdict { kSupported, kContradicted, kUnverifiable };

// What a claim was checked against (factcheck.v1.FindingKind).
enum class FindingKind {
  kReference,        // The reference event's date.
  kPublicationDate,  // The article's own publication date.
  kSeries,           // A numbered series: ordinal and date disagree.
  kRelative,         // A relative statement against the dates it relates.
  kWithinDocument,   // Another date the same document gives the event.
  kAcrossSources,    // Other ingested sources.
};

// "REFERENCE", "PUBLICATION_DATE", ...: the proto enum's value names.
absl::string_view FindingKindName(FindingKind kind);

enum class Severity { kInfo, kWarning, kError };

// A claim (an event mention with the date the text gives it) and how it
// stands against the reference.
struct Finding {
  // The date expression the claim rests on.
  TextSpan span;
  std::string claimed_text;   // "February 2024"
  std::string claimed_value;  // TIMEX3 value, "2024-02"
  // The sentence the claim was read from, and what the finding quotes of
  // it: the bytes at `excerpt_span`, which is the whole sentence unless it
  // is longer than kMaxExcerptBytes (SentenceExcerpt).
  TextSpan sentence_span;
  TextSpan excerpt_span;
  std::string sentence;
  // The event: its id and title, and the words that named it. Empty where
  // the finding has no one event: a name the reference cannot tell apart
  // (UNVERIFIABLE), or a date checked against the article's own date alone
  // ("since July 2204" in an article of 2024).
  std::string event_id;
  std::string event_title;
  TextSpan event_span;
  std::string event_text;

  Verdict verdict = Verdict::kUnverifiable;
  // The reference date compared with (start date of a lasting event).
  std::optional<PartialDate> reference_date;
  // One sentence for an editor.
  std::string explanation;
  // Replacement for `span` in the text's own style; set when contradicted.
  std::string suggestion;
  std::vector<EventCitation> citations;

  FindingKind kind = FindingKind::kReference;
  Severity severity = Severity::kInfo;
  // How sure the verdict is, 0 to 1.
  float confidence = 1.0f;
  // Other places the finding rests on: the earlier claim of a
  // WITHIN_DOCUMENT finding, the anchor of a RELATIVE one.
  std::vector<TextSpan> related_spans;
  // ACROSS_SOURCES: the sources that date the event differently.
  std::vector<std::string> related_sources;
};

// A time expression with its position in every unit.
struct LocatedTimeExpression {
  TimeExpression expression;
  TextSpan span;
};

struct CheckResult {
  std::vector<Finding> findings;                        // In text order.
  std::vector<LocatedTimeExpression> time_expressions;  // In text order.
};

// Bounds on one check, so that its work and its answer stay in proportion
// to what a real article needs, whatever the text (the server sets them
// from its flags). A check over a bound fails with ResourceExhausted
// naming it, as early as the count is known.
struct CheckLimits {
  // The most time expressions a text may have.
  std::size_t max_time_expressions = std::numeric_limits<std::size_t>::max();
  // The most findings a text may make, unverifiable ones included.
  std::size_t max_findings = std::numeric_limits<std::size_t>::max();
};

// Immutable and thread-safe: one Checker serves all requests until the
// reference events change, when a new one is built around a new catalog.
class Checker {
 public:
  explicit Checker(std::shared_ptr<const EventCatalog> catalog);

  // Checks `text` (UTF-8) published on `published`. InvalidArgument when
  // the text is empty or not valid UTF-8; ResourceExhausted when it goes
  // over one of `limits`.
  absl::StatusOr<CheckResult> Check(absl::string_view text,
                                    absl::CivilDay published,
                                    const CheckLimits& limits = {}) const;

  // Check without its first two stages, for callers that time the stages
  // apart (bench/engine_benchmark.cc): Check(text, published) validates
  // the text, tags it (tagger().Tag), finds the event mentions
  // (catalog().FindMentionsInWords, loose names within
  // SentencesWithTimes) and then does this, which pairs dates with events
  // and checks the claims. `text` must be non-empty, valid UTF-8;
  // `times` and `mentions` must be what those two calls return for it.
  CheckResult CheckFound(absl::string_view text, absl::CivilDay published,
                         const std::vector<TimeExpression>& times,
                         const std::vector<EventMention>& mentions) const;

  const EventCatalog& catalog() const { return *catalog_; }
  const TemporalTagger& tagger() const { return tagger_; }

 private:
  // CheckFound with the text's words (SplitWords), which the caller may
  // have split already for matching.
  absl::StatusOr<CheckResult> CheckFoundWords(
      absl::string_view text, absl::CivilDay published,
      const std::vector<TimeExpression>& times,
      const std::vector<EventMention>& mentions, std::vector<Word> words,
      std::vector<SentenceBounds> sentences, const CheckLimits& limits) const;

  std::shared_ptr<const EventCatalog> catalog_;
  TemporalTagger tagger_;
};

// The sentences (in text order) that hold a time expression of `times`
// (in text order): where an event mention can be a claim's, and so where
// the checker looks for loosely written names.
std::vector<SentenceBounds> SentencesWithTimes(
    const std::vector<SentenceBounds>& sentences,
    const std::vector<TimeExpression>& times);

// Writes `date` the way `style` writes dates, at the granularity of `date`
// or of the style, whichever is coarser: (2022-02-24, kMonthYear) gives
// "February 2022"; (2022-02-24, kDayMonth) gives "24 February".
std::string FormatDateLike(const PartialDate& date, DateStyle style);

// Writes `date` for people: "24 February 2022", "February 2022", "2022".
std::string FormatDateForPeople(const PartialDate& date);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_CHECKER_H_
