// JSON string literals for the engine's results. The CLI's JSON and SARIF
// output, the server's ClaimReview JSON-LD and the TempEval driver all write
// engine text into JSON by hand; this is the one escaping routine they share.
#ifndef FACTCHECK_ENGINE_DOCUMENT_JSON_STRING_H_
#define FACTCHECK_ENGINE_DOCUMENT_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace factcheck {

// `text` as a quoted JSON string: quotes, backslashes and control characters
// escaped; UTF-8 passed through.
std::string JsonQuote(absl::string_view text);

// As JsonQuote, and "<" written as \u003c as well, so that the JSON can be
// embedded in an HTML <script> element without "</script>" closing it.
std::string JsonQuoteForHtml(absl::string_view text);

}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_DOCUMENT_JSON_STRING_H_
