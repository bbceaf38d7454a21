#include "server/server_security.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "server/call_authorizer.h"
#include "server/token_table.h"

namespace factcheck {
namespace {

// The whole of the file given with `flag`.
absl::StatusOr<std::string> ReadFlagFile(absl::string_view flag,
                                         const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  if (!in) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read ", flag, " '", path, "': ", std::strerror(errno)));
  }
  return content.str();
}

// Reads a PEM file given with `flag` and checks that it holds a `what`
// ("CERTIFICATE", "PRIVATE KEY"), so that a wrong file is named here rather
// than failing inside gRPC's TLS set-up with a message about neither.
absl::StatusOr<std::string> ReadPem(absl::string_view flag,
                                    const std::string& path,
                                    absl::string_view what) {
  absl::StatusOr<std::string> text = ReadFlagFile(flag, path);
  if (!text.ok()) return text.status();
  // "-----BEGIN CERTIFICATE-----", "-----BEGIN EC PRIVATE KEY-----", ...
  if (!absl::StrContains(*text, "-----BEGIN ") ||
      !absl::StrContains(*text, absl::StrCat(what, "-----"))) {
    return absl::InvalidArgumentError(absl::StrCat(
        flag, " '", path, "' holds no PEM ", absl::AsciiStrToLower(what)));
  }
  return text;
}

// The tokens file's text. Refused when every user of the machine may read
// or write it: any local account could take the admin token, or add its
// own. Read through the server's own group (mode 0640, group the server's
// effective group) is the deployment's way of handing a container its
// secrets (scripts/prepare-deploy.sh) and is accepted quietly; a file its
// group may change, or that another group may read, is accepted with a
// warning added to `warnings`.
absl::StatusOr<std::string> ReadTokensFile(const std::string& path,
                                           std::vector<std::string>& warnings) {
  const auto cannot_read = [&](int error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read --tokens_file '", path, "': ", std::strerror(error)));
  };
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return cannot_read(errno);
  // The mode of the file opened, not of whatever the path names later.
  struct stat info;
  if (fstat(fd, &info) != 0) {
    const int error = errno;
    close(fd);
    return cannot_read(error);
  }
  const std::string mode = absl::StrFormat("%04o", info.st_mode & 07777);
  if ((info.st_mode & S_IRWXO) != 0) {
    close(fd);
    return absl::InvalidArgumentError(absl::StrCat(
        "--tokens_file '", path,
        "' is open to every user of this machine (mode ", mode,
        "): any of them could take a token. Make it readable by the server's "
        "user only (chmod 600), or by its group too (chmod 640)"));
  }
  if ((info.st_mode & S_IWGRP) != 0) {
    warnings.push_back(absl::StrCat(
        "--tokens_file '", path, "' may be changed by its group (mode ", mode,
        ", group id ", info.st_gid,
        "): every member of the group could add a token; chmod 640"));
  } else if ((info.st_mode & S_IRGRP) != 0 && info.st_gid != getegid()) {
    warnings.push_back(absl::StrCat(
        "--tokens_file '", path, "' is open to group id ", info.st_gid,
        " (mode ", mode, "), not the server's own group (id ", getegid(),
        "): every member of that group can read the tokens; chgrp it to the "
        "server's group, or chmod 600"));
  }
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  const int error = errno;
  close(fd);
  if (n < 0) return cannot_read(error);
  return text;
}

absl::StatusOr<std::optional<TokenTable>> LoadTokens(
    const SecurityOptions& options, std::vector<std::string>& warnings) {
  if (!options.tokens_file.empty() && options.tokens_environment.has_value()) {
    return absl::InvalidArgumentError(
        "tokens come from --tokens_file or $FACTCHECK_TOKENS, not both; "
        "unset one");
  }
  if (options.tokens_environment.has_value()) {
    return TokenTable::Parse(*options.tokens_environment, "$FACTCHECK_TOKENS");
  }
  if (options.tokens_file.empty()) return std::nullopt;
  absl::StatusOr<std::string> text =
      ReadTokensFile(options.tokens_file, warnings);
  if (!text.ok()) return text.status();
  return TokenTable::Parse(*text, options.tokens_file);
}

}  // namespace

bool IsLoopbackAddress(absl::string_view listen) {
  if (absl::StartsWith(listen, "unix:") ||
      absl::StartsWith(listen, "unix-abstract:")) {
    return true;
  }
  const std::size_t colon = listen.rfind(':');
  absl::string_view host =
      colon == absl::string_view::npos ? listen : listen.substr(0, colon);
  if (absl::ConsumePrefix(&host, "[")) absl::ConsumeSuffix(&host, "]");
  if (host == "localhost") return true;
  const std::string address(host);
  in_addr v4;
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
    return IN6_IS_ADDR_LOOPBACK(&v6);
  }
  return false;  // Every interface (""), or a name that may resolve anywhere.
}

absl::StatusOr<ServerSecurity> ConfigureSecurity(
    const SecurityOptions& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key go together: give both or neither");
  }
  const bool tls = !options.tls_cert.empty();
  if (!options.tls_client_ca.empty() && !tls) {
    return absl::InvalidArgumentError(
        "--tls_client_ca needs --tls_cert and --tls_key");
  }
  std::vector<std::string> warnings;
  absl::StatusOr<std::optional<TokenTable>> tokens =
      LoadTokens(options, warnings);
  if (!tokens.ok()) return tokens.status();
  const bool auth = tokens->has_value();
  if (auth && !tls) {
    return absl::InvalidArgumentError(
        "bearer tokens need TLS: give --tls_cert and --tls_key (a token sent "
        "in clear text can be read on the way)");
  }
  const std::string& remote =
      !IsLoopbackAddress(options.listen) ? options.listen : options.http_listen;
  if (!auth && !options.allow_unauthenticated_remote && !remote.empty() &&
      !IsLoopbackAddress(remote)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "refusing to listen on ", remote,
        " with auth off: anyone who can reach it could change the reference "
        "events. Give --tokens_file (with --tls_cert and --tls_key), listen "
        "on a loopback address, or pass --allow_unauthenticated_remote if "
        "something in front of the server authenticates callers"));
  }

  ServerSecurity security;
  security.warnings = std::move(warnings);
  if (!tls) {
    security.credentials = grpc::InsecureServerCredentials();
    security.summary = "tls off, auth off";
    return security;
  }
  absl::StatusOr<std::string> cert =
      ReadPem("--tls_cert", options.tls_cert, "CERTIFICATE");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key =
      ReadPem("--tls_key", options.tls_key, "PRIVATE KEY");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  security.summary = "tls on";
  if (!options.tls_client_ca.empty()) {
    absl::StatusOr<std::string> ca =
        ReadPem("--tls_client_ca", options.tls_client_ca, "CERTIFICATE");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
    absl::StrAppend(&security.summary, ", client certificates required");
  }
  security.credentials = grpc::SslServerCredentials(ssl);
  if (auth) {
    absl::StrAppend(&security.summary, ", auth on (", (*tokens)->size(),
                    (*tokens)->size() == 1 ? " token)" : " tokens)");
    auto authorizer = std::make_shared<CallAuthorizer>(**std::move(tokens),
                                                       options.on_refused);
    security.credentials->SetAuthMetadataProcessor(authorizer);
    security.authorizer = std::move(authorizer);
  } else {
    absl::StrAppend(&security.summary, ", auth off");
  }
  return security;
}

}  // namespace factcheck
