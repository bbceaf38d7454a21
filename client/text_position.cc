#include "client/text_position.h"

#include <algorithm>

#include "client/utf8.h"

namespace factcheck::client {

LineIndex::LineIndex(absl::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineColumn LineIndex::Locate(std::size_t offset) const {
  offset = FloorToBoundary(text_, offset);
  // The last line start at or before the offset.
  const auto next_line =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line =
      static_cast<std::size_t>(next_line - line_starts_.begin());
  const std::size_t line_start = line_starts_[line - 1];
  return LineColumn{
      .line = line,
      .column =
          CodePointCount(text_.substr(line_start, offset - line_start)) + 1};
}

}  // namespace factcheck::client
