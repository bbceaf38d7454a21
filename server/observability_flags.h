// The server's logging and metrics flags (--log_level, --metrics_listen),
// kept apart from main.cc's.
#ifndef FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
#define FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck {

// Sets the log level (json_log.h) that --log_level names; InvalidArgument
// naming the value when it is not a level.
absl::Status ApplyLogLevelFlag();

// Where to serve /metrics, empty for nowhere: --metrics_listen, or, for
// its default "auto", the host of `grpc_listen` (--listen) and one port
// above its port (port 0 when that is 0). InvalidArgument when "auto"
// cannot be worked out from `grpc_listen`.
absl::StatusOr<std::string> MetricsListenAddress(
    absl::string_view grpc_listen);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_OBSERVABILITY_FLAGS_H_
