#include "server/cors_policy.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

bool IsOrigin(absl::string_view origin) {
  absl::string_view rest = origin;
  if (!absl::ConsumePrefix(&rest, "https://") &&
      !absl::ConsumePrefix(&rest, "http://")) {
    return false;
  }
  if (rest.empty()) return false;
  for (const char c : rest) {
    const bool allowed = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                         c == '-' || c == '.' || c == ':' || c == '[' ||
                         c == ']';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<CorsPolicy> CorsPolicy::Parse(absl::string_view origins) {
  CorsPolicy policy;
  for (absl::string_view entry :
       absl::StrSplit(origins, ',', absl::SkipWhitespace())) {
    entry = absl::StripAsciiWhitespace(entry);
    if (!IsOrigin(entry)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--http_cors_origins: ", Quoted(entry),
          " is not an origin: write scheme://host[:port], as a browser "
          "sends it (https://cms.example.org), without a path"));
    }
    policy.origins_.push_back(absl::AsciiStrToLower(entry));
  }
  return policy;
}

bool CorsPolicy::Lists(absl::string_view origin) const {
  return std::any_of(origins_.begin(), origins_.end(),
                     [&](const std::string& listed) {
                       return absl::EqualsIgnoreCase(listed, origin);
                     });
}

bool CorsPolicy::Allows(absl::string_view origin,
                        absl::string_view own_origin) const {
  return absl::EqualsIgnoreCase(origin, own_origin) || Lists(origin);
}

}  // namespace factcheck
