// Server reflection's answers (grpc.reflection.v1), read from protobuf's
// generated descriptor pool: it holds every .proto compiled into the
// server, ours, gRPC's health and reflection protos (proto/grpc/), and the
// google/protobuf files they import.
#ifndef FACTCHECK_SERVER_REFLECTION_H_
#define FACTCHECK_SERVER_REFLECTION_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"
#include "grpc/reflection/v1/reflection.pb.h"

namespace factcheck {

// Answers the requests of one reflection stream, in order.
//
// A file descriptor answer holds the file asked for, then those of its
// transitive dependencies that this stream has not been sent yet, each
// once. The spec lets a server leave out files sent earlier on the stream;
// without that, a client resolving one service after another gets
// descriptor.proto and every shared import again with each answer. The file
// asked for is sent even when it went out before (as another's dependency),
// since clients take an answer's first file as the one they asked for.
//
// Errors are answers too (error_response, with the gRPC status code and a
// message naming the value), and the stream goes on. Not thread-safe: a
// stream's requests come one at a time.
class ReflectionStream {
 public:
  // `services` are the full names list_services answers with; not owned,
  // and must outlive this.
  explicit ReflectionStream(const std::vector<std::string>* services);

  grpc::reflection::v1::ServerReflectionResponse Answer(
      const grpc::reflection::v1::ServerReflectionRequest& request);

 private:
  // The file that a file_by_filename, file_containing_symbol or
  // file_containing_extension request asks for; NotFound naming the value.
  static absl::StatusOr<const google::protobuf::FileDescriptor*> FileAskedFor(
      const grpc::reflection::v1::ServerReflectionRequest& request);
  // Adds the dependencies of `file` not sent yet, depth first.
  void AddUnsentDependencies(
      const google::protobuf::FileDescriptor* file,
      grpc::reflection::v1::FileDescriptorResponse* response);
  static void AddFile(const google::protobuf::FileDescriptor* file,
                      grpc::reflection::v1::FileDescriptorResponse* response);

  const std::vector<std::string>* services_;
  // Names of the files this stream has been sent.
  absl::flat_hash_set<std::string> files_sent_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_REFLECTION_H_
