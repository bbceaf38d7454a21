#include "server/backup_root.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/sent_text.h"

namespace factcheck {
namespace {

// A requested path in an error message, quoted whole: whoever reads the
// message needs all of it, and it is at most kMaxPathBytes long by the time
// it is quoted (SentMessage bounds the message even then).
std::string QuotedPath(absl::string_view path) {
  return absl::StrCat("'", EscapeInvalidUtf8(path), "'");
}

// `path` without a trailing separator ("/a/b/" names "/a/b").
std::filesystem::path WithoutTrailingSlash(std::filesystem::path path) {
  return path.has_filename() || path == path.root_path() ? path
                                                         : path.parent_path();
}

}  // namespace

absl::StatusOr<BackupRoot> BackupRoot::Open(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error || !std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--backup_root '", path, "' is not a directory and cannot be made one",
        error ? absl::StrCat(": ", error.message()) : ""));
  }
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--backup_root '", path, "' cannot be resolved: ", error.message()));
  }
  return BackupRoot(WithoutTrailingSlash(absolute.lexically_normal()).string());
}

absl::StatusOr<std::string> BackupRoot::Resolve(
    absl::string_view directory) const {
  if (directory.empty()) {
    return absl::InvalidArgumentError(
        "directory is required: an absolute path on the server's host that "
        "does not exist yet");
  }
  if (directory.size() > kMaxPathBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("backup directory is ", directory.size(),
                     " bytes, over the limit of ", kMaxPathBytes));
  }
  if (const std::size_t nul = directory.find('\0');
      nul != absl::string_view::npos) {
    // Not quoted: the system would read the path only up to the NUL, a
    // different path from the one checked.
    return absl::InvalidArgumentError(
        absl::StrCat("backup directory holds a NUL byte at byte offset ", nul));
  }
  for (absl::string_view name : absl::StrSplit(directory, '/')) {
    if (name.size() > kMaxNameBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "backup directory ", QuotedPath(directory), " has a name of ",
          name.size(), " bytes, over the limit of ", kMaxNameBytes));
    }
    if (name == "..") {
      return absl::InvalidArgumentError(
          absl::StrCat("backup directory ", QuotedPath(directory),
                       " has a '..' component; give the path without it"));
    }
  }
  const std::filesystem::path given{std::string(directory)};
  if (!given.is_absolute()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "backup directory ", QuotedPath(directory), " is not an absolute path"));
  }
  const std::filesystem::path target =
      WithoutTrailingSlash(given.lexically_normal());
  const std::filesystem::path root(path_);
  const auto [in_root, in_target] =
      std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  if (in_root != root.end() || in_target == target.end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "backup directory ", QuotedPath(directory), " is not inside ", path_,
        " (--backup_root), where this server writes backups"));
  }
  // The directories between the root and the new one must be directories,
  // not links to elsewhere. The first that is missing ends the walk: the
  // checkpoint then refuses the missing parent.
  std::filesystem::path on_the_way = root;
  for (auto it = in_target; std::next(it) != target.end(); ++it) {
    on_the_way /= *it;
    struct stat info;
    if (lstat(on_the_way.c_str(), &info) != 0) break;
    if (S_ISLNK(info.st_mode)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "backup directory ", QuotedPath(directory), ": ", on_the_way.string(),
          " is a symbolic link; backups are not written through links"));
    }
  }
  return target.string();
}

}  // namespace factcheck
