// The metrics HTTP server over real loopback sockets: what each request
// gets, that a stalled client is cut off and does not stop the next one,
// and that it stops cleanly with a client still connected.
#include "server/metrics_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

std::unique_ptr<MetricsHttpServer> StartOrDie(
    const MetricsHttpOptions& options = {}) {
  auto server = MetricsHttpServer::Start(
      "127.0.0.1:0", [] { return kBody; }, options);
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
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

TEST(MetricsHttpServerTest, GetMetricsAnswersTheExpositionAsPrometheusText) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto response = HttpGet(server->address(), "/metrics");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->head,
            absl::StrCat("HTTP/1.1 200 OK\r\n"
                         "Content-Type: text/plain; version=0.0.4; "
                         "charset=utf-8\r\n"
                         "Content-Length: ",
                         std::string(kBody).size(), "\r\nConnection: close"));
  EXPECT_EQ(response->body, kBody);
}

TEST(MetricsHttpServerTest, QueryStringIsIgnored) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto response = HttpGet(server->address(), "/metrics?name[]=up");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kBody);
}

TEST(MetricsHttpServerTest, OtherPathsAre404AndOtherMethods405) {
  auto server = StartOrDie();
  ASSERT_NE(server, nullptr);
  auto not_found = HttpGet(server->address(), "/");
  ASSERT_TRUE(not_found.ok()) << not_found.status();
  EXPECT_EQ(not_found->status, 404);
  EXPECT_EQ(not_found->body, "not found: metrics are at /metrics\n");
  auto posted = HttpExchange(
      server->address(), "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(posted->substr(0, posted->find("\r\n")),
            "HTTP/1.1 405 Method Not Allowed");
}

TEST(MetricsHttpServerTest, GarbageIs400AndAnOversizedHeadIs431) {
  MetricsHttpOptions options;
  options.max_request_bytes = 256;
  auto server = StartOrDie(options);
  ASSERT_NE(server, nullptr);
  auto garbage = HttpExchange(server->address(), "HELLO\r\n\r\n");
  ASSERT_TRUE(garbage.ok()) << garbage.status();
  EXPECT_EQ(garbage->substr(0, garbage->find("\r\n")),
            "HTTP/1.1 400 Bad Request");
  auto big = HttpExchange(server->address(),
                          absl::StrCat("GET /metrics HTTP/1.1\r\nX-Big: ",
                                       std::string(1000, 'a'), "\r\n\r\n"));
  ASSERT_TRUE(big.ok()) << big.status();
  EXPECT_EQ(big->substr(0, big->find("\r\n")),
            "HTTP/1.1 431 Request Header Fields Too Large");
}

TEST(MetricsHttpServerTest, StalledClientIsCutOffAndTheNextOneServed) {
  MetricsHttpOptions options;
  options.io_timeout = absl::Milliseconds(200);
  auto server = StartOrDie(options);
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

TEST(MetricsHttpServerTest, StopsWhileAClientHoldsAConnectionOpen) {
  auto server = StartOrDie();  // A 5 s timeout: the stop must not wait it.
  ASSERT_NE(server, nullptr);
  const int idle = Connect(server->address());
  // Make sure the server is serving this connection, not still accepting.
  const std::string half = "GET ";
  ASSERT_EQ(send(idle, half.data(), half.size(), 0),
            static_cast<ssize_t>(half.size()));
  server.reset();  // Joins the thread; would hang were it stuck in recv.
  // Closed: an orderly end, or a reset when the server closed with the
  // request bytes unread.
  char byte;
  const ssize_t n = recv(idle, &byte, 1, 0);
  EXPECT_TRUE(n == 0 || (n < 0 && errno == ECONNRESET)) << n;
  close(idle);
}

TEST(MetricsHttpServerTest, BadAddressesAreRefusedNamingThem) {
  auto no_port = MetricsHttpServer::Start("localhost", [] { return ""; });
  ASSERT_FALSE(no_port.ok());
  EXPECT_EQ(no_port.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(no_port.status().message(),
            "metrics address 'localhost' is not host:port");
  auto first = StartOrDie();
  ASSERT_NE(first, nullptr);
  auto taken = MetricsHttpServer::Start(first->address(), [] { return ""; });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(taken.status().message(),
            absl::StrCat("cannot listen for metrics on ", first->address(),
                         ": Address already in use; set "
                         "--metrics_listen=HOST:PORT for another address, or "
                         "--metrics_listen= to turn metrics off"));
}

}  // namespace
}  // namespace factcheck
