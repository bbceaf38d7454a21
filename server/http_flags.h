// The flags of the server's HTTP port (--http_listen, --http_cors_origins,
// --editor_page), kept apart from main.cc's.
#ifndef FACTCHECK_SERVER_HTTP_FLAGS_H_
#define FACTCHECK_SERVER_HTTP_FLAGS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/cors_policy.h"

namespace factcheck {

// Where to serve HTTP, empty for nowhere: --http_listen, or, for its
// default "auto", the host of `grpc_listen` (--listen) and one port above
// its port (port 0 when that is 0). InvalidArgument when "auto" cannot be
// worked out from `grpc_listen`.
absl::StatusOr<std::string> HttpListenAddress(absl::string_view grpc_listen);

// The origins of --http_cors_origins (CorsPolicy::Parse).
absl::StatusOr<CorsPolicy> CorsPolicyFromFlags();

// --editor_page: serve the editor page at / on the HTTP port.
bool EditorPageFlag();

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_FLAGS_H_
