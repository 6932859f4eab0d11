// Server: `treatywatch serve` — the JSON API under /api/v1/ and the web UI over one store.
//
// Every response carries a strict Content-Security-Policy (no inline script or style, nothing
// from another origin: the UI works offline in a negotiation hall) and the usual hardening
// headers. Request bodies above ServerConfig::max_body_bytes get 413 before a handler runs.
//
// Thread safety: Run blocks the calling thread; Stop may be called from any thread.
#ifndef TREATYWATCH_SERVER_SERVER_H_
#define TREATYWATCH_SERVER_SERVER_H_

#include <memory>
#include <optional>

#include <httplib.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/server_config.h"
#include "server/server_state.h"
#include "server/spool_lock.h"

namespace tw::server {

class Server {
 public:
  // Opens the store (creating and migrating it), loads the templates, registers every route
  // and binds the port. With no user in the store the host is forced to 127.0.0.1
  // (config().local_owner_mode) and the caller should say so.
  static absl::StatusOr<std::unique_ptr<Server>> Create(ServerConfig config);

  absl::Status Run();  // serves until Stop
  void Stop();
  bool IsRunning() const { return http_.is_running(); }
  int port() const { return port_; }
  const ServerConfig& config() const { return state_->config(); }
  ServerState& state() { return *state_; }

 private:
  Server() = default;
  void Install();

  std::unique_ptr<ServerState> state_;
  std::optional<SpoolLock> spool_lock_;  // held while the server lives (spool_lock.h)
  httplib::Server http_;
  int port_ = 0;
  int listen_fd_ = -1;  // the listening socket, to lengthen its backlog after bind
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SERVER_H_
