// Text utilities the engine's stages share: UTF-8 validation, the scan over
// a word's ASCII letters and digits, the mapping from byte offsets to the
// UTF-16 offsets and line/column positions that editors use, and sentence
// splitting.
#ifndef FACTCHECK_ENGINE_DOCUMENT_TEXT_H_
#define FACTCHECK_ENGINE_DOCUMENT_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace factcheck {

// OK when `text` is well-formed UTF-8 (no overlong forms, no surrogates, no
// code points above U+10FFFF); otherwise InvalidArgument naming `what` (the
// field) and the byte offset of the first bad sequence.
absl::Status ValidateUtf8(absl::string_view text,
                          absl::string_view what = "text");

// The end of the run of ASCII letters and digits that starts at
// text[from] (`from` itself when there is none): the body of most words.
// Sixteen bytes at a time where SSE2 is there, so a word costs no
// mispredicted branch per letter. Inline: the word loops call it per word.
inline std::size_t AsciiAlnumRunEnd(absl::string_view text, std::size_t from) {
  const char* const p = text.data();
  const std::size_t n = text.size();
  std::size_t k = from;
#if defined(__SSE2__)
  for (; k + 16 <= n; k += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    // Signed compares: bytes of 0x80 and above are negative, so neither
    // digits nor letters.
    const __m128i digit =
        _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('0' - 1)),
                      _mm_cmplt_epi8(c, _mm_set1_epi8('9' + 1)));
    const __m128i folded = _mm_or_si128(c, _mm_set1_epi8(0x20));
    const __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                      _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const unsigned mask =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digit, letter)));
    if (mask != 0xFFFF) return k + __builtin_ctz(~mask);
  }
#endif
  while (k < n && absl::ascii_isalnum(static_cast<unsigned char>(p[k]))) ++k;
  return k;
}

// A span of text in every unit a client may want. Offsets are half-open.
struct TextSpan {
  std::size_t begin = 0;  // UTF-8 bytes.
  std::size_t end = 0;
  std::size_t utf16_begin = 0;  // UTF-16 code units.
  std::size_t utf16_end = 0;
  std::size_t line = 1;    // 1-based line of `begin`.
  std::size_t column = 1;  // 1-based column of `begin`, in code points.
};

// Converts byte offsets of one valid UTF-8 text to TextSpans. Conversions
// at increasing offsets cost time linear in the distance moved, so a whole
// document's spans cost one pass over the text. Positions are remembered
// every kMarkStride bytes as they are passed, so converting an offset in a
// stretch already walked (behind the last one, or the end of a long span
// converted before) walks at most kMarkStride bytes.
class TextLocator {
 public:
  explicit TextLocator(absl::string_view text) : text_(text), marks_(1) {}

  TextSpan Locate(std::size_t begin, std::size_t end);

 private:
  struct Position {
    std::size_t byte = 0;
    std::size_t utf16 = 0;
    std::size_t line = 1;
    std::size_t column = 1;
  };
  // Positions are remembered at every multiple of this many bytes.
  static constexpr std::size_t kMarkStride = 64;

  // The position at byte offset `to`, walked from `from` or from the
  // nearest mark before `to`, whichever is closer.
  Position Advance(Position from, std::size_t to);

  absl::string_view text_;
  Position last_;
  // marks_[k] is the position at byte k * kMarkStride, for every multiple
  // reached so far.
  std::vector<Position> marks_;
};

// A sentence as a byte range of the text, trimmed of surrounding space.
struct SentenceBounds {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The longest sentence SplitSentences returns. No sentence of news copy
// comes near it; a run of text with no stop (a list, a table flattened to
// one line, hostile input) is cut into pieces of at most this many bytes at
// spaces, so that the work per sentence, and what a finding quotes of it,
// stays bounded.
inline constexpr std::size_t kMaxSentenceBytes = 2000;

// The most of a sentence a finding quotes (SentenceExcerpt).
inline constexpr std::size_t kMaxExcerptBytes = 320;

// The part of `sentence` a finding about text[begin, end) quotes: the whole
// sentence when it is at most kMaxExcerptBytes long; otherwise a window of
// at most kMaxExcerptBytes (more only when [begin, end) itself is longer)
// that holds [begin, end) and as much on either side as fits, cut at
// spaces, never inside a UTF-8 character. [begin, end) is clipped to the
// sentence first.
SentenceBounds SentenceExcerpt(absl::string_view text, SentenceBounds sentence,
                               std::size_t begin, std::size_t end);

// Splits news text into sentences: at ".", "!" or "?" (and any closing
// quotes after them) followed by space and a capital, digit or opening
// quote, and at line breaks. Common abbreviations ("Mr.", "Jan.", "U.S.")
// and initials do not end a sentence. A sentence longer than
// kMaxSentenceBytes is cut at the last space that keeps the pieces within
// it (at a character boundary when it has no space).
std::vector<SentenceBounds> SplitSentences(absl::string_view text);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_DOCUMENT_TEXT_H_
