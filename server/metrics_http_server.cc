#include "server/metrics_http_server.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace factcheck {
namespace {

int RemainingMillis(absl::Time deadline) {
  const absl::Duration left = deadline - absl::Now();
  if (left <= absl::ZeroDuration()) return 0;
  return static_cast<int>(absl::ToInt64Milliseconds(left)) + 1;
}

// Waits until `fd` is ready for `events`. False on timeout, on a wake-up
// (the server is stopping) or on an error.
bool WaitFor(int fd, short events, int wake_fd, absl::Time deadline) {
  for (;;) {
    const int millis = RemainingMillis(deadline);
    if (millis == 0) return false;
    pollfd fds[2] = {{fd, events, 0}, {wake_fd, POLLIN, 0}};
    const int n = poll(fds, 2, millis);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || fds[1].revents != 0) return false;
    return true;
  }
}

std::string Response(absl::string_view status, absl::string_view content_type,
                     absl::string_view body) {
  return absl::StrCat("HTTP/1.1 ", status, "\r\nContent-Type: ", content_type,
                      "\r\nContent-Length: ", body.size(),
                      "\r\nConnection: close\r\n\r\n", body);
}

}  // namespace

absl::StatusOr<std::unique_ptr<MetricsHttpServer>> MetricsHttpServer::Start(
    const std::string& address, std::function<std::string()> render,
    const MetricsHttpOptions& options) {
  const std::size_t colon = address.rfind(':');
  int port_number = -1;
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(absl::string_view(address).substr(colon + 1),
                        &port_number) ||
      port_number < 0 || port_number > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("metrics address '", address, "' is not host:port"));
  }
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string port = address.substr(colon + 1);
  if (const int e = getaddrinfo(host.empty() ? nullptr : host.c_str(),
                                port.c_str(), &hints, &found);
      e != 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen for metrics on ",
                                               address, ": ", gai_strerror(e)));
  }
  // The first address that binds: "localhost" may resolve to ::1 on a host
  // without IPv6, and then 127.0.0.1 serves.
  int fd = -1;
  std::string error = "no address";
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      error = std::strerror(errno);
      continue;
    }
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 16) == 0) break;
    error = std::strerror(errno);
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen for metrics on ", address, ": ", error,
                     "; set --metrics_listen=HOST:PORT for another address, "
                     "or --metrics_listen= to turn metrics off"));
  }
  sockaddr_storage bound{};
  socklen_t bound_size = sizeof(bound);
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &bound_size);
  const int bound_port =
      bound.ss_family == AF_INET6
          ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
          : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

  int wake[2];
  if (pipe2(wake, O_CLOEXEC) != 0) {
    close(fd);
    return absl::InternalError("cannot create the metrics server's pipe");
  }
  std::unique_ptr<MetricsHttpServer> server(new MetricsHttpServer());
  server->render_ = std::move(render);
  server->options_ = options;
  server->address_ = absl::StrCat(address.substr(0, colon), ":", bound_port);
  server->listen_fd_ = fd;
  server->wake_read_fd_ = wake[0];
  server->wake_write_fd_ = wake[1];
  server->thread_ = std::thread([s = server.get()] { s->Serve(); });
  return server;
}

MetricsHttpServer::~MetricsHttpServer() {
  if (thread_.joinable()) {
    const char byte = 0;
    while (write(wake_write_fd_, &byte, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
  }
  for (int fd : {listen_fd_, wake_read_fd_, wake_write_fd_}) {
    if (fd >= 0) close(fd);
  }
}

void MetricsHttpServer::Serve() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_read_fd_, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    const int client = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;  // The client went away, or out of files.
    ServeConnection(client);
    close(client);
  }
}

void MetricsHttpServer::ServeConnection(int fd) {
  const absl::Time deadline = absl::Now() + options_.io_timeout;
  std::string request;
  std::size_t head_end = std::string::npos;
  while (head_end == std::string::npos) {
    if (request.size() > options_.max_request_bytes) break;
    if (!WaitFor(fd, POLLIN, wake_read_fd_, deadline)) return;
    char buffer[1024];
    const ssize_t n = recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return;  // Closed before a whole request.
    request.append(buffer, static_cast<std::size_t>(n));
    head_end = request.find("\r\n\r\n");
  }
  std::string answer;
  if (head_end == std::string::npos || head_end > options_.max_request_bytes) {
    answer = Response("431 Request Header Fields Too Large", "text/plain",
                      "request head too large\n");
  } else {
    // "GET /metrics HTTP/1.1": the method, the target (a query string
    // ignored), the version.
    const std::vector<absl::string_view> parts = absl::StrSplit(
        absl::string_view(request).substr(0, request.find("\r\n")), ' ');
    const absl::string_view path =
        parts.size() == 3 ? parts[1].substr(0, parts[1].find('?')) : "";
    if (parts.size() != 3 || !absl::StartsWith(parts[2], "HTTP/1.")) {
      answer = Response("400 Bad Request", "text/plain", "bad request\n");
    } else if (path != "/metrics") {
      answer = Response("404 Not Found", "text/plain",
                        "not found: metrics are at /metrics\n");
    } else if (parts[0] != "GET" && parts[0] != "HEAD") {
      answer = Response("405 Method Not Allowed", "text/plain",
                        "only GET is served\n");
    } else {
      answer = Response("200 OK", "text/plain; version=0.0.4; charset=utf-8",
                        render_());
      if (parts[0] == "HEAD") answer.resize(answer.find("\r\n\r\n") + 4);
    }
  }
  absl::string_view rest = answer;
  while (!rest.empty()) {
    if (!WaitFor(fd, POLLOUT, wake_read_fd_, deadline)) return;
    const ssize_t n =
        send(fd, rest.data(), rest.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace factcheck
