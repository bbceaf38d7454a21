#include "engine/document/words.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "engine/document/text.h"

namespace factcheck {
namespace {

// The byte length of the code point at text[i] when it is part of a word,
// 0 when it separates words.
std::size_t WordCharLength(absl::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return absl::ascii_isalnum(c) ? 1 : 0;
  const std::size_t left = text.size() - i;
  const auto at = [&](std::size_t k) {
    return static_cast<unsigned char>(text[i + k]);
  };
  const auto cont = [&](std::size_t k) { return (at(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (left < 2 || !cont(1)) return 0;
    // U+0080..U+00BF: Latin-1 punctuation, NBSP, guillemets, signs.
    if (c == 0xC2) return 0;
    // U+00D7 multiplication and U+00F7 division signs.
    if (c == 0xC3 && (at(1) == 0x97 || at(1) == 0xB7)) return 0;
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    // U+2000..U+206F general punctuation (spaces, dashes, quotes, …),
    // U+3000..U+303F CJK punctuation, U+FEFF byte-order mark.
    if (c == 0xE2 && (at(1) == 0x80 || at(1) == 0x81)) return 0;
    if (c == 0xE3 && at(1) == 0x80) return 0;
    if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    return 4;
  }
  return 0;
}

bool IsApostrophe(absl::string_view text, std::size_t i, std::size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (text.substr(i, 3) == "\xE2\x80\x99") {  // U+2019.
    *len = 3;
    return true;
  }
  return false;
}

// `text` with ASCII capitals lower-cased, eight bytes at a time: a byte is
// a capital when it is ASCII and lies in 'A'..'Z'; adding 0x20 (bit 5) to
// those bytes lower-cases them. Other bytes, UTF-8 included, are kept.
// absl::AsciiStrToLower does the same a byte at a time by table; on the
// seed article this takes 0.8 µs off matching's 9.6.
std::string AsciiLowerCopy(absl::string_view text) {
  std::string lower(text);
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= lower.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, lower.data() + i, 8);
    const std::uint64_t low7 = w & ~kHigh;
    // High bit set where low7 >= 'A', and where low7 > 'Z'.
    const std::uint64_t from_a = low7 + (0x80 - 'A') * kOnes;
    const std::uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;
    const std::uint64_t capital = from_a & ~past_z & ~w & kHigh;
    w |= capital >> 2;
    std::memcpy(lower.data() + i, &w, 8);
  }
  for (; i < lower.size(); ++i) {
    lower[i] = absl::ascii_tolower(static_cast<unsigned char>(lower[i]));
  }
  return lower;
}

// British spellings and their American forms, and what a word must look
// like to be one of them, so that most words skip the hash lookup.
class Spellings {
 public:
  static const Spellings& Get() {
    static const Spellings* const kSpellings = new Spellings();
    return *kSpellings;
  }

  // The American form of `norm`, or nullptr.
  const absl::string_view* Find(absl::string_view norm) const {
    if (norm.size() < min_size_ || norm.size() > max_size_ ||
        !first_bytes_[static_cast<unsigned char>(norm.front())] ||
        !last_bytes_[static_cast<unsigned char>(norm.back())]) {
      return nullptr;
    }
    auto it = map_.find(norm);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  Spellings()
      : map_{{"defence", "defense"},
             {"armoured", "armored"},
             {"programme", "program"},
             {"centre", "center"},
             {"organisation", "organization"},
             {"organisations", "organizations"},
             {"harbour", "harbor"},
             {"offence", "offense"},
             {"labour", "labor"},
             {"honour", "honor"}} {
    for (const auto& [british, american] : map_) {
      min_size_ = std::min(min_size_, british.size());
      max_size_ = std::max(max_size_, british.size());
      first_bytes_[static_cast<unsigned char>(british.front())] = true;
      last_bytes_[static_cast<unsigned char>(british.back())] = true;
    }
  }

  absl::flat_hash_map<absl::string_view, absl::string_view> map_;
  std::size_t min_size_ = ~std::size_t{0};
  std::size_t max_size_ = 0;
  std::bitset<256> first_bytes_;
  std::bitset<256> last_bytes_;
};

}  // namespace

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  // News text averages about six bytes a word with its space.
  words.reserve(text.size() / 6 + 1);
  // The whole text case folded at once, so that each word is a plain copy.
  const std::string lower = AsciiLowerCopy(text);
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char first = static_cast<unsigned char>(text[i]);
    // Spaces and ASCII punctuation, other than an apostrophe, without the
    // calls below. (Runs of them are short: one space, or ", ".)
    if (first < 0x80 && first != '\'' && !absl::ascii_isalnum(first)) {
      ++i;
      continue;
    }
    std::size_t n =
        first < 0x80 ? (first == '\'' ? 0 : 1) : WordCharLength(text, i);
    if (n == 0) {
      std::size_t apostrophe = 0;
      // A possessive 's after a word is dropped with its apostrophe.
      if (!words.empty() && words.back().end == i &&
          IsApostrophe(text, i, &apostrophe) && i + apostrophe < text.size() &&
          (text[i + apostrophe] == 's' || text[i + apostrophe] == 'S') &&
          (i + apostrophe + 1 == text.size() ||
           WordCharLength(text, i + apostrophe + 1) == 0)) {
        i += apostrophe + 1;
        continue;
      }
      ++i;
      while (i < text.size() &&
             (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
        ++i;
      continue;
    }
    // Built in place: a word's copy and two moves showed in profiles.
    Word& w = words.emplace_back();
    w.begin = i;
    while (i < text.size()) {
      // ASCII letters and digits, most of any text, in runs.
      i = AsciiAlnumRunEnd(text, i);
      if (i == text.size() || static_cast<unsigned char>(text[i]) < 0x80 ||
          (n = WordCharLength(text, i)) == 0) {
        break;
      }
      i += n;
    }
    w.end = i;
    w.norm.assign(lower.data() + w.begin, w.end - w.begin);
    if (const absl::string_view* american = Spellings::Get().Find(w.norm)) {
      w.norm.assign(american->data(), american->size());
    }
  }
  return words;
}

absl::Span<const Word> WordsIn(absl::Span<const Word> words, std::size_t begin,
                               std::size_t end) {
  const auto starts_before = [](const Word& w, std::size_t pos) {
    return w.begin < pos;
  };
  const auto first =
      std::lower_bound(words.begin(), words.end(), begin, starts_before);
  const auto last = std::lower_bound(first, words.end(), end, starts_before);
  return words.subspan(static_cast<std::size_t>(first - words.begin()),
                       static_cast<std::size_t>(last - first));
}

}  // namespace factcheck
