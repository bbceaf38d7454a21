// Specification of the RocksDB store, run against a real database in a
// temporary directory.
#include "storage/store.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "factcheck/v1/claim.pb.h"
#include "factcheck/v1/event.pb.h"
#include "factcheck/v1/source.pb.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/storage/store_fixture.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

using google::protobuf::util::TimeUtil;

// Protos compare by their text form, which also makes failures readable.
std::string Text(const google::protobuf::Message& message) {
  return message.DebugString();
}

v1::Source MakeSource(const std::string& id, const std::string& title) {
  v1::Source source;
  source.set_name("sources/" + id);
  source.set_url("https://news.example/" + id);
  source.set_title(title);
  source.set_publisher("Example News");
  source.set_published_date("2024-03-01");
  source.set_text("The full-scale invasion began in February 2024.");
  return source;
}

v1::Finding MakeFinding(const std::string& event_id, v1::Verdict verdict,
                        const std::string& claimed_text) {
  v1::Finding finding;
  if (!event_id.empty())
    finding.mutable_claim()->set_event("events/" + event_id);
  finding.mutable_claim()->set_claimed_text(claimed_text);
  finding.mutable_claim()->mutable_span()->set_begin(10);
  finding.mutable_claim()->mutable_span()->set_end(23);
  finding.set_verdict(verdict);
  finding.set_explanation("Explained: " + claimed_text);
  return finding;
}

v1::Event MakeEvent(const std::string& id, const std::string& title) {
  v1::Event event;
  event.set_id(id);
  event.set_title(title);
  event.add_aliases(title + " alias");
  event.mutable_date()->set_value("2022-02-24");
  event.mutable_date()->set_granularity(v1::DAY);
  event.add_citations()->set_url("https://reference.example/" + id);
  return event;
}

std::vector<std::string> ClaimNames(const std::vector<v1::Finding>& findings) {
  std::vector<std::string> names;
  for (const v1::Finding& finding : findings) {
    names.push_back(finding.claim().name());
  }
  return names;
}

std::vector<std::string> SourceNames(const std::vector<v1::Source>& sources) {
  std::vector<std::string> names;
  for (const v1::Source& source : sources) names.push_back(source.name());
  return names;
}

std::vector<std::string> EventIds(const std::vector<v1::Event>& events) {
  std::vector<std::string> ids;
  for (const v1::Event& event : events) ids.push_back(event.id());
  return ids;
}

class StoreTest : public StoreFixture {
 protected:
  // Stores source `id` with `findings` and returns what was stored.
  v1::Source Put(const std::string& id, std::vector<v1::Finding> findings,
                 const std::string& title = "Title") {
    bool unchanged = true;
    absl::StatusOr<v1::Source> stored =
        store_->PutSource(MakeSource(id, title), findings, &unchanged);
    EXPECT_TRUE(stored.ok()) << stored.status();
    EXPECT_FALSE(unchanged);
    return stored.ok() ? *stored : v1::Source();
  }

  // Every claim matching `query`, read one page of `page_size` at a time;
  // the names of the claims on each page.
  std::vector<std::vector<std::string>> ClaimPages(const ClaimQuery& query,
                                                   int page_size) {
    std::vector<std::vector<std::string>> pages;
    std::string token;
    do {
      absl::StatusOr<Page<v1::Finding>> page =
          store_->ListClaims(query, token, page_size);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      pages.push_back(ClaimNames(page->items));
      token = page->next_page_token;
    } while (!token.empty());
    return pages;
  }
};

// --- Sources ---------------------------------------------------------------

TEST_F(StoreTest, PutSourceStoresSourceWithCountsTimesAndClaimNames) {
  std::vector<v1::Finding> findings = {
      MakeFinding("invasion", v1::CONTRADICTED, "February 2024"),
      MakeFinding("invasion", v1::SUPPORTED, "2022"),
      MakeFinding("", v1::UNVERIFIABLE, "last spring")};
  v1::Source input = MakeSource("kyiv-report", "Kyiv report");
  // Output-only fields from the caller are replaced, not trusted.
  input.set_claim_count(99);
  input.set_contradicted_count(42);
  bool unchanged = true;
  const google::protobuf::Timestamp before = TimeUtil::GetCurrentTime();

  absl::StatusOr<v1::Source> stored =
      store_->PutSource(input, findings, &unchanged);

  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_FALSE(unchanged);
  EXPECT_EQ(stored->name(), "sources/kyiv-report");
  EXPECT_EQ(stored->url(), "https://news.example/kyiv-report");
  EXPECT_EQ(stored->title(), "Kyiv report");
  EXPECT_EQ(stored->publisher(), "Example News");
  EXPECT_EQ(stored->published_date(), "2024-03-01");
  EXPECT_EQ(stored->text(), "The full-scale invasion began in February 2024.");
  EXPECT_EQ(stored->claim_count(), 3);
  EXPECT_EQ(stored->contradicted_count(), 1);
  EXPECT_GE(stored->create_time(), before);
  EXPECT_EQ(Text(stored->update_time()), Text(stored->create_time()));
  EXPECT_EQ(ClaimNames(findings),
            (std::vector<std::string>{"sources/kyiv-report/claims/1",
                                      "sources/kyiv-report/claims/2",
                                      "sources/kyiv-report/claims/3"}));

  absl::StatusOr<v1::Source> got = store_->GetSource("kyiv-report");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Text(*got), Text(*stored));

  absl::StatusOr<Page<v1::Finding>> claims =
      store_->ListClaims({.source_id = "kyiv-report"}, "", 10);
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_EQ(claims->items.size(), 3u);
  for (size_t i = 0; i < findings.size(); ++i) {
    EXPECT_EQ(Text(claims->items[i]), Text(findings[i]));
  }
  EXPECT_EQ(claims->next_page_token, "");
}

TEST_F(StoreTest, GetMissingSourceIsNotFoundNamingTheId) {
  absl::StatusOr<v1::Source> got = store_->GetSource("abc");
  EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(got.status().message(), "source 'abc' not found");
}

TEST_F(StoreTest, PutSourceRejectsNameWithoutId) {
  std::vector<v1::Finding> findings;
  bool unchanged = false;
  for (const char* name : {"sources/", "articles/a", "", "a"}) {
    v1::Source source = MakeSource("a", "A");
    source.set_name(name);
    EXPECT_EQ(store_->PutSource(source, findings, &unchanged).status().code(),
              absl::StatusCode::kInvalidArgument)
        << name;
  }
}

TEST_F(StoreTest, ReputtingIdenticalSourceChangesNothing) {
  const v1::Source first =
      Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024")});
  std::this_thread::sleep_for(std::chrono::milliseconds(2));

  std::vector<v1::Finding> findings = {
      MakeFinding("invasion", v1::CONTRADICTED, "February 2024")};
  bool unchanged = false;
  absl::StatusOr<v1::Source> again =
      store_->PutSource(MakeSource("a", "Title"), findings, &unchanged);

  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(unchanged);
  EXPECT_EQ(Text(*again), Text(first));
  EXPECT_EQ(findings[0].claim().name(), "sources/a/claims/1");
  absl::StatusOr<v1::Source> got = store_->GetSource("a");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Text(*got), Text(first));
}

TEST_F(StoreTest, ReputtingChangedSourceReplacesClaimsAndIndex) {
  const v1::Source first =
      Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024"),
                MakeFinding("invasion", v1::SUPPORTED, "2022"),
                MakeFinding("ramstein", v1::SUPPORTED, "April 2022")});
  std::this_thread::sleep_for(std::chrono::milliseconds(2));

  const v1::Source second =
      Put("a", {MakeFinding("annexation", v1::SUPPORTED, "2014")}, "New title");

  EXPECT_EQ(second.title(), "New title");
  EXPECT_EQ(second.claim_count(), 1);
  EXPECT_EQ(second.contradicted_count(), 0);
  EXPECT_EQ(Text(second.create_time()), Text(first.create_time()));
  EXPECT_GT(second.update_time(), first.update_time());
  EXPECT_EQ(ClaimPages({.source_id = "a"}, 10),
            (std::vector<std::vector<std::string>>{{"sources/a/claims/1"}}));
  absl::StatusOr<Page<v1::Finding>> claim =
      store_->ListClaims({.source_id = "a"}, "", 10);
  ASSERT_TRUE(claim.ok()) << claim.status();
  ASSERT_EQ(claim->items.size(), 1u);
  EXPECT_EQ(claim->items[0].claim().claimed_text(), "2014");
  EXPECT_EQ(ClaimPages({.event_id = "invasion"}, 10),
            (std::vector<std::vector<std::string>>{{}}));
  EXPECT_EQ(ClaimPages({.event_id = "ramstein"}, 10),
            (std::vector<std::vector<std::string>>{{}}));
  EXPECT_EQ(ClaimPages({.event_id = "annexation"}, 10),
            (std::vector<std::vector<std::string>>{{"sources/a/claims/1"}}));
}

TEST_F(StoreTest, ChangingOnlyAFindingIsAChange) {
  Put("a", {MakeFinding("invasion", v1::SUPPORTED, "2022")});
  std::vector<v1::Finding> findings = {
      MakeFinding("invasion", v1::CONTRADICTED, "2022")};
  bool unchanged = true;
  absl::StatusOr<v1::Source> stored =
      store_->PutSource(MakeSource("a", "Title"), findings, &unchanged);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_FALSE(unchanged);
  EXPECT_EQ(stored->contradicted_count(), 1);
}

TEST_F(StoreTest, ListSourcesReturnsIdOrderWithoutTextAcrossPages) {
  for (const char* id : {"c", "a-b", "b", "a"}) Put(id, {});

  absl::StatusOr<Page<v1::Source>> first = store_->ListSources("", 2);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(SourceNames(first->items),
            (std::vector<std::string>{"sources/a", "sources/a-b"}));
  ASSERT_NE(first->next_page_token, "");
  for (const v1::Source& source : first->items) {
    EXPECT_EQ(source.text(), "");
    EXPECT_EQ(source.url(), "https://news.example/" + source.name().substr(8));
  }

  absl::StatusOr<Page<v1::Source>> second =
      store_->ListSources(first->next_page_token, 2);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(SourceNames(second->items),
            (std::vector<std::string>{"sources/b", "sources/c"}));
  EXPECT_EQ(second->next_page_token, "");
}

TEST_F(StoreTest, ListSourcesOfEmptyStoreIsOneEmptyPage) {
  absl::StatusOr<Page<v1::Source>> page = store_->ListSources("", 10);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_TRUE(page->items.empty());
  EXPECT_EQ(page->next_page_token, "");
}

TEST_F(StoreTest, PagingSkipsASourceDeletedBetweenPages) {
  for (const char* id : {"a", "b", "c"}) Put(id, {});
  absl::StatusOr<Page<v1::Source>> first = store_->ListSources("", 2);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(store_->DeleteSource("b").ok());

  absl::StatusOr<Page<v1::Source>> second =
      store_->ListSources(first->next_page_token, 2);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(SourceNames(second->items),
            (std::vector<std::string>{"sources/c"}));
}

TEST_F(StoreTest, ForEachClaimByEventVisitsInEventThenClaimOrder) {
  Put("a", {MakeFinding("y", v1::SUPPORTED, "1"),
            MakeFinding("x", v1::SUPPORTED, "2"),
            MakeFinding("", v1::UNVERIFIABLE, "3")});
  Put("b", {MakeFinding("x-1", v1::SUPPORTED, "4"),
            MakeFinding("x", v1::SUPPORTED, "5")});
  auto visit = [&](absl::string_view start, bool after, int limit) {
    std::vector<std::string> seen;
    const absl::Status status = store_->ForEachClaimByEvent(
        start, after, [&](absl::string_view event, v1::Finding& finding) {
          seen.push_back(absl::StrCat(event, " ", finding.claim().name()));
          return static_cast<int>(seen.size()) < limit;
        });
    EXPECT_TRUE(status.ok()) << status;
    return seen;
  };
  EXPECT_EQ(visit("", false, 100),
            (std::vector<std::string>{
                "x sources/a/claims/2", "x sources/b/claims/2",
                "x-1 sources/b/claims/1", "y sources/a/claims/1"}));
  EXPECT_EQ(visit("x", true, 100),
            (std::vector<std::string>{"x-1 sources/b/claims/1",
                                      "y sources/a/claims/1"}));
  EXPECT_EQ(visit("x-1", false, 1),
            (std::vector<std::string>{"x-1 sources/b/claims/1"}));
  EXPECT_EQ(visit("z", false, 100), std::vector<std::string>{});
}

TEST_F(StoreTest, BadPageTokenIsInvalidArgument) {
  Put("a", {MakeFinding("x", v1::SUPPORTED, "1"),
            MakeFinding("x", v1::SUPPORTED, "2")});
  Put("b", {MakeFinding("x", v1::SUPPORTED, "1")});
  ASSERT_TRUE(
      store_->PutEvents({MakeEvent("x", "X"), MakeEvent("y", "Y")}).ok());

  for (const char* garbage : {"garbage!!", "AAAA", "not base64 at all"}) {
    absl::StatusOr<Page<v1::Source>> sources = store_->ListSources(garbage, 10);
    EXPECT_EQ(sources.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(sources.status().message(), "page_token is not valid");
    EXPECT_EQ(store_->ListEvents(garbage, 10).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(store_->ListClaims({}, garbage, 10).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(
        store_->ListClaims({.event_id = "x"}, garbage, 10).status().code(),
        absl::StatusCode::kInvalidArgument);
  }

  // A token from one listing is not accepted by another.
  absl::StatusOr<Page<v1::Event>> events = store_->ListEvents("", 1);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_NE(events->next_page_token, "");
  EXPECT_EQ(store_->ListSources(events->next_page_token, 1).status().code(),
            absl::StatusCode::kInvalidArgument);

  // Nor by the same listing with a different query.
  absl::StatusOr<Page<v1::Finding>> of_a =
      store_->ListClaims({.source_id = "a"}, "", 1);
  ASSERT_TRUE(of_a.ok()) << of_a.status();
  ASSERT_NE(of_a->next_page_token, "");
  EXPECT_EQ(store_->ListClaims({.source_id = "b"}, of_a->next_page_token, 1)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ListClaims({.event_id = "x"}, of_a->next_page_token, 1)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, DeleteSourceRemovesSourceClaimsAndIndexEntries) {
  Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024"),
            MakeFinding("ramstein", v1::SUPPORTED, "April 2022")});
  Put("b", {MakeFinding("invasion", v1::SUPPORTED, "2022")});

  ASSERT_TRUE(store_->DeleteSource("a").ok());

  EXPECT_EQ(store_->GetSource("a").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ClaimPages({}, 10),
            (std::vector<std::vector<std::string>>{{"sources/b/claims/1"}}));
  EXPECT_EQ(ClaimPages({.event_id = "invasion"}, 10),
            (std::vector<std::vector<std::string>>{{"sources/b/claims/1"}}));
  EXPECT_EQ(ClaimPages({.event_id = "ramstein"}, 10),
            (std::vector<std::vector<std::string>>{{}}));
  absl::Status again = store_->DeleteSource("a");
  EXPECT_EQ(again.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(again.message(), "source 'a' not found");
}

// --- Claims ----------------------------------------------------------------

TEST_F(StoreTest, ListClaimsBySourcePagesInNumericClaimOrder) {
  std::vector<v1::Finding> findings;
  for (int i = 1; i <= 12; ++i) {
    findings.push_back(MakeFinding("e", v1::SUPPORTED, absl::StrCat(i)));
  }
  Put("a", findings);
  // A source whose id extends "a" must not leak into a's claims.
  Put("ab", {MakeFinding("e", v1::SUPPORTED, "other")});

  auto names = [](int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i <= to; ++i) {
      out.push_back(absl::StrCat("sources/a/claims/", i));
    }
    return out;
  };
  EXPECT_EQ(ClaimPages({.source_id = "a"}, 5),
            (std::vector<std::vector<std::string>>{names(1, 5), names(6, 10),
                                                   names(11, 12)}));
}

TEST_F(StoreTest, ListClaimsWithoutQueryListsAllBySourceThenNumber) {
  Put("b", {MakeFinding("x", v1::SUPPORTED, "1")});
  Put("a", {MakeFinding("x", v1::SUPPORTED, "1"),
            MakeFinding("y", v1::SUPPORTED, "2")});
  Put("a-b", {MakeFinding("x", v1::SUPPORTED, "1")});
  EXPECT_EQ(
      ClaimPages({}, 3),
      (std::vector<std::vector<std::string>>{
          {"sources/a/claims/1", "sources/a/claims/2", "sources/a-b/claims/1"},
          {"sources/b/claims/1"}}));
}

TEST_F(StoreTest, ListClaimsByEventReturnsOnlyThatEventsClaims) {
  Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024"),
            MakeFinding("ramstein", v1::SUPPORTED, "April 2022"),
            MakeFinding("invasion", v1::SUPPORTED, "2022")});
  Put("b", {MakeFinding("invasion", v1::SUPPORTED, "24 February 2022")});
  Put("c", {MakeFinding("ramstein", v1::SUPPORTED, "April 2022")});

  EXPECT_EQ(ClaimPages({.event_id = "invasion"}, 2),
            (std::vector<std::vector<std::string>>{
                {"sources/a/claims/1", "sources/a/claims/3"},
                {"sources/b/claims/1"}}));
  EXPECT_EQ(ClaimPages({.source_id = "b", .event_id = "invasion"}, 10),
            (std::vector<std::vector<std::string>>{{"sources/b/claims/1"}}));
  EXPECT_EQ(ClaimPages({.source_id = "c", .event_id = "invasion"}, 10),
            (std::vector<std::vector<std::string>>{{}}));

  absl::StatusOr<Page<v1::Finding>> page =
      store_->ListClaims({.event_id = "ramstein"}, "", 10);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].claim().event(), "events/ramstein");
  EXPECT_EQ(page->items[0].explanation(), "Explained: April 2022");
}

TEST_F(StoreTest, ListClaimsByVerdictFiltersAndPagesExactly) {
  Put("a", {MakeFinding("x", v1::CONTRADICTED, "1"),
            MakeFinding("x", v1::SUPPORTED, "2"),
            MakeFinding("y", v1::CONTRADICTED, "3")});
  Put("b", {MakeFinding("x", v1::SUPPORTED, "1"),
            MakeFinding("x", v1::CONTRADICTED, "2"),
            MakeFinding("x", v1::SUPPORTED, "3")});

  // The last page carries no token even though unmatched claims follow it.
  EXPECT_EQ(ClaimPages({.verdict = v1::CONTRADICTED}, 2),
            (std::vector<std::vector<std::string>>{
                {"sources/a/claims/1", "sources/a/claims/3"},
                {"sources/b/claims/2"}}));
  EXPECT_EQ(ClaimPages({.source_id = "b", .verdict = v1::SUPPORTED}, 1),
            (std::vector<std::vector<std::string>>{{"sources/b/claims/1"},
                                                   {"sources/b/claims/3"}}));
  EXPECT_EQ(ClaimPages({.event_id = "x", .verdict = v1::CONTRADICTED}, 1),
            (std::vector<std::vector<std::string>>{{"sources/a/claims/1"},
                                                   {"sources/b/claims/2"}}));
  EXPECT_EQ(ClaimPages({.verdict = v1::UNVERIFIABLE}, 1),
            (std::vector<std::vector<std::string>>{{}}));
}

// --- Durability and schema -------------------------------------------------

TEST_F(StoreTest, DataSurvivesReopen) {
  const v1::Source stored =
      Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024")});
  ASSERT_TRUE(store_->PutEvents({MakeEvent("invasion", "Invasion")}).ok());

  Reopen();

  absl::StatusOr<v1::Source> got = store_->GetSource("a");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Text(*got), Text(stored));
  EXPECT_EQ(ClaimPages({.event_id = "invasion"}, 10),
            (std::vector<std::vector<std::string>>{{"sources/a/claims/1"}}));
  absl::StatusOr<v1::Event> event = store_->GetEvent("invasion");
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->title(), "Invasion");
  absl::StatusOr<bool> loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);
}

TEST_F(StoreTest, NewDirectoryRecordsCurrentSchemaVersion) {
  store_.reset();
  rocksdb::DBOptions options;
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(options, dir_, &names).ok());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names,
            (std::vector<std::string>{"claims", "claims_by_event", "default",
                                      "events", "import_staging", "sources"}));

  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  ASSERT_TRUE(
      rocksdb::DB::OpenForReadOnly(options, dir_, descriptors, &handles, &db)
          .ok());
  std::string version;
  EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), "schema_version", &version).ok());
  EXPECT_EQ(version, absl::StrCat(kSchemaVersion));
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    EXPECT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
  }
  delete db;
}

TEST_F(StoreTest, NewerSchemaVersionIsRefusedNamingDirectoryAndVersions) {
  store_.reset();
  WriteRawMeta(dir_, "schema_version", absl::StrCat(kSchemaVersion + 1));

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_);

  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.status().message(),
            absl::StrCat("data directory ", dir_,
                         " was written by schema version ", kSchemaVersion + 1,
                         "; this build reads up to ", kSchemaVersion));
}

TEST_F(StoreTest, UnreadableSchemaVersionIsDataLoss) {
  store_.reset();
  WriteRawMeta(dir_, "schema_version", "one");

  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_);

  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(store.status().message().find(dir_), absl::string_view::npos);
}

TEST_F(StoreTest, SecondOpenOfAnOpenDirectoryIsUnavailable) {
  absl::StatusOr<std::unique_ptr<Store>> second = Store::Open(dir_);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable)
      << second.status();
}

// --- Reference events ------------------------------------------------------

TEST_F(StoreTest, CreatedEventIsReadBackWithItsName) {
  const v1::Event event = MakeEvent("invasion", "Full-scale invasion");
  ASSERT_TRUE(store_->CreateEvent(event).ok());

  absl::StatusOr<v1::Event> got = store_->GetEvent("invasion");

  ASSERT_TRUE(got.ok()) << got.status();
  v1::Event expected = event;
  expected.set_name("events/invasion");
  EXPECT_EQ(Text(*got), Text(expected));
}

TEST_F(StoreTest, CreatingExistingEventIsAlreadyExistsAndKeepsTheOriginal) {
  ASSERT_TRUE(store_->CreateEvent(MakeEvent("invasion", "First")).ok());

  absl::Status again = store_->CreateEvent(MakeEvent("invasion", "Second"));

  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(again.message(), "event 'invasion' already exists");
  absl::StatusOr<v1::Event> got = store_->GetEvent("invasion");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->title(), "First");
}

TEST_F(StoreTest, MissingEventIsNotFoundNamingTheId) {
  absl::StatusOr<v1::Event> got = store_->GetEvent("nope");
  EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(got.status().message(), "event 'nope' not found");
  absl::Status deleted = store_->DeleteEvent("nope");
  EXPECT_EQ(deleted.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(deleted.message(), "event 'nope' not found");
}

TEST_F(StoreTest, DeletedEventIsGone) {
  ASSERT_TRUE(store_->CreateEvent(MakeEvent("a", "A")).ok());
  ASSERT_TRUE(store_->CreateEvent(MakeEvent("b", "B")).ok());

  ASSERT_TRUE(store_->DeleteEvent("a").ok());

  EXPECT_EQ(store_->GetEvent("a").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<std::vector<v1::Event>> all = store_->AllEvents();
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(EventIds(*all), (std::vector<std::string>{"b"}));
}

TEST_F(StoreTest, ListEventsPagesInIdOrderAndAllEventsReturnsEvery) {
  for (const char* id : {"d", "b", "a", "c", "e"}) {
    ASSERT_TRUE(store_->CreateEvent(MakeEvent(id, id)).ok());
  }

  std::vector<std::vector<std::string>> pages;
  std::string token;
  do {
    absl::StatusOr<Page<v1::Event>> page = store_->ListEvents(token, 2);
    ASSERT_TRUE(page.ok()) << page.status();
    pages.push_back(EventIds(page->items));
    token = page->next_page_token;
  } while (!token.empty());
  EXPECT_EQ(pages, (std::vector<std::vector<std::string>>{
                       {"a", "b"}, {"c", "d"}, {"e"}}));

  absl::StatusOr<std::vector<v1::Event>> all = store_->AllEvents();
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(EventIds(*all),
            (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ((*all)[0].name(), "events/a");
}

TEST_F(StoreTest, PutEventsCountsWrittenAndUnchanged) {
  absl::StatusOr<EventWriteCounts> first =
      store_->PutEvents({MakeEvent("a", "A"), MakeEvent("b", "B")});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->written, 2);
  EXPECT_EQ(first->unchanged, 0);

  absl::StatusOr<EventWriteCounts> second = store_->PutEvents(
      {MakeEvent("a", "A"), MakeEvent("b", "B changed"), MakeEvent("c", "C")});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->written, 2);
  EXPECT_EQ(second->unchanged, 1);

  absl::StatusOr<EventWriteCounts> third = store_->PutEvents(
      {MakeEvent("a", "A"), MakeEvent("b", "B changed"), MakeEvent("c", "C")});
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->written, 0);
  EXPECT_EQ(third->unchanged, 3);

  absl::StatusOr<v1::Event> b = store_->GetEvent("b");
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->title(), "B changed");
  EXPECT_EQ(b->name(), "events/b");
}

TEST_F(StoreTest, PutEventsComparesARepeatedIdWithItsEarlierCopy) {
  absl::StatusOr<EventWriteCounts> counts = store_->PutEvents(
      {MakeEvent("a", "A"), MakeEvent("a", "A"), MakeEvent("a", "A2")});
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 2);
  EXPECT_EQ(counts->unchanged, 1);
  absl::StatusOr<v1::Event> a = store_->GetEvent("a");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->title(), "A2");
}

TEST_F(StoreTest, ReferenceLoadedTurnsTrueWithPutEventsAndStaysTrue) {
  absl::StatusOr<bool> loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(*loaded);

  // Single events created by hand are not a reference load.
  ASSERT_TRUE(store_->CreateEvent(MakeEvent("a", "A")).ok());
  loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(*loaded);

  ASSERT_TRUE(store_->PutEvents({MakeEvent("b", "B")}).ok());
  loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);

  // Deleting every event does not undo the load.
  ASSERT_TRUE(store_->DeleteEvent("a").ok());
  ASSERT_TRUE(store_->DeleteEvent("b").ok());
  Reopen();
  loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);
}

// --- Ids that would make keys ambiguous ------------------------------------

TEST_F(StoreTest, IdsWithNulAreRejectedAndNothingIsWritten) {
  const std::string nul_id("a\0b", 3);
  const auto kInvalid = absl::StatusCode::kInvalidArgument;
  std::vector<v1::Finding> none;
  bool unchanged = false;

  EXPECT_EQ(store_->PutSource(MakeSource(nul_id, "T"), none, &unchanged)
                .status()
                .code(),
            kInvalid);
  EXPECT_EQ(store_->GetSource(nul_id).status().code(), kInvalid);
  EXPECT_EQ(store_->DeleteSource(nul_id).code(), kInvalid);
  EXPECT_EQ(store_->ListClaims({.source_id = nul_id}, "", 10).status().code(),
            kInvalid);
  EXPECT_EQ(store_->ListClaims({.event_id = nul_id}, "", 10).status().code(),
            kInvalid);
  EXPECT_EQ(store_->CreateEvent(MakeEvent(nul_id, "T")).code(), kInvalid);
  EXPECT_EQ(store_->GetEvent(nul_id).status().code(), kInvalid);
  EXPECT_EQ(store_->DeleteEvent(nul_id).code(), kInvalid);
  EXPECT_EQ(store_->PutEvents({MakeEvent("ok", "T"), MakeEvent(nul_id, "T")})
                .status()
                .code(),
            kInvalid);
  EXPECT_EQ(store_->CreateEvent(MakeEvent("", "T")).code(), kInvalid);

  // A finding naming such an event refuses the whole source.
  std::vector<v1::Finding> findings = {MakeFinding("fine", v1::SUPPORTED, "1"),
                                       MakeFinding(nul_id, v1::SUPPORTED, "2")};
  EXPECT_EQ(store_->PutSource(MakeSource("a", "T"), findings, &unchanged)
                .status()
                .code(),
            kInvalid);

  EXPECT_EQ(store_->GetSource("a").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetEvent("ok").status().code(),
            absl::StatusCode::kNotFound);
  absl::StatusOr<bool> loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(*loaded);
}

TEST_F(StoreTest, IdsWithUnusualBytesRoundTrip) {
  // The server restricts ids, but the store must stay correct for any id
  // without NUL: slashes, spaces, non-ASCII letters.
  const std::string id = "a/b c\xc3\xa9";
  const v1::Source stored = Put(id, {MakeFinding("e", v1::SUPPORTED, "1")});
  absl::StatusOr<v1::Source> got = store_->GetSource(id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Text(*got), Text(stored));
  EXPECT_EQ(
      ClaimPages({.source_id = id}, 10),
      (std::vector<std::vector<std::string>>{{"sources/" + id + "/claims/1"}}));
  EXPECT_EQ(ClaimPages({.source_id = "a"}, 10),
            (std::vector<std::vector<std::string>>{{}}));
}

TEST_F(StoreTest, TextThatIsNotUtf8IsRejectedBeforeWriting) {
  // Protobuf would store such a string but refuse to read it back.
  const auto kInvalid = absl::StatusCode::kInvalidArgument;
  std::vector<v1::Finding> none;
  bool unchanged = false;
  v1::Source source = MakeSource("a", "T");
  source.set_text("caf\xe9");
  EXPECT_EQ(store_->PutSource(source, none, &unchanged).status().code(),
            kInvalid);
  std::vector<v1::Finding> findings = {MakeFinding("e", v1::SUPPORTED, "\xff")};
  EXPECT_EQ(store_->PutSource(MakeSource("a", "T"), findings, &unchanged)
                .status()
                .code(),
            kInvalid);
  EXPECT_EQ(store_->PutSource(MakeSource("\xff", "T"), none, &unchanged)
                .status()
                .code(),
            kInvalid);
  EXPECT_EQ(store_->CreateEvent(MakeEvent("e", "\xff")).code(), kInvalid);
  EXPECT_EQ(store_->PutEvents({MakeEvent("\xfe", "T")}).status().code(),
            kInvalid);

  EXPECT_EQ(store_->GetSource("a").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetEvent("e").status().code(), absl::StatusCode::kNotFound);
}

// --- Concurrency -----------------------------------------------------------

TEST_F(StoreTest, ConcurrentReplacementsNeverMixClaimSets) {
  // Writers replace one source with 1..4 claims; readers check that the
  // claims listed always form one complete set.
  constexpr int kWriters = 4;
  constexpr int kRounds = 50;
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int round = 0; round < kRounds; ++round) {
        std::vector<v1::Finding> findings;
        const int count = 1 + (w + round) % 4;
        for (int i = 0; i < count; ++i) {
          findings.push_back(
              MakeFinding("e", v1::SUPPORTED, absl::StrCat(w, "-", round)));
        }
        bool unchanged = false;
        EXPECT_TRUE(
            store_->PutSource(MakeSource("s", "T"), findings, &unchanged).ok());
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < kWriters * kRounds; ++i) {
      absl::StatusOr<Page<v1::Finding>> page =
          store_->ListClaims({.event_id = "e"}, "", 100);
      ASSERT_TRUE(page.ok()) << page.status();
      for (const v1::Finding& finding : page->items) {
        EXPECT_EQ(finding.claim().claimed_text(),
                  page->items[0].claim().claimed_text());
      }
    }
  });
  for (std::thread& thread : threads) thread.join();

  absl::StatusOr<v1::Source> source = store_->GetSource("s");
  ASSERT_TRUE(source.ok()) << source.status();
  absl::StatusOr<Page<v1::Finding>> claims =
      store_->ListClaims({.source_id = "s"}, "", 100);
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(static_cast<int>(claims->items.size()), source->claim_count());
}

// --- Backups ---------------------------------------------------------------

TEST_F(StoreTest, CheckpointOpensAsAStoreHoldingExactlyTheDataOfItsMoment) {
  const v1::Source a =
      Put("a", {MakeFinding("invasion", v1::CONTRADICTED, "February 2024"),
                MakeFinding("", v1::UNVERIFIABLE, "in 2023")});
  const v1::Source b = Put("b", {});
  ASSERT_TRUE(store_->PutEvents({MakeEvent("invasion", "Invasion")}).ok());
  const std::string backup = temp_.File("backup");

  ASSERT_TRUE(store_->Checkpoint(backup).ok());
  // Changes after the checkpoint stay out of it.
  Put("c", {MakeFinding("invasion", v1::SUPPORTED, "February 2022")});
  ASSERT_TRUE(store_->DeleteSource("a").ok());
  ASSERT_TRUE(store_->DeleteEvent("invasion").ok());

  absl::StatusOr<std::unique_ptr<Store>> copy = Store::Open(backup);
  ASSERT_TRUE(copy.ok()) << copy.status();
  absl::StatusOr<Page<v1::Source>> sources = (*copy)->ListSources("", 10);
  ASSERT_TRUE(sources.ok()) << sources.status();
  EXPECT_EQ(SourceNames(sources->items),
            (std::vector<std::string>{"sources/a", "sources/b"}));
  absl::StatusOr<v1::Source> got = (*copy)->GetSource("a");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Text(*got), Text(a));
  absl::StatusOr<Page<v1::Finding>> claims = (*copy)->ListClaims({}, "", 10);
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(
      ClaimNames(claims->items),
      (std::vector<std::string>{"sources/a/claims/1", "sources/a/claims/2"}));
  absl::StatusOr<Page<v1::Finding>> by_event =
      (*copy)->ListClaims({.event_id = "invasion"}, "", 10);
  ASSERT_TRUE(by_event.ok()) << by_event.status();
  EXPECT_EQ(ClaimNames(by_event->items),
            (std::vector<std::string>{"sources/a/claims/1"}));
  absl::StatusOr<v1::Event> event = (*copy)->GetEvent("invasion");
  EXPECT_TRUE(event.ok()) << event.status();
  absl::StatusOr<bool> loaded = (*copy)->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);

  // The live store went on with its own changes.
  absl::StatusOr<Page<v1::Source>> live = store_->ListSources("", 10);
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ(SourceNames(live->items),
            (std::vector<std::string>{"sources/b", "sources/c"}));
}

TEST_F(StoreTest, CheckpointTakenDuringAnImportHoldsNoneOfIt) {
  absl::StatusOr<std::uint64_t> import = store_->BeginImport();
  ASSERT_TRUE(import.ok()) << import.status();
  ASSERT_TRUE(
      store_->StageEvents(*import, {MakeEvent("staged", "Staged")}).ok());
  const std::string backup = temp_.File("backup");

  ASSERT_TRUE(store_->Checkpoint(backup).ok());
  ASSERT_TRUE(store_->CommitImport(*import).ok());

  absl::StatusOr<std::unique_ptr<Store>> copy = Store::Open(backup);
  ASSERT_TRUE(copy.ok()) << copy.status();
  absl::StatusOr<std::vector<v1::Event>> events = (*copy)->AllEvents();
  ASSERT_TRUE(events.ok()) << events.status();
  EXPECT_EQ(EventIds(*events), std::vector<std::string>{});
  absl::StatusOr<std::vector<v1::Event>> live = store_->AllEvents();
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ(EventIds(*live), std::vector<std::string>{"staged"});
}

TEST_F(StoreTest, CheckpointIntoAnExistingPathIsAlreadyExistsNamingIt) {
  const std::string existing_dir = temp_.File("taken");
  std::filesystem::create_directory(existing_dir);
  const std::string existing_file = temp_.File("file");
  testing::WriteFileOrDie(existing_file, "keep me");

  for (const std::string& path :
       {existing_dir, existing_dir + "/", existing_file}) {
    const absl::Status status = store_->Checkpoint(path);
    EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), path)) << status;
  }
  EXPECT_TRUE(std::filesystem::is_empty(existing_dir));
  EXPECT_EQ(testing::ReadFileOrDie(existing_file), "keep me");
}

TEST_F(StoreTest, CheckpointNeedsAnAbsolutePathInAnExistingDirectory) {
  const absl::Status relative = store_->Checkpoint("backups/today");
  EXPECT_EQ(relative.code(), absl::StatusCode::kInvalidArgument) << relative;
  EXPECT_TRUE(absl::StrContains(relative.message(), "'backups/today'"))
      << relative;
  EXPECT_FALSE(std::filesystem::exists("backups"));

  const std::string orphan = temp_.File("missing/backup");
  const absl::Status no_parent = store_->Checkpoint(orphan);
  EXPECT_EQ(no_parent.code(), absl::StatusCode::kFailedPrecondition)
      << no_parent;
  EXPECT_TRUE(absl::StrContains(no_parent.message(), temp_.File("missing")))
      << no_parent;
  EXPECT_FALSE(std::filesystem::exists(temp_.File("missing")));
}

// --- Operations ------------------------------------------------------------

TEST_F(StoreTest, StatsNameEveryFamilyAndCountWhatWasWritten) {
  ASSERT_TRUE(store_
                  ->PutEvents({MakeEvent("a", "A"), MakeEvent("b", "B"),
                               MakeEvent("c", "C")})
                  .ok());
  const StoreStats stats = store_->Stats();
  std::vector<std::string> names;
  for (const ColumnFamilyStats& family : stats.column_families) {
    names.push_back(family.name);
    if (family.name == "events") {
      // Still in the memtable, where RocksDB's estimate is exact.
      EXPECT_EQ(family.estimated_keys, 3u);
      EXPECT_GT(family.memtable_bytes, 0u);
    }
    if (family.name == "sources") {
      EXPECT_EQ(family.estimated_keys, 0u);
    }
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"default", "sources", "claims", "events",
                                      "claims_by_event", "import_staging"}));
  EXPECT_EQ(stats.block_cache_capacity_bytes, StoreOptions().block_cache_bytes);
}

}  // namespace
}  // namespace factcheck
