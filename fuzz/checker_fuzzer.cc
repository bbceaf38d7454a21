// libFuzzer target for the engine's entry point, Checker::Check, over a
// small catalog of events whose names and dates the seed texts use. Checks
// the result's contract besides the sanitizers': every span inside the text
// and carrying its text, findings and time expressions in text order, each
// finding's event in the catalog (or none, where the finding has no one
// event), and a suggestion only for a contradicted claim.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/checker.h"
#include "fuzz/fuzz_input.h"

namespace factcheck::fuzz {
namespace {

PartialDate Day(int year, int month, int day) {
  return PartialDate{.year = year,
                     .month = month,
                     .day = day,
                     .granularity = Granularity::kDay};
}

ReferenceEvent Event(std::string id, std::string title,
                     std::vector<std::string> aliases) {
  ReferenceEvent event;
  event.id = std::move(id);
  event.title = std::move(title);
  event.aliases = std::move(aliases);
  event.citations.push_back({.url = "https://example.org/" + event.id});
  return event;
}

std::shared_ptr<const EventCatalog> Catalog() {
  std::vector<ReferenceEvent> events;
  ReferenceEvent invasion =
      Event("full-scale-invasion", "Russian full-scale invasion of Ukraine",
            {"full-scale invasion", "invasion of Ukraine"});
  invasion.start = Day(2022, 2, 24);
  events.push_back(std::move(invasion));
  ReferenceEvent artillery =
      Event("artillery-coalition", "Artillery for Ukraine coalition",
            {"Artillery for Ukraine coalition", "artillery coalition"});
  artillery.date = Day(2024, 1, 18);
  events.push_back(std::move(artillery));
  ReferenceEvent series = Event("udcg", "Ukraine Defense Contact Group",
                                {"Contact Group", "Ramstein"});
  series.type = "series";
  events.push_back(std::move(series));
  ReferenceEvent meeting = Event("udcg-meeting-19", "19th UDCG meeting", {});
  meeting.series_id = "udcg";
  meeting.ordinal = 19;
  meeting.date = Day(2024, 2, 14);
  events.push_back(std::move(meeting));
  ReferenceEvent annexation =
      Event("crimea-annexation", "Annexation of Crimea", {"annexation"});
  annexation.date =
      PartialDate{.year = 2014, .month = 3, .granularity = Granularity::kMonth};
  events.push_back(std::move(annexation));
  absl::StatusOr<std::shared_ptr<const EventCatalog>> catalog =
      EventCatalog::Build(std::move(events));
  FACTCHECK_FUZZ_CHECK(catalog.ok());
  return *std::move(catalog);
}

void CheckSpan(const TextSpan& span, absl::string_view text,
               absl::string_view written) {
  FACTCHECK_FUZZ_CHECK(span.begin <= span.end && span.end <= text.size());
  FACTCHECK_FUZZ_CHECK(text.substr(span.begin, span.end - span.begin) ==
                       written);
  FACTCHECK_FUZZ_CHECK(span.utf16_begin <= span.utf16_end);
  FACTCHECK_FUZZ_CHECK(span.utf16_end <= span.end);
  FACTCHECK_FUZZ_CHECK(span.line >= 1 && span.column >= 1);
}

void CheckAndVerify(absl::string_view text, absl::CivilDay dct) {
  static const Checker* const checker = new Checker(Catalog());
  absl::StatusOr<CheckResult> result = checker->Check(text, dct);
  if (!result.ok()) return;  // Empty or not UTF-8: refused, as documented.
  std::size_t previous = 0;
  for (const LocatedTimeExpression& t : result->time_expressions) {
    CheckSpan(t.span, text, t.expression.text);
    FACTCHECK_FUZZ_CHECK(t.span.begin == t.expression.begin &&
                         t.span.end == t.expression.end);
    FACTCHECK_FUZZ_CHECK(t.span.begin >= previous);
    previous = t.span.end;
  }
  previous = 0;
  for (const Finding& f : result->findings) {
    CheckSpan(f.span, text, f.claimed_text);
    // The finding quotes the part of its sentence at excerpt_span: the
    // whole sentence, or at most kMaxExcerptBytes of it (more only for a
    // longer claim).
    CheckSpan(f.excerpt_span, text, f.sentence);
    FACTCHECK_FUZZ_CHECK(f.sentence_span.begin <= f.excerpt_span.begin &&
                         f.excerpt_span.end <= f.sentence_span.end &&
                         f.sentence_span.end <= text.size());
    FACTCHECK_FUZZ_CHECK(
        f.sentence_span.end - f.sentence_span.begin <= kMaxSentenceBytes);
    FACTCHECK_FUZZ_CHECK(f.sentence.size() <=
                         std::max(kMaxExcerptBytes, f.span.end - f.span.begin));
    CheckSpan(f.event_span, text, f.event_text);
    FACTCHECK_FUZZ_CHECK(f.span.begin >= previous);
    // A finding names a catalog event, or none: an ambiguous name, or a
    // date judged against the publication date alone.
    if (f.event_id.empty()) {
      FACTCHECK_FUZZ_CHECK(f.verdict == Verdict::kUnverifiable ||
                           f.kind == FindingKind::kPublicationDate);
      FACTCHECK_FUZZ_CHECK(f.event_text.empty() ||
                           f.verdict == Verdict::kUnverifiable);
    } else {
      FACTCHECK_FUZZ_CHECK(checker->catalog().Find(f.event_id) != nullptr);
    }
    FACTCHECK_FUZZ_CHECK(f.verdict == Verdict::kContradicted ||
                         f.suggestion.empty());
    previous = f.span.begin;
  }
}

}  // namespace
}  // namespace factcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace factcheck::fuzz;
  if (size < kDctBytes) return 0;
  CheckAndVerify(TextFromBytes(data, size), DctFromBytes(data));
  return 0;
}
