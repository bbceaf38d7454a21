// The storage ceiling of IngestSource: how many write batches a second
// RocksDB alone takes when each batch is what one IngestSource of the seed
// article writes, under the options the store opens with
// (storage/rocksdb_options.h).
//
// The batch is not guessed: the real service (FactCheckService over a real
// Store, with the bundled reference events) ingests the article once into a
// scratch directory, which is then opened as plain RocksDB to read back
// every record the ingest wrote (the source record, one record per claim,
// one index key per claim about an event). Then, in a fresh directory and
// from one thread (IngestSource's writes are serialised by the store), each
// batch puts records of exactly those sizes and count, keyed under a new
// source id, for --duration_seconds after --warmup_seconds.
//
// Prints one line of key=value pairs: records and bytes per batch,
// batches_per_s, mb_per_s and the write latency percentiles.
//
//   factcheck_rocksdb_put_baseline [--duration_seconds=5]
//       [--text_file=tests/data/seed-article.txt]
//       [--reference_file=data/events.jsonl] [--work_dir=DIR]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "bench/latency_summary.h"
#include "client/document.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "server/fact_check_service.h"
#include "storage/rocksdb_options.h"
#include "storage/store.h"

ABSL_FLAG(std::string, text_file, FACTCHECK_TEST_DATA_DIR "/seed-article.txt",
          "The article whose ingest's batch is replicated.");
ABSL_FLAG(std::string, reference_file, FACTCHECK_DATA_DIR "/events.jsonl",
          "Reference events for the one real ingest.");
ABSL_FLAG(std::string, work_dir, "",
          "Where the two scratch databases go (removed at the end); default "
          "a new directory under $TMPDIR.");
ABSL_FLAG(double, duration_seconds, 5, "Length of the measured window.");
ABSL_FLAG(double, warmup_seconds, 1,
          "Batches written and not measured before the window.");

namespace factcheck {
namespace {

using Clock = std::chrono::steady_clock;

// The one record the ingest wrote to a family.
struct Record {
  int family;  // RocksDbFamily.
  std::string key;
  std::string value;
};

// What one IngestSource of the article wrote, and the source id its keys
// carry.
struct IngestBatch {
  std::string source_id;
  std::vector<Record> records;
};

absl::Status Ingest(const std::string& dir, const client::Document& article,
                    std::string* source_id) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir);
  if (!store.ok()) return store.status();
  absl::StatusOr<std::unique_ptr<FactCheckService>> service =
      FactCheckService::Create(*std::move(store), ServiceLimits(),
                               absl::GetFlag(FLAGS_reference_file));
  if (!service.ok()) return service.status();
  v1::IngestSourceRequest request;
  request.mutable_source()->set_url("https://bench.invalid/rocksdb-baseline");
  request.mutable_source()->set_title("Seed article");
  request.mutable_source()->set_publisher("factcheck load generator");
  request.mutable_source()->set_published_date(article.published_date);
  request.mutable_source()->set_text(std::string(article.text()));
  absl::StatusOr<v1::IngestSourceResponse> response =
      (*service)->IngestSource(request);
  if (!response.ok()) return response.status();
  *source_id =
      std::string(absl::StripPrefix(response->source().name(), "sources/"));
  return absl::OkStatus();
}

// Every record of the source, its claims and its index entries, read from
// the directory the ingest wrote (after the store has closed it).
absl::StatusOr<IngestBatch> ReadBack(const std::string& dir,
                                     const std::string& source_id) {
  RocksDbConfig config = MakeRocksDbConfig(StoreOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(
      config.db, dir, config.families, &handles, &raw);
  if (!s.ok()) return absl::InternalError(s.ToString());
  std::unique_ptr<rocksdb::DB> db(raw);
  IngestBatch batch{source_id, {}};
  for (int family :
       {kSourcesFamilyIndex, kClaimsFamilyIndex, kClaimsByEventFamilyIndex}) {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), handles[family]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      batch.records.push_back(
          {family, it->key().ToString(), it->value().ToString()});
    }
    if (!it->status().ok()) return absl::InternalError(it->status().ToString());
  }
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  if (batch.records.empty() ||
      batch.records.front().family != kSourcesFamilyIndex) {
    return absl::InternalError("the ingest wrote no source record");
  }
  return batch;
}

int Run() {
  std::string work = absl::GetFlag(FLAGS_work_dir);
  if (work.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    work = absl::StrCat(tmp != nullptr ? tmp : "/tmp",
                        "/factcheck-rocksdb-baseline-", getpid());
  }
  std::error_code ec;
  std::filesystem::remove_all(work, ec);
  std::filesystem::create_directories(work, ec);
  if (ec) {
    std::fprintf(stderr, "cannot create %s: %s\n", work.c_str(),
                 ec.message().c_str());
    return 2;
  }
  struct RemoveOnExit {
    std::string dir;
    ~RemoveOnExit() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } remove{work};

  absl::StatusOr<client::Document> article =
      client::LoadDocument(absl::GetFlag(FLAGS_text_file), std::nullopt);
  if (!article.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(article.status().message()).c_str());
    return 2;
  }
  const std::string ingest_dir = work + "/ingest";
  std::string source_id;
  if (absl::Status s = Ingest(ingest_dir, *article, &source_id); !s.ok()) {
    std::fprintf(stderr, "the real ingest failed: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  absl::StatusOr<IngestBatch> batch = ReadBack(ingest_dir, source_id);
  if (!batch.ok()) {
    std::fprintf(stderr, "reading the ingest back: %s\n",
                 std::string(batch.status().message()).c_str());
    return 2;
  }
  std::size_t batch_bytes = 0;
  int per_family[kFamilyCount] = {};
  for (const Record& r : batch->records) {
    batch_bytes += r.key.size() + r.value.size();
    ++per_family[r.family];
  }

  RocksDbConfig config = MakeRocksDbConfig(StoreOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = rocksdb::DB::Open(config.db, work + "/baseline",
                                             config.families, &handles, &raw);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.ToString().c_str());
    return 2;
  }
  std::unique_ptr<rocksdb::DB> db(raw);

  // Each batch: the ingest's records with the source id in every key
  // replaced by a new id of the same length (16 hex digits), as a new URL
  // gives.
  const Clock::time_point t0 = Clock::now();
  const auto window_begin =
      t0 +
      std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(absl::GetFlag(FLAGS_warmup_seconds)));
  const auto window_end =
      window_begin +
      std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(absl::GetFlag(FLAGS_duration_seconds)));
  std::vector<std::int64_t> latencies_ns;
  std::uint64_t n = 0;
  for (Clock::time_point now = t0; now < window_end; ++n) {
    const std::string id =
        absl::StrFormat("%0*x", static_cast<int>(batch->source_id.size()), n);
    rocksdb::WriteBatch write;
    for (const Record& r : batch->records) {
      write.Put(handles[r.family],
                absl::StrReplaceAll(r.key, {{batch->source_id, id}}), r.value);
    }
    const Clock::time_point start = Clock::now();
    const rocksdb::Status s = db->Write(config.write, &write);
    now = Clock::now();
    if (!s.ok()) {
      std::fprintf(stderr, "write failed: %s\n", s.ToString().c_str());
      return 1;
    }
    if (start >= window_begin && now < window_end) {
      latencies_ns.push_back(
          std::chrono::duration_cast<std::chrono::nanoseconds>(now - start)
              .count());
    }
  }
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  db.reset();

  const bench::LatencySummary summary = bench::Summarize(latencies_ns);
  const double seconds = absl::GetFlag(FLAGS_duration_seconds);
  const double batches = static_cast<double>(summary.count);
  std::printf(
      "rocksdb_put_baseline records_per_batch=%zu sources=%d claims=%d "
      "index_keys=%d batch_bytes=%zu batches=%zu batches_per_s=%.1f "
      "mb_per_s=%.1f p50_us=%.1f p99_us=%.1f max_us=%.1f sync=%s\n",
      batch->records.size(), per_family[kSourcesFamilyIndex],
      per_family[kClaimsFamilyIndex], per_family[kClaimsByEventFamilyIndex],
      batch_bytes, summary.count, batches / seconds,
      batches * static_cast<double>(batch_bytes) / seconds / 1e6,
      summary.p50_us, summary.p99_us, summary.max_us,
      config.write.sync ? "on" : "off");
  return latencies_ns.empty() ? 1 : 0;
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "factcheck_rocksdb_put_baseline [--duration_seconds=S] "
      "[--text_file=FILE] [--reference_file=FILE]");
  absl::ParseCommandLine(argc, argv);
  return factcheck::Run();
}
