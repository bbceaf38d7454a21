// Two servers on one machine, each with its default --http_listen
// ("auto"): the HTTP port, which serves /metrics, follows the gRPC port
// (one above it), so servers on different gRPC ports both start and both
// serve /metrics; an HTTP port that is taken all the same stops the start
// with a message that says how to choose another.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/http_get.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

// A TCP socket bound to 127.0.0.1:`port` (0: a free one), listening; -1 if
// the port is taken.
int ListenOn(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      listen(fd, 1) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int PortOf(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  return ntohs(address.sin_port);
}

// A port P, not in `avoid`, such that P and P + 1 are both free now.
int FreePortPair(const std::vector<int>& avoid) {
  for (;;) {
    const int first = ListenOn(0);
    const int port = PortOf(first);
    const int second = port < 65535 ? ListenOn(port + 1) : -1;
    close(first);
    if (second >= 0) close(second);
    bool clashes = false;
    for (int a : avoid) clashes = clashes || (a >= port - 1 && a <= port + 1);
    if (second >= 0 && !clashes) return port;
  }
}

class MetricsPortTest : public ::testing::Test {
 protected:
  std::unique_ptr<ServerProcess> StartOnPort(int port, const std::string& data) {
    auto server = ServerProcess::Start(
        FACTCHECK_SERVER_BINARY,
        {absl::StrCat("--listen=127.0.0.1:", port), "--data_dir=" + data,
         std::string("--reference_file=") + FACTCHECK_REFERENCE_FILE},
        ServerProcess::Until::kServing, ServerProcess::Ports::kAsGiven);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  // factcheck_ready's sample in a scrape of `server`.
  static std::string Readiness(const ServerProcess& server) {
    auto scrape = HttpGet(server.http_address(), "/metrics");
    if (!scrape.ok()) return scrape.status().ToString();
    return absl::StrContains(scrape->body, "\nfactcheck_ready 1\n")
               ? "ready"
               : scrape->body;
  }

  TempDir dir_;
};

TEST_F(MetricsPortTest, TwoServersOnOneMachineEachServeMetricsAboveTheirPort) {
  const int first_port = FreePortPair({});
  const int second_port = FreePortPair({first_port});
  auto first = StartOnPort(first_port, dir_.File("first"));
  auto second = StartOnPort(second_port, dir_.File("second"));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->http_address(), absl::StrCat("127.0.0.1:", first_port + 1));
  EXPECT_EQ(second->http_address(),
            absl::StrCat("127.0.0.1:", second_port + 1));
  EXPECT_EQ(Readiness(*first), "ready");
  EXPECT_EQ(Readiness(*second), "ready");
  EXPECT_EQ(first->Stop(), 0);
  EXPECT_EQ(second->Stop(), 0);
}

TEST_F(MetricsPortTest, TwoServersOnFreeGrpcPortsGetFreeMetricsPorts) {
  auto first = StartOnPort(0, dir_.File("first"));
  auto second = StartOnPort(0, dir_.File("second"));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(absl::StartsWith(first->http_address(), "127.0.0.1:"))
      << first->banner();
  EXPECT_NE(first->http_address(), second->http_address());
  EXPECT_EQ(Readiness(*first), "ready");
  EXPECT_EQ(Readiness(*second), "ready");
  EXPECT_EQ(first->Stop(), 0);
  EXPECT_EQ(second->Stop(), 0);
}

TEST_F(MetricsPortTest, TakenMetricsPortStopsTheStartSayingHowToChooseAnother) {
  const int port = FreePortPair({});
  const int taken = ListenOn(port + 1);
  ASSERT_GE(taken, 0);
  const CommandResult run = RunCommand(
      {FACTCHECK_SERVER_BINARY, absl::StrCat("--listen=127.0.0.1:", port),
       "--data_dir=" + dir_.File("data")});
  close(taken);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(
      run.err,
      absl::StrCat(
          "factcheck-server: cannot listen for HTTP on 127.0.0.1:", port + 1,
          ": Address already in use; set --http_listen=HOST:PORT "
          "for another address, or --http_listen= to turn the "
          "HTTP port off")))
      << run.err;
}

}  // namespace
}  // namespace factcheck::testing
