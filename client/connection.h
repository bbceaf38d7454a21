// The CLI's side of the gRPC channel: the stub, per-call deadlines, and the
// one place where RPC failures become messages and exit codes.
#ifndef FACTCHECK_CLIENT_CONNECTION_H_
#define FACTCHECK_CLIENT_CONNECTION_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace factcheck::client {

// A channel to one factcheck server. Not thread-safe except as gRPC stubs
// are: calls may be made from several threads.
class Connection {
 public:
  // Talks to `server` ("HOST:PORT") over `channel` (see
  // channel_security.h) and sends `token`, unless empty, as
  // "authorization: Bearer TOKEN" with every call; every call made through
  // NewContext() must finish within `timeout`. The channel connects lazily,
  // so an unreachable server shows up as the first call failing with
  // UNAVAILABLE.
  Connection(std::string server, absl::Duration timeout,
             std::shared_ptr<grpc::Channel> channel, std::string token);

  // Uses `stub` (and `admin_stub`, for the admin commands) instead of a
  // channel, for tests.
  Connection(std::string server, absl::Duration timeout,
             std::unique_ptr<v1::FactCheck::StubInterface> stub,
             std::unique_ptr<v1::Admin::StubInterface> admin_stub = nullptr);

  v1::FactCheck::StubInterface& stub() { return *stub_; }
  // The Admin service, on the same channel.
  v1::Admin::StubInterface& admin_stub() { return *admin_stub_; }
  const std::string& server() const { return server_; }
  // The channel itself, for services without generated stubs here (the
  // gRPC health service); null for a Connection made from stubs.
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // A context for one call, with its deadline set `timeout` from now.
  std::unique_ptr<grpc::ClientContext> NewContext() const;
  // A context without a deadline, for a call that lasts as long as the data
  // it streams (ImportEvents).
  std::unique_ptr<grpc::ClientContext> NewContextWithoutDeadline() const;

  // Prints why `method` failed to stderr and returns the exit code for it:
  //   factcheck: cannot reach the factcheck server at HOST:PORT: MESSAGE
  //   factcheck: METHOD failed: CODE_NAME: MESSAGE
  int ReportFailure(absl::string_view method, const grpc::Status& status) const;

 private:
  std::string server_;
  absl::Duration timeout_;
  std::unique_ptr<v1::FactCheck::StubInterface> stub_;
  std::unique_ptr<v1::Admin::StubInterface> admin_stub_;
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
};

// The canonical name of a gRPC status code ("INVALID_ARGUMENT").
std::string StatusCodeName(int code);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_CONNECTION_H_
