// The commands against an in-process fake of the service: what they send,
// how they follow pages and streams, and the exit codes they return. The
// real server is exercised by tests/e2e.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "client/commands.h"
#include "client/connection.h"
#include "client/exit_code.h"
#include "gmock/gmock.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Contradicts every "February 2024" in a text; fails empty texts.
class FakeFactCheck final : public v1::FactCheck::Service {
 public:
  grpc::Status CheckText(grpc::ServerContext*,
                         const v1::CheckTextRequest* request,
                         v1::CheckTextResponse* response) override {
    if (request->text().empty()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "text: must not be empty");
    }
    Check(*request, response);
    return grpc::Status::OK;
  }

  grpc::Status StreamCheck(
      grpc::ServerContext*,
      grpc::ServerReaderWriter<v1::CheckTextResponse, v1::CheckTextRequest>*
          stream) override {
    v1::CheckTextRequest request;
    while (stream->Read(&request)) {
      v1::CheckTextResponse response;
      if (request.text().empty()) {
        response.set_document_id(request.document_id());
        response.set_error("text: must not be empty");
        response.set_error_code(grpc::StatusCode::INVALID_ARGUMENT);
      } else {
        Check(request, &response);
      }
      stream->Write(response);
    }
    return grpc::Status::OK;
  }

  // Three events, two to a page.
  grpc::Status ListEvents(grpc::ServerContext*,
                          const v1::ListEventsRequest* request,
                          v1::ListEventsResponse* response) override {
    const int first =
        request->page_token().empty() ? 0 : std::stoi(request->page_token());
    for (int i = first; i < 3 && i < first + 2; ++i) {
      v1::Event& event = *response->add_events();
      event.set_name(absl::StrCat("events/e", i));
      event.mutable_date()->set_value(absl::StrCat("202", i));
      event.set_title(absl::StrCat("Event ", i));
    }
    if (first + 2 < 3) response->set_next_page_token(absl::StrCat(first + 2));
    return grpc::Status::OK;
  }

  // Rejects files containing "bad"; imports one event per line otherwise.
  grpc::Status ImportEvents(grpc::ServerContext*,
                            grpc::ServerReader<v1::ImportEventsRequest>* reader,
                            v1::ImportEventsResponse* response) override {
    v1::ImportEventsRequest request;
    std::string file;
    absl::MutexLock lock(&mutex_);
    while (reader->Read(&request)) {
      import_skip_flags_.push_back(request.skip_invalid_lines());
      file += request.chunk();
    }
    if (file.find("bad") != std::string::npos) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "line 2: not JSON");
    }
    response->set_imported(
        static_cast<int>(std::count(file.begin(), file.end(), '\n')));
    return grpc::Status::OK;
  }

  std::vector<bool> import_skip_flags() {
    absl::MutexLock lock(&mutex_);
    return import_skip_flags_;
  }

 private:
  static void Check(const v1::CheckTextRequest& request,
                    v1::CheckTextResponse* response) {
    response->set_document_id(request.document_id());
    const std::size_t at = request.text().find("February 2024");
    if (at == std::string::npos) return;
    v1::Finding& finding = *response->add_findings();
    finding.mutable_claim()->mutable_span()->set_begin(at);
    finding.mutable_claim()->mutable_span()->set_end(at + 13);
    finding.mutable_claim()->set_claimed_text("February 2024");
    finding.set_verdict(v1::CONTRADICTED);
    response->set_contradicted_count(1);
  }

  absl::Mutex mutex_;
  std::vector<bool> import_skip_flags_ ABSL_GUARDED_BY(mutex_);
};

class CommandsRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int port = 0;
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    connection_ = std::make_unique<Connection>(absl::StrCat("127.0.0.1:", port),
                                               absl::Seconds(10));
    directory_ =
        std::filesystem::path(::testing::TempDir()) /
        ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(directory_);
  }

  void TearDown() override { server_->Shutdown(); }

  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string path = (directory_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  FakeFactCheck service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<Connection> connection_;
  std::filesystem::path directory_;
  OutputOptions output_;
};

TEST_F(CommandsRpcTest, CheckOfOneFileExitsOneOnAContradiction) {
  const std::string path =
      WriteFile("a.txt", "date 2024-02-14\nSince February 2024.");
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(Check(*connection_, output_, {path}, std::nullopt),
            kExitContradicted);
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_THAT(out, HasSubstr(absl::StrCat(path, ":2:7: CONTRADICTED")));
}

TEST_F(CommandsRpcTest, CheckOfCleanTextExitsZero) {
  const std::string path = WriteFile("a.txt", "Since 2022.");
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(Check(*connection_, output_, {path}, "2024-02-14"), kExitOk);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            absl::StrCat(path, ": 0 claims, 0 contradicted\n"));
}

TEST_F(CommandsRpcTest, CheckReportsRpcErrorsWithTheirCode) {
  const std::string path = WriteFile("a.txt", "date 2024-02-14 ");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(Check(*connection_, output_, {path}, std::nullopt), kExitFailure);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "factcheck: CheckText failed: INVALID_ARGUMENT: text: must not be "
            "empty\n");
}

TEST_F(CommandsRpcTest, CheckOfSeveralFilesStreamsThemInOrder) {
  const std::string clean = WriteFile("clean.txt", "Since 2022.");
  const std::string wrong = WriteFile("wrong.txt", "In February 2024.");
  output_.json = true;
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(Check(*connection_, output_, {clean, wrong}, "2024-02-14"),
            kExitContradicted);
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_THAT(out, HasSubstr(absl::StrCat("{\"file\":\"", clean,
                                          "\",\"document_id\":\"", clean)));
  EXPECT_LT(out.find(clean), out.find(wrong));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
}

TEST_F(CommandsRpcTest, CheckFailsOverallWhenOneDocumentFails) {
  const std::string wrong = WriteFile("wrong.txt", "In February 2024.");
  const std::string empty = WriteFile("empty.txt", "");
  const std::string missing = (directory_ / "missing.txt").string();
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(Check(*connection_, output_, {wrong, empty, missing}, "2024-02-14"),
            kExitFailure);
  const std::string err = ::testing::internal::GetCapturedStderr();
  const std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_THAT(err, HasSubstr(absl::StrCat(
                       empty,
                       ": not checked: INVALID_ARGUMENT: text: must not be "
                       "empty")));
  EXPECT_THAT(err, HasSubstr(absl::StrCat(missing, ": No such file")));
  EXPECT_THAT(out, HasSubstr(absl::StrCat(wrong, ":1:4: CONTRADICTED")));
}

TEST_F(CommandsRpcTest, ListFollowsPageTokensUnlessAPageIsAskedFor) {
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(ListEvents(*connection_, output_, {}), kExitOk);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "events/e0  2020  Event 0\n"
            "events/e1  2021  Event 1\n"
            "events/e2  2022  Event 2\n");

  ::testing::internal::CaptureStdout();
  EXPECT_EQ(ListEvents(*connection_, output_,
                       {.page_size = 2, .page_token = std::nullopt}),
            kExitOk);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "events/e0  2020  Event 0\n"
            "events/e1  2021  Event 1\n"
            "next page: --page_token=2\n");
}

TEST_F(CommandsRpcTest, ImportStreamsTheFileInChunks) {
  std::string jsonl;
  while (jsonl.size() < 150 * 1024) jsonl += "{\"id\": \"event\"}\n";
  const std::string path = WriteFile("events.jsonl", jsonl);
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(ImportEvents(*connection_, output_, path,
                         /*skip_invalid_lines=*/true),
            kExitOk);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            absl::StrCat("imported ", jsonl.size() / 16,
                         ", unchanged 0, skipped 0\n"));
  // 150 KiB in 64 KiB chunks; the option rides on the first only.
  EXPECT_THAT(service_.import_skip_flags(), ElementsAre(true, false, false));
}

TEST_F(CommandsRpcTest, ImportPrintsTheServersReasonForRejectingAFile) {
  const std::string path = WriteFile("events.jsonl", "{}\nbad\n");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(ImportEvents(*connection_, output_, path, false), kExitFailure);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            absl::StrCat(path, ": line 2: not JSON (nothing was imported)\n"));
}

TEST(UnreachableServerTest, ExitsTwoAndNamesTheServer) {
  // Port 1 on the loopback interface refuses connections.
  Connection connection("127.0.0.1:1", absl::Seconds(10));
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(ListEvents(connection, OutputOptions(), {}), kExitFailure);
  EXPECT_THAT(::testing::internal::GetCapturedStderr(),
              HasSubstr("factcheck: cannot reach the factcheck server at "
                        "127.0.0.1:1: "));
}

}  // namespace
}  // namespace factcheck::client
