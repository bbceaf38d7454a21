#include "engine/events/description_matcher.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/events/lexicon.h"
#include "engine/events/name_words.h"

namespace factcheck {

void DescriptionMatcher::Build(const std::vector<ReferenceEvent>& events,
                               const std::vector<bool>& is_series,
                               WordIndex& vocabulary) {
  KeyWords keys;
  const auto key_of = [&](const std::string& word) { return keys.Id(word); };
  std::vector<Cue> cues;
  for (int i = 0; i < static_cast<int>(events.size()); ++i) {
    if (is_series[i]) continue;
    const ReferenceEvent& e = events[i];
    cues.clear();
    const std::size_t first_item = items_.size();
    const auto add_item = [&](Item item, absl::string_view text) {
      if (items_.size() - first_item >= 0xFFFF) return;
      const auto index = static_cast<std::uint16_t>(items_.size() - first_item);
      bool any = false;
      for (const Word& w : SplitWords(text)) {
        if (IsFiller(w.norm) || IsDateWord(w.norm) || w.norm.size() < 2) {
          continue;
        }
        cues.push_back({key_of(w.norm), index});
        any = true;
      }
      if (any) items_.push_back(item);
    };
    for (std::size_t n = 0; n <= e.aliases.size() && n < 0xFFFF; ++n) {
      add_item({.field = Field::kName, .index = static_cast<std::uint16_t>(n)},
               n == 0 ? e.title : e.aliases[n - 1]);
    }
    // "Kabul, Afghanistan": each part a place of its own.
    const absl::string_view location = e.location;
    for (std::size_t begin = 0; begin < location.size() && begin < 0xFFFF;) {
      std::size_t end = location.find(',', begin);
      if (end == absl::string_view::npos) end = location.size();
      absl::string_view part = location.substr(begin, end - begin);
      const std::size_t lead = part.size() - absl::StripLeadingAsciiWhitespace(part).size();
      part = absl::StripAsciiWhitespace(part);
      if (!part.empty() && begin + lead + part.size() <= 0xFFFF) {
        add_item({.field = Field::kPlace,
                  .begin = static_cast<std::uint16_t>(begin + lead),
                  .size = static_cast<std::uint16_t>(part.size())},
                 part);
      }
      begin = end + 1;
    }
    for (std::size_t p = 0; p < e.participants.size() && p < 0xFFFF; ++p) {
      add_item({.field = Field::kParticipant,
                .index = static_cast<std::uint16_t>(p)},
               e.participants[p]);
    }
    if (cues.empty()) {
      items_.resize(first_item);
      continue;
    }
    std::sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
      return a.key != b.key ? a.key < b.key : a.item < b.item;
    });
    event_.push_back(i);
    cues_.insert(cues_.end(), cues.begin(), cues.end());
    cue_begin_.push_back(static_cast<std::uint32_t>(cues_.size()));
    item_begin_.push_back(static_cast<std::uint32_t>(items_.size()));
  }

  events_with_key_.assign(keys.words().size(), 0);
  for (std::size_t c = 0, d = 0; d < event_.size(); ++d) {
    for (; c < cue_begin_[d + 1]; ++c) {
      if (c == cue_begin_[d] || cues_[c].key != cues_[c - 1].key) {
        ++events_with_key_[cues_[c].key];
      }
    }
  }
  postings_.assign(keys.words().size(), {});
  for (std::uint32_t d = 0; d < event_.size(); ++d) {
    for (std::uint32_t c = cue_begin_[d]; c < cue_begin_[d + 1]; ++c) {
      const std::uint32_t key = cues_[c].key;
      if ((c == cue_begin_[d] || key != cues_[c - 1].key) &&
          events_with_key_[key] <= kRareEvents) {
        postings_[key].push_back(d);
      }
    }
  }

  // Every form of each key word's family fills the key.
  const Lexicon& lexicon = Lexicon::Get();
  std::vector<std::vector<std::uint32_t>> by_token;
  for (std::uint32_t k = 0; k < keys.words().size(); ++k) {
    lexicon.ForEachFamilyForm(keys.words()[k], [&](const std::string& form,
                                                 bool /*own*/) {
      const std::uint32_t token = vocabulary.Add(form);
      if (token >= by_token.size()) by_token.resize(token + 1);
      std::vector<std::uint32_t>& keys = by_token[token];
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        keys.push_back(k);
      }
    });
  }
  keys_of_token_ = TokenLists<std::uint32_t>(by_token);
}

absl::string_view DescriptionMatcher::ItemText(const ReferenceEvent& e,
                                               const Item& item) {
  switch (item.field) {
    case Field::kName:
      return item.index == 0 ? absl::string_view(e.title)
                             : absl::string_view(e.aliases[item.index - 1]);
    case Field::kPlace:
      return absl::string_view(e.location).substr(item.begin, item.size);
    case Field::kParticipant:
      return e.participants[item.index];
  }
  return "";
}

std::vector<DescriptionMatch> DescriptionMatcher::Find(
    const std::vector<ReferenceEvent>& events,
    absl::Span<const SentenceBounds> sentences, const std::vector<Word>& words,
    const std::vector<std::uint32_t>& ids) const {
  std::vector<DescriptionMatch> out;
  if (event_.empty()) return out;
  // The sentence's keys, each with the first word that fills it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> present;
  std::vector<std::uint32_t> candidates;
  for (const SentenceBounds& s : sentences) {
    const absl::Span<const Word> in = WordsIn(words, s.begin, s.end);
    if (in.size() < 2) continue;
    const auto first = static_cast<std::size_t>(in.data() - words.data());
    present.clear();
    for (std::size_t j = first; j < first + in.size(); ++j) {
      for (std::uint32_t key : keys_of_token_.Of(ids[j])) {
        present.emplace_back(key, static_cast<std::uint32_t>(j));
      }
    }
    if (present.size() < 2) continue;
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end(),
                              [](const auto& a, const auto& b) {
                                return a.first == b.first;
                              }),
                  present.end());
    candidates.clear();
    for (const auto& [key, word] : present) {
      if (key < postings_.size()) {
        candidates.insert(candidates.end(), postings_[key].begin(),
                          postings_[key].end());
      }
    }
    // An event is a candidate once for each of its rare keys the sentence
    // has: one with fewer than two is ruled out before it is scored.
    if (candidates.size() < 2) continue;
    std::sort(candidates.begin(), candidates.end());
    std::size_t kept = 0;
    for (std::size_t c = 0; c < candidates.size();) {
      std::size_t next = c;
      while (next < candidates.size() && candidates[next] == candidates[c]) {
        ++next;
      }
      if (next - c >= 2) candidates[kept++] = candidates[c];
      c = next;
    }
    candidates.resize(kept);
    if (candidates.empty()) continue;

    // Every event the sentence describes well enough, the best first.
    struct Scored {
      std::uint32_t id;
      int rare, matched;
      std::size_t lo, hi;
      std::vector<std::uint16_t> items;
    };
    std::vector<Scored> scored;
    std::vector<std::uint16_t> items;
    for (std::uint32_t id : candidates) {
      int matched = 0, rare = 0;
      std::size_t lo = words.size(), hi = 0;
      items.clear();
      const std::size_t cues_end = cue_begin_[id + 1];
      for (std::size_t c = cue_begin_[id]; c < cues_end;) {
        const std::uint32_t key = cues_[c].key;
        std::size_t next = c;
        while (next < cues_end && cues_[next].key == key) ++next;
        const auto it = std::lower_bound(
            present.begin(), present.end(), key,
            [](const auto& p, std::uint32_t k) { return p.first < k; });
        if (it != present.end() && it->first == key) {
          ++matched;
          if (events_with_key_[key] <= kRareEvents) ++rare;
          lo = std::min<std::size_t>(lo, it->second);
          hi = std::max<std::size_t>(hi, it->second);
          for (std::size_t k = c; k < next; ++k) items.push_back(cues_[k].item);
        }
        c = next;
      }
      std::sort(items.begin(), items.end());
      items.erase(std::unique(items.begin(), items.end()), items.end());
      // Two words of the event's, two of them rare, from two of its
      // fields' items, its names counting as one: the words of one name
      // are that name written loosely, the loose matcher's business.
      int groups = 0;
      bool names = false;
      for (std::uint16_t item : items) {
        if (items_[item_begin_[id] + item].field != Field::kName) {
          ++groups;
        } else if (!names) {
          names = true;
          ++groups;
        }
      }
      if (rare < 2 || matched < 2 || groups < 2) continue;
      scored.push_back({id, rare, matched, lo, hi, items});
    }
    if (scored.empty()) continue;
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) {
                       return a.rare != b.rare ? a.rare > b.rare
                                               : a.matched > b.matched;
                     });
    if (scored.size() > kMaxCandidates) scored.resize(kMaxCandidates);
    DescriptionMatch match;
    match.sentence = s;
    match.first_word = scored[0].lo;
    match.end_word = scored[0].hi + 1;
    for (const Scored& c : scored) {
      match.first_word = std::min(match.first_word, c.lo);
      match.end_word = std::max(match.end_word, c.hi + 1);
    }
    match.begin = words[match.first_word].begin;
    match.end = words[match.end_word - 1].end;
    match.unique_best =
        scored.size() == 1 || scored[1].rare < scored[0].rare ||
        scored[1].matched < scored[0].matched;
    for (const Scored& c : scored) {
      // Participants, then places, then the names whose words it has.
      // (One name is enough: the aliases say the same in other words.)
      const ReferenceEvent& e = events[event_[c.id]];
      std::vector<std::string> parts;
      for (Field field : {Field::kParticipant, Field::kPlace, Field::kName}) {
        for (std::uint16_t item : c.items) {
          const Item& it = items_[item_begin_[c.id] + item];
          if (it.field != field) continue;
          if (field == Field::kName && !parts.empty() &&
              absl::StartsWith(parts.back(), "name ")) {
            continue;
          }
          parts.push_back(
              absl::StrCat(field == Field::kParticipant ? "participant "
                           : field == Field::kPlace     ? "place "
                                                        : "name ",
                           ItemText(e, it)));
        }
      }
      match.events.push_back(
          {event_[c.id], c.rare, c.matched, absl::StrJoin(parts, ", ")});
    }
    out.push_back(std::move(match));
  }
  return out;
}

}  // namespace factcheck
