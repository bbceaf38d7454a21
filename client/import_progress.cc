#include "client/import_progress.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace factcheck::client {
namespace {

// Redraws per second at most: smooth enough, and cheap on a slow terminal.
constexpr absl::Duration kRedrawInterval = absl::Milliseconds(200);

}  // namespace

std::string FormatBytes(std::int64_t bytes) {
  constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return absl::StrCat(bytes, " B");
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  return absl::StrFormat("%.1f %s", value, kUnits[unit]);
}

std::string FormatImportStatus(const ImportStatus& status) {
  const double seconds = std::max(absl::ToDoubleSeconds(status.elapsed), 1e-3);
  // The server's count is what has been processed; before its first report,
  // what has been sent.
  const std::int64_t done = status.server.bytes_received() > 0
                                ? status.server.bytes_received()
                                : status.bytes_sent;
  std::string line = FormatBytes(status.bytes_sent);
  if (status.total_bytes.has_value() && *status.total_bytes > 0) {
    absl::StrAppend(
        &line, " of ", FormatBytes(*status.total_bytes), " (",
        std::min<std::int64_t>(100, done * 100 / *status.total_bytes), "%)");
  }
  absl::StrAppendFormat(
      &line, "  %d events  %.0f events/s  %s/s", status.server.events(),
      static_cast<double>(status.server.events()) / seconds,
      FormatBytes(
          static_cast<std::int64_t>(static_cast<double>(done) / seconds)));
  if (status.total_bytes.has_value() && done > 0 &&
      done < *status.total_bytes) {
    const auto eta = static_cast<std::int64_t>(
        static_cast<double>(*status.total_bytes - done) * seconds /
        static_cast<double>(done));
    absl::StrAppendFormat(&line, "  ETA %d:%02d", eta / 60, eta % 60);
  }
  if (!status.server.format().empty()) {
    absl::StrAppend(&line, "  [", status.server.format(), "]");
  }
  return line;
}

ImportProgressLine::ImportProgressLine(bool enabled,
                                       std::optional<std::int64_t> total_bytes,
                                       std::FILE* out)
    : enabled_(enabled), out_(out) {
  status_.total_bytes = total_bytes;
}

void ImportProgressLine::Sent(std::int64_t bytes_sent) {
  absl::MutexLock lock(&mu_);
  status_.bytes_sent = bytes_sent;
  MaybeDraw();
}

void ImportProgressLine::Received(const v1::ImportProgress& progress) {
  absl::MutexLock lock(&mu_);
  status_.server = progress;
  MaybeDraw();
}

void ImportProgressLine::Clear() {
  absl::MutexLock lock(&mu_);
  if (!drawn_) return;
  // Carriage return, then erase to the end of the line.
  absl::FPrintF(out_, "\r\x1b[K");
  std::fflush(out_);
  drawn_ = false;
}

void ImportProgressLine::MaybeDraw() {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  status_.elapsed = now - start_;
  absl::FPrintF(out_, "\r\x1b[K%s", FormatImportStatus(status_));
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace factcheck::client
