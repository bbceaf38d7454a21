#include "server/http_api.h"

#include <type_traits>

#include "absl/strings/str_cat.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "google/protobuf/empty.pb.h"
#include "server/http_json.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

// A route whose request is a `Request`, answered by `call(service,
// request)`, which returns absl::StatusOr of the response message.
template <typename Request, typename Call>
HttpApi::Route MakeRoute(absl::string_view verb, absl::string_view path,
                         absl::string_view method, Call call) {
  absl::StatusOr<PathTemplate> parsed = PathTemplate::Parse(path);
  // The templates are the constants below; one that does not parse is a
  // mistake in this file, caught by every test that starts the server.
  if (!parsed.ok()) std::abort();
  HttpApi::Route route{
      .verb = std::string(verb),
      .path = *std::move(parsed),
      .method =
          absl::StrCat("/", v1::FactCheck::service_full_name(), "/", method),
      .call = nullptr};
  const bool has_body = verb == "POST";
  route.call =
      [call, has_body](
          FactCheckService& service, const std::vector<PathBinding>& bindings,
          const HttpApiRequest& request) -> absl::StatusOr<std::string> {
    Request parsed_request;
    if (has_body) {
      if (absl::Status s = ParseJsonBody(request.body, &parsed_request);
          !s.ok()) {
        return s;
      }
    }
    if (absl::Status s = SetUrlFields(request.query, &parsed_request);
        !s.ok()) {
      return s;
    }
    if (absl::Status s = SetUrlFields(bindings, &parsed_request); !s.ok()) {
      return s;
    }
    auto response = call(service, parsed_request);
    if (!response.ok()) return response.status();
    return ToJson(*response);
  };
  return route;
}

}  // namespace

HttpApi::HttpApi(FactCheckService* service) : service_(service) {
  using S = FactCheckService;
  routes_.push_back(MakeRoute<v1::CheckTextRequest>(
      "POST", "/v1:checkText", "CheckText",
      [](S& s, const v1::CheckTextRequest& r) { return s.CheckText(r); }));
  routes_.push_back(MakeRoute<v1::ExtractTimexRequest>(
      "POST", "/v1:extractTimex", "ExtractTimex",
      [](S& s, const v1::ExtractTimexRequest& r) {
        return s.ExtractTimex(r);
      }));
  routes_.push_back(MakeRoute<v1::IngestSourceRequest>(
      "POST", "/v1/sources:ingest", "IngestSource",
      [](S& s, const v1::IngestSourceRequest& r) {
        return s.IngestSource(r);
      }));
  routes_.push_back(MakeRoute<v1::GetSourceRequest>(
      "GET", "/v1/{name=sources/*}", "GetSource",
      [](S& s, const v1::GetSourceRequest& r) { return s.GetSource(r); }));
  routes_.push_back(MakeRoute<v1::ListSourcesRequest>(
      "GET", "/v1/sources", "ListSources",
      [](S& s, const v1::ListSourcesRequest& r) { return s.ListSources(r); }));
  routes_.push_back(MakeRoute<v1::ListClaimsRequest>(
      "GET", "/v1/{parent=sources/*}/claims", "ListClaims",
      [](S& s, const v1::ListClaimsRequest& r) { return s.ListClaims(r); }));
  routes_.push_back(MakeRoute<v1::ListConflictsRequest>(
      "GET", "/v1/conflicts", "ListConflicts",
      [](S& s, const v1::ListConflictsRequest& r) {
        return s.ListConflicts(r);
      }));
  routes_.push_back(MakeRoute<v1::GetEventRequest>(
      "GET", "/v1/{name=events/*}", "GetEvent",
      [](S& s, const v1::GetEventRequest& r) { return s.GetEvent(r); }));
  routes_.push_back(MakeRoute<v1::ListEventsRequest>(
      "GET", "/v1/events", "ListEvents",
      [](S& s, const v1::ListEventsRequest& r) { return s.ListEvents(r); }));
  routes_.push_back(MakeRoute<v1::SearchEventsRequest>(
      "GET", "/v1/events:search", "SearchEvents",
      [](S& s, const v1::SearchEventsRequest& r) {
        return s.SearchEvents(r);
      }));
}

absl::StatusOr<HttpApi::Found> HttpApi::Find(absl::string_view verb,
                                             absl::string_view path) const {
  const Route* other_verb = nullptr;
  for (const Route& route : routes_) {
    std::optional<std::vector<PathBinding>> bindings = route.path.Match(path);
    if (!bindings.has_value()) continue;
    if (route.verb == verb) return Found{&route, *std::move(bindings)};
    other_verb = &route;
  }
  if (other_verb != nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        Quoted(path), " takes ", other_verb->verb, ", not ", Quoted(verb)));
  }
  return absl::NotFoundError(
      absl::StrCat("no method of the API at ", Quoted(path),
                   "; the methods are listed in README.md, \"HTTP and JSON\""));
}

absl::StatusOr<std::string> HttpApi::Call(const Found& found,
                                          const HttpApiRequest& request) const {
  if (absl::Status ready = service_->CheckReady(); !ready.ok()) return ready;
  return found.route->call(*service_, found.bindings, request);
}

}  // namespace factcheck
