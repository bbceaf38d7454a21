// A news text as the CLI reads it: from a file or stdin, with its
// publication date taken from a flag or from a "date YYYY-MM-DD" header.
#ifndef FACTCHECK_CLIENT_DOCUMENT_H_
#define FACTCHECK_CLIENT_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck::client {

// The path that names standard input on the command line.
inline constexpr absl::string_view kStdinPath = "-";

// A publication-date header at the start of a file, as in
// " date 2024-02-14 On 14 February, ...".
struct DateHeader {
  // The date as written ("2024-02-14"); its shape is checked only loosely,
  // the server validates it.
  std::string date;
  // Bytes the header takes, including the whitespace before and after it:
  // the text sent to the server starts at this offset.
  std::size_t length = 0;
};

// Reads the header `content` starts with: optional whitespace (or a UTF-8
// byte order mark), the word "date", whitespace, a token shaped like
// YYYY-MM-DD, then whitespace or the end of the content. Returns nullopt
// when the content does not start with one.
std::optional<DateHeader> ParseDateHeader(absl::string_view content);

// A text ready to be checked or ingested.
struct Document {
  // The path as given on the command line; "-" for stdin.
  std::string path;
  // The whole file, header included, so that positions can be reported in
  // the file as the user sees it.
  std::string content;
  // Where the text sent to the server starts in `content`: the length of
  // the date header, or 0 without one. Spans in responses are offsets into
  // the sent text, so this is added to them.
  std::size_t text_offset = 0;
  // "YYYY-MM-DD", from --published or the header.
  std::string published_date;

  // The text sent to the server: `content` without its header.
  absl::string_view text() const {
    return absl::string_view(content).substr(text_offset);
  }
  // The name to show in messages: the path, or "<stdin>".
  std::string DisplayName() const;
};

// Returns the contents of `path`, or of stdin for "-". The error message
// names the path and the reason ("seed.txt: No such file or directory").
absl::StatusOr<std::string> ReadInput(absl::string_view path);

// Builds a document from `content` read from `path`. The header, if any, is
// never sent; `published` (from --published) takes precedence over its date.
// Fails with INVALID_ARGUMENT when there is no date at all or the content is
// not UTF-8; the message starts with the path.
absl::StatusOr<Document> MakeDocument(
    std::string path, std::string content,
    const std::optional<std::string>& published);

// ReadInput followed by MakeDocument.
absl::StatusOr<Document> LoadDocument(
    absl::string_view path, const std::optional<std::string>& published);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_DOCUMENT_H_
