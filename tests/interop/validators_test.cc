// The CLI's machine formats as the tools that consume them read them:
// ClaimReview expanded by the jsonld processor against a local schema.org
// context, with Google's required and recommended properties looked up in
// the expanded graph; SARIF, from an absolute and a relative path, checked
// by ajv against the SARIF 2.1.0 schema and by Microsoft's SARIF
// Multitool, which must report no error and no warning. The tools come
// from npm (scripts/install-npm-tools.sh, run by the ctest fixture
// interop_tools).
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

const std::string kTools = FACTCHECK_NPM_TOOLS_DIR;
const std::string kScripts = FACTCHECK_INTEROP_DIR;

class ValidatorsTest : public ServerFixture {
 protected:
  // Runs tests/interop/`script` with node and `args`.
  CommandResult Node(const std::string& script,
                     const std::vector<std::string>& args) {
    std::vector<std::string> argv = {
        "/usr/bin/env", "NODE_PATH=" + kTools + "/node_modules", "node",
        kScripts + "/" + script};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunCommand(argv);
  }

  // The ClaimReviews of the seed article (`check` with `flags`), expanded
  // and looked through by claimreview_check.js.
  CommandResult CheckClaimReviews(const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"check", SeedFile(),
                                     "--format=claimreview"};
    args.insert(args.end(), flags.begin(), flags.end());
    const CommandResult run = Cli(args);
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    const std::string reviews = dir().File("reviews.jsonl");
    WriteFileOrDie(reviews, run.out);
    return Node("claimreview_check.js",
                {kScripts + "/schemaorg-context.jsonld", reviews});
  }

  // The SARIF log of `check FILE`, checked by ajv and the Multitool.
  CommandResult CheckSarif(const std::string& file,
                           const std::vector<std::string>& flags) {
    std::vector<std::string> args = {"check", file, "--format=sarif"};
    args.insert(args.end(), flags.begin(), flags.end());
    const CommandResult run = Cli(args);
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    const std::string log = dir().File("check.sarif");
    WriteFileOrDie(log, run.out);
    return Node("sarif_check.js", {kTools, log, dir().File("")});
  }
};

TEST_F(ValidatorsTest, ClaimReviewExpandsWithEveryPropertyGoogleAsksFor) {
  StopServer();
  StartServer({"--claimreview_author=Example Desk",
               "--claimreview_author_url=https://desk.example"});
  const CommandResult check = CheckClaimReviews(
      {"--url=https://example.org/seed",
       "--review_url=https://desk.example/checks/seed",
       "--publisher=Example News"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const std::string today = absl::FormatCivilTime(
      absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()));
  EXPECT_EQ(check.out,
            absl::StrCat(
                "review 1: @type http://schema.org/ClaimReview\n"
                "  required url: https://desk.example/checks/seed\n"
                "  required claimReviewed: full-scale invasion in February "
                "2024\n"
                "  required reviewRating: (http://schema.org/Rating)\n"
                "  required reviewRating.alternateName: False\n"
                "  recommended author: (http://schema.org/Organization)\n"
                "  recommended author.name: Example Desk\n"
                "  recommended author.url: https://desk.example\n"
                "  recommended datePublished: ",
                today,
                "\n"
                "  recommended itemReviewed: (http://schema.org/Claim)\n"
                "  recommended itemReviewed.author: "
                "(http://schema.org/Organization)\n"
                "  recommended itemReviewed.author.name: Example News\n"
                "  recommended itemReviewed.datePublished: 2024-02-14\n"
                "  recommended itemReviewed.appearance: "
                "(http://schema.org/CreativeWork)\n"
                "  recommended itemReviewed.appearance.url: "
                "https://example.org/seed\n"
                "  recommended reviewRating.ratingValue: 1\n"
                "  recommended reviewRating.bestRating: 5\n"
                "  recommended reviewRating.worstRating: 1\n"
                "  claimReviewed length: 36 (under 75)\n"));
}

TEST_F(ValidatorsTest, ClaimReviewUrlDefaultsToTheAuthorsUrl) {
  StopServer();
  StartServer({"--claimreview_author_url=https://desk.example"});
  const CommandResult check = CheckClaimReviews({});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("  required url: https://desk.example\n"),
            std::string::npos)
      << check.out;
}

TEST_F(ValidatorsTest, SarifFromAnAbsolutePathPassesAjvAndTheMultitool) {
  const CommandResult check = CheckSarif(SeedFile(), {});
  EXPECT_EQ(check.out, "ajv: valid\nmultitool: no results\n") << check.err;
  EXPECT_EQ(check.exit_code, 0);
}

TEST_F(ValidatorsTest, SarifFromARelativePathPassesAjvAndTheMultitool) {
  const std::string relative =
      std::filesystem::relative(SeedFile(), std::filesystem::current_path());
  ASSERT_NE(relative.front(), '/');
  const CommandResult check = CheckSarif(relative, {});
  EXPECT_EQ(check.out, "ajv: valid\nmultitool: no results\n") << check.err;
  EXPECT_EQ(check.exit_code, 0);
}

TEST_F(ValidatorsTest, SarifWithSupportedClaimsPassesAjvAndTheMultitool) {
  const CommandResult check = CheckSarif(SeedFile(), {"--all"});
  EXPECT_EQ(check.out, "ajv: valid\nmultitool: no results\n") << check.err;
  EXPECT_EQ(check.exit_code, 0);
}

}  // namespace
}  // namespace factcheck::testing
