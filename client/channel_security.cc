#include "client/channel_security.h"

#include "absl/strings/str_cat.h"
#include "client/document.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace factcheck::client {
namespace {

absl::StatusOr<std::string> ReadFlagFile(absl::string_view flag,
                                         const std::string& path) {
  absl::StatusOr<std::string> content = ReadInput(path);
  if (!content.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", flag, ": ", content.status().message()));
  }
  return content;
}

// The largest answer the CLI takes: four times the server's default
// --max_response_bytes (16 MiB), so that any answer a server with default
// limits gives is read whole; gRPC's own default (4 MiB) would refuse the
// answer to a long chronology.
constexpr int kMaxResponseBytes = 64 << 20;

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const std::string& server, const ChannelSecurity& security) {
  if (security.tls_cert.empty() != security.tls_key.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key go together: give both or neither");
  }
  if (security.tls_ca.empty()) {
    if (!security.tls_cert.empty() || !security.tls_server_name.empty()) {
      return absl::InvalidArgumentError(
          "--tls_cert, --tls_key and --tls_server_name need --tls_ca, the CA "
          "file that the server's certificate is checked against");
    }
    if (!security.token.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the bearer token (", security.token_origin,
                       ") is sent over TLS only: give --tls_ca"));
    }
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
    return grpc::CreateCustomChannel(
        server, grpc::InsecureChannelCredentials(), arguments);
  }
  // Metadata values are visible ASCII; anything else would fail every call.
  for (char c : security.token) {
    if (c <= ' ' || c > '~') {
      return absl::InvalidArgumentError(
          absl::StrCat("the bearer token (", security.token_origin,
                       ") has a character that gRPC metadata cannot carry"));
    }
  }
  grpc::SslCredentialsOptions ssl;
  absl::StatusOr<std::string> ca = ReadFlagFile("--tls_ca", security.tls_ca);
  if (!ca.ok()) return ca.status();
  ssl.pem_root_certs = *std::move(ca);
  if (!security.tls_cert.empty()) {
    absl::StatusOr<std::string> cert =
        ReadFlagFile("--tls_cert", security.tls_cert);
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key =
        ReadFlagFile("--tls_key", security.tls_key);
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
  if (!security.tls_server_name.empty()) {
    arguments.SetSslTargetNameOverride(security.tls_server_name);
  }
  return grpc::CreateCustomChannel(server, grpc::SslCredentials(ssl),
                                   arguments);
}

}  // namespace factcheck::client
