#include "server/grpc_admin_service.h"

#include "server/unary_call.h"

namespace factcheck {

grpc::ServerUnaryReactor* GrpcAdminService::BackupDatabase(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  // No readiness check: a backup of a server still loading its reference
  // data is a backup of what is stored.
  return ServeUnary<v1::BackupDatabaseRequest>(
      context, active_, absl::OkStatus(), *request, response,
      [this](const v1::BackupDatabaseRequest& r) {
        return service_->BackupDatabase(r);
      });
}

}  // namespace factcheck
