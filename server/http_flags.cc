#include "server/http_flags.h"

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

ABSL_FLAG(std::string, http_listen, "auto",
          "Address (host:port) of the HTTP port: the API as JSON under /v1, "
          "GET /metrics in Prometheus' text format, GET /healthz and, with "
          "--editor_page, the editor page at /. It speaks TLS and checks "
          "tokens as the gRPC port does. Port 0 picks a free port (the "
          "start-up line says which); empty turns it off. auto: the host of "
          "--listen, one port above its port (localhost:50052 for the "
          "default --listen), or a free port when --listen's port is 0.");
ABSL_FLAG(std::string, http_cors_origins, "",
          "Origins (scheme://host[:port], comma-separated) of other sites "
          "whose pages may call the HTTP API from a browser, e.g. "
          "https://cms.example.org. Requests from any other origin are "
          "refused.");
ABSL_FLAG(bool, editor_page, false,
          "Serve the editor page at / on the HTTP port: a text area whose "
          "claims are checked and marked as one types.");

namespace factcheck {
namespace {

// --http_listen's default: the gRPC port plus one, so that servers on
// different gRPC ports also differ in their HTTP ports, where a fixed
// default made the second server on a machine fail to start.
constexpr absl::string_view kFollowGrpcPort = "auto";

}  // namespace

absl::StatusOr<std::string> HttpListenAddress(absl::string_view grpc_listen) {
  const std::string flag = absl::GetFlag(FLAGS_http_listen);
  if (flag != kFollowGrpcPort) return flag;
  const std::size_t colon = grpc_listen.rfind(':');
  int port = 0;
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(grpc_listen.substr(colon + 1), &port) || port < 0 ||
      port >= 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--http_listen=auto needs --listen=HOST:PORT with a port below "
        "65535, not '",
        grpc_listen, "'; set --http_listen=HOST:PORT"));
  }
  // Port 0 asks the OS for a gRPC port that is not known yet; HTTP then
  // gets a free port of its own.
  return absl::StrCat(grpc_listen.substr(0, colon), ":",
                      port == 0 ? 0 : port + 1);
}

absl::StatusOr<CorsPolicy> CorsPolicyFromFlags() {
  return CorsPolicy::Parse(absl::GetFlag(FLAGS_http_cors_origins));
}

bool EditorPageFlag() { return absl::GetFlag(FLAGS_editor_page); }

}  // namespace factcheck
