// Specification of EventImport over a real store: format detection, chunk
// boundaries, compression, bad lines (skipped, or fatal when strict),
// duplicates, and re-imports that change nothing.
#include "server/event_import.h"

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/compress.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

using testing::Bzip2Compress;
using testing::GzipCompress;
using testing::ReadFileOrDie;

std::string Fixture() {
  return ReadFileOrDie(std::string(FACTCHECK_TEST_DATA_DIR) +
                       "/wikidata-fixture.json");
}

std::string JsonEvent(const std::string& id, const std::string& date) {
  return absl::StrCat(R"({"id":")", id, R"(","title":"Event )", id,
                      R"(","date":{"value":")", date,
                      R"("},"citations":[{"url":"https://example.org/)", id,
                      R"("}]})", "\n");
}

class EventImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_.path());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  std::unique_ptr<EventImport> Begin(ImportOptions options = {}) {
    absl::StatusOr<std::unique_ptr<EventImport>> import =
        EventImport::Begin(store_.get(), options);
    EXPECT_TRUE(import.ok()) << import.status();
    return import.ok() ? *std::move(import) : nullptr;
  }

  // Feeds `data` in chunks of `chunk` bytes and finishes.
  static absl::Status FeedAll(EventImport& import, const std::string& data,
                              std::size_t chunk) {
    for (std::size_t at = 0; at < data.size(); at += chunk) {
      absl::Status s = import.Feed(absl::string_view(data).substr(at, chunk));
      if (!s.ok()) return s;
    }
    return import.Finish();
  }

  // Imports `data` and commits; returns the write counts.
  EventWriteCounts Import(const std::string& data, std::size_t chunk = 65536) {
    std::unique_ptr<EventImport> import = Begin();
    absl::Status fed = FeedAll(*import, data, chunk);
    EXPECT_TRUE(fed.ok()) << fed;
    absl::StatusOr<EventWriteCounts> counts = import->Commit();
    EXPECT_TRUE(counts.ok()) << counts.status();
    return counts.ok() ? *counts : EventWriteCounts{};
  }

  std::size_t StoredEvents() {
    absl::StatusOr<std::vector<v1::Event>> all = store_->AllEvents();
    EXPECT_TRUE(all.ok()) << all.status();
    return all.ok() ? all->size() : 0;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(EventImportTest, WikidataFixtureIsDetectedAndItsDatedEntitiesStaged) {
  std::unique_ptr<EventImport> import = Begin();
  ASSERT_TRUE(FeedAll(*import, Fixture(), 65536).ok());
  EXPECT_EQ(import->format(), ImportFormat::kWikidata);
  EXPECT_EQ(import->staged(), 7);
  EXPECT_EQ(import->ignored(), 4);
  EXPECT_EQ(import->bad_lines(), 0) << import->errors().front();
  EXPECT_EQ(import->progress().format(), "wikidata");
  EXPECT_EQ(import->progress().lines(), 13);
  // Staged, not yet visible.
  EXPECT_EQ(StoredEvents(), 0u);
  absl::StatusOr<EventWriteCounts> counts = import->Commit();
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->written, 7);
  absl::StatusOr<v1::Event> day = store_->GetEvent("wikidata-q99999001");
  ASSERT_TRUE(day.ok()) << day.status();
  EXPECT_EQ(day->date().value(), "2022-02-24");
  EXPECT_EQ(day->date().granularity(), v1::DAY);
  absl::StatusOr<v1::Event> month = store_->GetEvent("wikidata-q99999002");
  ASSERT_TRUE(month.ok()) << month.status();
  EXPECT_EQ(month->date().granularity(), v1::MONTH);
}

TEST_F(EventImportTest, ChunkBoundariesDoNotMatter) {
  const std::string fixture = Fixture();
  for (std::size_t chunk : {1u, 2u, 3u, 17u, 1000u}) {
    std::unique_ptr<EventImport> import = Begin();
    ASSERT_TRUE(FeedAll(*import, fixture, chunk).ok()) << chunk;
    EXPECT_EQ(import->staged(), 7) << chunk;
    EXPECT_EQ(import->ignored(), 4) << chunk;
    EXPECT_EQ(import->bad_lines(), 0) << chunk;
  }
}

TEST_F(EventImportTest, GzipAndBzip2CopiesImportTheSame) {
  for (const std::string& data :
       {GzipCompress(Fixture()), Bzip2Compress(Fixture())}) {
    std::unique_ptr<EventImport> import = Begin();
    ASSERT_TRUE(FeedAll(*import, data, 777).ok());
    EXPECT_EQ(import->staged(), 7);
    EXPECT_EQ(import->ignored(), 4);
  }
  std::unique_ptr<EventImport> gz = Begin();
  ASSERT_TRUE(FeedAll(*gz, GzipCompress(Fixture()), 100).ok());
  EXPECT_EQ(gz->progress().format(), "wikidata.gz");
}

TEST_F(EventImportTest, ReimportingTheSameFileChangesNothing) {
  EventWriteCounts first = Import(Fixture());
  EXPECT_EQ(first.written, 7);
  EventWriteCounts second = Import(GzipCompress(Fixture()));
  EXPECT_EQ(second.written, 0);
  EXPECT_EQ(second.unchanged, 7);
  EXPECT_EQ(StoredEvents(), 7u);
}

TEST_F(EventImportTest, BadLinesAreSkippedCountedAndReportedByDefault) {
  const std::string data = JsonEvent("one", "2020-01-01") + "not json\n" +
                           JsonEvent("two", "2020-02-30") +
                           JsonEvent("one", "2020-01-01") +
                           JsonEvent("three", "2020");
  std::unique_ptr<EventImport> import = Begin({.batch_events = 2});
  ASSERT_TRUE(FeedAll(*import, data, 5).ok());
  EXPECT_EQ(import->format(), ImportFormat::kJsonLines);
  EXPECT_EQ(import->staged(), 2);
  EXPECT_EQ(import->bad_lines(), 3);
  ASSERT_EQ(import->errors().size(), 3u);
  EXPECT_TRUE(
      absl::StartsWith(import->errors()[0], "line 2: not a valid event"))
      << import->errors()[0];
  EXPECT_TRUE(absl::StartsWith(import->errors()[1], "line 3: "));
  EXPECT_TRUE(absl::StrContains(import->errors()[1], "2020-02-30"));
  EXPECT_EQ(import->errors()[2],
            "line 4: event id 'one' appears twice in the file");
}

TEST_F(EventImportTest, StrictFailsAtTheFirstBadLineAndWritesNothing) {
  // The bad line comes after a staged batch: the staged part must go too.
  std::string data;
  for (int i = 0; i < 50; ++i) data += JsonEvent(absl::StrCat("e", i), "2020");
  data += JsonEvent("bad", "2020-13");
  {
    std::unique_ptr<EventImport> import =
        Begin({.strict = true, .batch_events = 10});
    const absl::Status s = FeedAll(*import, data, 64);
    ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_TRUE(absl::StartsWith(s.message(), "line 51: ")) << s;
    EXPECT_EQ(import->progress().events(), 50);
  }  // Dropped: the staged events go.
  EXPECT_EQ(StoredEvents(), 0u);
  std::unique_ptr<EventImport> empty = Begin();
  ASSERT_TRUE(empty->Finish().ok());
  absl::StatusOr<EventWriteCounts> counts = empty->Commit();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(StoredEvents(), 0u);
}

TEST_F(EventImportTest, BadLinesOfADumpAreReportedWithTheirLineNumbers) {
  std::string data = Fixture();
  // An invalid entity line in the middle (line 3) and text after the "]".
  const std::size_t second_line = data.find('\n', data.find('\n') + 1) + 1;
  data.insert(second_line, "{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{,\n");
  data += "trailing\n";
  std::unique_ptr<EventImport> import = Begin();
  ASSERT_TRUE(FeedAll(*import, data, 4096).ok());
  EXPECT_EQ(import->staged(), 7);
  ASSERT_EQ(import->errors().size(), 2u);
  EXPECT_TRUE(absl::StartsWith(import->errors()[0], "line 3: not valid JSON"))
      << import->errors()[0];
  EXPECT_EQ(import->errors()[1], "line 15: text after the dump's closing ']'");
}

TEST_F(EventImportTest, AnEntityThatIsNotAValidEventIsABadLine) {
  // Ends before it starts: the mapping is fine, the event is not.
  const auto time = [](const std::string& prop, const std::string& value) {
    return absl::StrCat(
        R"(")", prop, R"(":[{"mainsnak":{"snaktype":"value","property":")",
        prop, R"(","datavalue":{"value":{"time":")", value,
        R"(","timezone":0,"before":0,"after":0,"precision":11,)",
        R"("calendarmodel":"http://www.wikidata.org/entity/Q1985727"},)",
        R"("type":"time"},"datatype":"time"},"type":"statement",)",
        R"("rank":"normal"}])");
  };
  const std::string dump = absl::StrCat(
      "[\n",
      R"({"type":"item","id":"Q7","labels":{"en":{"language":"en","value":"Backwards"}},"claims":{)",
      time("P580", "+2020-05-01T00:00:00Z"), ",",
      time("P582", "+2019-05-01T00:00:00Z"), "}}\n]\n");
  std::unique_ptr<EventImport> import = Begin();
  ASSERT_TRUE(FeedAll(*import, dump, 4096).ok());
  EXPECT_EQ(import->staged(), 0);
  ASSERT_EQ(import->errors().size(), 1u);
  EXPECT_TRUE(absl::StartsWith(import->errors()[0], "line 2: "))
      << import->errors()[0];
  std::unique_ptr<EventImport> strict = Begin({.strict = true});
  EXPECT_EQ(FeedAll(*strict, dump, 4096).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(EventImportTest, OverlongLinesAreBadLinesAndNotKept) {
  const std::string data = JsonEvent("a", "2020") + std::string(5000, 'x') +
                           "\n" + JsonEvent("b", "2021");
  std::unique_ptr<EventImport> import = Begin({.max_line_bytes = 1000});
  ASSERT_TRUE(FeedAll(*import, data, 300).ok());
  EXPECT_EQ(import->staged(), 2);
  ASSERT_EQ(import->errors().size(), 1u);
  EXPECT_EQ(import->errors()[0], "line 2: longer than the limit of 1000 bytes");
}

TEST_F(EventImportTest, CorruptCompressedDataFailsTheImport) {
  std::string gz = GzipCompress(Fixture());
  gz.resize(gz.size() / 2);
  std::unique_ptr<EventImport> import = Begin();
  const absl::Status s = FeedAll(*import, gz, 4096);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
}

}  // namespace
}  // namespace factcheck
