// ServeProcess: the real `treatywatch serve` in a child process, for end-to-end tests that
// kill it, restart it, or run two of them on one database. The port is the one it prints on its
// --json first line; stderr goes to a log file. The destructor stops it with SIGTERM.
#ifndef TREATYWATCH_TESTS_E2E_SERVE_PROCESS_H_
#define TREATYWATCH_TESTS_E2E_SERVE_PROCESS_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include <httplib.h>

namespace tw::testing {

class ServeProcess {
 public:
  // `db`: a SQLite path or a PostgreSQL URL; `serve_options` follow `serve` on the command
  // line. Throws std::runtime_error, with the server's first line, when it does not start.
  ServeProcess(const std::string& db, const std::filesystem::path& log,
               const std::vector<std::string>& serve_options = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Sends `signal` and waits for the process to end.
  void Kill(int signal);
  int port() const { return port_; }
  httplib::Client Client() const;

 private:
  pid_t pid_ = 0;
  int stdout_ = -1;
  int port_ = 0;
};

// The cookie and CSRF token a browser gets from a page of `server` (local-owner mode: no
// login needed).
struct ServeSession {
  std::string cookie;
  std::string csrf;
};
ServeSession OpenSession(const ServeProcess& server);

}  // namespace tw::testing

#endif  // TREATYWATCH_TESTS_E2E_SERVE_PROCESS_H_
