// The gRPC edge of the Admin service (admin_service.proto): operations on
// the server itself, such as backups. Kept apart from the FactCheck service
// so that access to it can be granted apart.
#ifndef FACTCHECK_SERVER_GRPC_ADMIN_SERVICE_H_
#define FACTCHECK_SERVER_GRPC_ADMIN_SERVICE_H_

#include "absl/time/time.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "server/fact_check_service.h"
#include "server/grpc_service.h"

namespace factcheck {

// Callback API, as GrpcFactCheckService, and like it reading raw bytes
// (unary_call.h) so that a bad request gets INVALID_ARGUMENT. A backup
// blocks a gRPC thread while RocksDB flushes and links files (well under a
// second for our databases); backups are rare enough that this needs no
// thread of its own.
class GrpcAdminService final
    : public v1::Admin::WithRawCallbackMethod_BackupDatabase<
          v1::Admin::Service> {
 public:
  explicit GrpcAdminService(FactCheckService* service) : service_(service) {}

  // Waits until no call is in progress, or until `deadline`: a drain lets
  // a backup that has started finish.
  bool WaitUntilIdle(absl::Time deadline) {
    return active_.WaitUntilIdle(deadline);
  }

  grpc::ServerUnaryReactor* BackupDatabase(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;

 private:
  FactCheckService* service_;
  ActiveCalls active_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_GRPC_ADMIN_SERVICE_H_
