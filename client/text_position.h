// Turns byte offsets into the LINE:COLUMN positions editors and compilers
// print, so that a finding can be jumped to in the original file.
#ifndef FACTCHECK_CLIENT_TEXT_POSITION_H_
#define FACTCHECK_CLIENT_TEXT_POSITION_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace factcheck::client {

// A 1-based position: lines end at "\n", columns count code points.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Indexes the line starts of a text once so that many offsets can be located
// cheaply. The text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(absl::string_view text);

  // The position of the character at byte `offset`. An offset inside a
  // multibyte character is located at that character; offsets past the end
  // are located at the end.
  LineColumn Locate(std::size_t offset) const;

 private:
  absl::string_view text_;
  // Byte offset of the first character of each line; line_starts_[0] is 0.
  std::vector<std::size_t> line_starts_;
};

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_TEXT_POSITION_H_
