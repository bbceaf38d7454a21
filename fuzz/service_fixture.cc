#include "fuzz/service_fixture.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>

#include "fuzz/fuzz_input.h"
#include "storage/store.h"

namespace factcheck::fuzz {
namespace {

// Events whose names and dates the seed texts use, in the bundled file's
// format, so that checks and ingests reach the checker's comparisons.
constexpr char kEvents[] =
    R"({"id":"full-scale-invasion","title":"Russian full-scale invasion of Ukraine","aliases":["full-scale invasion","invasion of Ukraine"],"type":"invasion","start":{"value":"2022-02-24","granularity":"DAY"},"citations":[{"url":"https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine"}]}
{"id":"artillery-coalition","title":"Artillery for Ukraine coalition","aliases":["artillery coalition"],"type":"coalition","date":{"value":"2024-01-18","granularity":"DAY"},"citations":[{"url":"https://example.org/artillery"}]}
{"id":"udcg","title":"Ukraine Defense Contact Group","aliases":["Contact Group","Ramstein"],"type":"series","citations":[{"url":"https://example.org/udcg"}]}
{"id":"udcg-meeting-19","title":"19th meeting of the Ukraine Defense Contact Group","type":"meeting","date":{"value":"2024-02-14","granularity":"DAY"},"series":{"series":"udcg","ordinal":19},"citations":[{"url":"https://example.org/udcg-19"}]}
)";

std::string& Directory() {
  static std::string* const dir = new std::string();
  return *dir;
}

void RemoveDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(Directory(), ignored);
}

}  // namespace

FactCheckService& Service() {
  static FactCheckService* const service = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr ? tmp : "/tmp") + "/factcheck-fuzz-XXXXXX";
    FACTCHECK_FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    Directory() = pattern;
    std::atexit(RemoveDirectory);
    const std::string events = pattern + "/events.jsonl";
    std::ofstream(events) << kEvents;
    auto store = Store::Open(pattern + "/db");
    FACTCHECK_FUZZ_CHECK(store.ok());
    auto created =
        FactCheckService::Create(std::move(*store), ServiceLimits(), events);
    FACTCHECK_FUZZ_CHECK(created.ok());
    return created->release();
  }();
  return *service;
}

bool IsClientError(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kResourceExhausted:
      return true;
    default:
      return false;
  }
}

}  // namespace factcheck::fuzz
