// How the CLI secures its channel: TLS with a CA file to verify the server,
// a client certificate for servers that require one (mutual TLS), and the
// bearer token sent with every call. See README.md, "Security".
#ifndef FACTCHECK_CLIENT_CHANNEL_SECURITY_H_
#define FACTCHECK_CLIENT_CHANNEL_SECURITY_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"

namespace factcheck::client {

// Paths are to PEM files; an empty string means "not given".
struct ChannelSecurity {
  // The bearer token, and where it came from ("--token",
  // "$FACTCHECK_TOKEN") for messages, which never quote the token.
  std::string token;
  std::string token_origin = "--token";
  // CA certificates the server's certificate must chain to: TLS is on when
  // given.
  std::string tls_ca;
  // A client certificate chain and its key, for mutual TLS.
  std::string tls_cert;
  std::string tls_key;
  // The name to check the server's certificate against, when it is not the
  // host in --server.
  std::string tls_server_name;
};

// A channel to `server` ("HOST:PORT") as `security` says. Fails with
// INVALID_ARGUMENT naming the flag when --tls_cert and --tls_key are not
// given together, when a TLS flag or a token comes without --tls_ca (a
// token is never sent in clear text), when the token has characters that
// metadata cannot carry, or when a file cannot be read.
absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const std::string& server, const ChannelSecurity& security);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_CHANNEL_SECURITY_H_
