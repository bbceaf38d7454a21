#include "server/observability_flags.h"

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/json_log.h"

ABSL_FLAG(std::string, log_level, "info",
          "Least severe log lines written (JSON, one per line, on standard "
          "error): debug, info (one line per call), warning or error.");
ABSL_FLAG(std::string, metrics_listen, "auto",
          "Address (host:port) of the HTTP server that answers GET /metrics "
          "in Prometheus' text format; port 0 picks a free port (the "
          "start-up line says which); empty turns it off. auto: the host of "
          "--listen, one port above its port (localhost:50052 for the "
          "default --listen), or a free port when --listen's port is 0.");

namespace factcheck {
namespace {

// --metrics_listen's default: the gRPC port plus one, so that servers on
// different gRPC ports also differ in their metrics ports, where a fixed
// default made the second server on a machine fail to start.
constexpr absl::string_view kFollowGrpcPort = "auto";

}  // namespace

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

absl::StatusOr<std::string> MetricsListenAddress(
    absl::string_view grpc_listen) {
  const std::string flag = absl::GetFlag(FLAGS_metrics_listen);
  if (flag != kFollowGrpcPort) return flag;
  const std::size_t colon = grpc_listen.rfind(':');
  int port = 0;
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(grpc_listen.substr(colon + 1), &port) || port < 0 ||
      port >= 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--metrics_listen=auto needs --listen=HOST:PORT with a port below "
        "65535, not '",
        grpc_listen, "'; set --metrics_listen=HOST:PORT"));
  }
  // Port 0 asks the OS for a gRPC port that is not known yet; metrics then
  // get a free port of their own.
  return absl::StrCat(grpc_listen.substr(0, colon), ":",
                      port == 0 ? 0 : port + 1);
}

}  // namespace factcheck
