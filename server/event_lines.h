// Reads reference events from JSON Lines: one factcheck.v1.Event in
// protobuf's JSON form per line. Used for the bundled reference file, and
// ParseEventLine for ImportEvents (event_import.h), so both accept exactly
// the same format.
#ifndef FACTCHECK_SERVER_EVENT_LINES_H_
#define FACTCHECK_SERVER_EVENT_LINES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "factcheck/v1/event.pb.h"

namespace factcheck {

// The deepest an event line may nest arrays and objects. An event needs 3
// ({"citations":[{...}]}); the bound leaves room for any future field.
// Protobuf's JSON parser limits the nesting of messages, not of arrays in
// a repeated field, and builds a tree for them at hundreds of bytes a
// bracket: a 16 MB line of "[[[...]]]" in "aliases" took 2.6 GB and
// kept it. A line nested deeper is refused before it is parsed, by one
// pass over its bytes, so that a line costs memory in proportion to its
// length and nothing more.
inline constexpr std::size_t kMaxEventNesting = 32;

// The deepest nesting of arrays and objects in `json`, brackets inside
// strings (with their escapes) not counted. For any bytes: it does not
// check that they are JSON.
std::size_t JsonNesting(absl::string_view json);

// Parses one line (without its newline; surrounding whitespace allowed) as
// an event and normalises it (NormalizeEvent). InvalidArgument with the
// reason, without the line number. Unknown fields are errors; so is a line
// nested deeper than kMaxEventNesting ("arrays and objects nested 40 deep,
// over the limit of 32"), which is not parsed at all.
absl::StatusOr<v1::Event> ParseEventLine(absl::string_view line);

// Parses a stream of bytes fed in chunks of any size. Lines may span
// chunks. Blank lines are skipped. Each event is validated and normalised
// (NormalizeEvent); a line that fails is recorded with its number and
// reason. An id seen twice in one file is an error on the second line.
class EventLineReader {
 public:
  // Stops keeping error texts after this many (all are still counted).
  static constexpr int kMaxErrorsKept = 20;

  explicit EventLineReader(std::size_t max_line_bytes = 1 << 20)
      : max_line_bytes_(max_line_bytes) {}

  void Feed(absl::string_view chunk);
  // Parses a last line without a newline.
  void Finish();

  const std::vector<v1::Event>& events() const { return events_; }
  std::vector<v1::Event>& mutable_events() { return events_; }
  // "line N: reason", the first kMaxErrorsKept of them.
  const std::vector<std::string>& errors() const { return errors_; }
  int error_count() const { return error_count_; }
  std::int64_t lines() const { return line_number_; }

  // OK when no line failed; otherwise InvalidArgument naming the first bad
  // line and how many failed.
  absl::Status status() const;

 private:
  void ParseLine(absl::string_view line);

  std::size_t max_line_bytes_;
  std::string partial_;
  bool skipping_long_line_ = false;
  std::int64_t line_number_ = 0;
  std::vector<v1::Event> events_;
  std::vector<std::string> errors_;
  int error_count_ = 0;
  absl::flat_hash_set<std::string> seen_ids_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_EVENT_LINES_H_
