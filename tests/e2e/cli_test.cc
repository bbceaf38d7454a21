// The factcheck CLI against a real server: the founding article checked end
// to end, exit codes, stdin, ingest, persistence across restarts, import.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "factcheck/v1/fact_check_service.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/support/compress.h"

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

TEST_F(CliTest, HealthSaysServingAndExitsZero) {
  const CommandResult run = Cli({"health"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "SERVING\n");
  const CommandResult json = Cli({"health", "--json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out, "{\"status\":\"SERVING\"}\n");
  const std::string address = server().address();
  StopServer();
  const CommandResult down =
      RunCommand({FACTCHECK_CLI_BINARY, "--server=" + address, "health"});
  EXPECT_EQ(down.exit_code, 2);
  EXPECT_NE(down.err.find("cannot reach the factcheck server"),
            std::string::npos)
      << down.err;
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
  const CommandResult run = Cli({"events", "import", path, "--strict"});
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

TEST_F(CliTest, ConflictsListShowsEachSideWithItsSources) {
  // A series without a date: only the sources can be compared.
  const std::string path = dir().File("events.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"zorya-summit","title":"Zorya summit","type":"series","citations":[{"url":"https://example.org/zorya"}]})"
      "\n");
  ASSERT_EQ(Cli({"events", "import", path}).exit_code, 0);
  EXPECT_EQ(Cli({"conflicts", "list"}).out, "");

  const CommandResult a = Cli({"ingest", "-", "--url=https://a.example/z",
                               "--published=2023-07-01", "--json"},
                              "The Zorya summit opened on 23 June 2023.");
  ASSERT_EQ(a.exit_code, 0) << a.out << a.err;
  const CommandResult b = Cli({"ingest", "-", "--url=https://b.example/z",
                               "--published=2023-07-01", "--json"},
                              "The Zorya summit opened on 24 June 2023.");
  // The other source contradicts it.
  ASSERT_EQ(b.exit_code, 1) << b.out << b.err;
  const std::string a_name =
      ParseJson<v1::IngestSourceResponse>(a.out).source().name();
  const auto b_response = ParseJson<v1::IngestSourceResponse>(b.out);
  const std::string b_name = b_response.source().name();
  ASSERT_EQ(b_response.findings_size(), 2);
  EXPECT_EQ(b_response.findings(1).kind(), v1::ACROSS_SOURCES);

  const CommandResult table = Cli({"conflicts", "list"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out, absl::StrCat("events/zorya-summit  2023-06-23  ", a_name,
                                    "  Zorya summit\n",
                                    "events/zorya-summit  2023-06-24  ", b_name,
                                    "  Zorya summit\n"));

  const CommandResult json = Cli({"conflicts", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto listed = ParseJson<v1::ListConflictsResponse>(json.out);
  ASSERT_EQ(listed.conflicts_size(), 1);
  ASSERT_EQ(listed.conflicts(0).sides_size(), 2);
  EXPECT_EQ(listed.conflicts(0).sides(0).claims(0), a_name + "/claims/1");
  EXPECT_EQ(listed.conflicts(0).sides(1).claims(0), b_name + "/claims/1");
}

// Two imported events share the alias "Test Summit" and neither date fits
// March 2023: that claim matches nothing and is reported only with --all.
TEST_F(CliTest, ClaimsThatMatchNothingAreReportedOnlyWithAll) {
  const std::string path = dir().File("summits.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"test-summit-2021","title":"2021 Tallinn Test Summit","aliases":["Test Summit"],"type":"summit","date":{"value":"2021-05-01","granularity":"DAY"},"citations":[{"url":"https://example.org/summit-2021"}]})"
      "\n"
      R"({"id":"test-summit-2022","title":"2022 Riga Test Summit","aliases":["Test Summit"],"type":"summit","date":{"value":"2022-06-01","granularity":"DAY"},"citations":[{"url":"https://example.org/summit-2022"}]})"
      "\n");
  ASSERT_EQ(Cli({"events", "import", path}).exit_code, 0);
  const std::string text =
      "The Test Summit took place in March 2023. The full-scale invasion "
      "began in February 2022.\n";

  const CommandResult plain =
      Cli({"check", "-", "--published=2024-01-01"}, text);
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out,
            "<stdin>: 1 claim, 0 contradicted\n"
            "<stdin>:1:76: SUPPORTED \"February 2022\" — Russian full-scale "
            "invasion of Ukraine\n"
            "  The full-scale invasion began in [February 2022].\n");

  const CommandResult all =
      Cli({"check", "-", "--published=2024-01-01", "--all"}, text);
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out,
            "<stdin>: 2 claims, 0 contradicted, 1 unverifiable\n"
            "<stdin>:1:31: UNVERIFIABLE \"March 2023\"\n"
            "  The Test Summit took place in [March 2023].\n"
            "  \"Test Summit\" may mean 2021 Tallinn Test Summit or 2022 Riga "
            "Test Summit; the reference cannot tell which.\n"
            "<stdin>:1:76: SUPPORTED \"February 2022\" — Russian full-scale "
            "invasion of Ukraine\n"
            "  The full-scale invasion began in [February 2022].\n");
}

// Member `key` of a JSON object; element `i` of a JSON array.
const google::protobuf::Value& At(const google::protobuf::Value& object,
                                  const std::string& key) {
  return object.struct_value().fields().at(key);
}
const google::protobuf::Value& At(const google::protobuf::Value& array, int i) {
  return array.list_value().values(i);
}

TEST_F(CliTest, SarifHasOneErrorAtTheInvasionDateWithItsFix) {
  const CommandResult run = Cli({"check", SeedFile(), "--format=sarif"});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  const auto log = ParseJson<google::protobuf::Value>(run.out);
  EXPECT_EQ(At(log, "version").string_value(), "2.1.0");
  EXPECT_EQ(At(log, "$schema").string_value(),
            "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(At(log, "runs").list_value().values_size(), 1);
  const google::protobuf::Value& sarif_run = At(At(log, "runs"), 0);
  EXPECT_EQ(At(At(At(sarif_run, "tool"), "driver"), "name").string_value(),
            "factcheck");
  std::vector<google::protobuf::Value> errors;
  for (const auto& result : At(sarif_run, "results").list_value().values()) {
    if (At(result, "level").string_value() == "error") errors.push_back(result);
  }
  ASSERT_EQ(errors.size(), 1u) << run.out;
  // The supported claims, "note" results, only with --all.
  EXPECT_EQ(At(sarif_run, "results").list_value().values_size(), 1) << run.out;
  EXPECT_EQ(At(errors[0], "ruleId").string_value(), "REFERENCE");
  const google::protobuf::Value& location =
      At(At(At(errors[0], "locations"), 0), "physicalLocation");
  // An absolute path is a file:// URI (here one without characters to
  // escape).
  EXPECT_EQ(At(At(location, "artifactLocation"), "uri").string_value(),
            "file://" + SeedFile());
  const google::protobuf::Value& region = At(location, "region");
  EXPECT_EQ(At(region, "startLine").number_value(), 3);
  EXPECT_EQ(At(region, "endLine").number_value(), 3);
  EXPECT_EQ(At(region, "endColumn").number_value() -
                At(region, "startColumn").number_value(),
            13);
  const google::protobuf::Value& replacement =
      At(At(At(At(At(errors[0], "fixes"), 0), "artifactChanges"), 0),
         "replacements");
  EXPECT_EQ(
      At(At(At(replacement, 0), "insertedContent"), "text").string_value(),
      "February 2022");
}

TEST_F(CliTest, ClaimReviewHasOneFalseRatingForTheGivenUrl) {
  StopServer();
  StartServer({"--claimreview_author=Example Desk"});
  const CommandResult run = Cli({"check", SeedFile(), "--format=claimreview",
                                 "--url=https://example.org/seed"});
  ASSERT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;
  const auto reviews = ParseJson<google::protobuf::Value>(run.out);
  ASSERT_EQ(reviews.list_value().values_size(), 1) << run.out;
  const google::protobuf::Value& review = At(reviews, 0);
  EXPECT_EQ(At(review, "@type").string_value(), "ClaimReview");
  EXPECT_EQ(At(At(review, "reviewRating"), "alternateName").string_value(),
            "False");
  const google::protobuf::Value& appearance =
      At(At(review, "itemReviewed"), "appearance");
  EXPECT_EQ(At(appearance, "url").string_value(), "https://example.org/seed");
  EXPECT_EQ(At(appearance, "datePublished").string_value(), "2024-02-14");
  EXPECT_EQ(At(At(review, "author"), "name").string_value(), "Example Desk");

  // --url names one document; --json and another format exclude each other.
  EXPECT_EQ(
      Cli({"check", SeedFile(), SeedFile(), "--url=https://x.org"}).exit_code,
      2);
  EXPECT_EQ(Cli({"check", SeedFile(), "--json", "--format=sarif"}).exit_code,
            2);
  EXPECT_EQ(Cli({"check", SeedFile(), "--format=xml"}).exit_code, 2);
}

TEST_F(CliTest, EventsSearchPrintsTheBestMatchFirst) {
  const CommandResult run =
      Cli({"events", "search", "Kakhovka", "dam", "breach", "--page_size=2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("events/kakhovka-dam-destruction ", 0), 0u)
      << run.out;
  EXPECT_NE(run.out.find("2023-06-06"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("(as \"Kakhovka dam breach\")"), std::string::npos)
      << run.out;
}

TEST_F(CliTest, RpcErrorsArePrintedWithTheirCodeAndExitTwo) {
  const std::string path = dir().File("empty.txt");
  WriteFileOrDie(path, "date 2024-02-14 ");
  const CommandResult run = Cli({"check", path});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: CheckText failed: INVALID_ARGUMENT: text is empty\n");
}

TEST_F(CliTest, OneFailedDocumentAmongSeveralFailsTheRun) {
  const std::string wrong = dir().File("wrong.txt");
  WriteFileOrDie(wrong, "The full-scale invasion began in February 2024.");
  const std::string empty = dir().File("empty.txt");
  WriteFileOrDie(empty, "");
  const std::string missing = dir().File("missing.txt");
  const CommandResult run =
      Cli({"check", wrong, empty, missing, "--published=2024-03-01"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(
      run.err.find(empty + ": not checked: INVALID_ARGUMENT: text is empty"),
      std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(missing + ": No such file"), std::string::npos)
      << run.err;
  EXPECT_NE(run.out.find(wrong + ":1:34: CONTRADICTED"), std::string::npos)
      << run.out;
}

TEST_F(CliTest, ListsFollowPageTokensUnlessAPageIsAskedFor) {
  ASSERT_EQ(
      Cli({"ingest", SeedFile(), "--url=https://example.org/a"}).exit_code, 1);
  const CommandResult all = Cli({"claims", "list"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const std::vector<std::string> rows =
      absl::StrSplit(all.out, '\n', absl::SkipEmpty());
  EXPECT_EQ(rows.size(), 6u) << all.out;

  const CommandResult page = Cli({"claims", "list", "--page_size=2"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  const std::vector<std::string> page_rows =
      absl::StrSplit(page.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(page_rows.size(), 3u) << page.out;
  // Columns are aligned per page, so rows are compared by claim name.
  const auto name = [](const std::string& row) {
    return row.substr(0, row.find(' '));
  };
  EXPECT_EQ(name(page_rows[0]), name(rows[0]));
  EXPECT_EQ(name(page_rows[1]), name(rows[1]));
  EXPECT_EQ(page_rows[2].rfind("next page: --page_token=", 0), 0u);

  const std::string token = page_rows[2].substr(page_rows[2].find('=') + 1);
  const CommandResult next =
      Cli({"claims", "list", "--page_size=2", "--page_token=" + token});
  const std::vector<std::string> next_rows =
      absl::StrSplit(next.out, '\n', absl::SkipEmpty());
  ASSERT_GE(next_rows.size(), 2u) << next.out;
  EXPECT_EQ(name(next_rows[0]), name(rows[2]));
}

TEST_F(CliTest, ImportsAFileLargerThanOneChunk) {
  // Over the CLI's 1 MiB chunks, so lines span chunk boundaries.
  std::string jsonl;
  int count = 0;
  while (jsonl.size() < 1500 * 1024) {
    jsonl += absl::StrCat(
        R"({"id":"bulk-event-)", count, R"(","title":"Bulk event )", count,
        R"(","type":"test","date":{"value":"2001-02-03"},"citations":[{"url":"https://example.org/bulk/)",
        count, R"("}]})", "\n");
    ++count;
  }
  const std::string path = dir().File("bulk.jsonl");
  WriteFileOrDie(path, jsonl);
  const CommandResult run = Cli({"events", "import", path});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            absl::StrCat("imported ", count, ", unchanged 0, skipped 0\n"));
  const CommandResult last =
      Cli({"events", "get", absl::StrCat("bulk-event-", count - 1), "--json"});
  EXPECT_EQ(last.exit_code, 0) << last.err;
  EXPECT_NE(last.out.find("2001-02-03"), std::string::npos);
}

TEST_F(CliTest, ImportByDefaultSkipsAndCountsBadLinesAndKeepsTheGoodOnes) {
  const std::string path = dir().File("mixed.jsonl");
  WriteFileOrDie(
      path,
      R"({"id":"good-one","title":"Good one","date":{"value":"2020"},"citations":[{"url":"https://example.org/g"}]})"
      "\nnot json\n");
  const CommandResult run = Cli({"events", "import", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("imported 1, unchanged 0, skipped 1"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("line 2: not a valid event"), std::string::npos)
      << run.out;
}

// The Wikidata fixture (tests/data/wikidata-fixture.json) is in the real
// dump format; its .gz and .bz2 copies are made here.
std::string WikidataFixture() {
  return ReadFileOrDie(std::string(FACTCHECK_TEST_DATA_DIR) +
                       "/wikidata-fixture.json");
}

TEST_F(CliTest, ImportsTheWikidataFixtureWithItsDatesAndPrecisions) {
  const std::string path = dir().File("wikidata.json");
  WriteFileOrDie(path, WikidataFixture());
  const CommandResult run = Cli({"events", "import", path});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "imported 7, unchanged 0, skipped 0, ignored 4 (not dated "
            "events)\n");

  const auto get = [&](const std::string& id) {
    const CommandResult got = Cli({"events", "get", id, "--json"});
    EXPECT_EQ(got.exit_code, 0) << got.err;
    return ParseJson<v1::Event>(got.out);
  };
  const v1::Event day = get("wikidata-q99999001");
  EXPECT_EQ(day.title(), "Fixture event (day precision)");
  EXPECT_EQ(day.date().value(), "2022-02-24");
  EXPECT_EQ(day.date().granularity(), v1::DAY);
  EXPECT_EQ(day.origin(), "wikidata:Q99999001");
  EXPECT_EQ(day.citations(0).url(), "https://www.wikidata.org/wiki/Q99999001");
  const v1::Event month = get("wikidata-q99999002");
  EXPECT_EQ(month.date().value(), "2021-05");
  EXPECT_EQ(month.date().granularity(), v1::MONTH);
  const v1::Event year = get("wikidata-q99999003");
  EXPECT_EQ(year.date().value(), "2019");
  EXPECT_EQ(year.date().granularity(), v1::YEAR);
  const v1::Event lasting = get("wikidata-q99999004");
  EXPECT_EQ(lasting.start().value(), "2014-02-20");
  EXPECT_EQ(lasting.end().value(), "2014-03-18");
  const v1::Event meeting = get("wikidata-q99999005");
  EXPECT_EQ(meeting.series().series(), "wikidata-q99999010");
  EXPECT_EQ(meeting.series().ordinal(), 19);
  // Entities that are not dated events were left out.
  EXPECT_EQ(Cli({"events", "get", "wikidata-q99999006"}).exit_code, 2);

  // The imported events are used by the next check.
  const CommandResult check =
      Cli({"check", "-", "--published=2024-01-01", "--json"},
          "The Fixture day event took place on 25 February 2022.");
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;

  // The same file again, compressed or not, changes nothing.
  const CommandResult again = Cli({"events", "import", path});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("imported 0, unchanged 7, skipped 0"),
            std::string::npos)
      << again.out;
}

TEST_F(CliTest, ImportsGzipAndBzip2CompressedDumps) {
  const std::string gz = dir().File("wikidata.json.gz");
  WriteFileOrDie(gz, GzipCompress(WikidataFixture()));
  const CommandResult from_gz = Cli({"events", "import", gz});
  ASSERT_EQ(from_gz.exit_code, 0) << from_gz.err;
  EXPECT_NE(from_gz.out.find("imported 7, unchanged 0"), std::string::npos)
      << from_gz.out;

  const std::string bz2 = dir().File("wikidata.json.bz2");
  WriteFileOrDie(bz2, Bzip2Compress(WikidataFixture()));
  // From stdin too: the format comes from the content, not the name.
  const CommandResult from_bz2 =
      Cli({"events", "import", "-", "--json"}, ReadFileOrDie(bz2));
  ASSERT_EQ(from_bz2.exit_code, 0) << from_bz2.err;
  const auto response = ParseJson<v1::ImportEventsResponse>(from_bz2.out);
  EXPECT_TRUE(response.done());
  EXPECT_EQ(response.imported(), 0);
  EXPECT_EQ(response.unchanged(), 7);
  EXPECT_EQ(response.ignored(), 4);
  EXPECT_EQ(response.progress().format(), "wikidata.bz2");
}

TEST_F(CliTest, StrictImportOfADumpWithABadLineWritesNothing) {
  const std::string before = Cli({"events", "list", "--json"}).out;
  std::string dump = WikidataFixture();
  // A truncated entity as the last line before the closing bracket.
  dump.insert(dump.rfind("]"),
              "{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\n");
  const std::string path = dir().File("bad.json.gz");
  WriteFileOrDie(path, GzipCompress(dump));
  const CommandResult strict = Cli({"events", "import", path, "--strict"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("line 13: not valid JSON"), std::string::npos)
      << strict.err;
  EXPECT_NE(strict.err.find("nothing was imported"), std::string::npos);
  EXPECT_EQ(Cli({"events", "list", "--json"}).out, before);

  // Without --strict the good entities go in and the bad line is reported.
  const CommandResult lenient = Cli({"events", "import", path});
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.out.find("imported 7, unchanged 0, skipped 1"),
            std::string::npos)
      << lenient.out;
  EXPECT_NE(lenient.out.find("line 13: not valid JSON"), std::string::npos)
      << lenient.out;
}

}  // namespace
}  // namespace factcheck::testing
