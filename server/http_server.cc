#include "server/http_server.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "httplib.h"
#include "server/editor_assets.h"
#include "server/http_status.h"
#include "server/request_observer.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

constexpr char kJson[] = "application/json";

// The header's value, or nullopt when the request has none.
std::optional<std::string> Header(const httplib::Request& request,
                                  const char* name) {
  if (!request.has_header(name)) return std::nullopt;
  return request.get_header_value(name);
}

void AnswerStatus(const absl::Status& status, httplib::Response& response) {
  response.status = HttpStatusCode(status.code());
  response.set_content(StatusJson(status), kJson);
}

// The status that a response of httplib's own (a request it could not
// read) stands for, so that it too gets a google.rpc.Status body.
absl::Status StatusOfHttpError(int http_status) {
  switch (http_status) {
    case 400:
      return absl::InvalidArgumentError("the request is not valid HTTP/1.1");
    case 404:
      return absl::NotFoundError("not found");
    case 413:
      return absl::ResourceExhaustedError(
          "the request body is over this server's limit (6 times "
          "--max_text_bytes and 64 KiB); check the text in parts");
    case 414:
      return absl::InvalidArgumentError(
          "the request's URI is over 8 KiB; send long values in a POST body");
    default:
      return absl::UnknownError(absl::StrCat("HTTP status ", http_status));
  }
}

}  // namespace

// Serves every request; httplib calls it on its pool's threads.
class HttpServer::Handler {
 public:
  Handler(const HttpServerOptions& options, HttpServerParts parts,
          ActiveCalls* active)
      : options_(options), parts_(std::move(parts)), active_(active) {}

  void Serve(const httplib::Request& request, httplib::Response& response) {
    const std::string& path = request.path;
    if (path == "/metrics" && parts_.render_metrics) {
      if (request.method != "GET" && request.method != "HEAD") {
        response.status = 405;
        response.set_content("only GET is served\n", "text/plain");
        return;
      }
      response.set_content(parts_.render_metrics(),
                           "text/plain; version=0.0.4; charset=utf-8");
      return;
    }
    if (path == "/healthz" && parts_.serving) {
      // grpc.health.v1.HealthCheckResponse in JSON, the status the gRPC
      // health service gives the server as a whole.
      const bool serving = parts_.serving();
      response.status = serving ? 200 : 503;
      response.set_content(
          serving ? R"({"status":"SERVING"})" : R"({"status":"NOT_SERVING"})",
          kJson);
      response.set_header("Cache-Control", "no-store");
      return;
    }
    if ((path == "/v1" || absl::StartsWith(path, "/v1/") ||
         absl::StartsWith(path, "/v1:")) &&
        parts_.api != nullptr) {
      ServeApi(request, response);
      return;
    }
    if (options_.editor_page &&
        (request.method == "GET" || request.method == "HEAD")) {
      const EditorAsset asset = FindEditorAsset(path);
      if (!asset.content_type.empty()) {
        response.set_content(std::string(asset.body),
                             std::string(asset.content_type));
        // The page loads its own script and style and calls this origin's
        // API, and nothing else.
        response.set_header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; "
            "connect-src 'self'; img-src 'self' data:; form-action 'none'; "
            "frame-ancestors 'none'; base-uri 'none'");
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
        return;
      }
    }
    response.status = 404;
    response.set_content(
        absl::StrCat("not found: this port serves /metrics, /healthz",
                     options_.editor_page ? ", the editor page at /" : "",
                     " and the API under /v1 (README.md, \"HTTP and JSON\")\n"),
        "text/plain");
  }

 private:
  void ServeApi(const httplib::Request& request, httplib::Response& response) {
    active_->Begin();
    const absl::Time start = absl::Now();
    const std::string request_id =
        RequestIdOr(Header(request, "X-Request-Id").value_or(""));
    response.set_header("X-Request-Id", request_id);
    response.set_header("Cache-Control", "no-store");
    std::string method = "other";
    bool wrong_verb = false;
    const absl::Status status = Answer(request, response, method, wrong_verb);
    if (!status.ok()) AnswerStatus(status, response);
    if (wrong_verb) response.status = 405;
    if (parts_.metrics != nullptr && request.method != "OPTIONS") {
      const std::string peer = absl::StrCat(
          absl::StrContains(request.remote_addr, ':') ? "ipv6:[" : "ipv4:",
          request.remote_addr,
          absl::StrContains(request.remote_addr, ':') ? "]:" : ":",
          request.remote_port);
      ReportFinishedCall(parts_.metrics,
                         {.method = method,
                          .code = static_cast<int>(status.code()),
                          .latency = absl::Now() - start,
                          .request_id = request_id,
                          .peer = peer,
                          .http_status = response.status});
    }
    active_->End();
  }

  // Serves an API request; OK with the answer in `response`, or the status
  // to answer with. Sets `method` to the gRPC method's name once known, and
  // `wrong_verb` for a path served under another verb (405, not 501).
  absl::Status Answer(const httplib::Request& request,
                      httplib::Response& response, std::string& method,
                      bool& wrong_verb) {
    const std::optional<std::string> origin = Header(request, "Origin");
    if (request.method == "OPTIONS")
      return AnswerPreflight(origin, request, response);
    absl::StatusOr<HttpApi::Found> found =
        parts_.api->Find(request.method, request.path);
    if (!found.ok()) {
      if (found.status().code() == absl::StatusCode::kFailedPrecondition) {
        wrong_verb = true;
        return absl::UnimplementedError(found.status().message());
      }
      return found.status();
    }
    method = found->route->method;
    if (absl::Status s = CheckOrigin(origin, request, response); !s.ok()) {
      return s;
    }
    if (parts_.authorizer != nullptr) {
      std::optional<absl::string_view> authorization;
      const std::size_t count = request.get_header_value_count("Authorization");
      if (count > 1) {
        return absl::UnauthenticatedError(
            "the call carries more than one Authorization header");
      }
      const std::string value = request.get_header_value("Authorization");
      if (count == 1) authorization = value;
      if (absl::Status s = parts_.authorizer->Check(method, authorization);
          !s.ok()) {
        return s;
      }
    }
    HttpApiRequest api_request{.body = request.body, .query = {}};
    for (const auto& [name, value] : request.params) {
      api_request.query.emplace_back(name, value);
    }
    absl::StatusOr<std::string> answer = parts_.api->Call(*found, api_request);
    if (!answer.ok()) return answer.status();
    response.set_content(*std::move(answer), kJson);
    return absl::OkStatus();
  }

  // OK for a request without `Origin`, or from the server's own origin or
  // a listed one, whose answer then carries the CORS headers; otherwise
  // PermissionDenied.
  absl::Status CheckOrigin(const std::optional<std::string>& origin,
                           const httplib::Request& request,
                           httplib::Response& response) const {
    if (!origin.has_value()) return absl::OkStatus();
    const std::string own_origin =
        absl::StrCat(options_.tls_cert.empty() ? "http://" : "https://",
                     request.get_header_value("Host"));
    if (!options_.cors.Allows(*origin, own_origin)) {
      return absl::PermissionDeniedError(absl::StrCat(
          "pages from ", Quoted(*origin),
          " may not call this API: the origin is not in the server's "
          "--http_cors_origins"));
    }
    if (options_.cors.Lists(*origin)) {
      response.set_header("Access-Control-Allow-Origin", *origin);
      response.set_header("Vary", "Origin");
      response.set_header("Access-Control-Expose-Headers", "X-Request-Id");
    }
    return absl::OkStatus();
  }

  // A browser's CORS preflight: 204 with what a listed origin may send.
  absl::Status AnswerPreflight(const std::optional<std::string>& origin,
                               const httplib::Request& request,
                               httplib::Response& response) const {
    if (absl::Status s = CheckOrigin(origin, request, response); !s.ok()) {
      return s;
    }
    response.status = 204;
    response.set_header("Access-Control-Allow-Methods", "GET, POST");
    response.set_header("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, X-Request-Id");
    response.set_header("Access-Control-Max-Age", "600");
    return absl::OkStatus();
  }

  const HttpServerOptions options_;
  const HttpServerParts parts_;
  ActiveCalls* active_;
};

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    const HttpServerOptions& options, HttpServerParts parts) {
  const std::string& address = options.address;
  const std::size_t colon = address.rfind(':');
  int port = -1;
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(absl::string_view(address).substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("HTTP address '", address, "' is not host:port"));
  }
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::unique_ptr<HttpServer> server(new HttpServer());
  if (options.tls_cert.empty()) {
    server->server_ = std::make_unique<httplib::Server>();
  } else {
    server->server_ = std::make_unique<httplib::SSLServer>(
        options.tls_cert.c_str(), options.tls_key.c_str(),
        options.tls_client_ca.empty() ? nullptr
                                      : options.tls_client_ca.c_str());
  }
  httplib::Server& http = *server->server_;
  if (!http.is_valid()) {
    return absl::InvalidArgumentError(
        "the HTTP port cannot load --tls_cert, --tls_key or --tls_client_ca");
  }
  server->handler_ =
      std::make_unique<Handler>(options, std::move(parts), &server->active_);
  Handler* handler = server->handler_.get();
  const auto serve = [handler](const httplib::Request& request,
                               httplib::Response& response) {
    handler->Serve(request, response);
  };
  // Our own routing (Handler::Serve) sees every path and method.
  http.Get(".*", serve);
  http.Post(".*", serve);
  http.Put(".*", serve);
  http.Patch(".*", serve);
  http.Delete(".*", serve);
  http.Options(".*", serve);
  http.set_error_handler(
      [](const httplib::Request&, httplib::Response& response) {
        // Only answers of httplib's own, which come without a body. They
        // keep their HTTP status (413 for a body over the limit), which
        // says more than that of the gRPC code the body carries.
        if (!response.body.empty()) return;
        const int http_status = response.status;
        AnswerStatus(StatusOfHttpError(http_status), response);
        response.status = http_status;
      });
  http.set_exception_handler([](const httplib::Request&,
                                httplib::Response& response,
                                std::exception_ptr) {
    AnswerStatus(absl::InternalError("the server failed to answer"), response);
  });
  // Nagle's algorithm would hold a head and a body written apart until the
  // client's delayed ACK, about 40 ms a request.
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second server on the same port would start and share its connections
  // rather than fail.
  http.set_socket_options([](socket_t fd) {
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  });
  const auto timeout = absl::ToChronoMicroseconds(options.io_timeout);
  http.set_read_timeout(timeout);
  http.set_write_timeout(timeout);
  http.set_keep_alive_timeout(std::max<time_t>(
      1,
      static_cast<time_t>(absl::ToInt64Seconds(options.keep_alive_timeout))));
  // httplib's default closes a connection after 5 requests; an editor page
  // sends one every pause in typing.
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(options.max_body_bytes);
  const int threads = options.threads;
  http.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  errno = 0;
  const int bound = port == 0 ? http.bind_to_any_port(host)
                              : (http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    const std::string reason =
        errno != 0 ? std::strerror(errno) : "cannot bind the address";
    return absl::UnavailableError(
        absl::StrCat("cannot listen for HTTP on ", address, ": ", reason,
                     "; set --http_listen=HOST:PORT for another address, or "
                     "--http_listen= to turn the HTTP port off"));
  }
  server->address_ = absl::StrCat(address.substr(0, colon), ":", bound);
  server->thread_ = std::thread([&http] { http.listen_after_bind(); });
  // stop() is a no-op until the server runs; wait so that it never is.
  while (!http.is_running()) absl::SleepFor(absl::Milliseconds(1));
  return server;
}

HttpServer::~HttpServer() {
  if (server_ != nullptr) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace factcheck
