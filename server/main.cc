// factcheck-server: the gRPC service over an embedded RocksDB data
// directory. See README.md for the flags and what they guarantee.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/fact_check_service.h"
#include "server/grpc_admin_service.h"
#include "server/grpc_service.h"
#include "server/request_parser.h"
#include "server/security_flags.h"
#include "storage/store.h"

ABSL_FLAG(std::string, listen, "localhost:50051",
          "Address to listen on, host:port. Port 0 picks a free port; the "
          "start-up line says which.");
ABSL_FLAG(std::string, data_dir, "var/data",
          "Directory of the RocksDB database; created if missing.");
ABSL_FLAG(std::string, reference_file, "",
          "JSON Lines file of reference events loaded on the first start of "
          "an empty data directory (e.g. data/events.jsonl).");
ABSL_FLAG(bool, sync, false,
          "Sync the write-ahead log before acknowledging each write, so that "
          "acknowledged writes survive a power loss; without it they survive "
          "a crash of the process but not of the machine.");
ABSL_FLAG(std::size_t, max_text_bytes, 1 << 20,
          "Largest text accepted by CheckText, StreamCheck and IngestSource.");
ABSL_FLAG(int, max_page_size, 1000, "Largest page_size of the List calls.");
ABSL_FLAG(std::size_t, max_import_bytes, std::size_t{1} << 40,
          "Largest event file accepted by ImportEvents.");
ABSL_FLAG(std::string, claimreview_author, "factcheck",
          "Organisation named as the author of the ClaimReviews CheckText "
          "returns with claim_review.");
ABSL_FLAG(std::string, claimreview_author_url, "",
          "URL of that organisation; left out of the ClaimReviews when "
          "empty.");
ABSL_FLAG(int, shutdown_grace_seconds, 5,
          "On SIGINT/SIGTERM, how long calls in flight may take to finish.");

namespace {

void Log(const std::string& line) {
  std::fprintf(stdout, "%s\n", line.c_str());
  std::fflush(stdout);
}

int Run() {
  auto security = factcheck::ConfigureSecurity(
      factcheck::SecurityOptionsFromFlags(absl::GetFlag(FLAGS_listen)));
  if (!security.ok()) {
    Log(absl::StrCat("factcheck-server: ", security.status().message()));
    return 1;
  }
  factcheck::StoreOptions store_options;
  store_options.sync = absl::GetFlag(FLAGS_sync);
  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    Log(absl::StrCat("factcheck-server: cannot create data directory '",
                     data_dir, "': ", ec.message()));
    return 1;
  }
  auto store = factcheck::Store::Open(data_dir, store_options);
  if (!store.ok()) {
    Log(absl::StrCat("factcheck-server: ", store.status().message()));
    return 1;
  }
  factcheck::ServiceLimits limits;
  limits.max_text_bytes = absl::GetFlag(FLAGS_max_text_bytes);
  limits.max_page_size = absl::GetFlag(FLAGS_max_page_size);
  limits.max_import_bytes = absl::GetFlag(FLAGS_max_import_bytes);
  auto service = factcheck::FactCheckService::Create(
      *std::move(store), limits, absl::GetFlag(FLAGS_reference_file));
  if (!service.ok()) {
    Log(absl::StrCat("factcheck-server: ", service.status().message()));
    return 1;
  }
  (*service)->set_claim_review_author(
      {.name = absl::GetFlag(FLAGS_claimreview_author),
       .url = absl::GetFlag(FLAGS_claimreview_author_url)});
  factcheck::GrpcFactCheckService grpc_service(service->get());
  factcheck::GrpcAdminService admin_service(service->get());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  const std::string listen = absl::GetFlag(FLAGS_listen);
  builder.AddListeningPort(listen, security->credentials, &port);
  builder.RegisterService(&grpc_service);
  builder.RegisterService(&admin_service);
  // Room for the largest text plus the message's other fields; a bigger
  // message is refused by gRPC with RESOURCE_EXHAUSTED before it is read.
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(limits.max_text_bytes + (64 << 10)));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    Log(absl::StrCat("factcheck-server: cannot listen on ", listen));
    return 1;
  }
  server->GetHealthCheckService()->SetServingStatus(true);
  const std::string host = listen.substr(0, listen.rfind(':'));
  Log(absl::StrFormat(
      "factcheck-server listening on %s:%d (data %s, %d reference events, "
      "sync %s, %s)",
      host, port, data_dir, (*service)->event_count(),
      store_options.sync ? "on" : "off", security->summary));

  // Signals were blocked in main() before any thread started; this thread
  // alone receives them, so shutdown runs outside a signal handler.
  std::thread signal_waiter([&server, &grpc_service, &admin_service] {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    Log(absl::StrCat("factcheck-server: ", strsignal(signal_number),
                     ", draining"));
    server->GetHealthCheckService()->SetServingStatus(false);
    // Calls in progress get the grace period to finish; then the server
    // stops at once (Shutdown's own deadline would also wait for idle
    // client connections to go away).
    const absl::Time deadline =
        absl::Now() +
        absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
    grpc_service.WaitUntilIdle(deadline);
    admin_service.WaitUntilIdle(deadline);
    server->Shutdown(std::chrono::system_clock::now());
  });
  server->Wait();
  signal_waiter.join();
  Log("factcheck-server: stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  absl::SetProgramUsageMessage(
      "factcheck-server --listen=HOST:PORT --data_dir=DIR "
      "[--reference_file=data/events.jsonl]");
  absl::ParseCommandLine(argc, argv);
  // Abseil's Mutex deadlock detector (on in Debian's build) records every
  // lock acquisition, gRPC's own included, in a process-wide graph under a
  // global lock: a cost on every request and a point of contention between
  // threads, for a debugging aid. Tests, which do not start here, keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  factcheck::DropProtobufUtf8ParseErrors();
  return Run();
}
