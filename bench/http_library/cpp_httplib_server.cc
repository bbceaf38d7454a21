// cpp-httplib (Debian: libcpp-httplib-dev) answering POST /v1:checkText.
#include <cstdlib>
#include <string>

#include "bench/http_library/response_body.h"
#include "httplib.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string body = ResponseBody();
  httplib::Server server;
  server.set_payload_max_length(1 << 20);
  // Off by default: with Nagle's algorithm on, a head and a body written
  // apart wait for the client's delayed ACK, about 40 ms a request.
  server.set_tcp_nodelay(true);
  // As the factcheck server sets them: a connection keeps its thread while
  // it is open, so the pool is larger than the default of 8 and a
  // keep-alive connection serves up to 100 requests (default 5).
  server.set_keep_alive_max_count(100);
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.Post("/v1:checkText",
              [&](const httplib::Request&, httplib::Response& response) {
                response.set_content(body, "application/json");
              });
  return server.listen("127.0.0.1", std::atoi(argv[1])) ? 0 : 1;
}
