// Finds mentions of reference events in text by their names and aliases.
#ifndef FACTCHECK_ENGINE_EVENTS_EVENT_CATALOG_H_
#define FACTCHECK_ENGINE_EVENTS_EVENT_CATALOG_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/events/description_matcher.h"
#include "engine/events/loose_name_matcher.h"
#include "engine/events/reference_event.h"
#include "engine/events/word_index.h"

namespace factcheck {

struct Word;  // engine/words.h

// One place where the text names a reference event.
struct EventMention {
  // Byte offsets of the words that name the event, half-open. For a member
  // of a numbered series named by its ordinal ("the 19th meeting of the
  // Ramstein Contact Group"), the span starts at the ordinal.
  std::size_t begin = 0;
  std::size_t end = 0;
  // True when the word before the span is "the" ("the full-scale invasion").
  bool after_definite_article = false;
  // The events the words may name, as indices into EventCatalog::events().
  // Several when an alias is shared; a series member resolved by ordinal
  // when the words name a series with an ordinal.
  std::vector<int> candidates;
  // True when the words name a series without an ordinal: a mention of no
  // single dated event.
  bool series_only = false;
  // True for a name written loosely (its words apart, inflected or
  // derived): a date between its words is not part of the name.
  bool loose = false;
  // For a loose mention, the years the name is written with ("Tokyo 2020
  // Olympics"): that year alone between its words is the name's.
  std::vector<int> name_years;
  // True for events described, not named (description_matcher.h): the
  // words are their participants', places' or names' words, apart. Also
  // `loose`. `described_as` is parallel to `candidates` (the best
  // first) and says how well each is described; `unique_best` when the
  // first is described better than the others.
  bool described = false;
  std::vector<DescribedEvent> described_as;
  bool unique_best = false;
};

// One event found by EventCatalog::Search.
struct EventSearchHit {
  int event = 0;  // Index into EventCatalog::events().
  // The title or alias that matched best.
  std::string matched_name;
  // Fraction of the query's words found in `matched_name`.
  float score = 0;
};

// An immutable set of reference events with a matcher compiled from all
// their titles and aliases. Built once per change of the reference events
// and shared read-only between threads: FindMentions takes no lock.
//
// Matching is over normalised word tokens: case is folded, possessives
// ("Ukraine's", "Ukraine’s") are reduced to the noun, hyphens count as
// spaces ("full-scale" = "full scale"), a leading "the" in an alias is
// optional, and British spellings match American ones ("defence" =
// "defense"). Among overlapping names the leftmost, then longest, wins.
// Where no name is written as listed, a name is also found written
// loosely: its words inflected, derived, reordered or apart ("Russia
// invaded Ukraine" for "Russian invasion of Ukraine"; LooseNameMatcher).
// An exact name wins over a loose one it overlaps; among loose ones, the
// one of more words, and where two events' names fit equally, a mention
// of both (which the checker never turns into a contradiction by guess).
// The cost of FindMentions grows with the text, not with the number of
// events: each token is one hash lookup per trie step.
class EventCatalog {
 public:
  // Validates every event (see ValidateReferenceEvent) and compiles the
  // matcher. Fails on an invalid event or a duplicate id.
  static absl::StatusOr<std::shared_ptr<const EventCatalog>> Build(
      std::vector<ReferenceEvent> events);

  const std::vector<ReferenceEvent>& events() const { return events_; }

  // The event with `id`, or nullptr.
  const ReferenceEvent* Find(absl::string_view id) const;

  // The members of series `series_id` with `ordinal`, as indices.
  std::vector<int> SeriesMembers(absl::string_view series_id,
                                 int ordinal) const;

  // Mentions in `text`, in text order, not overlapping.
  std::vector<EventMention> FindMentions(absl::string_view text) const;
  // The same for the words of a text as SplitWords (engine/words.h) gives
  // them, for the Checker, which needs the words too and so splits the text
  // once for both; loose names (see above) only within `loose_within`,
  // sentences of the text in order: the Checker passes those that hold a
  // time expression, where a mention can be a claim's.
  std::vector<EventMention> FindMentionsInWords(
      const std::vector<Word>& words,
      absl::Span<const SentenceBounds> loose_within) const;

  // Events whose title or an alias shares words with `query`, best first:
  // more of the query's words, then names with no other words, then
  // shorter names, then id order. Words are normalised as for matching.
  // At most `limit` results. Cost: the postings of the query's words.
  std::vector<EventSearchHit> Search(absl::string_view query, int limit) const;

 private:
  EventCatalog() = default;

  // Token id of a normalised word, or kNoToken when no name contains it.
  static constexpr std::uint32_t kNoToken = WordIndex::kNotFound;
  std::uint32_t TokenId(absl::string_view normalised) const;

  std::vector<ReferenceEvent> events_;
  absl::flat_hash_map<std::string, int> index_by_id_;
  // Series members by (series id, ordinal).
  absl::flat_hash_map<std::pair<std::string, int>, std::vector<int>>
      series_members_;
  // Series members by (series id, year of their date or start): "FIFA
  // World Cup 2022".
  absl::flat_hash_map<std::pair<std::string, int>, std::vector<int>>
      series_by_year_;
  // Event indices that are series (some event names them as its series).
  std::vector<bool> is_series_;

  // The token trie: node 0 is the root; an edge is keyed by
  // (node << 32 | token id). Terminal nodes carry their events.
  WordIndex vocabulary_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> edges_;
  // The root's edges by token id (0: none), read for every word of a text.
  std::vector<std::uint32_t> root_edges_;
  // The trie node reached from `node` by `token`, or 0 (the root, which no
  // edge reaches) when there is none.
  std::uint32_t Child(std::uint32_t node, std::uint32_t token) const;
  std::vector<std::vector<int>> node_events_;
  // Names written loosely; its forms share `vocabulary_`'s token ids.
  LooseNameMatcher loose_;
  DescriptionMatcher descriptions_;
  // Adds to `mentions` (the exact ones, in text order) the loose matches
  // that overlap none of them, resolved as the class comment says.
  void AddLooseMentions(const std::vector<Word>& words,
                        std::vector<LooseMatch> loose,
                        std::vector<EventMention>& mentions) const;
  // Adds to `mentions` (in text order) the events `described` in
  // sentences where `mentions` has no name.
  void AddDescribedMentions(const std::vector<Word>& words,
                            std::vector<DescriptionMatch> described,
                            std::vector<EventMention>& mentions) const;

  // For Search: the names (event index, name number: 0 is the title, k the
  // k-th alias) that contain each token, and each name's word count.
  struct NameRef {
    int event;
    int name;
  };
  absl::flat_hash_map<std::uint32_t, std::vector<NameRef>> postings_;
  const std::string& NameOf(NameRef ref) const;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_EVENT_CATALOG_H_
