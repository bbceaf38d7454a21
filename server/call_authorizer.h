// Enforces the access policy (access_policy.h) on every call, before the
// call reaches the service.
//
// Why an AuthMetadataProcessor and not a server interceptor: gRPC's server
// interceptors (1.51, as Debian 12 ships it) cannot fail a call before its
// handler runs; they can only cancel it, which the client sees as CANCELLED.
// An AuthMetadataProcessor runs in gRPC's server auth filter, sees every
// call's metadata including its method (":path"), and the status it returns
// is what the client gets (UNAUTHENTICATED, PERMISSION_DENIED): a refused
// call never reaches a handler, whether typed, raw (ByteBuffer) or
// streaming, so it cannot change anything. gRPC attaches such a processor
// to TLS credentials only, which is also the one setting where a bearer
// token is not readable on the wire.
#ifndef FACTCHECK_SERVER_CALL_AUTHORIZER_H_
#define FACTCHECK_SERVER_CALL_AUTHORIZER_H_

#include <functional>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "server/token_table.h"

namespace factcheck {

// A call the authorizer refused. Such a call never reaches a handler nor a
// server interceptor, so this is the only place that can tell the request
// log and the metrics about it.
struct RefusedCall {
  absl::string_view method = {};
  absl::Status status = {};
  // The call's x-request-id metadata; empty when it had none.
  absl::string_view request_id = {};
  // The time the decision took.
  absl::Duration latency = {};
};

class CallAuthorizer final : public grpc::AuthMetadataProcessor {
 public:
  // `on_refused`, when set, is called (on gRPC's thread, so it must not
  // block) for each call Process refuses.
  explicit CallAuthorizer(
      TokenTable tokens,
      std::function<void(const RefusedCall&)> on_refused = nullptr)
      : tokens_(std::move(tokens)), on_refused_(std::move(on_refused)) {}

  // Decides a call to `method` that carried `authorization` metadata (or
  // none): OK; UNAUTHENTICATED without a token, with metadata that is not
  // exactly "Bearer TOKEN" (the scheme in any case, one space, no other
  // space or tab), or with a token not in the table; PERMISSION_DENIED when
  // the token's role may not call `method` (Authorize). Health checks and
  // reflection pass without a token.
  absl::Status Check(absl::string_view method,
                     std::optional<absl::string_view> authorization) const;

  // The lookup is in memory, so it runs on gRPC's own thread.
  bool IsBlocking() const override { return false; }

  // Check() on the call's metadata; the authorization metadata is consumed,
  // so the token never reaches the handlers.
  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  TokenTable tokens_;
  std::function<void(const RefusedCall&)> on_refused_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_CALL_AUTHORIZER_H_
