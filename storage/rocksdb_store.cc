// Store implemented on RocksDB. The key layout is described in keys.h.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_set.h"
#include "absl/memory/memory.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "storage/keys.h"
#include "storage/rocksdb_options.h"
#include "storage/store.h"

namespace factcheck {
namespace {

absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  if (status.IsNotSupported()) return absl::UnimplementedError(message);
  // I/O errors (including "another process holds the directory's lock") and
  // contention may go away on retry.
  if (status.IsIOError() || status.IsBusy() || status.IsTimedOut() ||
      status.IsTryAgain()) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

absl::string_view ToView(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

// Keys may hold '\0' and claim numbers; escape them for messages.
std::string Printable(absl::string_view key) { return absl::CHexEscape(key); }

template <typename Message>
absl::StatusOr<Message> Parse(absl::string_view bytes, absl::string_view what) {
  Message message;
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError(absl::StrCat("cannot parse stored ", what));
  }
  return message;
}

// Serialises `message` for storage. Protobuf writes a string field that is
// not valid UTF-8 (only logging an error) but then refuses to parse it, so
// such a record would be stored and never read back; checking that the
// bytes parse turns that into an InvalidArgument at write time instead of a
// DataLoss on every later read.
template <typename Message>
absl::StatusOr<std::string> Serialize(const Message& message,
                                      absl::string_view what) {
  std::string bytes = message.SerializeAsString();
  Message check;
  if (!check.ParseFromString(bytes)) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has a text field that is not valid UTF-8"));
  }
  return bytes;
}

google::protobuf::Timestamp Now() {
  const absl::Time now = absl::Now();
  const int64_t seconds = absl::ToUnixSeconds(now);
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(static_cast<int32_t>(
      (now - absl::FromUnixSeconds(seconds)) / absl::Nanoseconds(1)));
  return timestamp;
}

absl::Status SourceNotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("source '", id, "' not found"));
}

absl::Status EventNotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("event '", id, "' not found"));
}

// The event a finding is about, as an id for the index; nullopt when the
// claim names no event in the "events/{id}" form.
std::optional<absl::string_view> IndexedEventId(const v1::Finding& finding) {
  return keys::IdFromName(finding.claim().event(), keys::kEventNamePrefix);
}

// The copy of `event` that is stored: its name always matches its id, so
// that readers need not derive it.
v1::Event Normalized(const v1::Event& event) {
  v1::Event stored = event;
  stored.set_name(absl::StrCat(keys::kEventNamePrefix, event.id()));
  return stored;
}

// The fields of a source that PutSource compares to decide whether anything
// changed: everything but the timestamps, which record when a change was
// made and are not part of it. (The counts are derived from the findings,
// which are compared separately.)
std::string ComparableBytes(v1::Source source) {
  source.clear_create_time();
  source.clear_update_time();
  return source.SerializeAsString();
}

// A stored claim and its key, as read back for replacement or comparison.
struct StoredClaim {
  std::string key;
  v1::Finding finding;
};

class RocksDbStore final : public Store {
 public:
  static absl::StatusOr<std::unique_ptr<Store>> Open(
      const std::string& path, const StoreOptions& options);

  ~RocksDbStore() override;

  absl::StatusOr<v1::Source> PutSource(const v1::Source& source,
                                       std::vector<v1::Finding>& findings,
                                       bool* unchanged) override;
  absl::StatusOr<v1::Source> GetSource(absl::string_view id) override;
  absl::StatusOr<Page<v1::Source>> ListSources(absl::string_view page_token,
                                               int page_size) override;
  absl::Status DeleteSource(absl::string_view id) override;
  absl::StatusOr<Page<v1::Finding>> ListClaims(const ClaimQuery& query,
                                               absl::string_view page_token,
                                               int page_size) override;
  absl::Status ForEachClaimByEvent(
      absl::string_view event_id, bool after,
      const std::function<bool(absl::string_view, v1::Finding&)>& visit)
      override;

  absl::Status CreateEvent(const v1::Event& event) override;
  absl::StatusOr<v1::Event> GetEvent(absl::string_view id) override;
  absl::StatusOr<EventWriteCounts> PutEvents(
      const std::vector<v1::Event>& events) override;
  absl::Status DeleteEvent(absl::string_view id) override;
  absl::StatusOr<Page<v1::Event>> ListEvents(absl::string_view page_token,
                                             int page_size) override;
  absl::StatusOr<std::vector<v1::Event>> AllEvents() override;
  absl::Status ForEachEvent(
      const std::function<void(v1::Event&)>& visit) override;
  absl::StatusOr<bool> ReferenceLoaded() override;

  absl::StatusOr<std::uint64_t> BeginImport() override;
  absl::StatusOr<std::vector<std::size_t>> StageEvents(
      std::uint64_t import_id, const std::vector<v1::Event>& events) override;
  absl::StatusOr<EventWriteCounts> CommitImport(
      std::uint64_t import_id) override;
  absl::Status AbortImport(std::uint64_t import_id) override;

  absl::Status Checkpoint(const std::string& dir) override;
  StoreStats Stats() override;

 private:
  RocksDbStore(std::string path, const RocksDbConfig& config,
               std::unique_ptr<rocksdb::DB> db,
               std::vector<rocksdb::ColumnFamilyHandle*> handles);

  // Writes the schema version into a new directory, or checks the one a
  // used directory was written with.
  absl::Status CheckSchemaVersion();

  absl::Status Write(rocksdb::WriteBatch* batch, absl::string_view what);

  // Moves the events staged by a committed import into `events` and drops
  // the staging area and the commit marker. Idempotent, so that Open can
  // run it again after a crash in the middle.
  absl::StatusOr<EventWriteCounts> MoveStagedEvents(std::uint64_t import_id);
  // At open: finishes committed imports and drops uncommitted staging.
  absl::Status RecoverImports();

  // The value under `key`, or nullopt when there is none.
  absl::StatusOr<std::optional<std::string>> GetRaw(
      const rocksdb::ReadOptions& read_options,
      rocksdb::ColumnFamilyHandle* family, absl::string_view key);

  // The claims of one source, in claim-number order.
  absl::StatusOr<std::vector<StoredClaim>> ReadClaims(
      const rocksdb::ReadOptions& read_options, absl::string_view source_id);

  // Adds to `batch` the deletion of `claims` and of their index entries.
  void DeleteClaims(const std::vector<StoredClaim>& claims,
                    rocksdb::WriteBatch* batch);

  // One page of the keys under `prefix` in `iterator`'s family, starting
  // after the key in `page_token`. `decode(key, value)` turns an entry into
  // an item, or into nullopt to skip it (filtered out). Looks one matching
  // item past the page so that the last page carries no token.
  template <typename T, typename Decode>
  absl::StatusOr<Page<T>> ScanPage(rocksdb::Iterator& iterator,
                                   keys::Listing listing,
                                   absl::string_view prefix,
                                   absl::string_view page_token, int page_size,
                                   Decode decode);

  const std::string path_;
  rocksdb::WriteOptions write_options_;
  std::unique_ptr<rocksdb::DB> db_;
  // Every family opened, including any this build does not know (written by
  // a newer schema); owned, released in the destructor before `db_`.
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::ColumnFamilyHandle* meta_;
  rocksdb::ColumnFamilyHandle* sources_;
  rocksdb::ColumnFamilyHandle* claims_;
  rocksdb::ColumnFamilyHandle* events_;
  rocksdb::ColumnFamilyHandle* claims_by_event_;
  rocksdb::ColumnFamilyHandle* import_staging_;
  // Without the write-ahead log (see rocksdb_options.cc).
  rocksdb::WriteOptions staging_write_options_;

  // Serialises writers. RocksDB makes each batch atomic, but PutSource,
  // CreateEvent and PutEvents read before they write; without this two
  // concurrent PutSource calls for one source could each delete the claims
  // they saw and leave a mix. Readers never take it: they read from
  // iterators or snapshots, which see whole batches only.
  absl::Mutex write_mu_;
  // What readers of events read: the latest state (null), except while an
  // import's events are moved in, when it is a snapshot taken just before
  // the move, so that a reader sees the import whole or not at all
  // (MoveStagedEvents). Shared, so that a read in flight keeps the snapshot
  // it started with after the move has dropped it.
  std::shared_ptr<rocksdb::ManagedSnapshot> EventView()
      ABSL_LOCKS_EXCLUDED(view_mu_);
  absl::Mutex view_mu_;
  std::shared_ptr<rocksdb::ManagedSnapshot> event_view_
      ABSL_GUARDED_BY(view_mu_);

  // Serialises checkpoints, so that two made into one directory at once
  // cannot both pass the check that it does not exist. Writers do not wait
  // for it: a checkpoint is consistent without holding write_mu_.
  absl::Mutex checkpoint_mu_;
};

absl::StatusOr<std::unique_ptr<Store>> RocksDbStore::Open(
    const std::string& path, const StoreOptions& options) {
  RocksDbConfig config = MakeRocksDbConfig(options);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = config.families;
  // RocksDB refuses to open a database without naming all of its families.
  // A directory written by a newer schema may have more; open them too, so
  // that the schema check below can give its clear message. A new directory
  // has none and the listing fails, which is fine.
  std::vector<std::string> existing;
  rocksdb::DB::ListColumnFamilies(config.db, path, &existing)
      .PermitUncheckedError();
  for (const std::string& name : existing) {
    if (std::none_of(descriptors.begin(), descriptors.end(),
                     [&](const rocksdb::ColumnFamilyDescriptor& d) {
                       return d.name == name;
                     })) {
      descriptors.emplace_back(name, config.unknown_family);
    }
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  const rocksdb::Status opened =
      rocksdb::DB::Open(config.db, path, descriptors, &handles, &raw_db);
  if (!opened.ok()) {
    return FromRocks(opened, absl::StrCat("cannot open data directory ", path));
  }
  std::unique_ptr<RocksDbStore> store = absl::WrapUnique(new RocksDbStore(
      path, config, std::unique_ptr<rocksdb::DB>(raw_db), std::move(handles)));
  if (absl::Status status = store->CheckSchemaVersion(); !status.ok()) {
    return status;
  }
  if (absl::Status status = store->RecoverImports(); !status.ok()) {
    return status;
  }
  return store;
}

RocksDbStore::RocksDbStore(std::string path, const RocksDbConfig& config,
                           std::unique_ptr<rocksdb::DB> db,
                           std::vector<rocksdb::ColumnFamilyHandle*> handles)
    : path_(std::move(path)),
      write_options_(config.write),
      db_(std::move(db)),
      handles_(std::move(handles)),
      meta_(handles_[kMetaFamily]),
      sources_(handles_[kSourcesFamilyIndex]),
      claims_(handles_[kClaimsFamilyIndex]),
      events_(handles_[kEventsFamilyIndex]),
      claims_by_event_(handles_[kClaimsByEventFamilyIndex]),
      import_staging_(handles_[kImportStagingFamilyIndex]),
      staging_write_options_(config.staging_write) {}

RocksDbStore::~RocksDbStore() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  // Nothing can be done about a failure here; the write-ahead log already
  // holds every acknowledged write.
  db_->Close().PermitUncheckedError();
}

absl::Status RocksDbStore::CheckSchemaVersion() {
  const absl::StatusOr<std::optional<std::string>> stored =
      GetRaw(rocksdb::ReadOptions(), meta_, keys::kSchemaVersionKey);
  if (!stored.ok()) return stored.status();
  if (stored->has_value()) {
    int version = 0;
    if (!absl::SimpleAtoi(**stored, &version) || version < 1) {
      return absl::DataLossError(
          absl::StrCat("data directory ", path_, " has an unreadable schema ",
                       "version '", Printable(**stored), "'"));
    }
    if (version > kSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "data directory %s was written by schema version %d; this build "
          "reads up to %d",
          path_, version, kSchemaVersion));
    }
    return absl::OkStatus();
  }
  // No version: only a directory this store just created may get one.
  // Records without a version mean the directory is not ours, or lost its
  // version; writing one would make that silently look valid.
  for (rocksdb::ColumnFamilyHandle* family : handles_) {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), family));
    it->SeekToFirst();
    if (!it->status().ok()) {
      return FromRocks(it->status(), absl::StrCat("reading ", path_));
    }
    if (it->Valid()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "data directory ", path_, " holds records (column ", "family '",
          family->GetName(), "') but no schema version"));
    }
  }
  rocksdb::WriteBatch batch;
  batch.Put(meta_, keys::kSchemaVersionKey, absl::StrCat(kSchemaVersion));
  return Write(&batch, "writing the schema version");
}

absl::Status RocksDbStore::Write(rocksdb::WriteBatch* batch,
                                 absl::string_view what) {
  return FromRocks(db_->Write(write_options_, batch), what);
}

absl::StatusOr<std::optional<std::string>> RocksDbStore::GetRaw(
    const rocksdb::ReadOptions& read_options,
    rocksdb::ColumnFamilyHandle* family, absl::string_view key) {
  std::string value;
  const rocksdb::Status status =
      db_->Get(read_options, family, ToSlice(key), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("reading ", family->GetName(),
                                          " key '", Printable(key), "'"));
  }
  return std::optional<std::string>(std::move(value));
}

absl::StatusOr<std::vector<StoredClaim>> RocksDbStore::ReadClaims(
    const rocksdb::ReadOptions& read_options, absl::string_view source_id) {
  const std::string prefix = keys::ClaimPrefix(source_id);
  std::vector<StoredClaim> claims;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, claims_));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    const absl::string_view key = ToView(it->key());
    absl::StatusOr<v1::Finding> finding = Parse<v1::Finding>(
        ToView(it->value()), absl::StrCat("claim '", Printable(key), "'"));
    if (!finding.ok()) return finding.status();
    claims.push_back({std::string(key), *std::move(finding)});
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), absl::StrCat("reading claims of source '",
                                                source_id, "'"));
  }
  return claims;
}

void RocksDbStore::DeleteClaims(const std::vector<StoredClaim>& claims,
                                rocksdb::WriteBatch* batch) {
  for (const StoredClaim& claim : claims) {
    batch->Delete(claims_, claim.key);
    if (std::optional<absl::string_view> event =
            IndexedEventId(claim.finding)) {
      batch->Delete(claims_by_event_,
                    keys::ClaimsByEventKey(*event, claim.key));
    }
  }
}

template <typename T, typename Decode>
absl::StatusOr<Page<T>> RocksDbStore::ScanPage(rocksdb::Iterator& iterator,
                                               keys::Listing listing,
                                               absl::string_view prefix,
                                               absl::string_view page_token,
                                               int page_size, Decode decode) {
  if (page_size <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must be positive, not ", page_size));
  }
  const absl::StatusOr<std::string> after =
      keys::DecodePageToken(page_token, listing, prefix);
  if (!after.ok()) return after.status();
  if (after->empty()) {
    iterator.Seek(ToSlice(prefix));
  } else {
    // The last key of the previous page may since have been deleted; seeking
    // to it still lands on the first key after it.
    iterator.Seek(*after);
    if (iterator.Valid() && iterator.key() == rocksdb::Slice(*after)) {
      iterator.Next();
    }
  }
  Page<T> page;
  std::string last_key;
  for (; iterator.Valid() && iterator.key().starts_with(ToSlice(prefix));
       iterator.Next()) {
    const absl::string_view key = ToView(iterator.key());
    absl::StatusOr<std::optional<T>> item =
        decode(key, ToView(iterator.value()));
    if (!item.ok()) return item.status();
    if (!item->has_value()) continue;
    if (page.items.size() == static_cast<size_t>(page_size)) {
      // A further item exists, so there is a next page.
      page.next_page_token = keys::EncodePageToken(listing, last_key);
      break;
    }
    page.items.push_back(**std::move(item));
    last_key = std::string(key);
  }
  if (!iterator.status().ok()) {
    return FromRocks(iterator.status(), "listing");
  }
  return page;
}

// --- Sources ---------------------------------------------------------------

absl::StatusOr<v1::Source> RocksDbStore::PutSource(
    const v1::Source& source, std::vector<v1::Finding>& findings,
    bool* unchanged) {
  if (unchanged != nullptr) *unchanged = false;
  const std::optional<absl::string_view> name_id =
      keys::IdFromName(source.name(), keys::kSourceNamePrefix);
  if (!name_id.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("source name '", Printable(source.name()),
                     "' is not of the form sources/{id}"));
  }
  const std::string id(*name_id);
  if (absl::Status valid = keys::ValidateId("source", id); !valid.ok()) {
    return valid;
  }
  if (findings.size() > std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "source '", id, "' has too many claims to number: ", findings.size()));
  }
  // Check every event reference before changing anything, so that a bad one
  // leaves the store untouched.
  int contradicted = 0;
  for (const v1::Finding& finding : findings) {
    if (std::optional<absl::string_view> event = IndexedEventId(finding)) {
      if (absl::Status valid = keys::ValidateId("event", *event); !valid.ok()) {
        return valid;
      }
    }
    if (finding.verdict() == v1::CONTRADICTED) ++contradicted;
  }
  std::vector<std::string> finding_bytes;
  finding_bytes.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const std::string name = keys::ClaimName(id, static_cast<uint32_t>(i + 1));
    findings[i].mutable_claim()->set_name(name);
    absl::StatusOr<std::string> bytes =
        Serialize(findings[i], absl::StrCat("claim ", name));
    if (!bytes.ok()) return bytes.status();
    finding_bytes.push_back(*std::move(bytes));
  }

  // The new copy; the caller's output-only fields are replaced, not trusted.
  v1::Source updated = source;
  updated.set_claim_count(static_cast<int32_t>(findings.size()));
  updated.set_contradicted_count(contradicted);
  updated.clear_create_time();
  updated.clear_update_time();
  if (absl::Status valid =
          Serialize(updated, absl::StrCat("source '", id, "'")).status();
      !valid.ok()) {
    return valid;
  }

  absl::MutexLock lock(&write_mu_);
  // Reads need no snapshot: the lock keeps other writers out.
  const rocksdb::ReadOptions read_options;
  const absl::StatusOr<std::optional<std::string>> stored_bytes =
      GetRaw(read_options, sources_, id);
  if (!stored_bytes.ok()) return stored_bytes.status();
  std::optional<v1::Source> stored;
  std::vector<StoredClaim> stored_claims;
  if (stored_bytes->has_value()) {
    absl::StatusOr<v1::Source> parsed =
        Parse<v1::Source>(**stored_bytes, absl::StrCat("source '", id, "'"));
    if (!parsed.ok()) return parsed.status();
    stored = *std::move(parsed);
    absl::StatusOr<std::vector<StoredClaim>> claims =
        ReadClaims(read_options, id);
    if (!claims.ok()) return claims.status();
    stored_claims = *std::move(claims);

    // Re-ingesting the same article is common (feeds are polled); writing
    // nothing keeps update_time meaningful and spares the disk.
    bool same = ComparableBytes(*stored) == ComparableBytes(updated) &&
                stored_claims.size() == findings.size();
    for (size_t i = 0; same && i < findings.size(); ++i) {
      same = stored_claims[i].finding.SerializeAsString() == finding_bytes[i];
    }
    if (same) {
      if (unchanged != nullptr) *unchanged = true;
      return *std::move(stored);
    }
  }

  const google::protobuf::Timestamp now = Now();
  *updated.mutable_create_time() =
      stored.has_value() ? stored->create_time() : now;
  *updated.mutable_update_time() = now;

  rocksdb::WriteBatch batch;
  // Claim numbers are reassigned on every change, so the old claims go
  // first; a key that is written again below is simply overwritten.
  DeleteClaims(stored_claims, &batch);
  batch.Put(sources_, id, updated.SerializeAsString());
  for (size_t i = 0; i < findings.size(); ++i) {
    const std::string key = keys::ClaimKey(id, static_cast<uint32_t>(i + 1));
    batch.Put(claims_, key, finding_bytes[i]);
    if (std::optional<absl::string_view> event = IndexedEventId(findings[i])) {
      batch.Put(claims_by_event_, keys::ClaimsByEventKey(*event, key),
                rocksdb::Slice());
    }
  }
  if (absl::Status written =
          Write(&batch, absl::StrCat("writing source '", id, "'"));
      !written.ok()) {
    return written;
  }
  return updated;
}

absl::StatusOr<v1::Source> RocksDbStore::GetSource(absl::string_view id) {
  if (absl::Status valid = keys::ValidateId("source", id); !valid.ok()) {
    return valid;
  }
  const absl::StatusOr<std::optional<std::string>> bytes =
      GetRaw(rocksdb::ReadOptions(), sources_, id);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return SourceNotFound(id);
  return Parse<v1::Source>(**bytes, absl::StrCat("source '", id, "'"));
}

absl::StatusOr<Page<v1::Source>> RocksDbStore::ListSources(
    absl::string_view page_token, int page_size) {
  // One iterator is already a consistent view; no snapshot needed.
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), sources_));
  return ScanPage<v1::Source>(
      *it, keys::Listing::kSources, "", page_token, page_size,
      [](absl::string_view key,
         absl::string_view value) -> absl::StatusOr<std::optional<v1::Source>> {
        absl::StatusOr<v1::Source> source =
            Parse<v1::Source>(value, absl::StrCat("source '", key, "'"));
        if (!source.ok()) return source.status();
        // Listings are for browsing; the text can be megabytes.
        source->clear_text();
        return std::optional<v1::Source>(*std::move(source));
      });
}

absl::Status RocksDbStore::DeleteSource(absl::string_view id) {
  if (absl::Status valid = keys::ValidateId("source", id); !valid.ok()) {
    return valid;
  }
  absl::MutexLock lock(&write_mu_);
  const rocksdb::ReadOptions read_options;
  const absl::StatusOr<std::optional<std::string>> bytes =
      GetRaw(read_options, sources_, id);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return SourceNotFound(id);
  const absl::StatusOr<std::vector<StoredClaim>> claims =
      ReadClaims(read_options, id);
  if (!claims.ok()) return claims.status();

  rocksdb::WriteBatch batch;
  batch.Delete(sources_, ToSlice(id));
  DeleteClaims(*claims, &batch);
  return Write(&batch, absl::StrCat("deleting source '", id, "'"));
}

absl::StatusOr<Page<v1::Finding>> RocksDbStore::ListClaims(
    const ClaimQuery& query, absl::string_view page_token, int page_size) {
  if (!query.source_id.empty()) {
    if (absl::Status valid = keys::ValidateId("source", query.source_id);
        !valid.ok()) {
      return valid;
    }
  }
  if (!query.event_id.empty()) {
    if (absl::Status valid = keys::ValidateId("event", query.event_id);
        !valid.ok()) {
      return valid;
    }
  }
  // Listing by event reads the index and then the claims it points to; one
  // snapshot makes the two agree even while a source is being replaced.
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();

  auto wanted = [&](const v1::Finding& finding) {
    return query.verdict == v1::VERDICT_UNSPECIFIED ||
           finding.verdict() == query.verdict;
  };
  using Item = absl::StatusOr<std::optional<v1::Finding>>;

  if (!query.event_id.empty()) {
    const std::string event_prefix = keys::ClaimsByEventPrefix(query.event_id);
    std::string prefix = event_prefix;
    if (!query.source_id.empty()) {
      prefix += keys::ClaimPrefix(query.source_id);
    }
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(read_options, claims_by_event_));
    return ScanPage<v1::Finding>(
        *it, keys::Listing::kClaimsByEvent, prefix, page_token, page_size,
        [&](absl::string_view key, absl::string_view) -> Item {
          const absl::string_view claim_key = key.substr(event_prefix.size());
          const absl::StatusOr<std::optional<std::string>> bytes =
              GetRaw(read_options, claims_, claim_key);
          if (!bytes.ok()) return bytes.status();
          if (!bytes->has_value()) {
            // Index and claims are written in one batch and read from one
            // snapshot, so this is damage, not a race.
            return absl::DataLossError(
                absl::StrCat("index entry '", Printable(key),
                             "' points to a missing claim"));
          }
          absl::StatusOr<v1::Finding> finding = Parse<v1::Finding>(
              **bytes, absl::StrCat("claim '", Printable(claim_key), "'"));
          if (!finding.ok()) return finding.status();
          if (!wanted(*finding)) return std::optional<v1::Finding>();
          return std::optional<v1::Finding>(*std::move(finding));
        });
  }

  const std::string prefix =
      query.source_id.empty() ? "" : keys::ClaimPrefix(query.source_id);
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, claims_));
  return ScanPage<v1::Finding>(
      *it, keys::Listing::kClaims, prefix, page_token, page_size,
      [&](absl::string_view key, absl::string_view value) -> Item {
        absl::StatusOr<v1::Finding> finding = Parse<v1::Finding>(
            value, absl::StrCat("claim '", Printable(key), "'"));
        if (!finding.ok()) return finding.status();
        if (!wanted(*finding)) return std::optional<v1::Finding>();
        return std::optional<v1::Finding>(*std::move(finding));
      });
}

absl::Status RocksDbStore::ForEachClaimByEvent(
    absl::string_view event_id, bool after,
    const std::function<bool(absl::string_view, v1::Finding&)>& visit) {
  if (absl::StrContains(event_id, '\0')) {
    return absl::InvalidArgumentError("event id contains '\\0'");
  }
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, claims_by_event_));
  // Every index key of an event starts with its id and '\0', so the first
  // key after them all is the id followed by '\1'.
  std::string start(event_id);
  if (!event_id.empty()) start.push_back(after ? '\1' : '\0');
  for (it->Seek(start); it->Valid(); it->Next()) {
    const absl::string_view key(it->key().data(), it->key().size());
    const std::size_t end = key.find('\0');
    if (end == absl::string_view::npos) {
      return absl::DataLossError(
          absl::StrCat("index entry '", Printable(key), "' is malformed"));
    }
    const absl::string_view claim_key = key.substr(end + 1);
    const absl::StatusOr<std::optional<std::string>> bytes =
        GetRaw(read_options, claims_, claim_key);
    if (!bytes.ok()) return bytes.status();
    if (!bytes->has_value()) {
      return absl::DataLossError(absl::StrCat("index entry '", Printable(key),
                                              "' points to a missing claim"));
    }
    absl::StatusOr<v1::Finding> finding = Parse<v1::Finding>(
        **bytes, absl::StrCat("claim '", Printable(claim_key), "'"));
    if (!finding.ok()) return finding.status();
    if (!visit(key.substr(0, end), *finding)) return absl::OkStatus();
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "reading the event index");
  }
  return absl::OkStatus();
}

// --- Reference events ------------------------------------------------------

absl::Status RocksDbStore::CreateEvent(const v1::Event& event) {
  if (absl::Status valid = keys::ValidateId("event", event.id()); !valid.ok()) {
    return valid;
  }
  const absl::StatusOr<std::string> bytes =
      Serialize(Normalized(event), absl::StrCat("event '", event.id(), "'"));
  if (!bytes.ok()) return bytes.status();
  absl::MutexLock lock(&write_mu_);
  const absl::StatusOr<std::optional<std::string>> existing =
      GetRaw(rocksdb::ReadOptions(), events_, event.id());
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return absl::AlreadyExistsError(
        absl::StrCat("event '", event.id(), "' already exists"));
  }
  rocksdb::WriteBatch batch;
  batch.Put(events_, event.id(), *bytes);
  return Write(&batch, absl::StrCat("writing event '", event.id(), "'"));
}

std::shared_ptr<rocksdb::ManagedSnapshot> RocksDbStore::EventView() {
  absl::MutexLock lock(&view_mu_);
  return event_view_;
}

namespace {

// Read options that read through `view` (the latest state when null).
rocksdb::ReadOptions ReadingThrough(
    const std::shared_ptr<rocksdb::ManagedSnapshot>& view) {
  rocksdb::ReadOptions options;
  if (view != nullptr) options.snapshot = view->snapshot();
  return options;
}

}  // namespace

absl::StatusOr<v1::Event> RocksDbStore::GetEvent(absl::string_view id) {
  if (absl::Status valid = keys::ValidateId("event", id); !valid.ok()) {
    return valid;
  }
  const std::shared_ptr<rocksdb::ManagedSnapshot> view = EventView();
  const absl::StatusOr<std::optional<std::string>> bytes =
      GetRaw(ReadingThrough(view), events_, id);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return EventNotFound(id);
  return Parse<v1::Event>(**bytes, absl::StrCat("event '", id, "'"));
}

absl::StatusOr<EventWriteCounts> RocksDbStore::PutEvents(
    const std::vector<v1::Event>& events) {
  std::vector<std::string> event_bytes;
  event_bytes.reserve(events.size());
  for (const v1::Event& event : events) {
    if (absl::Status valid = keys::ValidateId("event", event.id());
        !valid.ok()) {
      return valid;
    }
    absl::StatusOr<std::string> bytes =
        Serialize(Normalized(event), absl::StrCat("event '", event.id(), "'"));
    if (!bytes.ok()) return bytes.status();
    event_bytes.push_back(*std::move(bytes));
  }
  absl::MutexLock lock(&write_mu_);
  rocksdb::WriteBatch batch;
  EventWriteCounts counts;
  // What this batch will have stored, so that an id given twice is compared
  // with its earlier copy rather than with what is on disk.
  std::map<std::string, std::string> pending;
  for (size_t i = 0; i < events.size(); ++i) {
    const v1::Event& event = events[i];
    std::string& bytes = event_bytes[i];
    std::optional<std::string> current;
    if (auto it = pending.find(event.id()); it != pending.end()) {
      current = it->second;
    } else {
      absl::StatusOr<std::optional<std::string>> stored =
          GetRaw(rocksdb::ReadOptions(), events_, event.id());
      if (!stored.ok()) return stored.status();
      current = *std::move(stored);
    }
    if (current.has_value() && *current == bytes) {
      ++counts.unchanged;
      continue;
    }
    batch.Put(events_, event.id(), bytes);
    pending[event.id()] = std::move(bytes);
    ++counts.written;
  }
  // In the same batch, so the marker is set exactly when the events are.
  batch.Put(meta_, keys::kReferenceLoadedKey, "1");
  if (absl::Status written = Write(&batch, "writing events"); !written.ok()) {
    return written;
  }
  return counts;
}

absl::Status RocksDbStore::DeleteEvent(absl::string_view id) {
  if (absl::Status valid = keys::ValidateId("event", id); !valid.ok()) {
    return valid;
  }
  absl::MutexLock lock(&write_mu_);
  const absl::StatusOr<std::optional<std::string>> existing =
      GetRaw(rocksdb::ReadOptions(), events_, id);
  if (!existing.ok()) return existing.status();
  if (!existing->has_value()) return EventNotFound(id);
  // Index entries stay: they record what stored claims say, and those claims
  // still name the event.
  rocksdb::WriteBatch batch;
  batch.Delete(events_, ToSlice(id));
  return Write(&batch, absl::StrCat("deleting event '", id, "'"));
}

absl::StatusOr<Page<v1::Event>> RocksDbStore::ListEvents(
    absl::string_view page_token, int page_size) {
  const std::shared_ptr<rocksdb::ManagedSnapshot> view = EventView();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(ReadingThrough(view), events_));
  return ScanPage<v1::Event>(
      *it, keys::Listing::kEvents, "", page_token, page_size,
      [](absl::string_view key,
         absl::string_view value) -> absl::StatusOr<std::optional<v1::Event>> {
        absl::StatusOr<v1::Event> event =
            Parse<v1::Event>(value, absl::StrCat("event '", key, "'"));
        if (!event.ok()) return event.status();
        return std::optional<v1::Event>(*std::move(event));
      });
}

absl::StatusOr<std::vector<v1::Event>> RocksDbStore::AllEvents() {
  std::vector<v1::Event> events;
  const std::shared_ptr<rocksdb::ManagedSnapshot> view = EventView();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(ReadingThrough(view), events_));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    absl::StatusOr<v1::Event> event = Parse<v1::Event>(
        ToView(it->value()), absl::StrCat("event '", ToView(it->key()), "'"));
    if (!event.ok()) return event.status();
    events.push_back(*std::move(event));
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading events");
  return events;
}

absl::Status RocksDbStore::ForEachEvent(
    const std::function<void(v1::Event&)>& visit) {
  const std::shared_ptr<rocksdb::ManagedSnapshot> view = EventView();
  rocksdb::ReadOptions read_options = ReadingThrough(view);
  // A full scan: keep it from evicting the blocks lookups use.
  read_options.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, events_));
  v1::Event event;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!event.ParseFromArray(it->value().data(),
                              static_cast<int>(it->value().size()))) {
      return absl::DataLossError(
          absl::StrCat("cannot parse stored event '", ToView(it->key()), "'"));
    }
    visit(event);
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading events");
  return absl::OkStatus();
}

absl::StatusOr<bool> RocksDbStore::ReferenceLoaded() {
  const absl::StatusOr<std::optional<std::string>> marker =
      GetRaw(rocksdb::ReadOptions(), meta_, keys::kReferenceLoadedKey);
  if (!marker.ok()) return marker.status();
  return marker->has_value();
}

// --- Staged imports --------------------------------------------------------

absl::StatusOr<std::uint64_t> RocksDbStore::BeginImport() {
  absl::MutexLock lock(&write_mu_);
  const absl::StatusOr<std::optional<std::string>> stored =
      GetRaw(rocksdb::ReadOptions(), meta_, keys::kNextImportIdKey);
  if (!stored.ok()) return stored.status();
  std::uint64_t id = 1;
  if (stored->has_value() && !absl::SimpleAtoi(**stored, &id)) {
    return absl::DataLossError(
        absl::StrCat("unreadable next import id '", Printable(**stored), "'"));
  }
  rocksdb::WriteBatch batch;
  batch.Put(meta_, keys::kNextImportIdKey, absl::StrCat(id + 1));
  if (absl::Status s = Write(&batch, "starting an import"); !s.ok()) return s;
  return id;
}

absl::StatusOr<std::vector<std::size_t>> RocksDbStore::StageEvents(
    std::uint64_t import_id, const std::vector<v1::Event>& events) {
  std::vector<std::size_t> duplicates;
  rocksdb::WriteBatch batch;
  absl::flat_hash_set<absl::string_view> in_batch;
  in_batch.reserve(events.size());
  // Reused across the batch, so that its strings are allocated once: this
  // is the import's hot loop.
  std::string key;
  std::string bytes;
  v1::Event check;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const v1::Event& event = events[i];
    if (absl::Status valid = keys::ValidateId("event", event.id());
        !valid.ok()) {
      return valid;
    }
    key = keys::ImportStagingKey(import_id, event.id());
    bool duplicate = in_batch.contains(event.id());
    if (!duplicate) {
      const absl::StatusOr<std::optional<std::string>> staged =
          GetRaw(rocksdb::ReadOptions(), import_staging_, key);
      if (!staged.ok()) return staged.status();
      duplicate = staged->has_value();
    }
    if (duplicate) {
      duplicates.push_back(i);
      continue;
    }
    // As Serialize does, without copying an event whose name is already
    // the stored one (the server's are).
    if (event.name().size() ==
            sizeof(keys::kEventNamePrefix) - 1 + event.id().size() &&
        absl::StartsWith(event.name(), keys::kEventNamePrefix) &&
        absl::EndsWith(event.name(), event.id())) {
      event.SerializeToString(&bytes);
    } else {
      Normalized(event).SerializeToString(&bytes);
    }
    if (!check.ParseFromString(bytes)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "event '", event.id(), "' has a text field that is not valid UTF-8"));
    }
    batch.Put(import_staging_, key, bytes);
    in_batch.insert(event.id());
  }
  const rocksdb::Status written = db_->Write(staging_write_options_, &batch);
  if (!written.ok()) return FromRocks(written, "staging events");
  return duplicates;
}

absl::StatusOr<EventWriteCounts> RocksDbStore::CommitImport(
    std::uint64_t import_id) {
  // The marker promises that the staged events exist; they were written
  // without the log, so put them in table files before making the promise.
  rocksdb::FlushOptions flush;
  flush.wait = true;
  if (absl::Status s = FromRocks(db_->Flush(flush, import_staging_),
                                 "flushing staged events");
      !s.ok()) {
    return s;
  }
  rocksdb::WriteBatch batch;
  batch.Put(meta_, keys::ImportCommittedKey(import_id), "");
  rocksdb::WriteOptions durable = write_options_;
  durable.sync = true;  // The commit point, whatever --sync says.
  if (absl::Status s =
          FromRocks(db_->Write(durable, &batch), "committing an import");
      !s.ok()) {
    return s;
  }
  return MoveStagedEvents(import_id);
}

absl::StatusOr<EventWriteCounts> RocksDbStore::MoveStagedEvents(
    std::uint64_t import_id) {
  // Large enough that per-batch costs vanish, small enough that a batch
  // (at most a few MiB) and the time write_mu_ is held stay small.
  constexpr int kMoveBatchEvents = 10000;
  const std::string begin = keys::ImportStagingPrefix(import_id);
  const std::string end = keys::ImportStagingPrefix(import_id + 1);
  const rocksdb::Slice upper = ToSlice(end);
  rocksdb::ReadOptions read_options;
  read_options.iterate_upper_bound = &upper;
  // The scan reads every staged event once; keep it out of the block
  // cache that serves lookups.
  read_options.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, import_staging_));
  it->Seek(ToSlice(begin));
  // Readers see the events as they were until the last batch is written,
  // then all of the import at once: the view is dropped on every way out,
  // after the last batch on success. (After a failed write the marker
  // stays, and the next Open finishes the move.)
  {
    absl::MutexLock lock(&view_mu_);
    event_view_ = std::make_shared<rocksdb::ManagedSnapshot>(db_.get());
  }
  const absl::Cleanup drop_view = [this] {
    absl::MutexLock lock(&view_mu_);
    event_view_.reset();
  };
  EventWriteCounts counts;
  // The moved events are written without the log, like the staging: until
  // the last batch removes the commit marker, a crash redoes the whole
  // (idempotent) move; and before that batch, the events are flushed to
  // table files. This halves what a large import writes.
  rocksdb::WriteOptions unlogged = write_options_;
  unlogged.disableWAL = true;
  unlogged.sync = false;
  for (bool last = false; !last;) {
    absl::MutexLock lock(&write_mu_);
    rocksdb::WriteBatch batch;
    for (int n = 0; it->Valid() && n < kMoveBatchEvents; it->Next(), ++n) {
      const absl::string_view event_id = ToView(it->key()).substr(begin.size());
      const absl::StatusOr<std::optional<std::string>> current =
          GetRaw(rocksdb::ReadOptions(), events_, event_id);
      if (!current.ok()) return current.status();
      if (current->has_value() && **current == ToView(it->value())) {
        ++counts.unchanged;
        continue;
      }
      batch.Put(events_, ToSlice(event_id), it->value());
      ++counts.written;
    }
    if (!it->status().ok()) {
      return FromRocks(it->status(), "reading staged events");
    }
    last = !it->Valid();
    if (!last) {
      if (absl::Status s = FromRocks(db_->Write(unlogged, &batch),
                                     "writing imported events");
          !s.ok()) {
        return s;
      }
      continue;
    }
    rocksdb::FlushOptions flush;
    flush.wait = true;
    if (absl::Status s =
            FromRocks(db_->Flush(flush, events_), "flushing imported events");
        !s.ok()) {
      return s;
    }
    batch.DeleteRange(import_staging_, ToSlice(begin), upper);
    batch.Delete(meta_, keys::ImportCommittedKey(import_id));
    batch.Put(meta_, keys::kReferenceLoadedKey, "1");
    if (absl::Status s = Write(&batch, "writing imported events"); !s.ok()) {
      return s;
    }
  }
  it.reset();
  // The range is deleted; also drop the table files wholly inside it now
  // rather than when compaction gets to them. Only disk space is at stake.
  const rocksdb::Slice lower = ToSlice(begin);
  rocksdb::DeleteFilesInRange(db_.get(), import_staging_, &lower, &upper,
                              /*include_end=*/false)
      .PermitUncheckedError();
  return counts;
}

absl::Status RocksDbStore::AbortImport(std::uint64_t import_id) {
  const std::string begin = keys::ImportStagingPrefix(import_id);
  const std::string end = keys::ImportStagingPrefix(import_id + 1);
  rocksdb::WriteBatch batch;
  batch.DeleteRange(import_staging_, begin, end);
  if (absl::Status s = Write(&batch, "dropping staged events"); !s.ok()) {
    return s;
  }
  const rocksdb::Slice lower = ToSlice(begin);
  const rocksdb::Slice upper = ToSlice(end);
  rocksdb::DeleteFilesInRange(db_.get(), import_staging_, &lower, &upper,
                              /*include_end=*/false)
      .PermitUncheckedError();
  return absl::OkStatus();
}

StoreStats RocksDbStore::Stats() {
  const auto property = [this](rocksdb::ColumnFamilyHandle* family,
                               const rocksdb::Slice& name) {
    std::uint64_t value = 0;
    if (!db_->GetIntProperty(family, name, &value)) value = 0;
    return value;
  };
  StoreStats stats;
  for (rocksdb::ColumnFamilyHandle* family :
       {meta_, sources_, claims_, events_, claims_by_event_, import_staging_}) {
    stats.column_families.push_back(
        {.name = family->GetName(),
         .estimated_keys = property(family, "rocksdb.estimate-num-keys"),
         .sst_files_bytes = property(family, "rocksdb.total-sst-files-size"),
         .memtable_bytes =
             property(family, "rocksdb.cur-size-all-mem-tables")});
  }
  // Every family shares one cache, so any family's figure is the cache's.
  stats.block_cache_usage_bytes = property(meta_, "rocksdb.block-cache-usage");
  stats.block_cache_capacity_bytes =
      property(meta_, "rocksdb.block-cache-capacity");
  return stats;
}

absl::Status RocksDbStore::RecoverImports() {
  std::vector<std::uint64_t> committed;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), meta_));
    const absl::string_view prefix = keys::kImportCommittedPrefix;
    for (it->Seek(ToSlice(prefix));
         it->Valid() && absl::StartsWith(ToView(it->key()), prefix);
         it->Next()) {
      const std::optional<std::uint64_t> id =
          keys::ImportIdOfStagingKey(ToView(it->key()).substr(prefix.size()));
      if (id.has_value()) committed.push_back(*id);
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading imports");
  }
  for (std::uint64_t id : committed) {
    if (absl::StatusOr<EventWriteCounts> moved = MoveStagedEvents(id);
        !moved.ok()) {
      return moved.status();
    }
  }
  std::vector<std::uint64_t> uncommitted;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), import_staging_));
    for (it->SeekToFirst(); it->Valid();) {
      const std::optional<std::uint64_t> id =
          keys::ImportIdOfStagingKey(ToView(it->key()));
      if (!id.has_value()) {
        return absl::DataLossError(absl::StrCat(
            "malformed staging key '", Printable(ToView(it->key())), "'"));
      }
      uncommitted.push_back(*id);
      it->Seek(keys::ImportStagingPrefix(*id + 1));
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading imports");
  }
  for (std::uint64_t id : uncommitted) {
    if (absl::Status s = AbortImport(id); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// --- Backups ---------------------------------------------------------------

// Makes the entry for `dir` in its parent directory durable: RocksDB syncs
// the checkpoint's files and the directory itself, but the rename that
// gives it its name is recorded in the parent.
absl::Status SyncDirectory(const std::filesystem::path& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot open directory ", dir.string(),
                     " to sync it: ", std::strerror(errno)));
  }
  const int synced = fsync(fd);
  const int error = errno;
  close(fd);
  if (synced != 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot sync directory ", dir.string(), ": ", std::strerror(error)));
  }
  return absl::OkStatus();
}

absl::Status RocksDbStore::Checkpoint(const std::string& dir) {
  const std::filesystem::path path =
      std::filesystem::path(dir).lexically_normal();
  if (!path.is_absolute()) {
    return absl::InvalidArgumentError(
        absl::StrCat("backup directory '", dir, "' is not an absolute path"));
  }
  absl::MutexLock lock(&checkpoint_mu_);
  std::error_code error;
  if (std::filesystem::symlink_status(path, error).type() !=
      std::filesystem::file_type::not_found) {
    // Anything there, even a dangling link, is in the way.
    if (error) {
      return absl::UnavailableError(
          absl::StrCat("cannot look at ", dir, ": ", error.message()));
    }
    return absl::AlreadyExistsError(
        absl::StrCat(dir, " already exists; a backup needs a new directory"));
  }
  // "/a/b/" names "/a/b", whose parent is "/a".
  const std::filesystem::path target =
      path.has_filename() ? path : path.parent_path();
  const std::filesystem::path parent = target.parent_path();
  if (!std::filesystem::is_directory(parent, error)) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot back up into ", dir, ": ", parent.string(),
                     " is not an existing directory"));
  }
  rocksdb::Checkpoint* raw = nullptr;
  if (absl::Status s = FromRocks(rocksdb::Checkpoint::Create(db_.get(), &raw),
                                 "preparing a checkpoint");
      !s.ok()) {
    return s;
  }
  const std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // log_size_for_flush 0: flush every column family first, so that the
  // writes made without the log (staged and moved import events) are in the
  // copy too, not only those the copied log holds.
  if (absl::Status s =
          FromRocks(checkpoint->CreateCheckpoint(target.string(),
                                                 /*log_size_for_flush=*/0),
                    absl::StrCat("writing a checkpoint into ", dir));
      !s.ok()) {
    return s;
  }
  return SyncDirectory(parent);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> Store::Open(
    const std::string& path, const StoreOptions& options) {
  return RocksDbStore::Open(path, options);
}

}  // namespace factcheck
