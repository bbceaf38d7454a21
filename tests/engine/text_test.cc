#include "engine/text.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(ValidateUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(
      ValidateUtf8("plain ascii text, long enough to pass 8 bytes").ok());
  EXPECT_TRUE(ValidateUtf8("Sébastien “air defense” — 😀").ok());
}

TEST(ValidateUtf8Test, NamesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(ValidateUtf8("abcdefghij\x80").message(),
            "text is not valid UTF-8: bad byte 0x80 at byte offset 10");
  // Overlong "/" and a UTF-16 surrogate.
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());
  // Truncated sequence at the end.
  EXPECT_EQ(ValidateUtf8("ab\xE2\x80").message(),
            "text is not valid UTF-8: bad byte 0xe2 at byte offset 2");
  // Above U+10FFFF.
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());
}

TEST(TextLocatorTest, CountsUtf16UnitsLinesAndColumns) {
  // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
  const std::string text = "aé😀b\ncd";
  TextLocator locator(text);
  const TextSpan b = locator.Locate(7, 8);  // "b"
  EXPECT_EQ(b.utf16_begin, 4u);
  EXPECT_EQ(b.utf16_end, 5u);
  EXPECT_EQ(b.line, 1u);
  EXPECT_EQ(b.column, 4u);
  const TextSpan d = locator.Locate(10, 11);  // "d"
  EXPECT_EQ(d.utf16_begin, 7u);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 2u);
  // Going back works too.
  const TextSpan a = locator.Locate(0, 1);
  EXPECT_EQ(a.utf16_begin, 0u);
  EXPECT_EQ(a.column, 1u);
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceBounds& s : SplitSentences(text))
    out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentencesTest, SplitsAtStopsFollowedByACapital) {
  EXPECT_EQ(
      Sentences("One went. Two came! Three? yes."),
      (std::vector<std::string>{"One went.", "Two came!", "Three? yes."}));
}

TEST(SplitSentencesTest, KeepsAbbreviationsAndInitialsInside) {
  EXPECT_EQ(Sentences("Mr. Smith met U.S. officials on Jan. 5. J. Doe left."),
            (std::vector<std::string>{"Mr. Smith met U.S. officials on Jan. 5.",
                                      "J. Doe left."}));
}

TEST(SplitSentencesTest, IncludesClosingQuotesAndSplitsAtLineBreaks) {
  EXPECT_EQ(Sentences("“It is done.” Then we left.\n\nNew paragraph"),
            (std::vector<std::string>{"“It is done.”", "Then we left.",
                                      "New paragraph"}));
}

TEST(SplitSentencesTest, HandlesEmptyAndSpaceOnlyText) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("  \n \n").empty());
}

}  // namespace
}  // namespace factcheck
