// Logs and counts every gRPC call the server finishes: one JSON log line
// (json_log.h) per call, at info level,
//
//   {"ts":...,"level":"info","msg":"request","request_id":"3f9a1c...",
//    "method":"/factcheck.v1.FactCheck/CheckText","code":"OK",
//    "latency_ms":4.812,"peer":"ipv4:127.0.0.1:53412"}
//
// and the call's count and latency in Metrics. The request id is the
// client's `x-request-id` metadata when it sent a usable one (1 to 64
// characters of letters, digits and "-_.:"), else 16 random hex digits;
// the server sends it back as `x-request-id` trailing metadata, so a
// client can quote it. No other metadata is read, so tokens
// (`authorization`) never reach the log.
//
// Built as a gRPC server interceptor: gRPC runs interceptors for every
// method, typed, raw (ByteBuffer) or streaming alike, and for health and
// reflection calls. POST_RECV_INITIAL_METADATA gives the metadata,
// PRE_SEND_STATUS the status, just before it goes out, so the call is
// counted and logged before the client can see its answer. A call that
// ends without a status being sent (the client went away first) is
// counted and logged as CANCELLED when gRPC drops it. Calls that the
// access check refuses never reach an interceptor; main.cc reports those
// through ReportFinishedCall from CallAuthorizer's hook.
#ifndef FACTCHECK_SERVER_REQUEST_OBSERVER_H_
#define FACTCHECK_SERVER_REQUEST_OBSERVER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"
#include "server/metrics.h"

namespace factcheck {

// The name of the metadata that carries the request id, both ways.
inline constexpr absl::string_view kRequestIdMetadata = "x-request-id";

// `id` when it is usable as a request id (see above), else a new random
// one.
std::string RequestIdOr(absl::string_view id);

// The full names of the methods the server serves, for Metrics: every
// method of factcheck.v1.FactCheck (read from its descriptor, so a method
// added to the proto is counted under its own name), health and reflection.
std::vector<std::string> ServedMethodNames();

// One finished call, as the log line and the metrics take it.
// Every member has a default initializer, so that designated initializers
// may leave some out.
struct FinishedCall {
  absl::string_view method = {};
  int code = 0;  // grpc::StatusCode
  absl::Duration latency = {};
  absl::string_view request_id = {};
  absl::string_view peer = {};  // Left out of the line when empty.
  // For a call over the HTTP port, the HTTP status it was answered with;
  // 0 for a gRPC call. Logged, with "transport":"http", when not 0.
  int http_status = 0;
};

// Counts `call` in `metrics` and writes its log line (at info).
void ReportFinishedCall(Metrics* metrics, const FinishedCall& call);

// Hand to ServerBuilder::experimental().SetInterceptorCreators. `metrics`
// must outlive the server.
class RequestObserverFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RequestObserverFactory(Metrics* metrics) : metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  Metrics* metrics_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_REQUEST_OBSERVER_H_
