// What the words of an event's name are to the matchers that read names
// loosely (loose_name_matcher.h) and descriptions (description_matcher.h):
// fillers, numbers and date words. Internal to engine/events/.
#ifndef FACTCHECK_ENGINE_EVENTS_NAME_WORDS_H_
#define FACTCHECK_ENGINE_EVENTS_NAME_WORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/events/word_index.h"

namespace factcheck {

// Words that carry no meaning of their own in an event's name ("the",
// "of", "between"): a loose match need not find them.
bool IsFiller(absl::string_view w);

// All ASCII digits.
bool IsNumber(absl::string_view w);

// True for a year written as four digits ("2022"), as names and dates carry
// them; sets `*year`.
bool IsYearWord(absl::string_view w, int* year);

// Words of a date in a name ("2018 FIFA World Cup", "November 2015 Paris
// attacks"): they tell editions apart but are the text's date, not the
// event's name, when the text writes them.
bool IsDateWord(absl::string_view w);

// Distinct words numbered in the order they are first given: the keys a
// matcher indexes the words of names by while it builds.
class KeyWords {
 public:
  // The number of `word`, numbering it when new.
  std::uint32_t Id(const std::string& word) {
    auto [it, added] =
        ids_.try_emplace(word, static_cast<std::uint32_t>(words_.size()));
    if (added) words_.push_back(word);
    return it->second;
  }
  // Word k is the one numbered k.
  const std::vector<std::string>& words() const { return words_; }

 private:
  absl::flat_hash_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
};

// What each token of the catalog's vocabulary stands for in a matcher (the
// slots it fills, the keys it is a form of), one list per token, kept in
// one array: token t's are items_[begin_[t], begin_[t + 1]).
template <typename T>
class TokenLists {
 public:
  TokenLists() = default;
  explicit TokenLists(const std::vector<std::vector<T>>& by_token) {
    begin_.assign(by_token.size() + 1, 0);
    for (std::size_t t = 0; t < by_token.size(); ++t) {
      begin_[t + 1] = begin_[t] + static_cast<std::uint32_t>(by_token[t].size());
    }
    items_.reserve(begin_.back());
    for (const std::vector<T>& list : by_token) {
      items_.insert(items_.end(), list.begin(), list.end());
    }
  }

  // Token `token`'s list: empty for kNotFound and tokens added later.
  absl::Span<const T> Of(std::uint32_t token) const {
    if (token == WordIndex::kNotFound || token + 1 >= begin_.size()) return {};
    return absl::MakeConstSpan(items_.data() + begin_[token],
                               begin_[token + 1] - begin_[token]);
  }

 private:
  std::vector<std::uint32_t> begin_ = {0};
  std::vector<T> items_;
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_NAME_WORDS_H_
