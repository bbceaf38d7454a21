// The RocksDB options the store opens its database with, in one place, so
// that the RocksDB-only benchmark (bench/rocksdb_put_baseline.cc) measures
// the storage ceiling under exactly the options the server runs with. Not
// part of the store's interface (store.h): other callers use Store.
#ifndef FACTCHECK_STORAGE_ROCKSDB_OPTIONS_H_
#define FACTCHECK_STORAGE_ROCKSDB_OPTIONS_H_

#include <vector>

#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "storage/store.h"

namespace factcheck {

// Indexes into RocksDbConfig::families, in the order DB::Open returns the
// handles.
enum RocksDbFamily : int {
  kMetaFamily = 0,  // RocksDB's "default" family.
  kSourcesFamilyIndex,
  kClaimsFamilyIndex,
  kEventsFamilyIndex,
  kClaimsByEventFamilyIndex,
  kImportStagingFamilyIndex,
  kFamilyCount,
};

struct RocksDbConfig {
  rocksdb::DBOptions db;
  // Our column families, indexed by RocksDbFamily, all sharing one block
  // cache.
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  // For families a newer schema added, which this build opens only so that
  // the schema check can refuse the directory with a clear message.
  rocksdb::ColumnFamilyOptions unknown_family;
  // Every write but the import staging area's.
  rocksdb::WriteOptions write;
  // Events staged by an import (see rocksdb_options.cc for why no WAL).
  rocksdb::WriteOptions staging_write;
};

// The configuration for a store opened with `options`. Each call makes a
// new block cache.
RocksDbConfig MakeRocksDbConfig(const StoreOptions& options);

}  // namespace factcheck

#endif  // FACTCHECK_STORAGE_ROCKSDB_OPTIONS_H_
