#include "server/grpc_admin_service.h"

#include <utility>

namespace factcheck {

grpc::ServerUnaryReactor* GrpcAdminService::BackupDatabase(
    grpc::CallbackServerContext* context,
    const v1::BackupDatabaseRequest* request,
    v1::BackupDatabaseResponse* response) {
  active_.Begin();
  absl::StatusOr<v1::BackupDatabaseResponse> result =
      service_->BackupDatabase(*request);
  if (result.ok()) *response = *std::move(result);
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(result.status()));
  active_.End();
  return reactor;
}

}  // namespace factcheck
