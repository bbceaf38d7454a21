// Reading the TimeML development set for the tagger's benchmarks: the
// plain text and document creation time of a .tml file.
#ifndef FACTCHECK_BENCH_TIMEML_TEXT_H_
#define FACTCHECK_BENCH_TIMEML_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace factcheck::bench {

// The whole file at `path`; prints the path and exits with status 2 when it
// cannot be read (the benchmarks have nothing to measure without it).
std::string ReadFileOrExit(const std::string& path);

// The plain text of a TimeML document's <TEXT> element: tags removed, the
// five predefined XML entities replaced (the corpus uses no others there).
// Empty when there is no TEXT element.
std::string TimemlText(absl::string_view tml);

// The date of the DCT element's TIMEX3 value, or `fallback`.
absl::CivilDay TimemlDct(absl::string_view tml, absl::CivilDay fallback);

}  // namespace factcheck::bench

#endif  // FACTCHECK_BENCH_TIMEML_TEXT_H_
