// `factcheck timex`: the time expressions of a text, found by the engine's
// temporal tagger in this process. Unlike the other commands it needs no
// server, so it works on a laptop and in batch jobs (for instance to write
// TimeML for the TempEval-3 tools).
#ifndef FACTCHECK_CLIENT_TIMEX_H_
#define FACTCHECK_CLIENT_TIMEX_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "client/document.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck::client {

// How `timex` prints what it found.
enum class TimexFormat {
  kLines,   // One readable line per expression.
  kJson,    // One JSON object.
  kTimeml,  // A TimeML document with inline TIMEX3 tags.
};

struct TimexOptions {
  // The file to tag; "-" for stdin.
  std::string path;
  // The document creation time, "YYYY-MM-DD" (--dct). When absent, the
  // date of the file's "date YYYY-MM-DD" header is used.
  std::optional<std::string> dct;
  TimexFormat format = TimexFormat::kLines;
};

// Runs `timex`: reads the file, strips its date header if it has one, tags
// the rest and prints it in `options.format`. Returns 0, or 2 (after
// saying why on stderr) when the file cannot be read, is not UTF-8, or no
// valid DCT is given.
int Timex(const TimexOptions& options);

// One line per expression, columns aligned:
//   LINE:COL  TYPE      VALUE    "text"
// followed by "  mod=MOD" when the expression has a TIMEX3 mod. Positions
// are in `document.content` (the file as the user sees it, header
// included); the expressions' offsets are into `document.text()`.
std::string RenderTimexLines(const Document& document,
                             const std::vector<TimeExpression>& timexes);

// One JSON object and a newline:
//   {"timexes":[{"begin":3,"end":14,"text":"14 February","type":"DATE",
//                "value":"2024-02-14"}]}
// with a "mod" member after "value" when the expression has one. begin and
// end are UTF-8 byte offsets into the tagged text, half-open.
std::string RenderTimexJson(const std::vector<TimeExpression>& timexes);

// A TimeML document as the TempEval-3 tools read it: DOCID `doc_id`, the
// DCT as TIMEX3 t0, and `text` in the TEXT element with each expression
// wrapped in <TIMEX3 tid="tN" type=".." value=".." [mod=".."]> (t1, t2, ...
// in text order). Between the tags the text is written back byte for byte
// except for XML escaping (see EscapeXml), so character offsets within TEXT
// are those of `text`.
std::string RenderTimeml(absl::string_view text,
                         const std::vector<TimeExpression>& timexes,
                         absl::string_view doc_id, absl::CivilDay dct);

// `text` escaped for XML character data and attribute values: &, <, >, "
// become entities. The control characters XML 1.0 cannot carry at all
// (below U+0020 except tab, line feed and carriage return) become spaces,
// and U+FFFE and U+FFFF become U+FFFD, one character for one, so that the
// text keeps its length in characters.
std::string EscapeXml(absl::string_view text);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_TIMEX_H_
