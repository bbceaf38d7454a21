#include "engine/document/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace factcheck {
namespace {

// Length of the UTF-8 sequence starting at text[i] if well-formed, else 0.
std::size_t SequenceLength(absl::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  const std::size_t left = text.size() - i;
  const auto cont = [&](std::size_t k) { return (byte(i + k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // Overlong.
    if (b0 == 0xED && b1 > 0x9F) return 0;  // UTF-16 surrogate.
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // Overlong.
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // Above U+10FFFF.
    return 4;
  }
  return 0;
}

}  // namespace

absl::Status ValidateUtf8(absl::string_view text, absl::string_view what) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Plain ASCII dominates news text: skip it eight bytes at a time.
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      __builtin_memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= text.size()) break;
    const std::size_t n = SequenceLength(text, i);
    if (n == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, " is not valid UTF-8: bad byte 0x",
                       absl::Hex(static_cast<unsigned char>(text[i])),
                       " at byte offset ", i));
    }
    i += n;
  }
  return absl::OkStatus();
}

namespace {

// How many of the eight bytes of `w` have their high bit set. A multiply,
// not __builtin_popcountll, which without -mpopcnt is a library call.
int HighBits(std::uint64_t w) {
  return static_cast<int>(
      (((w >> 7) & 0x0101010101010101ULL) * 0x0101010101010101ULL) >> 56);
}

}  // namespace

TextLocator::Position TextLocator::Advance(Position from, std::size_t to) {
  if (to > text_.size()) to = text_.size();
  // Start from the nearest mark at or before `to` when it is behind `from`
  // or ahead of it: the stretch between was walked before.
  const Position& mark = marks_[std::min(to / kMarkStride, marks_.size() - 1)];
  if (to < from.byte || mark.byte > from.byte) from = mark;
  while (from.byte < to) {
    // Every walk starts at a mark or at a position walked to, so the
    // multiples below the farthest position reached are all marked.
    if (from.byte == marks_.size() * kMarkStride) marks_.push_back(from);
    // Eight bytes at a time (unaligned loads), up to the next mark's offset
    // (so that none is stepped over), for as long as they hold no line
    // break: most of news text. Columns count the bytes that start a character;
    // UTF-16 units count those too, and once more for a 4-byte sequence's first
    // byte.
    if (from.byte + 8 <= to) {
      const std::size_t stop =
          std::min(to, (from.byte / kMarkStride + 1) * kMarkStride);
      bool stepped = false;
      while (from.byte + 8 <= stop) {
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        std::uint64_t w;
        __builtin_memcpy(&w, text_.data() + from.byte, 8);
        // Zero bytes of w ^ "\n\n..." are line breaks.
        const std::uint64_t breaks = w ^ 0x0A0A0A0A0A0A0A0AULL;
        if (((breaks - 0x0101010101010101ULL) & ~breaks & kHigh) != 0) break;
        from.byte += 8;
        stepped = true;
        if ((w & kHigh) == 0) {  // Plain ASCII, most chunks.
          from.column += 8;
          from.utf16 += 8;
          continue;
        }
        // 10xxxxxx: continuation bytes; 1111xxxx: 4-byte sequences.
        const int continuation = HighBits(w & ~(w << 1));
        const int four_byte = HighBits(w & (w << 1) & (w << 2) & (w << 3));
        from.column += 8 - continuation;
        from.utf16 += 8 - continuation + four_byte;
      }
      if (stepped) continue;
    }
    const unsigned char c = static_cast<unsigned char>(text_[from.byte]);
    ++from.byte;
    if (c == '\n') {
      ++from.line;
      from.column = 1;
      ++from.utf16;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;  // Continuation byte.
    ++from.column;
    // Code points above U+FFFF (4-byte sequences) take two UTF-16 units.
    from.utf16 += c >= 0xF0 ? 2 : 1;
  }
  return from;
}

TextSpan TextLocator::Locate(std::size_t begin, std::size_t end) {
  const Position b = Advance(last_, begin);
  const Position e = Advance(b, end);
  last_ = b;
  TextSpan span;
  span.begin = b.byte;
  span.end = e.byte;
  span.utf16_begin = b.utf16;
  span.utf16_end = e.utf16;
  span.line = b.line;
  span.column = b.column;
  return span;
}

namespace {

bool IsSpace(absl::string_view text, std::size_t i, std::size_t* len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
      c == '\v') {
    *len = 1;
    return true;
  }
  // U+00A0 no-break space.
  if (c == 0xC2 && i + 1 < text.size() &&
      static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *len = 2;
    return true;
  }
  // U+2000..U+200A spaces, U+202F narrow no-break space.
  if (c == 0xE2 && i + 2 < text.size() &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
    if (c2 <= 0x8A || c2 == 0xAF) {
      *len = 3;
      return true;
    }
  }
  return false;
}

// Closing quotes and brackets that may follow a sentence's final stop.
std::size_t ClosingMarkLength(absl::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // U+201D ” and U+2019 ’.
  if (absl::StartsWith(text.substr(i), "\xE2\x80\x9D") ||
      absl::StartsWith(text.substr(i), "\xE2\x80\x99")) {
    return 3;
  }
  return 0;
}

// True when text[i] can begin a sentence: a capital, a digit or an opening
// quote. Non-ASCII letters are accepted (their case is not examined).
bool CanStartSentence(absl::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (absl::ascii_isupper(c) || absl::ascii_isdigit(c)) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
  return c >= 0x80;  // Opening quotes (U+201C) and non-ASCII capitals.
}

// Words whose trailing period does not end a sentence.
bool IsAbbreviation(absl::string_view word) {
  static const auto* const kAbbreviations =
      new absl::flat_hash_set<std::string>{
          "mr",   "mrs",  "ms",   "dr",  "prof", "gen", "col",   "lt",
          "sgt",  "capt", "maj",  "adm", "gov",  "sen", "rep",   "st",
          "jan",  "feb",  "mar",  "apr", "jun",  "jul", "aug",   "sep",
          "sept", "oct",  "nov",  "dec", "no",   "vs",  "etc",   "inc",
          "ltd",  "co",   "corp", "jr",  "sr",   "u.s", "u.k",   "u.n",
          "e.g",  "i.e",  "a.m",  "p.m", "ave",  "fig", "approx"};
  if (word.size() == 1 && absl::ascii_isupper(word[0])) return true;
  // Lower-cased on the stack: no entry is longer than six letters.
  char lower[8];
  if (word.size() > sizeof(lower)) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    lower[k] = absl::ascii_tolower(static_cast<unsigned char>(word[k]));
  }
  return kAbbreviations->contains(absl::string_view(lower, word.size()));
}

}  // namespace

SentenceBounds SentenceExcerpt(absl::string_view text, SentenceBounds sentence,
                               std::size_t begin, std::size_t end) {
  if (sentence.end - sentence.begin <= kMaxExcerptBytes) return sentence;
  begin = std::clamp(begin, sentence.begin, sentence.end);
  end = std::clamp(end, begin, sentence.end);
  if (end - begin >= kMaxExcerptBytes) return {begin, end};
  // The room around [begin, end), shared out evenly; what one side cannot
  // use (the sentence ends there) goes to the other.
  const std::size_t room = kMaxExcerptBytes - (end - begin);
  std::size_t lo = begin - std::min(begin - sentence.begin, room / 2);
  std::size_t hi = std::min(sentence.end, end + (room - (begin - lo)));
  lo = begin - std::min(begin - sentence.begin, room - (hi - end));
  // Whole words only: a cut inside a word moves to the word's edge (spaces
  // are ASCII, so no cut lands inside a character).
  if (lo > sentence.begin && text[lo - 1] != ' ') {
    const std::size_t space = text.substr(lo, begin - lo).find(' ');
    lo = space == absl::string_view::npos ? begin : lo + space + 1;
  }
  if (hi < sentence.end && text[hi] != ' ') {
    const std::size_t space = text.substr(end, hi - end).rfind(' ');
    hi = space == absl::string_view::npos ? end : end + space;
  }
  while (lo < begin && text[lo] == ' ') ++lo;
  while (hi > end && text[hi - 1] == ' ') --hi;
  return {lo, hi};
}

std::vector<SentenceBounds> SplitSentences(absl::string_view text) {
  std::vector<SentenceBounds> sentences;
  std::size_t start = 0;
  // Trailing ASCII space; multi-byte spaces at the end are rare and
  // harmless inside a sentence span.
  const auto trim_end = [&](std::size_t b, std::size_t e) {
    while (e > b &&
           absl::ascii_isspace(static_cast<unsigned char>(text[e - 1])))
      --e;
    return e;
  };
  const auto emit = [&](std::size_t end) {
    std::size_t b = start, e = end, len = 0;
    while (b < e && IsSpace(text, b, &len)) b += len;
    e = trim_end(b, e);
    while (e - b > kMaxSentenceBytes) {
      std::size_t cut = text.substr(b + 1, kMaxSentenceBytes).rfind(' ');
      if (cut != absl::string_view::npos) {
        cut += b + 1;
      } else {
        cut = b + kMaxSentenceBytes;
        while ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      sentences.push_back({b, trim_end(b, cut)});
      b = cut;
      while (b < e && IsSpace(text, b, &len)) b += len;
    }
    if (e > b) sentences.push_back({b, e});
  };
  // The bytes that may end a sentence; the scan skips all others with one
  // table look-up.
  static constexpr auto kStops = [] {
    std::array<bool, 256> stops{};
    stops['\n'] = stops['.'] = stops['!'] = stops['?'] = true;
    return stops;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !kStops[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= text.size()) break;
    const char c = text[i];
    if (c == '\n') {
      emit(i);
      start = ++i;
      continue;
    }
    std::size_t j = i + 1;
    // Runs of stops ("...", "?!") end together.
    while (j < text.size() &&
           (text[j] == '.' || text[j] == '!' || text[j] == '?'))
      ++j;
    for (std::size_t n;
         j < text.size() && (n = ClosingMarkLength(text, j)) > 0;)
      j += n;
    std::size_t space_len = 0;
    if (j >= text.size() || !IsSpace(text, j, &space_len)) {
      i = j;
      continue;
    }
    std::size_t k = j;
    while (k < text.size() && text[k] != '\n' && IsSpace(text, k, &space_len))
      k += space_len;
    if (k < text.size() && text[k] != '\n' && !CanStartSentence(text, k)) {
      i = j;
      continue;
    }
    if (c == '.') {
      // The word before the period, including inner periods ("U.S").
      std::size_t w = i;
      while (w > start &&
             (absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1])) ||
              text[w - 1] == '.'))
        --w;
      if (w < i && IsAbbreviation(text.substr(w, i - w))) {
        i = j;
        continue;
      }
    }
    emit(j);
    start = i = j;
  }
  emit(text.size());
  return sentences;
}

}  // namespace factcheck
