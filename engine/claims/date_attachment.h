// The claims stage: which event mention each calendar date of a text
// dates. It reads the Document, the time expressions (engine/time) and the
// event mentions (engine/events), and writes one Claim per date that dates
// a reference event's mention; a date that dates something else (a photo,
// an anniversary, a statement about the event, another clause's subject)
// makes no claim.
#ifndef FACTCHECK_ENGINE_CLAIMS_DATE_ATTACHMENT_H_
#define FACTCHECK_ENGINE_CLAIMS_DATE_ATTACHMENT_H_

#include <cstddef>
#include <vector>

#include "engine/document/document.h"
#include "engine/events/event_catalog.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck {

// Which of an event's dates a claim gives, read from the words around it.
enum class ClaimRole {
  kPoint,  // "the summit on 11 July", "the invasion in February 2022"
  kStart,  // "since 2022", "the war began in 2022"
  kEnd,    // "until 2023", "the mutiny ended on 24 June"
};

// A date the text gives an event mention.
struct Claim {
  const EventMention* mention = nullptr;
  const TimeExpression* time = nullptr;
  const SentenceBounds* sentence = nullptr;  // The sentence holding both.
  ClaimRole role = ClaimRole::kPoint;
  // The date claimed; `year_known` is false when the text gave no year.
  PartialDate claimed;
  // The date is an anniversary's ("17 July marks the 11th anniversary of
  // the downing of MH17"): its month and day are the event's, its year
  // (`claimed.year_known` is false) the anniversary's.
  bool anniversary = false;
};

// The most words between an event's name and a date that can be a claim
// about it: farther apart in one long sentence, they sit in different
// clauses (unless the date opens the sentence and so dates its main
// clause).
inline constexpr std::size_t kMaxClaimGapWords = 15;

// The sentences of `doc` (in text order) that may hold a claim: those with
// a time expression of `times` (in text order) or an anniversary ("marks
// the fifth anniversary of ..."). That is where an event mention can be a
// claim's, and so where the events stage looks for loosely written names.
std::vector<SentenceBounds> SentencesWithClaims(
    const Document& doc, const std::vector<TimeExpression>& times);

// Reads which event mention each calendar date of a sentence dates, from
// the clause first: a date that completes the predicate of a name ("the
// tsunami that struck on 26 December 2004") is that name's; a relative
// clause dates the noun before it, and so no other name; a date in another
// clause than a name (after "after" or "before", a semicolon, a dash and a
// conjunction) is not its; the day of an anniversary claims the event's day
// of the year (Claim::anniversary). The other dates pair with the mention
// each is the nearest of, so that one sentence's date is not pinned on
// every event it names, and the pairs whose date belongs to something else
// are dropped: a caption's, a picture's, a statement's ("officials said on
// Friday"), a memorial's, the results' of an event, a date of another year
// than the name's own ("the 1986 World Cup"), a date far away in one long
// sentence. Claims are in text order of their mentions.
std::vector<Claim> AttachDates(const Document& doc,
                               const std::vector<TimeExpression>& times,
                               const std::vector<EventMention>& mentions);

// The mention of the event an anniversary is of, or null: the word at
// `at` ("anniversary", or "since" in "20 years since") followed within a
// few words by "of" (or right away, for "since") and the event's name:
// "the fifth anniversary of the Christchurch mosque attacks", "the 10th
// anniversary Thursday of the earthquake", "the second anniversary on
// February 24 of Moscow's full-scale invasion", "the tenth anniversary of
// the start of the Revolution of Dignity". `mentions` in text order.
const EventMention* AnniversaryOf(const Document& doc,
                                  const std::vector<EventMention>& mentions,
                                  std::size_t at);

// Reads the role of the claim that pairs `m` with `t`: "since" and verbs of
// beginning make it a start, "until" and verbs of ending an end.
ClaimRole ReadClaimRole(const Document& doc, const EventMention& m,
                        const TimeExpression& t);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_CLAIMS_DATE_ATTACHMENT_H_
