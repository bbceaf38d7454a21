// How the server's port is secured: TLS from certificate and key files,
// optionally requiring client certificates (mutual TLS), and bearer tokens
// with roles (access_policy.h, token_table.h). See README.md, "Security".
#ifndef FACTCHECK_SERVER_SERVER_SECURITY_H_
#define FACTCHECK_SERVER_SERVER_SECURITY_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/security/server_credentials.h"
#include "server/call_authorizer.h"

namespace factcheck {

// All paths are to PEM files; an empty string means "not given".
struct SecurityOptions {
  // The address the server will listen on (--listen).
  std::string listen;
  // The address of its HTTP port (--http_listen), which serves the API too;
  // empty when there is none.
  std::string http_listen;
  // The server's certificate chain and private key: TLS is on when given.
  std::string tls_cert;
  std::string tls_key;
  // CA certificates that client certificates must chain to: with it, a
  // client without such a certificate cannot connect (mutual TLS).
  std::string tls_client_ca;
  // The token table (token_table.h) from a file or from the value of
  // $FACTCHECK_TOKENS; at most one of the two. Auth is on when given.
  std::string tokens_file;
  std::optional<std::string> tokens_environment;
  // Lets a server without tokens listen on a non-loopback address, for a
  // deployment where something in front of it authenticates callers.
  bool allow_unauthenticated_remote = false;
  // Told about each call refused for want of a good token or role (see
  // CallAuthorizer), when auth is on; may be empty.
  std::function<void(const RefusedCall&)> on_refused;
};

struct ServerSecurity {
  std::shared_ptr<grpc::ServerCredentials> credentials;
  // The access check gRPC runs on every call, for the HTTP port to run on
  // its calls too; null when auth is off.
  std::shared_ptr<const CallAuthorizer> authorizer;
  // For the start-up line: "tls on, client certificates required, auth on
  // (3 tokens)", "tls off, auth off".
  std::string summary;
  // What the operator should hear about at start-up but that does not stop
  // the server (a tokens file its group may change, or another group than
  // the server's may read), one line each.
  std::vector<std::string> warnings;
};

// Checks `options` and reads the files. Fails with INVALID_ARGUMENT, naming
// the flag or file, when a file is unreadable or not PEM, when --tls_cert
// and --tls_key are not given together, when tokens are given without TLS
// (gRPC checks tokens on TLS connections only, and a token sent in clear
// text can be read on the way), when the tokens file is open to every user
// of the machine (its mode gives others any access), and when a server
// without tokens would listen on a non-loopback address, gRPC or HTTP,
// without allow_unauthenticated_remote. A tokens file the server's own
// group may read (0640, the deployment's way) is accepted quietly; one its
// group may change, or another group may read, is accepted with a warning.
absl::StatusOr<ServerSecurity> ConfigureSecurity(
    const SecurityOptions& options);

// True when `listen` ("HOST:PORT", "[IPV6]:PORT", "unix:PATH") can be
// reached from this machine only: localhost, 127.0.0.0/8, ::1, a Unix
// socket. "0.0.0.0", "[::]" and ":PORT" listen on every interface.
bool IsLoopbackAddress(absl::string_view listen);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_SERVER_SECURITY_H_
