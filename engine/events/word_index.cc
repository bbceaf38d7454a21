#include "engine/events/word_index.h"

#include <cstring>

namespace factcheck {

WordIndex::Key WordIndex::KeyOf(absl::string_view word) {
  const char* const p = word.data();
  const std::size_t n = word.size();
  // Overlapping fixed-size loads: memcpy of a variable length would be a
  // library call, a byte loop a dozen instructions more. With the length
  // they cover every byte of a word of up to 16 bytes.
  Key key;
  key.size = n;
  if (n >= 8) {
    std::memcpy(&key.head, p, 8);
    std::memcpy(&key.tail, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    key.head = (std::uint64_t{last} << 32) | first;
  } else if (n > 0) {
    key.head = std::uint64_t{static_cast<unsigned char>(p[0])} |
               std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
               std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  return key;
}

std::uint64_t WordIndex::Hash(const Key& key) {
  const std::uint64_t mixed =
      (key.head ^ (key.tail * 0xC2B2AE3D27D4EB4FULL) ^ key.size) *
      0x9E3779B97F4A7C15ULL;
  return mixed ^ (mixed >> 29);
}

std::uint32_t WordIndex::Find(absl::string_view word) const {
  return Find(word, KeyOf(word));
}

std::uint32_t WordIndex::Find(absl::string_view word, const Key& key) const {
  if (slots_.empty()) return kNotFound;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Hash(key) >> shift_;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNotFound) return kNotFound;
    if (slot.key == key && (key.size <= 16 || words_[slot.id] == word)) {
      return slot.id;
    }
  }
}

std::uint32_t WordIndex::Add(absl::string_view word) {
  const Key key = KeyOf(word);
  if (const std::uint32_t id = Find(word, key); id != kNotFound) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  Insert(key, id);
  return id;
}

void WordIndex::Insert(const Key& key, std::uint32_t id) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Hash(key) >> shift_;
  while (slots_[i].id != kNotFound) i = (i + 1) & mask;
  slots_[i] = Slot{key, id};
}

void WordIndex::Grow() {
  const std::size_t size = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(size, Slot{});
  shift_ = 64 - __builtin_ctzll(size);
  for (std::uint32_t id = 0; id < words_.size(); ++id) {
    Insert(KeyOf(words_[id]), id);
  }
}

}  // namespace factcheck
