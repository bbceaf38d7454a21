// The factcheck CLI against a real server: the founding article checked end
// to end, exit codes, stdin, ingest, persistence across restarts, import.
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"

namespace factcheck::testing {
namespace {

// Parses one JSON object printed by the CLI into `message`, ignoring fields
// the CLI adds around the API's (such as "file").
template <typename Message>
Message ParseJson(const std::string& json) {
  Message message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &message, options);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return message;
}

const v1::Finding* FindByText(const v1::CheckTextResponse& response,
                              const std::string& claimed_text,
                              const std::string& event) {
  for (const v1::Finding& f : response.findings()) {
    if (f.claim().claimed_text() == claimed_text && f.claim().event() == event)
      return &f;
  }
  return nullptr;
}

using CliTest = ServerFixture;

TEST_F(CliTest, SeedArticleContradictsOnlyTheInvasionDate) {
  const CommandResult run = Cli({"check", SeedFile(), "--json"});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  const auto response = ParseJson<v1::CheckTextResponse>(run.out);
  EXPECT_EQ(response.contradicted_count(), 1);

  int contradicted = 0;
  for (const v1::Finding& f : response.findings()) {
    if (f.verdict() == v1::CONTRADICTED) ++contradicted;
  }
  EXPECT_EQ(contradicted, 1);

  const v1::Finding* invasion =
      FindByText(response, "February 2024", "events/full-scale-invasion");
  ASSERT_NE(invasion, nullptr) << run.out;
  EXPECT_EQ(invasion->verdict(), v1::CONTRADICTED);
  EXPECT_EQ(invasion->claim().claimed_date().value(), "2024-02");
  EXPECT_EQ(invasion->reference_date().value(), "2022-02-24");
  EXPECT_EQ(invasion->suggestion(), "February 2022");
  EXPECT_EQ(invasion->explanation(),
            "The full-scale invasion began on 24 February 2022; the text says "
            "February 2024.");
  ASSERT_GE(invasion->citations_size(), 1);
  EXPECT_EQ(invasion->citations(0).url(),
            "https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine");
  // The span is exactly the words "February 2024" of the text sent (the
  // body after the date header), in UTF-8 bytes and in UTF-16 units.
  const std::string body = SeedBody();
  const v1::TextSpan& span = invasion->claim().span();
  EXPECT_EQ(body.substr(span.begin(), span.end() - span.begin()),
            "February 2024");
  EXPECT_EQ(span.utf16_end() - span.utf16_begin(), 13u);
  EXPECT_EQ(span.line(), 3u);

  const v1::Finding* artillery =
      FindByText(response, "18 January", "events/artillery-coalition");
  ASSERT_NE(artillery, nullptr) << run.out;
  EXPECT_EQ(artillery->verdict(), v1::SUPPORTED);
  EXPECT_EQ(artillery->claim().claimed_date().value(), "2024-01-18");
  EXPECT_EQ(artillery->reference_date().value(), "2024-01-18");

  const v1::Finding* nineteenth =
      FindByText(response, "14 February", "events/udcg-meeting-19");
  ASSERT_NE(nineteenth, nullptr) << run.out;
  EXPECT_EQ(nineteenth->verdict(), v1::SUPPORTED);
  EXPECT_EQ(nineteenth->claim().claimed_date().value(), "2024-02-14");
  EXPECT_EQ(nineteenth->reference_date().value(), "2024-02-14");

  const v1::Finding* seventeenth =
      FindByText(response, "2023", "events/udcg-meeting-17");
  ASSERT_NE(seventeenth, nullptr) << run.out;
  EXPECT_EQ(seventeenth->verdict(), v1::SUPPORTED);
  EXPECT_EQ(seventeenth->claim().claimed_date().value(), "2023");
  EXPECT_EQ(seventeenth->reference_date().value(), "2023-11-22");
}

TEST_F(CliTest, CorrectedSeedArticleExitsZero) {
  const std::string corrected = absl::StrReplaceAll(
      ReadFileOrDie(SeedFile()), {{"February 2024", "February 2022"}});
  const std::string path = dir().File("corrected.txt");
  WriteFileOrDie(path, corrected);
  const CommandResult run = Cli({"check", path, "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto response = ParseJson<v1::CheckTextResponse>(run.out);
  EXPECT_EQ(response.contradicted_count(), 0);
  const v1::Finding* invasion =
      FindByText(response, "February 2022", "events/full-scale-invasion");
  ASSERT_NE(invasion, nullptr);
  EXPECT_EQ(invasion->verdict(), v1::SUPPORTED);
}

TEST_F(CliTest, ReadableReportQuotesTheSentenceAndTheSuggestion) {
  const CommandResult run = Cli({"check", SeedFile()});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("CONTRADICTED"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[February 2024]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("February 2022"), std::string::npos) << run.out;
  // Line 3 of the file, after its date header on line 1.
  EXPECT_NE(run.out.find("seed-article.txt:3:"), std::string::npos) << run.out;
}

TEST_F(CliTest, ChecksStandardInputWithPublishedFlag) {
  const CommandResult run =
      Cli({"check", "-", "--published=2024-02-14", "--json"}, SeedBody());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto response = ParseJson<v1::CheckTextResponse>(run.out);
  EXPECT_EQ(response.contradicted_count(), 1);
}

TEST_F(CliTest, ChecksSeveralFilesEachUnderItsName) {
  const std::string good = dir().File("good.txt");
  WriteFileOrDie(good,
                 "date 2024-03-01 The full-scale invasion began in February "
                 "2022.\n");
  const CommandResult run = Cli({"check", good, SeedFile(), "--json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::vector<std::string> lines =
      absl::StrSplit(run.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_NE(lines[0].find("\"file\":\"" + good + "\""), std::string::npos);
  EXPECT_EQ(ParseJson<v1::CheckTextResponse>(lines[0]).contradicted_count(), 0);
  EXPECT_NE(lines[1].find("seed-article.txt"), std::string::npos);
  EXPECT_EQ(ParseJson<v1::CheckTextResponse>(lines[1]).contradicted_count(), 1);
}

TEST_F(CliTest, MissingPublicationDateIsAUsageError) {
  const std::string path = dir().File("undated.txt");
  WriteFileOrDie(path, "The full-scale invasion began in February 2022.\n");
  const CommandResult run = Cli({"check", path});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no publication date"), std::string::npos) << run.err;
}

TEST_F(CliTest, UnreachableServerExitsTwo) {
  const CommandResult run =
      RunCommand({FACTCHECK_CLI_BINARY, "--server=127.0.0.1:1", "--timeout=5",
                  "check", SeedFile()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot reach"), std::string::npos) << run.err;
}

TEST_F(CliTest, IngestedClaimsSurviveARestart) {
  const CommandResult ingest =
      Cli({"ingest", SeedFile(), "--url=https://example.org/air-defence",
           "--title=Air defence coalition", "--json"});
  ASSERT_EQ(ingest.exit_code, 1) << ingest.out << ingest.err;
  const auto ingested = ParseJson<v1::IngestSourceResponse>(ingest.out);
  EXPECT_EQ(ingested.source().contradicted_count(), 1);
  ASSERT_GT(ingested.findings_size(), 0);

  const CommandResult before = Cli({"claims", "list", "--json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const auto listed = ParseJson<v1::ListClaimsResponse>(before.out);
  EXPECT_EQ(listed.findings_size(), ingested.findings_size());

  StopServer();
  StartServer();

  const CommandResult after = Cli({"claims", "list", "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);

  const CommandResult contradicted =
      Cli({"claims", "list", "--verdict=CONTRADICTED", "--json"});
  ASSERT_EQ(contradicted.exit_code, 0) << contradicted.err;
  const auto only = ParseJson<v1::ListClaimsResponse>(contradicted.out);
  ASSERT_EQ(only.findings_size(), 1);
  EXPECT_EQ(only.findings(0).claim().claimed_text(), "February 2024");
  EXPECT_EQ(only.findings(0).claim().name().rfind(
                ingested.source().name() + "/claims/", 0),
            0u);

  // Ingesting the same article again changes nothing.
  const CommandResult again =
      Cli({"ingest", SeedFile(), "--url=https://example.org/air-defence",
           "--title=Air defence coalition", "--json"});
  const auto reingested = ParseJson<v1::IngestSourceResponse>(again.out);
  EXPECT_TRUE(reingested.unchanged());
  EXPECT_EQ(Cli({"claims", "list", "--json"}).out, before.out);
}

TEST_F(CliTest, ImportWithACorruptLineReportsItAndImportsNothing) {
  const std::string before = Cli({"events", "list", "--json"}).out;
  const std::string path = dir().File("events.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"test-event-one","title":"Test event one","date":{"value":"2020-01-01"},"citations":[{"url":"https://example.org/one"}]})"
      "\n"
      R"({"id":"test-event-two","title":"Test event two","date":{"value":"2020-01-02"},"citations":[{"url":"https://example.org/two"}]})"
      "\n"
      R"({"id":"test-event-three","title":"Test event three","date":{"value":"2020-02-30"},"citations":[{"url":"https://example.org/three"}]})"
      "\n");
  const CommandResult run = Cli({"events", "import", path});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("line 3"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("2020-02-30"), std::string::npos) << run.err;
  EXPECT_EQ(Cli({"events", "list", "--json"}).out, before);
  const CommandResult get = Cli({"events", "get", "test-event-one"});
  EXPECT_EQ(get.exit_code, 2);
  EXPECT_NE(get.err.find("NOT_FOUND"), std::string::npos) << get.err;
}

TEST_F(CliTest, ImportedEventIsUsedByTheNextCheck) {
  const std::string path = dir().File("events.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"kyiv-test-festival","title":"Kyiv Test Festival","aliases":["Test Festival"],"type":"festival","date":{"value":"2021-05-01","granularity":"DAY"},"citations":[{"url":"https://example.org/festival"}]})"
      "\n");
  const CommandResult run = Cli({"events", "import", path});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("imported 1"), std::string::npos) << run.out;

  const CommandResult check =
      Cli({"check", "-", "--published=2024-01-01", "--json"},
          "The Test Festival took place on 1 May 2022.");
  EXPECT_EQ(check.exit_code, 1) << check.err;
  const auto response = ParseJson<v1::CheckTextResponse>(check.out);
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).suggestion(), "1 May 2021");

  // The same file again changes nothing.
  const CommandResult again = Cli({"events", "import", path});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("imported 0, unchanged 1"), std::string::npos)
      << again.out;
}

}  // namespace
}  // namespace factcheck::testing
