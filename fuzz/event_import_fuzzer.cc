// libFuzzer target for the import parser: the bytes of a reference file
// (JSON Lines of events, a Wikidata dump, either gzip- or bzip2-compressed)
// fed to an import of a real FactCheckService in chunks whose sizes the
// first byte chooses, then finished and committed. Besides the sanitizers'
// checks: a strict import either takes every line or fails, and any failure
// is a client error, never one that says the store broke.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz/fuzz_input.h"
#include "fuzz/service_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using factcheck::fuzz::IsClientError;
  if (size < 1) return 0;
  const bool strict = (data[0] & 0x80) != 0;
  const std::size_t chunk = 1 + (data[0] & 0x7F) * 7;
  const absl::string_view file(reinterpret_cast<const char*>(data) + 1,
                               size - 1);
  factcheck::FactCheckService& service = factcheck::fuzz::Service();
  auto import = service.StartImport(strict);
  FACTCHECK_FUZZ_CHECK(import.ok());
  for (std::size_t at = 0; at < file.size(); at += chunk) {
    const absl::Status fed =
        (*import)->Feed(file.substr(at, std::min(chunk, file.size() - at)));
    FACTCHECK_FUZZ_CHECK(IsClientError(fed));
    // A failed import is over: it is dropped, and writes nothing.
    if (!fed.ok()) return 0;
  }
  auto response = service.FinishImport(**import);
  FACTCHECK_FUZZ_CHECK(IsClientError(response.status()));
  if (response.ok() && strict) FACTCHECK_FUZZ_CHECK(response->skipped() == 0);
  return 0;
}
