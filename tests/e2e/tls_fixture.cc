#include "tests/e2e/tls_fixture.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {

const std::string& TestCaDir() {
  // Destroyed, with the files, when the test binary exits.
  static const TempDir dir;
  static const bool made = [] {
    const CommandResult run =
        RunCommand({"/bin/bash", FACTCHECK_MAKE_TEST_CA, dir.path()});
    if (run.exit_code != 0) {
      std::fprintf(stderr, "scripts/make-test-ca.sh failed:\n%s%s",
                   run.out.c_str(), run.err.c_str());
      std::abort();
    }
    return true;
  }();
  (void)made;
  return dir.path();
}

void TlsServerFixture::SetUp() { StartServer(SecurityFlags()); }

std::vector<std::string> TlsServerFixture::SecurityFlags() const {
  const std::string tokens = dir().File("tokens");
  WriteFileOrDie(
      tokens, absl::StrCat("# role token\nreader ", kReaderToken, "\ningester ",
                           kIngesterToken, "\nadmin ", kAdminToken, "\n"));
  // The server refuses a tokens file that every user may read.
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write);
  std::vector<std::string> flags = {"--tls_cert=" + TestCaDir() + "/server.crt",
                                    "--tls_key=" + TestCaDir() + "/server.key",
                                    "--tokens_file=" + tokens};
  if (RequireClientCertificates()) {
    flags.push_back("--tls_client_ca=" + TestCaDir() + "/ca.crt");
  }
  return flags;
}

std::shared_ptr<grpc::Channel> TlsServerFixture::TlsChannel(
    bool with_client_certificate) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFileOrDie(TestCaDir() + "/ca.crt");
  if (with_client_certificate) {
    ssl.pem_cert_chain = ReadFileOrDie(TestCaDir() + "/client.crt");
    ssl.pem_private_key = ReadFileOrDie(TestCaDir() + "/client.key");
  }
  return grpc::CreateChannel(server().address(), grpc::SslCredentials(ssl));
}

std::unique_ptr<v1::FactCheck::Stub> TlsServerFixture::TlsStub(
    bool with_client_certificate) {
  return v1::FactCheck::NewStub(TlsChannel(with_client_certificate));
}

std::unique_ptr<grpc::ClientContext> TlsServerFixture::As(
    const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(20));
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

std::string TlsServerFixture::CaFlag() {
  return "--tls_ca=" + TestCaDir() + "/ca.crt";
}

}  // namespace factcheck::testing
