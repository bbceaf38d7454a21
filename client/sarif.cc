#include "client/sarif.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "client/json_output.h"
#include "client/text_position.h"

namespace factcheck::client {
namespace {

// Set by the build (client/CMakeLists.txt).
constexpr absl::string_view kVersion = FACTCHECK_VERSION;
constexpr absl::string_view kInformationUri = FACTCHECK_HOMEPAGE_URL;
// The README section that explains every kind of check.
constexpr absl::string_view kRulesHelpAnchor = "#consistency-checks";
// The name run.originalUriBaseIds gives the CLI's working directory.
constexpr absl::string_view kBaseId = "SRCROOT";

struct Rule {
  v1::FindingKind kind;
  // SARIF's rule `name`: a readable identifier, in PascalCase as the
  // specification's examples write it.
  absl::string_view name;
  absl::string_view description;
};

// Every kind a finding can have, in the proto's order: rule i is kind i+1.
constexpr std::array<Rule, 6> kRules = {{
    {v1::REFERENCE, "ReferenceDate",
     "The claimed date against the reference event's date."},
    {v1::PUBLICATION_DATE, "PublicationDate",
     "The claim against the article's own publication date."},
    {v1::SERIES, "SeriesOrdinal",
     "A numbered series: an ordinal that does not fit the date."},
    {v1::RELATIVE, "RelativeDate",
     "A relative statement against the dates it relates."},
    {v1::WITHIN_DOCUMENT, "WithinDocument",
     "The same event given two different dates in one document."},
    {v1::ACROSS_SOURCES, "AcrossSources",
     "An event dated differently from other ingested sources."},
}};

// The artifactLocation members of `document`: a file:// URI for an
// absolute path, else a relative one against SRCROOT.
std::string ArtifactLocation(const Document& document) {
  const std::string name = document.DisplayName();
  if (absl::StartsWith(name, "/")) {
    return absl::StrCat("\"uri\": ", JsonQuote("file://" + PathToUri(name)));
  }
  return absl::StrCat("\"uri\": ", JsonQuote(PathToUri(name)),
                      ", \"uriBaseId\": ", JsonQuote(kBaseId));
}

int RuleIndex(v1::FindingKind kind) {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (kRules[i].kind == kind) return static_cast<int>(i);
  }
  return 0;  // FINDING_KIND_UNSPECIFIED: a plain reference comparison.
}

absl::string_view Level(const v1::Finding& finding) {
  if (finding.verdict() == v1::CONTRADICTED) return "error";
  if (finding.verdict() == v1::UNVERIFIABLE ||
      finding.severity() == v1::WARNING) {
    return "warning";
  }
  return "note";
}

std::string Region(const LineColumn& start, const LineColumn& end) {
  return absl::StrFormat(
      R"({"startLine": %d, "startColumn": %d, "endLine": %d, "endColumn": %d})",
      start.line, start.column, end.line, end.column);
}

void WriteResults(const CheckedDocument& checked, const SarifOptions& options,
                  bool* first, std::string* out) {
  const Document& document = *checked.document;
  const LineIndex lines(document.content);
  const absl::string_view text = document.text();
  const std::string location = ArtifactLocation(document);
  for (const v1::Finding& finding : checked.response.findings()) {
    if (Level(finding) == "note" && !options.include_supported) continue;
    const v1::TextSpan& span = finding.claim().span();
    const std::size_t begin = std::min<std::size_t>(span.begin(), text.size());
    const std::size_t end =
        std::clamp<std::size_t>(span.end(), begin, text.size());
    const std::string region =
        Region(lines.Locate(document.text_offset + begin),
               lines.Locate(document.text_offset + end));
    std::string message = finding.explanation();
    if (!finding.suggestion().empty()) {
      absl::StrAppend(&message, message.empty() ? "" : " ",
                      "Suggestion: ", finding.suggestion(), ".");
    }
    const int rule = RuleIndex(finding.kind());
    absl::StrAppend(
        out, *first ? "" : ",", "\n        {\n", "          \"ruleId\": ",
        JsonQuote(v1::FindingKind_Name(kRules[rule].kind)),
        ",\n          \"ruleIndex\": ", rule, ",\n          \"level\": \"",
        Level(finding), "\"",
        ",\n          \"message\": {\"text\": ", JsonQuote(message), "}",
        ",\n          \"locations\": [{\"physicalLocation\": "
        "{\"artifactLocation\": {",
        location, "}, \"region\": ", region, "}}]");
    if (!finding.suggestion().empty()) {
      absl::StrAppend(
          out, ",\n          \"fixes\": [{\"description\": {\"text\": ",
          JsonQuote(
              absl::StrCat("Replace with \"", finding.suggestion(), "\"")),
          "}, \"artifactChanges\": [{\"artifactLocation\": {", location,
          "}, \"replacements\": [{\"deletedRegion\": ", region,
          ", \"insertedContent\": {\"text\": ", JsonQuote(finding.suggestion()),
          "}}]}]}]");
    }
    absl::StrAppend(out, "\n        }");
    *first = false;
  }
}

}  // namespace

std::string PathToUri(absl::string_view path) {
  std::string uri;
  for (const char c : path) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '-' || c == '.' || c == '_' ||
        c == '~' || c == '/') {
      uri += c;
    } else {
      absl::StrAppendFormat(&uri, "%%%02X", u);
    }
  }
  return uri;
}

std::string RenderSarif(const std::vector<CheckedDocument>& documents,
                        const SarifOptions& options) {
  std::string out = absl::StrCat(
      "{\n"
      "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
      "  \"version\": \"2.1.0\",\n"
      "  \"runs\": [\n"
      "    {\n"
      "      \"tool\": {\n"
      "        \"driver\": {\n"
      "          \"name\": \"factcheck\",\n"
      "          \"version\": ",
      JsonQuote(kVersion), ",\n          \"informationUri\": ",
      JsonQuote(kInformationUri), ",\n          \"rules\": [");
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    absl::StrAppend(
        &out, i == 0 ? "" : ",", "\n            {\"id\": \"",
        v1::FindingKind_Name(kRules[i].kind), "\", \"name\": \"",
        kRules[i].name, "\", \"shortDescription\": {\"text\": ",
        JsonQuote(kRules[i].description), "}, \"helpUri\": ",
        JsonQuote(absl::StrCat(kInformationUri, kRulesHelpAnchor)), "}");
  }
  std::string base = options.base_directory;
  if (!absl::EndsWith(base, "/")) base += "/";
  absl::StrAppend(&out,
                  "\n          ]\n"
                  "        }\n"
                  "      },\n"
                  "      \"originalUriBaseIds\": {",
                  JsonQuote(kBaseId), ": {\"uri\": ",
                  JsonQuote("file://" + PathToUri(base)),
                  "}},\n"
                  "      \"columnKind\": \"unicodeCodePoints\",\n"
                  "      \"results\": [");
  bool first = true;
  for (const CheckedDocument& checked : documents) {
    if (!checked.response.error().empty()) continue;
    WriteResults(checked, options, &first, &out);
  }
  absl::StrAppend(&out, first ? "" : "\n      ",
                  "]\n"
                  "    }\n"
                  "  ]\n"
                  "}\n");
  return out;
}

}  // namespace factcheck::client
