// civetweb (Debian: libcivetweb-dev) answering POST /v1:checkText.
#include <unistd.h>

#include <cstring>
#include <string>

#include "bench/http_library/response_body.h"
#include "civetweb.h"

namespace {

const std::string& Body() {
  static const std::string body = ResponseBody();
  return body;
}

int CheckText(mg_connection* connection, void*) {
  char discard[4096];
  while (mg_read(connection, discard, sizeof(discard)) > 0) {
  }
  mg_send_http_ok(connection, "application/json",
                  static_cast<long long>(Body().size()));
  mg_write(connection, Body().data(), Body().size());
  return 200;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string port = std::string("127.0.0.1:") + argv[1];
  const char* options[] = {"listening_ports",
                           port.c_str(),
                           "enable_keep_alive",
                           "yes",
                           "tcp_nodelay",
                           "1",
                           nullptr};
  mg_init_library(0);
  mg_callbacks callbacks;
  std::memset(&callbacks, 0, sizeof(callbacks));
  mg_context* context = mg_start(&callbacks, nullptr, options);
  if (context == nullptr) return 1;
  mg_set_request_handler(context, "/v1:checkText", CheckText, nullptr);
  for (;;) pause();
}
