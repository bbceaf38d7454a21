#include "client/security_flags.h"

#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, token, "",
          "bearer token sent with every call (default: $FACTCHECK_TOKEN); "
          "needs --tls_ca");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM file of the CA that the server's certificate must chain to; "
          "with it the CLI speaks TLS");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM file of a client certificate, for servers that require one");
ABSL_FLAG(std::string, tls_key, "", "PEM file of that certificate's key");
ABSL_FLAG(std::string, tls_server_name, "",
          "name the server's certificate must carry, when not the host in "
          "--server");

namespace factcheck::client {

ChannelSecurity ChannelSecurityFromFlags() {
  ChannelSecurity security;
  security.token = absl::GetFlag(FLAGS_token);
  if (const char* token = std::getenv("FACTCHECK_TOKEN");
      security.token.empty() && token != nullptr && *token != '\0') {
    security.token = token;
    security.token_origin = "$FACTCHECK_TOKEN";
  }
  security.tls_ca = absl::GetFlag(FLAGS_tls_ca);
  security.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  security.tls_key = absl::GetFlag(FLAGS_tls_key);
  security.tls_server_name = absl::GetFlag(FLAGS_tls_server_name);
  return security;
}

}  // namespace factcheck::client
