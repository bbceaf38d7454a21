// Server reflection as tools use it (grpcurl, Postman, Evans): a client
// written with the generated v1 and v1alpha stubs lists the services on
// one stream, resolves each one's file, builds a descriptor pool from the
// answers alone and calls methods through it with dynamic messages.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "factcheck/v1/admin_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/dynamic_message.h"
#include "grpc/health/v1/health.pb.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/raw_call.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptorProto;

const std::vector<std::string> kServices = {
    "factcheck.v1.FactCheck", "factcheck.v1.Admin", "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection"};

// One reflection stream of the version `Reflection` (the generated
// grpc::reflection::v1::ServerReflection or its v1alpha twin), with its
// messages `Request` and `Response`.
template <typename Reflection, typename Request, typename Response>
class ReflectionStream {
 public:
  explicit ReflectionStream(const std::shared_ptr<grpc::Channel>& channel)
      : stub_(Reflection::NewStub(channel)) {
    context_.set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(30));
    stream_ = stub_->ServerReflectionInfo(&context_);
  }
  ~ReflectionStream() {
    stream_->WritesDone();
    const grpc::Status status = stream_->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
  }

  Response Ask(const Request& request) {
    Response response;
    EXPECT_TRUE(stream_->Write(request));
    EXPECT_TRUE(stream_->Read(&response));
    return response;
  }

  std::vector<std::string> ListServices() {
    Request request;
    request.set_list_services("*");
    const Response response = Ask(request);
    std::vector<std::string> names;
    for (const auto& s : response.list_services_response().service()) {
      names.push_back(s.name());
    }
    return names;
  }

  // The files of the answer to file_containing_symbol `symbol`, in order;
  // each is also added to `files` when given.
  std::vector<std::string> FilesOfSymbol(
      const std::string& symbol,
      google::protobuf::SimpleDescriptorDatabase* files = nullptr) {
    Request request;
    request.set_file_containing_symbol(symbol);
    const Response response = Ask(request);
    EXPECT_TRUE(response.has_file_descriptor_response())
        << response.error_response().error_message();
    std::vector<std::string> names;
    for (const std::string& bytes :
         response.file_descriptor_response().file_descriptor_proto()) {
      FileDescriptorProto file;
      EXPECT_TRUE(file.ParseFromString(bytes));
      names.push_back(file.name());
      if (files != nullptr) {
        EXPECT_TRUE(files->Add(file)) << file.name();
      }
    }
    return names;
  }

 private:
  std::unique_ptr<typename Reflection::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<Request, Response>> stream_;
};

using V1Stream =
    ReflectionStream<grpc::reflection::v1::ServerReflection,
                     grpc::reflection::v1::ServerReflectionRequest,
                     grpc::reflection::v1::ServerReflectionResponse>;
using V1alphaStream =
    ReflectionStream<grpc::reflection::v1alpha::ServerReflection,
                     grpc::reflection::v1alpha::ServerReflectionRequest,
                     grpc::reflection::v1alpha::ServerReflectionResponse>;

// The file of `service` as compiled into this test from proto/.
const google::protobuf::FileDescriptor* CompiledFileOf(
    const std::string& service) {
  // Links in the compiled files nothing else here refers to.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  (void)v1::BackupDatabaseRequest::descriptor();
  const auto* compiled =
      DescriptorPool::generated_pool()->FindServiceByName(service);
  return compiled == nullptr ? nullptr : compiled->file();
}

class ReflectionTest : public ServerFixture {
 protected:
  std::shared_ptr<grpc::Channel> Channel() {
    return grpc::CreateChannel(server().address(),
                               grpc::InsecureChannelCredentials());
  }

  // Lists the services on one stream of `Stream`'s version, resolves each,
  // and checks that the pool built from the answers alone describes each
  // service exactly as the server's own code does.
  template <typename Stream>
  void ExpectEveryServiceResolves() {
    Stream stream(Channel());
    ASSERT_EQ(stream.ListServices(), kServices);
    google::protobuf::SimpleDescriptorDatabase files;
    for (const std::string& service : kServices) {
      stream.FilesOfSymbol(service, &files);
    }
    DescriptorPool pool(&files);
    for (const std::string& name : kServices) {
      const auto* resolved = pool.FindServiceByName(name);
      ASSERT_NE(resolved, nullptr) << name;
      const google::protobuf::FileDescriptor* compiled = CompiledFileOf(name);
      ASSERT_NE(compiled, nullptr) << name;
      EXPECT_EQ(resolved->file()->DebugString(), compiled->DebugString());
    }
  }
};

TEST_F(ReflectionTest, V1ListsAndResolvesEveryServiceHealthIncluded) {
  ExpectEveryServiceResolves<V1Stream>();
}

TEST_F(ReflectionTest, V1alphaListsAndResolvesEveryServiceHealthIncluded) {
  ExpectEveryServiceResolves<V1alphaStream>();
}

// The file asked for comes first, always; its imports come once a stream.
TEST_F(ReflectionTest, StreamSendsEachImportedFileOnce) {
  V1Stream stream(Channel());
  EXPECT_EQ(
      stream.FilesOfSymbol("factcheck.v1.FactCheck"),
      (std::vector<std::string>{
          "factcheck/v1/fact_check_service.proto", "factcheck/v1/claim.proto",
          "factcheck/v1/date.proto", "factcheck/v1/event.proto",
          "factcheck/v1/source.proto", "google/protobuf/timestamp.proto",
          "google/protobuf/empty.proto", "google/protobuf/field_mask.proto"}));
  EXPECT_EQ(stream.FilesOfSymbol("factcheck.v1.Admin"),
            (std::vector<std::string>{"factcheck/v1/admin_service.proto"}));
  EXPECT_EQ(
      stream.FilesOfSymbol("factcheck.v1.FactCheck.CheckText"),
      (std::vector<std::string>{"factcheck/v1/fact_check_service.proto"}));
  EXPECT_EQ(stream.FilesOfSymbol("factcheck.v1.Event"),
            (std::vector<std::string>{"factcheck/v1/event.proto"}));
  // A new stream starts afresh.
  V1alphaStream other(Channel());
  EXPECT_EQ(other.FilesOfSymbol("factcheck.v1.Event").size(), 2u);
}

TEST_F(ReflectionTest, UnknownSymbolIsNotFoundAndTheStreamGoesOn) {
  V1Stream stream(Channel());
  grpc::reflection::v1::ServerReflectionRequest request;
  request.set_host("localhost");
  request.set_file_containing_symbol("factcheck.v1.Nothing");
  const auto response = stream.Ask(request);
  EXPECT_EQ(response.valid_host(), "localhost");
  EXPECT_EQ(response.original_request().file_containing_symbol(),
            "factcheck.v1.Nothing");
  EXPECT_EQ(response.error_response().error_code(),
            static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(response.error_response().error_message(),
            "no symbol named 'factcheck.v1.Nothing'");
  request.set_file_by_filename("grpc/health/v1/health.proto");
  EXPECT_EQ(stream.Ask(request)
                .file_descriptor_response()
                .file_descriptor_proto_size(),
            1);
  EXPECT_EQ(stream.ListServices(), kServices);
}

// Calls through descriptors that came from reflection alone, as a tool
// that has no .proto files does.
TEST_F(ReflectionTest, MethodsResolvedByReflectionCanBeCalledDynamically) {
  google::protobuf::SimpleDescriptorDatabase files;
  {
    V1alphaStream stream(Channel());
    stream.FilesOfSymbol("grpc.health.v1.Health", &files);
    stream.FilesOfSymbol("factcheck.v1.FactCheck", &files);
  }
  DescriptorPool pool(&files);
  google::protobuf::DynamicMessageFactory factory(&pool);
  // Returns the answer to `method` of `request`, made by `fill`.
  const auto call = [&](const std::string& method, auto fill) {
    const auto* descriptor = pool.FindMethodByName(method);
    EXPECT_NE(descriptor, nullptr) << method;
    std::unique_ptr<google::protobuf::Message> request(
        factory.GetPrototype(descriptor->input_type())->New());
    fill(*request);
    std::string bytes;
    const grpc::Status status = RawUnaryCall(
        Channel(),
        "/" + descriptor->service()->full_name() + "/" + descriptor->name(),
        request->SerializeAsString(), &bytes);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::unique_ptr<google::protobuf::Message> response(
        factory.GetPrototype(descriptor->output_type())->New());
    EXPECT_TRUE(response->ParseFromString(bytes));
    return response;
  };

  const auto health = call("grpc.health.v1.Health.Check", [](auto& request) {
    request.GetReflection()->SetString(
        &request, request.GetDescriptor()->FindFieldByName("service"),
        "factcheck.v1.FactCheck");
  });
  EXPECT_EQ(
      health->GetReflection()
          ->GetEnum(*health, health->GetDescriptor()->FindFieldByName("status"))
          ->name(),
      "SERVING");

  const auto events =
      call("factcheck.v1.FactCheck.ListEvents", [](auto& request) {
        request.GetReflection()->SetInt32(
            &request, request.GetDescriptor()->FindFieldByName("page_size"), 2);
      });
  const auto* events_field = events->GetDescriptor()->FindFieldByName("events");
  ASSERT_EQ(events->GetReflection()->FieldSize(*events, events_field), 2);
  const auto& first =
      events->GetReflection()->GetRepeatedMessage(*events, events_field, 0);
  EXPECT_EQ(first.GetReflection()->GetString(
                first, first.GetDescriptor()->FindFieldByName("name")),
            "events/abrams-decision");
}

}  // namespace
}  // namespace factcheck::testing
