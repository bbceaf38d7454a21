#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/support/temp_dir.h"

extern char** environ;

namespace factcheck::testing {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::string& input) {
  TempDir dir;
  const std::string in = dir.File("stdin"), out = dir.File("stdout"),
                    err = dir.File("stderr");
  WriteFileOrDie(in, input);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args = Argv(argv);
  pid_t pid = -1;
  CommandResult result;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) !=
      0) {
    result.err = absl::StrCat("cannot run ", argv[0]);
    posix_spawn_file_actions_destroy(&actions);
    return result;
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = ExitCode(status);
  result.out = ReadFileOrDie(out);
  result.err = ReadFileOrDie(err);
  return result;
}

namespace {

// The value of `"key":"value"` in a JSON log line (our values here have no
// escapes), or empty.
std::string JsonField(absl::string_view line, absl::string_view key) {
  const std::string pattern = absl::StrCat("\"", key, "\":\"");
  const std::size_t at = line.find(pattern);
  if (at == absl::string_view::npos) return "";
  const std::size_t begin = at + pattern.size();
  const std::size_t end = line.find('"', begin);
  if (end == absl::string_view::npos) return "";
  return std::string(line.substr(begin, end - begin));
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::string& binary, const std::vector<std::string>& args,
    Until until, Ports ports) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return absl::InternalError("pipe failed");
  std::vector<std::string> argv = {binary};
  if (ports == Ports::kFreeLoopback) {
    argv.push_back("--listen=127.0.0.1:0");
    argv.push_back("--http_listen=127.0.0.1:0");
  }
  argv.insert(argv.end(), args.begin(), args.end());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<char*> c_args = Argv(argv);
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  const int spawned = posix_spawn(&server->pid_, c_args[0], &actions, nullptr,
                                  c_args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    server->pid_ = -1;
    return absl::InternalError(absl::StrCat("cannot run ", binary));
  }
  server->reader_ =
      std::thread([s = server.get(), fd = pipe_fds[0]] { s->ReadOutput(fd); });
  // Wait for the line that names the port; the serving line names it too.
  const absl::string_view marker =
      until == Until::kServing ? "listening on " : "\"address\":";
  if (!server->WaitForOutput(marker, absl::Seconds(30))) {
    return absl::UnavailableError(absl::StrCat(
        "factcheck-server did not start; it printed:\n", server->output()));
  }
  const std::string output = server->output();
  const std::size_t at = output.find(std::string(marker));
  const std::size_t line_start = output.rfind('\n', at);
  const std::size_t begin =
      line_start == std::string::npos ? 0 : line_start + 1;
  const std::size_t eol = output.find('\n', at);
  server->banner_ = output.substr(
      begin, eol == std::string::npos ? std::string::npos : eol - begin);
  server->address_ = JsonField(server->banner_, "address");
  server->http_address_ = JsonField(server->banner_, "http");
  if (server->address_.empty()) {
    return absl::UnavailableError(absl::StrCat(
        "factcheck-server's start-up line names no address:\n", output));
  }
  return server;
}

void ServerProcess::ReadOutput(int fd) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    absl::MutexLock lock(&mu_);
    output_.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  absl::MutexLock lock(&mu_);
  output_closed_ = true;
}

std::string ServerProcess::output() const {
  absl::MutexLock lock(&mu_);
  return output_;
}

bool ServerProcess::WaitForOutput(absl::string_view text,
                                  absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  const auto seen_or_closed = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return output_closed_ || absl::StrContains(output_, text);
  };
  mu_.AwaitWithTimeout(absl::Condition(&seen_or_closed), timeout);
  return absl::StrContains(output_, text);
}

void ServerProcess::Signal(int signal_number) {
  if (pid_ >= 0) kill(pid_, signal_number);
}

int ServerProcess::Wait() {
  if (pid_ < 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  // The server's output ends when it exits (unless a child of its own kept
  // the pipe open, which the server has none of).
  if (reader_.joinable()) reader_.join();
  return ExitCode(status);
}

int ServerProcess::Stop() {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  return Wait();
}

void ServerProcess::Kill() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  Wait();
}

ServerProcess::~ServerProcess() {
  if (pid_ >= 0) Stop();
  if (reader_.joinable()) reader_.join();
}

}  // namespace factcheck::testing
