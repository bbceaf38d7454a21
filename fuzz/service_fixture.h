// What the service-level fuzzers share: a real FactCheckService over a real
// RocksDB store in a temporary directory, made once per process and loaded
// with a few reference events, and the check that a status is one a client
// may be given for bad input, never one that means the server broke.
#ifndef FACTCHECK_FUZZ_SERVICE_FIXTURE_H_
#define FACTCHECK_FUZZ_SERVICE_FIXTURE_H_

#include "absl/status/status.h"
#include "server/fact_check_service.h"

namespace factcheck::fuzz {

// The process's service. Its store lives in a directory under $TMPDIR that
// is removed at exit.
FactCheckService& Service();

// True for the codes bad input may earn; false for Internal, DataLoss,
// Unknown and the like, which say that the server or its data broke.
bool IsClientError(const absl::Status& status);

}  // namespace factcheck::fuzz

#endif  // FACTCHECK_FUZZ_SERVICE_FIXTURE_H_
