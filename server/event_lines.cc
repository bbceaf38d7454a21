#include "server/event_lines.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "server/event_records.h"

namespace factcheck {

std::size_t JsonNesting(absl::string_view json) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // The escaped character, whatever it is, is not a quote.
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        deepest = std::max(deepest, ++depth);
        break;
      case ']':
      case '}':
        // Unbalanced closers are the parser's to report; they must not
        // hide the openers that follow.
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return deepest;
}

absl::StatusOr<v1::Event> ParseEventLine(absl::string_view line) {
  if (const std::size_t nesting = JsonNesting(line);
      nesting > kMaxEventNesting) {
    return absl::InvalidArgumentError(
        absl::StrCat("arrays and objects nested ", nesting,
                     " deep, over the limit of ", kMaxEventNesting));
  }
  v1::Event event;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // A misspelt field is an error.
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      std::string(absl::StripAsciiWhitespace(line)), &event, options);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a valid event: ", parsed.message().as_string()));
  }
  return NormalizeEvent(event);
}

void EventLineReader::Feed(absl::string_view chunk) {
  while (!chunk.empty()) {
    const std::size_t newline = chunk.find('\n');
    const absl::string_view piece = chunk.substr(0, newline);
    if (!skipping_long_line_) {
      if (partial_.size() + piece.size() > max_line_bytes_) {
        skipping_long_line_ = true;
        partial_.clear();
      } else {
        partial_.append(piece.data(), piece.size());
      }
    }
    if (newline == absl::string_view::npos) return;
    ++line_number_;
    if (skipping_long_line_) {
      ++error_count_;
      if (errors_.size() < kMaxErrorsKept) {
        errors_.push_back(absl::StrCat("line ", line_number_,
                                       ": longer than the limit of ",
                                       max_line_bytes_, " bytes"));
      }
      skipping_long_line_ = false;
    } else {
      ParseLine(partial_);
    }
    partial_.clear();
    chunk.remove_prefix(newline + 1);
  }
}

void EventLineReader::Finish() {
  if (!partial_.empty() || skipping_long_line_) Feed("\n");
}

void EventLineReader::ParseLine(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return;
  const auto fail = [&](absl::string_view reason) {
    ++error_count_;
    if (errors_.size() < kMaxErrorsKept) {
      errors_.push_back(absl::StrCat("line ", line_number_, ": ", reason));
    }
  };
  absl::StatusOr<v1::Event> normalized = ParseEventLine(line);
  if (!normalized.ok()) {
    fail(normalized.status().message());
    return;
  }
  if (!seen_ids_.insert(normalized->id()).second) {
    fail(absl::StrCat("event id '", normalized->id(),
                      "' appears twice in the file"));
    return;
  }
  events_.push_back(*std::move(normalized));
}

absl::Status EventLineReader::status() const {
  if (error_count_ == 0) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      errors_.front(),
      error_count_ > 1
          ? absl::StrCat(" (and ", error_count_ - 1, " more bad lines)")
          : ""));
}

}  // namespace factcheck
