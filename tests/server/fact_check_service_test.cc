// The service logic over a real RocksDB directory and the bundled reference
// events: what each handler returns, and what bad requests get.
#include "server/fact_check_service.h"

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>

#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

using ::factcheck::testing::ReadFileOrDie;
using ::factcheck::testing::TempDir;
using ::factcheck::testing::WriteFileOrDie;

std::string SeedBody() {
  const std::string file =
      ReadFileOrDie(std::string(FACTCHECK_TEST_DATA_DIR) + "/seed-article.txt");
  const std::string header = " date 2024-02-14 ";
  return file.substr(file.find(header) + header.size());
}

class FactCheckServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(FACTCHECK_REFERENCE_FILE); }

  void Open(const std::string& reference_file, ServiceLimits limits = {}) {
    service_.reset();
    auto store = Store::Open(dir_.File("data"));
    ASSERT_TRUE(store.ok()) << store.status();
    auto service =
        FactCheckService::Create(*std::move(store), limits, reference_file);
    ASSERT_TRUE(service.ok()) << service.status();
    service_ = *std::move(service);
  }

  v1::IngestSourceRequest SeedSource() {
    v1::IngestSourceRequest request;
    request.mutable_source()->set_url("https://example.org/seed");
    request.mutable_source()->set_title("Air defence coalition");
    request.mutable_source()->set_published_date("2024-02-14");
    request.mutable_source()->set_text(SeedBody());
    return request;
  }

  TempDir dir_;
  std::unique_ptr<FactCheckService> service_;
};

TEST_F(FactCheckServiceTest, SeedArticleFindingsAreExactlyThese) {
  v1::CheckTextRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  request.set_document_id("seed");
  auto response = service_->CheckText(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->document_id(), "seed");
  struct Expected {
    std::string text, value, event, reference;
    v1::Verdict verdict;
  };
  const std::vector<Expected> expected = {
      {"14 February", "2024-02-14", "events/air-defence-coalition",
       "2024-02-14", v1::SUPPORTED},
      {"February 2024", "2024-02", "events/full-scale-invasion", "2022-02-24",
       v1::CONTRADICTED},
      {"18 January", "2024-01-18", "events/artillery-coalition", "2024-01-18",
       v1::SUPPORTED},
      {"today", "2024-02-14", "events/air-defence-coalition", "2024-02-14",
       v1::SUPPORTED},
      {"14 February", "2024-02-14", "events/udcg-meeting-19", "2024-02-14",
       v1::SUPPORTED},
      {"2023", "2023", "events/udcg-meeting-17", "2023-11-22", v1::SUPPORTED},
  };
  ASSERT_EQ(response->findings_size(), static_cast<int>(expected.size()))
      << response->DebugString();
  for (int i = 0; i < response->findings_size(); ++i) {
    const v1::Finding& f = response->findings(i);
    SCOPED_TRACE(f.DebugString());
    EXPECT_EQ(f.claim().claimed_text(), expected[i].text);
    EXPECT_EQ(f.claim().claimed_date().value(), expected[i].value);
    EXPECT_EQ(f.claim().event(), expected[i].event);
    EXPECT_EQ(f.reference_date().value(), expected[i].reference);
    EXPECT_EQ(f.verdict(), expected[i].verdict);
    EXPECT_FALSE(f.explanation().empty());
    EXPECT_GE(f.citations_size(), 1);
  }
  EXPECT_EQ(response->contradicted_count(), 1);
  EXPECT_EQ(response->findings(1).suggestion(), "February 2022");
  EXPECT_EQ(response->findings(0).suggestion(), "");
}

// Two events share the alias "Test Summit" and neither date fits March 2023:
// the claim matches nothing, and is reported only on request.
TEST_F(FactCheckServiceTest,
       ClaimsThatMatchNothingOnlyWithIncludeUnverifiable) {
  for (const auto& [id, title, date] :
       {std::tuple{"test-summit-2021", "2021 Tallinn Test Summit",
                   "2021-05-01"},
        std::tuple{"test-summit-2022", "2022 Riga Test Summit",
                   "2022-06-01"}}) {
    v1::CreateEventRequest create;
    create.set_event_id(id);
    create.mutable_event()->set_title(title);
    create.mutable_event()->add_aliases("Test Summit");
    create.mutable_event()->mutable_date()->set_value(date);
    create.mutable_event()->mutable_date()->set_granularity(v1::DAY);
    create.mutable_event()->add_citations()->set_url("https://example.org/s");
    ASSERT_TRUE(service_->CreateEvent(create).ok());
  }
  v1::CheckTextRequest request;
  request.set_text(
      "The Test Summit took place in March 2023. The full-scale invasion "
      "began in February 2022.");
  request.set_published_date("2024-01-01");
  auto hidden = service_->CheckText(request);
  ASSERT_TRUE(hidden.ok()) << hidden.status();
  ASSERT_EQ(hidden->findings_size(), 1) << hidden->DebugString();
  EXPECT_EQ(hidden->findings(0).claim().claimed_text(), "February 2022");
  EXPECT_EQ(hidden->findings(0).verdict(), v1::SUPPORTED);

  request.set_include_unverifiable(true);
  auto all = service_->CheckText(request);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->findings_size(), 2) << all->DebugString();
  EXPECT_EQ(all->findings(0).claim().claimed_text(), "March 2023");
  EXPECT_EQ(all->findings(0).verdict(), v1::UNVERIFIABLE);
  EXPECT_EQ(all->findings(0).claim().event(), "");
  EXPECT_EQ(all->findings(0).explanation(),
            "\"Test Summit\" may mean 2021 Tallinn Test Summit or 2022 Riga "
            "Test Summit; the reference cannot tell which.");
  EXPECT_EQ(all->findings(1).claim().claimed_text(), "February 2022");

  // A stored source keeps every claim.
  v1::IngestSourceRequest ingest;
  ingest.mutable_source()->set_url("https://example.org/summit");
  ingest.mutable_source()->set_published_date("2024-01-01");
  ingest.mutable_source()->set_text(request.text());
  auto stored = service_->IngestSource(ingest);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->findings_size(), 2);
}

TEST_F(FactCheckServiceTest, ClaimReviewsOnlyForContradictedFindings) {
  service_->set_claim_review_author(
      {.name = "Desk", .url = "https://desk.example"});
  v1::CheckTextRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  auto plain = service_->CheckText(request);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->claim_reviews_size(), 0);

  request.set_claim_review(true);
  request.set_source_url("https://example.org/seed");
  auto response = service_->CheckText(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->claim_reviews_size(), 1);
  const ClaimReviewContext context{
      .review_url = "",
      .source_url = "https://example.org/seed",
      .source_author = "",
      .published_date = "2024-02-14",
      .review_date = absl::FormatCivilTime(
          absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())),
      .author = {.name = "Desk", .url = "https://desk.example"}};
  EXPECT_EQ(response->claim_reviews(0),
            ClaimReviewJsonLd(response->findings(1), context));
  EXPECT_NE(response->claim_reviews(0).find(
                R"("author":{"@type":"Organization","name":"Desk",)"
                R"("url":"https://desk.example"})"),
            std::string::npos)
      << response->claim_reviews(0);
}

const v1::TimeExpression* FindTimex(const v1::ExtractTimexResponse& response,
                                    const std::string& text) {
  for (const v1::TimeExpression& t : response.time_expressions()) {
    if (t.text() == text) return &t;
  }
  return nullptr;
}

TEST_F(FactCheckServiceTest, ExtractTimexLocatesAndNormalisesSeedArticleDates) {
  v1::ExtractTimexRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  auto response = service_->ExtractTimex(request);
  ASSERT_TRUE(response.ok()) << response.status();

  const v1::TimeExpression* invasion = FindTimex(*response, "February 2024");
  ASSERT_NE(invasion, nullptr) << response->DebugString();
  EXPECT_EQ(invasion->type(), "DATE");
  EXPECT_EQ(invasion->value(), "2024-02");
  // Byte and UTF-16 offsets differ: the text before it has "é" and "’".
  EXPECT_EQ(invasion->span().begin(), 403u);
  EXPECT_EQ(invasion->span().end(), 416u);
  EXPECT_EQ(invasion->span().utf16_begin(), 400u);
  EXPECT_EQ(invasion->span().utf16_end(), 413u);
  EXPECT_EQ(invasion->span().line(), 3u);
  EXPECT_EQ(invasion->span().column(), 192u);

  // A yearless date is resolved against published_date.
  const v1::TimeExpression* artillery = FindTimex(*response, "18 January");
  ASSERT_NE(artillery, nullptr) << response->DebugString();
  EXPECT_EQ(artillery->type(), "DATE");
  EXPECT_EQ(artillery->value(), "2024-01-18");
  EXPECT_EQ(artillery->span().begin(), 645u);
  EXPECT_EQ(artillery->span().end(), 655u);

  const v1::TimeExpression* today = FindTimex(*response, "today");
  ASSERT_NE(today, nullptr) << response->DebugString();
  EXPECT_EQ(today->value(), "2024-02-14");

  // In text order, without overlaps, each span's text as written.
  const std::string body = SeedBody();
  std::uint32_t previous_end = 0;
  for (const v1::TimeExpression& t : response->time_expressions()) {
    EXPECT_GE(t.span().begin(), previous_end) << t.DebugString();
    EXPECT_EQ(body.substr(t.span().begin(), t.span().end() - t.span().begin()),
              t.text());
    previous_end = t.span().end();
  }
}

TEST_F(FactCheckServiceTest, ExtractTimexValidatesLikeCheckText) {
  Open(FACTCHECK_REFERENCE_FILE, {.max_text_bytes = 100});
  v1::ExtractTimexRequest request;
  request.set_text("It happened in May 2023.");
  request.set_published_date("2024-02-30");
  EXPECT_EQ(service_->ExtractTimex(request).status().message(),
            "published_date '2024-02-30' is not a valid date (YYYY-MM-DD)");
  request.clear_published_date();
  EXPECT_EQ(service_->ExtractTimex(request).status().code(),
            absl::StatusCode::kInvalidArgument);

  request.set_published_date("2024-02-14");
  request.set_text("");
  EXPECT_EQ(service_->ExtractTimex(request).status().message(),
            "text is empty");
  request.set_text("abc\xff def");
  EXPECT_EQ(service_->ExtractTimex(request).status().message(),
            "text is not valid UTF-8: bad byte 0xff at byte offset 3");
  request.set_text(std::string(101, 'a'));
  EXPECT_EQ(
      service_->ExtractTimex(request).status().message(),
      "text is 101 bytes, over the limit of 100 bytes (--max_text_bytes)");
  EXPECT_EQ(service_->ExtractTimex(request).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST_F(FactCheckServiceTest, IngestIsIdempotentAndReplacesOnChange) {
  auto first = service_->IngestSource(SeedSource());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->unchanged());
  EXPECT_EQ(first->source().name(),
            "sources/" + SourceIdForUrl("https://example.org/seed"));
  EXPECT_EQ(first->source().claim_count(), 6);
  EXPECT_EQ(first->source().contradicted_count(), 1);
  EXPECT_EQ(first->source().text(), "");  // Not echoed back.

  auto second = service_->IngestSource(SeedSource());
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->unchanged());

  v1::IngestSourceRequest fixed = SeedSource();
  std::string text = fixed.source().text();
  text.replace(text.find("February 2024"), 13, "February 2022");
  fixed.mutable_source()->set_text(text);
  auto third = service_->IngestSource(fixed);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->unchanged());
  EXPECT_EQ(third->source().contradicted_count(), 0);

  v1::ListClaimsRequest list;
  list.set_filter("verdict = CONTRADICTED");
  auto claims = service_->ListClaims(list);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->findings_size(), 0);
}

TEST_F(FactCheckServiceTest, ListClaimsFiltersByEventAndVerdict) {
  ASSERT_TRUE(service_->IngestSource(SeedSource()).ok());
  v1::ListClaimsRequest list;
  list.set_filter(
      R"(event = "events/air-defence-coalition" AND verdict = SUPPORTED)");
  auto claims = service_->ListClaims(list);
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_EQ(claims->findings_size(), 2);
  EXPECT_EQ(claims->findings(0).claim().claimed_text(), "14 February");
  EXPECT_EQ(claims->findings(1).claim().claimed_text(), "today");

  list.set_filter("colour = red");
  EXPECT_EQ(service_->ListClaims(list).status().message(),
            "filter: unknown field 'colour' (fields: event, verdict)");
  list.set_filter("verdict = MAYBE");
  EXPECT_EQ(service_->ListClaims(list).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(FactCheckServiceTest, DeleteSourceRemovesItsClaims) {
  auto ingested = service_->IngestSource(SeedSource());
  ASSERT_TRUE(ingested.ok());
  v1::DeleteSourceRequest del;
  del.set_name(ingested->source().name());
  ASSERT_TRUE(service_->DeleteSource(del).ok());
  EXPECT_EQ(service_->DeleteSource(del).code(), absl::StatusCode::kNotFound);
  auto claims = service_->ListClaims({});
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->findings_size(), 0);
  v1::GetSourceRequest get;
  get.set_name(ingested->source().name());
  EXPECT_EQ(service_->GetSource(get).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FactCheckServiceTest, IngestRequiresUrlTextAndDate) {
  v1::IngestSourceRequest request = SeedSource();
  request.mutable_source()->clear_url();
  EXPECT_EQ(service_->IngestSource(request).status().message(),
            "source.url is required");
  request = SeedSource();
  request.mutable_source()->set_published_date("yesterday");
  EXPECT_EQ(
      service_->IngestSource(request).status().message(),
      "source.published_date 'yesterday' is not a valid date (YYYY-MM-DD)");
  request = SeedSource();
  request.mutable_source()->set_text("\xC3\x28");
  EXPECT_EQ(service_->IngestSource(request).status().code(),
            absl::StatusCode::kInvalidArgument);
  auto sources = service_->ListSources({});
  ASSERT_TRUE(sources.ok());
  EXPECT_EQ(sources->sources_size(), 0);
}

TEST_F(FactCheckServiceTest, ReferenceFileLoadsOnlyIntoAnEmptyDirectory) {
  const std::size_t bundled = service_->event_count();
  EXPECT_GE(bundled, 50u);
  v1::DeleteEventRequest del;
  del.set_name("events/full-scale-invasion");
  ASSERT_TRUE(service_->DeleteEvent(del).ok());
  // A restart does not bring a deleted event back.
  Open(FACTCHECK_REFERENCE_FILE);
  EXPECT_EQ(service_->event_count(), bundled - 1);
}

TEST_F(FactCheckServiceTest, CorruptReferenceFileFailsTheStartNamingTheLine) {
  TempDir other;
  const std::string path = other.File("events.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"a","title":"A","date":{"value":"2020"},"citations":[{"url":"https://e.org"}]})"
      "\n{\"id\":\n");
  auto store = Store::Open(other.File("data"));
  ASSERT_TRUE(store.ok());
  auto service = FactCheckService::Create(*std::move(store), {}, path);
  ASSERT_FALSE(service.ok());
  EXPECT_EQ(service.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(service.status().message().find("line 2:"), std::string::npos)
      << service.status();
  // Nothing was written: the directory still counts as never loaded.
  auto reopened = Store::Open(other.File("data"));
  ASSERT_TRUE(reopened.ok());
  EXPECT_FALSE(*(*reopened)->ReferenceLoaded());
}

TEST_F(FactCheckServiceTest, UpdateEventRejectsUnknownAndImmutablePaths) {
  v1::UpdateEventRequest update;
  update.mutable_event()->set_name("events/full-scale-invasion");
  update.mutable_update_mask()->add_paths("colour");
  EXPECT_EQ(service_->UpdateEvent(update).status().message(),
            "update_mask path 'colour' is not a field of Event");
  update.mutable_update_mask()->set_paths(0, "id");
  EXPECT_EQ(service_->UpdateEvent(update).status().message(),
            "update_mask path 'id' is immutable");
  update.mutable_update_mask()->set_paths(0, "title");
  update.mutable_event()->set_name("events/nope");
  EXPECT_EQ(service_->UpdateEvent(update).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FactCheckServiceTest, ListSourcesRejectsNegativePageSize) {
  v1::ListSourcesRequest list;
  list.set_page_size(-1);
  EXPECT_EQ(service_->ListSources(list).status().message(),
            "page_size -1 is negative");
}

// --- Across sources and ListConflicts --------------------------------------

class ConflictsTest : public FactCheckServiceTest {
 protected:
  void SetUp() override {
    FactCheckServiceTest::SetUp();
    // A series may have no date: the reference cannot decide, and only the
    // sources can be compared.
    CreateUndatedEvent("zorya-summit", "Zorya summit", "series");
  }

  // An event the reference knows by name only.
  void CreateUndatedEvent(const std::string& id, const std::string& title,
                          const std::string& type) {
    v1::CreateEventRequest request;
    request.set_event_id(id);
    request.mutable_event()->set_title(title);
    request.mutable_event()->set_type(type);
    request.mutable_event()->add_citations()->set_url("https://example.org/" +
                                                      id);
    auto created = service_->CreateEvent(request);
    ASSERT_TRUE(created.ok()) << created.status();
  }

  v1::IngestSourceResponse Ingest(const std::string& url,
                                  const std::string& text) {
    v1::IngestSourceRequest request;
    request.mutable_source()->set_url(url);
    request.mutable_source()->set_published_date("2023-07-01");
    request.mutable_source()->set_text(text);
    auto response = service_->IngestSource(request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : v1::IngestSourceResponse();
  }

  v1::ListConflictsResponse Conflicts(int page_size = 0,
                                      const std::string& token = "") {
    v1::ListConflictsRequest request;
    request.set_page_size(page_size);
    request.set_page_token(token);
    auto response = service_->ListConflicts(request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? *response : v1::ListConflictsResponse();
  }

  static std::string Name(const std::string& url) {
    return "sources/" + SourceIdForUrl(url);
  }
};

TEST_F(ConflictsTest, SourcesThatDisagreeAreListedWithTheirSides) {
  const v1::IngestSourceResponse a =
      Ingest("https://a.example/1", "The Zorya summit began on 23 June 2023.");
  ASSERT_EQ(a.findings_size(), 1) << a.DebugString();
  EXPECT_EQ(a.findings(0).claim().event(), "events/zorya-summit");
  EXPECT_EQ(a.findings(0).verdict(), v1::UNVERIFIABLE);

  const v1::IngestSourceResponse b =
      Ingest("https://b.example/1", "The Zorya summit began on 24 June 2023.");
  ASSERT_EQ(b.findings_size(), 2) << b.DebugString();
  const v1::Finding& across = b.findings(1);
  EXPECT_EQ(across.kind(), v1::ACROSS_SOURCES);
  EXPECT_EQ(across.verdict(), v1::CONTRADICTED);
  EXPECT_EQ(across.severity(), v1::WARNING);
  EXPECT_EQ(across.claim().claimed_date().value(), "2023-06-24");
  ASSERT_EQ(across.related_sources_size(), 1);
  EXPECT_EQ(across.related_sources(0), Name("https://a.example/1"));
  EXPECT_EQ(across.explanation(),
            "Another stored source (" + Name("https://a.example/1") +
                ") dates Zorya summit to 23 June 2023; this text says 24 "
                "June 2023.");
  EXPECT_EQ(b.source().contradicted_count(), 1);

  // Re-ingesting the same text finds the same and writes nothing.
  const v1::IngestSourceResponse again =
      Ingest("https://b.example/1", "The Zorya summit began on 24 June 2023.");
  EXPECT_TRUE(again.unchanged());
  EXPECT_EQ(again.findings_size(), 2);

  const v1::ListConflictsResponse conflicts = Conflicts();
  ASSERT_EQ(conflicts.conflicts_size(), 1) << conflicts.DebugString();
  const v1::EventConflict& c = conflicts.conflicts(0);
  EXPECT_EQ(c.event(), "events/zorya-summit");
  EXPECT_EQ(c.event_title(), "Zorya summit");
  ASSERT_EQ(c.sides_size(), 2);
  EXPECT_EQ(c.sides(0).claimed_date().value(), "2023-06-23");
  EXPECT_EQ(c.sides(0).claimed_date().granularity(), v1::DAY);
  ASSERT_EQ(c.sides(0).sources_size(), 1);
  EXPECT_EQ(c.sides(0).sources(0), Name("https://a.example/1"));
  ASSERT_EQ(c.sides(0).claims_size(), 1);
  EXPECT_EQ(c.sides(0).claims(0), Name("https://a.example/1") + "/claims/1");
  EXPECT_EQ(c.sides(1).claimed_date().value(), "2023-06-24");
  ASSERT_EQ(c.sides(1).sources_size(), 1);
  EXPECT_EQ(c.sides(1).sources(0), Name("https://b.example/1"));
  // The ACROSS_SOURCES finding repeats claim 1 and is not counted again.
  ASSERT_EQ(c.sides(1).claims_size(), 1);
  EXPECT_EQ(c.sides(1).claims(0), Name("https://b.example/1") + "/claims/1");
  EXPECT_TRUE(conflicts.next_page_token().empty());
}

TEST_F(ConflictsTest, AnEventNotYetDatedIsComparedAcrossSources) {
  // Not a series: an event the newsroom follows before its date is
  // settled. The reference knows its name, the sources date it.
  CreateUndatedEvent("harbour-bridge-collapse", "Harbour bridge collapse",
                     "accident");
  const v1::IngestSourceResponse a =
      Ingest("https://a.example/2",
             "The Harbour bridge collapse on 26 March killed six.");
  ASSERT_EQ(a.findings_size(), 1) << a.DebugString();
  EXPECT_EQ(a.findings(0).verdict(), v1::UNVERIFIABLE);
  const v1::IngestSourceResponse b =
      Ingest("https://b.example/2",
             "Since the Harbour bridge collapse on 16 March, ferries run.");
  ASSERT_EQ(b.findings_size(), 2) << b.DebugString();
  EXPECT_EQ(b.findings(1).kind(), v1::ACROSS_SOURCES);
  EXPECT_EQ(b.findings(1).verdict(), v1::CONTRADICTED);
  EXPECT_EQ(b.findings(1).claim().claimed_text(), "16 March");
  ASSERT_EQ(Conflicts().conflicts_size(), 1);
  EXPECT_EQ(Conflicts().conflicts(0).event(), "events/harbour-bridge-collapse");
}

TEST_F(ConflictsTest, AgreeingSourcesMakeNoConflict) {
  Ingest("https://a.example/1", "The Zorya summit began on 23 June 2023.");
  const v1::IngestSourceResponse b =
      Ingest("https://b.example/1", "The Zorya summit began on 23 June 2023.");
  ASSERT_EQ(b.findings_size(), 1) << b.DebugString();
  EXPECT_EQ(Conflicts().conflicts_size(), 0);
}

TEST_F(ConflictsTest, DatesAgreeAtTheCoarserGranularity) {
  Ingest("https://a.example/1", "The Zorya summit began on 23 June 2023.");
  const v1::IngestSourceResponse b =
      Ingest("https://b.example/1", "The Zorya summit began in 2023.");
  ASSERT_EQ(b.findings_size(), 1) << b.DebugString();
  EXPECT_EQ(b.findings(0).claim().claimed_date().value(), "2023");
  EXPECT_EQ(Conflicts().conflicts_size(), 0);
}

TEST_F(ConflictsTest, SeedArticleAloneHasNoConflicts) {
  auto seed = service_->IngestSource(SeedSource());
  ASSERT_TRUE(seed.ok()) << seed.status();
  for (const v1::Finding& f : seed->findings()) {
    EXPECT_NE(f.kind(), v1::ACROSS_SOURCES) << f.DebugString();
  }
  EXPECT_EQ(Conflicts().conflicts_size(), 0);
}

TEST_F(ConflictsTest, ConflictsArePagedInEventOrder) {
  CreateUndatedEvent("kestrel-talks", "Kestrel talks", "series");
  Ingest("https://a.example/1",
         "The Zorya summit began on 23 June 2023. The Kestrel talks ended "
         "on 24 June 2023.");
  Ingest("https://b.example/1",
         "The Zorya summit began on 22 June 2023. The Kestrel talks ended "
         "on 25 June 2023.");
  const v1::ListConflictsResponse first = Conflicts(1);
  ASSERT_EQ(first.conflicts_size(), 1) << first.DebugString();
  EXPECT_EQ(first.conflicts(0).event(), "events/kestrel-talks");
  ASSERT_FALSE(first.next_page_token().empty());
  const v1::ListConflictsResponse second =
      Conflicts(1, first.next_page_token());
  ASSERT_EQ(second.conflicts_size(), 1) << second.DebugString();
  EXPECT_EQ(second.conflicts(0).event(), "events/zorya-summit");
  EXPECT_TRUE(second.next_page_token().empty());

  v1::ListConflictsRequest bad;
  bad.set_page_token("not a token");
  EXPECT_EQ(service_->ListConflicts(bad).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// --- Readiness and the check observer ---------------------------------------

TEST_F(FactCheckServiceTest, NotReadyUntilTheReferenceIsLoaded) {
  auto store = Store::Open(dir_.File("fresh"));
  ASSERT_TRUE(store.ok()) << store.status();
  std::unique_ptr<FactCheckService> service =
      FactCheckService::Open(*std::move(store), ServiceLimits());
  EXPECT_FALSE(service->ready());
  const absl::Status not_ready = service->CheckReady();
  EXPECT_EQ(not_ready.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(not_ready.message(),
            "loading reference data: the server answers once it is loaded "
            "(its health check says SERVING then); retry later");
  EXPECT_EQ(service->event_count(), 0u);
  ASSERT_TRUE(service->LoadReference(FACTCHECK_REFERENCE_FILE).ok());
  EXPECT_TRUE(service->ready());
  EXPECT_TRUE(service->CheckReady().ok());
  EXPECT_EQ(service->event_count(), service_->event_count());
}

TEST_F(FactCheckServiceTest, AFailedLoadLeavesTheServiceNotReady) {
  auto store = Store::Open(dir_.File("fresh"));
  ASSERT_TRUE(store.ok()) << store.status();
  std::unique_ptr<FactCheckService> service =
      FactCheckService::Open(*std::move(store), ServiceLimits());
  const std::string missing = dir_.File("missing.jsonl");
  EXPECT_EQ(service->LoadReference(missing).message(),
            "cannot open reference file '" + missing + "'");
  EXPECT_FALSE(service->ready());
}

// Counts what it is told.
class CountingObserver : public CheckObserver {
 public:
  void OnTextChecked(const CheckCounts& counts) override {
    ++texts;
    total.supported += counts.supported;
    total.contradicted += counts.contradicted;
    total.unverifiable += counts.unverifiable;
  }
  int texts = 0;
  CheckCounts total;
};

TEST_F(FactCheckServiceTest, ObserverHearsTheVerdictOfEveryExtractedClaim) {
  CountingObserver observer;
  service_->set_check_observer(&observer);
  v1::CheckTextRequest request;
  request.set_text(SeedBody());
  request.set_published_date("2024-02-14");
  request.set_include_unverifiable(true);
  absl::StatusOr<v1::CheckTextResponse> all = service_->CheckText(request);
  ASSERT_TRUE(all.ok()) << all.status();
  // Without include_unverifiable the response may list fewer findings;
  // the observer still hears of every claim.
  request.set_include_unverifiable(false);
  ASSERT_TRUE(service_->CheckText(request).ok());
  ASSERT_TRUE(service_->IngestSource(SeedSource()).ok());
  CheckCounts expected;
  for (const v1::Finding& f : all->findings()) {
    if (f.verdict() == v1::SUPPORTED) ++expected.supported;
    if (f.verdict() == v1::CONTRADICTED) ++expected.contradicted;
    if (f.verdict() == v1::UNVERIFIABLE) ++expected.unverifiable;
  }
  EXPECT_EQ(expected.contradicted, 1);
  EXPECT_EQ(observer.texts, 3);
  EXPECT_EQ(observer.total.supported, 3 * expected.supported);
  EXPECT_EQ(observer.total.contradicted, 3 * expected.contradicted);
  EXPECT_EQ(observer.total.unverifiable, 3 * expected.unverifiable);
  service_->set_check_observer(nullptr);
}

}  // namespace
}  // namespace factcheck
