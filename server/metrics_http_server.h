// A minimal HTTP/1.1 server for Prometheus to scrape: GET /metrics answers
// with the exposition, any other path 404, any other method 405. One
// connection at a time, closed after each answer; a client gets
// `io_timeout` to send its request and to take the answer, so one that
// stalls holds the others back by that much at most and cannot wedge the
// server. Hand-written on sockets: the whole protocol needed is a request
// line and a Content-Length, which does not justify a web framework.
#ifndef FACTCHECK_SERVER_METRICS_HTTP_SERVER_H_
#define FACTCHECK_SERVER_METRICS_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace factcheck {

struct MetricsHttpOptions {
  // How long a client may take to send its request, and to read the answer.
  absl::Duration io_timeout = absl::Seconds(5);
  // Longest request head (request line and headers) read; a longer one is
  // answered 431.
  std::size_t max_request_bytes = 8 << 10;
};

class MetricsHttpServer {
 public:
  // Listens on `address` ("host:port", "[v6]:port"; port 0 picks a free
  // one) and serves on a thread of its own, calling `render` for each
  // GET /metrics. InvalidArgument for an address without a port,
  // Unavailable when it cannot listen (naming the reason).
  static absl::StatusOr<std::unique_ptr<MetricsHttpServer>> Start(
      const std::string& address, std::function<std::string()> render,
      const MetricsHttpOptions& options = {});

  // Stops: closes the listening socket and any connection being served,
  // and joins the thread.
  ~MetricsHttpServer();

  // "host:port" with the port taken (the host as given).
  const std::string& address() const { return address_; }

 private:
  MetricsHttpServer() = default;
  void Serve();
  void ServeConnection(int fd);

  std::function<std::string()> render_;
  MetricsHttpOptions options_;
  std::string address_;
  int listen_fd_ = -1;
  // Written to on destruction to wake the thread out of poll().
  int wake_read_fd_ = -1;
  int wake_write_fd_ = -1;
  std::thread thread_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_METRICS_HTTP_SERVER_H_
