#include "server/reflection.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.pb.h"

namespace factcheck {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using grpc::reflection::v1::ServerReflectionRequest;
using grpc::reflection::v1::ServerReflectionResponse;

const DescriptorPool& Pool() { return *DescriptorPool::generated_pool(); }

absl::StatusOr<const Descriptor*> MessageType(const std::string& name) {
  const Descriptor* type = Pool().FindMessageTypeByName(name);
  if (type == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("no message type named '", name, "'"));
  }
  return type;
}

}  // namespace

ReflectionStream::ReflectionStream(const std::vector<std::string>* services)
    : services_(services) {}

absl::StatusOr<const FileDescriptor*> ReflectionStream::FileAskedFor(
    const ServerReflectionRequest& request) {
  switch (request.message_request_case()) {
    case ServerReflectionRequest::kFileByFilename: {
      const FileDescriptor* file =
          Pool().FindFileByName(request.file_by_filename());
      if (file == nullptr) {
        return absl::NotFoundError(
            absl::StrCat("no file named '", request.file_by_filename(), "'"));
      }
      return file;
    }
    case ServerReflectionRequest::kFileContainingSymbol: {
      const FileDescriptor* file =
          Pool().FindFileContainingSymbol(request.file_containing_symbol());
      if (file == nullptr) {
        return absl::NotFoundError(absl::StrCat(
            "no symbol named '", request.file_containing_symbol(), "'"));
      }
      return file;
    }
    case ServerReflectionRequest::kFileContainingExtension: {
      const auto& asked = request.file_containing_extension();
      absl::StatusOr<const Descriptor*> type =
          MessageType(asked.containing_type());
      if (!type.ok()) return type.status();
      const FieldDescriptor* extension =
          Pool().FindExtensionByNumber(*type, asked.extension_number());
      if (extension == nullptr) {
        return absl::NotFoundError(
            absl::StrCat("no extension ", asked.extension_number(), " of '",
                         asked.containing_type(), "'"));
      }
      return extension->file();
    }
    default:
      return absl::InternalError("not a file request");
  }
}

ServerReflectionResponse ReflectionStream::Answer(
    const ServerReflectionRequest& request) {
  ServerReflectionResponse response;
  response.set_valid_host(request.host());
  *response.mutable_original_request() = request;
  absl::Status status;
  switch (request.message_request_case()) {
    case ServerReflectionRequest::kListServices:
      for (const std::string& name : *services_) {
        response.mutable_list_services_response()->add_service()->set_name(
            name);
      }
      break;
    case ServerReflectionRequest::kAllExtensionNumbersOfType: {
      absl::StatusOr<const Descriptor*> type =
          MessageType(request.all_extension_numbers_of_type());
      if (!type.ok()) {
        status = type.status();
        break;
      }
      std::vector<const FieldDescriptor*> extensions;
      Pool().FindAllExtensions(*type, &extensions);
      auto* numbers = response.mutable_all_extension_numbers_response();
      numbers->set_base_type_name((*type)->full_name());
      for (const FieldDescriptor* e : extensions) {
        numbers->add_extension_number(e->number());
      }
      break;
    }
    case ServerReflectionRequest::kFileByFilename:
    case ServerReflectionRequest::kFileContainingSymbol:
    case ServerReflectionRequest::kFileContainingExtension: {
      absl::StatusOr<const FileDescriptor*> file = FileAskedFor(request);
      if (!file.ok()) {
        status = file.status();
        break;
      }
      auto* files = response.mutable_file_descriptor_response();
      AddFile(*file, files);
      files_sent_.insert((*file)->name());
      AddUnsentDependencies(*file, files);
      break;
    }
    case ServerReflectionRequest::MESSAGE_REQUEST_NOT_SET:
      status = absl::UnimplementedError(
          "the request sets none of the fields this server knows "
          "(file_by_filename, file_containing_symbol, "
          "file_containing_extension, all_extension_numbers_of_type, "
          "list_services)");
      break;
  }
  if (!status.ok()) {
    auto* error = response.mutable_error_response();
    // absl's status codes are gRPC's, number for number.
    error->set_error_code(static_cast<int>(status.code()));
    error->set_error_message(std::string(status.message()));
  }
  return response;
}

void ReflectionStream::AddUnsentDependencies(
    const FileDescriptor* file,
    grpc::reflection::v1::FileDescriptorResponse* response) {
  for (int i = 0; i < file->dependency_count(); ++i) {
    const FileDescriptor* dependency = file->dependency(i);
    if (!files_sent_.insert(dependency->name()).second) continue;
    AddFile(dependency, response);
    AddUnsentDependencies(dependency, response);
  }
}

void ReflectionStream::AddFile(
    const FileDescriptor* file,
    grpc::reflection::v1::FileDescriptorResponse* response) {
  google::protobuf::FileDescriptorProto proto;
  file->CopyTo(&proto);
  response->add_file_descriptor_proto(proto.SerializeAsString());
}

}  // namespace factcheck
