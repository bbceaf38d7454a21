#include "tests/e2e/stored_records.h"

#include <chrono>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"

namespace factcheck::testing {
namespace {

// The largest page the server gives by default (--max_page_size).
constexpr int kPageSize = 1000;

absl::Status FromGrpc(const grpc::Status& status, const char* method) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(method, ": ", status.error_message()));
}

// Calls `method` of `stub` for every page, handing each response to `take`.
template <typename Request, typename Response, typename Take>
absl::Status ForEachPage(v1::FactCheck::Stub& stub,
                         grpc::Status (v1::FactCheck::Stub::*method)(
                             grpc::ClientContext*, const Request&, Response*),
                         const char* method_name, Request request, Take take) {
  request.set_page_size(kPageSize);
  do {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    Response response;
    const grpc::Status status = (stub.*method)(&context, request, &response);
    if (!status.ok()) return FromGrpc(status, method_name);
    request.set_page_token(response.next_page_token());
    take(response);
  } while (!request.page_token().empty());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<StoredRecords> ReadStoredRecords(v1::FactCheck::Stub& stub) {
  StoredRecords records;
  absl::Status sources =
      ForEachPage(stub, &v1::FactCheck::Stub::ListSources, "ListSources",
                  v1::ListSourcesRequest(), [&](v1::ListSourcesResponse& page) {
                    for (v1::Source& source : *page.mutable_sources()) {
                      records.sources.push_back(std::move(source));
                    }
                  });
  if (!sources.ok()) return sources;
  v1::ListClaimsRequest all_claims;
  all_claims.set_parent("sources/-");
  absl::Status claims =
      ForEachPage(stub, &v1::FactCheck::Stub::ListClaims, "ListClaims",
                  all_claims, [&](v1::ListClaimsResponse& page) {
                    for (v1::Finding& claim : *page.mutable_findings()) {
                      records.claims.push_back(std::move(claim));
                    }
                  });
  if (!claims.ok()) return claims;
  return records;
}

std::string SourceOfClaim(const v1::Finding& claim) {
  const std::string& name = claim.claim().name();
  return name.substr(0, name.find("/claims/"));
}

}  // namespace factcheck::testing
