#include "client/json_output.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "client/exit_code.h"
#include "google/protobuf/util/json_util.h"

namespace factcheck::client {

absl::StatusOr<std::string> MessageToJsonLine(
    const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot write ",
                                            message.GetTypeName(),
                                            " as JSON: ", status.ToString()));
  }
  return json;
}

int PrintJsonLine(const google::protobuf::Message& message) {
  const absl::StatusOr<std::string> json = MessageToJsonLine(message);
  if (!json.ok()) {
    absl::FPrintF(stderr, "factcheck: %s\n", json.status().message());
    return kExitFailure;
  }
  absl::PrintF("%s\n", *json);
  return kExitOk;
}

absl::StatusOr<std::string> CheckResultToJsonLine(
    absl::string_view file, const v1::CheckTextResponse& response) {
  absl::StatusOr<std::string> json = MessageToJsonLine(response);
  if (!json.ok()) return json.status();
  absl::string_view members = *json;
  // The mapping always writes an object; splice "file" in as its first
  // member rather than parse and rewrite it.
  if (!absl::ConsumePrefix(&members, "{")) {
    return absl::InternalError(absl::StrCat("unexpected JSON: ", *json));
  }
  const bool empty = absl::StartsWith(members, "}");
  return absl::StrCat("{\"file\":", JsonQuote(file), empty ? "" : ",", members);
}

std::string ClaimReviewsToJsonLine(const v1::CheckTextResponse& response) {
  return absl::StrCat("[", absl::StrJoin(response.claim_reviews(), ","), "]");
}

}  // namespace factcheck::client
