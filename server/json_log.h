// The server's log: one JSON object per line on standard error, so that a
// log shipper can read every line without a parser for our wording.
//
//   {"ts":"2024-02-14T09:30:12.345Z","level":"info","msg":"request",
//    "request_id":"5f0c...","method":"/factcheck.v1.FactCheck/CheckText",...}
//
// "ts" is RFC 3339 in UTC with milliseconds, "level" one of debug, info,
// warning, error; the fields follow in the order given. Each line is
// written with one write(2), so lines from concurrent threads do not
// interleave (a pipe guarantees that up to PIPE_BUF bytes; our lines are
// far shorter). Thread-safe.
#ifndef FACTCHECK_SERVER_JSON_LOG_H_
#define FACTCHECK_SERVER_JSON_LOG_H_

#include <cstdint>
#include <string>
#include <type_traits>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"

namespace factcheck {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// "debug", "info", "warning" or "error" (the --log_level values); anything
// else is InvalidArgument naming the value.
absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view name);
absl::string_view LogLevelName(LogLevel level);

// Lines below `level` are dropped. Info by default.
void SetLogLevel(LogLevel level);
bool LogEnabled(LogLevel level);

// One "key": value member of a line. Strings are escaped (JsonQuote);
// numbers and booleans are written as JSON numbers and booleans.
class LogField {
 public:
  LogField(absl::string_view key, absl::string_view value);
  LogField(absl::string_view key, const char* value)
      : LogField(key, absl::string_view(value)) {}
  LogField(absl::string_view key, const std::string& value)
      : LogField(key, absl::string_view(value)) {}
  LogField(absl::string_view key, bool value);
  LogField(absl::string_view key, double value);
  template <typename Integer,
            std::enable_if_t<std::is_integral_v<Integer> &&
                                 !std::is_same_v<Integer, bool>,
                             int> = 0>
  LogField(absl::string_view key, Integer value)
      : key_(key), json_(std::to_string(value)) {}

  const std::string& key() const { return key_; }
  // The value as JSON text.
  const std::string& json() const { return json_; }

 private:
  std::string key_;
  std::string json_;
};

// The line Log writes, without its newline.
std::string FormatLogLine(absl::Time time, LogLevel level,
                          absl::string_view msg,
                          absl::Span<const LogField> fields);

// Writes a line stamped now, when `level` is enabled.
void Log(LogLevel level, absl::string_view msg,
         absl::Span<const LogField> fields = {});

// Writes a line stamped now whatever the log level: for the few lines of
// the server's life (started, serving, draining, stopped), which name its
// ports and must not vanish with --log_level=error.
void LogAlways(LogLevel level, absl::string_view msg,
               absl::Span<const LogField> fields = {});

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_JSON_LOG_H_
