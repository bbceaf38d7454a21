// The server's HTTP port: the API as JSON (http_api.h), GET /metrics for
// Prometheus, GET /healthz, and, when enabled, the editor page at /. Built
// on cpp-httplib (Debian's libcpp-httplib-dev; README.md, "HTTP and JSON",
// says how it was chosen), which parses HTTP and runs a pool of threads:
// each connection is served on one of them while it is open, keep-alive
// included.
//
// API calls go through the same steps as gRPC calls: the access check
// (CallAuthorizer::Check, on the `Authorization` header), the service, the
// status mapped once (http_status.h), and one log line and the metrics of
// a finished call (ReportFinishedCall), under the gRPC method's name.
// /metrics, /healthz and the page need no token, as gRPC's health and
// reflection need none.
#ifndef FACTCHECK_SERVER_HTTP_SERVER_H_
#define FACTCHECK_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/active_calls.h"
#include "server/call_authorizer.h"
#include "server/cors_policy.h"
#include "server/http_api.h"
#include "server/metrics.h"

namespace httplib {
class Server;
}

namespace factcheck {

struct HttpServerOptions {
  // "host:port" or "[v6]:port"; port 0 picks a free one.
  std::string address = {};
  // PEM files. With a certificate and key the port speaks HTTPS only; with
  // client CAs too, a client needs a certificate that chains to them.
  std::string tls_cert = {};
  std::string tls_key = {};
  std::string tls_client_ca = {};
  // Other origins whose pages may call the API (cors_policy.h).
  CorsPolicy cors = {};
  // Serve the editor page (web/editor/) at /.
  bool editor_page = false;
  // How long a client may take to send a request, or to read an answer.
  absl::Duration io_timeout = absl::Seconds(5);
  // How long an idle keep-alive connection is kept (whole seconds, at
  // least one). Short, because stopping waits for each such connection:
  // httplib looks for a stop only between requests. Long enough for an
  // editor page, which sends a request at every pause in typing.
  absl::Duration keep_alive_timeout = absl::Seconds(2);
  // Largest request body; a larger one is answered 413 without being
  // read.
  std::size_t max_body_bytes = 1 << 20;
  // Threads serving connections: a keep-alive connection holds one while
  // it is open, so this is the most clients served at once; more wait for
  // a thread.
  int threads = 32;
};

// What the port serves. Each may be left out (null).
struct HttpServerParts {
  // The exposition for GET /metrics; without it, /metrics is 404.
  std::function<std::string()> render_metrics;
  // For GET /healthz: whether the server serves (loaded, not draining);
  // without it, /healthz is 404.
  std::function<bool()> serving;
  // The API under /v1; without it, /v1 is 404.
  const HttpApi* api = nullptr;
  // The access check; without it every API call is allowed (auth off).
  const CallAuthorizer* authorizer = nullptr;
  // Where API calls are counted and logged; without it, they are not.
  Metrics* metrics = nullptr;
};

class HttpServer {
 public:
  // Listens on options.address and serves on threads of its own.
  // InvalidArgument for an address without a port or TLS files that do
  // not load; Unavailable when it cannot listen, naming the reason and
  // the flag to change.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      const HttpServerOptions& options, HttpServerParts parts);

  // Stops listening, waits for the connections being served (at most
  // io_timeout for each idle one) and joins the threads.
  ~HttpServer();

  // "host:port" with the port taken (the host as given).
  const std::string& address() const { return address_; }

  // Waits until no API call is in progress, or until `deadline`.
  bool WaitUntilIdle(absl::Time deadline) {
    return active_.WaitUntilIdle(deadline);
  }

 private:
  class Handler;

  HttpServer() = default;

  std::unique_ptr<Handler> handler_;
  std::unique_ptr<httplib::Server> server_;
  std::string address_;
  ActiveCalls active_;
  std::thread thread_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_SERVER_H_
