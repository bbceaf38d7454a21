// Access control over real TLS connections to the real server: what each
// role may and may not call, that a refused call changes nothing, mutual
// TLS, the CLI's --token and --tls_* flags, and the start-up refusals.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/raw_call.h"
#include "tests/e2e/server_fixture.h"
#include "tests/e2e/tls_fixture.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

constexpr char kImportLine[] =
    R"({"id":"access-test-festival","title":"Access Test Festival","type":"festival","date":{"value":"2021-05-01","granularity":"DAY"},"citations":[{"url":"https://example.org/festival"}]})"
    "\n";

class AccessControlTest : public TlsServerFixture {
 protected:
  void SetUp() override {
    TlsServerFixture::SetUp();
    stub_ = TlsStub();
  }

  grpc::Status Ingest(const std::string& token, std::string* name = nullptr) {
    v1::IngestSourceRequest request;
    request.mutable_source()->set_url("https://example.org/seed");
    request.mutable_source()->set_published_date("2024-02-14");
    request.mutable_source()->set_text(SeedBody());
    v1::IngestSourceResponse response;
    const grpc::Status status =
        stub_->IngestSource(As(token).get(), request, &response);
    if (name != nullptr) *name = response.source().name();
    return status;
  }

  // The names of the stored sources, read as admin.
  std::vector<std::string> SourceNames() {
    v1::ListSourcesResponse response;
    const grpc::Status status = stub_->ListSources(
        As(kAdminToken).get(), v1::ListSourcesRequest(), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> names;
    for (const v1::Source& s : response.sources()) names.push_back(s.name());
    return names;
  }

  grpc::Status DeleteSource(const std::string& token, const std::string& name) {
    v1::DeleteSourceRequest request;
    request.set_name(name);
    google::protobuf::Empty response;
    return stub_->DeleteSource(As(token).get(), request, &response);
  }

  grpc::Status GetEvent(const std::string& token, const std::string& name,
                        v1::Event* event = nullptr) {
    v1::GetEventRequest request;
    request.set_name(name);
    v1::Event response;
    const grpc::Status status =
        stub_->GetEvent(As(token).get(), request, &response);
    if (event != nullptr) *event = response;
    return status;
  }

  grpc::Status CreateEvent(const std::string& token) {
    v1::CreateEventRequest request;
    request.set_event_id("access-test-summit");
    request.mutable_event()->set_title("Access Test Summit");
    request.mutable_event()->mutable_date()->set_value("2021-03-04");
    request.mutable_event()->add_citations()->set_url("https://example.org/s");
    v1::Event response;
    return stub_->CreateEvent(As(token).get(), request, &response);
  }

  grpc::Status UpdateEvent(const std::string& token, const std::string& name,
                           const std::string& date) {
    v1::UpdateEventRequest request;
    request.mutable_event()->set_name(name);
    request.mutable_event()->mutable_date()->set_value(date);
    request.mutable_update_mask()->add_paths("date");
    v1::Event response;
    return stub_->UpdateEvent(As(token).get(), request, &response);
  }

  grpc::Status DeleteEvent(const std::string& token, const std::string& name) {
    v1::DeleteEventRequest request;
    request.set_name(name);
    google::protobuf::Empty response;
    return stub_->DeleteEvent(As(token).get(), request, &response);
  }

  grpc::Status ImportEvents(const std::string& token,
                            v1::ImportEventsResponse* last = nullptr) {
    auto context = As(token);
    auto stream = stub_->ImportEvents(context.get());
    v1::ImportEventsRequest request;
    request.set_chunk(kImportLine);
    stream->Write(request);  // Fails harmlessly when the call is refused.
    stream->WritesDone();
    v1::ImportEventsResponse response;
    while (stream->Read(&response)) {
      if (last != nullptr) *last = response;
    }
    return stream->Finish();
  }

  std::unique_ptr<v1::FactCheck::Stub> stub_;
};

// Expects `status` to have `code` (with its message shown when not).
#define EXPECT_CODE(status, code)                      \
  do {                                                 \
    const grpc::Status s_ = (status);                  \
    EXPECT_EQ(s_.error_code(), grpc::StatusCode::code) \
        << #status << ": " << s_.error_message();      \
  } while (0)

TEST_F(AccessControlTest, StartUpLineSaysTlsAndAuthAreOn) {
  EXPECT_NE(server().banner().find(", tls on, auth on (3 tokens))"),
            std::string::npos)
      << server().banner();
  for (const char* token : {kReaderToken, kIngesterToken, kAdminToken}) {
    EXPECT_EQ(server().banner().find(token), std::string::npos);
  }
}

TEST_F(AccessControlTest, ReaderChecksAndReadsEverything) {
  v1::CheckTextRequest check;
  check.set_text(SeedBody());
  check.set_published_date("2024-02-14");
  v1::CheckTextResponse checked;
  ASSERT_TRUE(stub_->CheckText(As(kReaderToken).get(), check, &checked).ok());
  EXPECT_EQ(checked.contradicted_count(), 1);

  v1::ExtractTimexRequest timex;
  timex.set_text("It began on 24 February 2022.");
  timex.set_published_date("2024-02-14");
  v1::ExtractTimexResponse timexes;
  ASSERT_TRUE(
      stub_->ExtractTimex(As(kReaderToken).get(), timex, &timexes).ok());
  ASSERT_EQ(timexes.time_expressions_size(), 1);

  {
    auto context = As(kReaderToken);
    auto stream = stub_->StreamCheck(context.get());
    ASSERT_TRUE(stream->Write(check));
    stream->WritesDone();
    v1::CheckTextResponse streamed;
    ASSERT_TRUE(stream->Read(&streamed));
    EXPECT_EQ(streamed.contradicted_count(), 1);
    EXPECT_CODE(stream->Finish(), OK);
  }

  v1::Event event;
  EXPECT_CODE(GetEvent(kReaderToken, "events/full-scale-invasion", &event), OK);
  EXPECT_EQ(event.title(), "Russian full-scale invasion of Ukraine");

  v1::ListEventsRequest list_events;
  list_events.set_page_size(2);
  v1::ListEventsResponse events;
  EXPECT_CODE(stub_->ListEvents(As(kReaderToken).get(), list_events, &events),
              OK);
  EXPECT_EQ(events.events_size(), 2);

  v1::SearchEventsRequest search;
  search.set_query("full-scale invasion");
  v1::SearchEventsResponse found;
  EXPECT_CODE(stub_->SearchEvents(As(kReaderToken).get(), search, &found), OK);
  ASSERT_GE(found.results_size(), 1);

  v1::ListSourcesResponse sources;
  EXPECT_CODE(stub_->ListSources(As(kReaderToken).get(),
                                 v1::ListSourcesRequest(), &sources),
              OK);
  v1::ListClaimsResponse claims;
  EXPECT_CODE(stub_->ListClaims(As(kReaderToken).get(), v1::ListClaimsRequest(),
                                &claims),
              OK);
  v1::ListConflictsResponse conflicts;
  EXPECT_CODE(stub_->ListConflicts(As(kReaderToken).get(),
                                   v1::ListConflictsRequest(), &conflicts),
              OK);
}

TEST_F(AccessControlTest, ReaderMayNotIngestDeleteOrChangeEvents) {
  const grpc::Status ingest = Ingest(kReaderToken);
  EXPECT_EQ(ingest.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ingest.error_message(),
            "IngestSource needs the ingester role or higher; this token has "
            "the reader role");
  EXPECT_CODE(DeleteSource(kReaderToken, "sources/anything"),
              PERMISSION_DENIED);
  EXPECT_CODE(CreateEvent(kReaderToken), PERMISSION_DENIED);
  EXPECT_CODE(
      UpdateEvent(kReaderToken, "events/full-scale-invasion", "2022-02-25"),
      PERMISSION_DENIED);
  EXPECT_CODE(DeleteEvent(kReaderToken, "events/full-scale-invasion"),
              PERMISSION_DENIED);
  EXPECT_CODE(ImportEvents(kReaderToken), PERMISSION_DENIED);
}

TEST_F(AccessControlTest, IngesterAddsAndRemovesSourcesButNotEvents) {
  std::string name;
  ASSERT_TRUE(Ingest(kIngesterToken, &name).ok());
  EXPECT_EQ(SourceNames(), std::vector<std::string>{name});
  EXPECT_CODE(DeleteSource(kIngesterToken, name), OK);
  EXPECT_TRUE(SourceNames().empty());

  const grpc::Status create = CreateEvent(kIngesterToken);
  EXPECT_EQ(create.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(create.error_message(),
            "CreateEvent needs the admin role or higher; this token has the "
            "ingester role");
  EXPECT_CODE(
      UpdateEvent(kIngesterToken, "events/full-scale-invasion", "2022-02-25"),
      PERMISSION_DENIED);
  EXPECT_CODE(DeleteEvent(kIngesterToken, "events/full-scale-invasion"),
              PERMISSION_DENIED);
  EXPECT_CODE(ImportEvents(kIngesterToken), PERMISSION_DENIED);
}

TEST_F(AccessControlTest, AdminChangesReferenceEvents) {
  EXPECT_CODE(CreateEvent(kAdminToken), OK);
  EXPECT_CODE(
      UpdateEvent(kAdminToken, "events/access-test-summit", "2021-03-05"), OK);
  v1::Event updated;
  ASSERT_TRUE(
      GetEvent(kReaderToken, "events/access-test-summit", &updated).ok());
  EXPECT_EQ(updated.date().value(), "2021-03-05");
  EXPECT_CODE(DeleteEvent(kAdminToken, "events/access-test-summit"), OK);
  EXPECT_CODE(GetEvent(kReaderToken, "events/access-test-summit"), NOT_FOUND);

  v1::ImportEventsResponse imported;
  EXPECT_CODE(ImportEvents(kAdminToken, &imported), OK);
  EXPECT_EQ(imported.imported(), 1);
  EXPECT_CODE(GetEvent(kReaderToken, "events/access-test-festival"), OK);
  // Admins may also do what the lower roles may.
  EXPECT_CODE(Ingest(kAdminToken), OK);
}

TEST_F(AccessControlTest, RefusedIngestWritesNothing) {
  ASSERT_TRUE(SourceNames().empty());
  EXPECT_CODE(Ingest(kReaderToken), PERMISSION_DENIED);
  EXPECT_CODE(Ingest(""), UNAUTHENTICATED);
  EXPECT_TRUE(SourceNames().empty());

  // Nor does a refused delete remove anything.
  std::string name;
  ASSERT_TRUE(Ingest(kIngesterToken, &name).ok());
  EXPECT_CODE(DeleteSource(kReaderToken, name), PERMISSION_DENIED);
  EXPECT_EQ(SourceNames(), std::vector<std::string>{name});
}

TEST_F(AccessControlTest, RefusedEventChangesChangeNothing) {
  EXPECT_CODE(DeleteEvent(kIngesterToken, "events/full-scale-invasion"),
              PERMISSION_DENIED);
  EXPECT_CODE(
      UpdateEvent(kReaderToken, "events/full-scale-invasion", "2022-02-25"),
      PERMISSION_DENIED);
  v1::Event event;
  ASSERT_TRUE(
      GetEvent(kReaderToken, "events/full-scale-invasion", &event).ok());
  EXPECT_EQ(event.start().value(), "2022-02-24");

  EXPECT_CODE(ImportEvents(kIngesterToken), PERMISSION_DENIED);
  EXPECT_CODE(GetEvent(kReaderToken, "events/access-test-festival"), NOT_FOUND);
}

TEST_F(AccessControlTest, CallWithoutTokenIsUnauthenticated) {
  v1::ListSourcesResponse response;
  const grpc::Status status =
      stub_->ListSources(As("").get(), v1::ListSourcesRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(),
            "this server needs a bearer token: send 'authorization: Bearer "
            "TOKEN' metadata (the CLI's --token or $FACTCHECK_TOKEN)");
}

TEST_F(AccessControlTest, UnknownTokenIsUnauthenticated) {
  v1::ListSourcesResponse response;
  const grpc::Status status =
      stub_->ListSources(As("reader-3f6c2a1e9b7d4c08a5e3").get(),
                         v1::ListSourcesRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(),
            "the bearer token is not one this server accepts");
}

TEST_F(AccessControlTest, AuthorizationIsBearerOneSpaceAndTheTokenOnly) {
  for (const std::string& authorization :
       {absl::StrCat("Bearer  ", kReaderToken),
        absl::StrCat("Bearer ", kReaderToken, " "), std::string("Bearer "),
        absl::StrCat("Bearer ", kReaderToken, " extra")}) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", authorization);
    v1::ListSourcesResponse response;
    const grpc::Status status =
        stub_->ListSources(&context, v1::ListSourcesRequest(), &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << "'" << authorization << "'";
    EXPECT_EQ(status.error_message(),
              "the authorization metadata is not 'Bearer TOKEN'")
        << "'" << authorization << "'";
  }
  // The scheme's case is free (RFC 6750).
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("bearer ", kReaderToken));
  v1::ListSourcesResponse response;
  EXPECT_CODE(stub_->ListSources(&context, v1::ListSourcesRequest(), &response),
              OK);
}

TEST_F(AccessControlTest, HealthCheckNeedsNoToken) {
  std::string response;
  const grpc::Status status =
      RawUnaryCall(TlsChannel(), "/grpc.health.v1.Health/Check", "", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response, std::string("\x08\x01", 2));  // SERVING
}

TEST_F(AccessControlTest, ReflectionNeedsNoToken) {
  for (const char* version : {"v1", "v1alpha"}) {
    std::string response;
    // ServerReflectionRequest{list_services: "*"}: field 7, length 1.
    const grpc::Status status =
        RawUnaryCall(TlsChannel(),
                     absl::StrCat("/grpc.reflection.", version,
                                  ".ServerReflection/ServerReflectionInfo"),
                     std::string("\x3a\x01*", 3), &response);
    ASSERT_TRUE(status.ok()) << version << ": " << status.error_message();
    EXPECT_NE(response.find("factcheck.v1.FactCheck"), std::string::npos);
  }
}

TEST_F(AccessControlTest, PlaintextClientCannotCallTheTlsPort) {
  v1::ListSourcesResponse response;
  EXPECT_CODE(Stub()->ListSources(As(kReaderToken).get(),
                                  v1::ListSourcesRequest(), &response),
              UNAVAILABLE);
}

TEST_F(AccessControlTest, CliSpeaksTlsWithItsToken) {
  const CommandResult check = Cli(
      {CaFlag(), std::string("--token=") + kReaderToken, "check", SeedFile()});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.out.find("CONTRADICTED"), std::string::npos) << check.out;

  // The token may come from the environment instead.
  const CommandResult ingest = RunCommand(
      {"/usr/bin/env", std::string("FACTCHECK_TOKEN=") + kIngesterToken,
       FACTCHECK_CLI_BINARY, "--server=" + server().address(), CaFlag(),
       "ingest", SeedFile(), "--url=https://example.org/seed"});
  EXPECT_EQ(ingest.exit_code, 1) << ingest.err;  // 1: it contradicts.
  EXPECT_EQ(SourceNames().size(), 1u);
}

TEST_F(AccessControlTest, CliReportsTheRoleItLacks) {
  const CommandResult run =
      Cli({CaFlag(), std::string("--token=") + kReaderToken, "ingest",
           SeedFile(), "--url=https://example.org/seed"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: IngestSource failed: PERMISSION_DENIED: IngestSource "
            "needs the ingester role or higher; this token has the reader "
            "role\n");
  EXPECT_TRUE(SourceNames().empty());
}

TEST_F(AccessControlTest, CliImportsEventsWithAnAdminTokenOnly) {
  const std::string path = dir().File("events.jsonl");
  WriteFileOrDie(path, kImportLine);
  const CommandResult refused =
      Cli({CaFlag(), std::string("--token=") + kIngesterToken, "events",
           "import", path});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err,
            "factcheck: ImportEvents failed: PERMISSION_DENIED: ImportEvents "
            "needs the admin role or higher; this token has the ingester "
            "role\n");
  EXPECT_CODE(GetEvent(kReaderToken, "events/access-test-festival"), NOT_FOUND);

  const CommandResult imported =
      Cli({CaFlag(), std::string("--token=") + kAdminToken, "events", "import",
           path});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "imported 1, unchanged 0, skipped 0\n");
  EXPECT_CODE(GetEvent(kReaderToken, "events/access-test-festival"), OK);
}

TEST_F(AccessControlTest, CliWithoutTokenIsUnauthenticated) {
  const CommandResult run = Cli({CaFlag(), "sources", "list"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: ListSources failed: UNAUTHENTICATED: this server "
            "needs a bearer token: send 'authorization: Bearer TOKEN' "
            "metadata (the CLI's --token or $FACTCHECK_TOKEN)\n");
}

TEST_F(AccessControlTest, CliNeverSendsATokenInClearText) {
  const CommandResult run =
      Cli({std::string("--token=") + kReaderToken, "sources", "list"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: the bearer token (--token) is sent over TLS only: "
            "give --tls_ca\nrun 'factcheck --help' for the commands\n");
}

TEST_F(AccessControlTest, CliWithoutTheCaCannotReachTheTlsPort) {
  const CommandResult run =
      Cli({"--timeout=5", "events", "get", "full-scale-invasion"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("factcheck: cannot reach the factcheck server at " +
                              server().address(),
                          0),
            0u)
      << run.err;
}

class MutualTlsTest : public TlsServerFixture {
 protected:
  bool RequireClientCertificates() const override { return true; }
};

TEST_F(MutualTlsTest, StartUpLineSaysClientCertificatesAreRequired) {
  EXPECT_NE(server().banner().find(
                ", tls on, client certificates required, auth on (3 tokens))"),
            std::string::npos)
      << server().banner();
}

TEST_F(MutualTlsTest, ClientWithoutCertificateIsRefused) {
  v1::ListSourcesResponse response;
  EXPECT_CODE(TlsStub(/*with_client_certificate=*/false)
                  ->ListSources(As(kAdminToken).get(), v1::ListSourcesRequest(),
                                &response),
              UNAVAILABLE);
}

TEST_F(MutualTlsTest, ClientWithCertificateAndTokenIsServed) {
  v1::Event event;
  v1::GetEventRequest request;
  request.set_name("events/full-scale-invasion");
  EXPECT_CODE(TlsStub(/*with_client_certificate=*/true)
                  ->GetEvent(As(kReaderToken).get(), request, &event),
              OK);
  EXPECT_EQ(event.start().value(), "2022-02-24");
}

TEST_F(MutualTlsTest, CliPresentsItsClientCertificate) {
  const std::vector<std::string> flags = {
      CaFlag(), std::string("--token=") + kReaderToken, "--timeout=5"};
  std::vector<std::string> with_cert = flags;
  with_cert.insert(with_cert.end(),
                   {"--tls_cert=" + TestCaDir() + "/client.crt",
                    "--tls_key=" + TestCaDir() + "/client.key", "events", "get",
                    "full-scale-invasion"});
  const CommandResult served = Cli(with_cert);
  EXPECT_EQ(served.exit_code, 0) << served.err;
  EXPECT_NE(served.out.find("2022-02-24"), std::string::npos) << served.out;

  std::vector<std::string> without_cert = flags;
  without_cert.insert(without_cert.end(),
                      {"events", "get", "full-scale-invasion"});
  const CommandResult refused = Cli(without_cert);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(
      refused.err.rfind("factcheck: cannot reach the factcheck server at ", 0),
      0u)
      << refused.err;
}

// Starting the server: what it says with auth off, and what it refuses.
class StartUpTest : public ::testing::Test {
 protected:
  absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"--data_dir=" + dir_.File("data")};
    args.insert(args.end(), flags.begin(), flags.end());
    return ServerProcess::Start(FACTCHECK_SERVER_BINARY, args);
  }
  TempDir dir_;
};

TEST_F(StartUpTest, AuthOffIsSaidOnTheStartUpLine) {
  auto server = Start({});
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_NE((*server)->banner().find(", tls off, auth off)"), std::string::npos)
      << (*server)->banner();
}

TEST_F(StartUpTest, RefusesToListenBeyondLoopbackWithAuthOff) {
  auto server = Start({"--listen=0.0.0.0:0"});
  ASSERT_FALSE(server.ok());
  EXPECT_NE(server.status().message().find(
                "factcheck-server: refusing to listen on 0.0.0.0:0 with auth "
                "off"),
            std::string::npos)
      << server.status();
}

TEST_F(StartUpTest, ListensBeyondLoopbackWithAuthOffWhenTold) {
  auto server = Start({"--listen=0.0.0.0:0", "--allow_unauthenticated_remote"});
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_NE((*server)->banner().find("listening on 0.0.0.0:"),
            std::string::npos)
      << (*server)->banner();
  EXPECT_NE((*server)->banner().find(", tls off, auth off)"), std::string::npos)
      << (*server)->banner();
}

TEST_F(StartUpTest, BadTokensFileIsNamedWithoutQuotingTokens) {
  const std::string tokens = dir_.File("tokens");
  WriteFileOrDie(
      tokens, absl::StrCat("reader ", kReaderToken, "\nadmin short-secret\n"));
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read);
  auto server = Start({"--tls_cert=" + TestCaDir() + "/server.crt",
                       "--tls_key=" + TestCaDir() + "/server.key",
                       "--tokens_file=" + tokens});
  ASSERT_FALSE(server.ok());
  const std::string output(server.status().message());
  EXPECT_NE(output.find(absl::StrCat("factcheck-server: ", tokens,
                                     ": line 2: the token has 12 characters")),
            std::string::npos)
      << output;
  EXPECT_EQ(output.find("short-secret"), std::string::npos) << output;
  EXPECT_EQ(output.find(kReaderToken), std::string::npos) << output;
}

TEST_F(StartUpTest, TokensFileEveryUserMayReadIsRefused) {
  const std::string tokens = dir_.File("tokens");
  WriteFileOrDie(tokens, absl::StrCat("reader ", kReaderToken, "\n"));
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
  auto server = Start({"--tls_cert=" + TestCaDir() + "/server.crt",
                       "--tls_key=" + TestCaDir() + "/server.key",
                       "--tokens_file=" + tokens});
  ASSERT_FALSE(server.ok());
  const std::string output(server.status().message());
  EXPECT_NE(output.find(absl::StrCat(
                "factcheck-server: --tokens_file '", tokens,
                "' is open to every user of this machine (mode 0644): any of "
                "them could take a token. Make it readable by the server's "
                "user only (chmod 600), or by its group too (chmod 640)")),
            std::string::npos)
      << output;
  EXPECT_EQ(output.find(kReaderToken), std::string::npos) << output;
}

TEST_F(StartUpTest, TokensFileItsGroupMayChangeIsAcceptedWithAWarning) {
  const std::string tokens = dir_.File("tokens");
  WriteFileOrDie(tokens, absl::StrCat("reader ", kReaderToken, "\n"));
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::group_write);
  auto server = Start({"--tls_cert=" + TestCaDir() + "/server.crt",
                       "--tls_key=" + TestCaDir() + "/server.key",
                       "--tokens_file=" + tokens});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string output = (*server)->output();
  EXPECT_NE(output.find(absl::StrCat(
                R"("level":"warning","msg":"factcheck-server: --tokens_file ')",
                tokens, "' may be changed by its group (mode 0460, group id ")),
            std::string::npos)
      << output;
  EXPECT_NE((*server)->banner().find(", auth on (1 token))"),
            std::string::npos);
}

}  // namespace
}  // namespace factcheck::testing
