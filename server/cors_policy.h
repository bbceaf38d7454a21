// Which web pages of other origins may call the HTTP API from a browser
// (CORS): exactly the origins the operator lists (--http_cors_origins),
// each "scheme://host[:port]" as a browser sends it in `Origin`.
//
// A browser sends `Origin` with every cross-origin request and with every
// POST. A request whose origin is neither the server's own (the editor
// page) nor listed is refused outright, not merely left without CORS
// headers: a page on any site can make a browser send a "simple" POST,
// and the answer's being unreadable to that page would not undo an
// IngestSource it made.
#ifndef FACTCHECK_SERVER_CORS_POLICY_H_
#define FACTCHECK_SERVER_CORS_POLICY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck {

class CorsPolicy {
 public:
  // No other origin allowed.
  CorsPolicy() = default;

  // Parses a comma-separated list of origins ("" for none).
  // InvalidArgument naming an entry that is not scheme://host[:port]
  // with scheme http or https, no path and no trailing slash ("*" is not
  // accepted: the API is not for every site).
  static absl::StatusOr<CorsPolicy> Parse(absl::string_view origins);

  // True when a request that carries `origin` may be served: it is
  // `own_origin` (the server's, from the request's Host) or listed.
  bool Allows(absl::string_view origin, absl::string_view own_origin) const;
  // True when `origin` is listed, so that answers to it carry
  // Access-Control-Allow-Origin.
  bool Lists(absl::string_view origin) const;

  const std::vector<std::string>& origins() const { return origins_; }

 private:
  std::vector<std::string> origins_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_CORS_POLICY_H_
