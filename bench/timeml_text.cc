#include "bench/timeml_text.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/status/statusor.h"
#include "absl/strings/str_replace.h"
#include "engine/time/date.h"

namespace factcheck::bench {

std::string ReadFileOrExit(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string TimemlText(absl::string_view tml) {
  const std::size_t open = tml.find("<TEXT>");
  const std::size_t close = tml.find("</TEXT>");
  if (open == absl::string_view::npos || close == absl::string_view::npos ||
      close < open) {
    return "";
  }
  const absl::string_view body = tml.substr(open + 6, close - open - 6);
  std::string plain;
  plain.reserve(body.size());
  bool in_tag = false;
  for (char c : body) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      plain.push_back(c);
    }
  }
  return absl::StrReplaceAll(plain, {{"&lt;", "<"},
                                     {"&gt;", ">"},
                                     {"&quot;", "\""},
                                     {"&apos;", "'"},
                                     {"&amp;", "&"}});
}

absl::CivilDay TimemlDct(absl::string_view tml, absl::CivilDay fallback) {
  std::size_t at = tml.find("<DCT>");
  if (at == absl::string_view::npos) return fallback;
  at = tml.find("value=\"", at);
  if (at == absl::string_view::npos) return fallback;
  absl::StatusOr<PartialDate> day =
      PartialDate::FromIsoDay(tml.substr(at + 7, 10));
  if (!day.ok()) return fallback;
  return absl::CivilDay(day->year, day->month, day->day);
}

}  // namespace factcheck::bench
