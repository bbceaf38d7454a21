// The server's logging flag (--log_level), kept apart from main.cc's.
// Metrics are served on the HTTP port (http_flags.h).
#ifndef FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
#define FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_

#include "absl/status/status.h"

namespace factcheck {

// Sets the log level (json_log.h) that --log_level names; InvalidArgument
// naming the value when it is not a level.
absl::Status ApplyLogLevelFlag();

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
