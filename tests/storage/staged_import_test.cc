// Specification of staged imports (Store::BeginImport ... CommitImport):
// staged events are invisible until committed, an abort or a crash before
// the commit leaves nothing, and a crash after it is finished on reopen.
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "factcheck/v1/event.pb.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "storage/store.h"
#include "tests/storage/store_fixture.h"

namespace factcheck {
namespace {

v1::Event MakeEvent(const std::string& id, const std::string& title) {
  v1::Event event;
  event.set_id(id);
  event.set_title(title);
  event.mutable_date()->set_value("2022-02-24");
  event.mutable_date()->set_granularity(v1::DAY);
  event.add_citations()->set_url("https://reference.example/" + id);
  return event;
}

std::vector<std::string> Titles(Store& store) {
  absl::StatusOr<std::vector<v1::Event>> all = store.AllEvents();
  EXPECT_TRUE(all.ok()) << all.status();
  std::vector<std::string> titles;
  if (all.ok()) {
    for (const v1::Event& event : *all) titles.push_back(event.title());
  }
  return titles;
}

// The commit marker CommitImport writes before it moves anything (see
// storage/keys.h), written here by hand to stand for a crash just after it.
std::string CommittedKey(std::uint64_t import_id) {
  std::string key = "import_committed/";
  for (int shift = 56; shift >= 0; shift -= 8) {
    key.push_back(static_cast<char>((import_id >> shift) & 0xff));
  }
  return key;
}

class StagedImportTest : public StoreFixture {
 protected:
  std::uint64_t Begin() {
    absl::StatusOr<std::uint64_t> id = store_->BeginImport();
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : 0;
  }

  void Stage(std::uint64_t id, const std::vector<v1::Event>& events) {
    absl::StatusOr<std::vector<std::size_t>> duplicates =
        store_->StageEvents(id, events);
    ASSERT_TRUE(duplicates.ok()) << duplicates.status();
    EXPECT_TRUE(duplicates->empty());
  }
};

TEST_F(StagedImportTest, StagedEventsAppearOnlyWhenCommitted) {
  const std::uint64_t id = Begin();
  Stage(id, {MakeEvent("b", "B"), MakeEvent("a", "A")});
  Stage(id, {MakeEvent("c", "C")});
  EXPECT_TRUE(Titles(*store_).empty());
  EXPECT_EQ(store_->GetEvent("a").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<bool> loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(*loaded);

  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(id);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 3);
  EXPECT_EQ(counts->unchanged, 0);
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A", "B", "C"}));
  absl::StatusOr<v1::Event> a = store_->GetEvent("a");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->name(), "events/a");
  loaded = store_->ReferenceLoaded();
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(*loaded);
}

TEST_F(StagedImportTest, AbortedImportWritesNothing) {
  ASSERT_TRUE(store_->PutEvents({MakeEvent("a", "A")}).ok());
  const std::uint64_t id = Begin();
  Stage(id, {MakeEvent("a", "A changed"), MakeEvent("b", "B")});
  ASSERT_TRUE(store_->AbortImport(id).ok());
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A"}));
  // Nothing is left staged to commit.
  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(id);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 0);
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A"}));
}

TEST_F(StagedImportTest, AnIdStagedTwiceIsReportedAndTheFirstCopyKept) {
  const std::uint64_t id = Begin();
  absl::StatusOr<std::vector<std::size_t>> first = store_->StageEvents(
      id, {MakeEvent("a", "A"), MakeEvent("b", "B"), MakeEvent("a", "A2")});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(*first, (std::vector<std::size_t>{2}));
  absl::StatusOr<std::vector<std::size_t>> second =
      store_->StageEvents(id, {MakeEvent("c", "C"), MakeEvent("b", "B2")});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, (std::vector<std::size_t>{1}));
  ASSERT_TRUE(store_->CommitImport(id).ok());
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A", "B", "C"}));
}

TEST_F(StagedImportTest, CommitCountsEventsStoredExactlySoAsUnchanged) {
  ASSERT_TRUE(
      store_->PutEvents({MakeEvent("a", "A"), MakeEvent("b", "B")}).ok());
  const std::uint64_t id = Begin();
  Stage(id, {MakeEvent("a", "A"), MakeEvent("b", "B changed"),
             MakeEvent("c", "C")});
  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(id);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 2);
  EXPECT_EQ(counts->unchanged, 1);
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A", "B changed", "C"}));
}

TEST_F(StagedImportTest, ConcurrentImportsDoNotSeeEachOther) {
  const std::uint64_t one = Begin();
  const std::uint64_t two = Begin();
  EXPECT_NE(one, two);
  Stage(one, {MakeEvent("a", "A from one")});
  // The same id in another import is not a duplicate.
  Stage(two, {MakeEvent("a", "A from two"), MakeEvent("b", "B")});
  ASSERT_TRUE(store_->AbortImport(one).ok());
  ASSERT_TRUE(store_->CommitImport(two).ok());
  EXPECT_EQ(Titles(*store_), (std::vector<std::string>{"A from two", "B"}));
}

TEST_F(StagedImportTest, ReopenDropsAnImportThatWasNotCommitted) {
  const std::uint64_t id = Begin();
  Stage(id, {MakeEvent("a", "A")});
  Reopen();
  EXPECT_TRUE(Titles(*store_).empty());
  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(id);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 0);
  // Ids are not handed out twice, even across a reopen.
  EXPECT_NE(Begin(), id);
}

TEST_F(StagedImportTest, ReopenFinishesAnImportThatWasCommitted) {
  ASSERT_TRUE(store_->PutEvents({MakeEvent("a", "A")}).ok());
  const std::uint64_t id = Begin();
  // More than one move batch, so the recovery spans several.
  std::vector<v1::Event> events;
  for (int i = 0; i < 25000; ++i) {
    events.push_back(MakeEvent("e" + std::to_string(i), "E"));
  }
  events.push_back(MakeEvent("a", "A changed"));
  Stage(id, events);
  // A crash right after the commit marker: the marker is durable, nothing
  // has moved.
  store_.reset();
  WriteRawMeta(dir_, CommittedKey(id), "");
  Reopen();
  absl::StatusOr<v1::Event> a = store_->GetEvent("a");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->title(), "A changed");
  absl::StatusOr<std::vector<v1::Event>> all = store_->AllEvents();
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), 25001u);
  // The staging area and the marker are gone: a second reopen changes
  // nothing and the import has nothing left to move.
  Reopen();
  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(id);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written + counts->unchanged, 0);
}

}  // namespace
}  // namespace factcheck
