#include "server/request_parser.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/document/text.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/unknown_field_set.h"

namespace factcheck {
namespace {

// Walks the wire form of a message of type `type` without validating
// strings, and validates each string field itself, so that the error can
// name the field. Recurses into message fields.
absl::Status FindInvalidString(const std::string& bytes,
                               const google::protobuf::Descriptor* type,
                               const std::string& path) {
  google::protobuf::UnknownFieldSet fields;
  if (!fields.ParseFromString(bytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the request is not a valid ", type->full_name(), " message"));
  }
  for (int i = 0; i < fields.field_count(); ++i) {
    const google::protobuf::UnknownField& f = fields.field(i);
    if (f.type() != google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED)
      continue;
    const google::protobuf::FieldDescriptor* field =
        type->FindFieldByNumber(f.number());
    if (field == nullptr) continue;
    const std::string name =
        path.empty() ? field->name() : absl::StrCat(path, ".", field->name());
    if (field->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
      if (absl::Status s = ValidateUtf8(f.length_delimited(), name); !s.ok())
        return s;
    } else if (field->type() ==
               google::protobuf::FieldDescriptor::TYPE_MESSAGE) {
      if (absl::Status s = FindInvalidString(f.length_delimited(),
                                             field->message_type(), name);
          !s.ok())
        return s;
    }
  }
  return absl::OkStatus();
}

google::protobuf::LogHandler* previous_log_handler = nullptr;

void LogUnlessUtf8ParseError(google::protobuf::LogLevel level,
                             const char* filename, int line,
                             const std::string& message) {
  // Protobuf 3.21's wording (wire_format_lite.cc).
  if (absl::StrContains(message, "contains invalid UTF-8 data")) return;
  if (previous_log_handler != nullptr) {
    previous_log_handler(level, filename, line, message);
  }
}

}  // namespace

void DropProtobufUtf8ParseErrors() {
  static const bool installed = [] {
    previous_log_handler =
        google::protobuf::SetLogHandler(&LogUnlessUtf8ParseError);
    return true;
  }();
  (void)installed;
}

absl::Status ParseRequest(const grpc::ByteBuffer& buffer,
                          google::protobuf::Message* message) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) {
    return absl::InvalidArgumentError("the request could not be read");
  }
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  // Protobuf logs each bad string it meets (unless
  // DropProtobufUtf8ParseErrors was called); the caller gets a better
  // message than the log would.
  if (message->ParseFromString(bytes)) return absl::OkStatus();
  // The slow path, only for bad requests: find out what was wrong.
  if (absl::Status s = FindInvalidString(bytes, message->GetDescriptor(), "");
      !s.ok())
    return s;
  return absl::InvalidArgumentError(
      absl::StrCat("the request is not a valid ",
                   message->GetDescriptor()->full_name(), " message"));
}

absl::Status SerializeResponse(const google::protobuf::Message& message,
                               grpc::ByteBuffer* buffer) {
  std::string bytes;
  // SerializeToString fails on a message over protobuf's 2 GB limit (the
  // service bounds its answers well below; this is the last guard).
  if (!message.SerializeToString(&bytes)) {
    *buffer = grpc::ByteBuffer();
    return absl::InternalError(
        absl::StrCat("the response (", message.ByteSizeLong(),
                     " bytes) could not be serialized"));
  }
  grpc::Slice slice(std::move(bytes));
  *buffer = grpc::ByteBuffer(&slice, 1);
  return absl::OkStatus();
}

}  // namespace factcheck
