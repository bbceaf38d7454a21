// Where BackupDatabase may write: new directories under one directory the
// operator chose (--backup_root), and nowhere else.
//
// Why: the directory comes from the caller, and the server writes a whole
// database there with its own rights. Without a root an admin token (or a
// stolen one) could write checkpoints into any directory the server's user
// can reach, and through ".." or a symbolic link out of any directory
// meant for them.
#ifndef FACTCHECK_SERVER_BACKUP_ROOT_H_
#define FACTCHECK_SERVER_BACKUP_ROOT_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck {

class BackupRoot {
 public:
  // The longest backup directory accepted, in bytes, as Linux's PATH_MAX;
  // no component may be longer than NAME_MAX (255).
  static constexpr std::size_t kMaxPathBytes = 4096;
  static constexpr std::size_t kMaxNameBytes = 255;

  // The root at `path`, created (with its parents) when missing. Symbolic
  // links in `path` itself are the operator's and are resolved once, here;
  // the root is then held as an absolute path without them. Fails with
  // InvalidArgument naming the flag when it is not a directory or cannot
  // be created.
  static absl::StatusOr<BackupRoot> Open(const std::string& path);

  // Checks `directory`, as BackupDatabase received it, and returns it as
  // the path to create. InvalidArgument when it is empty, longer than
  // kMaxPathBytes or has a component longer than kMaxNameBytes, holds a
  // NUL byte, is relative, has a ".." component, is not inside the root
  // (the root itself included), or when a directory on the way from the
  // root to it is a symbolic link (a link there could lead anywhere).
  // FailedPrecondition when its parent does not exist (naming the parent),
  // AlreadyExists when it does (Store::Checkpoint decides those).
  //
  // Whoever may write under the root could still swap a directory there
  // for a link between this check and the checkpoint; keep the root
  // writable by the server's user only.
  absl::StatusOr<std::string> Resolve(absl::string_view directory) const;

  // The root, absolute, without symbolic links.
  const std::string& path() const { return path_; }

 private:
  explicit BackupRoot(std::string path) : path_(std::move(path)) {}

  std::string path_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_BACKUP_ROOT_H_
