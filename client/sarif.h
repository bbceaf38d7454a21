// SARIF 2.1.0 output (`check --format sarif`): one log for all checked
// documents, so that review tools that annotate code (GitHub code scanning,
// GitLab, Azure DevOps, SARIF viewers in editors) can annotate a draft.
#ifndef FACTCHECK_CLIENT_SARIF_H_
#define FACTCHECK_CLIENT_SARIF_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "client/document.h"
#include "factcheck/v1/fact_check_service.pb.h"

namespace factcheck::client {

// A document with the server's answer for it.
struct CheckedDocument {
  const Document* document = nullptr;
  v1::CheckTextResponse response;
};

// One SARIF log (one run of tool "factcheck") with a result per finding of
// each document without an error: ruleId the finding's kind, level "error"
// for CONTRADICTED, "warning" for UNVERIFIABLE or WARNING severity, "note"
// otherwise; the region of the claim's date in the original file (lines and
// columns 1-based, columns in code points as run.columnKind says, endColumn
// one past the last character); the suggestion as a fix. Pretty-printed,
// ending with a newline.
std::string RenderSarif(const std::vector<CheckedDocument>& documents);

// `path` as a relative URI reference: percent-encodes every byte but
// unreserved characters and "/".
std::string PathToUri(absl::string_view path);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_SARIF_H_
