#include "server/event_import.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/event_lines.h"
#include "server/event_records.h"
#include "server/sent_text.h"

namespace factcheck {

absl::StatusOr<std::unique_ptr<EventImport>> EventImport::Begin(
    Store* store, const ImportOptions& options) {
  absl::StatusOr<std::uint64_t> id = store->BeginImport();
  if (!id.ok()) return id.status();
  return std::unique_ptr<EventImport>(new EventImport(store, options, *id));
}

EventImport::EventImport(Store* store, const ImportOptions& options,
                         std::uint64_t import_id)
    : store_(store), options_(options), import_id_(import_id) {
  pending_.events.reserve(options_.batch_events);
  pending_.lines.reserve(options_.batch_events);
}

EventImport::~EventImport() {
  // The staging thread must be done before its batch is dropped.
  if (staged_rejects_.valid()) staged_rejects_.wait();
  // Nothing to report to: a failed abort leaves staging that the next
  // Store::Open drops.
  if (!committed_) store_->AbortImport(import_id_).IgnoreError();
}

absl::Status EventImport::Feed(absl::string_view chunk) {
  bytes_received_ += static_cast<std::int64_t>(chunk.size());
  return decompressor_.Feed(
      chunk, [this](absl::string_view bytes) { return OnBytes(bytes); });
}

absl::Status EventImport::Finish() {
  if (absl::Status s = decompressor_.Finish(
          [this](absl::string_view bytes) { return OnBytes(bytes); });
      !s.ok()) {
    return s;
  }
  if (!partial_line_.empty() || skipping_long_line_) {
    if (absl::Status s = OnBytes("\n"); !s.ok()) return s;
  }
  if (absl::Status s = StagePending(); !s.ok()) return s;
  return CollectStaged();
}

absl::StatusOr<EventWriteCounts> EventImport::Commit() {
  absl::StatusOr<EventWriteCounts> counts = store_->CommitImport(import_id_);
  // Once the commit marker is down the import is the store's to finish
  // (now, or at the next open); an abort must not race it.
  committed_ = true;
  return counts;
}

v1::ImportProgress EventImport::progress() const {
  v1::ImportProgress p;
  p.set_bytes_received(bytes_received_);
  p.set_lines(lines_);
  p.set_events(staged_ +
               (staging_ != nullptr
                    ? static_cast<std::int64_t>(staging_->events.size())
                    : 0) +
               static_cast<std::int64_t>(pending_.events.size()));
  std::string format;
  if (format_ == ImportFormat::kJsonLines) format = "jsonl";
  if (format_ == ImportFormat::kWikidata) format = "wikidata";
  if (!format.empty()) {
    if (decompressor_.compression() == Compression::kGzip) format += ".gz";
    if (decompressor_.compression() == Compression::kBzip2) format += ".bz2";
  }
  p.set_format(format);
  return p;
}

absl::Status EventImport::OnBytes(absl::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    const absl::string_view piece = bytes.substr(0, newline);
    if (newline != absl::string_view::npos && partial_line_.empty() &&
        !skipping_long_line_ && piece.size() <= options_.max_line_bytes) {
      // The common case: a whole line inside the piece, read in place.
      if (absl::Status s = OnLine(piece); !s.ok()) return s;
      bytes.remove_prefix(newline + 1);
      continue;
    }
    if (!skipping_long_line_) {
      if (partial_line_.size() + piece.size() > options_.max_line_bytes) {
        skipping_long_line_ = true;
        partial_line_.clear();
        partial_line_.shrink_to_fit();
      } else {
        partial_line_.append(piece.data(), piece.size());
      }
    }
    if (newline == absl::string_view::npos) return absl::OkStatus();
    bytes.remove_prefix(newline + 1);
    if (skipping_long_line_) {
      skipping_long_line_ = false;
      ++lines_;
      if (absl::Status s =
              BadLine(lines_, absl::StrCat("longer than the limit of ",
                                           options_.max_line_bytes, " bytes"));
          !s.ok()) {
        return s;
      }
    } else {
      absl::Status s = OnLine(partial_line_);
      partial_line_.clear();
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

absl::Status EventImport::OnLine(absl::string_view line) {
  const std::int64_t number = ++lines_;
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return absl::OkStatus();
  if (format_ == ImportFormat::kUnknown) {
    if (line == "[") {
      format_ = ImportFormat::kWikidata;
      return absl::OkStatus();
    }
    format_ = ImportFormat::kJsonLines;
  }
  absl::StatusOr<v1::Event> event;
  if (format_ == ImportFormat::kWikidata) {
    if (dump_closed_) {
      return BadLine(number, "text after the dump's closing ']'");
    }
    if (line == "]") {
      dump_closed_ = true;
      return absl::OkStatus();
    }
    absl::ConsumeSuffix(&line, ",");
    absl::StatusOr<std::optional<v1::Event>> entity = wikidata_.Parse(line);
    if (!entity.ok()) return BadLine(number, entity.status().message());
    if (!entity->has_value()) {
      ++ignored_;
      return absl::OkStatus();
    }
    pending_.normalize = true;
    event = std::move(**entity);
  } else {
    event = ParseEventLine(line);
  }
  if (!event.ok()) return BadLine(number, event.status().message());
  pending_.events.push_back(*std::move(event));
  pending_.lines.push_back(number);
  if (pending_.events.size() >= options_.batch_events) return StagePending();
  return absl::OkStatus();
}

absl::Status EventImport::BadLine(std::int64_t line, absl::string_view reason) {
  ++bad_lines_;
  // The reason may quote the line (an id, a URL, protobuf's own words),
  // bad bytes and all: sent as valid UTF-8, and bounded.
  std::string text = SentMessage(absl::StrCat("line ", line, ": ", reason));
  if (options_.strict) return absl::InvalidArgumentError(text);
  if (errors_.size() < kMaxErrorsKept) errors_.push_back(std::move(text));
  return absl::OkStatus();
}

absl::Status EventImport::StagePending() {
  if (absl::Status s = CollectStaged(); !s.ok()) return s;
  if (pending_.events.empty()) return absl::OkStatus();
  staging_ = std::make_unique<Batch>(std::move(pending_));
  pending_ = Batch();
  pending_.events.reserve(options_.batch_events);
  pending_.lines.reserve(options_.batch_events);
  staged_rejects_ =
      std::async(std::launch::async,
                 [store = store_, id = import_id_, batch = staging_.get()] {
                   return Stage(store, id, *batch);
                 });
  return absl::OkStatus();
}

absl::StatusOr<EventImport::Rejects> EventImport::Stage(Store* store,
                                                        std::uint64_t import_id,
                                                        Batch& batch) {
  Rejects rejects;
  std::vector<std::size_t> position_of;  // In `batch` of each one staged.
  std::vector<v1::Event> valid;
  if (batch.normalize) {
    valid.reserve(batch.events.size());
    position_of.reserve(batch.events.size());
    for (std::size_t i = 0; i < batch.events.size(); ++i) {
      absl::StatusOr<v1::Event> normalized = NormalizeEvent(batch.events[i]);
      if (!normalized.ok()) {
        rejects.emplace_back(i, std::string(normalized.status().message()));
        continue;
      }
      valid.push_back(*std::move(normalized));
      position_of.push_back(i);
    }
  }
  const std::vector<v1::Event>& events = batch.normalize ? valid : batch.events;
  absl::StatusOr<std::vector<std::size_t>> duplicates =
      store->StageEvents(import_id, events);
  if (!duplicates.ok()) return duplicates.status();
  for (std::size_t i : *duplicates) {
    rejects.emplace_back(batch.normalize ? position_of[i] : i,
                         absl::StrCat("event id '", events[i].id(),
                                      "' appears twice in the file"));
  }
  std::sort(rejects.begin(), rejects.end());
  return rejects;
}

absl::Status EventImport::CollectStaged() {
  if (!staged_rejects_.valid()) return absl::OkStatus();
  absl::StatusOr<Rejects> rejects = staged_rejects_.get();
  const std::unique_ptr<Batch> batch = std::move(staging_);
  if (!rejects.ok()) return rejects.status();
  staged_ += static_cast<std::int64_t>(batch->events.size() - rejects->size());
  for (const auto& [i, reason] : *rejects) {
    if (absl::Status s = BadLine(batch->lines[i], reason); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace factcheck
