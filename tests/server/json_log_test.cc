// The server's JSON log lines: their exact text, and the level names.
#include "server/json_log.h"

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

absl::Time At(int hour, int minute, int second, int millis) {
  return absl::FromCivil(absl::CivilSecond(2024, 2, 14, hour, minute, second),
                         absl::UTCTimeZone()) +
         absl::Milliseconds(millis);
}

TEST(JsonLogTest, LineHasUtcMillisecondTimestampLevelMessageThenFields) {
  EXPECT_EQ(
      FormatLogLine(At(9, 30, 12, 345), LogLevel::kInfo, "request",
                    {{"request_id", "abc-1"},
                     {"code", "OK"},
                     {"latency_ms", 4.812},
                     {"bytes", std::size_t{1024}},
                     {"negative", -3},
                     {"cached", false}}),
      R"({"ts":"2024-02-14T09:30:12.345Z","level":"info","msg":"request",)"
      R"("request_id":"abc-1","code":"OK","latency_ms":4.812,)"
      R"("bytes":1024,"negative":-3,"cached":false})");
}

TEST(JsonLogTest, MillisecondsArePaddedToThreeDigits) {
  EXPECT_EQ(FormatLogLine(At(0, 0, 0, 7), LogLevel::kError, "x", {}),
            R"({"ts":"2024-02-14T00:00:00.007Z","level":"error","msg":"x"})");
}

TEST(JsonLogTest, QuotesNewlinesAndControlCharactersAreEscaped) {
  EXPECT_EQ(FormatLogLine(At(0, 0, 0, 0), LogLevel::kWarning, "say \"hi\"\nnow",
                          {{"path", "C:\\data\x01"}}),
            R"({"ts":"2024-02-14T00:00:00.000Z","level":"warning",)"
            R"("msg":"say \"hi\"\nnow","path":"C:\\data\u0001"})");
}

TEST(JsonLogTest, NonFiniteNumbersAreNull) {
  EXPECT_EQ(FormatLogLine(At(0, 0, 0, 0), LogLevel::kDebug, "m",
                          {{"ratio", 1.0 / 0.0}}),
            R"({"ts":"2024-02-14T00:00:00.000Z","level":"debug","msg":"m",)"
            R"("ratio":null})");
}

TEST(JsonLogTest, ParsesTheFourLevelNamesAndRejectsOthersNamingThem) {
  EXPECT_EQ(*ParseLogLevel("debug"), LogLevel::kDebug);
  EXPECT_EQ(*ParseLogLevel("info"), LogLevel::kInfo);
  EXPECT_EQ(*ParseLogLevel("warning"), LogLevel::kWarning);
  EXPECT_EQ(*ParseLogLevel("error"), LogLevel::kError);
  const auto bad = ParseLogLevel("INFO");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "log level 'INFO' is not one of debug, info, warning, error");
}

TEST(JsonLogTest, LevelsBelowTheSetOneAreDisabled) {
  SetLogLevel(LogLevel::kWarning);
  EXPECT_FALSE(LogEnabled(LogLevel::kDebug));
  EXPECT_FALSE(LogEnabled(LogLevel::kInfo));
  EXPECT_TRUE(LogEnabled(LogLevel::kWarning));
  EXPECT_TRUE(LogEnabled(LogLevel::kError));
  SetLogLevel(LogLevel::kInfo);
  EXPECT_TRUE(LogEnabled(LogLevel::kInfo));
  EXPECT_FALSE(LogEnabled(LogLevel::kDebug));
}

}  // namespace
}  // namespace factcheck
