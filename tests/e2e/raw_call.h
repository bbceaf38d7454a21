// Calls to services whose generated stubs the project does not build
// (health, reflection), with requests serialized by hand.
#ifndef FACTCHECK_TESTS_E2E_RAW_CALL_H_
#define FACTCHECK_TESTS_E2E_RAW_CALL_H_

#include <memory>
#include <string>

#include "grpcpp/channel.h"
#include "grpcpp/support/status.h"

namespace factcheck::testing {

// Calls unary `method` over `channel` with `request_bytes`; on success the
// response's bytes are appended to `response_bytes`.
grpc::Status RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                          const std::string& method,
                          const std::string& request_bytes,
                          std::string* response_bytes);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_E2E_RAW_CALL_H_
