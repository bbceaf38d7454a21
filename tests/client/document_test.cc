#include "client/document.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

using ::testing::HasSubstr;

// The first bytes of shared/seed/air-defence-coalition-2024-02-14.txt: the
// header has a space before it and the first sentence on the same line.
constexpr char kSeedStart[] =
    " date 2024-02-14 On 14 February, German and French Defense Ministers";

TEST(DateHeaderTest, ReadsSeedHeaderWithLeadingSpaceAndTextOnSameLine) {
  const std::optional<DateHeader> header = ParseDateHeader(kSeedStart);
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->date, "2024-02-14");
  EXPECT_EQ(header->length, std::string(" date 2024-02-14 ").size());
  EXPECT_EQ(std::string(kSeedStart).substr(header->length),
            "On 14 February, German and French Defense Ministers");
}

TEST(DateHeaderTest, SwallowsAllWhitespaceAfterTheDate) {
  const std::optional<DateHeader> header =
      ParseDateHeader("\n\t date  2024-02-14\n\n  Text.");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->date, "2024-02-14");
  EXPECT_EQ(header->length, 23u);
}

TEST(DateHeaderTest, AcceptsHeaderAtEndOfContent) {
  const std::optional<DateHeader> header = ParseDateHeader("date 2024-02-14");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->length, 15u);
}

TEST(DateHeaderTest, SkipsByteOrderMark) {
  const std::optional<DateHeader> header = ParseDateHeader(
      "\xEF\xBB\xBF"
      "date 2024-02-14 Text");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->length, 19u);
}

TEST(DateHeaderTest, LeavesLooselyShapedDatesToTheServer) {
  const std::optional<DateHeader> header = ParseDateHeader("date 2024-2-31 x");
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->date, "2024-2-31");
}

TEST(DateHeaderTest, RejectsTextThatIsNotAHeader) {
  EXPECT_FALSE(ParseDateHeader("").has_value());
  EXPECT_FALSE(ParseDateHeader("On 14 February, ...").has_value());
  EXPECT_FALSE(ParseDateHeader("Date 2024-02-14 Text").has_value());
  EXPECT_FALSE(ParseDateHeader("dated 2024-02-14 Text").has_value());
  EXPECT_FALSE(ParseDateHeader("date2024-02-14 Text").has_value());
  EXPECT_FALSE(ParseDateHeader("date 2024-02-14Text").has_value());
  EXPECT_FALSE(ParseDateHeader("date of the meeting: 2024").has_value());
  EXPECT_FALSE(ParseDateHeader("date 14 February 2024").has_value());
  EXPECT_FALSE(ParseDateHeader("Text\ndate 2024-02-14 x").has_value());
}

TEST(MakeDocumentTest, TakesDateFromHeaderAndSendsTextAfterIt) {
  const absl::StatusOr<Document> document =
      MakeDocument("seed.txt", kSeedStart, std::nullopt);
  ASSERT_TRUE(document.ok()) << document.status();
  EXPECT_EQ(document->published_date, "2024-02-14");
  EXPECT_EQ(document->text_offset, 17u);
  EXPECT_EQ(document->text(),
            "On 14 February, German and French Defense Ministers");
  EXPECT_EQ(document->content, kSeedStart);
}

TEST(MakeDocumentTest, PublishedFlagWinsButHeaderIsStillNotSent) {
  const absl::StatusOr<Document> document =
      MakeDocument("seed.txt", kSeedStart, "2024-03-01");
  ASSERT_TRUE(document.ok()) << document.status();
  EXPECT_EQ(document->published_date, "2024-03-01");
  EXPECT_EQ(document->text_offset, 17u);
}

TEST(MakeDocumentTest, SendsWholeTextWithoutHeader) {
  const absl::StatusOr<Document> document =
      MakeDocument("a.txt", "  Plain text.", "2024-02-14");
  ASSERT_TRUE(document.ok()) << document.status();
  EXPECT_EQ(document->text_offset, 0u);
  EXPECT_EQ(document->text(), "  Plain text.");
}

TEST(MakeDocumentTest, ExplainsAMissingDate) {
  const absl::StatusOr<Document> document =
      MakeDocument("a.txt", "Plain text.", std::nullopt);
  EXPECT_EQ(document.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(document.status().message(),
            "a.txt: no publication date: pass --published=YYYY-MM-DD or "
            "start the file with 'date YYYY-MM-DD'");
}

TEST(MakeDocumentTest, NamesStdinInMessages) {
  const absl::StatusOr<Document> document =
      MakeDocument("-", "Plain text.", std::nullopt);
  EXPECT_THAT(document.status().message(), HasSubstr("<stdin>: no "));
}

TEST(MakeDocumentTest, RejectsInvalidUtf8) {
  const absl::StatusOr<Document> document =
      MakeDocument("a.txt", "date 2024-02-14 caf\xE9 au lait", std::nullopt);
  EXPECT_EQ(document.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(document.status().message(),
              HasSubstr("a.txt: not UTF-8 text (bad byte at offset 19)"));
}

TEST(ReadInputTest, NamesTheMissingFile) {
  const absl::StatusOr<std::string> content =
      ReadInput("/nonexistent/factcheck/file.txt");
  EXPECT_EQ(content.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(content.status().message(),
            "/nonexistent/factcheck/file.txt: No such file or directory");
}

}  // namespace
}  // namespace factcheck::client
