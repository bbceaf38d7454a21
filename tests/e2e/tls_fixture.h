// TlsServerFixture: a real factcheck-server speaking TLS with bearer tokens,
// its certificates made at test time by scripts/make-test-ca.sh (openssl),
// plus clients that speak to it as each role.
#ifndef FACTCHECK_TESTS_E2E_TLS_FIXTURE_H_
#define FACTCHECK_TESTS_E2E_TLS_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {

// The tokens the server is given, one per role.
inline constexpr char kReaderToken[] = "reader-3f6c2a1e9b7d4c08a5e2";
inline constexpr char kIngesterToken[] = "ingester-8b1d5f3a7c9e2d4b6a8c";
inline constexpr char kAdminToken[] = "admin-c4e6a8b0d2f4a6c8e0b2";

// The test CA's files, made once per test binary: ca.crt, server.crt,
// server.key, client.crt, client.key.
const std::string& TestCaDir();

class TlsServerFixture : public ServerFixture {
 protected:
  void SetUp() override;

  // Whether the server also demands client certificates (--tls_client_ca).
  virtual bool RequireClientCertificates() const { return false; }

  // The server's TLS and token flags.
  std::vector<std::string> SecurityFlags() const;

  // A TLS channel that trusts the test CA, presenting the client
  // certificate when `with_client_certificate`.
  std::shared_ptr<grpc::Channel> TlsChannel(
      bool with_client_certificate = false);
  std::unique_ptr<v1::FactCheck::Stub> TlsStub(
      bool with_client_certificate = false);

  // A context whose call carries `token` (none when empty).
  static std::unique_ptr<grpc::ClientContext> As(const std::string& token);

  // CLI flags to trust the test CA.
  static std::string CaFlag();
};

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_E2E_TLS_FIXTURE_H_
