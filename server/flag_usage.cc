#include "server/flag_usage.h"

#include <string>

#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"

namespace factcheck {
namespace {

// The server's flag files, as normalized below.
constexpr absl::string_view kServerFlagsFolder = "server/";

// "/work/src/server/main.cc" -> "server/main.cc": CMake compiles with
// absolute paths, which say where the tree was built, not where a flag is.
std::string RelativeToSourceTree(absl::string_view filename) {
  const std::size_t at = filename.rfind(kServerFlagsFolder);
  if (at == absl::string_view::npos) return std::string(filename);
  return std::string(filename.substr(at));
}

bool IsServerFlagFile(absl::string_view filename) {
  return absl::StartsWith(filename, kServerFlagsFolder);
}

}  // namespace

void ConfigureFlagUsage(absl::string_view usage_message) {
  absl::SetProgramUsageMessage(usage_message);
  absl::FlagsUsageConfig config;
  config.contains_help_flags = IsServerFlagFile;
  config.contains_helpshort_flags = IsServerFlagFile;
  config.normalize_filename = RelativeToSourceTree;
  absl::SetFlagsUsageConfig(config);
}

}  // namespace factcheck
