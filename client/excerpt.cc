#include "client/excerpt.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/utf8.h"

namespace factcheck::client {
namespace {

constexpr absl::string_view kEllipsis = "…";

bool IsSpace(char c) {
  return absl::ascii_isspace(static_cast<unsigned char>(c));
}

// Replaces line breaks and tabs so that the excerpt stays on one line.
std::string OneLine(absl::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return line;
}

}  // namespace

std::string MarkedExcerpt(absl::string_view text, std::size_t begin,
                          std::size_t end, const SpanMarker& marker,
                          std::size_t width) {
  begin = FloorToBoundary(text, begin);
  end = std::max(begin, CeilToBoundary(text, end));

  std::size_t from = 0;
  std::size_t to = text.size();
  if (CodePointCount(text) > width) {
    // Share what the span leaves of the width between both sides, giving a
    // side's unused share to the other when the span is near an end.
    const std::size_t span_width =
        CodePointCount(text.substr(begin, end - begin));
    const std::size_t context = width > span_width ? width - span_width : 0;
    const std::size_t before = CodePointCount(text.substr(0, begin));
    const std::size_t after = CodePointCount(text.substr(end));
    std::size_t left = std::min(before, context / 2);
    const std::size_t right = std::min(after, context - left);
    left = std::min(before, context - right);
    from = StepBack(text, begin, left);
    to = StepForward(text, end, right);

    // Start and stop on whole words where a space allows it.
    if (from > 0) {
      const std::size_t space = text.substr(from, begin - from).find(' ');
      if (space != absl::string_view::npos) from += space + 1;
    }
    if (to < text.size()) {
      const std::size_t space = text.substr(end, to - end).rfind(' ');
      if (space != absl::string_view::npos) to = end + space;
    }
  }

  absl::string_view head = text.substr(from, begin - from);
  absl::string_view tail = text.substr(end, to - end);
  if (from > 0) {
    while (!head.empty() && IsSpace(head.front())) head.remove_prefix(1);
  }
  if (to < text.size()) {
    while (!tail.empty() && IsSpace(tail.back())) tail.remove_suffix(1);
  }
  return absl::StrCat(from > 0 ? kEllipsis : "", OneLine(head), marker.open,
                      OneLine(text.substr(begin, end - begin)), marker.close,
                      OneLine(tail), to < text.size() ? kEllipsis : "");
}

}  // namespace factcheck::client
