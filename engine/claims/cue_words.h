// Words that tell what a clause says of a date: that something began or
// ended then, that the clause reports the past, foretells the future or
// speaks of the present. Read by the claims stage (which of an event's
// dates a claim gives), the verdicts (a date after the article reported as
// past) and the document checks ("upcoming", durations).
#ifndef FACTCHECK_ENGINE_CLAIMS_CUE_WORDS_H_
#define FACTCHECK_ENGINE_CLAIMS_CUE_WORDS_H_

#include <cstdint>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/document/words.h"

namespace factcheck {

using WordSet = absl::flat_hash_set<absl::string_view>;

// Normalised words (Word::norm) of each kind.
const WordSet& StartCues();    // "began", "launched", "outbreak", ...
const WordSet& EndCues();      // "ended", "concluded", "until", ...
const WordSet& PastCues();     // "was", "met", "signed", "invaded", ...
const WordSet& FutureCues();   // "will", "upcoming", "scheduled", ...
const WordSet& PresentCues();  // "is", "now", "continues", "ongoing", ...
// Verbs that say their subject took place at the date after them ("the
// tsunami that struck on 26 December", "the movement began in 2013").
const WordSet& OccurrenceVerbs();  // "began", "struck", "occurred", ...

// The sets above that hold `norm`, as bits, found by one look-up (a word
// that is in none, most words, costs one hash probe instead of one per
// set).
enum CueKind : std::uint8_t {
  kStartCue = 1,
  kEndCue = 2,
  kPastCue = 4,
  kFutureCue = 8,
  kPresentCue = 16,
  kOccurrenceVerb = 32,
};
std::uint8_t CueKindsOf(absl::string_view norm);

// True when `words` (a sentence's words of `text`) read as a report of the
// past: a past verb and no future cue ("will", "upcoming", "is due to").
bool ReadsAsPast(absl::string_view text, absl::Span<const Word> words);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_CLAIMS_CUE_WORDS_H_
