#include "server/observability_flags.h"

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "server/json_log.h"

ABSL_FLAG(std::string, log_level, "info",
          "Least severe log lines written (JSON, one per line, on standard "
          "error): debug, info (one line per call), warning or error.");

namespace factcheck {

absl::Status ApplyLogLevelFlag() {
  absl::StatusOr<LogLevel> level =
      ParseLogLevel(absl::GetFlag(FLAGS_log_level));
  if (!level.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--log_level: ", level.status().message()));
  }
  SetLogLevel(*level);
  return absl::OkStatus();
}

}  // namespace factcheck
