// The editor page in a real browser: editor_check.js drives Debian's
// Chromium (headless, through puppeteer-core from npm, installed by the
// ctest fixture interop_tools) against the real server started with
// --editor_page, and what it saw must be exactly this. It leaves a
// screenshot of the page, the contradicted claim's card open, in the
// build tree (FACTCHECK_SCREENSHOT); the README's is one of these.
#include <string>

#include "gtest/gtest.h"
#include "tests/e2e/server_fixture.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

class EditorPageTest : public ServerFixture {
 protected:
  void SetUp() override { StartServer({"--editor_page"}); }
};

TEST_F(EditorPageTest, MarksTheFoundingArticlesClaimsAndAppliesTheSuggestion) {
  const CommandResult run = RunCommand(
      {"/usr/bin/env", "NODE_PATH=" FACTCHECK_NPM_TOOLS_DIR "/node_modules",
       "node", FACTCHECK_BROWSER_TEST_DIR "/editor_check.js",
       "http://" + server().http_address() + "/", SeedFile(),
       FACTCHECK_SCREENSHOT});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(
      run.out,
      "title: factcheck — check the dates in your copy\n"
      "unlabelled controls: 0\n"
      "status: 6 claims: 1 contradicted, 5 supported.\n"
      "contradicted marks: \"February 2024\" -> \"February 2022\"\n"
      "card: Contradicted: “February 2024” | Russian full-scale invasion of "
      "Ukraine | The full-scale invasion began on 24 February 2022; the text "
      "says February 2024.\n"
      "card button: Replace with “February 2022”\n"
      "card cites: https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine\n"
      "Tab reaches: Replace with “February 2022”\n"
      "after applying: \"February 2022\" is SUPPORTED; 0 contradicted\n"
      "status: 6 claims: 6 supported.\n"
      "after emoji: \"14 February\" SUPPORTED, \"February 2024\" CONTRADICTED, "
      "\"18 January\" SUPPORTED, \"today\" SUPPORTED, \"14 February\" "
      "SUPPORTED, \"2023\" SUPPORTED\n");
}

}  // namespace
}  // namespace factcheck::testing
