#include "server/http_json.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/document/text.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "server/event_lines.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

using google::protobuf::FieldDescriptor;

absl::Status NotValid(const google::protobuf::Message& message,
                      absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("the request body is not a valid ",
                   message.GetDescriptor()->full_name(), " in JSON: ", why));
}

const FieldDescriptor* FindField(const google::protobuf::Descriptor* type,
                                 const std::string& name) {
  if (const FieldDescriptor* f = type->FindFieldByName(name)) return f;
  return type->FindFieldByCamelcaseName(name);
}

}  // namespace

absl::Status ParseJsonBody(absl::string_view body,
                           google::protobuf::Message* message) {
  if (absl::StripAsciiWhitespace(body).empty()) return absl::OkStatus();
  if (const std::size_t nesting = JsonNesting(body);
      nesting > kMaxRequestNesting) {
    return NotValid(*message, absl::StrCat("arrays and objects nested ",
                                           nesting, " deep, over the limit of ",
                                           kMaxRequestNesting));
  }
  // Protobuf's own error would say only "Encountered non UTF-8 code
  // points"; this names the byte.
  if (absl::Status s = ValidateUtf8(body, "the request body"); !s.ok()) {
    return s;
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      std::string(body), message, options);
  if (!parsed.ok()) return NotValid(*message, parsed.message().as_string());
  return absl::OkStatus();
}

absl::Status SetUrlFields(
    const std::vector<std::pair<std::string, std::string>>& fields,
    google::protobuf::Message* message) {
  const google::protobuf::Descriptor* type = message->GetDescriptor();
  const google::protobuf::Reflection* reflection = message->GetReflection();
  for (const auto& entry : fields) {
    // Not a structured binding: the lambda below captures them, which
    // clang 14 (the fuzzers' compiler) does not allow.
    const std::string& name = entry.first;
    const std::string& value = entry.second;
    const FieldDescriptor* field = FindField(type, name);
    if (field == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown parameter ", Quoted(name), " for ", type->full_name()));
    }
    if (absl::Status s = ValidateUtf8(value, name); !s.ok()) return s;
    const auto bad_value = [&](absl::string_view kind) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter ", name, " is ", Quoted(value), ", not ", kind));
    };
    if (field->is_repeated() ||
        field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter ", name,
                       " names a field that a URL cannot set; send it "
                       "in the request body"));
    }
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        reflection->SetString(message, field, value);
        break;
      case FieldDescriptor::CPPTYPE_INT32: {
        int32_t n = 0;
        if (!absl::SimpleAtoi(value, &n)) return bad_value("an integer");
        reflection->SetInt32(message, field, n);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        int64_t n = 0;
        if (!absl::SimpleAtoi(value, &n)) return bad_value("an integer");
        reflection->SetInt64(message, field, n);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        if (value != "true" && value != "false") {
          return bad_value("true or false");
        }
        reflection->SetBool(message, field, value == "true");
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const google::protobuf::EnumValueDescriptor* e =
            field->enum_type()->FindValueByName(value);
        if (e == nullptr) {
          return bad_value(absl::StrCat("a ", field->enum_type()->name()));
        }
        reflection->SetEnum(message, field, e);
        break;
      }
      default:
        return absl::InvalidArgumentError(
            absl::StrCat("parameter ", name,
                         " names a field that a URL cannot set; send "
                         "it in the request body"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string json;
  const auto printed =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!printed.ok()) {
    return absl::InternalError(
        absl::StrCat("the response could not be written as JSON: ",
                     printed.message().as_string()));
  }
  return json;
}

}  // namespace factcheck
