#include "server/request_observer.h"

#include <cmath>
#include <cstdint>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/grpcpp.h"
#include "server/json_log.h"

namespace factcheck {
namespace {

using grpc::experimental::InterceptionHookPoints;

bool UsableRequestId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' &&
        c != '_' && c != '.' && c != ':') {
      return false;
    }
  }
  return true;
}

class RequestObserver final : public grpc::experimental::Interceptor {
 public:
  RequestObserver(grpc::experimental::ServerRpcInfo* info, Metrics* metrics)
      : info_(info),
        metrics_(metrics),
        method_(info->method() == nullptr ? "" : info->method()),
        start_(absl::Now()) {}

  ~RequestObserver() override {
    if (!reported_) Report(grpc::StatusCode::CANCELLED);
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      absl::string_view client_id;
      for (const auto& [key, value] : *methods->GetRecvInitialMetadata()) {
        if (absl::string_view(key.data(), key.size()) == kRequestIdMetadata) {
          client_id = absl::string_view(value.data(), value.size());
        }
      }
      request_id_ = RequestIdOr(client_id);
      // Read now: by the time an unfinished call is dropped, its context may
      // be going away.
      if (info_->server_context() != nullptr) {
        peer_ = info_->server_context()->peer();
      }
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      if (request_id_.empty()) request_id_ = RequestIdOr("");
      methods->GetSendTrailingMetadata()->emplace(
          std::string(kRequestIdMetadata), request_id_);
      Report(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Report(grpc::StatusCode code) {
    reported_ = true;
    if (request_id_.empty()) request_id_ = RequestIdOr("");
    ReportFinishedCall(metrics_, {.method = method_,
                                  .code = static_cast<int>(code),
                                  .latency = absl::Now() - start_,
                                  .request_id = request_id_,
                                  .peer = peer_});
  }

  grpc::experimental::ServerRpcInfo* info_;
  Metrics* metrics_;
  const std::string method_;
  const absl::Time start_;
  std::string request_id_;
  std::string peer_;
  bool reported_ = false;
};

}  // namespace

std::string RequestIdOr(absl::string_view id) {
  if (UsableRequestId(id)) return std::string(id);
  thread_local absl::BitGen random;
  return absl::StrFormat("%016x", absl::Uniform<std::uint64_t>(random));
}

void ReportFinishedCall(Metrics* metrics, const FinishedCall& call) {
  metrics->RecordRequest(call.method, call.code, call.latency);
  if (!LogEnabled(LogLevel::kInfo)) return;
  const double latency_ms =
      std::round(absl::ToDoubleMilliseconds(call.latency) * 1000) / 1000;
  const std::string code =
      absl::StatusCodeToString(static_cast<absl::StatusCode>(call.code));
  std::vector<LogField> fields = {{"request_id", call.request_id},
                                  {"method", call.method},
                                  {"code", code},
                                  {"latency_ms", latency_ms}};
  if (!call.peer.empty()) fields.emplace_back("peer", call.peer);
  if (call.http_status != 0) {
    fields.emplace_back("transport", "http");
    fields.emplace_back("http_status", call.http_status);
  }
  Log(LogLevel::kInfo, "request", fields);
}

std::vector<std::string> ServedMethodNames() {
  std::vector<std::string> names = {
      "/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch",
      "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"};
  for (const char* full_name :
       {v1::FactCheck::service_full_name(), v1::Admin::service_full_name()}) {
    const google::protobuf::ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            full_name);
    for (int i = 0; service != nullptr && i < service->method_count(); ++i) {
      names.push_back(absl::StrCat("/", service->full_name(), "/",
                                   service->method(i)->name()));
    }
  }
  return names;
}

grpc::experimental::Interceptor*
RequestObserverFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RequestObserver(info, metrics_);
}

}  // namespace factcheck
