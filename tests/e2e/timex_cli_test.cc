// `factcheck timex`, the real binary, with no server running: the seed
// article's time expressions as JSON and as TimeML, stdin, usage errors.
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {
namespace {

const std::string kSeedFile =
    std::string(FACTCHECK_TEST_DATA_DIR) + "/seed-article.txt";
const std::string kSeedHeader = " date 2024-02-14 ";

// Nothing listens on port 1: a command that tried to reach a server would
// fail, so passing it shows that timex does not.
CommandResult Timex(std::vector<std::string> args,
                    const std::string& input = "") {
  args.insert(args.begin(),
              {FACTCHECK_CLI_BINARY, "--server=127.0.0.1:1", "timex"});
  return RunCommand(args, input);
}

std::string SeedBody() {
  const std::string file = ReadFileOrDie(kSeedFile);
  return file.substr(file.find(kSeedHeader) + kSeedHeader.size());
}

// The TEXT element of a TimeML document with its tags removed and its
// entities replaced: the text as it was before tagging.
std::string TimemlPlainText(const std::string& timeml) {
  const std::size_t begin = timeml.find("<TEXT>") + 6;
  const std::size_t end = timeml.find("</TEXT>");
  std::string plain;
  bool in_tag = false;
  for (char c : timeml.substr(begin, end - begin)) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      plain += c;
    }
  }
  return absl::StrReplaceAll(
      plain, {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}});
}

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct parsed;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &parsed);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return parsed;
}

TEST(TimexCliTest, SeedArticleAsJsonGivesByteOffsetsIntoTheTextAfterTheHeader) {
  const CommandResult run = Timex({kSeedFile, "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  // Exactly one JSON object, on one line.
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << run.out;
  EXPECT_NE(run.out.find(R"({"begin":403,"end":416,"text":"February 2024",)"
                         R"("type":"DATE","value":"2024-02"})"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(R"({"begin":645,"end":655,"text":"18 January",)"
                         R"("type":"DATE","value":"2024-01-18"})"),
            std::string::npos)
      << run.out;

  const google::protobuf::Struct parsed = ParseJson(run.out);
  ASSERT_EQ(parsed.fields().count("timexes"), 1u) << run.out;
  const auto& timexes = parsed.fields().at("timexes").list_value().values();
  ASSERT_GE(timexes.size(), 2);
  const std::string body = SeedBody();
  double previous_end = 0;
  for (const auto& entry : timexes) {
    const auto& f = entry.struct_value().fields();
    const auto begin = static_cast<std::size_t>(f.at("begin").number_value());
    const auto end = static_cast<std::size_t>(f.at("end").number_value());
    EXPECT_GE(static_cast<double>(begin), previous_end);
    EXPECT_EQ(body.substr(begin, end - begin), f.at("text").string_value());
    EXPECT_FALSE(f.at("type").string_value().empty());
    EXPECT_FALSE(f.at("value").string_value().empty());
    previous_end = static_cast<double>(end);
  }
}

TEST(TimexCliTest, SeedArticleAsTimemlTagsDatesAndKeepsTheText) {
  const CommandResult run = Timex({kSeedFile, "--timeml"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("<?xml version=\"1.0\" ?>\n<TimeML ", 0), 0u)
      << run.out;
  EXPECT_NE(run.out.find("<DOCID>seed-article</DOCID>"), std::string::npos);
  EXPECT_NE(run.out.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" "
                         "value=\"2024-02-14\" temporalFunction=\"false\" "
                         "functionInDocument=\"CREATION_TIME\">2024-02-14"
                         "</TIMEX3></DCT>"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("invasion in <TIMEX3 tid=\"t"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(" type=\"DATE\" value=\"2024-02\">February 2024"
                         "</TIMEX3>. Ukraine"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(" type=\"DATE\" value=\"2024-01-18\">18 January"
                         "</TIMEX3>, France"),
            std::string::npos)
      << run.out;
  // The first tag is the article's first date; the header is not text.
  EXPECT_NE(run.out.find("<TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\" "
                         "value=\"2024-02-14\">14 February</TIMEX3>, German"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(TimemlPlainText(run.out), SeedBody());
  EXPECT_EQ(run.out.substr(run.out.size() - 19), "</TEXT>\n\n</TimeML>\n");
}

TEST(TimexCliTest, ReadsStdinWithDctFlagAndPrintsReadableLines) {
  const CommandResult run =
      Timex({"-", "--dct=2024-02-14"},
            "They met on 18 January.\nIt began in February 2022.\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "1:13  DATE      2024-01-18  \"18 January\"\n"
            "2:13  DATE      2022-02     \"February 2022\"\n");
}

TEST(TimexCliTest, DctFlagOverridesTheDateHeader) {
  const CommandResult run = Timex({"-", "--dct", "2021-03-01", "--json"},
                                  "date 2024-02-14\nOn 18 January they met.");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, R"({"timexes":[{"begin":3,"end":13,"text":"18 January",)"
                     R"("type":"DATE","value":"2021-01-18"}]})"
                     "\n");
}

TEST(TimexCliTest, MissingOrBadDctIsAUsageError) {
  CommandResult run = Timex({"-"}, "On 18 January they met.");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "factcheck: timex needs --dct=YYYY-MM-DD, or a file whose first "
            "line starts with 'date YYYY-MM-DD'\n");

  run = Timex({"-", "--dct=2024-02-30"}, "On 18 January they met.");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "factcheck: --dct '2024-02-30' is not a valid date (YYYY-MM-DD)\n");

  run = Timex({kSeedFile, "--json", "--timeml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--json and --timeml exclude each other"),
            std::string::npos)
      << run.err;

  run = Timex({kSeedFile, "--published=2024-02-14"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--published does not apply to timex"),
            std::string::npos)
      << run.err;
}

TEST(TimexCliTest, UnreadableFileFailsNamingIt) {
  TempDir dir;
  const CommandResult run =
      Timex({dir.File("missing.txt"), "--dct=2024-02-14"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("missing.txt: No such file or directory"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace factcheck::testing
