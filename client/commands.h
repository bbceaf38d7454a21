// The CLI's commands, one function each. Each takes parsed arguments, talks
// to the server through a Connection, prints to stdout (results) and stderr
// (problems), and returns the process exit code (see exit_code.h).
#ifndef FACTCHECK_CLIENT_COMMANDS_H_
#define FACTCHECK_CLIENT_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/connection.h"
#include "client/report.h"

namespace factcheck::client {

// How results are printed.
struct OutputOptions {
  // Machine output: protobuf JSON, one object per line.
  bool json = false;
  // How readable output looks; ignored with `json`.
  Style style;
};

// Which page of a list to fetch. With neither field set, every page is
// fetched and printed as one list.
struct PageOptions {
  std::optional<int> page_size;
  std::optional<std::string> page_token;

  bool single_page() const {
    return page_size.has_value() || page_token.has_value();
  }
};

// What `check --format` prints.
enum class CheckFormat {
  kText,  // The readable report (report.h).
  kJson,  // Protobuf JSON, one object per document and line (as --json).
  // schema.org ClaimReview JSON-LD: one array per document and line, an
  // object for each contradicted claim.
  kClaimReview,
  kSarif,  // One SARIF 2.1.0 log for all documents (sarif.h).
};

// Parses a --format value: "text", "json", "claimreview" or "sarif".
std::optional<CheckFormat> ParseCheckFormat(absl::string_view name);

// What `check` asks for besides the files.
struct CheckOptions {
  // From --published; else each file's date header.
  std::optional<std::string> published;
  CheckFormat format = CheckFormat::kText;
  // --all: also the claims that match nothing in the reference.
  bool include_unverifiable = false;
  // --url: the document's URL, for the ClaimReviews' itemReviewed.
  std::string url;
  // --review_url: the page that publishes the ClaimReviews, their `url`.
  std::string review_url;
  // --publisher: who made the claims, the ClaimReviews' itemReviewed.author.
  std::string publisher;
};

// `check FILE...`: checks each file ("-" for stdin), one CheckText call for
// one file and one StreamCheck stream for several. Stores nothing. Returns
// 2 if any file could not be read or checked, else 1 if anything is
// contradicted, else 0.
int Check(Connection& connection, const OutputOptions& output,
          const std::vector<std::string>& paths, const CheckOptions& options);

// What `ingest` stores besides the text.
struct IngestOptions {
  std::string path;
  std::string url;
  std::string title;
  std::string publisher;
  std::optional<std::string> published;
};

// `ingest FILE`: stores the file as a source. Returns 1 if anything in it
// is contradicted.
int Ingest(Connection& connection, const OutputOptions& output,
           const IngestOptions& options);

// `sources list`, `sources get ID`, `sources delete ID`. IDs may be given
// bare or as resource names ("sources/ID").
int ListSources(Connection& connection, const OutputOptions& output,
                const PageOptions& page);
int GetSource(Connection& connection, const OutputOptions& output,
              absl::string_view id);
int DeleteSource(Connection& connection, const OutputOptions& output,
                 absl::string_view id);

// Restrictions on `claims list`, each optional; they combine with AND.
struct ClaimFilter {
  // Source id or `sources/ID`.
  std::optional<std::string> source;
  // Event id or `events/ID`.
  std::optional<std::string> event;
  // SUPPORTED, CONTRADICTED or UNVERIFIABLE, in any case.
  std::optional<std::string> verdict;
};

// `claims list`.
int ListClaims(Connection& connection, const OutputOptions& output,
               const ClaimFilter& filter, const PageOptions& page);

// `conflicts list`: events that stored sources date differently, one row
// per side (event, date, sources, title).
int ListConflicts(Connection& connection, const OutputOptions& output,
                  const PageOptions& page);

// `events list`, `events get ID`.
int ListEvents(Connection& connection, const OutputOptions& output,
               const PageOptions& page);
// `events search WORDS...`: events by the words of their names, best
// first, with the name that matched.
int SearchEvents(Connection& connection, const OutputOptions& output,
                 absl::string_view query, std::optional<int> limit);
int GetEvent(Connection& connection, const OutputOptions& output,
             absl::string_view id);

// `events import FILE`: streams an event file (JSON Lines or a Wikidata
// dump; plain, gzip or bzip2) to the server as it is, showing progress on
// stderr when it is a terminal. Bad lines are skipped and reported, unless
// `strict`, when the first one fails the import and nothing is written.
int ImportEvents(Connection& connection, const OutputOptions& output,
                 absl::string_view path, bool strict);

// `admin backup DIR`: has the server write a consistent copy of its whole
// database into DIR, a directory that must not exist yet, named by its
// absolute path on the server's host, inside the server's --backup_root
// (the server resolves nothing against the CLI's working directory).
// Prints where it went and its size.
int BackupDatabase(Connection& connection, const OutputOptions& output,
                   absl::string_view directory);

// `health`: asks the standard gRPC health service whether the server is
// serving (it is not while it loads reference data or drains). Prints
// SERVING, NOT_SERVING or UNKNOWN; exits 0 only for SERVING, 1 otherwise,
// and 2 when the server cannot be reached. Needs no token.
int Health(Connection& connection, const OutputOptions& output);

// The resource name for `id` in `collection` ("sources"): `id` itself if it
// already starts with "COLLECTION/", else "COLLECTION/ID".
std::string ResourceName(absl::string_view collection, absl::string_view id);

// The ListClaims `filter` string for `filter`'s event and verdict, or an
// INVALID_ARGUMENT error naming a verdict that does not exist.
absl::StatusOr<std::string> ClaimFilterExpression(const ClaimFilter& filter);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_COMMANDS_H_
