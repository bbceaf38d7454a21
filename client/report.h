// Readable reports of checked and ingested documents: one block per
// document, one finding per claim, located as FILE:LINE:COLUMN of the
// original file so that editors and terminals can jump to it.
#ifndef FACTCHECK_CLIENT_REPORT_H_
#define FACTCHECK_CLIENT_REPORT_H_

#include <string>

#include "client/document.h"
#include "factcheck/v1/fact_check_service.pb.h"

namespace factcheck::client {

// How readable output looks.
struct Style {
  // Mark spans with bold and underline and colour verdicts, for a terminal;
  // otherwise plain text with the span in [ ].
  bool terminal = false;
};

// The report for a checked document: a summary line, then each finding.
//
//   seed.txt: 5 claims, 1 contradicted
//   seed.txt:3:136: CONTRADICTED "February 2024" — Russian full-scale ...
//     …since the beginning of the full-scale invasion in [February 2024].
//     The full-scale invasion began on 24 February 2022; the text says ...
//     suggestion: February 2022
//     reference: 2022-02-24  https://en.wikipedia.org/wiki/...
std::string RenderCheckReport(const Document& document,
                              const v1::CheckTextResponse& response,
                              const Style& style);

// The report for an ingested document: where it was stored, then each
// finding as for a check.
std::string RenderIngestReport(const Document& document,
                               const v1::IngestSourceResponse& response,
                               const Style& style);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_REPORT_H_
