// The service's logic behind the gRPC edge: validates requests, runs the
// engine, reads and writes the store. Speaks absl::Status; the gRPC layer
// (grpc_service.h) maps statuses to gRPC codes in one place.
#ifndef FACTCHECK_SERVER_FACT_CHECK_SERVICE_H_
#define FACTCHECK_SERVER_FACT_CHECK_SERVICE_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "engine/checker.h"
#include "engine/time/temporal_tagger.h"
#include "factcheck/v1/admin_service.pb.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "server/backup_root.h"
#include "server/checker_slot.h"
#include "server/claim_review.h"
#include "server/event_import.h"
#include "server/event_lines.h"
#include "storage/store.h"

namespace factcheck {

// Request limits. Each is a flag of factcheck-server.
struct ServiceLimits {
  // Largest text accepted by CheckText, StreamCheck and IngestSource.
  std::size_t max_text_bytes = 1 << 20;
  // Largest page_size of the List calls.
  int max_page_size = 1000;
  // Page size used when a List call gives 0.
  int default_page_size = 50;
  // Largest event file ImportEvents accepts.
  std::size_t max_import_bytes = std::size_t{1} << 40;
  // The most time expressions and findings one text may make (CheckText,
  // each document of StreamCheck, IngestSource, ExtractTimex for the
  // former): the longest real articles make a few hundred of each; a text
  // over a bound is refused with RESOURCE_EXHAUSTED before its findings
  // are built.
  std::size_t max_time_expressions = 10000;
  std::size_t max_findings = 2000;
  // The largest response a text-carrying call may answer with, checked
  // before it is serialized: an answer over it is RESOURCE_EXHAUSTED, never
  // an empty or cut one.
  std::size_t max_response_bytes = 16 << 20;
};

// What each checked text yielded, for CheckObserver: the verdict of every
// claim extracted, whether or not the response lists it.
struct CheckCounts {
  int supported = 0;
  int contradicted = 0;
  int unverifiable = 0;
};

// Told about every text CheckText checks (StreamCheck's and IngestSource's
// included), for metrics. Called on request threads, concurrently: an
// implementation must be thread-safe and must not block.
class CheckObserver {
 public:
  virtual ~CheckObserver() = default;
  virtual void OnTextChecked(const CheckCounts& counts) = 0;
};

// Thread-safe. Checks run concurrently and lock-free against an immutable
// Checker; changes to reference events are serialised and publish a new
// Checker when done, so a check sees either the old or the new reference
// set, never a mixture.
class FactCheckService {
 public:
  // Builds the service over `store`. When the store has never had
  // reference events and `reference_file` is not empty, loads that file
  // first (all or nothing: one bad line fails the start, naming it).
  // Open followed by LoadReference.
  static absl::StatusOr<std::unique_ptr<FactCheckService>> Create(
      std::unique_ptr<Store> store, const ServiceLimits& limits,
      const std::string& reference_file);

  // Builds the service over `store` at once, without reading any events:
  // it is not ready (CheckReady) until LoadReference succeeds, so that the
  // server can listen, and answer health checks with NOT_SERVING, while it
  // loads.
  static std::unique_ptr<FactCheckService> Open(std::unique_ptr<Store> store,
                                                const ServiceLimits& limits);
  // Loads `reference_file` as Create describes, builds the checker from the
  // stored events and makes the service ready. Call once, before or while
  // the gRPC edge serves (it refuses calls until then).
  absl::Status LoadReference(const std::string& reference_file);
  // OK once LoadReference has succeeded; before, UNAVAILABLE "loading
  // reference data". The gRPC edge answers every call with it until then
  // rather than holding calls: a client sees at once that it should retry,
  // and no request thread waits out a load of millions of events.
  absl::Status CheckReady() const;
  bool ready() const { return ready_.load(std::memory_order_acquire); }

  absl::StatusOr<v1::CheckTextResponse> CheckText(
      const v1::CheckTextRequest& request) const;
  // Tags the time expressions of a text, as CheckText does, but neither
  // looks for claims nor reads the reference events.
  absl::StatusOr<v1::ExtractTimexResponse> ExtractTimex(
      const v1::ExtractTimexRequest& request) const;
  absl::StatusOr<v1::IngestSourceResponse> IngestSource(
      const v1::IngestSourceRequest& request);
  absl::StatusOr<v1::Source> GetSource(const v1::GetSourceRequest& request);
  absl::StatusOr<v1::ListSourcesResponse> ListSources(
      const v1::ListSourcesRequest& request);
  absl::Status DeleteSource(const v1::DeleteSourceRequest& request);
  absl::StatusOr<v1::ListClaimsResponse> ListClaims(
      const v1::ListClaimsRequest& request);
  // The events on which stored sources disagree: each event's stored
  // claims grouped into sides by date (see ConflictSide), one pass over the
  // claims-by-event index per page.
  absl::StatusOr<v1::ListConflictsResponse> ListConflicts(
      const v1::ListConflictsRequest& request);

  absl::StatusOr<v1::Event> CreateEvent(const v1::CreateEventRequest& request);
  absl::StatusOr<v1::Event> GetEvent(const v1::GetEventRequest& request);
  absl::StatusOr<v1::Event> UpdateEvent(const v1::UpdateEventRequest& request);
  absl::Status DeleteEvent(const v1::DeleteEventRequest& request);
  absl::StatusOr<v1::ListEventsResponse> ListEvents(
      const v1::ListEventsRequest& request);
  absl::StatusOr<v1::SearchEventsResponse> SearchEvents(
      const v1::SearchEventsRequest& request);
  // ImportEvents, in two steps so that the file can stream through: feed
  // the file's bytes to the import StartImport returns, then hand it to
  // FinishImport, which commits what it staged and rebuilds the checker
  // once. Dropping an import before FinishImport writes nothing. With
  // `strict`, the first bad line fails Feed and the import must be dropped.
  absl::StatusOr<std::unique_ptr<EventImport>> StartImport(bool strict);
  absl::StatusOr<v1::ImportEventsResponse> FinishImport(EventImport& import);

  // The Admin service's BackupDatabase: a checkpoint of the store into a
  // new directory on this host (Store::Checkpoint), one that the backup
  // root accepts (BackupRoot::Resolve). Without a root, backups are off:
  // FailedPrecondition saying how to turn them on. Runs alongside every
  // other call.
  absl::StatusOr<v1::BackupDatabaseResponse> BackupDatabase(
      const v1::BackupDatabaseRequest& request);

  const ServiceLimits& limits() const { return limits_; }
  // Who signs the ClaimReviews of CheckText with `claim_review`. Set before
  // serving; not thread-safe.
  void set_claim_review_author(ClaimReviewAuthor author) {
    claim_review_author_ = std::move(author);
  }
  // Who is told about each checked text; null (the default) for no one.
  // Set before serving; not thread-safe.
  void set_check_observer(CheckObserver* observer) { observer_ = observer; }
  // Where BackupDatabase may write (--backup_root); none (the default)
  // turns backups off. Set before serving; not thread-safe.
  void set_backup_root(std::optional<BackupRoot> root) {
    backup_root_ = std::move(root);
  }
  // Number of reference events the current checker knows (0 until ready).
  std::size_t event_count() const;
  // The store's size figures, for metrics. Thread-safe; works while the
  // reference events load.
  StoreStats store_stats() const { return store_->Stats(); }

 private:
  FactCheckService(std::unique_ptr<Store> store, const ServiceLimits& limits)
      : store_(std::move(store)), limits_(limits) {}

  // Rebuilds the checker from the stored events and publishes it.
  absl::Status ReloadEvents() ABSL_EXCLUSIVE_LOCKS_REQUIRED(events_mu_);
  absl::StatusOr<int> PageSize(int requested) const;
  absl::Status CheckTextSize(std::size_t size) const;
  // ResourceExhausted when a response of `response`'s size (or of `bytes`)
  // would be over limits_.max_response_bytes.
  absl::Status CheckResponseSize(
      const google::protobuf::Message& response) const;
  absl::Status ResponseSizeWithin(std::size_t bytes) const;
  // Adds to `findings` (a source's, before it is stored as `source_name`)
  // an ACROSS_SOURCES finding after each claim about an event the reference
  // has no date for, where other stored sources date the event otherwise.
  absl::Status AddAcrossSourceFindings(absl::string_view source_name,
                                       std::vector<v1::Finding>& findings);

  std::unique_ptr<Store> store_;
  ServiceLimits limits_;
  ClaimReviewAuthor claim_review_author_;
  // For ExtractTimex, which needs no reference events and so no Checker.
  // Immutable and thread-safe.
  const TemporalTagger tagger_;
  CheckObserver* observer_ = nullptr;
  std::optional<BackupRoot> backup_root_;
  std::atomic<bool> ready_{false};
  // Serialises reference event changes with the rebuilds they cause.
  absl::Mutex events_mu_;
  CheckerSlot checker_;
};

// The id under which a source with `url` is stored: 16 hex digits of a
// stable 64-bit hash of the URL, so that ingesting a URL again finds it.
std::string SourceIdForUrl(absl::string_view url);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_FACT_CHECK_SERVICE_H_
