// The FactCheck methods served as JSON over HTTP, mapped as google.api.http
// annotations map them (AIP-127, AIP-136 for the custom methods):
//
//   POST /v1:checkText                    CheckText     body: the request
//   POST /v1:extractTimex                 ExtractTimex  body: the request
//   POST /v1/sources:ingest               IngestSource  body: the request
//   GET  /v1/{name=sources/*}             GetSource
//   GET  /v1/sources                      ListSources
//   GET  /v1/{parent=sources/*}/claims    ListClaims    (sources/- for all)
//   GET  /v1/conflicts                    ListConflicts
//   GET  /v1/{name=events/*}              GetEvent
//   GET  /v1/events                       ListEvents
//   GET  /v1/events:search                SearchEvents
//
// Bodies and answers are protobuf's JSON mapping of the messages
// (http_json.h); the fields of a GET come from the path and the query
// string (`?page_size=20&page_token=...`). The streaming methods stay on
// gRPC, and so do the reference events' changes and deletions, which are
// administrators' work and not an editor's.
//
// Every route calls the FactCheckService method the gRPC edge calls, so
// limits, validation and readiness are the same on both.
#ifndef FACTCHECK_SERVER_HTTP_API_H_
#define FACTCHECK_SERVER_HTTP_API_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/fact_check_service.h"
#include "server/http_route.h"

namespace factcheck {

// What a request brings besides its route: the JSON body (for POST) and
// the query parameters, in order.
struct HttpApiRequest {
  absl::string_view body;
  std::vector<std::pair<std::string, std::string>> query;
};

class HttpApi {
 public:
  struct Route {
    std::string verb;  // "GET" or "POST".
    PathTemplate path;
    // The gRPC method's full name ("/factcheck.v1.FactCheck/CheckText"):
    // what the access policy, the metrics and the log know it by.
    std::string method;
    // Parses the request (body, then the path's bindings and the query,
    // which win over the body), calls the service, prints the answer.
    std::function<absl::StatusOr<std::string>(FactCheckService&,
                                              const std::vector<PathBinding>&,
                                              const HttpApiRequest&)>
        call;
  };

  // A route found for a request: the route and what its path bound.
  struct Found {
    const Route* route = nullptr;
    std::vector<PathBinding> bindings;
  };

  // `service` must outlive this.
  explicit HttpApi(FactCheckService* service);

  // The route for `verb` and `path` (percent-decoded). When none matches,
  // NotFound naming the path; when the path is served under another verb
  // only, FailedPrecondition "... takes GET" (the HTTP edge answers 405).
  absl::StatusOr<Found> Find(absl::string_view verb,
                             absl::string_view path) const;

  // Answers `found` with the service's answer as JSON, or the first
  // failure: not ready (UNAVAILABLE while the reference loads), a body or
  // parameter that does not parse (INVALID_ARGUMENT), or the service's own
  // status.
  absl::StatusOr<std::string> Call(const Found& found,
                                   const HttpApiRequest& request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  FactCheckService* service_;
  std::vector<Route> routes_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_HTTP_API_H_
