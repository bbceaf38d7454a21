// The server's logging and metrics flags (--log_level, --metrics_listen),
// kept apart from main.cc's.
#ifndef FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
#define FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_

#include <string>

#include "absl/status/status.h"

namespace factcheck {

// Sets the log level (json_log.h) that --log_level names; InvalidArgument
// naming the value when it is not a level.
absl::Status ApplyLogLevelFlag();

// --metrics_listen: where to serve /metrics, empty for nowhere.
std::string MetricsListenFlag();

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
