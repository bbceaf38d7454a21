#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
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

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::string& binary, const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return absl::InternalError("pipe failed");
  std::vector<std::string> argv = {binary, "--listen=127.0.0.1:0"};
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
  server->output_fd_ = pipe_fds[0];
  if (spawned != 0) {
    server->pid_ = -1;
    return absl::InternalError(absl::StrCat("cannot run ", binary));
  }
  // Read until the start-up line, which names the port.
  std::string output;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{server->output_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(server->output_fd_, buffer, sizeof(buffer));
    if (n <= 0) break;  // The server exited.
    output.append(buffer, n);
    const std::size_t at = output.find("listening on ");
    if (at == std::string::npos) continue;
    const std::size_t eol = output.find('\n', at);
    if (eol == std::string::npos) continue;
    const std::size_t line_start = output.rfind('\n', at);
    const std::size_t begin =
        line_start == std::string::npos ? 0 : line_start + 1;
    server->banner_ = output.substr(begin, eol - begin);
    const std::size_t addr_begin = at + std::strlen("listening on ");
    const std::size_t addr_end = output.find(' ', addr_begin);
    server->address_ = output.substr(addr_begin, addr_end - addr_begin);
    return server;
  }
  return absl::UnavailableError(
      absl::StrCat("factcheck-server did not start; it printed:\n", output));
}

int ServerProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (output_fd_ >= 0) close(output_fd_);
  output_fd_ = -1;
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
}

}  // namespace factcheck::testing
