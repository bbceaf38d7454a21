#include "client/excerpt.h"

#include <string>

#include "client/utf8.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

std::string Marked(const std::string& text, const std::string& span,
                   std::size_t width = 100) {
  const std::size_t begin = text.find(span);
  return MarkedExcerpt(text, begin, begin + span.size(), SpanMarker{}, width);
}

TEST(MarkedExcerptTest, QuotesAShortSentenceWhole) {
  EXPECT_EQ(Marked("Signed on 14 February in Brussels.", "14 February"),
            "Signed on [14 February] in Brussels.");
}

TEST(MarkedExcerptTest, TrimsALongSentenceToWordsAroundTheSpan) {
  const std::string sentence =
      "Russia has launched long-range missiles and kamikaze drones to hit "
      "military and critical civilian infrastructure in Ukraine every single "
      "day since the beginning of the full-scale invasion in February 2024.";
  EXPECT_EQ(Marked(sentence, "February 2024"),
            "…in Ukraine every single day since the beginning of the "
            "full-scale invasion in [February 2024].");
  EXPECT_EQ(Marked(sentence, "long-range", 40),
            "…has launched [long-range] missiles and…");
}

TEST(MarkedExcerptTest, GivesTheUnusedSideToTheOther) {
  // Three characters precede the span, so the right side gets the other 17
  // of the 20 left for context, cut back to a whole word.
  EXPECT_EQ(Marked("On 18 January, France is once again co-leading the "
                   "coalition.",
                   "18 January", 30),
            "On [18 January], France is once…");
}

TEST(MarkedExcerptTest, CutsOnCharacterBoundaries) {
  // Every character is two or three bytes, and there are no spaces to cut
  // at, so the cut falls between multibyte characters.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "é’";
  const std::size_t begin = text.size() / 2;
  for (std::size_t width : {10, 11, 12, 13, 50}) {
    const std::string excerpt =
        MarkedExcerpt(text, begin, begin + 2, SpanMarker{}, width);
    EXPECT_FALSE(FindInvalidUtf8(excerpt).has_value()) << excerpt;
    // Two ellipses, two brackets, and the width in characters.
    EXPECT_EQ(CodePointCount(excerpt), width + 4) << excerpt;
    EXPECT_EQ(excerpt.substr(0, 3), "…");
  }
}

TEST(MarkedExcerptTest, WidensSpanOffsetsInsideCharacters) {
  // "’" is bytes 4..6; a span starting at its second byte starts at it.
  EXPECT_EQ(MarkedExcerpt("Kyiv’s day", 5, 6, SpanMarker{}), "Kyiv[’]s day");
}

TEST(MarkedExcerptTest, PutsTheExcerptOnOneLine) {
  EXPECT_EQ(Marked("First line\nsecond\tpart on 5 May.", "5 May"),
            "First line second part on [5 May].");
}

TEST(MarkedExcerptTest, UsesTheGivenMarkers) {
  const SpanMarker marker{.open = "<b>", .close = "</b>"};
  EXPECT_EQ(MarkedExcerpt("In 2023 it ended.", 3, 7, marker),
            "In <b>2023</b> it ended.");
}

TEST(MarkedExcerptTest, ClampsSpansPastTheEnd) {
  EXPECT_EQ(MarkedExcerpt("In 2023", 3, 99, SpanMarker{}), "In [2023]");
  EXPECT_EQ(MarkedExcerpt("In 2023", 50, 99, SpanMarker{}), "In 2023[]");
}

}  // namespace
}  // namespace factcheck::client
