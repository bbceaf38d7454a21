#include "client/timex.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/exit_code.h"
#include "client/json_output.h"
#include "client/text_position.h"
#include "engine/time/date.h"

namespace factcheck::client {
namespace {

absl::StatusOr<absl::CivilDay> ParseDct(absl::string_view value) {
  absl::StatusOr<PartialDate> day = PartialDate::FromIsoDay(value);
  if (!day.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", value, "' is not a valid date (YYYY-MM-DD)"));
  }
  return absl::CivilDay(day->year, day->month, day->day);
}

// The TimeML DOCID for a path: its file name without the extension.
std::string DocId(absl::string_view path) {
  if (path == kStdinPath) return "stdin";
  const std::size_t slash = path.rfind('/');
  if (slash != absl::string_view::npos) path.remove_prefix(slash + 1);
  const std::size_t dot = path.rfind('.');
  if (dot != absl::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

std::string ToString(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

void Print(absl::string_view out) {
  // fwrite, not printf: a text may contain NUL bytes.
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int Fail(absl::string_view message) {
  absl::FPrintF(stderr, "factcheck: %s\n", message);
  return kExitFailure;
}

}  // namespace

std::string EscapeXml(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += ' ';
        } else if (c == '\xEF' && i + 2 < text.size() &&
                   text[i + 1] == '\xBF' &&
                   (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
          out += "\xEF\xBF\xBD";  // U+FFFD for the noncharacters.
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string RenderTimexLines(const Document& document,
                             const std::vector<TimeExpression>& timexes) {
  const LineIndex lines(document.content);
  std::vector<std::string> positions;
  std::size_t position_width = 0;
  std::size_t value_width = 0;
  for (const TimeExpression& t : timexes) {
    const LineColumn at = lines.Locate(document.text_offset + t.begin);
    positions.push_back(absl::StrCat(at.line, ":", at.column));
    position_width = std::max(position_width, positions.back().size());
    value_width = std::max(value_width, t.value.size());
  }
  // "DURATION" is the longest type name.
  constexpr int kTypeWidth = 8;
  std::string out;
  for (std::size_t i = 0; i < timexes.size(); ++i) {
    const TimeExpression& t = timexes[i];
    absl::StrAppendFormat(
        &out, "%-*s  %-*s  %-*s  %s", static_cast<int>(position_width),
        positions[i], kTypeWidth, TimexTypeName(t.type),
        static_cast<int>(value_width), t.value, JsonQuote(t.text));
    if (!t.mod.empty()) absl::StrAppend(&out, "  mod=", t.mod);
    out += '\n';
  }
  return out;
}

std::string RenderTimexJson(const std::vector<TimeExpression>& timexes) {
  std::string out = "{\"timexes\":[";
  for (std::size_t i = 0; i < timexes.size(); ++i) {
    const TimeExpression& t = timexes[i];
    absl::StrAppend(&out, i == 0 ? "" : ",", "{\"begin\":", t.begin,
                    ",\"end\":", t.end, ",\"text\":", JsonQuote(t.text),
                    ",\"type\":", JsonQuote(TimexTypeName(t.type)),
                    ",\"value\":", JsonQuote(t.value));
    if (!t.mod.empty()) absl::StrAppend(&out, ",\"mod\":", JsonQuote(t.mod));
    out += '}';
  }
  out += "]}\n";
  return out;
}

std::string RenderTimeml(absl::string_view text,
                         const std::vector<TimeExpression>& timexes,
                         absl::string_view doc_id, absl::CivilDay dct) {
  const std::string day = ToString(dct);
  std::string out = absl::StrCat(
      "<?xml version=\"1.0\" ?>\n"
      "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/"
      "TimeML_1.2.1.xsd\">\n\n"
      "<DOCID>",
      EscapeXml(doc_id),
      "</DOCID>\n\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"",
      day,
      "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">",
      day, "</TIMEX3></DCT>\n\n<TEXT>");
  std::size_t at = 0;
  int tid = 0;
  for (const TimeExpression& t : timexes) {
    // The tagger promises ordered, non-overlapping spans inside the text;
    // anything else is skipped rather than written as broken XML.
    if (t.begin < at || t.end < t.begin || t.end > text.size()) continue;
    absl::StrAppend(&out, EscapeXml(text.substr(at, t.begin - at)),
                    "<TIMEX3 tid=\"t", ++tid, "\" type=\"",
                    TimexTypeName(t.type), "\" value=\"", EscapeXml(t.value),
                    "\"");
    if (!t.mod.empty())
      absl::StrAppend(&out, " mod=\"", EscapeXml(t.mod), "\"");
    absl::StrAppend(&out, ">", EscapeXml(text.substr(t.begin, t.end - t.begin)),
                    "</TIMEX3>");
    at = t.end;
  }
  absl::StrAppend(&out, EscapeXml(text.substr(at)), "</TEXT>\n\n</TimeML>\n");
  return out;
}

int Timex(const TimexOptions& options) {
  // A bad --dct is a usage error, reported before stdin is read.
  if (options.dct.has_value()) {
    if (absl::StatusOr<absl::CivilDay> dct = ParseDct(*options.dct);
        !dct.ok()) {
      return Fail(absl::StrCat("--dct ", dct.status().message()));
    }
  }
  absl::StatusOr<std::string> content = ReadInput(options.path);
  if (!content.ok()) return Fail(content.status().message());
  if (!options.dct.has_value() && !ParseDateHeader(*content).has_value()) {
    return Fail(
        "timex needs --dct=YYYY-MM-DD, or a file whose first line starts "
        "with 'date YYYY-MM-DD'");
  }
  absl::StatusOr<Document> document =
      MakeDocument(options.path, *std::move(content), options.dct);
  if (!document.ok()) return Fail(document.status().message());
  absl::StatusOr<absl::CivilDay> dct = ParseDct(document->published_date);
  if (!dct.ok()) {
    return Fail(absl::StrCat(document->DisplayName(), ": the date header ",
                             dct.status().message()));
  }

  const TemporalTagger tagger;
  const std::vector<TimeExpression> timexes =
      tagger.Tag(document->text(), *dct);
  switch (options.format) {
    case TimexFormat::kLines:
      Print(RenderTimexLines(*document, timexes));
      break;
    case TimexFormat::kJson:
      Print(RenderTimexJson(timexes));
      break;
    case TimexFormat::kTimeml:
      Print(
          RenderTimeml(document->text(), timexes, DocId(document->path), *dct));
      break;
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

}  // namespace factcheck::client
