#include "engine/events/event_catalog.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/document/words.h"
#include "engine/events/ordinals.h"

namespace factcheck {
namespace {

// Nouns that name one occurrence in a series: "the 19th meeting of ...".
bool IsOccurrenceNoun(absl::string_view w) {
  static const auto* const kNouns = new absl::flat_hash_set<absl::string_view>{
      "meeting", "meetings",   "session", "summit",    "round",
      "package", "conference", "edition", "gathering", "ministerial"};
  return kNouns->contains(w);
}

}  // namespace

absl::StatusOr<std::shared_ptr<const EventCatalog>> EventCatalog::Build(
    std::vector<ReferenceEvent> events) {
  std::shared_ptr<EventCatalog> catalog(new EventCatalog());
  catalog->events_ = std::move(events);
  const std::vector<ReferenceEvent>& all = catalog->events_;
  catalog->is_series_.assign(all.size(), false);
  catalog->node_events_.emplace_back();  // The root.
  for (int i = 0; i < static_cast<int>(all.size()); ++i) {
    if (absl::Status s = ValidateReferenceEvent(all[i]); !s.ok()) return s;
    if (!catalog->index_by_id_.emplace(all[i].id, i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("duplicate event id '", all[i].id, "'"));
    }
  }
  for (int i = 0; i < static_cast<int>(all.size()); ++i) {
    const ReferenceEvent& e = all[i];
    if (!e.series_id.empty()) {
      catalog->series_members_[{e.series_id, e.ordinal}].push_back(i);
      if (const std::optional<PartialDate>& when =
              e.date.has_value() ? e.date : e.start;
          when.has_value()) {
        catalog->series_by_year_[{e.series_id, static_cast<int>(when->year)}]
            .push_back(i);
      }
      if (auto it = catalog->index_by_id_.find(e.series_id);
          it != catalog->index_by_id_.end()) {
        catalog->is_series_[it->second] = true;
      }
    }
    std::vector<absl::string_view> names = {e.title};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (int n = 0; n < static_cast<int>(names.size()); ++n) {
      std::vector<Word> words = SplitWords(names[n]);
      std::size_t first = 0;
      // A leading "the" is optional in text; the matcher starts after it.
      if (words.size() > 1 && words[0].norm == "the") first = 1;
      if (first >= words.size()) continue;
      std::uint32_t node = 0;
      for (std::size_t k = first; k < words.size(); ++k) {
        const std::uint32_t token = catalog->vocabulary_.Add(words[k].norm);
        std::vector<NameRef>& postings = catalog->postings_[token];
        if (postings.empty() || postings.back().event != i ||
            postings.back().name != n) {
          postings.push_back({i, n});
        }
        const std::uint64_t key = (std::uint64_t{node} << 32) | token;
        auto [edge, added] = catalog->edges_.try_emplace(
            key, static_cast<std::uint32_t>(catalog->node_events_.size()));
        if (added) catalog->node_events_.emplace_back();
        node = edge->second;
      }
      std::vector<int>& at = catalog->node_events_[node];
      if (std::find(at.begin(), at.end(), i) == at.end()) at.push_back(i);
    }
  }
  catalog->loose_.Build(all, catalog->is_series_, catalog->vocabulary_);
  catalog->descriptions_.Build(all, catalog->is_series_, catalog->vocabulary_);
  catalog->root_edges_.assign(catalog->vocabulary_.size(), 0);
  for (const auto& [key, child] : catalog->edges_) {
    if ((key >> 32) == 0) catalog->root_edges_[key & 0xFFFFFFFF] = child;
  }
  return std::shared_ptr<const EventCatalog>(std::move(catalog));
}

const std::string& EventCatalog::NameOf(NameRef ref) const {
  const ReferenceEvent& e = events_[ref.event];
  return ref.name == 0 ? e.title : e.aliases[ref.name - 1];
}

std::vector<EventSearchHit> EventCatalog::Search(absl::string_view query,
                                                 int limit) const {
  std::vector<std::uint32_t> tokens;
  int query_words = 0;
  for (const Word& w : SplitWords(query)) {
    if (w.norm == "the") continue;
    ++query_words;
    const std::uint32_t id = TokenId(w.norm);
    if (id != kNoToken &&
        std::find(tokens.begin(), tokens.end(), id) == tokens.end()) {
      tokens.push_back(id);
    }
  }
  // Matched query words per name.
  absl::flat_hash_map<std::uint64_t, int> matched;
  for (std::uint32_t token : tokens) {
    auto it = postings_.find(token);
    if (it == postings_.end()) continue;
    for (const NameRef& ref : it->second) {
      ++matched[(std::uint64_t(ref.event) << 32) | std::uint32_t(ref.name)];
    }
  }
  // The best name of each event.
  struct Candidate {
    int event;
    int name;
    int matched;
    std::size_t name_words;
  };
  absl::flat_hash_map<int, Candidate> best;
  for (const auto& [key, count] : matched) {
    const NameRef ref{static_cast<int>(key >> 32),
                      static_cast<int>(key & 0xFFFFFFFF)};
    const std::size_t words = SplitWords(NameOf(ref)).size();
    const Candidate c{ref.event, ref.name, count, words};
    auto [it, inserted] = best.try_emplace(ref.event, c);
    // Ties go to the name listed first (the title, then the aliases in
    // order): the map's order is no order, and the same query must name
    // the same match every time.
    if (!inserted &&
        (count > it->second.matched ||
         (count == it->second.matched &&
          (words < it->second.name_words ||
           (words == it->second.name_words && ref.name < it->second.name))))) {
      it->second = c;
    }
  }
  std::vector<Candidate> ranked;
  ranked.reserve(best.size());
  for (const auto& [event, c] : best) ranked.push_back(c);
  std::sort(ranked.begin(), ranked.end(),
            [&](const Candidate& a, const Candidate& b) {
              if (a.matched != b.matched) return a.matched > b.matched;
              const bool a_exact = a.name_words == std::size_t(a.matched);
              const bool b_exact = b.name_words == std::size_t(b.matched);
              if (a_exact != b_exact) return a_exact;
              if (a.name_words != b.name_words)
                return a.name_words < b.name_words;
              return events_[a.event].id < events_[b.event].id;
            });
  std::vector<EventSearchHit> hits;
  for (const Candidate& c : ranked) {
    if (static_cast<int>(hits.size()) >= limit) break;
    hits.push_back(
        {c.event, NameOf({c.event, c.name}),
         query_words == 0 ? 0.f : static_cast<float>(c.matched) / query_words});
  }
  return hits;
}

const ReferenceEvent* EventCatalog::Find(absl::string_view id) const {
  auto it = index_by_id_.find(id);
  return it == index_by_id_.end() ? nullptr : &events_[it->second];
}

std::vector<int> EventCatalog::SeriesMembers(absl::string_view series_id,
                                             int ordinal) const {
  auto it = series_members_.find(std::pair{std::string(series_id), ordinal});
  return it == series_members_.end() ? std::vector<int>() : it->second;
}

std::uint32_t EventCatalog::TokenId(absl::string_view normalised) const {
  return vocabulary_.Find(normalised);
}

std::uint32_t EventCatalog::Child(std::uint32_t node,
                                  std::uint32_t token) const {
  if (node == 0) return root_edges_[token];
  auto edge = edges_.find((std::uint64_t{node} << 32) | token);
  return edge == edges_.end() ? 0 : edge->second;
}

std::vector<EventMention> EventCatalog::FindMentions(
    absl::string_view text) const {
  const std::vector<SentenceBounds> sentences = SplitSentences(text);
  return FindMentionsInWords(SplitWords(text), sentences);
}

void EventCatalog::AddLooseMentions(const std::vector<Word>& words,
                                    std::vector<LooseMatch> loose,
                                    std::vector<EventMention>& mentions) const {
  // An exact name wins over a loose one it overlaps, but for a bare
  // series's name: "Chandrayaan-3 successfully landed" names a landing,
  // not the programme. A member of that series is left to the series's
  // own reading (by ordinal or year): "this year's Lok Sabha elections"
  // is not the first one for having "first" nearby.
  const auto overlaps_exact = [&](const LooseMatch& m) {
    // The first exact mention that ends after m begins.
    for (auto it = std::lower_bound(
             mentions.begin(), mentions.end(), m.begin,
             [](const EventMention& e, std::size_t at) { return e.end <= at; });
         it != mentions.end() && it->begin < m.end; ++it) {
      if (!it->series_only || !events_[m.event].series_id.empty()) return true;
    }
    return false;
  };
  // More words first, then the tighter span, then text order.
  std::sort(loose.begin(), loose.end(),
            [](const LooseMatch& a, const LooseMatch& b) {
              if (a.content_words != b.content_words)
                return a.content_words > b.content_words;
              if (a.end - a.begin != b.end - b.begin)
                return a.end - a.begin < b.end - b.begin;
              if (a.begin != b.begin) return a.begin < b.begin;
              return a.event < b.event;
            });
  struct Accepted {
    EventMention mention;
    int content_words;
  };
  std::vector<Accepted> accepted;
  for (const LooseMatch& m : loose) {
    if (overlaps_exact(m)) continue;
    Accepted* clash = nullptr;
    bool blocked = false;
    for (Accepted& a : accepted) {
      if (a.mention.begin < m.end && m.begin < a.mention.end) {
        // The same words, not only overlapping ones: "Pope Benedict XVI
        // will resign ... Pope Gregory XII" names each pope's resignation
        // apart.
        if (a.content_words == m.content_words && clash == nullptr &&
            a.mention.begin == m.begin && a.mention.end == m.end) {
          clash = &a;
        } else {
          blocked = true;
        }
      }
    }
    if (blocked) continue;
    if (clash != nullptr) {
      // Two events' names fit the same words equally: a mention of both.
      std::vector<int>& c = clash->mention.candidates;
      if (std::find(c.begin(), c.end(), m.event) == c.end()) {
        c.push_back(m.event);
      }
      continue;
    }
    EventMention mention;
    mention.begin = m.begin;
    mention.end = m.end;
    mention.after_definite_article =
        m.first_word > 0 && words[m.first_word - 1].norm == "the";
    mention.candidates = {m.event};
    mention.loose = true;
    mention.name_years = m.years;
    accepted.push_back({std::move(mention), m.content_words});
  }
  if (accepted.empty()) return;
  // The bare series names the loose ones took the place of.
  mentions.erase(
      std::remove_if(mentions.begin(), mentions.end(),
                     [&](const EventMention& e) {
                       return e.series_only &&
                              std::any_of(accepted.begin(), accepted.end(),
                                          [&](const Accepted& a) {
                                            return a.mention.begin < e.end &&
                                                   e.begin < a.mention.end;
                                          });
                     }),
      mentions.end());
  for (Accepted& a : accepted) mentions.push_back(std::move(a.mention));
  std::sort(mentions.begin(), mentions.end(),
            [](const EventMention& a, const EventMention& b) {
              return a.begin < b.begin;
            });
}

std::vector<EventMention> EventCatalog::FindMentionsInWords(
    const std::vector<Word>& words,
    absl::Span<const SentenceBounds> loose_within) const {
  std::vector<EventMention> mentions;
  std::vector<std::uint32_t> ids(words.size());
  for (std::size_t k = 0; k < words.size(); ++k)
    ids[k] = TokenId(words[k].norm);

  std::size_t i = 0;
  while (i < words.size()) {
    // Longest name starting at word i.
    std::uint32_t node = 0;
    std::size_t best_end = 0;
    std::uint32_t best_node = 0;
    for (std::size_t k = i; k < words.size() && ids[k] != kNoToken; ++k) {
      node = Child(node, ids[k]);
      if (node == 0) break;
      if (!node_events_[node].empty()) {
        best_end = k + 1;
        best_node = node;
      }
    }
    if (best_end == 0) {
      ++i;
      continue;
    }
    EventMention mention;
    mention.begin = words[i].begin;
    mention.end = words[best_end - 1].end;
    std::size_t first_word = i;
    std::size_t year_end = best_end;  // Past a series's year after its name.
    for (int e : node_events_[best_node]) {
      if (!is_series_[e]) {
        mention.candidates.push_back(e);
        continue;
      }
      // A series named with an ordinal: "the 19th meeting of the X",
      // "the 19th X meeting", "X's 19th meeting" is not handled.
      std::size_t k = i;
      if (k > 0 && words[k - 1].norm == "the") --k;
      std::size_t ordinal_words = 0;
      int ordinal = 0;
      if (k >= 3 && words[k - 1].norm == "of" &&
          IsOccurrenceNoun(words[k - 2].norm)) {
        ordinal = OrdinalBefore(words, k - 2, &ordinal_words);
        if (ordinal > 0) k = k - 2 - ordinal_words;
      } else {
        ordinal = OrdinalBefore(words, i, &ordinal_words);
        if (ordinal > 0) k = i - ordinal_words;
      }
      if (ordinal <= 0) {
        // "FIFA World Cup 2022", "the 2023 G7 summit": a year written
        // with the series's name picks its member of that year, and is
        // part of the name.
        int year = 0;
        std::size_t year_word = words.size();
        if (i > 0 && IsYearWord(words[i - 1].norm, &year)) {
          year_word = i - 1;
        } else if (best_end < words.size() &&
                   words[best_end].begin <= words[best_end - 1].end + 1 &&
                   IsYearWord(words[best_end].norm, &year)) {
          year_word = best_end;
        }
        const auto members =
            year_word < words.size()
                ? series_by_year_.find({events_[e].id, year})
                : series_by_year_.end();
        if (members == series_by_year_.end()) {
          mention.series_only = true;
          continue;
        }
        for (int m : members->second) mention.candidates.push_back(m);
        if (year_word < i) {
          first_word = std::min(first_word, year_word);
        } else {
          year_end = std::max(year_end, year_word + 1);
        }
        continue;
      }
      for (int m : SeriesMembers(events_[e].id, ordinal)) {
        mention.candidates.push_back(m);
      }
      first_word = std::min(first_word, k);
    }
    if (!mention.candidates.empty()) mention.series_only = false;
    mention.begin = words[first_word].begin;
    mention.end = words[year_end - 1].end;
    mention.after_definite_article =
        first_word > 0 && words[first_word - 1].norm == "the";
    mentions.push_back(std::move(mention));
    i = year_end;
  }
  AddLooseMentions(words, loose_.Find(loose_within, words, ids), mentions);
  AddDescribedMentions(words,
                       descriptions_.Find(events_, loose_within, words, ids),
                       mentions);
  return mentions;
}

void EventCatalog::AddDescribedMentions(
    const std::vector<Word>& words, std::vector<DescriptionMatch> described,
    std::vector<EventMention>& mentions) const {
  if (described.empty()) return;
  std::vector<EventMention> added;
  for (DescriptionMatch& d : described) {
    // A sentence that names an event is read by its names: a description
    // there would compete with them for the sentence's dates.
    const auto it = std::lower_bound(
        mentions.begin(), mentions.end(), d.sentence.begin,
        [](const EventMention& e, std::size_t at) { return e.end <= at; });
    if (it != mentions.end() && it->begin < d.sentence.end) continue;
    EventMention m;
    m.begin = d.begin;
    m.end = d.end;
    m.after_definite_article =
        d.first_word > 0 && words[d.first_word - 1].norm == "the";
    for (const DescribedEvent& e : d.events) m.candidates.push_back(e.event);
    m.loose = true;
    m.described = true;
    m.described_as = std::move(d.events);
    m.unique_best = d.unique_best;
    added.push_back(std::move(m));
  }
  if (added.empty()) return;
  for (EventMention& m : added) mentions.push_back(std::move(m));
  std::sort(mentions.begin(), mentions.end(),
            [](const EventMention& a, const EventMention& b) {
              return a.begin < b.begin;
            });
}

}  // namespace factcheck
