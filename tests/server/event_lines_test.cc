#include "server/event_lines.h"

#include <string>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

const char kGood[] =
    R"({"id":"e-one","title":"Event one","date":{"value":"2020-01-02","granularity":"DAY"},"citations":[{"url":"https://example.org/1"}]})";
const char kGoodMonth[] =
    R"({"id":"e-two","title":"Event two","start":{"value":"2021-03"},"citations":[{"url":"https://example.org/2"}]})";

TEST(EventLineReaderTest, ReadsEventsAcrossChunkBoundariesAndNormalizesThem) {
  const std::string file = std::string(kGood) + "\n\n" + kGoodMonth + "\n";
  EventLineReader reader;
  for (char c : file) reader.Feed(std::string(1, c));
  reader.Finish();
  ASSERT_TRUE(reader.status().ok()) << reader.status();
  ASSERT_EQ(reader.events().size(), 2u);
  EXPECT_EQ(reader.events()[0].name(), "events/e-one");
  EXPECT_EQ(reader.events()[1].start().granularity(), v1::MONTH);
  EXPECT_EQ(reader.lines(), 3);
}

TEST(EventLineReaderTest, ReadsALastLineWithoutNewline) {
  EventLineReader reader;
  reader.Feed(kGood);
  reader.Finish();
  EXPECT_TRUE(reader.status().ok());
  EXPECT_EQ(reader.events().size(), 1u);
}

TEST(EventLineReaderTest, ReportsBadLinesWithTheirNumbers) {
  EventLineReader reader;
  reader.Feed(
      std::string(kGood) + "\n" + "{not json}\n" + kGoodMonth + "\n" +
      R"({"id":"e-three","title":"x","date":{"value":"2024-02-30"},"citations":[{"url":"https://e.org"}]})" +
      "\n");
  reader.Finish();
  EXPECT_EQ(reader.error_count(), 2);
  ASSERT_EQ(reader.errors().size(), 2u);
  EXPECT_EQ(reader.errors()[0].rfind("line 2: not a valid event", 0), 0u)
      << reader.errors()[0];
  EXPECT_EQ(reader.errors()[1].rfind("line 4: event 'e-three': date:", 0), 0u)
      << reader.errors()[1];
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(reader.status().message().find("(and 1 more bad lines)"),
            std::string::npos);
  EXPECT_EQ(reader.events().size(), 2u);
}

TEST(EventLineReaderTest, RejectsUnknownFields) {
  EventLineReader reader;
  reader.Feed(
      R"({"id":"e","title":"E","dat":{"value":"2020"},"citations":[{"url":"https://e.org"}]})"
      "\n");
  reader.Finish();
  ASSERT_EQ(reader.errors().size(), 1u);
  EXPECT_NE(reader.errors()[0].find("dat"), std::string::npos);
}

TEST(EventLineReaderTest, RejectsGranularityThatDisagreesWithValue) {
  EventLineReader reader;
  reader.Feed(
      R"({"id":"e","title":"E","date":{"value":"2020-05","granularity":"DAY"},"citations":[{"url":"https://e.org"}]})"
      "\n");
  reader.Finish();
  ASSERT_EQ(reader.errors().size(), 1u);
  EXPECT_EQ(reader.errors()[0],
            "line 1: event 'e': date.granularity DAY does not match value "
            "'2020-05' (MONTH)");
}

TEST(EventLineReaderTest, RejectsADuplicateIdOnItsSecondLine) {
  EventLineReader reader;
  reader.Feed(std::string(kGood) + "\n" + kGood + "\n");
  reader.Finish();
  ASSERT_EQ(reader.errors().size(), 1u);
  EXPECT_EQ(reader.errors()[0],
            "line 2: event id 'e-one' appears twice in the file");
}

TEST(EventLineReaderTest, RejectsEventsWithoutCitations) {
  EventLineReader reader;
  reader.Feed(R"({"id":"e","title":"E","date":{"value":"2020"}})"
              "\n");
  reader.Finish();
  ASSERT_EQ(reader.errors().size(), 1u);
  EXPECT_EQ(reader.errors()[0],
            "line 1: event 'e': at least one citation is required");
}

TEST(EventLineReaderTest, RefusesOverlongLinesWithoutKeepingThem) {
  EventLineReader reader(/*max_line_bytes=*/100);
  reader.Feed(std::string(5000, 'x') + "\n" + kGood + "\n");
  reader.Finish();
  // kGood is longer than 100 bytes too.
  ASSERT_EQ(reader.errors().size(), 2u);
  EXPECT_EQ(reader.errors()[0], "line 1: longer than the limit of 100 bytes");
  EXPECT_EQ(reader.errors()[1], "line 2: longer than the limit of 100 bytes");
  EXPECT_EQ(reader.events().size(), 0u);
}

TEST(EventLineReaderTest, TheBundledReferenceFileIsValid) {
  EventLineReader reader;
  FILE* f = std::fopen(FACTCHECK_REFERENCE_FILE, "rb");
  ASSERT_NE(f, nullptr);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0)
    reader.Feed(absl::string_view(buffer, n));
  std::fclose(f);
  reader.Finish();
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  EXPECT_GE(reader.events().size(), 50u);
}

TEST(JsonNestingTest, CountsArraysAndObjectsOutsideStrings) {
  EXPECT_EQ(JsonNesting(""), 0u);
  EXPECT_EQ(JsonNesting(kGood), 3u);  // {"citations":[{...}]}
  EXPECT_EQ(JsonNesting(R"({"a":[[1],[[2]]]})"), 4u);
  // Brackets in strings, escaped quotes and backslashes included, are text.
  EXPECT_EQ(JsonNesting(R"({"t":"[[[{{{"})"), 1u);
  EXPECT_EQ(JsonNesting(R"({"t":"a\"[[[","u":"\\"})"), 1u);
  // Stray closers do not hide the openers after them.
  EXPECT_EQ(JsonNesting("]]]]}}[[["), 3u);
}

TEST(EventLineReaderTest, RefusesLinesNestedDeeperThanTheLimitUnparsed) {
  const std::string deep = R"({"id":"deep","title":"Deep","aliases":)" +
                           std::string(kMaxEventNesting, '[') +
                           std::string(kMaxEventNesting, ']') + "}";
  EXPECT_EQ(ParseEventLine(deep).status().message(),
            "arrays and objects nested 33 deep, over the limit of 32");
  // At the limit the line is parsed (protobuf reads nested empty arrays in
  // a repeated field as no values) and judged like any other.
  const std::string at_limit = R"({"id":"deep","title":"Deep","aliases":)" +
                               std::string(kMaxEventNesting - 1, '[') +
                               std::string(kMaxEventNesting - 1, ']') + "}";
  EXPECT_EQ(ParseEventLine(at_limit).status().message(),
            "event 'deep': at least one citation is required");
}

}  // namespace
}  // namespace factcheck
