#include "engine/events/reference_event.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace factcheck {
namespace {

bool IsValidId(absl::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  }
  return true;
}

absl::Status CheckYearKnown(const std::optional<PartialDate>& d,
                            absl::string_view field, absl::string_view id) {
  if (d.has_value() && !d->year_known) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event '", id, "': ", field, " must have a year, got ", d->ToTimex()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateReferenceEvent(const ReferenceEvent& event) {
  if (!IsValidId(event.id)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event id '", event.id,
        "' is not valid: use 1 to 128 lower-case letters, digits and hyphens"));
  }
  const std::string& id = event.id;
  if (event.title.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event '", id, "': title is required"));
  }
  for (const auto& [d, field] :
       {std::pair{&event.date, "date"}, std::pair{&event.start, "start"},
        std::pair{&event.end, "end"}}) {
    if (absl::Status s = CheckYearKnown(*d, field, id); !s.ok()) return s;
  }
  if (event.date.has_value() && event.start.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event '", id, "': give either date or start, not both"));
  }
  if (event.end.has_value() && !event.start.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event '", id, "': end is given without start"));
  }
  if (event.start.has_value() && event.end.has_value() &&
      LastDay(*event.end) < FirstDay(*event.start)) {
    return absl::InvalidArgumentError(
        absl::StrCat("event '", id, "': end ", event.end->ToTimex(),
                     " is before start ", event.start->ToTimex()));
  }
  // An event with neither date nor start is allowed: a series, or an event
  // a newsroom follows before its date is settled. The reference then
  // cannot date it, and only stored sources are compared (ACROSS_SOURCES).
  if (event.ordinal < 0 || (event.ordinal > 0) != !event.series_id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event '", id,
        "': series membership needs both a series id and a positive ordinal, "
        "got series '",
        event.series_id, "' and ordinal ", event.ordinal));
  }
  if (event.citations.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event '", id, "': at least one citation is required"));
  }
  for (const EventCitation& c : event.citations) {
    if (!absl::StartsWith(c.url, "https://") &&
        !absl::StartsWith(c.url, "http://")) {
      return absl::InvalidArgumentError(
          absl::StrCat("event '", id, "': citation url '", c.url,
                       "' is not an http(s) URL"));
    }
  }
  return absl::OkStatus();
}

}  // namespace factcheck
