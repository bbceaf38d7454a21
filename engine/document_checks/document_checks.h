// The last stage of a check: the checks that look beyond one claim and its
// reference event, at the article's publication date, at relative
// statements and durations, and at the other claims of the same document.
// They read what the earlier stages found (DocumentContext) and add to,
// or re-judge, the verdicts stage's findings.
#ifndef FACTCHECK_ENGINE_DOCUMENT_CHECKS_DOCUMENT_CHECKS_H_
#define FACTCHECK_ENGINE_DOCUMENT_CHECKS_DOCUMENT_CHECKS_H_

#include <vector>

#include "engine/document/document.h"
#include "engine/document/text.h"
#include "engine/events/event_catalog.h"
#include "engine/time/temporal_tagger.h"
#include "engine/verdicts/finding.h"

namespace factcheck {

// The document being checked and what the earlier stages found in it.
struct DocumentContext {
  const Document* document = nullptr;
  const EventCatalog* catalog = nullptr;
  const std::vector<TimeExpression>* times = nullptr;
  const std::vector<EventMention>* mentions = nullptr;
};

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

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_DOCUMENT_CHECKS_DOCUMENT_CHECKS_H_
