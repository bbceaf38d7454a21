// Machine-readable output (--json): protobuf's JSON mapping of responses,
// one object per line so that output can be piped to jq or read as JSON
// Lines.
#ifndef FACTCHECK_CLIENT_JSON_OUTPUT_H_
#define FACTCHECK_CLIENT_JSON_OUTPUT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/document/json_string.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "google/protobuf/message.h"

namespace factcheck::client {

// `message` as one line of JSON with the .proto field names and every
// field, defaults included, so that consumers need not know the defaults.
absl::StatusOr<std::string> MessageToJsonLine(
    const google::protobuf::Message& message);

// Prints `message` as MessageToJsonLine writes it, on stdout. Returns the
// exit code: kExitFailure, with the reason on stderr, when it cannot be
// written as JSON.
int PrintJsonLine(const google::protobuf::Message& message);

// `response` as one line of JSON with a leading "file" member naming the
// document it is for.
absl::StatusOr<std::string> CheckResultToJsonLine(
    absl::string_view file, const v1::CheckTextResponse& response);

// `check --format claimreview`: the response's ClaimReview JSON-LD objects
// as one JSON array on one line ("[]" when nothing is contradicted), ready
// to embed in a <script type="application/ld+json"> element.
std::string ClaimReviewsToJsonLine(const v1::CheckTextResponse& response);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_JSON_OUTPUT_H_
