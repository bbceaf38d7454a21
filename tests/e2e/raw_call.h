// Calls with requests serialized by hand: to services whose generated
// stubs the project does not build (health, reflection), and to ours with
// bytes no generated stub would send (bad UTF-8, no message at all).
#ifndef FACTCHECK_TESTS_E2E_RAW_CALL_H_
#define FACTCHECK_TESTS_E2E_RAW_CALL_H_

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/channel.h"
#include "grpcpp/support/status.h"

namespace factcheck::testing {

// Calls unary `method` over `channel` with `request_bytes`; on success the
// response's bytes are appended to `response_bytes`.
grpc::Status RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                          const std::string& method,
                          const std::string& request_bytes,
                          std::string* response_bytes);

// Calls streaming `method` over `channel`: sends each of `requests` (as
// long as the call takes them), closes its side, then appends each message
// the server sends to `responses`. Returns the call's status.
grpc::Status RawStreamCall(const std::shared_ptr<grpc::Channel>& channel,
                           const std::string& method,
                           const std::vector<std::string>& requests,
                           std::vector<std::string>* responses);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_E2E_RAW_CALL_H_
