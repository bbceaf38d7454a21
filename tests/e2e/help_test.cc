// `--help` of both binaries lists every flag each defines: the server's,
// through Abseil's usage, grouped by the file that defines them; the CLI's
// in its own usage text, grouped by command. The server's flags are also
// read from `--helpfull`, which lists every flag linked in, so that a new
// flag missing from this list fails here; the CLI refuses --helpfull (it
// checks every flag against its commands), so its list is kept by hand.
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace factcheck::testing {
namespace {

// The names of the flags Abseil's usage output lists in the sections of
// files whose name contains `folder` ("Flags from server/main.cc:" then
// lines "    --name (help text); default: ...;").
std::set<std::string> FlagsListedFrom(const std::string& usage,
                                      const std::string& folder) {
  std::set<std::string> names;
  bool in_folder = false;
  for (absl::string_view line : absl::StrSplit(usage, '\n')) {
    if (absl::ConsumePrefix(&line, "  Flags from ")) {
      in_folder = absl::StrContains(line, folder);
      continue;
    }
    if (!in_folder || !absl::ConsumePrefix(&line, "    --")) continue;
    names.insert(std::string(line.substr(0, line.find(' '))));
  }
  return names;
}

const std::set<std::string> kServerFlags = {
    // server/main.cc
    "listen", "data_dir", "reference_file", "sync", "max_text_bytes",
    "max_time_expressions", "max_findings", "max_response_bytes",
    "max_page_size", "max_import_bytes", "claimreview_author",
    "claimreview_author_url", "backup_root", "shutdown_grace_seconds",
    // server/observability_flags.cc
    "log_level",
    // server/http_flags.cc
    "http_listen", "http_cors_origins", "editor_page",
    // server/security_flags.cc
    "tls_cert", "tls_key", "tls_client_ca", "tokens_file",
    "allow_unauthenticated_remote"};

const std::set<std::string> kCliFlags = {
    // client/main.cc
    "server", "json", "timeout", "published", "url", "review_url", "format",
    "all",
    "title", "publisher", "page_size", "page_token", "source", "event",
    "verdict", "strict", "dct", "timeml",
    // client/security_flags.cc
    "token", "tls_ca", "tls_cert", "tls_key", "tls_server_name"};

TEST(HelpTest, ServerHelpListsEveryServerFlagGroupedByFile) {
  const CommandResult full = RunCommand({FACTCHECK_SERVER_BINARY, "--helpfull"});
  EXPECT_EQ(FlagsListedFrom(full.out, "server/"), kServerFlags) << full.out;

  const CommandResult help = RunCommand({FACTCHECK_SERVER_BINARY, "--help"});
  // Abseil's usage flags end the program with 1, having served no one.
  EXPECT_EQ(help.exit_code, 1) << help.err;
  EXPECT_FALSE(absl::StrContains(help.out, "No flags matched")) << help.out;
  EXPECT_EQ(FlagsListedFrom(help.out, "server/"), kServerFlags) << help.out;
  // Only the server's own: no Abseil or gRPC internals.
  EXPECT_EQ(FlagsListedFrom(help.out, ""), kServerFlags) << help.out;
  for (const char* group : {"  Flags from server/main.cc:\n",
                            "  Flags from server/observability_flags.cc:\n",
                            "  Flags from server/http_flags.cc:\n",
                            "  Flags from server/security_flags.cc:\n"}) {
    EXPECT_TRUE(absl::StrContains(help.out, group)) << group << help.out;
  }
  EXPECT_TRUE(absl::StartsWith(help.out, "factcheck-server: factcheck-server "
                                         "--listen=HOST:PORT"))
      << help.out;
}

TEST(HelpTest, ServerHelpshortListsTheSameFlags) {
  const CommandResult help =
      RunCommand({FACTCHECK_SERVER_BINARY, "--helpshort"});
  EXPECT_EQ(FlagsListedFrom(help.out, ""), kServerFlags) << help.out;
}

TEST(HelpTest, CliHelpNamesEveryCliFlag) {
  const CommandResult help = RunCommand({FACTCHECK_CLI_BINARY, "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  std::vector<std::string> missing;
  for (const std::string& flag : kCliFlags) {
    if (!absl::StrContains(help.out, "--" + flag)) missing.push_back(flag);
  }
  EXPECT_EQ(missing, std::vector<std::string>{}) << help.out;
}

}  // namespace
}  // namespace factcheck::testing
