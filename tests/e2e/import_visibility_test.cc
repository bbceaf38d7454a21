// An import's events appear to readers all at once: a reader polling the
// real server while a large import commits sees none of the file, then
// all of it, never the first event without the last.
#include <atomic>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

// Enough events for the commit to move them in several batches (10,000
// each), in id order: imp-000000 moves first, imp-049999 last.
constexpr int kEvents = 50000;

std::string EventId(int i) { return absl::StrFormat("imp-%06d", i); }

std::string EventFile() {
  std::string file;
  for (int i = 0; i < kEvents; ++i) {
    absl::StrAppend(
        &file, R"({"id":")", EventId(i), R"(","title":"Imported event )", i,
        R"(","type":"test","date":{"value":"2001-02-03"},"citations":[{"url":"https://example.org/imported/)",
        i, R"("}]})", "\n");
  }
  return file;
}

class ImportVisibilityTest : public ServerFixture {};

TEST_F(ImportVisibilityTest, ReadersSeeNoneOfAnImportOrAllOfIt) {
  const std::string file = EventFile();
  auto stub = Stub();
  const auto present = [&](const std::string& id) {
    grpc::ClientContext context;
    v1::GetEventRequest request;
    request.set_name(absl::StrCat("events/", id));
    v1::Event event;
    const grpc::Status status = stub->GetEvent(&context, request, &event);
    EXPECT_TRUE(status.ok() ||
                status.error_code() == grpc::StatusCode::NOT_FOUND)
        << status.error_message();
    return status.ok();
  };
  const std::string first = EventId(0);
  const std::string last = EventId(kEvents - 1);

  // 0 while the file streams in, 1 once it is all sent (the commit runs
  // then), 2 once the import has answered.
  std::atomic<int> phase{0};
  int polls_while_committing = 0;
  int mixes = 0;
  std::thread reader([&] {
    while (phase.load() < 2) {
      const int before = phase.load();
      // First, then last: once an event is visible it stays so, so the
      // first present with the last absent read after it means a moment
      // when the import was visible in part.
      const bool has_first = present(first);
      const bool has_last = present(last);
      if (has_first && !has_last) ++mixes;
      if (before == 1 && phase.load() == 1) ++polls_while_committing;
    }
  });

  grpc::ClientContext context;
  auto stream = stub->ImportEvents(&context);
  v1::ImportEventsRequest request;
  // In 1 MiB chunks, as the CLI sends a file.
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t at = 0; at < file.size(); at += kChunk) {
    request.set_chunk(file.substr(at, kChunk));
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  phase.store(1);
  v1::ImportEventsResponse response, final_response;
  while (stream->Read(&response)) final_response = response;
  const grpc::Status status = stream->Finish();
  phase.store(2);
  reader.join();

  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(final_response.imported(), kEvents);
  EXPECT_EQ(final_response.skipped(), 0);
  EXPECT_EQ(mixes, 0);
  // The reader did poll while the import committed.
  EXPECT_GT(polls_while_committing, 0);
  EXPECT_TRUE(present(first));
  EXPECT_TRUE(present(last));
}

}  // namespace
}  // namespace factcheck::testing
