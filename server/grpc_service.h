// The gRPC edge of the service: unpacks requests, calls FactCheckService,
// maps absl::Status to grpc::Status (in ToGrpcStatus, the one place), packs
// responses.
#ifndef FACTCHECK_SERVER_GRPC_SERVICE_H_
#define FACTCHECK_SERVER_GRPC_SERVICE_H_

#include "absl/status/status.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "server/fact_check_service.h"

namespace factcheck {

// absl and gRPC share their status codes; only the types differ.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Uses gRPC's callback API: handlers run on gRPC's own threads without a
// thread-per-call pool, and streams are driven by reactors whose next read
// is started only once the previous response is written, which is what
// gives StreamCheck its ordering and backpressure.
class GrpcFactCheckService final : public v1::FactCheck::CallbackService {
 public:
  explicit GrpcFactCheckService(FactCheckService* service)
      : service_(service) {}

  grpc::ServerUnaryReactor* CheckText(grpc::CallbackServerContext* context,
                                      const v1::CheckTextRequest* request,
                                      v1::CheckTextResponse* response) override;
  grpc::ServerBidiReactor<v1::CheckTextRequest, v1::CheckTextResponse>*
  StreamCheck(grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* IngestSource(
      grpc::CallbackServerContext* context,
      const v1::IngestSourceRequest* request,
      v1::IngestSourceResponse* response) override;
  grpc::ServerUnaryReactor* GetSource(grpc::CallbackServerContext* context,
                                      const v1::GetSourceRequest* request,
                                      v1::Source* response) override;
  grpc::ServerUnaryReactor* ListSources(
      grpc::CallbackServerContext* context,
      const v1::ListSourcesRequest* request,
      v1::ListSourcesResponse* response) override;
  grpc::ServerUnaryReactor* DeleteSource(
      grpc::CallbackServerContext* context,
      const v1::DeleteSourceRequest* request,
      google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListClaims(grpc::CallbackServerContext* context,
                                       const v1::ListClaimsRequest* request,
                                       v1::ListClaimsResponse* response) override;
  grpc::ServerUnaryReactor* CreateEvent(grpc::CallbackServerContext* context,
                                        const v1::CreateEventRequest* request,
                                        v1::Event* response) override;
  grpc::ServerUnaryReactor* GetEvent(grpc::CallbackServerContext* context,
                                     const v1::GetEventRequest* request,
                                     v1::Event* response) override;
  grpc::ServerUnaryReactor* UpdateEvent(grpc::CallbackServerContext* context,
                                        const v1::UpdateEventRequest* request,
                                        v1::Event* response) override;
  grpc::ServerUnaryReactor* DeleteEvent(grpc::CallbackServerContext* context,
                                        const v1::DeleteEventRequest* request,
                                        google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListEvents(grpc::CallbackServerContext* context,
                                       const v1::ListEventsRequest* request,
                                       v1::ListEventsResponse* response) override;
  grpc::ServerReadReactor<v1::ImportEventsRequest>* ImportEvents(
      grpc::CallbackServerContext* context,
      v1::ImportEventsResponse* response) override;

 private:
  FactCheckService* service_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_GRPC_SERVICE_H_
