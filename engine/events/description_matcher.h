// Finds events that copy describes rather than names: "the Taliban took
// control of Kabul" for the Fall of Kabul, "violent clashes erupted
// between the Sudanese army and the RSF" for the war in Sudan. The
// evidence is the reference's own structured fields: the words of its
// title and aliases, its place and its participants, in any form of their
// word families (lexicon.h). Internal to engine/events/; EventCatalog owns
// one.
#ifndef FACTCHECK_ENGINE_EVENTS_DESCRIPTION_MATCHER_H_
#define FACTCHECK_ENGINE_EVENTS_DESCRIPTION_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/document/text.h"
#include "engine/document/words.h"
#include "engine/events/name_words.h"
#include "engine/events/reference_event.h"
#include "engine/events/word_index.h"

namespace factcheck {

// How well a sentence describes one event.
struct DescribedEvent {
  int event = 0;  // Index into the events the matcher was built from.
  // The event's distinct words the sentence has that few events share
  // (kRareEvents or fewer), and all of them: the strength of the evidence.
  int rare_words = 0;
  int words = 0;
  // What the sentence names of the event, for a reader: "participant
  // Taliban, place Kabul".
  std::string evidence;
};

// One sentence's description of one event or more.
struct DescriptionMatch {
  SentenceBounds sentence;  // The sentence that describes them.
  std::size_t begin = 0;    // Bytes of the first to the last word matched.
  std::size_t end = 0;
  std::size_t first_word = 0;  // Word indices, half-open.
  std::size_t end_word = 0;
  // The events it describes well enough, the best first, at most
  // kMaxCandidates; `unique_best` when the first is better than the
  // second (or alone).
  std::vector<DescribedEvent> events;
  bool unique_best = false;
};

// Immutable after Build; thread-safe to read.
//
// A sentence describes an event when it holds at least two of the event's
// rare words (words of at most kRareEvents events' fields) from at least
// two different items, its names (title and aliases) counting as one item
// and each place and participant as one: one participant's name alone is
// a mention of that participant, and one name's words are that name
// written loosely (loose_name_matcher.h), not a description. Where several
// events fit a sentence, all are candidates, the best first: the date the
// sentence gives may tell which. The cost grows with the text: only events
// that have one of the sentence's rare words are scored.
class DescriptionMatcher {
 public:
  // The most events a word may belong to and still count as evidence that
  // picks one of them.
  static constexpr std::uint32_t kRareEvents = 8;
  // The most candidates one description has.
  static constexpr std::size_t kMaxCandidates = 4;

  // Builds the fields' words of every event but series (whose members are
  // named by ordinal), adding each form of each word's family to
  // `vocabulary`, the catalog's.
  void Build(const std::vector<ReferenceEvent>& events,
             const std::vector<bool>& is_series, WordIndex& vocabulary);

  // The descriptions among `words` (SplitWords of a text) within
  // `sentences` (in text order), whose token ids in the vocabulary are
  // `ids`: at most one per sentence, in text order. `events` are those it
  // was built from.
  std::vector<DescriptionMatch> Find(const std::vector<ReferenceEvent>& events,
                                     absl::Span<const SentenceBounds> sentences,
                                     const std::vector<Word>& words,
                                     const std::vector<std::uint32_t>& ids) const;

 private:
  enum class Field : std::uint8_t { kName, kPlace, kParticipant };
  // One of an event's words: its key, and the item (a name, a place, a
  // participant) it is a word of, as an index into the event's items.
  struct Cue {
    std::uint32_t key = 0;
    std::uint16_t item = 0;
  };
  // Where an item's text is in its event: the title (index 0) or alias
  // (index k), bytes [begin, begin + size) of the location, or participant
  // `index`. Kept as positions, not copies, so that a million events cost
  // little more than their words.
  struct Item {
    Field field = Field::kName;
    std::uint16_t index = 0;
    std::uint16_t begin = 0;
    std::uint16_t size = 0;
  };
  static absl::string_view ItemText(const ReferenceEvent& e, const Item& item);

  // Described event d is event_[d], with cues
  // cues_[cue_begin_[d], cue_begin_[d + 1]) (sorted by key) and items
  // items_[item_begin_[d], item_begin_[d + 1]).
  std::vector<int> event_;
  std::vector<std::uint32_t> cue_begin_ = {0};
  std::vector<Cue> cues_;
  std::vector<std::uint32_t> item_begin_ = {0};
  std::vector<Item> items_;

  std::vector<std::uint32_t> events_with_key_;  // Key -> how many events.
  // Key -> the described events that have it, for rare keys only.
  std::vector<std::vector<std::uint32_t>> postings_;
  TokenLists<std::uint32_t> keys_of_token_;  // Token id -> its keys.
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_DESCRIPTION_MATCHER_H_
