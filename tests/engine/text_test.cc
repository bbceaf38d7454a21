#include "engine/document/text.h"

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

// Where byte `offset` of `text` is, counted from the start one byte at a
// time: the answer a locator must give however it got there.
TextSpan CountFromStart(const std::string& text, std::size_t offset) {
  TextSpan at;
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    at.utf16_begin += c >= 0xF0 ? 2 : 1;
    if (c == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  at.begin = offset;
  return at;
}

// Asks `text`'s locator for spans in every order a document's spans are
// asked for, and compares each with counting from the start.
void ExpectPositionsInAnyOrderAsCountedFromStart(const std::string& text) {
  std::vector<std::size_t> starts;  // Offsets that start a character.
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() ||
        (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      starts.push_back(i);
  }
  // Forward, far back, long spans whose ends lie ahead of the next begin,
  // small steps back: every way a document's spans are asked for.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t k = 0; k + 40 < starts.size(); k += 37) {
    spans.push_back({starts[k], starts[k + 40]});
  }
  for (std::size_t k = starts.size() - 1; k >= 5; k = k > 53 ? k - 53 : 0) {
    spans.push_back({starts[k - 5], starts[k]});
  }
  spans.push_back({starts[1], starts.back()});
  spans.push_back({starts[starts.size() / 2], starts[starts.size() / 2 + 1]});
  TextLocator locator(text);
  for (const auto& [begin, end] : spans) {
    const TextSpan got = locator.Locate(begin, end);
    const TextSpan b = CountFromStart(text, begin);
    const TextSpan e = CountFromStart(text, end);
    EXPECT_EQ(got.begin, begin);
    EXPECT_EQ(got.end, end);
    EXPECT_EQ(got.utf16_begin, b.utf16_begin) << "at byte " << begin;
    EXPECT_EQ(got.utf16_end, e.utf16_begin) << "at byte " << end;
    EXPECT_EQ(got.line, b.line) << "at byte " << begin;
    EXPECT_EQ(got.column, b.column) << "at byte " << begin;
  }
}

TEST(TextLocatorTest, GivesTheSamePositionsInAnyOrderOfOffsets) {
  // Longer than many of the locator's remembered stretches, with 2- and
  // 4-byte characters and line breaks throughout.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "aé😀b\ncd ";
  ExpectPositionsInAnyOrderAsCountedFromStart(text);
}

TEST(TextLocatorTest, CountsLongAsciiStretchesLikeAnyOther) {
  // Runs of plain ASCII of every length (the locator takes them eight
  // bytes at a time), broken by line breaks and multi-byte characters at
  // every offset modulo eight.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += std::string(static_cast<std::size_t>(i), 'x');
    text += i % 3 == 0 ? "\n" : i % 3 == 1 ? "é" : "😀";
    text += "plain words, then";
  }
  ExpectPositionsInAnyOrderAsCountedFromStart(text);
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

TEST(SplitSentencesTest, CutsARunWithoutStopsIntoPiecesAtSpaces) {
  // 3,000 bytes of "word " and no stop: two pieces, the first ending at
  // the last space within 2,000 bytes.
  std::string text;
  for (int i = 0; i < 600; ++i) text += "word ";
  const std::vector<SentenceBounds> s = SplitSentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[0].end, 1999u);  // "word" ends at 1999; the space is cut.
  EXPECT_EQ(s[1].begin, 2000u);
  EXPECT_EQ(s[1].end, 2999u);
  for (const SentenceBounds& b : s) {
    EXPECT_LE(b.end - b.begin, kMaxSentenceBytes);
  }
}

TEST(SplitSentencesTest, CutsARunWithoutSpacesAtACharacterBoundary) {
  // 1,500 two-byte letters (é): the cut at byte 2,000 is a boundary.
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "\xC3\xA9";
  const std::vector<SentenceBounds> s = SplitSentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].end, 2000u);
  EXPECT_EQ(s[1].begin, 2000u);
  EXPECT_EQ(s[1].end, 3000u);
  // Three-byte characters: 2,000 is not a boundary, 1,998 is.
  text.clear();
  for (int i = 0; i < 1000; ++i) text += "\xE2\x80\x94";
  const std::vector<SentenceBounds> t = SplitSentences(text);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].end, 1998u);
  EXPECT_EQ(t[1].begin, 1998u);
}

TEST(SentenceExcerptTest, QuotesAShortSentenceWhole) {
  const std::string text = "The summit was held on 9 July 2024.";
  const SentenceBounds whole{0, text.size()};
  const SentenceBounds e = SentenceExcerpt(text, whole, 23, 34);
  EXPECT_EQ(e.begin, 0u);
  EXPECT_EQ(e.end, text.size());
}

TEST(SentenceExcerptTest, QuotesWholeWordsAroundTheSpanOfALongSentence) {
  // "w000 w001 ... w199": 1,000 bytes; the span is w100 (bytes 500-504).
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "w" + std::string(i < 10 ? "00" : i < 100 ? "0" : "") +
            std::to_string(i) + " ";
  }
  text.pop_back();
  const SentenceBounds whole{0, text.size()};
  const SentenceBounds e = SentenceExcerpt(text, whole, 500, 504);
  EXPECT_LE(e.end - e.begin, kMaxExcerptBytes);
  EXPECT_LE(e.begin, 500u);
  EXPECT_GE(e.end, 504u);
  // Centred, and cut between words: 158 bytes each side would start at
  // 342 and end at 662, inside words; the cuts move in to 345 and 659.
  EXPECT_EQ(text.substr(e.begin, 4), "w069");
  EXPECT_EQ(e.begin, 345u);
  EXPECT_EQ(e.end, 659u);
  EXPECT_EQ(text.substr(e.end - 4, 4), "w131");
}

TEST(SentenceExcerptTest, GivesTheRoomOneSideCannotUseToTheOther) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "word ";
  text.pop_back();
  const SentenceBounds whole{0, text.size()};
  // A span at the start: the excerpt starts with the sentence and runs on
  // to the last whole word within 320 bytes.
  const SentenceBounds start = SentenceExcerpt(text, whole, 0, 4);
  EXPECT_EQ(start.begin, 0u);
  EXPECT_EQ(start.end, 319u);
  // At the end, the mirror image.
  const SentenceBounds end =
      SentenceExcerpt(text, whole, text.size() - 4, text.size());
  EXPECT_EQ(end.end, text.size());
  EXPECT_EQ(end.begin, text.size() - 319);
}

}  // namespace
}  // namespace factcheck
