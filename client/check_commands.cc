// The commands that send texts: check and ingest.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "client/commands.h"
#include "client/document.h"
#include "client/exit_code.h"
#include "client/json_output.h"
#include "client/report.h"
#include "client/sarif.h"

namespace factcheck::client {
namespace {

// Prints a line of JSON, or reports why the message could not be written.
bool PrintJson(const absl::StatusOr<std::string>& json) {
  if (!json.ok()) {
    absl::FPrintF(stderr, "factcheck: %s\n", json.status().message());
    return false;
  }
  absl::PrintF("%s\n", *json);
  return true;
}

bool HasContradiction(const v1::CheckTextResponse& response) {
  return response.contradicted_count() > 0 ||
         std::any_of(response.findings().begin(), response.findings().end(),
                     [](const v1::Finding& finding) {
                       return finding.verdict() == v1::CONTRADICTED;
                     });
}

v1::CheckTextRequest CheckRequestFor(const Document& document,
                                     const CheckOptions& options) {
  v1::CheckTextRequest request;
  request.set_text(std::string(document.text()));
  request.set_published_date(document.published_date);
  request.set_document_id(document.path);
  request.set_include_unverifiable(options.include_unverifiable);
  request.set_claim_review(options.format == CheckFormat::kClaimReview);
  request.set_source_url(options.url);
  request.set_review_url(options.review_url);
  request.set_source_author(options.publisher);
  return request;
}

// The outcome of checking documents, folded into an exit code at the end.
struct CheckOutcome {
  bool failed = false;
  bool contradicted = false;
  // With --format sarif: the documents checked so far, printed as one log
  // at the end.
  std::vector<CheckedDocument> sarif;

  int ExitCode() const {
    if (failed) return kExitFailure;
    return contradicted ? kExitContradicted : kExitOk;
  }
};

// Prints one document's result: a JSON line, or a readable block (separated
// from the previous block by a blank line).
void PrintCheckResult(const OutputOptions& output, CheckFormat format,
                      const Document& document,
                      const v1::CheckTextResponse& response, bool first,
                      CheckOutcome* outcome) {
  if (!response.error().empty()) {
    // A document the server could not check; the others still count.
    absl::FPrintF(stderr, "%s: not checked: %s: %s\n", document.DisplayName(),
                  StatusCodeName(response.error_code()), response.error());
    outcome->failed = true;
  } else if (HasContradiction(response)) {
    outcome->contradicted = true;
  }
  switch (format) {
    case CheckFormat::kJson:
      if (!PrintJson(CheckResultToJsonLine(document.path, response))) {
        outcome->failed = true;
      }
      break;
    case CheckFormat::kClaimReview:
      if (response.error().empty()) {
        absl::PrintF("%s\n", ClaimReviewsToJsonLine(response));
      }
      break;
    case CheckFormat::kSarif:
      outcome->sarif.push_back({.document = &document, .response = response});
      break;
    case CheckFormat::kText:
      if (response.error().empty()) {
        absl::PrintF("%s%s", first ? "" : "\n",
                     RenderCheckReport(document, response, output.style));
      }
      break;
  }
  std::fflush(stdout);
}

// Prints what only the end of a check can print: the SARIF log.
int FinishCheck(const CheckOptions& options, const CheckOutcome& outcome) {
  if (options.format == CheckFormat::kSarif) {
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    absl::PrintF("%s", RenderSarif(outcome.sarif,
                                   {.include_supported =
                                        options.include_unverifiable,
                                    .base_directory = ec ? "/" : cwd.string()}));
    std::fflush(stdout);
  }
  return outcome.ExitCode();
}

int CheckOne(Connection& connection, const OutputOptions& output,
             const CheckOptions& options, const Document& document) {
  v1::CheckTextResponse response;
  const grpc::Status status = connection.stub().CheckText(
      connection.NewContext().get(), CheckRequestFor(document, options),
      &response);
  if (!status.ok()) return connection.ReportFailure("CheckText", status);
  CheckOutcome outcome;
  PrintCheckResult(output, options.format, document, response,
                   /*first=*/true, &outcome);
  return FinishCheck(options, outcome);
}

// Streams the documents to StreamCheck. Requests are written from a second
// thread while responses are read here: the server reads the next document
// only when it can take it, so writing everything before reading could
// stall both sides once their flow-control windows fill.
int CheckMany(Connection& connection, const OutputOptions& output,
              const CheckOptions& options,
              const std::vector<Document>& documents, CheckOutcome outcome) {
  const std::unique_ptr<grpc::ClientContext> context = connection.NewContext();
  const auto stream = connection.stub().StreamCheck(context.get());
  std::thread writer([&] {
    for (const Document& document : documents) {
      // A failed write means the call is over; Finish() below says why.
      if (!stream->Write(CheckRequestFor(document, options))) return;
    }
    stream->WritesDone();
  });

  std::size_t answered = 0;
  v1::CheckTextResponse response;
  while (answered < documents.size() && stream->Read(&response)) {
    // Responses come in request order, one per request.
    PrintCheckResult(output, options.format, documents[answered], response,
                     answered == 0, &outcome);
    ++answered;
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  if (!status.ok()) return connection.ReportFailure("StreamCheck", status);
  if (answered < documents.size()) {
    absl::FPrintF(stderr,
                  "factcheck: StreamCheck answered %d of %d documents\n",
                  answered, documents.size());
    return kExitFailure;
  }
  return FinishCheck(options, outcome);
}

}  // namespace

std::optional<CheckFormat> ParseCheckFormat(absl::string_view name) {
  if (name == "text") return CheckFormat::kText;
  if (name == "json") return CheckFormat::kJson;
  if (name == "claimreview") return CheckFormat::kClaimReview;
  if (name == "sarif") return CheckFormat::kSarif;
  return std::nullopt;
}

int Check(Connection& connection, const OutputOptions& output,
          const std::vector<std::string>& paths, const CheckOptions& options) {
  if (std::count(paths.begin(), paths.end(), kStdinPath) > 1) {
    absl::FPrintF(stderr, "factcheck: stdin (-) can be checked only once\n");
    return kExitFailure;
  }
  // A file that cannot be read is reported and the others are still
  // checked, as the server does for documents it cannot check.
  CheckOutcome outcome;
  std::vector<Document> documents;
  for (const std::string& path : paths) {
    absl::StatusOr<Document> document = LoadDocument(path, options.published);
    if (!document.ok()) {
      absl::FPrintF(stderr, "%s\n", document.status().message());
      outcome.failed = true;
      continue;
    }
    documents.push_back(*std::move(document));
  }
  if (documents.empty()) return kExitFailure;
  if (paths.size() == 1) {
    return CheckOne(connection, output, options, documents[0]);
  }
  return CheckMany(connection, output, options, documents, outcome);
}

int Ingest(Connection& connection, const OutputOptions& output,
           const IngestOptions& options) {
  absl::StatusOr<Document> document =
      LoadDocument(options.path, options.published);
  if (!document.ok()) {
    absl::FPrintF(stderr, "%s\n", document.status().message());
    return kExitFailure;
  }
  v1::IngestSourceRequest request;
  v1::Source& source = *request.mutable_source();
  source.set_url(options.url);
  source.set_title(options.title);
  source.set_publisher(options.publisher);
  source.set_published_date(document->published_date);
  source.set_text(std::string(document->text()));

  v1::IngestSourceResponse response;
  const grpc::Status status = connection.stub().IngestSource(
      connection.NewContext().get(), request, &response);
  if (!status.ok()) return connection.ReportFailure("IngestSource", status);

  if (output.json) {
    if (!PrintJson(MessageToJsonLine(response))) return kExitFailure;
  } else {
    absl::PrintF("%s", RenderIngestReport(*document, response, output.style));
  }
  const bool contradicted =
      response.source().contradicted_count() > 0 ||
      std::any_of(response.findings().begin(), response.findings().end(),
                  [](const v1::Finding& finding) {
                    return finding.verdict() == v1::CONTRADICTED;
                  });
  return contradicted ? kExitContradicted : kExitOk;
}

}  // namespace factcheck::client
