// Boost.Beast (Debian: libboost-dev) answering POST /v1:checkText: Beast
// parses and writes messages, the accept loop, the threads and keep-alive
// are the caller's; here a thread per connection, the shape of Beast's own
// synchronous example.
#include <cstdlib>
#include <string>
#include <thread>
#include <utility>  // Boost 1.74's asio uses std::exchange without it.

#include "bench/http_library/response_body.h"
#include "boost/asio.hpp"
#include "boost/beast.hpp"

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

void Serve(tcp::socket socket, const std::string& body) {
  beast::flat_buffer buffer;
  beast::error_code error;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(1 << 20);
    http::read(socket, buffer, parser, error);
    if (error) return;
    http::response<http::string_body> response;
    response.version(parser.get().version());
    response.keep_alive(parser.get().keep_alive());
    if (parser.get().method() == http::verb::post &&
        parser.get().target() == "/v1:checkText") {
      response.result(http::status::ok);
      response.set(http::field::content_type, "application/json");
      response.body() = body;
    } else {
      response.result(http::status::not_found);
    }
    response.prepare_payload();
    http::write(socket, response, error);
    if (error || !response.keep_alive()) return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string body = ResponseBody();
  boost::asio::io_context io;
  tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"),
                              static_cast<unsigned short>(std::atoi(argv[1]))});
  for (;;) {
    tcp::socket socket(io);
    acceptor.accept(socket);
    std::thread(Serve, std::move(socket), std::cref(body)).detach();
  }
}
