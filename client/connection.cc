#include "client/connection.h"

#include <chrono>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "client/exit_code.h"

namespace factcheck::client {

// Both services' stubs share the one channel.
Connection::Connection(std::string server, absl::Duration timeout,
                       std::shared_ptr<grpc::Channel> channel,
                       std::string token)
    : Connection(std::move(server), timeout, v1::FactCheck::NewStub(channel),
                 v1::Admin::NewStub(channel)) {
  token_ = std::move(token);
  channel_ = std::move(channel);
}

Connection::Connection(std::string server, absl::Duration timeout,
                       std::unique_ptr<v1::FactCheck::StubInterface> stub,
                       std::unique_ptr<v1::Admin::StubInterface> admin_stub)
    : server_(std::move(server)),
      timeout_(timeout),
      stub_(std::move(stub)),
      admin_stub_(std::move(admin_stub)) {}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = NewContextWithoutDeadline();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  return context;
}

std::unique_ptr<grpc::ClientContext> Connection::NewContextWithoutDeadline()
    const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token_.empty()) {
    context->AddMetadata("authorization", "Bearer " + token_);
  }
  return context;
}

int Connection::ReportFailure(absl::string_view method,
                              const grpc::Status& status) const {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    absl::FPrintF(stderr,
                  "factcheck: cannot reach the factcheck server at %s: %s\n",
                  server_, status.error_message());
  } else {
    absl::FPrintF(stderr, "factcheck: %s failed: %s: %s\n", method,
                  StatusCodeName(status.error_code()), status.error_message());
  }
  return kExitFailure;
}

std::string StatusCodeName(int code) {
  // gRPC and Abseil number their codes identically.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

}  // namespace factcheck::client
