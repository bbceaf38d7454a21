#include "engine/word_index.h"

#include <cstring>

namespace factcheck {

std::uint64_t WordIndex::Hash(absl::string_view word) {
  const char* const p = word.data();
  const std::size_t n = word.size();
  // Overlapping fixed-size loads: memcpy of a variable length would be a
  // library call, a byte loop a dozen instructions more.
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    head = (std::uint64_t{last} << 32) | first;
  } else if (n > 0) {
    head = std::uint64_t{static_cast<unsigned char>(p[0])} |
           std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
           std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  const std::uint64_t mixed =
      (head ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ n) * 0x9E3779B97F4A7C15ULL;
  return mixed ^ (mixed >> 29);
}

std::uint32_t WordIndex::Find(absl::string_view word) const {
  if (slots_.empty()) return kNotFound;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Hash(word) >> shift_;; i = (i + 1) & mask) {
    const std::uint32_t id = slots_[i];
    if (id == kNotFound) return kNotFound;
    if (words_[id] == word) return id;
  }
}

std::uint32_t WordIndex::Add(absl::string_view word) {
  if (const std::uint32_t id = Find(word); id != kNotFound) return id;
  if ((words_.size() + 1) * 4 > slots_.size()) Grow();
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Hash(word) >> shift_;
  while (slots_[i] != kNotFound) i = (i + 1) & mask;
  slots_[i] = id;
  return id;
}

void WordIndex::Grow() {
  const std::size_t size = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(size, kNotFound);
  shift_ = 64 - __builtin_ctzll(size);
  const std::size_t mask = size - 1;
  for (std::uint32_t id = 0; id < words_.size(); ++id) {
    std::size_t i = Hash(words_[id]) >> shift_;
    while (slots_[i] != kNotFound) i = (i + 1) & mask;
    slots_[i] = id;
  }
}

}  // namespace factcheck
