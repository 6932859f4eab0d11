#include "serve_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {

using nlohmann::json;

ServeProcess::ServeProcess(const std::string& db, const std::filesystem::path& log,
                           const std::vector<std::string>& serve_options) {
  const std::string binary = TreatywatchBinary();
  std::vector<std::string> args = {binary, "--db", db, "--json", "serve", "--port", "0"};
  args.insert(args.end(), serve_options.begin(), serve_options.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const std::string log_path = log.string();
    if (FILE* err = std::fopen(log_path.c_str(), "a")) dup2(fileno(err), STDERR_FILENO);
    close(out[0]);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(out[1]);
  stdout_ = out[0];
  std::string line;
  pollfd wait{stdout_, POLLIN, 0};
  while (line.find('\n') == std::string::npos && poll(&wait, 1, 30000) > 0) {
    char buffer[512];
    const ssize_t n = read(stdout_, buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<std::size_t>(n));
  }
  const json started = json::parse(line.substr(0, line.find('\n')), nullptr, false);
  if (!started.is_object()) {
    // Reap it now: the destructor does not run for a constructor that throws.
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    close(stdout_);
    throw std::runtime_error("serve did not start: " + line);
  }
  port_ = started["port"].get<int>();
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Kill(SIGTERM);
  close(stdout_);
}

void ServeProcess::Kill(int signal) {
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = 0;
}

httplib::Client ServeProcess::Client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(120);
  return client;
}

ServeSession OpenSession(const ServeProcess& server) {
  httplib::Client client = server.Client();
  auto page = client.Get("/documents");
  if (!page || page->status != 200) throw std::runtime_error("no page from the server");
  ServeSession session;
  const std::string set_cookie = page->get_header_value("Set-Cookie");
  session.cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string marker = "X-CSRF-Token&quot;: &quot;";
  std::size_t at = page->body.find(marker);
  std::size_t skip = marker.size();
  if (at == std::string::npos) {
    at = page->body.find("\"X-CSRF-Token\": \"");
    skip = std::string("\"X-CSRF-Token\": \"").size();
  }
  if (at != std::string::npos) session.csrf = page->body.substr(at + skip, 64);
  return session;
}

}  // namespace tw::testing
