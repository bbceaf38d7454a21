#include "client/report.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "client/excerpt.h"
#include "client/text_position.h"

namespace factcheck::client {
namespace {

constexpr absl::string_view kReset = "\x1b[0m";
constexpr absl::string_view kBoldUnderline = "\x1b[1;4m";

absl::string_view VerdictColour(v1::Verdict verdict) {
  switch (verdict) {
    case v1::CONTRADICTED:
      return "\x1b[1;31m";
    case v1::SUPPORTED:
      return "\x1b[32m";
    default:
      return "\x1b[33m";
  }
}

std::string VerdictLabel(v1::Verdict verdict, const Style& style) {
  std::string name = v1::Verdict_Name(verdict);
  if (name.empty()) name = absl::StrCat("VERDICT_", static_cast<int>(verdict));
  if (!style.terminal) return name;
  return absl::StrCat(VerdictColour(verdict), name, kReset);
}

// Counts such as "5 claims, 1 contradicted, 2 unverifiable".
std::string ClaimCounts(
    const google::protobuf::RepeatedPtrField<v1::Finding>& findings) {
  int contradicted = 0;
  int unverifiable = 0;
  for (const v1::Finding& finding : findings) {
    if (finding.verdict() == v1::CONTRADICTED) ++contradicted;
    if (finding.verdict() == v1::UNVERIFIABLE) ++unverifiable;
  }
  std::string counts =
      absl::StrFormat("%d claim%s, %d contradicted", findings.size(),
                      findings.size() == 1 ? "" : "s", contradicted);
  if (unverifiable > 0)
    absl::StrAppend(&counts, ", ", unverifiable, " unverifiable");
  return counts;
}

// Renders findings against the document they were made on. Offsets in a
// finding are into the sent text; the document's text_offset maps them back
// into the file.
class FindingWriter {
 public:
  FindingWriter(const Document& document, const Style& style)
      : document_(document),
        name_(document.DisplayName()),
        style_(style),
        lines_(document.content) {}

  void Write(const v1::Finding& finding, std::string* out) const {
    const v1::Claim& claim = finding.claim();
    const absl::string_view text = document_.text();
    const std::size_t begin =
        std::min<std::size_t>(claim.span().begin(), text.size());
    const std::size_t end =
        std::clamp<std::size_t>(claim.span().end(), begin, text.size());
    const LineColumn at = lines_.Locate(document_.text_offset + begin);

    const std::string claimed =
        claim.claimed_text().empty()
            ? std::string(text.substr(begin, end - begin))
            : claim.claimed_text();
    const std::string& event =
        claim.event_title().empty() ? claim.event() : claim.event_title();
    absl::StrAppendFormat(out, "%s:%d:%d: %s \"%s\"", name_, at.line, at.column,
                          VerdictLabel(finding.verdict(), style_), claimed);
    if (!event.empty()) absl::StrAppend(out, " — ", event);
    absl::StrAppend(out, "\n  ", Excerpt(claim, begin, end), "\n");

    if (finding.verdict() == v1::SUPPORTED) return;
    if (!finding.explanation().empty()) {
      absl::StrAppend(out, "  ", finding.explanation(), "\n");
    }
    if (!finding.suggestion().empty()) {
      absl::StrAppend(out, "  suggestion: ", finding.suggestion(), "\n");
    }
    const std::string& reference_date = finding.reference_date().value();
    const std::string url =
        finding.citations().empty() ? "" : finding.citations(0).url();
    if (!reference_date.empty() || !url.empty()) {
      absl::StrAppend(
          out, "  reference: ", reference_date.empty() ? "-" : reference_date,
          url.empty() ? "" : "  ", url, "\n");
    }
  }

 private:
  // Quotes the claim's sentence (or the part of it the server sent), or the
  // document text around the span when that does not hold it (a server
  // that sends no sentence).
  std::string Excerpt(const v1::Claim& claim, std::size_t begin,
                      std::size_t end) const {
    const SpanMarker marker =
        style_.terminal ? SpanMarker{.open = std::string(kBoldUnderline),
                                     .close = std::string(kReset)}
                        : SpanMarker{};
    const absl::string_view sentence = claim.sentence();
    // Where the quoted part stands: the excerpt's span (a server before
    // excerpts sent the whole sentence, at sentence_span).
    const std::size_t sentence_begin = claim.has_excerpt_span()
                                           ? claim.excerpt_span().begin()
                                           : claim.sentence_span().begin();
    if (!sentence.empty() && sentence_begin <= begin &&
        end - sentence_begin <= sentence.size()) {
      return MarkedExcerpt(sentence, begin - sentence_begin,
                           end - sentence_begin, marker);
    }
    return MarkedExcerpt(document_.text(), begin, end, marker);
  }

  const Document& document_;
  const std::string name_;
  const Style& style_;
  const LineIndex lines_;
};

void WriteFindings(
    const Document& document,
    const google::protobuf::RepeatedPtrField<v1::Finding>& findings,
    const Style& style, std::string* out) {
  const FindingWriter writer(document, style);
  for (const v1::Finding& finding : findings) writer.Write(finding, out);
}

}  // namespace

std::string RenderCheckReport(const Document& document,
                              const v1::CheckTextResponse& response,
                              const Style& style) {
  std::string out = absl::StrCat(document.DisplayName(), ": ",
                                 ClaimCounts(response.findings()), "\n");
  WriteFindings(document, response.findings(), style, &out);
  return out;
}

std::string RenderIngestReport(const Document& document,
                               const v1::IngestSourceResponse& response,
                               const Style& style) {
  std::string out = absl::StrCat(
      document.DisplayName(), ": ",
      response.unchanged() ? "unchanged as " : "stored as ",
      response.source().name(), ", ", ClaimCounts(response.findings()), "\n");
  WriteFindings(document, response.findings(), style, &out);
  return out;
}

}  // namespace factcheck::client
