#include "engine/claims/cue_words.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace factcheck {

const WordSet& StartCues() {
  static const auto* const kCues =
      new WordSet{"began",    "begun",   "begin",   "begins",   "beginning",
                  "start",    "started", "starts",  "launched", "launch",
                  "outbreak", "opened",  "erupted", "onset"};
  return *kCues;
}

const WordSet& EndCues() {
  static const auto* const kCues =
      new WordSet{"ended",    "end",     "ends",      "ending", "concluded",
                  "finished", "expired", "expire",    "expires", "collapsed",
                  "until",    "till"};
  return *kCues;
}

const WordSet& PastCues() {
  static const auto* const kCues = new WordSet{
      "was",       "were",     "had",       "did",       "began",
      "begun",     "started",  "ended",     "took",      "held",
      "met",       "signed",   "launched",  "announced", "said",
      "came",      "went",     "fell",      "broke",     "won",
      "lost",      "killed",   "struck",    "attacked",  "invaded",
      "annexed",   "agreed",   "approved",  "adopted",   "recaptured",
      "withdrew",  "entered",  "joined",    "hosted",    "gathered",
      "convened",  "opened",   "died",      "visited",   "decided",
      "pledged",   "retook",   "liberated", "captured",  "seized",
      "destroyed", "occurred", "happened"};
  return *kCues;
}

const WordSet& FutureCues() {
  static const auto* const kCues =
      new WordSet{"will",      "shall", "upcoming", "forthcoming", "planned",
                  "scheduled", "due",   "plans",    "intends",     "expected",
                  "tomorrow",  "next",  "ll"};
  return *kCues;
}

const WordSet& PresentCues() {
  static const auto* const kCues = new WordSet{
      "is",        "are",      "has",     "have",   "now",   "today",
      "continues", "continue", "remains", "remain", "still", "ongoing"};
  return *kCues;
}

const WordSet& OccurrenceVerbs() {
  // "took place", "broke out" and "was held" are read by their verb. The
  // claims stage reads one only with the date right after it, so that a
  // transitive verb ("launched", "signed") counts only where it has no
  // object between it and the date: passive or intransitive, its subject
  // is what was launched or signed ("the deal, signed on 22 July").
  static const auto* const kVerbs = new WordSet{
      "began",   "begun",    "begins",   "started",  "starts",   "erupted",
      "ended",   "ends",     "concluded", "finished", "expired", "collapsed",
      "occurred", "occurs",  "happened", "happens",  "struck",   "hit",
      "took",    "held",     "unfolded", "broke",    "opened",   "closed",
      "came",    "fell",     "died",     "landed",   "launched", "signed"};
  return *kVerbs;
}

std::uint8_t CueKindsOf(absl::string_view norm) {
  static const auto* const kKinds = [] {
    auto* kinds = new absl::flat_hash_map<absl::string_view, std::uint8_t>;
    const std::pair<const WordSet*, CueKind> sets[] = {
        {&StartCues(), kStartCue},
        {&EndCues(), kEndCue},
        {&PastCues(), kPastCue},
        {&FutureCues(), kFutureCue},
        {&PresentCues(), kPresentCue},
        {&OccurrenceVerbs(), kOccurrenceVerb}};
    for (const auto& [set, kind] : sets) {
      for (absl::string_view w : *set) (*kinds)[w] |= kind;
    }
    return kinds;
  }();
  const auto it = kKinds->find(norm);
  return it == kKinds->end() ? 0 : it->second;
}

bool ReadsAsPast(absl::string_view text, absl::Span<const Word> words) {
  // Words in "-ed" that are mostly adjectives in news copy.
  static const auto* const kNotPast =
      new WordSet{"based",   "armed",   "united",   "limited",   "advanced",
                  "related", "allied",  "occupied", "embattled", "besieged",
                  "alleged", "planned", "expected"};
  bool past = false;
  for (const Word& w : words) {
    const std::uint8_t kinds = CueKindsOf(w.norm);
    if (kinds & kFutureCue) return false;
    if ((kinds & kPastCue) ||
        (w.norm.size() >= 5 && absl::EndsWith(w.norm, "ed") &&
         absl::ascii_islower(text[w.begin]) && !kNotPast->contains(w.norm))) {
      past = true;
    }
  }
  return past;
}

}  // namespace factcheck
