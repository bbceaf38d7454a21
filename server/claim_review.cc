#include "server/claim_review.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_format.h"
#include "engine/document/json_string.h"

namespace factcheck {
namespace {

// Characters (code points) in UTF-8 `text`.
std::size_t CharCount(absl::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Whether the clause ends before byte `at` of `text` (the byte there, or
// the multi-byte mark that starts there, separates clauses).
bool IsClauseBreak(absl::string_view text, std::size_t at) {
  static constexpr absl::string_view kAscii = ",;:()[]\"";
  if (kAscii.find(text[at]) != absl::string_view::npos) return true;
  // Dashes and double quotation marks; not ’, which is also an apostrophe.
  for (absl::string_view mark : {"\u2014", "\u2013", "\u201C", "\u201D"}) {
    if (text.substr(at, mark.size()) == mark) return true;
  }
  return false;
}

}  // namespace

std::string QuotedClaim(const v1::Claim& claim) {
  const absl::string_view sentence = claim.sentence();
  const std::size_t base = claim.excerpt_span().begin();
  std::size_t begin = claim.span().begin();
  std::size_t end = claim.span().end();
  if (claim.event_span().end() > claim.event_span().begin()) {
    begin = std::min<std::size_t>(begin, claim.event_span().begin());
    end = std::max<std::size_t>(end, claim.event_span().end());
  }
  if (end <= begin || begin < base || end - base > sentence.size()) {
    return std::string(sentence);
  }
  begin -= base;
  end -= base;
  const absl::string_view core = sentence.substr(begin, end - begin);
  std::size_t clause_begin = begin;
  while (clause_begin > 0 && !IsClauseBreak(sentence, clause_begin - 1)) {
    --clause_begin;
  }
  std::size_t clause_end = end;
  while (clause_end < sentence.size() && !IsClauseBreak(sentence, clause_end)) {
    ++clause_end;
  }
  absl::string_view clause =
      sentence.substr(clause_begin, clause_end - clause_begin);
  // A multi-byte break mark leaves its lead bytes behind on the left.
  while (!clause.empty() &&
         (static_cast<unsigned char>(clause.front()) & 0xC0) == 0x80) {
    clause.remove_prefix(1);
  }
  clause = absl::StripAsciiWhitespace(clause);
  absl::ConsumeSuffix(&clause, ".");
  return std::string(CharCount(clause) <= kMaxQuotedClaimChars ? clause : core);
}

std::string ClaimReviewJsonLd(const v1::Finding& finding,
                              const ClaimReviewContext& context) {
  std::string appearance = R"({"@type":"CreativeWork")";
  if (!context.source_url.empty()) {
    absl::StrAppend(&appearance, R"(,"url":)",
                    JsonQuoteForHtml(context.source_url));
  }
  if (!context.published_date.empty()) {
    absl::StrAppend(&appearance, R"(,"datePublished":)",
                    JsonQuoteForHtml(context.published_date));
  }
  appearance += "}";

  std::string item = R"({"@type":"Claim")";
  if (!context.source_author.empty()) {
    absl::StrAppend(&item, R"(,"author":{"@type":"Organization","name":)",
                    JsonQuoteForHtml(context.source_author), "}");
  }
  // The claim was made when the document was published.
  if (!context.published_date.empty()) {
    absl::StrAppend(&item, R"(,"datePublished":)",
                    JsonQuoteForHtml(context.published_date));
  }
  absl::StrAppend(&item, R"(,"appearance":)", appearance, "}");
  const std::string& review_url =
      context.review_url.empty() ? context.author.url : context.review_url;

  std::string author = absl::StrCat(R"({"@type":"Organization","name":)",
                                    JsonQuoteForHtml(context.author.name));
  if (!context.author.url.empty()) {
    absl::StrAppend(&author, R"(,"url":)",
                    JsonQuoteForHtml(context.author.url));
  }
  author += "}";

  std::string body = finding.explanation();
  if (!finding.suggestion().empty()) {
    absl::StrAppend(&body, body.empty() ? "" : " ",
                    "Suggested correction: ", finding.suggestion(), ".");
  }

  std::string out =
      R"({"@context":"https://schema.org","@type":"ClaimReview",)";
  if (!review_url.empty()) {
    absl::StrAppend(&out, R"("url":)", JsonQuoteForHtml(review_url), ",");
  }
  absl::StrAppend(
      &out, R"("claimReviewed":)", JsonQuoteForHtml(QuotedClaim(finding.claim())),
      R"(,"reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,)",
      R"("worstRating":1,"alternateName":"False"},)",
      R"("itemReviewed":)", item, R"(,"author":)", author,
      R"(,"datePublished":)",
      JsonQuoteForHtml(context.review_date), R"(,"reviewBody":)",
      JsonQuoteForHtml(body));
  if (!finding.citations().empty()) {
    out += R"(,"citation":[)";
    bool first = true;
    for (const v1::Citation& citation : finding.citations()) {
      if (citation.url().empty()) continue;
      absl::StrAppend(&out, first ? "" : ",", JsonQuoteForHtml(citation.url()));
      first = false;
    }
    out += "]";
  }
  out += "}";
  return out;
}

}  // namespace factcheck
