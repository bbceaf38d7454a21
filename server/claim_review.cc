#include "server/claim_review.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace factcheck {
namespace {

std::string Quote(absl::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&quoted, "\\u%04x", c);
        } else if (c == '<') {
          // Safe inside a <script> element: no "</script>" can close it.
          quoted += "\\u003c";
        } else {
          quoted += c;
        }
    }
  }
  quoted += '"';
  return quoted;
}

}  // namespace

std::string ClaimReviewJsonLd(const v1::Finding& finding,
                              const ClaimReviewContext& context) {
  std::string appearance = R"({"@type":"CreativeWork")";
  if (!context.source_url.empty()) {
    absl::StrAppend(&appearance, R"(,"url":)", Quote(context.source_url));
  }
  if (!context.published_date.empty()) {
    absl::StrAppend(&appearance, R"(,"datePublished":)",
                    Quote(context.published_date));
  }
  appearance += "}";

  std::string author = absl::StrCat(R"({"@type":"Organization","name":)",
                                    Quote(context.author.name));
  if (!context.author.url.empty()) {
    absl::StrAppend(&author, R"(,"url":)", Quote(context.author.url));
  }
  author += "}";

  std::string body = finding.explanation();
  if (!finding.suggestion().empty()) {
    absl::StrAppend(&body, body.empty() ? "" : " ",
                    "Suggested correction: ", finding.suggestion(), ".");
  }

  std::string out = absl::StrCat(
      R"({"@context":"https://schema.org","@type":"ClaimReview",)",
      R"("claimReviewed":)", Quote(finding.claim().sentence()),
      R"(,"reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,)",
      R"("worstRating":1,"alternateName":"False"},)",
      R"("itemReviewed":{"@type":"Claim","appearance":)", appearance,
      R"(},"author":)", author, R"(,"datePublished":)",
      Quote(context.review_date), R"(,"reviewBody":)", Quote(body));
  if (!finding.citations().empty()) {
    out += R"(,"citation":[)";
    bool first = true;
    for (const v1::Citation& citation : finding.citations()) {
      if (citation.url().empty()) continue;
      absl::StrAppend(&out, first ? "" : ",", Quote(citation.url()));
      first = false;
    }
    out += "]";
  }
  out += "}";
  return out;
}

}  // namespace factcheck
