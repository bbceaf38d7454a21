// libFuzzer target for the HTTP edge's reading of API requests: the input
// is a request's line and body as text, "VERB /path?name=value&...\nBODY"
// (the query already decoded, as httplib hands it over), routed and served
// as the HTTP port serves it (HttpApi::Find, then HttpApi::Call: the JSON
// body, the URL's fields, the service) against the real FactCheckService
// of service_fixture.h. Besides the sanitizers' checks: a path that is no
// route is NotFound or, under another verb, FailedPrecondition; every
// answer is OK or a client error; an OK answer is a JSON object in valid
// UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "engine/document/text.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/service_fixture.h"
#include "server/http_api.h"

namespace factcheck::fuzz {
namespace {

void Run(absl::string_view input) {
  static const HttpApi* const api = new HttpApi(&Service());
  const std::size_t line_end = input.find('\n');
  const absl::string_view line = input.substr(0, line_end);
  const absl::string_view body =
      line_end == absl::string_view::npos ? "" : input.substr(line_end + 1);
  const std::size_t space = line.find(' ');
  if (space == absl::string_view::npos) return;
  const absl::string_view verb = line.substr(0, space);
  const absl::string_view target = line.substr(space + 1);
  const std::size_t question = target.find('?');
  const absl::string_view path = target.substr(0, question);
  HttpApiRequest request{.body = body, .query = {}};
  if (question != absl::string_view::npos) {
    for (absl::string_view pair :
         absl::StrSplit(target.substr(question + 1), '&')) {
      const std::pair<absl::string_view, absl::string_view> name_value =
          absl::StrSplit(pair, absl::MaxSplits('=', 1));
      request.query.emplace_back(name_value.first, name_value.second);
    }
  }
  absl::StatusOr<HttpApi::Found> found = api->Find(verb, path);
  if (!found.ok()) {
    FACTCHECK_FUZZ_CHECK(found.status().code() == absl::StatusCode::kNotFound ||
                         found.status().code() ==
                             absl::StatusCode::kFailedPrecondition);
    return;
  }
  const absl::StatusOr<std::string> answer = api->Call(*found, request);
  if (!answer.ok()) {
    FACTCHECK_FUZZ_CHECK(IsClientError(answer.status()));
    return;
  }
  FACTCHECK_FUZZ_CHECK(absl::StartsWith(*answer, "{"));
  FACTCHECK_FUZZ_CHECK(ValidateUtf8(*answer).ok());
}

}  // namespace
}  // namespace factcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  factcheck::fuzz::Run(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
