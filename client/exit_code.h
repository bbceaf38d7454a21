// The CLI's exit codes, which scripts and publishing pipelines branch on.
#ifndef FACTCHECK_CLIENT_EXIT_CODE_H_
#define FACTCHECK_CLIENT_EXIT_CODE_H_

namespace factcheck::client {

// Success: nothing was contradicted, or the command did what it was asked.
inline constexpr int kExitOk = 0;
// The texts were read and checked, and something in them is contradicted.
inline constexpr int kExitContradicted = 1;
// `health`: the server answers but is not serving (loading or draining).
inline constexpr int kExitNotServing = 1;
// Nothing trustworthy to report: a usage error, an unreadable file, an
// unreachable server or a failed RPC.
inline constexpr int kExitFailure = 2;

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_EXIT_CODE_H_
