#include "server/fact_check_service.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "engine/time/date.h"
#include "engine/document/text.h"
#include "google/protobuf/util/field_mask_util.h"
#include "server/event_records.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

using google::protobuf::util::FieldMaskUtil;

// FNV-1a: stable across processes and releases, unlike absl::Hash.
std::uint64_t Fnv1a64(absl::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

absl::StatusOr<absl::CivilDay> ParsePublishedDate(absl::string_view value) {
  if (value.empty()) {
    return absl::InvalidArgumentError(
        "published_date is required (YYYY-MM-DD): relative dates in the text "
        "are read against it");
  }
  absl::StatusOr<PartialDate> d = PartialDate::FromIsoDay(value);
  if (!d.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "published_date ", Quoted(value), " is not a valid date (YYYY-MM-DD)"));
  }
  return absl::CivilDay(d->year, d->month, d->day);
}

// The longest id of any resource: event ids are at most 128 characters
// (ValidateReferenceEvent), source ids 16. A longer one names nothing, and
// is refused here so that no message downstream quotes it.
constexpr std::size_t kMaxIdBytes = 128;

// Takes the id out of "{collection}/{id}".
absl::StatusOr<std::string> IdFromName(absl::string_view name,
                                       absl::string_view collection) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, collection) || !absl::ConsumePrefix(&id, "/") ||
      id.empty() || absl::StrContains(id, '/')) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name ", Quoted(name), " is not a valid resource name: expected ",
        collection, "/{id}"));
  }
  if (id.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name ", Quoted(name), " is not a valid resource name: its id is ",
        id.size(), " bytes, over the limit of ", kMaxIdBytes));
  }
  return std::string(id);
}

// Parses a ListClaims filter: terms `event = "events/x"` and
// `verdict = CONTRADICTED`, joined by AND.
absl::Status ParseClaimFilter(absl::string_view filter, ClaimQuery* query) {
  if (absl::StripAsciiWhitespace(filter).empty()) return absl::OkStatus();
  for (absl::string_view term : absl::StrSplit(filter, " AND ")) {
    std::vector<absl::string_view> parts =
        absl::StrSplit(term, absl::MaxSplits('=', 1));
    if (parts.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter term ", Quoted(absl::StripAsciiWhitespace(term)),
          " is not of the form field = value (fields: event, verdict)"));
    }
    const absl::string_view field = absl::StripAsciiWhitespace(parts[0]);
    absl::string_view value = absl::StripAsciiWhitespace(parts[1]);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (field == "event") {
      absl::StatusOr<std::string> id = IdFromName(value, "events");
      if (!id.ok()) return id.status();
      query->event_id = *id;
    } else if (field == "verdict") {
      v1::Verdict verdict;
      if (!v1::Verdict_Parse(std::string(value), &verdict) ||
          verdict == v1::VERDICT_UNSPECIFIED) {
        return absl::InvalidArgumentError(absl::StrCat(
            "filter: verdict ", Quoted(value),
            " is not one of SUPPORTED, CONTRADICTED, UNVERIFIABLE"));
      }
      query->verdict = verdict;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("filter: unknown field ", Quoted(field),
                       " (fields: event, verdict)"));
    }
  }
  return absl::OkStatus();
}

// A stored claim as the cross-source comparison reads it.
struct DatedClaim {
  std::string source;  // "sources/{id}"
  std::string claim;   // "sources/{id}/claims/{n}"
  PartialDate date;
  v1::DateValue value;
  int order = 0;  // Position in the index scan: source, then claim number.
};

// The date a finding's claim gives its event, when the claim takes part in
// cross-source comparison: it names an event, its date is a calendar date
// with a year, and it is not itself an ACROSS_SOURCES finding (which repeats
// a claim of the same source).
std::optional<PartialDate> ComparableDate(const v1::Finding& finding) {
  if (finding.kind() == v1::ACROSS_SOURCES || finding.claim().event().empty()) {
    return std::nullopt;
  }
  absl::StatusOr<PartialDate> date =
      PartialDate::FromTimex(finding.claim().claimed_date().value());
  if (!date.ok() || !date->year_known) return std::nullopt;
  return *date;
}

// "sources/{id}" of a claim name "sources/{id}/claims/{n}".
std::string SourceOfClaim(absl::string_view claim_name) {
  return std::string(claim_name.substr(0, claim_name.find("/claims/")));
}

// Groups one event's claims into sides: the most precise dates first
// (earliest first among equals), each joining the first side whose date it
// agrees with at the coarser granularity, or opening a new one. Sides come
// back earliest date first, with sources and claims in index order.
std::vector<v1::ConflictSide> GroupSides(std::vector<DatedClaim> claims) {
  std::stable_sort(claims.begin(), claims.end(),
                   [](const DatedClaim& a, const DatedClaim& b) {
                     if (a.date.granularity != b.date.granularity) {
                       return a.date.granularity > b.date.granularity;
                     }
                     return a.value.value() < b.value.value();
                   });
  std::vector<std::vector<const DatedClaim*>> sides;
  for (const DatedClaim& c : claims) {
    auto side = std::find_if(sides.begin(), sides.end(), [&](const auto& s) {
      return AgreeAtCoarserGranularity(s.front()->date, c.date);
    });
    if (side == sides.end()) {
      sides.push_back({&c});
    } else {
      side->push_back(&c);
    }
  }
  std::vector<v1::ConflictSide> out;
  for (std::vector<const DatedClaim*>& members : sides) {
    v1::ConflictSide side;
    *side.mutable_claimed_date() = members.front()->value;
    std::sort(members.begin(), members.end(),
              [](const DatedClaim* a, const DatedClaim* b) {
                return a->order < b->order;
              });
    std::set<std::string> sources;
    for (const DatedClaim* c : members) {
      sources.insert(c->source);
      side.add_claims(c->claim);
    }
    for (const std::string& s : sources) side.add_sources(s);
    out.push_back(std::move(side));
  }
  std::sort(out.begin(), out.end(),
            [](const v1::ConflictSide& a, const v1::ConflictSide& b) {
              return a.claimed_date().value() < b.claimed_date().value();
            });
  return out;
}

// ListConflicts page tokens: web-safe base64 of a tag and the last event id
// returned.
constexpr char kConflictTokenTag = 'k';

std::string ConflictPageToken(absl::string_view last_event_id) {
  return absl::WebSafeBase64Escape(
      absl::StrCat(std::string(1, kConflictTokenTag), last_event_id));
}

absl::StatusOr<std::string> EventIdFromConflictToken(absl::string_view token) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < 2 ||
      raw[0] != kConflictTokenTag || absl::StrContains(raw, '\0')) {
    return absl::InvalidArgumentError("page_token is not valid");
  }
  return raw.substr(1);
}

// The bytes of the regular files under `dir`: what copying it copies.
absl::StatusOr<std::int64_t> DirectoryBytes(const std::string& dir) {
  std::error_code error;
  std::int64_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, error);
       !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file(error)) {
      total += static_cast<std::int64_t>(it->file_size(error));
    }
  }
  if (error) {
    return absl::InternalError(
        absl::StrCat("cannot measure ", dir, ": ", error.message()));
  }
  return total;
}

CheckCounts CountVerdicts(const CheckResult& result) {
  CheckCounts counts;
  for (const Finding& f : result.findings) {
    switch (f.verdict) {
      case Verdict::kSupported:
        ++counts.supported;
        break;
      case Verdict::kContradicted:
        ++counts.contradicted;
        break;
      case Verdict::kUnverifiable:
        ++counts.unverifiable;
        break;
    }
  }
  return counts;
}

}  // namespace

std::string SourceIdForUrl(absl::string_view url) {
  return absl::StrFormat("%016x", Fnv1a64(url));
}

absl::StatusOr<std::unique_ptr<FactCheckService>> FactCheckService::Create(
    std::unique_ptr<Store> store, const ServiceLimits& limits,
    const std::string& reference_file) {
  std::unique_ptr<FactCheckService> service = Open(std::move(store), limits);
  if (absl::Status s = service->LoadReference(reference_file); !s.ok()) {
    return s;
  }
  return service;
}

std::unique_ptr<FactCheckService> FactCheckService::Open(
    std::unique_ptr<Store> store, const ServiceLimits& limits) {
  std::unique_ptr<FactCheckService> service(
      new FactCheckService(std::move(store), limits));
  // An empty checker until the load, so that no path meets a null one.
  absl::StatusOr<std::shared_ptr<const EventCatalog>> empty =
      EventCatalog::Build({});
  if (empty.ok()) {
    service->checker_.Publish(std::make_shared<const Checker>(*empty));
  }
  return service;
}

absl::Status FactCheckService::LoadReference(
    const std::string& reference_file) {
  absl::MutexLock lock(&events_mu_);
  absl::StatusOr<bool> loaded = store_->ReferenceLoaded();
  if (!loaded.ok()) return loaded.status();
  if (!*loaded && !reference_file.empty()) {
    std::ifstream in(reference_file, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(
          absl::StrCat("cannot open reference file '", reference_file, "'"));
    }
    EventLineReader reader;
    std::vector<char> buffer(1 << 16);
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
      reader.Feed(absl::string_view(buffer.data(), in.gcount()));
    }
    reader.Finish();
    if (absl::Status s = reader.status(); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("reference file '", reference_file, "': ", s.message()));
    }
    absl::StatusOr<EventWriteCounts> written =
        store_->PutEvents(reader.events());
    if (!written.ok()) return written.status();
  }
  if (absl::Status s = ReloadEvents(); !s.ok()) return s;
  ready_.store(true, std::memory_order_release);
  return absl::OkStatus();
}

absl::Status FactCheckService::CheckReady() const {
  if (ready()) return absl::OkStatus();
  return absl::UnavailableError(
      "loading reference data: the server answers once it is loaded (its "
      "health check says SERVING then); retry later");
}

absl::Status FactCheckService::ReloadEvents() {
  // One stored event at a time: with millions of imported events, holding
  // them all as protos besides their engine copies would double the peak.
  std::vector<ReferenceEvent> events;
  if (absl::Status s = store_->ForEachEvent(
          [&](v1::Event& e) { events.push_back(ToReferenceEvent(e)); });
      !s.ok()) {
    return s;
  }
  absl::StatusOr<std::shared_ptr<const EventCatalog>> catalog =
      EventCatalog::Build(std::move(events));
  if (!catalog.ok()) return catalog.status();
  checker_.Publish(std::make_shared<const Checker>(*std::move(catalog)));
  return absl::OkStatus();
}

std::size_t FactCheckService::event_count() const {
  return checker_.Get()->catalog().events().size();
}

absl::StatusOr<int> FactCheckService::PageSize(int requested) const {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", requested, " is negative"));
  }
  if (requested > limits_.max_page_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", requested, " exceeds the limit of ",
                     limits_.max_page_size, " (--max_page_size)"));
  }
  return requested == 0 ? limits_.default_page_size : requested;
}

absl::Status FactCheckService::CheckTextSize(std::size_t size) const {
  if (size > limits_.max_text_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("text is ", size, " bytes, over the limit of ",
                     limits_.max_text_bytes, " bytes (--max_text_bytes)"));
  }
  return absl::OkStatus();
}

absl::Status FactCheckService::CheckResponseSize(
    const google::protobuf::Message& response) const {
  return ResponseSizeWithin(response.ByteSizeLong());
}

absl::Status FactCheckService::ResponseSizeWithin(std::size_t bytes) const {
  if (bytes <= limits_.max_response_bytes) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "the response would be ", bytes, " bytes, over the limit of ",
      limits_.max_response_bytes,
      " (--max_response_bytes): check the text in parts"));
}

absl::StatusOr<v1::CheckTextResponse> FactCheckService::CheckText(
    const v1::CheckTextRequest& request) const {
  if (absl::Status s = CheckTextSize(request.text().size()); !s.ok()) return s;
  absl::StatusOr<absl::CivilDay> published =
      ParsePublishedDate(request.published_date());
  if (!published.ok()) return published.status();
  const std::shared_ptr<const Checker> checker = checker_.Get();
  absl::StatusOr<CheckResult> result = checker->Check(
      request.text(), *published,
      {.max_time_expressions = limits_.max_time_expressions,
       .max_findings = limits_.max_findings});
  if (absl::IsResourceExhausted(result.status())) {
    return absl::ResourceExhaustedError(
        absl::StrCat(result.status().message(),
                     " (--max_time_expressions, --max_findings): check the "
                     "text in parts"));
  }
  if (!result.ok()) return result.status();
  v1::CheckTextResponse response;
  response.set_document_id(request.document_id());
  if (observer_ != nullptr) observer_->OnTextChecked(CountVerdicts(*result));
  int contradicted = 0;
  for (const Finding& f : result->findings) {
    // A claim that matches nothing in the reference (no event fits, or the
    // event has no date to compare) only on request.
    if (f.verdict == Verdict::kUnverifiable && !f.reference_date.has_value() &&
        !request.include_unverifiable()) {
      continue;
    }
    *response.add_findings() = ToProto(f);
    if (f.verdict == Verdict::kContradicted) ++contradicted;
  }
  if (request.claim_review()) {
    const ClaimReviewContext context{
        .review_url = request.review_url(),
        .source_url = request.source_url(),
        .source_author = request.source_author(),
        .published_date = request.published_date(),
        .review_date = absl::FormatCivilTime(
            absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())),
        .author = claim_review_author_};
    for (const v1::Finding& f : response.findings()) {
      if (f.verdict() != v1::CONTRADICTED) continue;
      response.add_claim_reviews(ClaimReviewJsonLd(f, context));
    }
  }
  for (const LocatedTimeExpression& t : result->time_expressions) {
    *response.add_time_expressions() = ToProto(t);
  }
  response.set_contradicted_count(contradicted);
  if (absl::Status s = CheckResponseSize(response); !s.ok()) return s;
  return response;
}

absl::StatusOr<v1::ExtractTimexResponse> FactCheckService::ExtractTimex(
    const v1::ExtractTimexRequest& request) const {
  const absl::string_view text = request.text();
  if (absl::Status s = CheckTextSize(text.size()); !s.ok()) return s;
  absl::StatusOr<absl::CivilDay> published =
      ParsePublishedDate(request.published_date());
  if (!published.ok()) return published.status();
  // The same checks and messages as CheckText's (Checker::Check), so that
  // a client sees one contract for the text whichever call it makes.
  if (text.empty()) return absl::InvalidArgumentError("text is empty");
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  std::vector<TimeExpression> times = tagger_.Tag(text, *published);
  if (times.size() > limits_.max_time_expressions) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the text has ", times.size(), " time expressions, over the limit of ",
        limits_.max_time_expressions,
        " for one request (--max_time_expressions): tag the text in parts"));
  }
  v1::ExtractTimexResponse response;
  TextLocator locator(text);
  for (TimeExpression& t : times) {
    const TextSpan span = locator.Locate(t.begin, t.end);
    *response.add_time_expressions() =
        ToProto(LocatedTimeExpression{std::move(t), span});
  }
  if (absl::Status s = CheckResponseSize(response); !s.ok()) return s;
  return response;
}

absl::StatusOr<v1::IngestSourceResponse> FactCheckService::IngestSource(
    const v1::IngestSourceRequest& request) {
  const v1::Source& in = request.source();
  if (in.url().empty()) {
    return absl::InvalidArgumentError("source.url is required");
  }
  if (in.text().empty()) {
    return absl::InvalidArgumentError("source.text is required");
  }
  v1::CheckTextRequest check;
  check.set_text(in.text());
  check.set_published_date(in.published_date());
  // A stored source keeps every claim, for ListClaims to filter.
  check.set_include_unverifiable(true);
  absl::StatusOr<v1::CheckTextResponse> checked = CheckText(check);
  if (!checked.ok()) {
    return absl::Status(checked.status().code(),
                        absl::StrCat("source.", checked.status().message()));
  }
  v1::Source source;
  source.set_name(absl::StrCat("sources/", SourceIdForUrl(in.url())));
  source.set_url(in.url());
  source.set_title(in.title());
  source.set_publisher(in.publisher());
  source.set_published_date(in.published_date());
  source.set_text(in.text());
  std::vector<v1::Finding> findings(checked->findings().begin(),
                                    checked->findings().end());
  if (absl::Status s = AddAcrossSourceFindings(source.name(), findings);
      !s.ok()) {
    return s;
  }
  // The answer's size is known before anything is stored: the findings,
  // the source without its text, a few fixed fields. An ingest that could
  // not be answered must not be stored.
  {
    v1::Source without_text = source;
    without_text.clear_text();
    // Each repeated field: a tag byte and at most five of length.
    std::size_t bytes = without_text.ByteSizeLong() + 6 + 2 + 2;
    for (const v1::Finding& f : findings) bytes += f.ByteSizeLong() + 6;
    if (absl::Status s = ResponseSizeWithin(bytes); !s.ok()) return s;
  }
  bool unchanged = false;
  absl::StatusOr<v1::Source> stored =
      store_->PutSource(source, findings, &unchanged);
  if (!stored.ok()) return stored.status();
  v1::IngestSourceResponse response;
  *response.mutable_source() = *std::move(stored);
  response.mutable_source()->clear_text();
  for (v1::Finding& f : findings) *response.add_findings() = std::move(f);
  response.set_unchanged(unchanged);
  return response;
}

absl::StatusOr<v1::Source> FactCheckService::GetSource(
    const v1::GetSourceRequest& request) {
  absl::StatusOr<std::string> id = IdFromName(request.name(), "sources");
  if (!id.ok()) return id.status();
  return store_->GetSource(*id);
}

absl::StatusOr<v1::ListSourcesResponse> FactCheckService::ListSources(
    const v1::ListSourcesRequest& request) {
  absl::StatusOr<int> size = PageSize(request.page_size());
  if (!size.ok()) return size.status();
  absl::StatusOr<Page<v1::Source>> page =
      store_->ListSources(request.page_token(), *size);
  if (!page.ok()) return page.status();
  v1::ListSourcesResponse response;
  for (v1::Source& s : page->items) *response.add_sources() = std::move(s);
  response.set_next_page_token(page->next_page_token);
  return response;
}

absl::Status FactCheckService::DeleteSource(
    const v1::DeleteSourceRequest& request) {
  absl::StatusOr<std::string> id = IdFromName(request.name(), "sources");
  if (!id.ok()) return id.status();
  return store_->DeleteSource(*id);
}

absl::StatusOr<v1::ListClaimsResponse> FactCheckService::ListClaims(
    const v1::ListClaimsRequest& request) {
  absl::StatusOr<int> size = PageSize(request.page_size());
  if (!size.ok()) return size.status();
  ClaimQuery query;
  if (!request.parent().empty() && request.parent() != "sources/-") {
    absl::StatusOr<std::string> id = IdFromName(request.parent(), "sources");
    if (!id.ok()) return id.status();
    query.source_id = *id;
  }
  if (absl::Status s = ParseClaimFilter(request.filter(), &query); !s.ok())
    return s;
  absl::StatusOr<Page<v1::Finding>> page =
      store_->ListClaims(query, request.page_token(), *size);
  if (!page.ok()) return page.status();
  v1::ListClaimsResponse response;
  for (v1::Finding& f : page->items) *response.add_findings() = std::move(f);
  response.set_next_page_token(page->next_page_token);
  return response;
}

absl::Status FactCheckService::AddAcrossSourceFindings(
    absl::string_view source_name, std::vector<v1::Finding>& findings) {
  // Only events the reference cannot date: elsewhere the REFERENCE finding
  // already decides.
  std::set<std::string> events;
  for (const v1::Finding& f : findings) {
    if (!f.has_reference_date() && ComparableDate(f).has_value()) {
      events.insert(
          std::string(absl::StripPrefix(f.claim().event(), "events/")));
    }
  }
  if (events.empty()) return absl::OkStatus();
  std::map<std::string, std::vector<DatedClaim>> others;
  for (const std::string& event : events) {
    std::vector<DatedClaim>& claims = others[event];
    if (absl::Status s = store_->ForEachClaimByEvent(
            event, false,
            [&](absl::string_view event_id, v1::Finding& f) {
              if (event_id != event) return false;
              const std::string source = SourceOfClaim(f.claim().name());
              std::optional<PartialDate> date = ComparableDate(f);
              if (source != source_name && date.has_value()) {
                claims.push_back({source, f.claim().name(), *date,
                                  f.claim().claimed_date(),
                                  static_cast<int>(claims.size())});
              }
              return true;
            });
        !s.ok()) {
      return s;
    }
  }
  std::vector<v1::Finding> out;
  out.reserve(findings.size());
  for (v1::Finding& f : findings) {
    std::optional<v1::Finding> across;
    const std::optional<PartialDate> date = ComparableDate(f);
    if (!f.has_reference_date() && date.has_value()) {
      // Disagreeing dates, in date order, each with its sources.
      std::map<std::string, std::pair<PartialDate, std::set<std::string>>>
          differ;
      std::set<std::string> related;
      for (const DatedClaim& c : others[std::string(
               absl::StripPrefix(f.claim().event(), "events/"))]) {
        if (AgreeAtCoarserGranularity(c.date, *date)) continue;
        auto& [d, sources] = differ[c.value.value()];
        d = c.date;
        sources.insert(c.source);
        related.insert(c.source);
      }
      if (!related.empty()) {
        across.emplace();
        *across->mutable_claim() = f.claim();
        across->set_kind(v1::ACROSS_SOURCES);
        across->set_verdict(v1::CONTRADICTED);
        across->set_severity(v1::WARNING);
        across->set_confidence(0.5f);
        for (const std::string& r : related) across->add_related_sources(r);
        const std::string& subject = f.claim().event_title();
        std::string explanation;
        if (differ.size() == 1) {
          const auto& [d, sources] = differ.begin()->second;
          explanation =
              absl::StrCat(sources.size() == 1 ? "Another stored source ("
                                               : "Other stored sources (",
                           absl::StrJoin(sources, ", "),
                           sources.size() == 1 ? ") dates " : ") date ",
                           subject, " to ", FormatDateForPeople(d));
        } else {
          std::vector<std::string> parts;
          for (const auto& [value, entry] : differ) {
            parts.push_back(
                absl::StrCat("to ", FormatDateForPeople(entry.first), " (",
                             absl::StrJoin(entry.second, ", "), ")"));
          }
          explanation = absl::StrCat("Other stored sources date ", subject, " ",
                                     absl::StrJoin(parts, ", "));
        }
        absl::StrAppend(&explanation, "; this text says ",
                        f.claim().claimed_text(), ".");
        across->set_explanation(std::move(explanation));
      }
    }
    out.push_back(std::move(f));
    if (across.has_value()) out.push_back(*std::move(across));
  }
  findings = std::move(out);
  return absl::OkStatus();
}

absl::StatusOr<v1::ListConflictsResponse> FactCheckService::ListConflicts(
    const v1::ListConflictsRequest& request) {
  absl::StatusOr<int> size = PageSize(request.page_size());
  if (!size.ok()) return size.status();
  std::string after;
  if (!request.page_token().empty()) {
    absl::StatusOr<std::string> id =
        EventIdFromConflictToken(request.page_token());
    if (!id.ok()) return id.status();
    after = *std::move(id);
  }
  v1::ListConflictsResponse response;
  std::string current;
  std::string title;
  std::vector<DatedClaim> claims;
  bool more = false;
  // Decides the event read so far; false when the page is already full and
  // this event would begin the next one.
  auto finish_event = [&]() -> bool {
    if (current.empty()) return true;
    std::vector<v1::ConflictSide> sides = GroupSides(std::move(claims));
    claims.clear();
    if (sides.size() < 2) return true;
    if (response.conflicts_size() == *size) {
      more = true;
      return false;
    }
    v1::EventConflict* conflict = response.add_conflicts();
    conflict->set_event(absl::StrCat("events/", current));
    conflict->set_event_title(title);
    for (v1::ConflictSide& side : sides) {
      *conflict->add_sides() = std::move(side);
    }
    return true;
  };
  if (absl::Status s = store_->ForEachClaimByEvent(
          after, !after.empty(),
          [&](absl::string_view event_id, v1::Finding& f) {
            if (event_id != current) {
              if (!finish_event()) return false;
              current = std::string(event_id);
              title.clear();
            }
            std::optional<PartialDate> date = ComparableDate(f);
            if (!date.has_value()) return true;
            if (title.empty()) title = f.claim().event_title();
            claims.push_back({SourceOfClaim(f.claim().name()), f.claim().name(),
                              *date, f.claim().claimed_date(),
                              static_cast<int>(claims.size())});
            return true;
          });
      !s.ok()) {
    return s;
  }
  if (!more) finish_event();
  if (more) {
    const std::string& last =
        response.conflicts(response.conflicts_size() - 1).event();
    response.set_next_page_token(
        ConflictPageToken(absl::StripPrefix(last, "events/")));
  }
  return response;
}

absl::StatusOr<v1::Event> FactCheckService::CreateEvent(
    const v1::CreateEventRequest& request) {
  v1::Event event = request.event();
  if (!request.event_id().empty()) event.set_id(request.event_id());
  if (event.id().empty()) {
    return absl::InvalidArgumentError("event_id (or event.id) is required");
  }
  absl::StatusOr<v1::Event> normalized = NormalizeEvent(event);
  if (!normalized.ok()) return normalized.status();
  absl::MutexLock lock(&events_mu_);
  if (absl::Status s = store_->CreateEvent(*normalized); !s.ok()) return s;
  if (absl::Status s = ReloadEvents(); !s.ok()) return s;
  return normalized;
}

absl::StatusOr<v1::Event> FactCheckService::GetEvent(
    const v1::GetEventRequest& request) {
  absl::StatusOr<std::string> id = IdFromName(request.name(), "events");
  if (!id.ok()) return id.status();
  return store_->GetEvent(*id);
}

absl::StatusOr<v1::Event> FactCheckService::UpdateEvent(
    const v1::UpdateEventRequest& request) {
  absl::StatusOr<std::string> id = IdFromName(request.event().name(), "events");
  if (!id.ok()) return id.status();
  const google::protobuf::FieldMask& mask = request.update_mask();
  const bool replace_all =
      mask.paths().empty() || (mask.paths_size() == 1 && mask.paths(0) == "*");
  if (!replace_all) {
    for (const std::string& path : mask.paths()) {
      if (!FieldMaskUtil::GetFieldDescriptors(v1::Event::descriptor(), path,
                                              nullptr)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "update_mask path ", Quoted(path), " is not a field of Event"));
      }
      if (path == "id" || path == "name") {
        return absl::InvalidArgumentError(
            absl::StrCat("update_mask path ", Quoted(path), " is immutable"));
      }
    }
  }
  absl::MutexLock lock(&events_mu_);
  absl::StatusOr<v1::Event> current = store_->GetEvent(*id);
  if (!current.ok()) return current.status();
  v1::Event updated;
  if (replace_all) {
    updated = request.event();
  } else {
    updated = *current;
    FieldMaskUtil::MergeOptions options;
    options.set_replace_message_fields(true);
    options.set_replace_repeated_fields(true);
    FieldMaskUtil::MergeMessageTo(request.event(), mask, options, &updated);
  }
  updated.set_id(*id);
  absl::StatusOr<v1::Event> normalized = NormalizeEvent(updated);
  if (!normalized.ok()) return normalized.status();
  absl::StatusOr<EventWriteCounts> written = store_->PutEvents({*normalized});
  if (!written.ok()) return written.status();
  if (absl::Status s = ReloadEvents(); !s.ok()) return s;
  return normalized;
}

absl::Status FactCheckService::DeleteEvent(
    const v1::DeleteEventRequest& request) {
  absl::StatusOr<std::string> id = IdFromName(request.name(), "events");
  if (!id.ok()) return id.status();
  absl::MutexLock lock(&events_mu_);
  if (absl::Status s = store_->DeleteEvent(*id); !s.ok()) return s;
  return ReloadEvents();
}

absl::StatusOr<v1::ListEventsResponse> FactCheckService::ListEvents(
    const v1::ListEventsRequest& request) {
  absl::StatusOr<int> size = PageSize(request.page_size());
  if (!size.ok()) return size.status();
  absl::StatusOr<Page<v1::Event>> page =
      store_->ListEvents(request.page_token(), *size);
  if (!page.ok()) return page.status();
  v1::ListEventsResponse response;
  for (v1::Event& e : page->items) *response.add_events() = std::move(e);
  response.set_next_page_token(page->next_page_token);
  return response;
}

absl::StatusOr<v1::SearchEventsResponse> FactCheckService::SearchEvents(
    const v1::SearchEventsRequest& request) {
  if (absl::StripAsciiWhitespace(request.query()).empty()) {
    return absl::InvalidArgumentError("query is required");
  }
  if (request.query().size() > 1000) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query is ", request.query().size(), " bytes; the limit is 1000"));
  }
  absl::StatusOr<int> size = PageSize(request.page_size());
  if (!size.ok()) return size.status();
  const int limit = request.page_size() == 0 ? 10 : *size;
  // The checker in use when the search starts, so that the hits and the
  // events fetched for them come from the same reference set as far as a
  // concurrent change allows; an event deleted meanwhile is left out.
  const std::shared_ptr<const Checker> checker = checker_.Get();
  v1::SearchEventsResponse response;
  for (const EventSearchHit& hit :
       checker->catalog().Search(request.query(), limit)) {
    absl::StatusOr<v1::Event> event =
        store_->GetEvent(checker->catalog().events()[hit.event].id);
    if (!event.ok()) continue;
    v1::EventSearchResult* result = response.add_results();
    *result->mutable_event() = *std::move(event);
    result->set_matched_name(hit.matched_name);
    result->set_score(hit.score);
  }
  return response;
}

absl::StatusOr<std::unique_ptr<EventImport>> FactCheckService::StartImport(
    bool strict) {
  return EventImport::Begin(store_.get(), {.strict = strict});
}

absl::StatusOr<v1::ImportEventsResponse> FactCheckService::FinishImport(
    EventImport& import) {
  if (absl::Status s = import.Finish(); !s.ok()) return s;
  v1::ImportEventsResponse response;
  response.set_skipped(import.bad_lines());
  for (const std::string& e : import.errors()) response.add_errors(e);
  response.set_ignored(import.ignored());
  *response.mutable_progress() = import.progress();
  response.set_done(true);
  // Nothing staged: nothing to commit (and the directory is not marked as
  // having had a reference load).
  if (import.staged() == 0) return response;
  absl::MutexLock lock(&events_mu_);
  absl::StatusOr<EventWriteCounts> written = import.Commit();
  if (!written.ok()) return written.status();
  response.set_imported(written->written);
  response.set_unchanged(written->unchanged);
  // One rebuild for the whole import, however many batches it had.
  if (written->written > 0) {
    if (absl::Status s = ReloadEvents(); !s.ok()) return s;
  }
  return response;
}

absl::StatusOr<v1::BackupDatabaseResponse> FactCheckService::BackupDatabase(
    const v1::BackupDatabaseRequest& request) {
  if (!backup_root_.has_value()) {
    return absl::FailedPreconditionError(
        "backups are off on this server: start it with --backup_root=DIR to "
        "allow backups into new directories under DIR");
  }
  absl::StatusOr<std::string> directory =
      backup_root_->Resolve(request.directory());
  if (!directory.ok()) return directory.status();
  if (absl::Status s = store_->Checkpoint(*directory); !s.ok()) return s;
  absl::StatusOr<std::int64_t> bytes = DirectoryBytes(*directory);
  if (!bytes.ok()) return bytes.status();
  v1::BackupDatabaseResponse response;
  response.set_directory(request.directory());
  response.set_size_bytes(*bytes);
  return response;
}

}  // namespace factcheck
