// How the gRPC edge serves a unary call, for both services (grpc_service.h,
// grpc_admin_service.h): every method reads its request as raw bytes and
// parses it itself (request_parser.h), so that a request that is not valid
// UTF-8, or not a valid message at all, is answered INVALID_ARGUMENT naming
// the problem rather than with gRPC's bare UNIMPLEMENTED.
#ifndef FACTCHECK_SERVER_UNARY_CALL_H_
#define FACTCHECK_SERVER_UNARY_CALL_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/empty.pb.h"
#include "grpcpp/grpcpp.h"
#include "server/grpc_service.h"
#include "server/request_parser.h"

namespace factcheck {
namespace unary_call_internal {

// Calls that answer google.protobuf.Empty return a plain absl::Status.
inline absl::Status Deliver(const absl::Status& status,
                            grpc::ByteBuffer* response) {
  if (!status.ok()) return status;
  return SerializeResponse(google::protobuf::Empty(), response);
}
template <typename T>
absl::Status Deliver(const absl::StatusOr<T>& result,
                     grpc::ByteBuffer* response) {
  if (!result.ok()) return result.status();
  return SerializeResponse(*result, response);
}

}  // namespace unary_call_internal

// Serves one unary call: counts it in `active` while it runs; when `ready`
// is OK, parses `request` as a `Request` and runs `handler` on it
// (returning absl::StatusOr<Response>, or absl::Status for Empty); finishes
// with the answer serialized into `response`, or with the first failure's
// status (ToGrpcStatus).
template <typename Request, typename Handler>
grpc::ServerUnaryReactor* ServeUnary(grpc::CallbackServerContext* context,
                                     ActiveCalls& active, absl::Status ready,
                                     const grpc::ByteBuffer& request,
                                     grpc::ByteBuffer* response,
                                     Handler handler) {
  active.Begin();
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::Status status = std::move(ready);
  if (status.ok()) {
    Request parsed;
    status = ParseRequest(request, &parsed);
    if (status.ok()) {
      status = unary_call_internal::Deliver(handler(parsed), response);
    }
  }
  reactor->Finish(ToGrpcStatus(status));
  active.End();
  return reactor;
}

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_UNARY_CALL_H_
