// factcheck-server: the gRPC service over an embedded RocksDB data
// directory. See README.md for the flags and what they guarantee.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "server/fact_check_service.h"
#include "server/flag_usage.h"
#include "server/grpc_admin_service.h"
#include "server/grpc_service.h"
#include "server/http_api.h"
#include "server/http_flags.h"
#include "server/http_server.h"
#include "server/json_log.h"
#include "server/metrics.h"
#include "server/observability_flags.h"
#include "server/reflection_service.h"
#include "server/request_observer.h"
#include "server/request_parser.h"
#include "server/security_flags.h"
#include "server/serving_state.h"
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
ABSL_FLAG(std::size_t, max_time_expressions, 10000,
          "The most time expressions one text may have (CheckText, each "
          "StreamCheck document, IngestSource, ExtractTimex); more is "
          "RESOURCE_EXHAUSTED.");
ABSL_FLAG(std::size_t, max_findings, 2000,
          "The most findings one text may make, unverifiable ones included; "
          "more is RESOURCE_EXHAUSTED.");
ABSL_FLAG(std::size_t, max_response_bytes, 16 << 20,
          "Largest answer to a call that carries text (CheckText, StreamCheck "
          "documents, IngestSource, ExtractTimex); a larger one is "
          "RESOURCE_EXHAUSTED, never sent cut.");
ABSL_FLAG(int, max_page_size, 1000, "Largest page_size of the List calls.");
ABSL_FLAG(std::size_t, max_import_bytes, std::size_t{1} << 40,
          "Largest event file accepted by ImportEvents.");
ABSL_FLAG(std::string, claimreview_author, "factcheck",
          "Organisation named as the author of the ClaimReviews CheckText "
          "returns with claim_review.");
ABSL_FLAG(std::string, claimreview_author_url, "",
          "URL of that organisation; left out of the ClaimReviews when "
          "empty.");
ABSL_FLAG(std::string, backup_root, "",
          "Directory under which Admin/BackupDatabase may create backups "
          "(created if missing); a backup elsewhere, through '..' or a "
          "symbolic link is refused. Empty: backups are off.");
ABSL_FLAG(int, shutdown_grace_seconds, 5,
          "On SIGINT/SIGTERM, how long calls in flight may take to finish.");

namespace {

// Start-up failures: one error line, then exit 1.
int Fail(absl::string_view message) {
  factcheck::LogAlways(factcheck::LogLevel::kError,
                       absl::StrCat("factcheck-server: ", message));
  return 1;
}

int Run() {
  if (absl::Status s = factcheck::ApplyLogLevelFlag(); !s.ok()) {
    return Fail(s.message());
  }
  factcheck::Metrics metrics(factcheck::ServedMethodNames());
  absl::StatusOr<std::string> http_listen =
      factcheck::HttpListenAddress(absl::GetFlag(FLAGS_listen));
  if (!http_listen.ok()) return Fail(http_listen.status().message());
  absl::StatusOr<factcheck::CorsPolicy> cors = factcheck::CorsPolicyFromFlags();
  if (!cors.ok()) return Fail(cors.status().message());
  factcheck::SecurityOptions security_options =
      factcheck::SecurityOptionsFromFlags(absl::GetFlag(FLAGS_listen));
  security_options.http_listen = *http_listen;
  // Refused calls reach no interceptor: the authorizer reports them.
  security_options.on_refused = [&metrics](const factcheck::RefusedCall& c) {
    const std::string request_id = factcheck::RequestIdOr(c.request_id);
    factcheck::ReportFinishedCall(&metrics,
                                  {.method = c.method,
                                   .code = static_cast<int>(c.status.code()),
                                   .latency = c.latency,
                                   .request_id = request_id});
  };
  auto security = factcheck::ConfigureSecurity(security_options);
  if (!security.ok()) return Fail(security.status().message());
  for (const std::string& warning : security->warnings) {
    factcheck::LogAlways(factcheck::LogLevel::kWarning,
                         absl::StrCat("factcheck-server: ", warning));
  }
  factcheck::StoreOptions store_options;
  store_options.sync = absl::GetFlag(FLAGS_sync);
  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Fail(absl::StrCat("cannot create data directory '", data_dir,
                             "': ", ec.message()));
  }
  auto store = factcheck::Store::Open(data_dir, store_options);
  if (!store.ok()) return Fail(store.status().message());
  factcheck::ServiceLimits limits;
  limits.max_text_bytes = absl::GetFlag(FLAGS_max_text_bytes);
  limits.max_page_size = absl::GetFlag(FLAGS_max_page_size);
  limits.max_import_bytes = absl::GetFlag(FLAGS_max_import_bytes);
  limits.max_time_expressions = absl::GetFlag(FLAGS_max_time_expressions);
  limits.max_findings = absl::GetFlag(FLAGS_max_findings);
  limits.max_response_bytes = absl::GetFlag(FLAGS_max_response_bytes);
  // Not ready until LoadReference below: the server listens, answers
  // health checks (NOT_SERVING) and metrics scrapes while it loads.
  std::unique_ptr<factcheck::FactCheckService> service =
      factcheck::FactCheckService::Open(*std::move(store), limits);
  if (const std::string root = absl::GetFlag(FLAGS_backup_root);
      !root.empty()) {
    absl::StatusOr<factcheck::BackupRoot> backup_root =
        factcheck::BackupRoot::Open(root);
    if (!backup_root.ok()) return Fail(backup_root.status().message());
    service->set_backup_root(*std::move(backup_root));
  }
  service->set_claim_review_author(
      {.name = absl::GetFlag(FLAGS_claimreview_author),
       .url = absl::GetFlag(FLAGS_claimreview_author_url)});
  factcheck::GrpcFactCheckService grpc_service(service.get());
  factcheck::GrpcAdminService admin_service(service.get());

  factcheck::ServingState serving(
      {factcheck::v1::FactCheck::service_full_name(),
       factcheck::v1::Admin::service_full_name()});
  service->set_check_observer(&metrics);
  // The HTTP port serves what the gRPC port does, with the same service,
  // access check and request log, plus /metrics and /healthz.
  factcheck::HttpApi http_api(service.get());
  std::unique_ptr<factcheck::HttpServer> http_server;
  if (!http_listen->empty()) {
    auto started = factcheck::HttpServer::Start(
        {.address = *http_listen,
         .tls_cert = security_options.tls_cert,
         .tls_key = security_options.tls_key,
         .tls_client_ca = security_options.tls_client_ca,
         .cors = *cors,
         .editor_page = factcheck::EditorPageFlag(),
         // JSON escapes may take six bytes for one of the text ("\u0001"),
         // so that the service, not the transport, says a text is too long.
         .max_body_bytes = 6 * limits.max_text_bytes + (64 << 10)},
        {.render_metrics =
             [&] {
               return metrics.Render(
                   {.ready = serving.serving(),
                    .reference_events = service->event_count(),
                    .store = service->store_stats()});
             },
         .serving = [&] { return serving.serving(); },
         .api = &http_api,
         .authorizer = security->authorizer.get(),
         .metrics = &metrics});
    if (!started.ok()) return Fail(started.status().message());
    http_server = *std::move(started);
  }

  // Reflection lists and describes every service registered below, gRPC's
  // default health service included.
  auto reflection = factcheck::ReflectionService::Create(
      {factcheck::v1::FactCheck::service_full_name(),
       factcheck::v1::Admin::service_full_name(),
       grpc::health::v1::Health::service_full_name()});
  if (!reflection.ok()) return Fail(reflection.status().message());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  const std::string listen = absl::GetFlag(FLAGS_listen);
  builder.AddListeningPort(listen, security->credentials, &port);
  builder.RegisterService(&grpc_service);
  builder.RegisterService(&admin_service);
  (*reflection)->RegisterOn(builder);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<factcheck::RequestObserverFactory>(&metrics));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  // Room for the largest text plus the message's other fields; a bigger
  // message is refused by gRPC with RESOURCE_EXHAUSTED before it is read.
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(limits.max_text_bytes + (64 << 10)));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return Fail(absl::StrCat("cannot listen on ", listen));
  }
  // The default health service starts SERVING; the port is announced only
  // after this, so a client that learns it from the log never sees that.
  serving.Attach(server->GetHealthCheckService());
  const std::string address =
      absl::StrCat(listen.substr(0, listen.rfind(':')), ":", port);
  const std::string http_address =
      http_server == nullptr ? "" : http_server->address();
  factcheck::LogAlways(
      factcheck::LogLevel::kInfo,
      "factcheck-server started, loading reference data",
      {{"address", address}, {"http", http_address}, {"data_dir", data_dir}});

  // Signals were blocked in main() before any thread started; this thread
  // alone receives them, so shutdown runs outside a signal handler. It
  // waits from before the load, so that SIGTERM during a long load stops
  // the server (it exits once the load is done), and looks at `stop` now
  // and then, for a load that fails.
  std::atomic<bool> stop{false};
  std::thread signal_waiter([&server, &grpc_service, &admin_service,
                             &http_server, &serving, &stop] {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int signal_number = -1;
    const timespec poll_interval{0, 100 * 1000 * 1000};
    while (signal_number < 0 && !stop.load()) {
      signal_number = sigtimedwait(&signals, nullptr, &poll_interval);
    }
    if (signal_number < 0) return;
    // NOT_SERVING before the line, so that whoever reads the line knows
    // health checks already say so.
    serving.BeginDrain();
    factcheck::LogAlways(factcheck::LogLevel::kInfo,
                         absl::StrCat("factcheck-server: ",
                                      strsignal(signal_number), ", draining"));
    // Calls in progress get the grace period to finish; then the server
    // stops at once (Shutdown's own deadline would also wait for idle
    // client connections to go away).
    const absl::Time deadline =
        absl::Now() +
        absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
    grpc_service.WaitUntilIdle(deadline);
    admin_service.WaitUntilIdle(deadline);
    if (http_server != nullptr) http_server->WaitUntilIdle(deadline);
    server->Shutdown(std::chrono::system_clock::now());
  });

  if (absl::Status s =
          service->LoadReference(absl::GetFlag(FLAGS_reference_file));
      !s.ok()) {
    stop = true;
    signal_waiter.join();
    server->Shutdown(std::chrono::system_clock::now());
    return Fail(s.message());
  }
  serving.MarkLoaded();
  if (!serving.serving()) {  // SIGTERM came during the load.
    factcheck::LogAlways(
        factcheck::LogLevel::kInfo,
        "factcheck-server: reference data loaded while draining");
  } else {
    factcheck::LogAlways(
        factcheck::LogLevel::kInfo,
        absl::StrFormat("factcheck-server listening on %s (data %s, %d "
                        "reference events, sync %s, %s)",
                        address, data_dir, service->event_count(),
                        store_options.sync ? "on" : "off", security->summary),
        {{"address", address},
         {"http", http_address},
         {"reference_events", service->event_count()}});
  }

  server->Wait();
  signal_waiter.join();
  factcheck::LogAlways(factcheck::LogLevel::kInfo, "factcheck-server: stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  factcheck::ConfigureFlagUsage(
      "factcheck-server --listen=HOST:PORT --data_dir=DIR "
      "[--reference_file=data/events.jsonl]; see README.md, "
      "\"Configuration\"");
  absl::ParseCommandLine(argc, argv);
  // Abseil's Mutex deadlock detector (on in Debian's build) records every
  // lock acquisition, gRPC's own included, in a process-wide graph under a
  // global lock: a cost on every request and a point of contention between
  // threads, for a debugging aid. Tests, which do not start here, keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  factcheck::DropProtobufUtf8ParseErrors();
  return Run();
}
