// ServerConfig: everything `treatywatch serve` is started with. Every limit that a request can
// push against is a named field here, so tests and deployments can tighten it.
#ifndef TREATYWATCH_SERVER_SERVER_CONFIG_H_
#define TREATYWATCH_SERVER_SERVER_CONFIG_H_

#include <cstddef>
#include <string>

namespace tw::server {

struct ServerConfig {
  std::string db_url = "treatywatch.db";  // store/store.h OpenStore
  std::string host = "127.0.0.1";
  int port = 8080;                        // 0: any free port (tests read Server::port())

  // Templates (*.mustache) and the project's own static files (app.css, app.js).
  std::string web_dir;
  // The npm packages of package-lock.json (htmx, Chart.js): served from here, never copied.
  std::string node_modules_dir;
  // Uploads are written here whole before they are acknowledged; an upload the server had
  // acknowledged but not yet ingested when it died is ingested on the next start.
  std::string spool_dir;

  std::size_t max_body_bytes = 64u << 20;  // larger requests get 413
  std::size_t max_form_field_bytes = 1u << 20;
  int worker_threads = 0;                  // 0: enough for 64 keep-alive connections
  int keep_alive_max_requests = 100000;  // a closed keep-alive costs a reconnect under load

  // Cookies get the Secure attribute: the server sits behind a TLS-terminating proxy.
  bool behind_tls = false;
  // Set by Server::Create when the store has no user: only loopback clients, one local owner.
  bool local_owner_mode = false;

  bool quiet = false;  // no access log on stderr

  // Rendered answers of cacheable routes kept in memory (server/response_cache.h); 0 turns the
  // cache off (`serve --no-cache`, the load benchmark's baseline).
  std::size_t response_cache_bytes = 64u << 20;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SERVER_CONFIG_H_
