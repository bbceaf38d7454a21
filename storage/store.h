// The persistent store: sources, their claims, and reference events, kept in
// an embedded RocksDB database under one directory.
#ifndef FACTCHECK_STORAGE_STORE_H_
#define FACTCHECK_STORAGE_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "factcheck/v1/claim.pb.h"
#include "factcheck/v1/event.pb.h"
#include "factcheck/v1/source.pb.h"

namespace factcheck {

// The schema version this build writes. A directory written by a newer
// version is refused at open.
inline constexpr int kSchemaVersion = 1;

struct StoreOptions {
  // Sync the write-ahead log before a write is acknowledged, so that an
  // acknowledged write survives a machine crash. Off by default: writes
  // then survive a process crash but not a power loss.
  bool sync = false;
  // RocksDB block cache size.
  std::size_t block_cache_bytes = 64 << 20;
};

// One page of a listing. `next_page_token` is empty on the last page.
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_page_token;
};

// Which claims ListClaims returns. Empty fields do not restrict. Every member
// has a default initializer so that designated initializers naming only some
// of them ({.event_id = "x"}) compile without -Wmissing-field-initializers.
struct ClaimQuery {
  // Only claims of source `sources/{source_id}`.
  std::string source_id = {};
  // Only claims about event `events/{event_id}` (read through an index).
  std::string event_id = {};
  // Only claims with this verdict.
  v1::Verdict verdict = v1::VERDICT_UNSPECIFIED;
};

// Result of a multi-event write.
struct EventWriteCounts {
  int written = 0;    // New or changed.
  int unchanged = 0;  // Already stored exactly so.
};

// Size figures of one column family (RocksDB's estimates, so approximate).
struct ColumnFamilyStats {
  std::string name;
  std::uint64_t estimated_keys = 0;   // rocksdb.estimate-num-keys
  std::uint64_t sst_files_bytes = 0;  // rocksdb.total-sst-files-size
  std::uint64_t memtable_bytes = 0;   // rocksdb.cur-size-all-mem-tables
};

// The store's size figures, for the server's metrics.
struct StoreStats {
  std::vector<ColumnFamilyStats> column_families;
  // The block cache, which all families share.
  std::uint64_t block_cache_usage_bytes = 0;
  std::uint64_t block_cache_capacity_bytes = 0;
};

// Thread-safe: reads run concurrently; writes are serialised internally so
// that read-modify-write operations (replacing a source's claims) are atomic.
// Every multi-record change is one RocksDB WriteBatch: a crash leaves either
// all of it or none of it.
//
// Ids are any non-empty byte strings without '\0' (the server narrows them
// further); an empty id or one containing '\0' is InvalidArgument, as is a
// record with a string field that is not valid UTF-8 (protobuf would store
// it but could not read it back). A failed write writes nothing.
class Store {
 public:
  // Opens (creating if needed) the database in directory `path`. Fails with
  // FailedPrecondition when the directory was written by a newer schema (or
  // holds records but no schema version), DataLoss when its schema version
  // is unreadable, and Unavailable when another process has it open.
  static absl::StatusOr<std::unique_ptr<Store>> Open(
      const std::string& path, const StoreOptions& options = {});

  virtual ~Store() = default;

  // --- Sources -------------------------------------------------------------
  // Stores `source` (whose `name` is "sources/{id}") with `findings`,
  // replacing any stored copy and all of its claims in one batch. Claim
  // names are assigned here ("sources/{id}/claims/{n}", n from 1).
  // Sets `*unchanged` when the stored copy was identical (then nothing is
  // written and the stored timestamps are kept). Returns the stored source,
  // with create/update times set. The caller's claim_count,
  // contradicted_count and times are ignored: the counts are computed from
  // `findings`, create_time is kept from the stored copy, update_time is now.
  // Findings whose claim names an event ("events/{id}") are indexed for
  // ListClaims by event.
  virtual absl::StatusOr<v1::Source> PutSource(
      const v1::Source& source, std::vector<v1::Finding>& findings,
      bool* unchanged) = 0;
  // NotFound when absent.
  virtual absl::StatusOr<v1::Source> GetSource(absl::string_view id) = 0;
  // Sources in id order, without text. InvalidArgument for a bad token.
  virtual absl::StatusOr<Page<v1::Source>> ListSources(
      absl::string_view page_token, int page_size) = 0;
  // Deletes the source and its claims in one batch. NotFound when absent.
  virtual absl::Status DeleteSource(absl::string_view id) = 0;
  // Claims by source id then claim number, read from one snapshot.
  // InvalidArgument for a bad token, or a token from another query.
  virtual absl::StatusOr<Page<v1::Finding>> ListClaims(
      const ClaimQuery& query, absl::string_view page_token, int page_size) = 0;
  // Calls `visit` with the claims that name an event ("events/{id}"), in
  // event id, source id, claim number order, read through the event index
  // from one snapshot, in one pass. Starts with the claims of event
  // `event_id` (just after them when `after`; at the first event when
  // `event_id` is empty). `visit` gets the event id and the claim (which it
  // may move from) and returns false to stop. InvalidArgument for an event
  // id with '\0'; DataLoss for an index entry without its claim.
  virtual absl::Status ForEachClaimByEvent(
      absl::string_view event_id, bool after,
      const std::function<bool(absl::string_view event_id, v1::Finding&)>&
          visit) = 0;

  // --- Reference events ----------------------------------------------------
  // Stored events always carry `name` "events/{id}", whatever the caller set.
  //
  // AlreadyExists when an event with `event.id()` is stored.
  virtual absl::Status CreateEvent(const v1::Event& event) = 0;
  // NotFound when absent.
  virtual absl::StatusOr<v1::Event> GetEvent(absl::string_view id) = 0;
  // Writes all `events` (insert or replace by id) in one batch, counting as
  // unchanged those stored exactly so already. The batch also marks the
  // directory as ReferenceLoaded.
  virtual absl::StatusOr<EventWriteCounts> PutEvents(
      const std::vector<v1::Event>& events) = 0;
  // NotFound when absent. Claims that name the event keep naming it, so
  // ListClaims by the event's id still finds them.
  virtual absl::Status DeleteEvent(absl::string_view id) = 0;
  // Events in id order. InvalidArgument for a bad token.
  virtual absl::StatusOr<Page<v1::Event>> ListEvents(
      absl::string_view page_token, int page_size) = 0;
  // Every stored event, for building the matcher.
  virtual absl::StatusOr<std::vector<v1::Event>> AllEvents() = 0;
  // Calls `visit` with every stored event in id order, one at a time (the
  // event may be moved from): AllEvents without holding every event twice
  // while the caller converts them, which matters with millions.
  virtual absl::Status ForEachEvent(
      const std::function<void(v1::Event&)>& visit) = 0;
  // True once reference events have ever been loaded into this directory
  // (set by the first PutEvents), so that the bundled set is loaded only on
  // the first start, and deleting events is not undone by a restart.
  virtual absl::StatusOr<bool> ReferenceLoaded() = 0;

  // --- Staged imports ------------------------------------------------------
  // A large import is staged: its events are written in batches to a
  // staging area under an import id, where no reader sees them, and become
  // reference events only in CommitImport. So an import can be larger than
  // memory and still be all or nothing: one that is aborted, or that the
  // process does not live to commit, leaves nothing behind. Open drops what
  // uncommitted imports staged, and finishes the move of any import that was
  // committed when the process stopped.
  //
  // Starts an import; its id is unique in this directory.
  virtual absl::StatusOr<std::uint64_t> BeginImport() = 0;
  // Stages `events` under import `import_id`, in one batch. An event whose
  // id is already staged in this import (by an earlier call or earlier in
  // `events`) is left out: its position in `events` is returned, and the
  // first copy stays. Staging is not logged (a crash drops it anyway), which
  // makes it cheaper than PutEvents.
  virtual absl::StatusOr<std::vector<std::size_t>> StageEvents(
      std::uint64_t import_id, const std::vector<v1::Event>& events) = 0;
  // Makes the events staged under `import_id` reference events (insert or
  // replace by id), counting as unchanged those stored exactly so already,
  // then drops the staging area. A durable commit marker is written first:
  // once it is, a crash in the middle is finished by the next Open. The
  // move is made in batches, but readers of events (GetEvent, ListEvents,
  // AllEvents, ForEachEvent) read from a snapshot taken before it until the
  // last batch is written: they see none of the import, then all of it,
  // never part. (An event written by another call while the move runs
  // becomes visible with the import.) Sets ReferenceLoaded.
  virtual absl::StatusOr<EventWriteCounts> CommitImport(
      std::uint64_t import_id) = 0;
  // Drops everything staged under `import_id`.
  virtual absl::Status AbortImport(std::uint64_t import_id) = 0;

  // --- Backups -------------------------------------------------------------
  // Writes a consistent copy of the whole store, as of one moment, into
  // directory `dir`, which Open can then open like any data directory (a
  // RocksDB checkpoint). Writes in progress are either wholly in the copy or
  // not at all; reads and writes go on while it is made. Table files are
  // hard-linked when `dir` is on the same filesystem as the store (the copy
  // then costs little space until the store's files are compacted away),
  // copied otherwise; the files are synced before it returns.
  //
  // `dir` must be an absolute path (InvalidArgument otherwise) that does not
  // exist yet (AlreadyExists), in a directory that does
  // (FailedPrecondition). When the copy cannot be written, nothing is left
  // at `dir`.
  virtual absl::Status Checkpoint(const std::string& dir) = 0;

  // --- Operations ----------------------------------------------------------
  // Size figures of each of this build's column families and of the block
  // cache. Reads in-memory counters only, so it is cheap enough for every
  // metrics scrape. A figure RocksDB cannot give reads 0.
  virtual StoreStats Stats() = 0;
};

}  // namespace factcheck

#endif  // FACTCHECK_STORAGE_STORE_H_
