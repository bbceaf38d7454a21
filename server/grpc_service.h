// The gRPC edge of the service: unpacks requests, calls FactCheckService,
// maps absl::Status to grpc::Status (in ToGrpcStatus, the one place), packs
// responses.
#ifndef FACTCHECK_SERVER_GRPC_SERVICE_H_
#define FACTCHECK_SERVER_GRPC_SERVICE_H_

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "server/fact_check_service.h"

namespace factcheck {

// absl and gRPC share their status codes; only the types differ.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Counts the calls in progress so that a drain can wait for them, and no
// longer: gRPC's Server::Shutdown waits out its whole deadline while any
// client keeps an idle connection open.
class ActiveCalls {
 public:
  void Begin() {
    absl::MutexLock lock(&mu_);
    ++active_;
  }
  void End() {
    absl::MutexLock lock(&mu_);
    --active_;
  }
  // True when no call was active before `deadline`.
  bool WaitUntilIdle(absl::Time deadline) {
    absl::MutexLock lock(&mu_);
    return mu_.AwaitWithDeadline(
        absl::Condition(
            +[](int* active) { return *active == 0; }, &active_),
        deadline);
  }

 private:
  absl::Mutex mu_;
  int active_ ABSL_GUARDED_BY(mu_) = 0;
};

// The methods that carry free text read raw bytes, so that text that is not
// valid UTF-8 gets INVALID_ARGUMENT naming the field (see
// request_parser.h) rather than gRPC's bare UNIMPLEMENTED.
using FactCheckServiceBase = v1::FactCheck::WithRawCallbackMethod_CheckText<
    v1::FactCheck::WithRawCallbackMethod_StreamCheck<v1::FactCheck::WithRawCallbackMethod_ExtractTimex<
        v1::FactCheck::WithRawCallbackMethod_IngestSource<v1::FactCheck::WithCallbackMethod_GetSource<
            v1::FactCheck::WithCallbackMethod_ListSources<v1::FactCheck::WithCallbackMethod_DeleteSource<
                v1::FactCheck::WithCallbackMethod_ListClaims<
                    v1::FactCheck::WithCallbackMethod_ListConflicts<
                        v1::FactCheck::WithRawCallbackMethod_CreateEvent<
                            v1::FactCheck::WithCallbackMethod_GetEvent<
                                v1::FactCheck::WithRawCallbackMethod_UpdateEvent<
                                    v1::FactCheck::WithCallbackMethod_DeleteEvent<
                                        v1::FactCheck::WithCallbackMethod_ListEvents<
                                            v1::FactCheck::WithRawCallbackMethod_SearchEvents<
                                                v1::FactCheck::
                                                    WithCallbackMethod_ImportEvents<
                                                        v1::FactCheck::
                                                            Service>>>>>>>>>>>>>>>>;

// Uses gRPC's callback API: handlers run on gRPC's own threads without a
// thread-per-call pool, and streams are driven by reactors whose next read
// is started only once the previous response is written, which is what
// gives StreamCheck its ordering and backpressure.
class GrpcFactCheckService final : public FactCheckServiceBase {
 public:
  explicit GrpcFactCheckService(FactCheckService* service)
      : service_(service) {}

  // Waits until no call is in progress, or until `deadline`.
  bool WaitUntilIdle(absl::Time deadline) {
    return active_.WaitUntilIdle(deadline);
  }

  grpc::ServerUnaryReactor* CheckText(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* StreamCheck(
      grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* ExtractTimex(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* IngestSource(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
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
  grpc::ServerUnaryReactor* ListClaims(
      grpc::CallbackServerContext* context,
      const v1::ListClaimsRequest* request,
      v1::ListClaimsResponse* response) override;
  grpc::ServerUnaryReactor* ListConflicts(
      grpc::CallbackServerContext* context,
      const v1::ListConflictsRequest* request,
      v1::ListConflictsResponse* response) override;
  grpc::ServerUnaryReactor* CreateEvent(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetEvent(grpc::CallbackServerContext* context,
                                     const v1::GetEventRequest* request,
                                     v1::Event* response) override;
  grpc::ServerUnaryReactor* UpdateEvent(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* DeleteEvent(
      grpc::CallbackServerContext* context,
      const v1::DeleteEventRequest* request,
      google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListEvents(
      grpc::CallbackServerContext* context,
      const v1::ListEventsRequest* request,
      v1::ListEventsResponse* response) override;
  grpc::ServerUnaryReactor* SearchEvents(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerBidiReactor<v1::ImportEventsRequest, v1::ImportEventsResponse>*
  ImportEvents(grpc::CallbackServerContext* context) override;

 private:
  // Unary calls: counts the call, runs `handler` and finishes.
  template <typename Response, typename Handler>
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* context,
                                  Response* response, Handler handler);
  // Raw unary calls: parses a `Request`, then as Unary.
  template <typename Request, typename Handler>
  grpc::ServerUnaryReactor* RawUnary(grpc::CallbackServerContext* context,
                                     const grpc::ByteBuffer* request,
                                     grpc::ByteBuffer* response,
                                     Handler handler);

  FactCheckService* service_;
  ActiveCalls active_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_GRPC_SERVICE_H_
