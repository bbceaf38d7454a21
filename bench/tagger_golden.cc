// Dumps every field of every time expression the tagger finds, one line per
// expression, so that two builds of the tagger can be compared byte for
// byte (a golden file for optimisations that must not change the output).
//
//   factcheck_tagger_golden [--dct YYYY-MM-DD] FILE...
//
// A FILE ending in .tml is read as TimeML: the plain text of its <TEXT>
// element (tags removed, entities replaced) tagged against its DCT. Any
// other FILE is tagged as it is, against --dct (default 2024-02-14). Each
// file is also tagged a second time repeated to about 1 MB when
// FACTCHECK_GOLDEN_REPEAT is set, which exercises anything that carries
// state across a long text.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "bench/timeml_text.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck {
namespace {

std::string Escape(absl::string_view s) {
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || c == '\\' || c == '|') {
      absl::StrAppend(&out, "\\x", absl::Hex(u, absl::kZeroPad2));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Dump(const TemporalTagger& tagger, const std::string& name,
          absl::string_view text, absl::CivilDay dct) {
  const std::vector<TimeExpression> found = tagger.Tag(text, dct);
  std::printf("== %s dct=%s bytes=%zu timexes=%zu\n", name.c_str(),
              absl::FormatCivilTime(dct).c_str(), text.size(), found.size());
  for (const TimeExpression& e : found) {
    std::string date = "-";
    if (e.date) {
      date = absl::StrCat(e.date->year, "/", e.date->month, "/", e.date->day,
                          "/g", static_cast<int>(e.date->granularity), "/k",
                          e.date->year_known ? 1 : 0);
    }
    std::printf("%zu|%zu|%s|%s|%s|%s|s%d|y%d|r%d|%s\n", e.begin, e.end,
                Escape(e.text).c_str(),
                std::string(TimexTypeName(e.type)).c_str(),
                Escape(e.value).c_str(), date.c_str(),
                static_cast<int>(e.style), e.year_written ? 1 : 0,
                static_cast<int>(e.role), Escape(e.mod).c_str());
  }
}

int Main(int argc, char** argv) {
  absl::CivilDay dct(2024, 2, 14);
  const bool repeat = std::getenv("FACTCHECK_GOLDEN_REPEAT") != nullptr;
  const TemporalTagger tagger;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg == "--dct" && k + 1 < argc) {
      if (!absl::ParseCivilTime(argv[++k], &dct)) return 2;
      continue;
    }
    const std::string contents = bench::ReadFileOrExit(arg);
    std::string text = contents;
    absl::CivilDay file_dct = dct;
    if (arg.size() > 4 && arg.compare(arg.size() - 4, 4, ".tml") == 0) {
      text = bench::TimemlText(contents);
      file_dct = bench::TimemlDct(contents, dct);
    }
    Dump(tagger, arg, text, file_dct);
    if (repeat && !text.empty()) {
      std::string big;
      while (big.size() < (1u << 20)) absl::StrAppend(&big, text, "\n\n");
      Dump(tagger, arg + " (repeated)", big, file_dct);
    }
  }
  return 0;
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) { return factcheck::Main(argc, argv); }
