// TestServer: a real treatywatch server (server/server.h) in this process, on a free loopback
// port, over a fresh SQLite store in a temp folder, for API, page and security tests. Requests
// go through a real socket with httplib::Client, so routing, limits and headers are the ones a
// browser meets.
//
// With no user in the store the server runs in local-owner mode (every request is the admin);
// tests of roles add users first (AddUser) and then Restart so the server sees them.
#ifndef TREATYWATCH_TESTS_SERVER_TEST_SERVER_H_
#define TREATYWATCH_TESTS_SERVER_TEST_SERVER_H_

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "server/server.h"
#include "store/store.h"

namespace tw::testing {

class TestServer {
 public:
  // `documents`: files (absolute paths) ingested before the server starts, with metadata
  // guessed from the file name the way `treatywatch ingest` does with no options.
  explicit TestServer(std::vector<std::filesystem::path> documents = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Stops and starts the server on the same store (after adding users, to leave local-owner
  // mode; or to check what survives a restart).
  void Restart();

  // A client for this server; every call makes a new one with no cookies.
  std::unique_ptr<httplib::Client> Client() const;
  int port() const { return port_; }
  std::string BaseUrl() const;

  // This thread's own connection to the server's store (for arranging and checking state).
  store::Store& store();
  const std::filesystem::path& db_path() const { return db_path_; }
  const std::filesystem::path& dir() const { return dir_; }
  server::Server& server() { return *server_; }

  // Ingests one more document into the store (the server sees it at once).
  std::int64_t Ingest(const std::filesystem::path& file, const std::string& symbol = {},
                      const std::string& instrument = {});

 private:
  void Start();
  void Stop();

  std::filesystem::path dir_;
  std::filesystem::path db_path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// A cookie jar of one: the Cookie header value ("name=value; name2=value2") from a response's
// Set-Cookie headers merged into `jar`.
std::string MergeCookies(const std::string& jar, const httplib::Response& response);

// The CSRF token a page carries (its hx-headers attribute), empty when none.
std::string CsrfTokenOf(const std::string& page_html);

// The path of a demo file (demo/NAME) and of a corpus file (../shared/corpus/NAME).
std::filesystem::path DemoPath(const std::string& name);
std::filesystem::path CorpusPath(const std::string& name);

}  // namespace tw::testing

#endif  // TREATYWATCH_TESTS_SERVER_TEST_SERVER_H_
