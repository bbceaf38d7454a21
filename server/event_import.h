// One import of reference events (the ImportEvents call): the file's bytes
// in, decompressed, split into lines, parsed, and staged in the store in
// batches; committed at the end in one step.
#ifndef FACTCHECK_SERVER_EVENT_IMPORT_H_
#define FACTCHECK_SERVER_EVENT_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "factcheck/v1/event.pb.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "server/stream_decompressor.h"
#include "server/wikidata_entity.h"
#include "storage/store.h"

namespace factcheck {

struct ImportOptions {
  // Fail at the first bad line instead of skipping it.
  bool strict = false;
  // Events per staging batch: large enough that a batch's fixed costs
  // vanish, small enough to keep memory (a few MiB) bounded.
  std::size_t batch_events = 10000;
  // Longest line read. Wikidata's largest entities run to a few MiB; a
  // longer line is a bad line, and is not kept in memory.
  std::size_t max_line_bytes = std::size_t{64} << 20;
};

// The file's format, told from its content: a Wikidata dump starts with a
// line "[" and has one entity object per line, each followed by ","
// (except perhaps the last), then a line "]"; anything else is JSON Lines
// of factcheck.v1.Event, as the bundled reference file.
enum class ImportFormat { kUnknown, kJsonLines, kWikidata };

// Not thread-safe: one call's reader drives it. A full batch is staged on
// a thread of its own while the next one is parsed, so that reading and
// writing use two cores; memory is bounded by two batches, one line and the
// decompressor's buffers, whatever the file's size. Destroying an import
// that was not committed drops what it staged.
class EventImport {
 public:
  // Keeps this many "line N: reason" texts; all bad lines are counted.
  static constexpr int kMaxErrorsKept = 20;

  // Starts an import into `store`, which must outlive it.
  static absl::StatusOr<std::unique_ptr<EventImport>> Begin(
      Store* store, const ImportOptions& options);
  ~EventImport();

  // Reads the next bytes of the file (compressed or not; lines may span
  // chunks). Fails with InvalidArgument "line N: reason" at a bad line when
  // strict, with InvalidArgument when compressed data is corrupt, or with
  // the store's error. After a failure the import is over: drop it.
  absl::Status Feed(absl::string_view chunk);
  // The file is complete: reads a last line without a newline and stages
  // the last batch. Fails as Feed does, or when compressed data ends early.
  absl::Status Finish();
  // After Finish(): makes the staged events reference events
  // (Store::CommitImport). Call it with reference changes serialised.
  absl::StatusOr<EventWriteCounts> Commit();

  ImportFormat format() const { return format_; }
  // What has been read so far.
  v1::ImportProgress progress() const;
  // Events staged so far (duplicates left out).
  std::int64_t staged() const { return staged_; }
  // Bad lines, all counted; the first kMaxErrorsKept as "line N: reason",
  // made fit to send (SentMessage: valid UTF-8, at most 1 KiB each).
  int bad_lines() const { return bad_lines_; }
  const std::vector<std::string>& errors() const { return errors_; }
  // Wikidata entities that are not dated events (not errors).
  int ignored() const { return ignored_; }

 private:
  EventImport(Store* store, const ImportOptions& options,
              std::uint64_t import_id);

  absl::Status OnBytes(absl::string_view bytes);
  absl::Status OnLine(absl::string_view line);
  // Records a bad line; fails when strict.
  absl::Status BadLine(std::int64_t line, absl::string_view reason);
  // Hands the pending batch to a staging thread, after the previous one.
  absl::Status StagePending();
  // Waits for the batch being staged, if any; its invalid events and
  // duplicates are bad lines.
  absl::Status CollectStaged();

  // Events with the line each came from.
  struct Batch {
    std::vector<v1::Event> events;
    std::vector<std::int64_t> lines;
    // The events still need NormalizeEvent (Wikidata's are normalised on
    // the staging thread, which has time to spare; JSON Lines events are
    // normalised as they are parsed).
    bool normalize = false;
  };
  // What staging a batch found wrong: positions in the batch, with reasons.
  using Rejects = std::vector<std::pair<std::size_t, std::string>>;
  static absl::StatusOr<Rejects> Stage(Store* store, std::uint64_t import_id,
                                       Batch& batch);

  Store* store_;
  const ImportOptions options_;
  const std::uint64_t import_id_;
  bool committed_ = false;

  StreamDecompressor decompressor_;
  ImportFormat format_ = ImportFormat::kUnknown;
  // Set after a Wikidata dump's closing "]".
  bool dump_closed_ = false;
  WikidataEntityParser wikidata_;

  std::string partial_line_;
  bool skipping_long_line_ = false;
  std::int64_t bytes_received_ = 0;
  std::int64_t lines_ = 0;

  // The batch being filled, and the one being staged.
  Batch pending_;
  std::unique_ptr<Batch> staging_;
  std::future<absl::StatusOr<Rejects>> staged_rejects_;
  std::int64_t staged_ = 0;
  int bad_lines_ = 0;
  int ignored_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_EVENT_IMPORT_H_
