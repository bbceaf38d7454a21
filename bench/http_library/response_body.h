// What each candidate HTTP server answers in bench/http_library_bench.sh: a
// body of the size of a CheckText answer for the seed article as JSON
// (about 3.5 KB), so that the libraries are compared on the work the
// server's HTTP port does, not on an empty reply.
#ifndef FACTCHECK_BENCH_HTTP_LIBRARY_RESPONSE_BODY_H_
#define FACTCHECK_BENCH_HTTP_LIBRARY_RESPONSE_BODY_H_

#include <string>

inline std::string ResponseBody() {
  std::string body = "{\"findings\":[";
  while (body.size() < 3500) body += "{\"verdict\":\"SUPPORTED\"},";
  body.back() = ']';
  body += "}";
  return body;
}

#endif  // FACTCHECK_BENCH_HTTP_LIBRARY_RESPONSE_BODY_H_
