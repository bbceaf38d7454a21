#include "server/call_authorizer.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "server/grpc_service.h"

namespace factcheck {

absl::Status CallAuthorizer::Check(
    absl::string_view method,
    std::optional<absl::string_view> authorization) const {
  if (IsOpenMethod(method)) return absl::OkStatus();
  if (!authorization.has_value()) {
    return absl::UnauthenticatedError(
        "this server needs a bearer token: send 'authorization: Bearer "
        "TOKEN' metadata (the CLI's --token or $FACTCHECK_TOKEN)");
  }
  absl::string_view token = *authorization;
  // RFC 6750: the scheme in any case, one space, the token, nothing else.
  // No space or tab is a token character, so any other spacing is refused
  // here rather than passed on as part of the token or trimmed away.
  if (token.size() <= 7 ||
      !absl::EqualsIgnoreCase(token.substr(0, 7), "Bearer ") ||
      token.find_first_of(" \t", 7) != absl::string_view::npos) {
    return absl::UnauthenticatedError(
        "the authorization metadata is not 'Bearer TOKEN'");
  }
  token.remove_prefix(7);
  const std::optional<Role> role = tokens_.Find(token);
  if (!role.has_value()) {
    return absl::UnauthenticatedError(
        "the bearer token is not one this server accepts");
  }
  return Authorize(method, *role);
}

grpc::Status CallAuthorizer::Process(const InputMetadata& auth_metadata,
                                     grpc::AuthContext*,
                                     OutputMetadata* consumed_auth_metadata,
                                     OutputMetadata*) {
  const absl::Time start = absl::Now();
  absl::string_view method;
  absl::string_view request_id;
  std::optional<absl::string_view> authorization;
  bool repeated = false;
  for (const auto& [key, value] : auth_metadata) {
    const absl::string_view name(key.data(), key.size());
    if (name == ":path") {
      method = absl::string_view(value.data(), value.size());
    } else if (name == "x-request-id") {
      request_id = absl::string_view(value.data(), value.size());
    } else if (name == "authorization") {
      if (authorization.has_value()) {
        repeated = true;  // Read on, for the method and the request id.
        continue;
      }
      authorization = absl::string_view(value.data(), value.size());
      consumed_auth_metadata->insert(
          {std::string(name), std::string(*authorization)});
    }
  }
  const absl::Status status =
      repeated ? absl::UnauthenticatedError(
                     "the call carries more than one authorization metadata")
               : Check(method, authorization);
  if (!status.ok() && on_refused_) {
    on_refused_({.method = method,
                 .status = status,
                 .request_id = request_id,
                 .latency = absl::Now() - start});
  }
  return ToGrpcStatus(status);
}

}  // namespace factcheck
