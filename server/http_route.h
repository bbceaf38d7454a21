// A path template in the syntax of google.api.http annotations (AIP-127),
// matched against request paths:
//
//   /v1:checkText                 a literal path
//   /v1/{name=events/*}           /v1/events/kakhovka-dam-destruction binds
//                                 name = "events/kakhovka-dam-destruction"
//   /v1/{parent=sources/*}/claims /v1/sources/-/claims binds
//                                 parent = "sources/-"
//
// A segment is literal text or "*" (one segment, not empty); a variable
// binds the segments of its pattern, joined by "/", to a field of the
// request. That is the subset the FactCheck methods use: no "**", no
// nested fields.
#ifndef FACTCHECK_SERVER_HTTP_ROUTE_H_
#define FACTCHECK_SERVER_HTTP_ROUTE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck {

// A field of the request and the value a path gave it.
using PathBinding = std::pair<std::string, std::string>;

class PathTemplate {
 public:
  // Parses `text`, which starts with "/"; InvalidArgument naming it when it
  // is not a template of the subset above. Templates are written in the
  // server's code, so a failure is a programming error.
  static absl::StatusOr<PathTemplate> Parse(absl::string_view text);

  // The bindings of `path` (already percent-decoded), or nullopt when it
  // does not match.
  std::optional<std::vector<PathBinding>> Match(absl::string_view path) const;

  const std::string& text() const { return text_; }

 private:
  struct Segment {
    std::string literal = {};  // Empty for "*".
    // The field a variable binds, on its first segment; the variable runs
    // to the segment whose `ends_variable` is set.
    std::string variable = {};
    bool ends_variable = false;
  };

  std::string text_;
  std::vector<Segment> segments_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_ROUTE_H_
