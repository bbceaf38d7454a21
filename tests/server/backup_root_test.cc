#include "server/backup_root.h"

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

using ::factcheck::testing::TempDir;

TEST(BackupRootTest, IsCreatedWhenMissingAndHeldAbsolute) {
  TempDir dir;
  absl::StatusOr<BackupRoot> root = BackupRoot::Open(dir.File("backups/"));
  ASSERT_TRUE(root.ok()) << root.status();
  EXPECT_EQ(root->path(), dir.File("backups"));
  EXPECT_TRUE(std::filesystem::is_directory(dir.File("backups")));
}

TEST(BackupRootTest, ResolvesANewDirectoryInsideIt) {
  TempDir dir;
  absl::StatusOr<BackupRoot> root = BackupRoot::Open(dir.path());
  ASSERT_TRUE(root.ok()) << root.status();
  EXPECT_EQ(*root->Resolve(dir.File("2024-03-01")), dir.File("2024-03-01"));
  // "." and doubled separators are spelling; a trailing one too.
  EXPECT_EQ(*root->Resolve(dir.path() + "/./a//b/"), dir.File("a/b"));
}

TEST(BackupRootTest, RefusesWhatLeadsElsewhere) {
  TempDir dir;
  absl::StatusOr<BackupRoot> root = BackupRoot::Open(dir.File("root"));
  ASSERT_TRUE(root.ok()) << root.status();
  for (const std::string& directory :
       {std::string(""), std::string("relative/path"), dir.File("root-sibling"),
        dir.File("root/../escape"), dir.File("root"), std::string("/"),
        dir.File("root/x") + std::string("\0", 1) + "/../../escape",
        "/" + std::string(5000, 'a'),
        dir.File("root/") + std::string(256, 'b')}) {
    const absl::StatusOr<std::string> resolved = root->Resolve(directory);
    EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument)
        << directory << ": " << resolved.status();
  }
}

TEST(BackupRootTest, RefusesALinkOnTheWayButNotAMissingDirectory) {
  TempDir dir, elsewhere;
  absl::StatusOr<BackupRoot> root = BackupRoot::Open(dir.path());
  ASSERT_TRUE(root.ok()) << root.status();
  std::filesystem::create_directories(dir.File("a"));
  std::filesystem::create_directory_symlink(elsewhere.path(), dir.File("a/l"));
  EXPECT_EQ(root->Resolve(dir.File("a/l/b/c")).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A missing parent is the checkpoint's to report (FailedPrecondition).
  EXPECT_TRUE(root->Resolve(dir.File("missing/c")).ok());
}

TEST(BackupRootTest, OpenRefusesAFile) {
  TempDir dir;
  testing::WriteFileOrDie(dir.File("file"), "");
  EXPECT_EQ(BackupRoot::Open(dir.File("file")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace factcheck
