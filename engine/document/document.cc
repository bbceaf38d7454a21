#include "engine/document/document.h"

#include <algorithm>
#include <utility>

namespace factcheck {

std::size_t Document::WordAt(std::size_t pos) const {
  return static_cast<std::size_t>(
      std::lower_bound(
          words.begin(), words.end(), pos,
          [](const Word& w, std::size_t p) { return w.begin < p; }) -
      words.begin());
}

const SentenceBounds* Document::SentenceAt(std::size_t pos) const {
  // Sentences are in text order and do not overlap.
  const auto it = std::upper_bound(
      sentences.begin(), sentences.end(), pos,
      [](std::size_t p, const SentenceBounds& s) { return p < s.end; });
  if (it == sentences.end() || pos < it->begin) return nullptr;
  return &*it;
}

absl::StatusOr<Document> ReadDocument(absl::string_view text,
                                      absl::CivilDay published) {
  if (text.empty()) return absl::InvalidArgumentError("text is empty");
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  Document doc;
  doc.text = text;
  doc.published = published;
  doc.words = SplitWords(text);
  doc.sentences = SplitSentences(text);
  return doc;
}

}  // namespace factcheck
