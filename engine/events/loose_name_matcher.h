// Finds event names written the way copy writes them rather than as the
// reference lists them: with their words inflected or turned into verbs
// ("Russia invaded Ukraine" for "Russian invasion of Ukraine"), reordered
// or with words between them ("Kabul fell to the Taliban" for "Fall of
// Kabul"). Internal to engine/; EventCatalog owns one.
#ifndef FACTCHECK_ENGINE_EVENTS_LOOSE_NAME_MATCHER_H_
#define FACTCHECK_ENGINE_EVENTS_LOOSE_NAME_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/events/name_words.h"
#include "engine/events/reference_event.h"
#include "engine/document/text.h"
#include "engine/events/word_index.h"

namespace factcheck {

struct Word;  // engine/words.h

// One loose match: the words text[begin, end) hold every content word of
// one of the event's names, each as a form of its word family.
struct LooseMatch {
  std::size_t begin = 0;  // Byte offsets, half-open.
  std::size_t end = 0;
  std::size_t first_word = 0;  // Word indices, half-open.
  std::size_t end_word = 0;
  int event = 0;       // Index into the events it was built from.
  int name = 0;        // 0: the title; k: the k-th alias.
  int content_words = 0;  // How many words the name has besides fillers.
  std::vector<int> years;  // The years the name is written with.
};

// Immutable after Build; thread-safe to read.
//
// A name takes part when it has at least two content words (words other
// than "the", "of", "in" and the like; a one-word name is matched exactly
// by the catalog's trie). Each content word becomes a slot that any form
// of its family fills (engine/lexicon.h: "invasion" is filled by "invade",
// "invaded", "invading", "invasions"...). A name matches where all its
// slots are filled by distinct words within a window of a few words around
// its rarest slot, in one sentence, at least one of them by a form of the
// name's own word, not only of a derivation ("President-elect" is not "the
// presidential election"). Numbers are slots only in a name with fewer
// than three other content words ("1951 general election"); a name written
// with a year does not match where another year stands in the window ("the
// 2022 World Cup" is no loose mention of the 2018 one). The cost of a
// text grows with the text: each word's families are found by its token id
// in the catalog's vocabulary, and only the names whose rarest slot the
// word fills are tried.
class LooseNameMatcher {
 public:
  // Builds the slots of every name of `events` but series (which the
  // catalog matches exactly, with their ordinals), adding each form of each
  // slot's family to `vocabulary`, the catalog's, so that a text word's
  // token id leads to its families. Call before the vocabulary's size is
  // relied on.
  void Build(const std::vector<ReferenceEvent>& events,
             const std::vector<bool>& is_series, WordIndex& vocabulary);

  // The loose matches among `words` (SplitWords of a text) within
  // `sentences` (byte ranges of that text, in order), whose token ids in
  // the vocabulary are `ids` (WordIndex::kNotFound for none), in no
  // particular order and possibly overlapping.
  std::vector<LooseMatch> Find(absl::Span<const SentenceBounds> sentences,
                               const std::vector<Word>& words,
                               const std::vector<std::uint32_t>& ids) const;

 private:
  struct Name {
    int event = 0;
    int name = 0;
    // One key per slot: the name's content word, which the forms of its
    // family fill (token_entries_).
    std::vector<std::uint32_t> slots = {};
    std::size_t anchor = 0;  // The slot its rarest word fills.
    std::uint32_t test_first = 0;  // The key of its next rarest slot.
    // The years the name is written with ("2018 FIFA World Cup"): another
    // year near the words names another edition.
    std::vector<int> years = {};
  };
  // What a token of the text fills: a slot key, and whether as a form of
  // the name word itself (its bases and inflections) rather than of a
  // derivation only.
  struct Fill {
    std::uint32_t key = 0;
    bool own = false;
  };

  std::vector<Name> names_;
  TokenLists<Fill> fills_;  // Token id -> the slots it fills.
  // Key -> the names whose anchor slot it is, unless the key is crowded:
  // anchor of more than kMaxNamesPerAnchor names, which are then found
  // under the pair of their anchor and their next rarest word.
  static constexpr std::size_t kMaxNamesPerAnchor = 64;
  static std::uint64_t PairKey(std::uint32_t a, std::uint32_t b) {
    return (std::uint64_t{a} << 32) | b;
  }
  std::vector<std::vector<std::uint32_t>> anchored_;
  std::vector<bool> crowded_;
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>>
      pair_anchored_;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_LOOSE_NAME_MATCHER_H_
