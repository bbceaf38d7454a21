// What a server holds about sources, read back through its API: what the
// durability tests (crash, backup) compare with what they were told.
#ifndef FACTCHECK_TESTS_E2E_STORED_RECORDS_H_
#define FACTCHECK_TESTS_E2E_STORED_RECORDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"

namespace factcheck::testing {

struct StoredRecords {
  // Every source, in id order, without its text (as ListSources gives it).
  std::vector<v1::Source> sources;
  // Every claim with its finding, by source then claim number (ListClaims
  // of `sources/-`).
  std::vector<v1::Finding> claims;
};

// Reads every page of ListSources and of ListClaims. Fails with the first
// failed call's code and message.
absl::StatusOr<StoredRecords> ReadStoredRecords(v1::FactCheck::Stub& stub);

// The source a claim belongs to: "sources/ID" of "sources/ID/claims/N".
std::string SourceOfClaim(const v1::Finding& claim);

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_E2E_STORED_RECORDS_H_
