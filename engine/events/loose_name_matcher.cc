#include "engine/events/loose_name_matcher.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/types/span.h"
#include "engine/events/lexicon.h"
#include "engine/events/name_words.h"
#include "engine/document/words.h"

namespace factcheck {

void LooseNameMatcher::Build(const std::vector<ReferenceEvent>& events,
                             const std::vector<bool>& is_series,
                             WordIndex& vocabulary) {
  // A key is a content word of some name: its slot in every name that has
  // the word.
  KeyWords keys;
  const auto key_of = [&](const std::string& word) { return keys.Id(word); };
  absl::flat_hash_set<std::string> seen;  // Event and slots, once each.
  for (int i = 0; i < static_cast<int>(events.size()); ++i) {
    if (is_series[i]) continue;
    const ReferenceEvent& e = events[i];
    for (int n = 0; n <= static_cast<int>(e.aliases.size()); ++n) {
      const std::string& text = n == 0 ? e.title : e.aliases[n - 1];
      Name name{.event = i, .name = n};
      std::string signature = std::to_string(i);
      std::vector<std::string> numbers;
      for (const Word& w : SplitWords(text)) {
        if (IsFiller(w.norm)) continue;
        if (IsDateWord(w.norm)) {
          numbers.push_back(w.norm);
          if (int year = 0; IsYearWord(w.norm, &year)) {
            name.years.push_back(year);
          }
          continue;
        }
        name.slots.push_back(key_of(w.norm));
        signature += " " + w.norm;
      }
      // With few other words, the date words are what tells the event
      // apart ("1951 general election"); with more, they are not required:
      // "the World Cup in 2018" names the 2018 FIFA World Cup, with the
      // year as the claim's date, which the checker then judges.
      // A name of date words alone ("Jan. 6") is matched as written only:
      // loosely, its words are any date's.
      if (name.slots.empty()) continue;
      if (name.slots.size() < 3) {
        for (const std::string& number : numbers) {
          name.slots.push_back(key_of(number));
          signature += " " + number;
        }
      }
      if (name.slots.size() < 2 || !seen.insert(signature).second) continue;
      names_.push_back(std::move(name));
    }
  }

  // The anchor of each name: its word that the fewest names share, so that
  // a common word ("war", "summit") leads to few tries.
  std::vector<std::uint32_t> frequency(keys.words().size(), 0);
  for (const Name& name : names_) {
    for (std::uint32_t k : name.slots) ++frequency[k];
  }
  anchored_.assign(keys.words().size(), {});
  for (std::uint32_t id = 0; id < names_.size(); ++id) {
    Name& name = names_[id];
    for (std::size_t s = 1; s < name.slots.size(); ++s) {
      if (frequency[name.slots[s]] < frequency[name.slots[name.anchor]]) {
        name.anchor = s;
      }
    }
    anchored_[name.slots[name.anchor]].push_back(id);
    // The rarest of the others: the slot a text most likely leaves empty,
    // tested first.
    std::size_t first = name.anchor == 0 ? 1 : 0;
    for (std::size_t s = 0; s < name.slots.size(); ++s) {
      if (s != name.anchor &&
          frequency[name.slots[s]] < frequency[name.slots[first]]) {
        first = s;
      }
    }
    name.test_first = name.slots[first];
  }
  // A word that many names have as their rarest ("election" among a
  // million Wikidata events) would make every text that has it try all of
  // them: those names are found by their two rarest words together.
  crowded_.assign(keys.words().size(), false);
  for (std::uint32_t k = 0; k < keys.words().size(); ++k) {
    if (anchored_[k].size() <= kMaxNamesPerAnchor) continue;
    crowded_[k] = true;
    for (std::uint32_t id : anchored_[k]) {
      const Name& name = names_[id];
      std::size_t second = name.anchor == 0 ? 1 : 0;
      for (std::size_t s = 0; s < name.slots.size(); ++s) {
        if (s != name.anchor &&
            frequency[name.slots[s]] < frequency[name.slots[second]]) {
          second = s;
        }
      }
      pair_anchored_[PairKey(k, name.slots[second])].push_back(id);
    }
    anchored_[k] = {};
  }

  // Every form of every member of each key's family, in the catalog's
  // vocabulary, filling the key (as its own when the member is one of the
  // word's bases).
  const Lexicon& lexicon = Lexicon::Get();
  std::vector<std::vector<Fill>> by_token;
  const auto add = [&](const std::string& form, std::uint32_t key, bool own) {
    const std::uint32_t token = vocabulary.Add(form);
    if (token >= by_token.size()) by_token.resize(token + 1);
    for (Fill& f : by_token[token]) {
      if (f.key == key) {
        f.own = f.own || own;
        return;
      }
    }
    by_token[token].push_back({key, own});
  };
  for (std::uint32_t k = 0; k < keys.words().size(); ++k) {
    const std::string& word = keys.words()[k];
    if (IsDateWord(word)) {
      add(word, k, /*own=*/false);  // A date word is no word of the name's own.
      continue;
    }
    lexicon.ForEachFamilyForm(
        word, [&](const std::string& form, bool own) { add(form, k, own); });
  }
  fills_ = TokenLists<Fill>(by_token);
}

std::vector<LooseMatch> LooseNameMatcher::Find(
    absl::Span<const SentenceBounds> sentences, const std::vector<Word>& words,
    const std::vector<std::uint32_t>& ids) const {
  std::vector<LooseMatch> matches;
  if (names_.empty() || sentences.empty()) return matches;
  // Each sentence's words, as a range of word indices.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const SentenceBounds& b : sentences) {
    const absl::Span<const Word> in = WordsIn(words, b.begin, b.end);
    if (in.empty()) continue;
    const auto first = static_cast<std::size_t>(in.data() - words.data());
    ranges.emplace_back(first, first + in.size());
  }
  // Where each key is filled, sorted by key then word: a slot is then
  // filled by one binary search, and a name whose word the text lacks is
  // ruled out by one. A position is one integer, the key in its high half
  // and the word and whether it fills the key as its own word below, so
  // that sorting is of plain integers.
  using At = std::uint64_t;
  const auto key_of = [](At at) { return static_cast<std::uint32_t>(at >> 32); };
  const auto word_of = [](At at) {
    return static_cast<std::uint32_t>((at & 0xFFFFFFFFu) >> 1);
  };
  const auto own_of = [](At at) { return (at & 1) != 0; };
  std::vector<At> positions;
  for (const auto& [first, end] : ranges) {
    for (std::size_t j = first; j < end; ++j) {
      for (const Fill& f : fills_.Of(ids[j])) {
        positions.push_back((At{f.key} << 32) | (At{j} << 1) |
                            (f.own ? 1 : 0));
      }
    }
  }
  if (positions.empty()) return matches;
  std::sort(positions.begin(), positions.end());
  // Each key's run of positions, found by one hash look-up: a text checked
  // against a million names tries many names per word, each slot a look-up.
  absl::flat_hash_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>
      runs;
  runs.reserve(positions.size());
  for (std::uint32_t p = 0; p < positions.size();) {
    std::uint32_t q = p;
    while (q < positions.size() && key_of(positions[q]) == key_of(positions[p])) {
      ++q;
    }
    runs.emplace(key_of(positions[p]), std::pair{p, q});
    p = q;
  }
  // Whether a key is filled at all, by one bit: a text checked against a
  // million names tries many names per word, and most fail on their first
  // slot tested.
  std::vector<std::uint64_t> filled_bits((anchored_.size() + 63) / 64, 0);
  for (const At at : positions) {
    const std::uint32_t key = key_of(at);
    filled_bits[key >> 6] |= std::uint64_t{1} << (key & 63);
  }
  const auto is_filled = [&](std::uint32_t key) {
    return (filled_bits[key >> 6] >> (key & 63)) & 1;
  };
  const auto filled = [&](std::uint32_t key) -> absl::Span<const At> {
    const auto it = runs.find(key);
    if (it == runs.end()) return {};
    return absl::MakeConstSpan(positions.data() + it->second.first,
                               it->second.second - it->second.first);
  };
  // The year a word is, or 0.
  const auto year_of = [&](std::size_t j) {
    int year = 0;
    if (words[j].norm.size() == 4 && IsNumber(words[j].norm) &&
        absl::SimpleAtoi(words[j].norm, &year) && year >= 1000) {
      return year;
    }
    return 0;
  };
  std::vector<std::size_t> used;
  std::vector<std::uint32_t> tried;
  // Names by anchor: each key the sentences fill, at each word filling it.
  for (std::size_t p = 0; p < positions.size();) {
    const std::uint32_t key = key_of(positions[p]);
    std::size_t q = p;
    while (q < positions.size() && key_of(positions[q]) == key) ++q;
    tried.assign(anchored_[key].begin(), anchored_[key].end());
    if (crowded_[key]) {
      for (const auto& [other, run] : runs) {
        const auto it = pair_anchored_.find(PairKey(key, other));
        if (it != pair_anchored_.end()) {
          tried.insert(tried.end(), it->second.begin(), it->second.end());
        }
      }
    }
    for (std::uint32_t id : tried) {
      const Name& name = names_[id];
      if (!is_filled(name.test_first) ||
          !absl::c_all_of(name.slots, is_filled)) {
        continue;
      }
      for (std::size_t a = p; a < q; ++a) {
        const std::size_t i = word_of(positions[a]);
        const auto range = *std::find_if(
            ranges.begin(), ranges.end(),
            [&](const auto& r) { return i >= r.first && i < r.second; });
        // A window of a few words either side, within the sentence: room
        // for the words a paraphrase puts between the name's ("the
        // Taliban captured the Afghan capital of Kabul").
        // The name's words may lie up to `reach` words from the anchor,
        // and all of them within `reach` words of each other.
        const std::size_t reach =
            std::min<std::size_t>(4 + 3 * name.slots.size(), 16);
        const std::size_t lo = std::max(range.first, i > reach ? i - reach : 0);
        const std::size_t hi = std::min(range.second, i + reach + 1);
        if (!name.years.empty()) {
          // Another year and not the name's own: another edition. (A list
          // of editions, "Venice (1980 - 1987)", holds the name's year.)
          bool other_year = false, own_year = false;
          for (std::size_t j = lo; j < hi; ++j) {
            const int y = year_of(j);
            if (y == 0) continue;
            (absl::c_find(name.years, y) == name.years.end() ? other_year
                                                             : own_year) = true;
          }
          if (other_year && !own_year) continue;
        }
        used.assign(1, i);
        // At least one word must be a form of the name's own word, not
        // only of a derivation ("President-elect" is no mention of the
        // 2020 presidential election); a number never counts as one.
        bool own = own_of(positions[a]);
        bool all = true;
        for (std::size_t s = 0; all && s < name.slots.size(); ++s) {
          if (s == name.anchor) continue;
          // The nearest free word in the window that fills the slot.
          const At* best = nullptr;
          const auto distance = [&](std::size_t x) {
            return x > i ? x - i : i - x;
          };
          for (const At& at : filled(name.slots[s])) {
            const std::size_t word = word_of(at);
            if (word < lo || word >= hi ||
                absl::c_find(used, word) != used.end()) {
              continue;
            }
            if (best == nullptr || distance(word) < distance(word_of(*best))) {
              best = &at;
            }
          }
          if (best == nullptr) {
            all = false;
          } else {
            used.push_back(word_of(*best));
            own = own || own_of(*best);
          }
        }
        if (!all || !own) continue;
        if (*absl::c_max_element(used) - *absl::c_min_element(used) > reach) {
          continue;
        }
        // The mention is the name's words; its date words, which the text
        // may write as part of a date ("on November 13, 2015 ... attacks
        // ... across Paris"), are left to the claim.
        std::size_t first = words.size(), last = 0;
        for (std::size_t j : used) {
          if (IsDateWord(words[j].norm)) continue;
          first = std::min(first, j);
          last = std::max(last, j);
        }
        if (first == words.size()) continue;
        matches.push_back({.begin = words[first].begin,
                           .end = words[last].end,
                           .first_word = first,
                           .end_word = last + 1,
                           .event = name.event,
                           .name = name.name,
                           .content_words =
                               static_cast<int>(name.slots.size()),
                           .years = name.years});
      }
    }
    p = q;
  }
  return matches;
}

}  // namespace factcheck
