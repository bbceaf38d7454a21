// A plain HTTP/1.1 client over a socket, for the tests of the server's
// HTTP port that need to send what no well-behaved client sends (half a
// request, a request line that is not HTTP) or to see the answer's bytes
// as they are. The API's own tests use curl.
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

// GET `path` from `address`, parsed; the request asks for the connection
// to be closed after the answer.
absl::StatusOr<HttpResponse> HttpGet(const std::string& address,
                                     const std::string& path);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_HTTP_GET_H_
