// The first stage of a check: the text read once into the units every
// later stage shares — its words and its sentences — with the article's
// publication date. The stages after it (engine/time, engine/events,
// engine/claims, engine/verdicts, engine/document_checks) read a Document;
// none splits the text again.
#ifndef FACTCHECK_ENGINE_DOCUMENT_DOCUMENT_H_
#define FACTCHECK_ENGINE_DOCUMENT_DOCUMENT_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "engine/document/text.h"
#include "engine/document/words.h"

namespace factcheck {

struct Document {
  absl::string_view text;  // Not owned; valid UTF-8, not empty.
  absl::CivilDay published;
  std::vector<Word> words;                // SplitWords(text)
  std::vector<SentenceBounds> sentences;  // SplitSentences(text)

  // The words that start within [begin, end).
  absl::Span<const Word> WordsIn(std::size_t begin, std::size_t end) const {
    return factcheck::WordsIn(words, begin, end);
  }
  // The index of the first word at or after byte `pos` (words.size() when
  // none is).
  std::size_t WordAt(std::size_t pos) const;
  // The sentence that holds byte `pos`, or null (a space between two).
  const SentenceBounds* SentenceAt(std::size_t pos) const;
  absl::string_view Slice(std::size_t begin, std::size_t end) const {
    return text.substr(begin, end - begin);
  }
};

// Reads `text` published on `published`. InvalidArgument when the text is
// empty or not valid UTF-8. `text` must outlive the Document.
absl::StatusOr<Document> ReadDocument(absl::string_view text,
                                      absl::CivilDay published);

// The items of `all` (in text order, each with a `begin` byte) that begin
// in [begin, end), by binary search: the stages look within a sentence or
// a few words, and scanning the whole document for each would make a long
// text cost the square of its length.
template <typename T>
absl::Span<const T> BeginningIn(const std::vector<T>& all, std::size_t begin,
                                std::size_t end) {
  const auto by_begin = [](const T& x, std::size_t at) {
    return x.begin < at;
  };
  const auto first = std::lower_bound(all.begin(), all.end(), begin, by_begin);
  const auto last = std::lower_bound(first, all.end(), end, by_begin);
  return absl::MakeConstSpan(all.data() + (first - all.begin()),
                             static_cast<std::size_t>(last - first));
}

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_DOCUMENT_DOCUMENT_H_
