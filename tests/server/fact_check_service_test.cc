// The service logic over a real RocksDB directory and the bundled reference
// events: what each handler returns, and what bad requests get.
#include "server/fact_check_service.h"

#include <cstdint>
#include <memory>
#include <string>

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
  list.set_filter(R"(event = "events/air-defence-coalition" AND verdict = SUPPORTED)");
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
  EXPECT_EQ(service_->IngestSource(request).status().message(),
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
  WriteFileOrDie(path,
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

}  // namespace
}  // namespace factcheck
