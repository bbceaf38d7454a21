// libFuzzer target for TemporalTagger::Tag: any bytes (the tagger promises
// to accept them all), read against a DCT taken from the first bytes. Besides
// the sanitizers' findings, it stops on a result that breaks the tagger's
// contract: spans inside the text, in order, not overlapping, not empty,
// each with its own text, a TIMEX3 value, and, for valid UTF-8 input, no
// span that cuts a character in half.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/time/temporal_tagger.h"
#include "engine/document/text.h"
#include "fuzz/fuzz_input.h"

namespace factcheck::fuzz {
namespace {

bool ValidTimexType(TimexType type) {
  switch (type) {
    case TimexType::kDate:
    case TimexType::kTime:
    case TimexType::kDuration:
    case TimexType::kSet:
      return true;
  }
  return false;
}

void TagAndCheck(absl::string_view text, absl::CivilDay dct) {
  static const TemporalTagger* const tagger = new TemporalTagger();
  const std::vector<TimeExpression> timexes = tagger->Tag(text, dct);
  const bool utf8 = ValidateUtf8(text).ok();
  std::size_t previous_end = 0;
  for (const TimeExpression& t : timexes) {
    FACTCHECK_FUZZ_CHECK(t.begin < t.end);
    FACTCHECK_FUZZ_CHECK(t.end <= text.size());
    FACTCHECK_FUZZ_CHECK(t.begin >= previous_end);
    FACTCHECK_FUZZ_CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
    FACTCHECK_FUZZ_CHECK(ValidTimexType(t.type));
    FACTCHECK_FUZZ_CHECK(!t.value.empty());
    if (utf8) FACTCHECK_FUZZ_CHECK(ValidateUtf8(t.text).ok());
    if (t.date.has_value()) {
      FACTCHECK_FUZZ_CHECK(t.date->month >= 0 && t.date->month <= 12);
      FACTCHECK_FUZZ_CHECK(t.date->day >= 0 && t.date->day <= 31);
    }
    previous_end = t.end;
  }
}

}  // namespace
}  // namespace factcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace factcheck::fuzz;
  if (size < kDctBytes) return 0;
  TagAndCheck(TextFromBytes(data, size), DctFromBytes(data));
  return 0;
}
