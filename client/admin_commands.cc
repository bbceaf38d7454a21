// The commands of the Admin service: operations on the server itself.
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands.h"
#include "client/exit_code.h"
#include "client/import_progress.h"
#include "client/json_output.h"
#include "factcheck/v1/admin_service.pb.h"

namespace factcheck::client {

int BackupDatabase(Connection& connection, const OutputOptions& output,
                   absl::string_view directory) {
  v1::BackupDatabaseRequest request;
  request.set_directory(std::string(directory));
  v1::BackupDatabaseResponse response;
  const grpc::Status status = connection.admin_stub().BackupDatabase(
      connection.NewContext().get(), request, &response);
  if (!status.ok()) return connection.ReportFailure("BackupDatabase", status);
  if (output.json) return PrintJsonLine(response);
  absl::PrintF("backed up to %s on %s (%s)\n", response.directory(),
               connection.server(), FormatBytes(response.size_bytes()));
  return kExitOk;
}

}  // namespace factcheck::client
