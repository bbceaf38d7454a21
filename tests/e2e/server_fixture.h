// ServerFixture: each test gets a real factcheck-server on a free loopback
// port over a fresh data directory loaded with the bundled reference
// events, plus helpers to run the real CLI against it.
#ifndef FACTCHECK_TESTS_E2E_SERVER_FIXTURE_H_
#define FACTCHECK_TESTS_E2E_SERVER_FIXTURE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {

// A FactCheck stub on a fresh channel to the server at `address`.
std::unique_ptr<v1::FactCheck::Stub> NewStub(const std::string& address);

// CheckText of `text` published on `date` (YYYY-MM-DD) through `stub`.
grpc::Status CheckText(v1::FactCheck::StubInterface& stub,
                       const std::string& text, const std::string& date,
                       v1::CheckTextResponse* response);

// Streams `documents` (document id, text), each published on `date`,
// through StreamCheck on `stub`, and puts the answers, in order, into
// `answers`; returns the stream's status. The call has a deadline of a
// minute: a stream whose answer the client cannot read would hang.
grpc::Status StreamCheckDocuments(
    v1::FactCheck::StubInterface& stub,
    const std::vector<std::pair<std::string, std::string>>& documents,
    const std::string& date, std::vector<v1::CheckTextResponse>* answers);

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts the server over data_dir() (again, after StopServer()).
  void StartServer(const std::vector<std::string>& extra_args = {});
  // SIGTERM; expects a clean exit.
  void StopServer();
  // Hands the running server to the caller (who then stops it).
  std::unique_ptr<ServerProcess> TakeServer() { return std::move(server_); }
  // What the running server has written so far (its JSON log), or, once
  // stopped, everything the last one wrote.
  std::string server_output() const;

  // Runs `factcheck --server=<address> args...`.
  CommandResult Cli(const std::vector<std::string>& args,
                    const std::string& input = "");

  // A stub on a fresh channel to the server.
  std::unique_ptr<v1::FactCheck::Stub> Stub();

  std::string data_dir() const { return dir_.File("data"); }
  const TempDir& dir() const { return dir_; }
  ServerProcess& server() { return *server_; }

  // The seed article as the CLI takes it (with its date header) and its
  // body without the header.
  static std::string SeedFile();
  static std::string SeedBody();

 private:
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::string last_output_;
};

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_E2E_SERVER_FIXTURE_H_
