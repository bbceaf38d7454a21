// The progress line `events import` shows on a terminal while the file
// streams to the server.
#ifndef FACTCHECK_CLIENT_IMPORT_PROGRESS_H_
#define FACTCHECK_CLIENT_IMPORT_PROGRESS_H_

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "factcheck/v1/fact_check_service.pb.h"

namespace factcheck::client {

// Where an import stands, as the line shows it.
struct ImportStatus {
  // Bytes of the file sent so far.
  std::int64_t bytes_sent = 0;
  // The file's size, when known (not for stdin or a pipe).
  std::optional<std::int64_t> total_bytes;
  // The server's latest progress report.
  v1::ImportProgress server;
  absl::Duration elapsed;
};

// One line, no newline: "12.0 MiB of 48.0 MiB (25%)  52000 events
// 21000 events/s  4.8 MiB/s  ETA 0:07". The rates are averages since the
// start; the percentage and ETA use the bytes the server has read (what
// it has processed), and need the file's size.
std::string FormatImportStatus(const ImportStatus& status);

// "1.5 KiB", "12.0 MiB": binary units, one decimal.
std::string FormatBytes(std::int64_t bytes);

// Thread-safe: the thread that sends the file and the one that reads the
// server's answers both report to it. Redraws at most a few times a
// second, on `out` (stderr) with a carriage return; draws nothing when
// disabled (not a terminal).
class ImportProgressLine {
 public:
  ImportProgressLine(bool enabled, std::optional<std::int64_t> total_bytes,
                     std::FILE* out = stderr);

  void Sent(std::int64_t bytes_sent);
  void Received(const v1::ImportProgress& progress);
  // Erases the line, so that the results print on a clean one.
  void Clear();

 private:
  void MaybeDraw() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const bool enabled_;
  std::FILE* const out_;
  const absl::Time start_ = absl::Now();
  absl::Mutex mu_;
  ImportStatus status_ ABSL_GUARDED_BY(mu_);
  absl::Time last_draw_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  bool drawn_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_IMPORT_PROGRESS_H_
