#include "tests/support/http_get.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace factcheck::testing {

absl::StatusOr<std::string> HttpExchange(const std::string& address,
                                         absl::string_view request) {
  const std::size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port)) {
    return absl::InvalidArgumentError(absl::StrCat("bad address ", address));
  }
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  if (inet_pton(AF_INET, address.substr(0, colon).c_str(), &to.sin_addr) != 1) {
    return absl::InvalidArgumentError(absl::StrCat("not IPv4: ", address));
  }
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return absl::InternalError("socket failed");
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
    const std::string error = std::strerror(errno);
    close(fd);
    return absl::UnavailableError(
        absl::StrCat("cannot connect to ", address, ": ", error));
  }
  std::string answer;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
      static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (;;) {
      const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(fd);
  return answer;
}

absl::StatusOr<HttpResponse> HttpGet(const std::string& address,
                                     const std::string& path) {
  absl::StatusOr<std::string> raw = HttpExchange(
      address, absl::StrCat("GET ", path, " HTTP/1.1\r\nHost: ", address,
                            "\r\nUser-Agent: factcheck-test\r\n"
                            // Else the answer would end only when the
                            // server closes an idle keep-alive connection.
                            "Connection: close\r\n\r\n"));
  if (!raw.ok()) return raw.status();
  const std::size_t head_end = raw->find("\r\n\r\n");
  HttpResponse response;
  if (head_end == std::string::npos || raw->size() < 12 ||
      !absl::SimpleAtoi(raw->substr(9, 3), &response.status)) {
    return absl::DataLossError(absl::StrCat("not an HTTP response: ", *raw));
  }
  response.head = raw->substr(0, head_end);
  response.body = raw->substr(head_end + 4);
  return response;
}

}  // namespace factcheck::testing
