#include "client/document.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "client/utf8.h"

namespace factcheck::client {
namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr absl::string_view kHeaderKeyword = "date";

bool IsSpace(char c) {
  return absl::ascii_isspace(static_cast<unsigned char>(c));
}

absl::string_view SkipSpace(absl::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  return text;
}

// Loosely a YYYY-MM-DD date: four digits, a hyphen, then digits and
// hyphens. Strict enough that prose starting with "date" is not mistaken for
// a header; the server reports anything else wrong with the date.
bool LooksLikeDate(absl::string_view token) {
  if (token.size() < 5 || token[4] != '-') return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const bool digit =
        absl::ascii_isdigit(static_cast<unsigned char>(token[i]));
    if (i < 4 ? !digit : !(digit || token[i] == '-')) return false;
  }
  return true;
}

absl::Status ErrnoError(absl::string_view path, int error_number) {
  const std::string message =
      absl::StrCat(path, ": ", std::strerror(error_number));
  switch (error_number) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
      return absl::PermissionDeniedError(message);
    default:
      return absl::InvalidArgumentError(message);
  }
}

absl::StatusOr<std::string> ReadAll(std::FILE* file, absl::string_view path) {
  std::string content;
  char buffer[64 * 1024];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    content.append(buffer, n);
  }
  if (std::ferror(file)) return ErrnoError(path, errno);
  return content;
}

}  // namespace

std::optional<DateHeader> ParseDateHeader(absl::string_view content) {
  absl::string_view rest = content;
  absl::ConsumePrefix(&rest, kByteOrderMark);
  rest = SkipSpace(rest);
  if (!absl::ConsumePrefix(&rest, kHeaderKeyword)) return std::nullopt;
  if (rest.empty() || !IsSpace(rest.front())) return std::nullopt;
  rest = SkipSpace(rest);
  std::size_t token_end = 0;
  while (token_end < rest.size() && !IsSpace(rest[token_end])) ++token_end;
  const absl::string_view date = rest.substr(0, token_end);
  if (!LooksLikeDate(date)) return std::nullopt;
  rest = SkipSpace(rest.substr(token_end));
  return DateHeader{.date = std::string(date),
                    .length = content.size() - rest.size()};
}

std::string Document::DisplayName() const {
  return path == kStdinPath ? "<stdin>" : path;
}

absl::StatusOr<std::string> ReadInput(absl::string_view path) {
  if (path == kStdinPath) return ReadAll(stdin, "<stdin>");
  const std::string path_string(path);
  std::FILE* file = std::fopen(path_string.c_str(), "rb");
  if (file == nullptr) return ErrnoError(path, errno);
  absl::StatusOr<std::string> content = ReadAll(file, path);
  std::fclose(file);
  return content;
}

absl::StatusOr<Document> MakeDocument(
    std::string path, std::string content,
    const std::optional<std::string>& published) {
  Document document;
  document.path = std::move(path);
  document.content = std::move(content);
  const std::string name = document.DisplayName();
  if (const std::optional<std::size_t> bad =
          FindInvalidUtf8(document.content)) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not UTF-8 text (bad byte at offset ", *bad, ")"));
  }
  const std::optional<DateHeader> header = ParseDateHeader(document.content);
  if (header.has_value()) document.text_offset = header->length;
  if (published.has_value()) {
    document.published_date = *published;
  } else if (header.has_value()) {
    document.published_date = header->date;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        name,
        ": no publication date: pass --published=YYYY-MM-DD or start the "
        "file with 'date YYYY-MM-DD'"));
  }
  return document;
}

absl::StatusOr<Document> LoadDocument(
    absl::string_view path, const std::optional<std::string>& published) {
  absl::StatusOr<std::string> content = ReadInput(path);
  if (!content.ok()) return content.status();
  return MakeDocument(std::string(path), *std::move(content), published);
}

}  // namespace factcheck::client
