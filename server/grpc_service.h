// The gRPC edge of the service: unpacks requests, calls FactCheckService,
// maps absl::Status to grpc::Status (in ToGrpcStatus, the one place), packs
// responses.
#ifndef FACTCHECK_SERVER_GRPC_SERVICE_H_
#define FACTCHECK_SERVER_GRPC_SERVICE_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "server/active_calls.h"
#include "server/fact_check_service.h"

namespace factcheck {

// absl and gRPC share their status codes; only the types differ. The
// message is made fit to send (SentMessage: valid UTF-8, at most 1 KiB),
// whatever it quotes.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Every method reads raw bytes and parses its request itself
// (unary_call.h, request_parser.h): gRPC's own parser answers a string that
// is not valid UTF-8, or bytes that are no message, with a bare
// UNIMPLEMENTED; these get INVALID_ARGUMENT naming the field or the
// message type.
using FactCheckServiceBase = v1::FactCheck::WithRawCallbackMethod_CheckText<
    v1::FactCheck::WithRawCallbackMethod_StreamCheck<v1::FactCheck::WithRawCallbackMethod_ExtractTimex<
        v1::FactCheck::WithRawCallbackMethod_IngestSource<v1::FactCheck::WithRawCallbackMethod_GetSource<
            v1::FactCheck::WithRawCallbackMethod_ListSources<v1::FactCheck::WithRawCallbackMethod_DeleteSource<
                v1::FactCheck::WithRawCallbackMethod_ListClaims<
                    v1::FactCheck::WithRawCallbackMethod_ListConflicts<
                        v1::FactCheck::WithRawCallbackMethod_CreateEvent<
                            v1::FactCheck::WithRawCallbackMethod_GetEvent<
                                v1::FactCheck::WithRawCallbackMethod_UpdateEvent<
                                    v1::FactCheck::WithRawCallbackMethod_DeleteEvent<
                                        v1::FactCheck::WithRawCallbackMethod_ListEvents<
                                            v1::FactCheck::WithRawCallbackMethod_SearchEvents<
                                                v1::FactCheck::
                                                    WithRawCallbackMethod_ImportEvents<
                                                        v1::FactCheck::
                                                            Service>>>>>>>>>>>>>>>>;

// Uses gRPC's callback API: handlers run on gRPC's own threads without a
// thread-per-call pool, and streams are driven by reactors whose next read
// is started only once the previous response is written, which is what
// gives StreamCheck its ordering and backpressure.
//
// Why this model (bench/load_bench.sh, README "Performance"): no handler
// blocks (CheckText is CPU-bound and takes no lock; IngestSource holds the
// store's writer lock for one RocksDB write), so the callback API runs each
// one inline on the thread that read the request, with no hand-off. The
// sync API would add a hand-off to its own pool and a pool size to tune,
// and on two cores more threads than cores only add switching for CPU-bound
// work; async completion queues would do what the callback API does with
// more code. The health check, served on the same threads, is the
// transport's ceiling; in the profile of CheckText under load the engine
// takes the largest share, gRPC about a tenth.
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
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListSources(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* DeleteSource(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListClaims(grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListConflicts(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* CreateEvent(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetEvent(grpc::CallbackServerContext* context,
                                     const grpc::ByteBuffer* request,
                                     grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* UpdateEvent(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* DeleteEvent(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListEvents(grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* SearchEvents(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ImportEvents(
      grpc::CallbackServerContext* context) override;

 private:
  // Serves a unary call of the service (ServeUnary, once the service is
  // ready).
  template <typename Request, typename Handler>
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* context,
                                  const grpc::ByteBuffer* request,
                                  grpc::ByteBuffer* response, Handler handler);

  FactCheckService* service_;
  ActiveCalls active_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_GRPC_SERVICE_H_
