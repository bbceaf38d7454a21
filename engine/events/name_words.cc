#include "engine/events/name_words.h"

#include "absl/strings/numbers.h"

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

namespace factcheck {

bool IsFiller(absl::string_view w) {
  static const auto* const kFillers =
      new absl::flat_hash_set<absl::string_view>{
          "the",    "of",     "in",    "on",    "at",     "a",
          "an",     "and",    "for",   "to",    "with",   "by",
          "from",   "as",     "vs",    "v",     "its",    "his",
          "her",    "their",  "s",     "st",    "nd",     "rd",
          "th",     "between", "against", "over", "into",  "after",
          "before", "during", "under", "about", "upon",   "within"};
  return kFillers->contains(w);
}

bool IsNumber(absl::string_view w) {
  return !w.empty() && absl::c_all_of(w, [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool IsYearWord(absl::string_view w, int* year) {
  return w.size() == 4 && IsNumber(w) && absl::SimpleAtoi(w, year) &&
         *year >= 1000 && *year <= 2999;
}

bool IsDateWord(absl::string_view w) {
  static const auto* const kMonths = new absl::flat_hash_set<absl::string_view>{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december",
      "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
      "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
  return IsNumber(w) || kMonths->contains(w);
}

}  // namespace factcheck
