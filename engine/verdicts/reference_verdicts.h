// The verdicts stage: each claim against the reference. It picks the
// event a claim's mention means (a shared name decided by the date or the
// sentence's words, else left UNVERIFIABLE: a guess never becomes a
// contradiction), compares the dates, and writes the Finding an editor
// reads: the verdict, one sentence of explanation, a suggestion in the
// text's own style, the citations.
#ifndef FACTCHECK_ENGINE_VERDICTS_REFERENCE_VERDICTS_H_
#define FACTCHECK_ENGINE_VERDICTS_REFERENCE_VERDICTS_H_

#include <vector>

#include "engine/claims/date_attachment.h"
#include "engine/document/document.h"
#include "engine/document/text.h"
#include "engine/events/event_catalog.h"
#include "engine/verdicts/finding.h"

namespace factcheck {

// Appends a finding and its note for each of `claims` (in order) to
// `findings` and `notes`. A date later than the article that the text
// reports as past is a PUBLICATION_DATE contradiction whatever the
// reference says; a wrong date of a numbered series' member names the
// member the date fits (SERIES).
void JudgeClaims(const Document& doc, const EventCatalog& catalog,
                 const std::vector<Claim>& claims, TextLocator& locator,
                 std::vector<Finding>& findings,
                 std::vector<ClaimNote>& notes);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_VERDICTS_REFERENCE_VERDICTS_H_
