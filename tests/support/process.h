// Running the project's real binaries from tests.
#ifndef FACTCHECK_TESTS_SUPPORT_PROCESS_H_
#define FACTCHECK_TESTS_SUPPORT_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace factcheck::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal.
  std::string out;     // Standard output.
  std::string err;     // Standard error.
};

// Runs `argv` to completion with `input` on standard input.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::string& input = "");

// A running factcheck-server. Started on a free loopback port (it is given
// --listen=127.0.0.1:0 and reports the port it took on its start-up line).
// Stopped with SIGTERM when destroyed.
class ServerProcess {
 public:
  // Starts `binary` with `args` (plus --listen) and waits for its start-up
  // line. Fails with the server's output when it exits or does not start
  // within 30 seconds.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args);
  ~ServerProcess();

  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }
  // The start-up line.
  const std::string& banner() const { return banner_; }
  // Sends SIGTERM and waits; returns the exit code (-1 if signalled).
  int Stop();
  // Sends SIGKILL and waits.
  void Kill();

 private:
  ServerProcess() = default;
  int Wait();

  pid_t pid_ = -1;
  int output_fd_ = -1;
  std::string address_;
  std::string banner_;
};

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_PROCESS_H_
