// How a call's absl::Status reads over HTTP: the HTTP status code of its
// gRPC code, as Google's APIs and grpc-gateway map them
// (google/rpc/code.proto), and the body, a google.rpc.Status in protobuf's
// JSON mapping:
//
//   HTTP/1.1 400 Bad Request
//   {"code":3,"message":"published_date '2024-02-30' is not a valid date
//   (YYYY-MM-DD)","details":[]}
//
// The HTTP edge's counterpart of ToGrpcStatus (grpc_service.h): the one
// place where a status becomes what the HTTP client sees.
#ifndef FACTCHECK_SERVER_HTTP_STATUS_H_
#define FACTCHECK_SERVER_HTTP_STATUS_H_

#include <string>

#include "absl/status/status.h"

namespace factcheck {

// 200 for OK; 400 INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE; 401
// UNAUTHENTICATED; 403 PERMISSION_DENIED; 404 NOT_FOUND; 409
// ALREADY_EXISTS, ABORTED; 429 RESOURCE_EXHAUSTED; 499 CANCELLED; 501
// UNIMPLEMENTED; 503 UNAVAILABLE; 504 DEADLINE_EXCEEDED; 500 for the rest.
int HttpStatusCode(absl::StatusCode code);

// `status` as google.rpc.Status JSON: its numeric code, its message made
// fit to send (SentMessage: valid UTF-8, at most 1 KiB) and no details.
std::string StatusJson(const absl::Status& status);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_STATUS_H_
