// The HTTP port's own serving over real loopback sockets: what /metrics and
// /healthz answer, what a request httplib cannot read gets, that a stalled
// client is cut off and does not stop the next one, and that it stops
// cleanly with a client still connected. The API's routes are tested
// against the real server (tests/e2e/http_api_test.cc).
#include "server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/http_get.h"

namespace factcheck {
namespace {

using ::factcheck::testing::HttpExchange;
using ::factcheck::testing::HttpGet;

constexpr char kBody[] = "# TYPE up gauge\nup 1\n";

std::unique_ptr<HttpServer> StartOrDie(HttpServerOptions options = {},
                                       std::function<bool()> serving = {}) {
  options.address = "127.0.0.1:0";
  auto server = HttpServer::Start(
      options,
      {.render_metrics = [] { return kBody; }, .serving = std::move(serving)});
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

// The status line of a raw answer.
std::string StatusLine(const std::string& answer) {
  return answer.substr(0, answer.find("\r\n"));
}

// A connected socket to `address` ("127.0.0.1:PORT").
int Connect(const std::string& address) {
  int port = 0;
  EXPECT_TRUE(absl::SimpleAtoi(address.substr(address.rfind(':') + 1), &port));
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)), 0);
  return fd;
}

TEST(HttpServerTest, GetMetricsAnswersTheExpositionAsPrometheusText) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto response = HttpGet(server->address(), "/metrics");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->head,
            absl::StrCat("HTTP/1.1 200 OK\r\n"
                         "Connection: close\r\n"
                         "Content-Length: ",
                         std::string(kBody).size(),
                         "\r\n"
                         "Content-Type: text/plain; version=0.0.4; "
                         "charset=utf-8"));
  EXPECT_EQ(response->body, kBody);
}

TEST(HttpServerTest, QueryStringIsIgnored) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto response = HttpGet(server->address(), "/metrics?name[]=up");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kBody);
}

TEST(HttpServerTest, OtherPathsAre404AndOtherMethods405) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto not_found = HttpGet(server->address(), "/");
  ASSERT_TRUE(not_found.ok()) << not_found.status();
  EXPECT_EQ(not_found->status, 404);
  EXPECT_EQ(not_found->body,
            "not found: this port serves /metrics, /healthz and the API under "
            "/v1 (README.md, \"HTTP and JSON\")\n");
  auto posted = HttpExchange(server->address(),
                             "POST /metrics HTTP/1.1\r\nContent-Length: "
                             "0\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(StatusLine(*posted), "HTTP/1.1 405 Method Not Allowed");
}

TEST(HttpServerTest, HealthSaysWhetherTheServerServes) {
  std::atomic<bool> serving{false};
  auto server = StartOrDie({}, [&] { return serving.load(); });
  ASSERT_NE(server, nullptr);
  auto loading = HttpGet(server->address(), "/healthz");
  ASSERT_TRUE(loading.ok()) << loading.status();
  EXPECT_EQ(loading->status, 503);
  EXPECT_EQ(loading->body, R"({"status":"NOT_SERVING"})");
  serving = true;
  auto ready = HttpGet(server->address(), "/healthz");
  ASSERT_TRUE(ready.ok()) << ready.status();
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(ready->body, R"({"status":"SERVING"})");
}

TEST(HttpServerTest, GarbageAndAnOversizedHeadAre400WithAStatusBody) {
  // httplib keeps such a connection open, as any other, until the client
  // closes it or it has been idle for keep_alive_timeout; HttpExchange
  // reads until it is closed.
  auto server = StartOrDie({.keep_alive_timeout = absl::Seconds(1)});
  ASSERT_NE(server, nullptr);
  auto garbage = HttpExchange(server->address(), "HELLO\r\n\r\n");
  ASSERT_TRUE(garbage.ok()) << garbage.status();
  EXPECT_EQ(StatusLine(*garbage), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(garbage->substr(garbage->find("\r\n\r\n") + 4),
            R"({"code":3,"message":"the request is not valid HTTP/1.1",)"
            R"("details":[]})");
  // httplib reads at most 8 KiB of a header line.
  auto big = HttpExchange(server->address(),
                          absl::StrCat("GET /metrics HTTP/1.1\r\nX-Big: ",
                                       std::string(10000, 'a'), "\r\n\r\n"));
  ASSERT_TRUE(big.ok()) << big.status();
  EXPECT_EQ(StatusLine(*big), "HTTP/1.1 400 Bad Request");
}

TEST(HttpServerTest, StalledClientIsCutOffAndTheNextOneServed) {
  auto server = StartOrDie({.io_timeout = absl::Milliseconds(200)});
  ASSERT_NE(server, nullptr);
  // Half a request, then silence: the server closes the connection without
  // an answer once the timeout passes (recv sees the end of the stream).
  const int stalled = Connect(server->address());
  const std::string half = "GET /metr";
  ASSERT_EQ(send(stalled, half.data(), half.size(), 0),
            static_cast<ssize_t>(half.size()));
  char byte;
  EXPECT_EQ(recv(stalled, &byte, 1, 0), 0);
  close(stalled);
  auto response = HttpGet(server->address(), "/metrics");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, kBody);
}

TEST(HttpServerTest, StopsWhileAClientHoldsAConnectionOpen) {
  auto server = StartOrDie({.io_timeout = absl::Seconds(1)});
  ASSERT_NE(server, nullptr);
  const int idle = Connect(server->address());
  // Make sure the server is serving this connection, not still accepting.
  const std::string half = "GET ";
  ASSERT_EQ(send(idle, half.data(), half.size(), 0),
            static_cast<ssize_t>(half.size()));
  server.reset();  // Joins the threads; would hang were one stuck in recv.
  // Closed: an orderly end, or a reset when the server closed with the
  // request bytes unread.
  char byte;
  const ssize_t n = recv(idle, &byte, 1, 0);
  EXPECT_TRUE(n == 0 || (n < 0 && errno == ECONNRESET)) << n;
  close(idle);
}

TEST(HttpServerTest, BadAddressesAreRefusedNamingThem) {
  auto no_port = HttpServer::Start({.address = "localhost"}, {});
  ASSERT_FALSE(no_port.ok());
  EXPECT_EQ(no_port.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(no_port.status().message(),
            "HTTP address 'localhost' is not host:port");
  auto first = StartOrDie();
  ASSERT_NE(first, nullptr);
  auto taken = HttpServer::Start({.address = first->address()}, {});
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(taken.status().message(),
            absl::StrCat("cannot listen for HTTP on ", first->address(),
                         ": Address already in use; set "
                         "--http_listen=HOST:PORT for another address, or "
                         "--http_listen= to turn the HTTP port off"));
}

}  // namespace
}  // namespace factcheck
