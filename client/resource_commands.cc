// The commands on stored resources: sources, claims and events.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/commands.h"
#include "client/document.h"
#include "client/exit_code.h"
#include "client/import_progress.h"
#include "client/json_output.h"
#include "client/resources.h"
#include "client/table.h"
#include "google/protobuf/empty.pb.h"

namespace factcheck::client {
namespace {

// ImportEvents chunk size: large enough that per-message costs vanish on a
// multi-gigabyte dump (1 MiB made the import benchmark 25% faster than
// 64 KiB), well below gRPC's default 4 MiB message limit.
constexpr std::size_t kImportChunkBytes = 1024 * 1024;

// Fetches the page `page` asks for, or every page merged into one response
// (repeated fields appended, no next_page_token). `call` makes one List call.
template <typename Request, typename Response, typename Call>
grpc::Status FetchPages(Connection& connection, Request request,
                        const PageOptions& page, Call call, Response* merged) {
  if (page.page_size.has_value()) request.set_page_size(*page.page_size);
  if (page.page_token.has_value()) request.set_page_token(*page.page_token);
  for (;;) {
    Response response;
    const grpc::Status status =
        call(connection.NewContext().get(), request, &response);
    if (!status.ok()) return status;
    if (page.single_page()) {
      *merged = std::move(response);
      return grpc::Status::OK;
    }
    const std::string next = response.next_page_token();
    merged->MergeFrom(response);
    merged->clear_next_page_token();
    if (next.empty()) return grpc::Status::OK;
    // A server that hands back the token it was given would loop forever.
    if (next == request.page_token()) {
      return grpc::Status(grpc::StatusCode::INTERNAL,
                          "the server returned the same page token twice");
    }
    request.set_page_token(next);
  }
}

// Prints a list response: JSON, or a table followed, for a single page with
// more after it, by how to get the next one.
template <typename Response>
int PrintList(const OutputOptions& output, const Response& response,
              const std::vector<TableRow>& rows, absl::string_view noun) {
  if (output.json) return PrintJsonLine(response);
  if (rows.empty()) absl::FPrintF(stderr, "no %s\n", noun);
  absl::PrintF("%s", RenderTable(rows));
  if (!response.next_page_token().empty()) {
    absl::PrintF("next page: --page_token=%s\n", response.next_page_token());
  }
  return kExitOk;
}

}  // namespace

std::string ResourceName(absl::string_view collection, absl::string_view id) {
  const std::string prefix = absl::StrCat(collection, "/");
  if (absl::StartsWith(id, prefix)) return std::string(id);
  return absl::StrCat(prefix, id);
}

absl::StatusOr<std::string> ClaimFilterExpression(const ClaimFilter& filter) {
  std::vector<std::string> terms;
  if (filter.event.has_value()) {
    terms.push_back(absl::StrCat("event = \"",
                                 ResourceName("events", *filter.event), "\""));
  }
  if (filter.verdict.has_value()) {
    const std::string verdict = absl::AsciiStrToUpper(*filter.verdict);
    v1::Verdict parsed;
    if (!v1::Verdict_Parse(verdict, &parsed) ||
        parsed == v1::VERDICT_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat("--verdict=", *filter.verdict,
                       ": expected SUPPORTED, CONTRADICTED or UNVERIFIABLE"));
    }
    terms.push_back(absl::StrCat("verdict = ", verdict));
  }
  return absl::StrJoin(terms, " AND ");
}

int ListSources(Connection& connection, const OutputOptions& output,
                const PageOptions& page) {
  v1::ListSourcesResponse response;
  const grpc::Status status = FetchPages(
      connection, v1::ListSourcesRequest(), page,
      [&](grpc::ClientContext* context, const v1::ListSourcesRequest& request,
          v1::ListSourcesResponse* page_response) {
        return connection.stub().ListSources(context, request, page_response);
      },
      &response);
  if (!status.ok()) return connection.ReportFailure("ListSources", status);
  std::vector<TableRow> rows;
  for (const v1::Source& source : response.sources()) {
    rows.push_back(SourceRow(source));
  }
  return PrintList(output, response, rows, "sources");
}

int GetSource(Connection& connection, const OutputOptions& output,
              absl::string_view id) {
  v1::GetSourceRequest request;
  request.set_name(ResourceName("sources", id));
  v1::Source source;
  const grpc::Status status = connection.stub().GetSource(
      connection.NewContext().get(), request, &source);
  if (!status.ok()) return connection.ReportFailure("GetSource", status);
  if (output.json) return PrintJsonLine(source);
  absl::PrintF("%s", RenderSource(source));
  return kExitOk;
}

int DeleteSource(Connection& connection, const OutputOptions& output,
                 absl::string_view id) {
  v1::DeleteSourceRequest request;
  request.set_name(ResourceName("sources", id));
  google::protobuf::Empty empty;
  const grpc::Status status = connection.stub().DeleteSource(
      connection.NewContext().get(), request, &empty);
  if (!status.ok()) return connection.ReportFailure("DeleteSource", status);
  if (output.json) return PrintJsonLine(empty);
  absl::PrintF("deleted %s\n", request.name());
  return kExitOk;
}

int ListClaims(Connection& connection, const OutputOptions& output,
               const ClaimFilter& filter, const PageOptions& page) {
  const absl::StatusOr<std::string> expression = ClaimFilterExpression(filter);
  if (!expression.ok()) {
    absl::FPrintF(stderr, "factcheck: %s\n", expression.status().message());
    return kExitFailure;
  }
  v1::ListClaimsRequest request;
  request.set_parent(filter.source.has_value()
                         ? ResourceName("sources", *filter.source)
                         : "sources/-");
  request.set_filter(*expression);
  v1::ListClaimsResponse response;
  const grpc::Status status = FetchPages(
      connection, request, page,
      [&](grpc::ClientContext* context,
          const v1::ListClaimsRequest& page_request,
          v1::ListClaimsResponse* page_response) {
        return connection.stub().ListClaims(context, page_request,
                                            page_response);
      },
      &response);
  if (!status.ok()) return connection.ReportFailure("ListClaims", status);
  std::vector<TableRow> rows;
  for (const v1::Finding& finding : response.findings()) {
    rows.push_back(ClaimRow(finding));
  }
  return PrintList(output, response, rows, "claims");
}

int ListConflicts(Connection& connection, const OutputOptions& output,
                  const PageOptions& page) {
  v1::ListConflictsResponse response;
  const grpc::Status status = FetchPages(
      connection, v1::ListConflictsRequest(), page,
      [&](grpc::ClientContext* context, const v1::ListConflictsRequest& request,
          v1::ListConflictsResponse* page_response) {
        return connection.stub().ListConflicts(context, request, page_response);
      },
      &response);
  if (!status.ok()) return connection.ReportFailure("ListConflicts", status);
  std::vector<TableRow> rows;
  for (const v1::EventConflict& conflict : response.conflicts()) {
    for (const v1::ConflictSide& side : conflict.sides()) {
      rows.push_back({conflict.event(), side.claimed_date().value(),
                      absl::StrJoin(side.sources(), ","),
                      conflict.event_title()});
    }
  }
  return PrintList(output, response, rows, "conflicts");
}

int ListEvents(Connection& connection, const OutputOptions& output,
               const PageOptions& page) {
  v1::ListEventsResponse response;
  const grpc::Status status = FetchPages(
      connection, v1::ListEventsRequest(), page,
      [&](grpc::ClientContext* context, const v1::ListEventsRequest& request,
          v1::ListEventsResponse* page_response) {
        return connection.stub().ListEvents(context, request, page_response);
      },
      &response);
  if (!status.ok()) return connection.ReportFailure("ListEvents", status);
  std::vector<TableRow> rows;
  for (const v1::Event& event : response.events()) {
    rows.push_back(EventRow(event));
  }
  return PrintList(output, response, rows, "events");
}

int SearchEvents(Connection& connection, const OutputOptions& output,
                 absl::string_view query, std::optional<int> limit) {
  v1::SearchEventsRequest request;
  request.set_query(std::string(query));
  if (limit.has_value()) request.set_page_size(*limit);
  v1::SearchEventsResponse response;
  const grpc::Status status = connection.stub().SearchEvents(
      connection.NewContext().get(), request, &response);
  if (!status.ok()) return connection.ReportFailure("SearchEvents", status);
  if (output.json) return PrintJsonLine(response);
  std::vector<TableRow> rows;
  for (const v1::EventSearchResult& result : response.results()) {
    TableRow row = EventRow(result.event());
    if (result.matched_name() != result.event().title()) {
      row.push_back(absl::StrCat("(as \"", result.matched_name(), "\")"));
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) absl::FPrintF(stderr, "no events match \"%s\"\n", query);
  absl::PrintF("%s", RenderTable(rows));
  return kExitOk;
}

int GetEvent(Connection& connection, const OutputOptions& output,
             absl::string_view id) {
  v1::GetEventRequest request;
  request.set_name(ResourceName("events", id));
  v1::Event event;
  const grpc::Status status = connection.stub().GetEvent(
      connection.NewContext().get(), request, &event);
  if (!status.ok()) return connection.ReportFailure("GetEvent", status);
  if (output.json) return PrintJsonLine(event);
  absl::PrintF("%s", RenderEvent(event));
  return kExitOk;
}

int ImportEvents(Connection& connection, const OutputOptions& output,
                 absl::string_view path, bool strict) {
  const bool from_stdin = path == kStdinPath;
  const std::string display_name = from_stdin ? "<stdin>" : std::string(path);
  std::FILE* file =
      from_stdin ? stdin : std::fopen(std::string(path).c_str(), "rb");
  if (file == nullptr) {
    absl::FPrintF(stderr, "%s: %s\n", display_name, std::strerror(errno));
    return kExitFailure;
  }
  // The size, for the percentage and ETA, when the input is a regular file.
  std::optional<std::int64_t> total_bytes;
  struct stat info;
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode)) {
    total_bytes = info.st_size;
  }
  ImportProgressLine progress(isatty(STDERR_FILENO) != 0, total_bytes);

  // No deadline: an import lasts as long as its file takes to stream and
  // commit, which --timeout (meant for single calls) cannot foresee. An
  // unreachable server still fails at once (UNAVAILABLE).
  const std::unique_ptr<grpc::ClientContext> context =
      connection.NewContextWithoutDeadline();
  const auto stream = connection.stub().ImportEvents(context.get());
  // The server answers with progress while it reads, then with the counts;
  // a second thread reads them so that sending never waits on it.
  v1::ImportEventsResponse response;
  std::thread reader([&] {
    v1::ImportEventsResponse message;
    while (stream->Read(&message)) {
      if (message.done()) {
        response = std::move(message);
      } else {
        progress.Received(message.progress());
      }
    }
  });

  v1::ImportEventsRequest request;
  // The server reads the option from the first request only.
  request.set_strict(strict);
  std::string buffer(kImportChunkBytes, '\0');
  int read_error = 0;
  std::int64_t sent = 0;
  for (bool first = true;; first = false) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (std::ferror(file)) {
      read_error = errno;
      break;
    }
    // An empty file still sends one request, which carries the option.
    if (n == 0 && !first) break;
    request.set_chunk(buffer.data(), n);
    // A failed write means the call is over; Finish() says why.
    if (!stream->Write(request)) break;
    sent += static_cast<std::int64_t>(n);
    progress.Sent(sent);
    request.clear_strict();
    if (n < buffer.size()) break;
  }
  if (!from_stdin) std::fclose(file);
  if (read_error != 0) {
    // Cancel rather than finish: the server must not import the part of the
    // file that was read as if it were the whole of it.
    context->TryCancel();
  } else {
    stream->WritesDone();
  }
  reader.join();
  const grpc::Status status = stream->Finish();
  progress.Clear();
  if (read_error != 0) {
    absl::FPrintF(stderr, "%s: %s (nothing was imported)\n", display_name,
                  std::strerror(read_error));
    return kExitFailure;
  }
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    // A bad line under --strict, or a corrupt compressed file: the message
    // names it, and the import was all or nothing.
    absl::FPrintF(stderr, "%s: %s (nothing was imported)\n", display_name,
                  status.error_message());
    return kExitFailure;
  }
  if (!status.ok()) return connection.ReportFailure("ImportEvents", status);
  // The counts come in the last message. Without it (a message that could
  // not be read: gRPC's client drops it and the call still ends OK), the
  // import's outcome is unknown, and zeros would read as "nothing to do".
  if (!response.done()) {
    return connection.ReportFailure(
        "ImportEvents",
        grpc::Status(grpc::StatusCode::INTERNAL,
                     "the server's answer with the counts did not arrive or "
                     "could not be read; the import may have happened (check "
                     "with 'factcheck events list')"));
  }

  if (output.json) return PrintJsonLine(response);
  absl::PrintF("imported %d, unchanged %d, skipped %d", response.imported(),
               response.unchanged(), response.skipped());
  if (response.ignored() > 0) {
    absl::PrintF(", ignored %d (not dated events)", response.ignored());
  }
  absl::PrintF("\n");
  for (const std::string& error : response.errors()) {
    absl::PrintF("  %s\n", error);
  }
  if (response.skipped() > response.errors_size()) {
    absl::PrintF("  (and %d more bad lines)\n",
                 response.skipped() - response.errors_size());
  }
  return kExitOk;
}

}  // namespace factcheck::client
