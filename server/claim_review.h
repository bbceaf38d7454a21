// schema.org ClaimReview JSON-LD for contradicted findings, so that a
// publisher can embed the correction of a claim where search engines and
// fact-check aggregators read it.
#ifndef FACTCHECK_SERVER_CLAIM_REVIEW_H_
#define FACTCHECK_SERVER_CLAIM_REVIEW_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "factcheck/v1/claim.pb.h"

namespace factcheck {

// Who signs the reviews: the server's --claimreview_author and
// --claimreview_author_url.
struct ClaimReviewAuthor {
  std::string name = "factcheck";
  // Left out of the reviews when empty.
  std::string url;
};

// What a review says about the document the claim appeared in, and when.
struct ClaimReviewContext {
  // The review's own page (the fact-check article that embeds it): the
  // review's `url`, which Google requires. When empty, the author's URL
  // stands in; when both are empty it is left out.
  std::string review_url;
  // The document's URL; left out when empty.
  std::string source_url;
  // Who made the claim (the document's publisher or writer), the claim's
  // `author`; left out when empty.
  std::string source_author;
  // The document's publication date, "YYYY-MM-DD".
  std::string published_date;
  // The review's own date, "YYYY-MM-DD" (the day of the check).
  std::string review_date;
  ClaimReviewAuthor author;
};

// The words of `claim` that a review quotes as its `claimReviewed`: the
// clause (between , ; : dashes, brackets or quotation marks) that holds
// the event's name and the date, when it is at most kMaxQuotedClaimChars
// characters long; else the words from the event's name to the date alone
// ("the full-scale invasion in February 2024"). Google advises under 75
// characters, where a news sentence often runs to 200. The whole
// `sentence` when the claim's spans do not lie within it.
std::string QuotedClaim(const v1::Claim& claim);
inline constexpr std::size_t kMaxQuotedClaimChars = 75;

// One ClaimReview object, on one line, for a CONTRADICTED `finding`. The
// rating scale is 1 (False) to 5 (True); a contradicted claim is rated 1,
// "False". The citations' URLs are the review's "citation".
std::string ClaimReviewJsonLd(const v1::Finding& finding,
                              const ClaimReviewContext& context);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_CLAIM_REVIEW_H_
