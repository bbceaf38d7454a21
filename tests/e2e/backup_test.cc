// BackupDatabase and `factcheck admin backup` against the real server: a
// backup taken while the server runs is a data directory holding exactly
// what was stored when it was taken, and a second server started on it
// serves just that.
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/e2e/stored_records.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

// The records as text, for exact comparison with readable failures.
std::vector<std::string> Texts(const StoredRecords& records) {
  std::vector<std::string> texts;
  for (const v1::Source& source : records.sources) {
    texts.push_back(source.DebugString());
  }
  for (const v1::Finding& claim : records.claims) {
    texts.push_back(claim.DebugString());
  }
  return texts;
}

// The names of the stored sources, sorted (the server lists them in id
// order, and ids are hashes of the URLs).
std::vector<std::string> SourceNames(const StoredRecords& records) {
  std::vector<std::string> names;
  for (const v1::Source& source : records.sources) {
    names.push_back(source.name());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> Sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

// The server writes backups under the test's directory (--backup_root).
class BackupTest : public ServerFixture {
 protected:
  void SetUp() override { StartServer({"--backup_root=" + dir().path()}); }

  // Ingests the seed article under `url` with the CLI; returns its name.
  std::string Ingest(const std::string& url) {
    const CommandResult run = Cli({"ingest", SeedFile(), "--url=" + url});
    // 1: the seed article has a contradiction, and was stored.
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    const std::size_t at = run.out.find("stored as sources/");
    EXPECT_NE(at, std::string::npos) << run.out;
    if (at == std::string::npos) return "";
    const std::size_t begin = at + std::string("stored as ").size();
    return run.out.substr(begin, run.out.find(',', begin) - begin);
  }

  StoredRecords Read(const std::string& address) {
    absl::StatusOr<StoredRecords> records =
        ReadStoredRecords(*NewStub(address));
    EXPECT_TRUE(records.ok()) << records.status();
    return records.ok() ? *std::move(records) : StoredRecords();
  }

  grpc::Status Backup(const std::string& directory,
                      v1::BackupDatabaseResponse* response) {
    return BackupOn(server(), directory, response);
  }

 public:
  static grpc::Status BackupOn(ServerProcess& server,
                               const std::string& directory,
                               v1::BackupDatabaseResponse* response) {
    auto admin = v1::Admin::NewStub(grpc::CreateChannel(
        server.address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    v1::BackupDatabaseRequest request;
    request.set_directory(directory);
    return admin->BackupDatabase(&context, request, response);
  }
};

// Whether `path` names anything, a dangling link included.
bool Exists(const std::string& path) {
  struct stat info;
  return lstat(path.c_str(), &info) == 0;
}

TEST_F(BackupTest, SecondServerOnTheBackupHasExactlyTheSourcesOfItsMoment) {
  const std::string a = Ingest("https://example.org/a");
  const std::string b = Ingest("https://example.org/b");
  StoredRecords at_backup = Read(server().address());
  ASSERT_EQ(SourceNames(at_backup), Sorted({a, b}));
  const std::string backup = dir().File("backup");

  const CommandResult run = Cli({"admin", "backup", backup});

  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(absl::StartsWith(
      run.out, "backed up to " + backup + " on " + server().address() + " ("))
      << run.out;
  // The first server goes on: a source added, one deleted.
  const std::string c = Ingest("https://example.org/c");
  ASSERT_EQ(Cli({"sources", "delete", a}).exit_code, 0);

  auto restored =
      ServerProcess::Start(FACTCHECK_SERVER_BINARY, {"--data_dir=" + backup});
  ASSERT_TRUE(restored.ok()) << restored.status();
  // The reference events came with the backup: no --reference_file given.
  EXPECT_TRUE(absl::StrContains((*restored)->banner(), "300 reference events"))
      << (*restored)->banner();
  StoredRecords from_backup = Read((*restored)->address());
  EXPECT_EQ(Texts(from_backup), Texts(at_backup));
  EXPECT_EQ(SourceNames(Read(server().address())), Sorted({b, c}));
  EXPECT_EQ((*restored)->Stop(), 0);
}

TEST_F(BackupTest, BackupIntoAnExistingDirectoryIsAlreadyExistsNamingIt) {
  const std::string taken = dir().File("taken");
  std::filesystem::create_directory(taken);
  WriteFileOrDie(taken + "/keep", "mine");

  const CommandResult run = Cli({"admin", "backup", taken});

  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: BackupDatabase failed: ALREADY_EXISTS: " + taken +
                " already exists; a backup needs a new directory\n");
  EXPECT_EQ(ReadFileOrDie(taken + "/keep"), "mine");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(taken),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_F(BackupTest, BackupDirectoryMustBeAnAbsolutePathUnderAnExistingOne) {
  v1::BackupDatabaseResponse response;
  const grpc::Status empty = Backup("", &response);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(empty.error_message(),
            "directory is required: an absolute path on the server's host "
            "that does not exist yet");

  const grpc::Status relative = Backup("backups/today", &response);
  EXPECT_EQ(relative.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(relative.error_message(),
            "backup directory 'backups/today' is not an absolute path");

  const std::string orphan = dir().File("missing/backup");
  const grpc::Status no_parent = Backup(orphan, &response);
  EXPECT_EQ(no_parent.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(no_parent.error_message(), "cannot back up into " + orphan + ": " +
                                           dir().File("missing") +
                                           " is not an existing directory");
  EXPECT_FALSE(std::filesystem::exists(dir().File("missing")));
}

TEST_F(BackupTest, ResponseNamesTheDirectoryAndTheBytesItHolds) {
  Ingest("https://example.org/a");
  const std::string backup = dir().File("backup");
  v1::BackupDatabaseResponse response;

  ASSERT_TRUE(Backup(backup, &response).ok());

  EXPECT_EQ(response.directory(), backup);
  std::int64_t bytes = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(backup)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  EXPECT_GT(bytes, 0);
  EXPECT_EQ(response.size_bytes(), bytes);
}

TEST_F(BackupTest, BackupOutsideTheRootIsInvalidArgumentAndWritesNothing) {
  TempDir elsewhere;
  v1::BackupDatabaseResponse response;
  for (const std::string& outside :
       {elsewhere.File("backup"), dir().path(), dir().path() + "/"}) {
    const grpc::Status status = Backup(outside, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << outside;
    EXPECT_EQ(status.error_message(),
              "backup directory '" + outside + "' is not inside " +
                  dir().path() +
                  " (--backup_root), where this server writes backups");
  }
  EXPECT_FALSE(Exists(elsewhere.File("backup")));
}

TEST_F(BackupTest, DotDotAndNulCannotLeadOutOfTheRoot) {
  const std::string parent =
      std::filesystem::path(dir().path()).parent_path().string();
  const std::string escape =
      "factcheck-backup-escape-" +
      std::filesystem::path(dir().path()).filename().string();
  v1::BackupDatabaseResponse response;

  const grpc::Status dots =
      Backup(dir().File("sub/../../" + escape), &response);
  EXPECT_EQ(dots.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(dots.error_message(),
            "backup directory '" + dir().File("sub/../../" + escape) +
                "' has a '..' component; give the path without it");

  // The system reads a path up to a NUL: "x\0/../../escape" was once
  // checked as one path and written as another.
  const std::string with_nul =
      dir().path() + std::string("/x\0/../../", 9) + escape;
  const grpc::Status nul = Backup(with_nul, &response);
  EXPECT_EQ(nul.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(nul.error_message(),
            "backup directory holds a NUL byte at byte offset " +
                std::to_string(dir().path().size() + 2));

  EXPECT_FALSE(Exists(parent + "/" + escape));
  EXPECT_FALSE(Exists(dir().File("x")));
}

TEST_F(BackupTest, SymbolicLinkUnderTheRootIsNotFollowed) {
  TempDir elsewhere;
  std::filesystem::create_directory_symlink(elsewhere.path(),
                                            dir().File("link"));
  v1::BackupDatabaseResponse response;

  const grpc::Status status = Backup(dir().File("link/backup"), &response);

  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "backup directory '" + dir().File("link/backup") +
                "': " + dir().File("link") +
                " is a symbolic link; backups are not written through links");
  EXPECT_TRUE(std::filesystem::is_empty(elsewhere.path()));
  // The link itself is in the way, as anything there would be.
  EXPECT_EQ(Backup(dir().File("link"), &response).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(BackupTest, OverlongPathIsInvalidArgument) {
  v1::BackupDatabaseResponse response;
  const std::string long_path = dir().path() + "/" + std::string(5000, 'a');
  const grpc::Status path = Backup(long_path, &response);
  EXPECT_EQ(path.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(path.error_message(), "backup directory is " +
                                      std::to_string(long_path.size()) +
                                      " bytes, over the limit of 4096");

  const std::string long_name = dir().File(std::string(300, 'b'));
  const grpc::Status name = Backup(long_name, &response);
  EXPECT_EQ(name.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(name.error_message(), "backup directory '" + long_name +
                                      "' has a name of 300 bytes, over the "
                                      "limit of 255");
  EXPECT_FALSE(Exists(long_name));
}

TEST(BackupRootTest, BackupsAreOffWithoutABackupRoot) {
  TempDir dir;
  auto server = ServerProcess::Start(FACTCHECK_SERVER_BINARY,
                                     {"--data_dir=" + dir.File("data")});
  ASSERT_TRUE(server.ok()) << server.status();
  v1::BackupDatabaseResponse response;

  const grpc::Status status =
      BackupTest::BackupOn(**server, dir.File("backup"), &response);

  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(),
            "backups are off on this server: start it with "
            "--backup_root=DIR to allow backups into new directories under "
            "DIR");
  EXPECT_FALSE(Exists(dir.File("backup")));
  EXPECT_EQ((*server)->Stop(), 0);
}

TEST(BackupRootTest, BackupRootThatIsNotADirectoryStopsTheStart) {
  TempDir dir;
  const std::string file = dir.File("not-a-directory");
  WriteFileOrDie(file, "");
  auto server = ServerProcess::Start(
      FACTCHECK_SERVER_BINARY,
      {"--data_dir=" + dir.File("data"), "--backup_root=" + file});
  ASSERT_FALSE(server.ok());
  EXPECT_TRUE(absl::StrContains(
      server.status().message(),
      "factcheck-server: --backup_root '" + file +
          "' is not a directory and cannot be made one: Not a directory"))
      << server.status();
}

}  // namespace
}  // namespace factcheck::testing
