// Numbers a fixed set of words and finds a word's number fast: the event
// matcher looks up every word of every text it reads, most of them in
// vain or among a thousand or so words of event names.
#ifndef FACTCHECK_ENGINE_EVENTS_WORD_INDEX_H_
#define FACTCHECK_ENGINE_EVENTS_WORD_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace factcheck {

class WordIndex {
 public:
  // What Find returns for a word not in the index.
  static constexpr std::uint32_t kNotFound = 0xFFFFFFFF;

  // The word's number, adding the word (numbered from 0 in order of
  // addition) if it is new.
  std::uint32_t Add(absl::string_view word);

  // The word's number, or kNotFound.
  std::uint32_t Find(absl::string_view word) const;

  std::size_t size() const { return words_.size(); }

 private:
  // A word's first and last eight bytes (fewer, overlapping, for a short
  // word) and its length: the whole word for words of up to 16 bytes, so
  // that most comparisons need no memcmp, and the input of the hash.
  struct Key {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint64_t size = 0;
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    Key key;
    std::uint32_t id = kNotFound;  // kNotFound: empty.
  };
  static Key KeyOf(absl::string_view word);
  // One multiply instead of a general string hash.
  static std::uint64_t Hash(const Key& key);
  std::uint32_t Find(absl::string_view word, const Key& key) const;
  void Insert(const Key& key, std::uint32_t id);
  void Grow();

  std::vector<std::string> words_;
  // Open addressing with linear probing over a power-of-two table kept at
  // most half full, so that most look-ups touch one slot.
  std::vector<Slot> slots_;
  int shift_ = 64;  // 64 - log2(slots_.size()).
};

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_EVENTS_WORD_INDEX_H_
