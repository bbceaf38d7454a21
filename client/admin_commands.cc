// The commands of the Admin service and the health check: operations on
// the server itself.
#include <future>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "client/commands.h"
#include "client/exit_code.h"
#include "client/import_progress.h"
#include "client/json_output.h"
#include "factcheck/v1/admin_service.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/slice.h"

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

int Health(Connection& connection, const OutputOptions& output) {
  // grpc.health.v1.Health/Check for the whole server: the request is an
  // empty HealthCheckRequest, the answer a HealthCheckResponse whose one
  // field (1, varint) is the status. Read by hand: the project builds no
  // stubs for gRPC's own protos.
  grpc::GenericStub generic(connection.channel());
  const std::unique_ptr<grpc::ClientContext> context = connection.NewContext();
  // An empty message is still one slice: a ByteBuffer never filled is
  // no message at all to gRPC.
  grpc::Slice empty;
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  generic.UnaryCall(context.get(), "/grpc.health.v1.Health/Check",
                    grpc::StubOptions(), &request, &response,
                    [&done](grpc::Status s) { done.set_value(std::move(s)); });
  const grpc::Status status = done.get_future().get();
  if (!status.ok()) return connection.ReportFailure("Health/Check", status);
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (response.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  // UNKNOWN (0) is the default, sent as no bytes at all.
  int code = 0;
  if (bytes.size() == 2 && bytes[0] == 0x08) code = bytes[1];
  static const char* const kNames[] = {"UNKNOWN", "SERVING", "NOT_SERVING",
                                       "SERVICE_UNKNOWN"};
  const char* name = code >= 0 && code <= 3 ? kNames[code] : "UNKNOWN";
  if (output.json) {
    absl::PrintF("{\"status\":\"%s\"}\n", name);
  } else {
    absl::PrintF("%s\n", name);
  }
  return code == 1 ? kExitOk : kExitNotServing;
}

}  // namespace factcheck::client
