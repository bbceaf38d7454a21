// A plain HTTP/1.1 client over a socket, for the tests of the server's
// metrics endpoint.
#ifndef FACTCHECK_TESTS_SUPPORT_HTTP_GET_H_
#define FACTCHECK_TESTS_SUPPORT_HTTP_GET_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck::testing {

struct HttpResponse {
  int status = 0;    // 200, 404, ...
  std::string head;  // Status line and headers.
  std::string body;
};

// Connects to `address` ("127.0.0.1:PORT"), sends `request` as it is and
// reads until the server closes the connection (10 s at most).
absl::StatusOr<std::string> HttpExchange(const std::string& address,
                                         absl::string_view request);

// GET `path` from `address`, parsed.
absl::StatusOr<HttpResponse> HttpGet(const std::string& address,
                                     const std::string& path);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_HTTP_GET_H_
