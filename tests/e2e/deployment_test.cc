// The Docker deployment as README.md and deploy/README.md describe it, run
// without Docker: the service user made by the script the Dockerfile runs,
// the secrets made and shared by the script the README's steps run, and
// the real server started as that user (as the image's USER line says),
// over TLS with the tokens file, answering a call with a token. Creating a
// system user takes root, as CI runs.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

constexpr char kAddServiceUser[] =
    FACTCHECK_SOURCE_DIR "/scripts/add-service-user.sh";
constexpr char kPrepareDeploy[] =
    FACTCHECK_SOURCE_DIR "/scripts/prepare-deploy.sh";

// The mode bits and group of `path`.
struct FileAccess {
  unsigned mode = 0;
  gid_t group = 0;
  bool operator==(const FileAccess&) const = default;
};
std::ostream& operator<<(std::ostream& out, const FileAccess& a) {
  return out << std::oct << a.mode << std::dec << " group " << a.group;
}
FileAccess AccessOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(stat(path.c_str(), &info), 0) << path;
  return {.mode = info.st_mode & 07777u, .group = info.st_gid};
}

// The second field of the line of `tokens` whose first is `role`.
std::string TokenOf(const std::string& tokens, const std::string& role) {
  for (absl::string_view line : absl::StrSplit(tokens, '\n')) {
    std::vector<std::string> fields = absl::StrSplit(line, ' ');
    if (fields.size() == 2 && fields[0] == role) return fields[1];
  }
  return "";
}

class DeploymentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(geteuid(), 0u) << "creating the service user needs root";
    // Like a host's /: the service user may pass through, not list.
    std::filesystem::permissions(dir_.path(),
                                 std::filesystem::perms::owner_all |
                                     std::filesystem::perms::group_exec |
                                     std::filesystem::perms::others_exec);
  }
  TempDir dir_;
};

TEST_F(DeploymentTest, ServiceUserHasTheFixedIdsTheSecretsAreGivenTo) {
  const std::string home = dir_.File("home");
  const CommandResult add = RunCommand({"/bin/sh", kAddServiceUser, home});
  ASSERT_EQ(add.exit_code, 0) << add.out << add.err;
  const CommandResult again = RunCommand({"/bin/sh", kAddServiceUser, home});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(RunCommand({"/usr/bin/id", "factcheck"}).out,
            "uid=10001(factcheck) gid=10001(factcheck) "
            "groups=10001(factcheck)\n");
  EXPECT_EQ(AccessOf(home), (FileAccess{.mode = 0700, .group = 10001}));
}

TEST_F(DeploymentTest, PreparedSecretsAreReadableByTheServiceGroupOnly) {
  const std::string deploy = dir_.File("deploy");
  const CommandResult prepare =
      RunCommand({"/bin/bash", kPrepareDeploy, deploy});
  ASSERT_EQ(prepare.exit_code, 0) << prepare.out << prepare.err;
  EXPECT_EQ(AccessOf(deploy + "/tls"),
            (FileAccess{.mode = 0750, .group = 10001}));
  EXPECT_EQ(AccessOf(deploy + "/tls/server.key"),
            (FileAccess{.mode = 0640, .group = 10001}));
  EXPECT_EQ(AccessOf(deploy + "/tokens"),
            (FileAccess{.mode = 0640, .group = 10001}));
  EXPECT_EQ(AccessOf(deploy + "/tls/server.crt").mode, 0644u);
  EXPECT_EQ(AccessOf(deploy + "/tls/ca.crt").mode, 0644u);
  // The CA's own key is not the server's to read.
  EXPECT_EQ(AccessOf(deploy + "/tls/ca.key"),
            (FileAccess{.mode = 0600, .group = 0}));
  const std::string tokens = ReadFileOrDie(deploy + "/tokens");
  for (const char* role : {"reader", "ingester", "admin"}) {
    EXPECT_EQ(TokenOf(tokens, role).size(), 64u) << role;
  }
}

TEST_F(DeploymentTest, ServerRunAsTheServiceUserServesWithTheSharedSecrets) {
  const std::string home = dir_.File("home");
  const std::string deploy = dir_.File("deploy");
  const CommandResult add = RunCommand({"/bin/sh", kAddServiceUser, home});
  ASSERT_EQ(add.exit_code, 0) << add.out << add.err;
  const CommandResult prepare =
      RunCommand({"/bin/bash", kPrepareDeploy, deploy});
  ASSERT_EQ(prepare.exit_code, 0) << prepare.out << prepare.err;

  // The image's USER 10001:10001: that user and group, no other groups.
  auto server = ServerProcess::Start(
      "/usr/bin/setpriv",
      {"--reuid=10001", "--regid=10001", "--clear-groups", "--",
       FACTCHECK_SERVER_BINARY, "--listen=127.0.0.1:0",
       "--http_listen=127.0.0.1:0", "--data_dir=" + home,
       "--reference_file=" FACTCHECK_REFERENCE_FILE,
       "--tls_cert=" + deploy + "/tls/server.crt",
       "--tls_key=" + deploy + "/tls/server.key",
       "--tokens_file=" + deploy + "/tokens"},
      ServerProcess::Until::kServing, ServerProcess::Ports::kAsGiven);
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_NE((*server)->banner().find("tls on, auth on (3 tokens)"),
            std::string::npos)
      << (*server)->banner();
  // The documented set-up is the quiet one.
  EXPECT_EQ((*server)->output().find(R"("level":"warning")"), std::string::npos)
      << (*server)->output();
  const std::string status =
      ReadFileOrDie(absl::StrCat("/proc/", (*server)->pid(), "/status"));
  EXPECT_NE(status.find("\nUid:\t10001\t10001\t10001\t10001\n"),
            std::string::npos)
      << status;
  EXPECT_NE(status.find("\nGid:\t10001\t10001\t10001\t10001\n"),
            std::string::npos)
      << status;

  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFileOrDie(deploy + "/tls/ca.crt");
  auto stub = v1::FactCheck::NewStub(
      grpc::CreateChannel((*server)->address(), grpc::SslCredentials(ssl)));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(20));
  context.AddMetadata(
      "authorization",
      "Bearer " + TokenOf(ReadFileOrDie(deploy + "/tokens"), "reader"));
  v1::GetEventRequest request;
  request.set_name("events/full-scale-invasion");
  v1::Event event;
  const grpc::Status call = stub->GetEvent(&context, request, &event);
  ASSERT_TRUE(call.ok()) << call.error_message();
  EXPECT_EQ(event.name(), "events/full-scale-invasion");
  EXPECT_EQ((*server)->Stop(), 0);
}

// The image runs the script the tests run, as the user it makes.
TEST(DockerfileTest, ImageRunsAsTheUserTheServiceUserScriptMakes) {
  const std::string dockerfile =
      ReadFileOrDie(FACTCHECK_SOURCE_DIR "/Dockerfile");
  EXPECT_NE(dockerfile.find("\nCOPY scripts/add-service-user.sh "
                            "/usr/local/sbin/\nRUN /usr/local/sbin/"
                            "add-service-user.sh /var/lib/factcheck\n"),
            std::string::npos);
  EXPECT_NE(dockerfile.find("\nUSER 10001:10001\n"), std::string::npos);
  EXPECT_NE(dockerfile.find("\"--data_dir=/var/lib/factcheck\""),
            std::string::npos);
}

}  // namespace
}  // namespace factcheck::testing
