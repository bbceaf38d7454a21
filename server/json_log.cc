#include "server/json_log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "engine/document/json_string.h"

namespace factcheck {
namespace {

std::atomic<int> min_level{static_cast<int>(LogLevel::kInfo)};

void WriteAll(int fd, absl::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // Nowhere to report a failing log.
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view name) {
  for (LogLevel level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarning,
                         LogLevel::kError}) {
    if (name == LogLevelName(level)) return level;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "log level '", name, "' is not one of debug, info, warning, error"));
}

absl::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

void SetLogLevel(LogLevel level) {
  min_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

bool LogEnabled(LogLevel level) {
  return static_cast<int>(level) >= min_level.load(std::memory_order_relaxed);
}

LogField::LogField(absl::string_view key, absl::string_view value)
    : key_(key), json_(JsonQuote(value)) {}

LogField::LogField(absl::string_view key, bool value)
    : key_(key), json_(value ? "true" : "false") {}

// JSON has no NaN or infinity; a field that would need one is null.
LogField::LogField(absl::string_view key, double value)
    : key_(key),
      json_(std::isfinite(value) ? absl::StrFormat("%.10g", value) : "null") {}

std::string FormatLogLine(absl::Time time, LogLevel level,
                          absl::string_view msg,
                          absl::Span<const LogField> fields) {
  std::string line = absl::StrCat(
      "{\"ts\":\"",
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone()),
      "\",\"level\":\"", LogLevelName(level), "\",\"msg\":", JsonQuote(msg));
  for (const LogField& field : fields) {
    absl::StrAppend(&line, ",", JsonQuote(field.key()), ":", field.json());
  }
  line += '}';
  return line;
}

void Log(LogLevel level, absl::string_view msg,
         absl::Span<const LogField> fields) {
  if (LogEnabled(level)) LogAlways(level, msg, fields);
}

void LogAlways(LogLevel level, absl::string_view msg,
               absl::Span<const LogField> fields) {
  std::string line = FormatLogLine(absl::Now(), level, msg, fields);
  line += '\n';
  WriteAll(STDERR_FILENO, line);
}

}  // namespace factcheck
