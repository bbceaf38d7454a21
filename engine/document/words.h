// Word tokens for matching names in text. Internal to engine/.
#ifndef FACTCHECK_ENGINE_DOCUMENT_WORDS_H_
#define FACTCHECK_ENGINE_DOCUMENT_WORDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace factcheck {

// A word of the text and its normalised form.
struct Word {
  std::size_t begin = 0;  // Byte offsets, half-open.
  std::size_t end = 0;
  // ASCII case folded, British spellings mapped to American ones. A
  // possessive "'s" (straight or curly apostrophe) is not part of the word.
  std::string norm;
};

// Splits `text` into words: runs of letters and digits (any non-ASCII code
// point that is not a space, dash, quote or other punctuation counts as a
// letter). Hyphens, dashes, apostrophes and all punctuation separate words.
// Invalid UTF-8 bytes separate words too.
std::vector<Word> SplitWords(absl::string_view text);

// The words of `words` (in text order, as SplitWords gives them) that start
// within [begin, end): a sentence's or a gap's words, without splitting the
// text again.
absl::Span<const Word> WordsIn(absl::Span<const Word> words, std::size_t begin,
                               std::size_t end);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_DOCUMENT_WORDS_H_
