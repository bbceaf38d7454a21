#include "engine/checker.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/document_checks/document_checks.h"
#include "engine/verdicts/reference_verdicts.h"

namespace factcheck {

Checker::Checker(std::shared_ptr<const EventCatalog> catalog)
    : catalog_(std::move(catalog)) {}

absl::StatusOr<CheckResult> Checker::Check(absl::string_view text,
                                           absl::CivilDay published,
                                           const CheckLimits& limits) const {
  absl::StatusOr<Document> doc = ReadDocument(text, published);
  if (!doc.ok()) return doc.status();
  const std::vector<TimeExpression> times = tagger_.Tag(text, published);
  if (times.size() > limits.max_time_expressions) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the text has ", times.size(),
                     " time expressions, over the limit of ",
                     limits.max_time_expressions, " for one check"));
  }
  const std::vector<EventMention> mentions = catalog_->FindMentionsInWords(
      doc->words, SentencesWithClaims(*doc, times));
  return CheckFoundWithin(*doc, times, mentions, limits);
}

CheckResult Checker::CheckFound(
    const Document& doc, const std::vector<TimeExpression>& times,
    const std::vector<EventMention>& mentions) const {
  // Without limits nothing fails.
  return *CheckFoundWithin(doc, times, mentions, CheckLimits{});
}

absl::StatusOr<CheckResult> Checker::CheckFoundWithin(
    const Document& doc, const std::vector<TimeExpression>& times,
    const std::vector<EventMention>& mentions,
    const CheckLimits& limits) const {
  // `count` findings at least; the claims alone are counted before the
  // findings are built, so that a text far over the limit costs little.
  const auto too_many_findings = [&](std::size_t count) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the text makes ", count,
                     " findings or more, over the limit of ",
                     limits.max_findings, " for one check"));
  };
  const std::vector<Claim> claims = AttachDates(doc, times, mentions);
  if (claims.size() > limits.max_findings) {
    return too_many_findings(claims.size());
  }

  CheckResult result;
  TextLocator locator(doc.text);
  result.time_expressions.reserve(times.size());
  for (const TimeExpression& t : times) {
    result.time_expressions.push_back({t, locator.Locate(t.begin, t.end)});
  }
  // Room for a finding per date and a few more, so that the large findings
  // are not moved as the vector grows.
  result.findings.reserve(times.size() + 4);
  std::vector<ClaimNote> notes;
  JudgeClaims(doc, *catalog_, claims, locator, result.findings, notes);

  DocumentContext context;
  context.document = &doc;
  context.catalog = catalog_.get();
  context.times = &times;
  context.mentions = &mentions;
  CheckAgainstPublicationDate(context, locator, result.findings, notes);
  CheckRelativeStatements(context, locator, result.findings, notes);
  CheckWithinDocument(context, result.findings, notes);
  if (result.findings.size() > limits.max_findings) {
    return too_many_findings(result.findings.size());
  }
  for (Finding& f : result.findings) {
    if (f.verdict == Verdict::kContradicted && f.severity == Severity::kInfo) {
      f.severity = Severity::kError;
    }
  }
  // Findings are large: sorted only when the later checks put one out of
  // order.
  const auto by_span = [](const Finding& a, const Finding& b) {
    return a.span.begin < b.span.begin;
  };
  if (!std::is_sorted(result.findings.begin(), result.findings.end(),
                      by_span)) {
    std::stable_sort(result.findings.begin(), result.findings.end(), by_span);
  }
  return result;
}

}  // namespace factcheck
