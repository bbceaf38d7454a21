// What the verdicts stage writes for each claim, and what the document
// checks add: a Finding, the unit the API reports (factcheck.v1.Claim).
#ifndef FACTCHECK_ENGINE_VERDICTS_FINDING_H_
#define FACTCHECK_ENGINE_VERDICTS_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/claims/date_attachment.h"
#include "engine/document/text.h"
#include "engine/events/event_catalog.h"
#include "engine/events/reference_event.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"

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

// Sets `f`'s sentence to `s`, quoting of it the excerpt around
// text[begin, end) and, when both fit in one excerpt, text[also_begin,
// also_end) too (the event's name beside the claim's date).
void SetSentence(absl::string_view text, TextLocator& locator,
                 const SentenceBounds& s, std::size_t begin, std::size_t end,
                 std::size_t also_begin, std::size_t also_end, Finding& f);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_VERDICTS_FINDING_H_
