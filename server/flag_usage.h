// What `factcheck-server --help` lists: every flag the server defines, in
// each of the files that define them (main.cc, security_flags.cc,
// observability_flags.cc), grouped by file.
//
// Abseil's --help lists only the flags of a file named after the program
// (factcheck-server.cc or factcheck-server_main.cc), which no file here is,
// so by default it printed "No flags matched".
#ifndef FACTCHECK_SERVER_FLAG_USAGE_H_
#define FACTCHECK_SERVER_FLAG_USAGE_H_

#include "absl/strings/string_view.h"

namespace factcheck {

// Sets Abseil's usage config: --help and --helpshort list the flags defined
// under server/, with file names relative to the source tree; --helpfull
// still lists Abseil's and gRPC's own flags as well. Call before
// absl::ParseCommandLine.
void ConfigureFlagUsage(absl::string_view usage_message);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_FLAG_USAGE_H_
