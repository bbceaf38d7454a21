#include "server/event_records.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

v1::Granularity ToProto(Granularity g) {
  switch (g) {
    case Granularity::kYear:
      return v1::YEAR;
    case Granularity::kMonth:
      return v1::MONTH;
    case Granularity::kDay:
      return v1::DAY;
  }
  return v1::GRANULARITY_UNSPECIFIED;
}

// Parses and checks one date field of an event; fills its granularity.
absl::Status NormalizeDate(v1::DateValue* date, absl::string_view field,
                           absl::string_view id) {
  absl::StatusOr<PartialDate> parsed = PartialDate::FromTimex(date->value());
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event ", Quoted(id), ": ", field, ": ", parsed.status().message()));
  }
  const v1::Granularity derived = ToProto(parsed->granularity);
  if (date->granularity() != v1::GRANULARITY_UNSPECIFIED &&
      date->granularity() != derived) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event ", Quoted(id), ": ", field, ".granularity ",
        v1::Granularity_Name(date->granularity()), " does not match value ",
        Quoted(date->value()), " (", v1::Granularity_Name(derived), ")"));
  }
  date->set_granularity(derived);
  return absl::OkStatus();
}

std::optional<PartialDate> DateOf(bool has, const v1::DateValue& date) {
  if (!has) return std::nullopt;
  absl::StatusOr<PartialDate> parsed = PartialDate::FromTimex(date.value());
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

void SetSpan(const TextSpan& from, v1::TextSpan* to) {
  to->set_begin(from.begin);
  to->set_end(from.end);
  to->set_utf16_begin(from.utf16_begin);
  to->set_utf16_end(from.utf16_end);
  to->set_line(from.line);
  to->set_column(from.column);
}

v1::Verdict ToProto(Verdict v) {
  switch (v) {
    case Verdict::kSupported:
      return v1::SUPPORTED;
    case Verdict::kContradicted:
      return v1::CONTRADICTED;
    case Verdict::kUnverifiable:
      return v1::UNVERIFIABLE;
  }
  return v1::VERDICT_UNSPECIFIED;
}

v1::FindingKind ToProto(FindingKind k) {
  switch (k) {
    case FindingKind::kReference:
      return v1::REFERENCE;
    case FindingKind::kPublicationDate:
      return v1::PUBLICATION_DATE;
    case FindingKind::kSeries:
      return v1::SERIES;
    case FindingKind::kRelative:
      return v1::RELATIVE;
    case FindingKind::kWithinDocument:
      return v1::WITHIN_DOCUMENT;
    case FindingKind::kAcrossSources:
      return v1::ACROSS_SOURCES;
  }
  return v1::FINDING_KIND_UNSPECIFIED;
}

v1::Severity ToProto(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return v1::INFO;
    case Severity::kWarning:
      return v1::WARNING;
    case Severity::kError:
      return v1::ERROR;
  }
  return v1::SEVERITY_UNSPECIFIED;
}

}  // namespace

absl::StatusOr<v1::Event> NormalizeEvent(const v1::Event& event) {
  v1::Event out = event;
  out.set_name(absl::StrCat("events/", event.id()));
  const std::string& id = event.id();
  if (out.has_date()) {
    if (absl::Status s = NormalizeDate(out.mutable_date(), "date", id); !s.ok())
      return s;
  }
  if (out.has_start()) {
    if (absl::Status s = NormalizeDate(out.mutable_start(), "start", id);
        !s.ok())
      return s;
  }
  if (out.has_end()) {
    if (absl::Status s = NormalizeDate(out.mutable_end(), "end", id); !s.ok())
      return s;
  }
  // The engine's rules (id shape, dates consistent, citations) decide the
  // rest, so that what is stored is always loadable.
  if (absl::Status s = ValidateReferenceEvent(ToReferenceEvent(out)); !s.ok())
    return s;
  return out;
}

ReferenceEvent ToReferenceEvent(const v1::Event& event) {
  ReferenceEvent r;
  r.id = event.id();
  r.title = event.title();
  r.aliases.assign(event.aliases().begin(), event.aliases().end());
  r.type = event.type();
  r.location = event.location();
  r.participants.assign(event.participants().begin(),
                        event.participants().end());
  r.date = DateOf(event.has_date(), event.date());
  r.start = DateOf(event.has_start(), event.start());
  r.end = DateOf(event.has_end(), event.end());
  r.series_id = event.series().series();
  r.ordinal = event.series().ordinal();
  for (const v1::Citation& c : event.citations()) {
    r.citations.push_back({c.url(), c.title(), c.publisher(), c.retrieved()});
  }
  return r;
}

v1::Finding ToProto(const Finding& f) {
  v1::Finding out;
  v1::Claim* claim = out.mutable_claim();
  SetSpan(f.span, claim->mutable_span());
  claim->set_sentence(f.sentence);
  SetSpan(f.sentence_span, claim->mutable_sentence_span());
  SetSpan(f.excerpt_span, claim->mutable_excerpt_span());
  if (!f.event_id.empty())
    claim->set_event(absl::StrCat("events/", f.event_id));
  claim->set_event_title(f.event_title);
  claim->set_event_text(f.event_text);
  SetSpan(f.event_span, claim->mutable_event_span());
  claim->set_claimed_text(f.claimed_text);
  claim->mutable_claimed_date()->set_value(f.claimed_value);
  if (absl::StatusOr<PartialDate> d = PartialDate::FromTimex(f.claimed_value);
      d.ok()) {
    claim->mutable_claimed_date()->set_granularity(ToProto(d->granularity));
  }
  out.set_verdict(ToProto(f.verdict));
  if (f.reference_date.has_value()) {
    out.mutable_reference_date()->set_value(f.reference_date->ToTimex());
    out.mutable_reference_date()->set_granularity(
        ToProto(f.reference_date->granularity));
  }
  out.set_explanation(f.explanation);
  out.set_suggestion(f.suggestion);
  for (const EventCitation& c : f.citations) {
    v1::Citation* to = out.add_citations();
    to->set_url(c.url);
    to->set_title(c.title);
    to->set_publisher(c.publisher);
    to->set_retrieved(c.retrieved);
  }
  out.set_kind(ToProto(f.kind));
  out.set_severity(ToProto(f.severity));
  out.set_confidence(f.confidence);
  for (const TextSpan& span : f.related_spans) {
    SetSpan(span, out.add_related_spans());
  }
  for (const std::string& source : f.related_sources) {
    out.add_related_sources(source);
  }
  return out;
}

v1::TimeExpression ToProto(const LocatedTimeExpression& time) {
  v1::TimeExpression out;
  SetSpan(time.span, out.mutable_span());
  out.set_text(time.expression.text);
  out.set_type(std::string(TimexTypeName(time.expression.type)));
  out.set_value(time.expression.value);
  out.set_mod(time.expression.mod);
  return out;
}

}  // namespace factcheck
