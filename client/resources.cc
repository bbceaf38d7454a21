#include "client/resources.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/util/time_util.h"

namespace factcheck::client {
namespace {

// Appends "  label: value\n" unless the value is empty.
void AddField(absl::string_view label, absl::string_view value,
              std::string* out) {
  if (value.empty()) return;
  absl::StrAppend(out, "  ", label, ": ", value, "\n");
}

std::string Plural(int count, absl::string_view noun) {
  return absl::StrCat(count, " ", noun, count == 1 ? "" : "s");
}

std::string TimestampText(const google::protobuf::Timestamp& timestamp) {
  return google::protobuf::util::TimeUtil::ToString(timestamp);
}

}  // namespace

TableRow SourceRow(const v1::Source& source) {
  TableRow row = {source.name(), source.published_date(),
                  Plural(source.claim_count(), "claim"),
                  absl::StrCat(source.contradicted_count(), " contradicted"),
                  source.url()};
  if (!source.title().empty())
    row.push_back(absl::StrCat("\"", source.title(), "\""));
  return row;
}

TableRow ClaimRow(const v1::Finding& finding) {
  const v1::Claim& claim = finding.claim();
  std::string what = absl::StrCat("\"", claim.claimed_text(), "\"");
  if (!claim.claimed_date().value().empty()) {
    absl::StrAppend(&what, " (", claim.claimed_date().value(), ")");
  }
  if (!finding.reference_date().value().empty()) {
    absl::StrAppend(&what, " vs ", finding.reference_date().value());
  }
  return {claim.name(), v1::Verdict_Name(finding.verdict()),
          claim.event().empty() ? "-" : claim.event(), what};
}

TableRow EventRow(const v1::Event& event) {
  return {event.name(), EventWhen(event), event.title()};
}

std::string EventWhen(const v1::Event& event) {
  if (!event.date().value().empty()) return event.date().value();
  if (!event.start().value().empty()) {
    return absl::StrCat(event.start().value(), "..", event.end().value());
  }
  return "-";
}

std::string RenderSource(const v1::Source& source) {
  std::string out = absl::StrCat(source.name(), "\n");
  AddField("url", source.url(), &out);
  AddField("title", source.title(), &out);
  AddField("publisher", source.publisher(), &out);
  AddField("published", source.published_date(), &out);
  AddField("claims",
           absl::StrCat(source.claim_count(), ", ", source.contradicted_count(),
                        " contradicted"),
           &out);
  if (source.has_create_time()) {
    AddField("created", TimestampText(source.create_time()), &out);
  }
  if (source.has_update_time()) {
    AddField("updated", TimestampText(source.update_time()), &out);
  }
  if (!source.text().empty()) {
    absl::StrAppend(&out, "\n", source.text());
    if (source.text().back() != '\n') out += '\n';
  }
  return out;
}

std::string RenderEvent(const v1::Event& event) {
  std::string out = absl::StrCat(event.name(), "\n");
  AddField("title", event.title(), &out);
  AddField("when", EventWhen(event), &out);
  AddField("type", event.type(), &out);
  AddField("aliases", absl::StrJoin(event.aliases(), "; "), &out);
  AddField("location", event.location(), &out);
  AddField("participants", absl::StrJoin(event.participants(), "; "), &out);
  if (event.has_series()) {
    AddField(
        "series",
        absl::StrCat(event.series().series(), " #", event.series().ordinal()),
        &out);
  }
  AddField("parent", event.parent(), &out);
  AddField("origin", event.origin(), &out);
  for (const v1::Citation& citation : event.citations()) {
    std::string cited = citation.url();
    if (!citation.title().empty()) {
      absl::StrAppend(&cited, "  \"", citation.title(), "\"");
    }
    if (!citation.publisher().empty()) {
      absl::StrAppend(&cited, "  ", citation.publisher());
    }
    if (!citation.retrieved().empty()) {
      absl::StrAppend(&cited, "  (retrieved ", citation.retrieved(), ")");
    }
    AddField("citation", cited, &out);
  }
  return out;
}

}  // namespace factcheck::client
