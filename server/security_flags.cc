#include "server/security_flags.h"

#include <cstdlib>

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, tls_cert, "",
          "PEM file of the server's certificate chain; with --tls_key, the "
          "port speaks TLS only.");
ABSL_FLAG(std::string, tls_key, "", "PEM file of the server's private key.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM file of the CA certificates that client certificates must "
          "chain to; with it, clients without such a certificate cannot "
          "connect (mutual TLS).");
ABSL_FLAG(std::string, tokens_file, "",
          "File of bearer tokens, lines 'ROLE TOKEN' (roles reader, "
          "ingester, admin; '#' comments). Needs TLS. $FACTCHECK_TOKENS may "
          "hold the same entries instead, separated by commas.");
ABSL_FLAG(bool, allow_unauthenticated_remote, false,
          "Listen on a non-loopback address without tokens (for a proxy "
          "that authenticates callers in front of the server).");

namespace factcheck {

SecurityOptions SecurityOptionsFromFlags(const std::string& listen) {
  SecurityOptions options;
  options.listen = listen;
  options.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  options.tokens_file = absl::GetFlag(FLAGS_tokens_file);
  if (const char* tokens = std::getenv("FACTCHECK_TOKENS");
      tokens != nullptr && *tokens != '\0') {
    options.tokens_environment = tokens;
  }
  options.allow_unauthenticated_remote =
      absl::GetFlag(FLAGS_allow_unauthenticated_remote);
  return options;
}

}  // namespace factcheck
