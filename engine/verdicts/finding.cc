#include "engine/verdicts/finding.h"

#include <algorithm>

namespace factcheck {

absl::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kReference:
      return "REFERENCE";
    case FindingKind::kPublicationDate:
      return "PUBLICATION_DATE";
    case FindingKind::kSeries:
      return "SERIES";
    case FindingKind::kRelative:
      return "RELATIVE";
    case FindingKind::kWithinDocument:
      return "WITHIN_DOCUMENT";
    case FindingKind::kAcrossSources:
      return "ACROSS_SOURCES";
  }
  return "FINDING_KIND_UNSPECIFIED";
}

void SetSentence(absl::string_view text, TextLocator& locator,
                 const SentenceBounds& s, std::size_t begin, std::size_t end,
                 std::size_t also_begin, std::size_t also_end, Finding& f) {
  const std::size_t lo = std::min(begin, also_begin);
  const std::size_t hi = std::max(end, also_end);
  const SentenceBounds excerpt =
      hi - lo <= kMaxExcerptBytes ? SentenceExcerpt(text, s, lo, hi)
                                  : SentenceExcerpt(text, s, begin, end);
  f.sentence_span = locator.Locate(s.begin, s.end);
  f.excerpt_span = excerpt.begin == s.begin && excerpt.end == s.end
                       ? f.sentence_span
                       : locator.Locate(excerpt.begin, excerpt.end);
  f.sentence = std::string(
      text.substr(excerpt.begin, excerpt.end - excerpt.begin));
}

}  // namespace factcheck
