// Requests and responses of the HTTP edge in protobuf's JSON mapping
// (google::protobuf::util::JsonStringToMessage and MessageToJsonString),
// with the fields a URL gives (path variables and query parameters) as
// AIP-127 maps them.
#ifndef FACTCHECK_SERVER_HTTP_JSON_H_
#define FACTCHECK_SERVER_HTTP_JSON_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace factcheck {

// The deepest a request body may nest arrays and objects. The deepest
// request, an IngestSourceRequest, needs 3; protobuf's JSON parser bounds
// the nesting of messages but not of arrays, and builds a tree for them
// at hundreds of bytes a bracket (see kMaxEventNesting), so a deeper body
// is refused before it is parsed.
inline constexpr std::size_t kMaxRequestNesting = 32;

// Parses `body` into `message`. An empty body is an empty message. Fields
// may be named as in the .proto or in lowerCamelCase; an unknown field is
// an error, so that a typo in a hand-written request is caught rather than
// ignored. InvalidArgument naming the message type and the problem
// ("the request body is not a valid factcheck.v1.CheckTextRequest in
// JSON: ...").
absl::Status ParseJsonBody(absl::string_view body,
                           google::protobuf::Message* message);

// Sets the fields a URL names: each (field, value) of `fields`, a path
// variable or a query parameter, into the singular scalar field of that
// name (as in the .proto or in lowerCamelCase) of `message`, read as
// protobuf's JSON mapping reads a string of that type (`page_size=20`,
// `include_unverifiable=true`). InvalidArgument naming the parameter when
// there is no such field, it is a message or repeated field, or the value
// does not read as its type.
absl::Status SetUrlFields(
    const std::vector<std::pair<std::string, std::string>>& fields,
    google::protobuf::Message* message);

// `message` in protobuf's JSON mapping: lowerCamelCase names, enums by
// name, and fields at their default value written too (0, false, "", []),
// so that a JavaScript client reads `utf16Begin: 0` rather than undefined.
// Internal when it cannot be printed.
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_JSON_H_
