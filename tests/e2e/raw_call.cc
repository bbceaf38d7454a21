#include "tests/e2e/raw_call.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"

namespace factcheck::testing {
namespace {

std::string Bytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  return bytes;
}

}  // namespace

grpc::Status RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                          const std::string& method,
                          const std::string& request_bytes,
                          std::string* response_bytes) {
  grpc::GenericStub generic(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer request(&slice, 1), response;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  grpc::Status status;
  generic.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                    [&](grpc::Status s) {
                      std::lock_guard<std::mutex> lock(mu);
                      status = s;
                      done = true;
                      cv.notify_one();
                    });
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done; });
  if (status.ok()) response_bytes->append(Bytes(response));
  return status;
}

grpc::Status RawStreamCall(const std::shared_ptr<grpc::Channel>& channel,
                           const std::string& method,
                           const std::vector<std::string>& requests,
                           std::vector<std::string>* responses) {
  grpc::GenericStub generic(channel);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  // One operation at a time, each waited for, so one tag serves them all.
  void* const tag = &context;
  const auto wait = [&] {
    void* got = nullptr;
    bool ok = false;
    return queue.Next(&got, &ok) && ok;
  };
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
      generic.PrepareCall(&context, method, &queue);
  call->StartCall(tag);
  if (wait()) {
    for (const std::string& bytes : requests) {
      grpc::Slice slice(bytes);
      grpc::ByteBuffer request(&slice, 1);
      call->Write(request, tag);
      if (!wait()) break;
    }
    call->WritesDone(tag);
    wait();
    for (;;) {
      grpc::ByteBuffer response;
      call->Read(&response, tag);
      if (!wait()) break;
      responses->push_back(Bytes(response));
    }
  }
  grpc::Status status;
  call->Finish(&status, tag);
  wait();
  queue.Shutdown();
  void* got = nullptr;
  bool ok = false;
  while (queue.Next(&got, &ok)) {
  }
  return status;
}

}  // namespace factcheck::testing
