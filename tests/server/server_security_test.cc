// The start-up decisions about TLS and tokens that need no certificate:
// which addresses are loopback, and which combinations are refused.
#include "server/server_security.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

using ::factcheck::testing::TempDir;
using ::factcheck::testing::WriteFileOrDie;

// Options with every field at its default but those `set` sets.
template <typename Set>
SecurityOptions WithOptions(Set set) {
  SecurityOptions options;
  set(options);
  return options;
}

TEST(ServerSecurityTest, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackAddress("localhost:50051"));
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1:0"));
  EXPECT_TRUE(IsLoopbackAddress("127.8.9.10:50051"));
  EXPECT_TRUE(IsLoopbackAddress("[::1]:50051"));
  EXPECT_TRUE(IsLoopbackAddress("unix:/run/factcheck.sock"));
}

TEST(ServerSecurityTest, AddressesReachableFromElsewhere) {
  EXPECT_FALSE(IsLoopbackAddress("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackAddress("[::]:50051"));
  EXPECT_FALSE(IsLoopbackAddress(":50051"));
  EXPECT_FALSE(IsLoopbackAddress("10.1.2.3:50051"));
  EXPECT_FALSE(IsLoopbackAddress("factcheck.example.org:50051"));
  EXPECT_FALSE(IsLoopbackAddress("128.0.0.1:50051"));
}

TEST(ServerSecurityTest, PlaintextOnLoopbackSaysAuthOff) {
  absl::StatusOr<ServerSecurity> security = ConfigureSecurity(WithOptions(
      [&](SecurityOptions& options) { options.listen = "localhost:50051"; }));
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_EQ(security->summary, "tls off, auth off");
  EXPECT_NE(security->credentials, nullptr);
}

TEST(ServerSecurityTest, RefusesRemoteListeningWithAuthOff) {
  absl::StatusOr<ServerSecurity> security = ConfigureSecurity(WithOptions(
      [&](SecurityOptions& options) { options.listen = "0.0.0.0:50051"; }));
  EXPECT_EQ(security.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(security.status().message(),
            "refusing to listen on 0.0.0.0:50051 with auth off: anyone who "
            "can reach it could change the reference events. Give "
            "--tokens_file (with --tls_cert and --tls_key), listen on a "
            "loopback address, or pass --allow_unauthenticated_remote if "
            "something in front of the server authenticates callers");
}

TEST(ServerSecurityTest, AllowsRemoteListeningWithAuthOffWhenTold) {
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "0.0.0.0:50051";
        options.allow_unauthenticated_remote = true;
      }));
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_EQ(security->summary, "tls off, auth off");
}

TEST(ServerSecurityTest, RefusesTokensWithoutTls) {
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:50051";
        options.tokens_environment = "reader 0123456789abcdef0123";
      }));
  EXPECT_EQ(security.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(security.status().message(),
            "bearer tokens need TLS: give --tls_cert and --tls_key (a token "
            "sent in clear text can be read on the way)");
}

TEST(ServerSecurityTest, RefusesTokensFromBothFileAndEnvironment) {
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:50051";
        options.tokens_file = "deploy/tokens";
        options.tokens_environment = "reader 0123456789abcdef0123";
      }));
  EXPECT_EQ(security.status().message(),
            "tokens come from --tokens_file or $FACTCHECK_TOKENS, not both; "
            "unset one");
}

TEST(ServerSecurityTest, RefusesCertificateWithoutKey) {
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:0";
        options.tls_cert = "server.crt";
      }));
  EXPECT_EQ(security.status().message(),
            "--tls_cert and --tls_key go together: give both or neither");
}

TEST(ServerSecurityTest, RefusesClientCaWithoutServerCertificate) {
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:0";
        options.tls_client_ca = "ca.crt";
      }));
  EXPECT_EQ(security.status().message(),
            "--tls_client_ca needs --tls_cert and --tls_key");
}

TEST(ServerSecurityTest, NamesTheFileThatIsNotPem) {
  TempDir dir;
  const std::string cert = dir.File("server.crt");
  const std::string key = dir.File("server.key");
  WriteFileOrDie(cert, "not a certificate\n");
  WriteFileOrDie(key, "-----BEGIN PRIVATE KEY-----\n");
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:0";
        options.tls_cert = cert;
        options.tls_key = key;
      }));
  EXPECT_EQ(security.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(security.status().message(),
            "--tls_cert '" + cert + "' holds no PEM certificate");
}

TEST(ServerSecurityTest, NamesTheTokensFileThatCannotBeRead) {
  TempDir dir;
  const std::string missing = dir.File("missing-tokens");
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithOptions([&](SecurityOptions& options) {
        options.listen = "localhost:0";
        options.tokens_file = missing;
      }));
  EXPECT_EQ(
      security.status().message(),
      "cannot read --tokens_file '" + missing + "': No such file or directory");
}

// Options for a TLS server (certificate and key that look like PEM, which
// is all ConfigureSecurity checks of them) with the tokens file `tokens`.
SecurityOptions WithTokensFile(const TempDir& dir, const std::string& tokens) {
  WriteFileOrDie(dir.File("server.crt"), "-----BEGIN CERTIFICATE-----\n");
  WriteFileOrDie(dir.File("server.key"), "-----BEGIN PRIVATE KEY-----\n");
  SecurityOptions options;
  options.listen = "localhost:0";
  options.tls_cert = dir.File("server.crt");
  options.tls_key = dir.File("server.key");
  options.tokens_file = tokens;
  return options;
}

TEST(ServerSecurityTest, RefusesATokensFileEveryUserMayReadOrWrite) {
  TempDir dir;
  const std::string tokens = dir.File("tokens");
  WriteFileOrDie(tokens, "reader 0123456789abcdef0123\n");
  for (const auto& [others, mode] :
       {std::pair{std::filesystem::perms::others_read, "0404"},
        std::pair{std::filesystem::perms::others_write, "0402"}}) {
    std::filesystem::permissions(tokens,
                                 std::filesystem::perms::owner_read | others);
    absl::StatusOr<ServerSecurity> security =
        ConfigureSecurity(WithTokensFile(dir, tokens));
    EXPECT_EQ(security.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(security.status().message(),
              "--tokens_file '" + tokens +
                  "' is open to every user of this machine (mode " + mode +
                  "): any of them could take a token. Make it readable by "
                  "the server's user only (chmod 600), or by its group too "
                  "(chmod 640)");
  }
}

TEST(ServerSecurityTest, TokensFileTheServersGroupMayReadGivesNoWarning) {
  TempDir dir;
  const std::string tokens = dir.File("tokens");
  WriteFileOrDie(tokens, "reader 0123456789abcdef0123\n");
  ASSERT_EQ(chown(tokens.c_str(), -1, getegid()), 0) << std::strerror(errno);
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write |
                                           std::filesystem::perms::group_read);
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithTokensFile(dir, tokens));
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_TRUE(security->warnings.empty()) << security->warnings[0];
}

TEST(ServerSecurityTest, WarnsOfATokensFileItsGroupMayChange) {
  TempDir dir;
  const std::string tokens = dir.File("tokens");
  WriteFileOrDie(tokens, "reader 0123456789abcdef0123\n");
  ASSERT_EQ(chown(tokens.c_str(), -1, getegid()), 0) << std::strerror(errno);
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::group_write);
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithTokensFile(dir, tokens));
  ASSERT_TRUE(security.ok()) << security.status();
  ASSERT_EQ(security->warnings.size(), 1u);
  EXPECT_EQ(security->warnings[0],
            absl::StrCat("--tokens_file '", tokens,
                         "' may be changed by its group (mode 0460, group id ",
                         getegid(),
                         "): every member of the group could add a token; "
                         "chmod 640"));
}

// Giving the file to a group the test is not in takes root, as CI runs.
TEST(ServerSecurityTest, WarnsOfATokensFileAnotherGroupMayRead) {
  TempDir dir;
  const std::string tokens = dir.File("tokens");
  WriteFileOrDie(tokens, "reader 0123456789abcdef0123\n");
  const gid_t other = getegid() + 4242;
  ASSERT_EQ(chown(tokens.c_str(), -1, other), 0)
      << std::strerror(errno) << " (the test needs root)";
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read);
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithTokensFile(dir, tokens));
  ASSERT_TRUE(security.ok()) << security.status();
  ASSERT_EQ(security->warnings.size(), 1u);
  EXPECT_EQ(
      security->warnings[0],
      absl::StrCat("--tokens_file '", tokens, "' is open to group id ", other,
                   " (mode 0440), not the server's own group (id ", getegid(),
                   "): every member of that group can read the tokens; "
                   "chgrp it to the server's group, or chmod 600"));
}

TEST(ServerSecurityTest, TokensFileOnlyItsOwnerMayReadGivesNoWarning) {
  TempDir dir;
  const std::string tokens = dir.File("tokens");
  WriteFileOrDie(tokens, "reader 0123456789abcdef0123\n");
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read);
  absl::StatusOr<ServerSecurity> security =
      ConfigureSecurity(WithTokensFile(dir, tokens));
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_TRUE(security->warnings.empty());
}

}  // namespace
}  // namespace factcheck
