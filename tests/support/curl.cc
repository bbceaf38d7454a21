#include "tests/support/curl.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace factcheck::testing {

CurlAnswer Curl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {
      "/usr/bin/curl", "-sS", "-i", "--max-time", "60", "-H", "Expect:"};
  argv.insert(argv.end(), args.begin(), args.end());
  const CommandResult run = RunCommand(argv);
  CurlAnswer answer;
  answer.exit_code = run.exit_code;
  answer.error = run.err;
  absl::string_view rest = run.out;
  // One head per answer curl shows; the last is the final one.
  for (;;) {
    const std::size_t end = rest.find("\r\n\r\n");
    if (end == absl::string_view::npos) break;
    const absl::string_view head = rest.substr(0, end);
    rest.remove_prefix(end + 4);
    answer.headers.clear();
    bool first = true;
    for (absl::string_view line : absl::StrSplit(head, "\r\n")) {
      if (first) {
        first = false;
        const std::vector<absl::string_view> parts =
            absl::StrSplit(line, absl::MaxSplits(' ', 2));
        if (parts.size() < 2 || !absl::SimpleAtoi(parts[1], &answer.status)) {
          answer.status = 0;
        }
        continue;
      }
      const std::size_t colon = line.find(':');
      if (colon == absl::string_view::npos) continue;
      answer.headers[absl::AsciiStrToLower(line.substr(0, colon))] =
          std::string(absl::StripAsciiWhitespace(line.substr(colon + 1)));
    }
    if (answer.status != 100) break;
  }
  answer.body = std::string(rest);
  return answer;
}

CurlAnswer CurlPostJson(const std::string& url, const std::string& json,
                        const std::vector<std::string>& args) {
  TempDir dir;
  const std::string body = dir.File("body.json");
  WriteFileOrDie(body, json);
  std::vector<std::string> all = {"-X",
                                  "POST",
                                  "-H",
                                  "Content-Type: application/json",
                                  "--data-binary",
                                  "@" + body};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back(url);
  return Curl(all);
}

}  // namespace factcheck::testing
