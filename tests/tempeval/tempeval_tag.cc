// Runs the temporal tagger over plain-text files and prints what it found
// as JSON, for score.py to compare with TimeML gold annotations.
//
//   factcheck_tempeval_tag --dct 1998-01-08 FILE|-
//       prints {"timexes":[{"begin":..,"end":..,"text":..,"type":..,
//       "value":..}, ...]} for one text (begin/end are byte offsets).
//   factcheck_tempeval_tag --manifest LIST
//       LIST holds one "DCT<TAB>PATH" line per text; prints one line
//       {"file":PATH,"timexes":[...]} per text, so that a whole corpus is
//       tagged by one process.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "engine/document/json_string.h"
#include "engine/time/temporal_tagger.h"

ABSL_FLAG(std::string, dct, "",
          "document creation time, YYYY-MM-DD, for a single FILE");
ABSL_FLAG(std::string, manifest, "",
          "file of DCT<TAB>PATH lines; tags every PATH with its DCT");

namespace factcheck {
namespace {

std::string TimexesJson(const TemporalTagger& tagger, absl::string_view text,
                        absl::CivilDay dct) {
  std::string out = "\"timexes\":[";
  bool first = true;
  for (const TimeExpression& e : tagger.Tag(text, dct)) {
    absl::StrAppend(&out, first ? "" : ",", "{\"begin\":", e.begin,
                    ",\"end\":", e.end, ",\"text\":", JsonQuote(e.text),
                    ",\"type\":", JsonQuote(TimexTypeName(e.type)),
                    ",\"value\":", JsonQuote(e.value),
                    ",\"mod\":", JsonQuote(e.mod), "}");
    first = false;
  }
  out += "]";
  return out;
}

bool ReadFile(const std::string& path, std::string* contents) {
  std::stringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    buffer << file.rdbuf();
  }
  *contents = buffer.str();
  return true;
}

bool ParseDct(absl::string_view text, absl::CivilDay* dct) {
  return absl::ParseCivilTime(text, dct);
}

int Main(const std::vector<char*>& args) {
  const TemporalTagger tagger;
  const std::string manifest = absl::GetFlag(FLAGS_manifest);
  if (!manifest.empty()) {
    std::string list;
    if (!ReadFile(manifest, &list)) {
      std::fprintf(stderr, "cannot read manifest %s\n", manifest.c_str());
      return 2;
    }
    for (absl::string_view line : absl::StrSplit(list, '\n')) {
      if (line.empty()) continue;
      const std::vector<absl::string_view> fields =
          absl::StrSplit(line, absl::MaxSplits('\t', 1));
      absl::CivilDay dct;
      std::string text;
      if (fields.size() != 2 || !ParseDct(fields[0], &dct) ||
          !ReadFile(std::string(fields[1]), &text)) {
        std::fprintf(stderr, "bad manifest line: %s\n",
                     std::string(line).c_str());
        return 2;
      }
      std::cout << "{\"file\":" << JsonQuote(fields[1]) << ","
                << TimexesJson(tagger, text, dct) << "}\n";
    }
    return 0;
  }
  absl::CivilDay dct;
  if (args.size() != 2 || !ParseDct(absl::GetFlag(FLAGS_dct), &dct)) {
    std::fprintf(stderr,
                 "usage: %s --dct YYYY-MM-DD FILE|-\n"
                 "       %s --manifest LIST\n",
                 args[0], args[0]);
    return 2;
  }
  std::string text;
  if (!ReadFile(args[1], &text)) {
    std::fprintf(stderr, "cannot read %s\n", args[1]);
    return 2;
  }
  std::cout << "{" << TimexesJson(tagger, text, dct) << "}\n";
  return 0;
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) {
  return factcheck::Main(absl::ParseCommandLine(argc, argv));
}
