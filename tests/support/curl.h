// Calls to the server's HTTP port with curl, the HTTP client a web
// developer tries an API with first: the tests of the HTTP API see exactly
// what a real client sends and gets.
#ifndef FACTCHECK_TESTS_SUPPORT_CURL_H_
#define FACTCHECK_TESTS_SUPPORT_CURL_H_

#include <map>
#include <string>
#include <vector>

namespace factcheck::testing {

struct CurlAnswer {
  int exit_code = -1;  // curl's own: 0 when an answer came.
  int status = 0;      // The HTTP status; 0 when none came.
  // Header names in lower case; a repeated header keeps its last value.
  std::map<std::string, std::string> headers;
  std::string body;
  std::string error;  // What curl wrote on standard error.
};

// Runs `curl -sS -i ARGS...` (and no "Expect: 100-continue", so that an
// answer to a large body comes at once) and parses the answer.
CurlAnswer Curl(const std::vector<std::string>& args);

// POSTs `json` (written to a file first, so that its size is not bounded
// by the command line) to `url` as application/json, with `args` before
// the URL.
CurlAnswer CurlPostJson(const std::string& url, const std::string& json,
                        const std::vector<std::string>& args = {});

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_CURL_H_
