#include "server/reflection_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "grpc/health/v1/health.pb.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "server/grpc_service.h"
#include "server/reflection.h"
#include "server/request_parser.h"

namespace factcheck {
namespace {

// One reflection stream: each request is answered before the next is read.
class ReflectionReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit ReflectionReactor(const std::vector<std::string>* services)
      : stream_(services) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // The client has closed its side: all answered.
      Finish(grpc::Status::OK);
      return;
    }
    // A v1alpha request is read as v1: the messages differ in their
    // package only, never on the wire.
    grpc::reflection::v1::ServerReflectionRequest request;
    if (absl::Status s = ParseRequest(request_, &request); !s.ok()) {
      Finish(ToGrpcStatus(s));
      return;
    }
    if (absl::Status s = SerializeResponse(stream_.Answer(request), &response_);
        !s.ok()) {
      Finish(ToGrpcStatus(s));
      return;
    }
    StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                          "the client stopped reading the stream"));
      return;
    }
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  ReflectionStream stream_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
};

// A version's generated service with its one method taken raw, so that
// both versions reach the same reactor.
template <typename Generated>
class RawReflection final
    : public Generated::template WithRawCallbackMethod_ServerReflectionInfo<
          typename Generated::Service> {
 public:
  explicit RawReflection(const std::vector<std::string>* services)
      : services_(services) {}

  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
  ServerReflectionInfo(grpc::CallbackServerContext*) override {
    return new ReflectionReactor(services_);
  }

 private:
  const std::vector<std::string>* services_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ReflectionService>> ReflectionService::Create(
    std::vector<std::string> services) {
  // The generated pool knows a file only when its compiled code is linked
  // into the binary, and the linker takes it only when something refers to
  // it: nothing else does for health.pb.cc (the health service itself is
  // gRPC's, on upb) or for the v1alpha messages (both versions are read
  // raw, as v1), so this does.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  (void)grpc::reflection::v1alpha::ServerReflectionRequest::descriptor();
  services.push_back(
      grpc::reflection::v1::ServerReflection::service_full_name());
  services.push_back(
      grpc::reflection::v1alpha::ServerReflection::service_full_name());
  for (const std::string& name : services) {
    if (google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name) == nullptr) {
      return absl::InternalError(
          absl::StrCat("reflection: no descriptor of the service '", name,
                       "' is compiled into the server"));
    }
  }
  return std::unique_ptr<ReflectionService>(
      new ReflectionService(std::move(services)));
}

ReflectionService::ReflectionService(std::vector<std::string> services)
    : services_(std::move(services)),
      v1_(std::make_unique<
          RawReflection<grpc::reflection::v1::ServerReflection>>(&services_)),
      v1alpha_(std::make_unique<
               RawReflection<grpc::reflection::v1alpha::ServerReflection>>(
          &services_)) {}

ReflectionService::~ReflectionService() = default;

void ReflectionService::RegisterOn(grpc::ServerBuilder& builder) {
  builder.RegisterService(v1_.get());
  builder.RegisterService(v1alpha_.get());
}

}  // namespace factcheck
