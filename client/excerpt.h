// A short quotation of the text around a claim, with the claim marked, so
// that a reader sees what was flagged without opening the file.
#ifndef FACTCHECK_CLIENT_EXCERPT_H_
#define FACTCHECK_CLIENT_EXCERPT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace factcheck::client {

// What is written around the marked span: brackets in plain output, terminal
// escape sequences on a terminal.
struct SpanMarker {
  std::string open = "[";
  std::string close = "]";
};

// Quotes `text` around the byte span [begin, end), marking the span. When the
// text is longer than `width` code points it is cut at character boundaries,
// preferring word boundaries, keeping the span and about `width` code points
// in all; cut ends are shown as "…". Line breaks and tabs become spaces so
// that the excerpt fits on one line. Offsets are clamped to the text and
// widened to whole characters.
std::string MarkedExcerpt(absl::string_view text, std::size_t begin,
                          std::size_t end, const SpanMarker& marker,
                          std::size_t width = 100);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_EXCERPT_H_
