// The SARIF log of `check --format sarif`, byte for byte: positions in the
// original file (date header included), levels, rules and fixes.
#include "client/sarif.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "client/document.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

v1::Finding FindingAt(absl::string_view text, absl::string_view claimed,
                      v1::Verdict verdict, v1::FindingKind kind) {
  const std::size_t begin = text.find(claimed);
  v1::Finding finding;
  finding.mutable_claim()->mutable_span()->set_begin(begin);
  finding.mutable_claim()->mutable_span()->set_end(begin + claimed.size());
  finding.set_verdict(verdict);
  finding.set_kind(kind);
  return finding;
}

TEST(SarifTest, LocatesFindingsInTheOriginalFileWithLevelsAndFixes) {
  absl::StatusOr<Document> document = MakeDocument(
      "drafts/a b.txt",
      " date 2024-02-14 Kyiv’s day.\nThe invasion in February 2024 began. "
      "Talks \"on\" 18 January.\n",
      std::nullopt);
  ASSERT_TRUE(document.ok()) << document.status();
  CheckedDocument checked{.document = &*document, .response = {}};
  const absl::string_view text = document->text();
  v1::Finding& invasion = *checked.response.add_findings();
  invasion = FindingAt(text, "February 2024", v1::CONTRADICTED, v1::REFERENCE);
  invasion.set_explanation("The invasion began on 24 February 2022.");
  invasion.set_suggestion("February 2022");
  v1::Finding& talks = *checked.response.add_findings();
  talks = FindingAt(text, "18 January", v1::SUPPORTED, v1::RELATIVE);
  talks.set_severity(v1::WARNING);
  talks.set_explanation("Less than a month \"after\" fits loosely.");
  *checked.response.add_findings() =
      FindingAt(text, "day", v1::SUPPORTED, v1::REFERENCE);
  // A document the server could not check has no results.
  CheckedDocument failed{.document = &*document, .response = {}};
  failed.response.set_error("text is empty");
  *failed.response.add_findings() = invasion;

  const std::string log =
      RenderSarif({checked, failed},
                  {.include_supported = true, .base_directory = "/home/ed"});
  EXPECT_EQ(log, absl::StrReplaceAll(R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "factcheck",
          "version": "@VERSION@",
          "informationUri": "@URI@",
          "rules": [
            {"id": "REFERENCE", "name": "ReferenceDate", "shortDescription": {"text": "The claimed date against the reference event's date."}, "helpUri": "@URI@#consistency-checks"},
            {"id": "PUBLICATION_DATE", "name": "PublicationDate", "shortDescription": {"text": "The claim against the article's own publication date."}, "helpUri": "@URI@#consistency-checks"},
            {"id": "SERIES", "name": "SeriesOrdinal", "shortDescription": {"text": "A numbered series: an ordinal that does not fit the date."}, "helpUri": "@URI@#consistency-checks"},
            {"id": "RELATIVE", "name": "RelativeDate", "shortDescription": {"text": "A relative statement against the dates it relates."}, "helpUri": "@URI@#consistency-checks"},
            {"id": "WITHIN_DOCUMENT", "name": "WithinDocument", "shortDescription": {"text": "The same event given two different dates in one document."}, "helpUri": "@URI@#consistency-checks"},
            {"id": "ACROSS_SOURCES", "name": "AcrossSources", "shortDescription": {"text": "An event dated differently from other ingested sources."}, "helpUri": "@URI@#consistency-checks"}
          ]
        }
      },
      "originalUriBaseIds": {"SRCROOT": {"uri": "file:///home/ed/"}},
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "REFERENCE",
          "ruleIndex": 0,
          "level": "error",
          "message": {"text": "The invasion began on 24 February 2022. Suggestion: February 2022."},
          "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/a%20b.txt", "uriBaseId": "SRCROOT"}, "region": {"startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 30}}}],
          "fixes": [{"description": {"text": "Replace with \"February 2022\""}, "artifactChanges": [{"artifactLocation": {"uri": "drafts/a%20b.txt", "uriBaseId": "SRCROOT"}, "replacements": [{"deletedRegion": {"startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 30}, "insertedContent": {"text": "February 2022"}}]}]}]
        },
        {
          "ruleId": "RELATIVE",
          "ruleIndex": 3,
          "level": "warning",
          "message": {"text": "Less than a month \"after\" fits loosely."},
          "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/a%20b.txt", "uriBaseId": "SRCROOT"}, "region": {"startLine": 2, "startColumn": 49, "endLine": 2, "endColumn": 59}}}]
        },
        {
          "ruleId": "REFERENCE",
          "ruleIndex": 0,
          "level": "note",
          "message": {"text": ""},
          "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/a%20b.txt", "uriBaseId": "SRCROOT"}, "region": {"startLine": 1, "startColumn": 25, "endLine": 1, "endColumn": 28}}}]
        }
      ]
    }
  ]
}
)",
                                     {{"@VERSION@", FACTCHECK_VERSION},
                                      {"@URI@", FACTCHECK_HOMEPAGE_URL}}));
  // Without --all the note (a plain SUPPORTED claim) is left out; the
  // supported claim with a warning stays.
  const std::string errors_and_warnings =
      RenderSarif({checked}, {.include_supported = false, .base_directory = "/home/ed"});
  EXPECT_EQ(errors_and_warnings.find("\"level\": \"note\""), std::string::npos);
  EXPECT_NE(errors_and_warnings.find("\"level\": \"warning\""),
            std::string::npos);
  EXPECT_NE(errors_and_warnings.find("\"level\": \"error\""),
            std::string::npos);
}

TEST(SarifTest, AbsolutePathsAreFileUris) {
  absl::StatusOr<Document> document =
      MakeDocument("/srv/news/a b.txt", "It ended in 2020.", "2024-02-14");
  ASSERT_TRUE(document.ok()) << document.status();
  CheckedDocument checked{.document = &*document, .response = {}};
  *checked.response.add_findings() =
      FindingAt(document->text(), "2020", v1::CONTRADICTED, v1::REFERENCE);
  const std::string log = RenderSarif({checked}, {.include_supported = false, .base_directory = "/"});
  EXPECT_NE(log.find(R"("artifactLocation": {"uri": "file:///srv/news/a%20b.txt"})"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(R"("originalUriBaseIds": {"SRCROOT": {"uri": "file:///"}})"),
            std::string::npos)
      << log;
}

TEST(SarifTest, NoFindingsGiveAnEmptyResultsArray) {
  const std::string log = RenderSarif({}, {.include_supported = false, .base_directory = "/"});
  EXPECT_NE(log.find("\"results\": []\n"), std::string::npos) << log;
}

TEST(SarifTest, PathToUriEscapesAllButUnreservedAndSlashes) {
  EXPECT_EQ(PathToUri("a/b-c_d.e~f"), "a/b-c_d.e~f");
  EXPECT_EQ(PathToUri("my draft#1.txt"), "my%20draft%231.txt");
  EXPECT_EQ(PathToUri("é"), "%C3%A9");
}

}  // namespace
}  // namespace factcheck::client
