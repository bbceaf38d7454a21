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

// How a log is written.
struct SarifOptions {
  // --all: SUPPORTED findings without a warning too, as "note" results.
  // Left out by default:
  // code-scanning views list every result, and in news copy most claims
  // are supported, which would bury the few that need an edit.
  bool include_supported = false;
  // The absolute directory relative paths are relative to (the CLI's
  // working directory): run.originalUriBaseIds names it SRCROOT.
  std::string base_directory;
};

// One SARIF log (one run of tool "factcheck", with its version and
// informationUri, each rule with a name and a helpUri) with a result per
// finding of each document without an error: ruleId the finding's kind,
// level "error" for CONTRADICTED, "warning" for UNVERIFIABLE or WARNING
// severity, "note" otherwise; the region of the claim's date in the
// original file (lines and columns 1-based, columns in code points as
// run.columnKind says, endColumn one past the last character); the
// suggestion as a fix. A document's location is a file:// URI for an
// absolute path, a relative one with uriBaseId SRCROOT otherwise (SARIF
// readers refuse a path that starts with "/" as a URI). Pretty-printed,
// ending with a newline.
std::string RenderSarif(const std::vector<CheckedDocument>& documents,
                        const SarifOptions& options);

// `path` as a relative URI reference: percent-encodes every byte but
// unreserved characters and "/".
std::string PathToUri(absl::string_view path);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_SARIF_H_
