// Running the project's real binaries from tests.
#ifndef FACTCHECK_TESTS_SUPPORT_PROCESS_H_
#define FACTCHECK_TESTS_SUPPORT_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace factcheck::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal.
  std::string out;     // Standard output.
  std::string err;     // Standard error.
};

// Runs `argv` to completion with `input` on standard input.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::string& input = "");

// A running factcheck-server. Started on free loopback ports (it is given
// --listen=127.0.0.1:0 and --http_listen=127.0.0.1:0, which `args` may
// override, and logs the ports it took), unless told to take its ports
// from `args` and its defaults alone. Its standard output and error are
// read as they come, so that its log never fills the pipe and stalls it.
// Stopped with SIGTERM when destroyed.
class ServerProcess {
 public:
  // How far Start waits.
  enum class Until {
    // The line that says the server serves ("listening on"): its reference
    // data is loaded.
    kServing,
    // The first line that names the port ("started, loading reference
    // data"): the server answers, with NOT_SERVING and UNAVAILABLE, while
    // it loads.
    kListening,
  };

  // Which ports it listens on.
  enum class Ports {
    // --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 before `args`.
    kFreeLoopback,
    // Only what `args` says, the server's defaults for the rest.
    kAsGiven,
  };

  // Starts `binary` with `args` and waits as `until` says. Fails with the
  // server's output when it exits or does not get there within 30 seconds.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      Until until = Until::kServing, Ports ports = Ports::kFreeLoopback);
  ~ServerProcess();

  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }
  // "127.0.0.1:PORT" of the HTTP port (the JSON API, GET /metrics);
  // empty when the server has none.
  const std::string& http_address() const { return http_address_; }
  // The line Start waited for.
  const std::string& banner() const { return banner_; }
  // The server's process id, for reading what /proc says about it.
  pid_t pid() const { return pid_; }
  // Everything the server has written so far, both streams interleaved.
  std::string output() const;
  // Waits until the output contains `text`; false when the server closes
  // its output first, or after `timeout`.
  bool WaitForOutput(absl::string_view text, absl::Duration timeout) const;
  // Sends `signal_number` and returns at once.
  void Signal(int signal_number);
  // Waits for the server to exit; returns the exit code (-1 if signalled).
  int Wait();
  // Sends SIGTERM and waits; returns the exit code (-1 if signalled).
  int Stop();
  // Sends SIGKILL and waits.
  void Kill();

 private:
  ServerProcess() = default;
  void ReadOutput(int fd);

  pid_t pid_ = -1;
  std::thread reader_;
  std::string address_;
  std::string http_address_;
  std::string banner_;

  mutable absl::Mutex mu_;
  std::string output_ ABSL_GUARDED_BY(mu_);
  bool output_closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace factcheck::testing

#endif  // FACTCHECK_TESTS_SUPPORT_PROCESS_H_
