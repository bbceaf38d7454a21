// Server reflection as a Node.js tool reads it: reflection_check.js lists
// the real server's services with grpc-reflection-js (v1alpha), resolves
// each one's methods from the answers alone, and calls Health/Check
// through @grpc/grpc-js with the resolved types. What it prints must be
// every method of every service, exactly as the server's protos declare
// them. The tools come from npm (scripts/install-npm-tools.sh, run by the
// ctest fixture interop_tools).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "factcheck/v1/admin_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "grpc/health/v1/health.pb.h"
#include "grpc/reflection/v1/reflection.pb.h"
#include "grpc/reflection/v1alpha/reflection.pb.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

// What reflection_check.js prints of `services`, from the protos compiled
// into this test.
std::string ExpectedListing(const std::vector<std::string>& services) {
  // Links in the compiled files nothing else here refers to.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  (void)grpc::reflection::v1::ServerReflectionRequest::descriptor();
  (void)grpc::reflection::v1alpha::ServerReflectionRequest::descriptor();
  (void)v1::BackupDatabaseRequest::descriptor();
  const auto stream = [](bool streams) { return streams ? "stream " : ""; };
  std::string listing;
  for (const std::string& name : services) {
    const google::protobuf::ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name);
    EXPECT_NE(service, nullptr) << name;
    if (service == nullptr) continue;
    absl::StrAppend(&listing, name, "\n");
    for (int i = 0; i < service->method_count(); ++i) {
      const google::protobuf::MethodDescriptor* m = service->method(i);
      absl::StrAppend(
          &listing, "  ", m->name(), "(", stream(m->client_streaming()),
          m->input_type()->full_name(), ") returns (",
          stream(m->server_streaming()), m->output_type()->full_name(), ")\n");
    }
  }
  return listing;
}

using ReflectionClientTest = ServerFixture;

TEST_F(ReflectionClientTest, NodeClientListsEveryMethodAndChecksHealth) {
  const CommandResult run = RunCommand(
      {"/usr/bin/env", "NODE_PATH=" FACTCHECK_NPM_TOOLS_DIR "/node_modules",
       "node", FACTCHECK_INTEROP_DIR "/reflection_check.js",
       server().address()});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out,
            ExpectedListing({"factcheck.v1.FactCheck", "factcheck.v1.Admin",
                             "grpc.health.v1.Health",
                             "grpc.reflection.v1.ServerReflection",
                             "grpc.reflection.v1alpha.ServerReflection"}) +
                "Health/Check: SERVING\n");
  EXPECT_EQ(run.err, "");
}

}  // namespace
}  // namespace factcheck::testing
