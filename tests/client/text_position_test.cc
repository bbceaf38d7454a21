#include "client/text_position.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

void ExpectAt(const LineIndex& index, std::size_t offset, std::size_t line,
              std::size_t column) {
  const LineColumn at = index.Locate(offset);
  EXPECT_EQ(at.line, line) << "offset " << offset;
  EXPECT_EQ(at.column, column) << "offset " << offset;
}

TEST(LineIndexTest, CountsLinesAndColumnsFromOne) {
  const LineIndex index("ab\ncd\n\nef");
  ExpectAt(index, 0, 1, 1);
  ExpectAt(index, 1, 1, 2);
  ExpectAt(index, 2, 1, 3);  // The "\n" ends line 1.
  ExpectAt(index, 3, 2, 1);
  ExpectAt(index, 6, 3, 1);
  ExpectAt(index, 8, 4, 2);
}

TEST(LineIndexTest, CountsColumnsInCodePointsNotBytes) {
  // "é" is 2 bytes, "’" 3, "🇺" 4.
  const std::string text = "Sébastien\nUkraine’s 🇺a";
  const LineIndex index(text);
  ExpectAt(index, text.find("bastien"), 1, 3);
  ExpectAt(index, text.find("s 🇺"), 2, 9);
  ExpectAt(index, text.find("a", text.find("🇺")), 2, 12);
}

TEST(LineIndexTest, LocatesAnOffsetInsideACharacterAtThatCharacter) {
  const std::string text = "x’y";
  const LineIndex index(text);
  ExpectAt(index, 1, 1, 2);
  ExpectAt(index, 2, 1, 2);
  ExpectAt(index, 3, 1, 2);
  ExpectAt(index, 4, 1, 3);
}

TEST(LineIndexTest, ClampsOffsetsPastTheEnd) {
  const LineIndex index("ab\nc");
  ExpectAt(index, 4, 2, 2);
  ExpectAt(index, 100, 2, 2);
  ExpectAt(LineIndex(""), 5, 1, 1);
}

TEST(LineIndexTest, LocatesSeedClaimInOriginalFile) {
  // A span reported in the text after " date 2024-02-14 " is located in the
  // file by adding the header's length.
  const std::string file =
      " date 2024-02-14 On 14 February, ministers signed.\n\nRussia’s "
      "invasion in February 2024.";
  const std::size_t header = 17;
  const std::string sent = file.substr(header);
  const LineIndex index(file);
  ExpectAt(index, header + sent.find("14 February"), 1, 21);
  ExpectAt(index, header + sent.find("February 2024"), 3, 22);
}

}  // namespace
}  // namespace factcheck::client
