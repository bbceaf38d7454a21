#include "storage/rocksdb_options.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include "rocksdb/cache.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "storage/keys.h"

// What the store does with RocksDB, and so what the options are for:
// - IngestSource: one WriteBatch per article (the source record, a few
//   kilobytes of text, plus one claim record and one index key per claim),
//   after a Get of the source id that misses for every new URL.
// - CheckText never touches RocksDB: it runs against the Checker in memory.
// - Reads by id (GetSource, GetEvent) and by prefix (ListClaims, the
//   claims-by-event index behind ListConflicts and the across-sources
//   findings of every ingest).
// - ImportEvents: bulk writes of events into a staging family.
// The data is small next to memory (the bundled events are kilobytes; a
// million events or sources are a few gigabytes on disk), writes arrive at
// most a few thousand a second, and the machine has two cores.
namespace factcheck {
namespace {

// Block cache: one LRU cache shared by every family, so that the configured
// bound (StoreOptions::block_cache_bytes, 64 MiB by default) holds for the
// whole store and the busy family takes what it needs. Index and filter
// blocks are kept out of it (cache_index_and_filter_blocks stays false):
// they stay pinned in table-reader memory, so a point read never misses on
// them, and at about 10 bits per key they are small for this data.

// Bits per key of the bloom filters: RocksDB's recommended default, about a
// 1% false-positive rate for 10 bits of memory per key.
constexpr double kBloomBitsPerKey = 10;

// RocksDB writes an informational LOG file into the data directory and
// rolls it on every open; keep only a few so a long-lived directory does not
// fill up with old ones.
constexpr std::size_t kKeepInfoLogFiles = 5;

// Write buffers: each family keeps RocksDB's default 64 MiB memtable (about
// 20,000 ingested articles before a flush, so level 0 fills slowly and
// compaction seldom competes with requests for the two cores). The total
// across the six families is capped, though: otherwise it could reach six
// families x two memtables x 64 MiB; past the cap RocksDB flushes the
// largest memtable early, which keeps the server's memory bounded under a
// long write load.
constexpr std::size_t kTotalWriteBufferBytes = 256 << 20;

// Compression for every column family. LZ4 is cheap enough for the upper
// levels, which are rewritten often by compaction; ZSTD compresses article
// text noticeably better and is worth its CPU on the bottommost level, which
// holds most of the data and is rewritten least. RocksDB is built with
// whichever libraries the platform had, so take what is supported and fall
// back to no compression rather than fail to open. Compression runs in
// flushes and compactions, in the background, never on a request's write
// (which only appends to the write-ahead log and the memtable).
void ChooseCompression(rocksdb::ColumnFamilyOptions* options) {
  const std::vector<rocksdb::CompressionType> supported =
      rocksdb::GetSupportedCompressions();
  auto has = [&](rocksdb::CompressionType type) {
    return std::find(supported.begin(), supported.end(), type) !=
           supported.end();
  };
  if (has(rocksdb::kLZ4Compression)) {
    options->compression = rocksdb::kLZ4Compression;
  } else if (has(rocksdb::kZSTD)) {
    options->compression = rocksdb::kZSTD;
  } else {
    options->compression = rocksdb::kNoCompression;
  }
  if (has(rocksdb::kZSTD)) options->bottommost_compression = rocksdb::kZSTD;
}

// `point_lookups`: the family is read mostly with Get (sources, events,
// meta), so a bloom filter lets a Get for an absent key (every first ingest
// of a URL, every CreateEvent) skip reading data blocks from disk. The claim
// families are read by prefix iteration, which whole-key bloom filters do
// not help, so they go without and save the memory.
rocksdb::ColumnFamilyOptions FamilyOptions(
    const std::shared_ptr<rocksdb::Cache>& block_cache, bool point_lookups) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = block_cache;
  if (point_lookups) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  ChooseCompression(&options);
  return options;
}

}  // namespace

RocksDbConfig MakeRocksDbConfig(const StoreOptions& options) {
  RocksDbConfig config;
  // A new deployment starts from an empty directory; a new build may add
  // column families to an existing one.
  config.db.create_if_missing = true;
  config.db.create_missing_column_families = true;
  config.db.keep_log_file_num = kKeepInfoLogFiles;
  config.db.db_write_buffer_size = kTotalWriteBufferBytes;
  // Background flushes and compactions: RocksDB's default of two jobs, one
  // per core here, stays; more would only take CPU from requests.

  const std::shared_ptr<rocksdb::Cache> block_cache =
      rocksdb::NewLRUCache(options.block_cache_bytes);
  // Staging is read with Get to find an id given twice in one import.
  const struct {
    const char* name;
    bool point_lookups;
  } families[kFamilyCount] = {
      {rocksdb::kDefaultColumnFamilyName.c_str(), true},
      {keys::kSourcesFamily, true},
      {keys::kClaimsFamily, false},
      {keys::kEventsFamily, true},
      {keys::kClaimsByEventFamily, false},
      {keys::kImportStagingFamily, true},
  };
  for (const auto& family : families) {
    config.families.emplace_back(
        family.name, FamilyOptions(block_cache, family.point_lookups));
  }
  // Staged events live for one import and are dropped by range: compacting
  // them would be wasted work on the cores the import needs, and the usual
  // stall on many level-0 files would only slow a large import down. A
  // leftover range is dropped at the next open.
  rocksdb::ColumnFamilyOptions& staging =
      config.families[kImportStagingFamilyIndex].options;
  staging.disable_auto_compactions = true;
  staging.level0_slowdown_writes_trigger = 1 << 20;
  staging.level0_stop_writes_trigger = 1 << 20;
  config.unknown_family = FamilyOptions(block_cache, false);

  // With sync off, an acknowledged write is in the OS page cache and
  // survives a crash of this process but not of the machine; with it on,
  // every write waits for fsync of the write-ahead log.
  config.write.sync = options.sync;
  // Staged events are written without the write-ahead log: a crash before
  // the commit drops them anyway, and CommitImport flushes them to table
  // files before it writes the commit marker.
  config.staging_write.disableWAL = true;
  return config;
}

}  // namespace factcheck
