// Checks the command line's flags before absl::ParseCommandLine sees them.
//
// absl::ParseCommandLine reports an unknown flag or a bad value and exits
// with status 1, which for this CLI means "something is contradicted"; a
// script must not mistake a typo for a finding. Checking first lets the CLI
// exit with the usage-error status (2) instead.
#ifndef FACTCHECK_CLIENT_FLAG_CHECK_H_
#define FACTCHECK_CLIENT_FLAG_CHECK_H_

#include "absl/status/status.h"

namespace factcheck::client {

// Returns INVALID_ARGUMENT naming the first flag in `argv` that is not
// defined, lacks its value or has a value its type rejects. Arguments after
// "--" are positional and not checked. Flags with valid values are set as a
// side effect, which absl::ParseCommandLine then repeats.
absl::Status CheckFlags(int argc, char** argv);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_FLAG_CHECK_H_
