#include "server/claim_review.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/document/json_string.h"

namespace factcheck {

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

  std::string out = absl::StrCat(
      R"({"@context":"https://schema.org","@type":"ClaimReview",)",
      R"("claimReviewed":)", JsonQuoteForHtml(finding.claim().sentence()),
      R"(,"reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,)",
      R"("worstRating":1,"alternateName":"False"},)",
      R"("itemReviewed":{"@type":"Claim","appearance":)", appearance,
      R"(},"author":)", author, R"(,"datePublished":)",
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
