// Checks the dates that news copy gives for events against the reference
// events: text in, claims and findings out. The engine's entry point, and
// its pipeline, one stage per folder of engine/:
//
//   document/        the text read once: words, sentences  -> Document
//   time/            time expressions (TIMEX3)              -> TimeExpression
//   events/          names of reference events, exact and
//                    loose (word families, reordered words) -> EventMention
//   claims/          which mention each date dates          -> Claim
//   verdicts/        each claim against the reference       -> Finding
//   document_checks/ publication date, relative statements,
//                    other claims of the same text          -> more Findings
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
#include "engine/claims/date_attachment.h"
#include "engine/document/document.h"
#include "engine/document/text.h"
#include "engine/events/event_catalog.h"
#include "engine/events/reference_event.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"
#include "engine/verdicts/date_wording.h"
#include "engine/verdicts/finding.h"

namespace factcheck {

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

  // Check after its first three stages, for callers that time the stages
  // apart (bench/engine_benchmark.cc): Check(text, published) reads the
  // Document (ReadDocument), tags it (tagger().Tag), finds the event
  // mentions (catalog().FindMentionsInWords, loose names within
  // SentencesWithClaims) and then does this: attaches dates to mentions,
  // judges the claims and runs the document checks. `times` and
  // `mentions` must be what those calls return for `doc`.
  CheckResult CheckFound(const Document& doc,
                         const std::vector<TimeExpression>& times,
                         const std::vector<EventMention>& mentions) const;

  const EventCatalog& catalog() const { return *catalog_; }
  const TemporalTagger& tagger() const { return tagger_; }

 private:
  absl::StatusOr<CheckResult> CheckFoundWithin(
      const Document& doc, const std::vector<TimeExpression>& times,
      const std::vector<EventMention>& mentions,
      const CheckLimits& limits) const;

  std::shared_ptr<const EventCatalog> catalog_;
  TemporalTagger tagger_;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_CHECKER_H_
