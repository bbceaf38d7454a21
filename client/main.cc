// factcheck: the command-line client of the factcheck service. Parses the
// command line, checks it against the command's synopsis, and hands over to
// the command's function in commands.h. Every command but `timex` speaks
// only gRPC; `timex` runs the engine's tagger in-process (timex.h).
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/commands.h"
#include "client/connection.h"
#include "client/exit_code.h"
#include "client/flag_check.h"
#include "client/security_flags.h"
#include "client/timex.h"

ABSL_FLAG(std::string, server, "",
          "HOST:PORT of the factcheck server (default: $FACTCHECK_SERVER, "
          "else localhost:50051)");
ABSL_FLAG(bool, json, false, "print machine-readable JSON");
ABSL_FLAG(double, timeout, 30, "deadline for each call, in seconds");
ABSL_FLAG(std::optional<std::string>, published, std::nullopt,
          "publication date, YYYY-MM-DD (check, ingest)");
ABSL_FLAG(std::optional<std::string>, url, std::nullopt,
          "the source's canonical URL (ingest; check, for ClaimReview)");
ABSL_FLAG(std::optional<std::string>, review_url, std::nullopt,
          "the page that publishes the ClaimReviews, their url (check)");
ABSL_FLAG(std::optional<std::string>, format, std::nullopt,
          "output of check: text (default), json (as --json), claimreview "
          "(schema.org ClaimReview JSON-LD) or sarif (SARIF 2.1.0)");
ABSL_FLAG(bool, all, false,
          "also report claims that match nothing in the reference (check)");
ABSL_FLAG(std::optional<std::string>, title, std::nullopt,
          "the source's headline (ingest)");
ABSL_FLAG(std::optional<std::string>, publisher, std::nullopt,
          "the source's publisher (ingest; check, for ClaimReview)");
ABSL_FLAG(std::optional<int>, page_size, std::nullopt,
          "items per page; print that page only (list commands)");
ABSL_FLAG(std::optional<std::string>, page_token, std::nullopt,
          "print the page after a previous one (list commands)");
ABSL_FLAG(std::optional<std::string>, source, std::nullopt,
          "only this source's claims (claims list)");
ABSL_FLAG(std::optional<std::string>, event, std::nullopt,
          "only claims about this event (claims list)");
ABSL_FLAG(std::optional<std::string>, verdict, std::nullopt,
          "only claims with this verdict: SUPPORTED, CONTRADICTED or "
          "UNVERIFIABLE (claims list)");
ABSL_FLAG(bool, strict, false,
          "fail the whole import, writing nothing, at the first bad line "
          "(events import); by default bad lines are skipped and counted");
ABSL_FLAG(std::optional<std::string>, dct, std::nullopt,
          "document creation time, YYYY-MM-DD, that relative dates are read "
          "against (timex)");
ABSL_FLAG(bool, timeml, false,
          "print the text as a TimeML document with TIMEX3 tags (timex)");

namespace factcheck::client {
namespace {

constexpr absl::string_view kDefaultServer = "localhost:50051";

constexpr absl::string_view kUsage =
    R"(usage: factcheck [--server=HOST:PORT] [--json] [--timeout=SECONDS] COMMAND ...

Checks the dates of events in news copy against the factcheck server's
reference events.

commands:
  check FILE...|-        [--published=YYYY-MM-DD]   check texts (stdin with -); stores nothing
        [--all] [--format=text|json|claimreview|sarif] [--url=URL]
        [--review_url=URL] [--publisher=P]
  ingest FILE|- --url=URL [--title=T] [--publisher=P] [--published=YYYY-MM-DD]
  sources list [--page_size=N] [--page_token=T]
  sources get ID|sources/ID
  sources delete ID|sources/ID
  claims list [--source=ID] [--event=ID] [--verdict=SUPPORTED|CONTRADICTED|UNVERIFIABLE] [--page_size=N] [--page_token=T]
  conflicts list [--page_size=N] [--page_token=T]   events sources date
                                              differently, one row a side
  events list [--page_size=N] [--page_token=T]
  events search WORDS...  [--page_size=N]           find events by name
  events get ID|events/ID
  events import FILE|- [--strict]              JSON Lines or a Wikidata dump,
                                              plain, .gz or .bz2
  timex FILE|- [--dct=YYYY-MM-DD] [--timeml]  time expressions, tagged here
                                              without a server
  health                                      SERVING (exit 0), NOT_SERVING
                                              or UNKNOWN (exit 1); no token
  admin backup DIR                            the server writes a copy of its
                                              database into DIR, a new
                                              directory given by its absolute
                                              path on the server's host,
                                              inside its --backup_root

A text's publication date comes from --published (--dct for timex) or from
a first line starting with "date YYYY-MM-DD", which is not sent as part of
the text.
Lists print every page unless --page_size or --page_token is given.

flags:
  --server=HOST:PORT   default $FACTCHECK_SERVER, else localhost:50051
  --json               machine-readable output (JSON Lines for check, one
                       object {"timexes":[...]} for timex)
  --timeout=SECONDS    deadline for each call (default 30)

security flags (see README.md, "Security"):
  --tls_ca=FILE        speak TLS, checking the server's certificate against
                       this CA (PEM)
  --tls_cert=FILE --tls_key=FILE
                       client certificate, for servers that require one
  --tls_server_name=NAME
                       the name in the server's certificate, when not the
                       host in --server
  --token=TOKEN        bearer token sent with every call (default
                       $FACTCHECK_TOKEN, which keeps it out of `ps`); needs
                       --tls_ca

check flags:
  --all                also report claims that match nothing in the
                       reference (an ambiguous name, an event without the
                       date the claim gives)
  --format=FORMAT      text (default); json (as --json); claimreview:
                       schema.org ClaimReview JSON-LD, one array per file
                       and line; sarif: one SARIF 2.1.0 log for all files
  --url=URL            the checked file's URL, for ClaimReview (one file)
  --review_url=URL     the page that publishes the ClaimReviews: their
                       url, which Google requires (default: the server's
                       --claimreview_author_url)
  --publisher=P        who made the claims: the ClaimReviews'
                       itemReviewed.author
  --all with sarif     also SUPPORTED claims, as "note" results; by default
                       a SARIF log has only what needs an edit

exit status: 0 nothing contradicted or success, 1 something contradicted
(check, ingest), 2 usage error, unreadable file, unreachable server or
failed call.
)";

using Operands = std::vector<std::string>;
using Handler =
    std::function<int(Connection&, const OutputOptions&, const Operands&)>;
// For the commands that run here, without a server.
using LocalHandler = std::function<int(const OutputOptions&, const Operands&)>;

// A command's synopsis: what it accepts and who runs it.
struct Command {
  absl::string_view name;
  absl::string_view synopsis;
  // The command-specific flags it reads; others given with it are errors.
  std::vector<absl::string_view> flags;
  std::size_t min_operands;
  std::size_t max_operands;
  Handler run;
  // Set instead of `run` for a command that needs no server.
  LocalHandler run_local = nullptr;
};

PageOptions PageFlags() {
  return {.page_size = absl::GetFlag(FLAGS_page_size),
          .page_token = absl::GetFlag(FLAGS_page_token)};
}

const std::vector<Command>& Commands() {
  static const auto* const commands = new std::vector<Command>{
      {"check",
       "check FILE...|- [--published=YYYY-MM-DD] [--all] "
       "[--format=text|json|claimreview|sarif] [--url=URL] "
       "[--review_url=URL] [--publisher=P]",
       {"published", "all", "format", "url", "review_url", "publisher"},
       1,
       SIZE_MAX,
       [](Connection& c, const OutputOptions& o, const Operands& files) {
         CheckFormat format = o.json ? CheckFormat::kJson : CheckFormat::kText;
         if (const auto name = absl::GetFlag(FLAGS_format); name.has_value()) {
           format = *ParseCheckFormat(*name);  // Checked in Run().
         }
         return Check(c, o, files,
                      {.published = absl::GetFlag(FLAGS_published),
                       .format = format,
                       .include_unverifiable = absl::GetFlag(FLAGS_all),
                       .url = absl::GetFlag(FLAGS_url).value_or(""),
                       .review_url = absl::GetFlag(FLAGS_review_url).value_or(""),
                       .publisher =
                           absl::GetFlag(FLAGS_publisher).value_or("")});
       }},
      {"ingest",
       "ingest FILE|- --url=URL [--title=T] [--publisher=P] "
       "[--published=YYYY-MM-DD]",
       {"url", "title", "publisher", "published"},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& files) {
         return Ingest(
             c, o,
             {.path = files[0],
              .url = absl::GetFlag(FLAGS_url).value_or(""),
              .title = absl::GetFlag(FLAGS_title).value_or(""),
              .publisher = absl::GetFlag(FLAGS_publisher).value_or(""),
              .published = absl::GetFlag(FLAGS_published)});
       }},
      {"sources list",
       "sources list [--page_size=N] [--page_token=T]",
       {"page_size", "page_token"},
       0,
       0,
       [](Connection& c, const OutputOptions& o, const Operands&) {
         return ListSources(c, o, PageFlags());
       }},
      {"sources get",
       "sources get ID|sources/ID",
       {},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& ids) {
         return GetSource(c, o, ids[0]);
       }},
      {"sources delete",
       "sources delete ID|sources/ID",
       {},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& ids) {
         return DeleteSource(c, o, ids[0]);
       }},
      {"claims list",
       "claims list [--source=ID] [--event=ID] "
       "[--verdict=SUPPORTED|CONTRADICTED|UNVERIFIABLE] [--page_size=N] "
       "[--page_token=T]",
       {"source", "event", "verdict", "page_size", "page_token"},
       0,
       0,
       [](Connection& c, const OutputOptions& o, const Operands&) {
         return ListClaims(c, o,
                           {.source = absl::GetFlag(FLAGS_source),
                            .event = absl::GetFlag(FLAGS_event),
                            .verdict = absl::GetFlag(FLAGS_verdict)},
                           PageFlags());
       }},
      {"conflicts list",
       "conflicts list [--page_size=N] [--page_token=T]",
       {"page_size", "page_token"},
       0,
       0,
       [](Connection& c, const OutputOptions& o, const Operands&) {
         return ListConflicts(c, o, PageFlags());
       }},
      {"events list",
       "events list [--page_size=N] [--page_token=T]",
       {"page_size", "page_token"},
       0,
       0,
       [](Connection& c, const OutputOptions& o, const Operands&) {
         return ListEvents(c, o, PageFlags());
       }},
      {"events search",
       "events search WORDS... [--page_size=N]",
       {"page_size"},
       1,
       64,
       [](Connection& c, const OutputOptions& o, const Operands& words) {
         return SearchEvents(c, o, absl::StrJoin(words, " "),
                             absl::GetFlag(FLAGS_page_size));
       }},
      {"events get",
       "events get ID|events/ID",
       {},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& ids) {
         return GetEvent(c, o, ids[0]);
       }},
      {"events import",
       "events import FILE|- [--strict]",
       {"strict"},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& files) {
         return ImportEvents(c, o, files[0], absl::GetFlag(FLAGS_strict));
       }},
      {"admin backup",
       "admin backup DIR",
       {},
       1,
       1,
       [](Connection& c, const OutputOptions& o, const Operands& dirs) {
         return BackupDatabase(c, o, dirs[0]);
       }},
      {"health",
       "health",
       {},
       0,
       0,
       [](Connection& c, const OutputOptions& o, const Operands&) {
         return Health(c, o);
       }},
      {"timex",
       "timex FILE|- [--dct=YYYY-MM-DD] [--json|--timeml]",
       {"dct", "timeml"},
       1,
       1,
       nullptr,
       [](const OutputOptions& o, const Operands& files) {
         TimexFormat format = TimexFormat::kLines;
         if (o.json) format = TimexFormat::kJson;
         if (absl::GetFlag(FLAGS_timeml)) format = TimexFormat::kTimeml;
         return Timex({.path = files[0],
                       .dct = absl::GetFlag(FLAGS_dct),
                       .format = format});
       }},
  };
  return *commands;
}

// The command-specific flags given on the command line.
std::vector<absl::string_view> GivenCommandFlags() {
  std::vector<absl::string_view> given;
  const auto note = [&](absl::string_view name, bool present) {
    if (present) given.push_back(name);
  };
  note("published", absl::GetFlag(FLAGS_published).has_value());
  note("url", absl::GetFlag(FLAGS_url).has_value());
  note("review_url", absl::GetFlag(FLAGS_review_url).has_value());
  note("title", absl::GetFlag(FLAGS_title).has_value());
  note("publisher", absl::GetFlag(FLAGS_publisher).has_value());
  note("page_size", absl::GetFlag(FLAGS_page_size).has_value());
  note("page_token", absl::GetFlag(FLAGS_page_token).has_value());
  note("source", absl::GetFlag(FLAGS_source).has_value());
  note("event", absl::GetFlag(FLAGS_event).has_value());
  note("verdict", absl::GetFlag(FLAGS_verdict).has_value());
  note("strict", absl::GetFlag(FLAGS_strict));
  note("dct", absl::GetFlag(FLAGS_dct).has_value());
  note("timeml", absl::GetFlag(FLAGS_timeml));
  note("format", absl::GetFlag(FLAGS_format).has_value());
  note("all", absl::GetFlag(FLAGS_all));
  return given;
}

int UsageError(absl::string_view message, absl::string_view synopsis = "") {
  absl::FPrintF(stderr, "factcheck: %s\n", message);
  if (synopsis.empty()) {
    absl::FPrintF(stderr, "run 'factcheck --help' for the commands\n");
  } else {
    absl::FPrintF(stderr, "usage: factcheck %s\n", synopsis);
  }
  return kExitFailure;
}

bool WantsHelp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-help" || arg == "-h") return true;
  }
  return false;
}

std::string ServerAddress() {
  std::string server = absl::GetFlag(FLAGS_server);
  if (!server.empty()) return server;
  const char* from_environment = std::getenv("FACTCHECK_SERVER");
  if (from_environment != nullptr && *from_environment != '\0') {
    return from_environment;
  }
  return std::string(kDefaultServer);
}

// Escape sequences only for a person at a terminal who has not opted out
// (https://no-color.org).
bool StdoutIsColourTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && absl::string_view(term) == "dumb");
}

int Run(const std::vector<std::string>& args) {
  if (args.empty()) {
    absl::FPrintF(stderr, "%s", kUsage);
    return kExitFailure;
  }
  if (args[0] == "help") {
    absl::PrintF("%s", kUsage);
    return kExitOk;
  }
  std::string name = args[0];
  std::size_t first_operand = 1;
  if (name == "sources" || name == "claims" || name == "events" ||
      name == "conflicts" || name == "admin") {
    if (args.size() < 2) {
      return UsageError(absl::StrCat(
          name, " needs a subcommand: ",
          name == "events"
              ? "list, get or import"
              : (name == "sources" ? "list, get or delete"
                                   : (name == "admin" ? "backup" : "list"))));
    }
    absl::StrAppend(&name, " ", args[1]);
    first_operand = 2;
  }
  const Command* command = nullptr;
  for (const Command& candidate : Commands()) {
    if (candidate.name == name) command = &candidate;
  }
  if (command == nullptr) {
    return UsageError(absl::StrCat("unknown command '", name, "'"));
  }

  for (absl::string_view flag : GivenCommandFlags()) {
    if (std::find(command->flags.begin(), command->flags.end(), flag) ==
        command->flags.end()) {
      return UsageError(absl::StrCat("--", flag, " does not apply to ", name),
                        command->synopsis);
    }
  }
  const Operands operands(args.begin() + first_operand, args.end());
  if (operands.size() < command->min_operands ||
      operands.size() > command->max_operands) {
    return UsageError(operands.size() < command->min_operands
                          ? absl::StrCat("missing arguments to ", name)
                          : absl::StrCat("too many arguments to ", name, ": ",
                                         absl::StrJoin(operands, " ")),
                      command->synopsis);
  }
  if (name == "ingest" && !absl::GetFlag(FLAGS_url).has_value()) {
    return UsageError("ingest needs --url", command->synopsis);
  }
  if (const auto format = absl::GetFlag(FLAGS_format); format.has_value()) {
    if (!ParseCheckFormat(*format).has_value()) {
      return UsageError(absl::StrCat("--format must be text, json, "
                                     "claimreview or sarif, not '",
                                     *format, "'"),
                        command->synopsis);
    }
    if (absl::GetFlag(FLAGS_json) && *format != "json") {
      return UsageError(
          absl::StrCat("--json and --format=", *format, " exclude each other"),
          command->synopsis);
    }
  }
  if (name == "check" &&
      (absl::GetFlag(FLAGS_url).has_value() ||
       absl::GetFlag(FLAGS_review_url).has_value()) &&
      operands.size() > 1) {
    return UsageError("--url and --review_url name one file's pages; check "
                      "one file with them",
                      command->synopsis);
  }
  if (absl::GetFlag(FLAGS_json) && absl::GetFlag(FLAGS_timeml)) {
    return UsageError("--json and --timeml exclude each other",
                      command->synopsis);
  }
  const double timeout = absl::GetFlag(FLAGS_timeout);
  if (!std::isfinite(timeout) || timeout <= 0) {
    return UsageError(
        absl::StrCat("--timeout must be a positive number of "
                     "seconds, not ",
                     timeout));
  }

  const OutputOptions output{.json = absl::GetFlag(FLAGS_json),
                             .style = {.terminal = StdoutIsColourTerminal()}};
  if (command->run_local != nullptr) {
    return command->run_local(output, operands);
  }
  const std::string server = ServerAddress();
  const ChannelSecurity security = ChannelSecurityFromFlags();
  auto channel = OpenChannel(server, security);
  if (!channel.ok()) return UsageError(channel.status().message());
  Connection connection(server, absl::Seconds(timeout), *std::move(channel),
                        security.token);
  return command->run(connection, output, operands);
}

}  // namespace
}  // namespace factcheck::client

int main(int argc, char** argv) {
  using factcheck::client::kExitOk;
  absl::SetProgramUsageMessage(factcheck::client::kUsage);
  if (factcheck::client::WantsHelp(argc, argv)) {
    absl::PrintF("%s", factcheck::client::kUsage);
    return kExitOk;
  }
  if (const absl::Status flags = factcheck::client::CheckFlags(argc, argv);
      !flags.ok()) {
    return factcheck::client::UsageError(flags.message());
  }
  const std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  return factcheck::client::Run(
      std::vector<std::string>(positional.begin() + 1, positional.end()));
}
