#include "tests/e2e/server_fixture.h"

#include <chrono>

#include "grpcpp/grpcpp.h"

namespace factcheck::testing {

void ServerFixture::SetUp() { StartServer(); }

void ServerFixture::TearDown() {
  if (server_ != nullptr) StopServer();
}

void ServerFixture::StartServer(const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {
      "--data_dir=" + data_dir(),
      std::string("--reference_file=") + FACTCHECK_REFERENCE_FILE};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto server = ServerProcess::Start(FACTCHECK_SERVER_BINARY, args);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
}

void ServerFixture::StopServer() {
  ASSERT_NE(server_, nullptr);
  EXPECT_EQ(server_->Stop(), 0) << "factcheck-server did not exit cleanly";
  last_output_ = server_->output();
  server_.reset();
}

std::string ServerFixture::server_output() const {
  return server_ != nullptr ? server_->output() : last_output_;
}

CommandResult ServerFixture::Cli(const std::vector<std::string>& args,
                                 const std::string& input) {
  std::vector<std::string> argv = {FACTCHECK_CLI_BINARY,
                                   "--server=" + server_->address()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, input);
}

std::unique_ptr<v1::FactCheck::Stub> NewStub(const std::string& address) {
  return v1::FactCheck::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
}

grpc::Status CheckText(v1::FactCheck::StubInterface& stub,
                       const std::string& text, const std::string& date,
                       v1::CheckTextResponse* response) {
  grpc::ClientContext context;
  v1::CheckTextRequest request;
  request.set_text(text);
  request.set_published_date(date);
  return stub.CheckText(&context, request, response);
}

grpc::Status StreamCheckDocuments(
    v1::FactCheck::StubInterface& stub,
    const std::vector<std::pair<std::string, std::string>>& documents,
    const std::string& date, std::vector<v1::CheckTextResponse>* answers) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::minutes(1));
  auto stream = stub.StreamCheck(&context);
  for (const auto& [id, text] : documents) {
    v1::CheckTextRequest request;
    request.set_document_id(id);
    request.set_text(text);
    request.set_published_date(date);
    if (!stream->Write(request)) break;
  }
  stream->WritesDone();
  for (v1::CheckTextResponse answer; stream->Read(&answer);) {
    answers->push_back(answer);
  }
  return stream->Finish();
}

std::unique_ptr<v1::FactCheck::Stub> ServerFixture::Stub() {
  return NewStub(server_->address());
}

std::string ServerFixture::SeedFile() {
  return std::string(FACTCHECK_TEST_DATA_DIR) + "/seed-article.txt";
}

std::string ServerFixture::SeedBody() {
  const std::string file = ReadFileOrDie(SeedFile());
  const std::string header = " date 2024-02-14 ";
  return file.substr(file.find(header) + header.size());
}

}  // namespace factcheck::testing
