// ServerState: what every request of one running server shares. Owned by Server; handlers
// reach it through RequestContext.
#ifndef TREATYWATCH_SERVER_SERVER_STATE_H_
#define TREATYWATCH_SERVER_SERVER_STATE_H_

#include <memory>

#include "server/authenticator.h"
#include "server/jobs.h"
#include "server/response_cache.h"
#include "server/route_table.h"
#include "server/server_config.h"
#include "server/store_pool.h"
#include "server/templates.h"

namespace tw::server {

class ServerState {
 public:
  ServerState(ServerConfig config, Templates templates)
      : config_(std::move(config)),
        templates_(std::move(templates)),
        stores_(config_.db_url),
        jobs_(config_.db_url) {}

  const ServerConfig& config() const { return config_; }
  const Templates& templates() const { return templates_; }
  StorePool& stores() { return stores_; }
  JobQueue& jobs() { return jobs_; }
  RouteTable& routes() { return routes_; }
  Authenticator& authenticator() { return *authenticator_; }
  // Null when the configuration turns the response cache off.
  ResponseCache* cache() { return cache_.get(); }
  void set_cache(std::unique_ptr<ResponseCache> cache) { cache_ = std::move(cache); }
  void set_authenticator(std::unique_ptr<Authenticator> authenticator) {
    authenticator_ = std::move(authenticator);
  }

 private:
  ServerConfig config_;
  Templates templates_;
  StorePool stores_;
  JobQueue jobs_;
  RouteTable routes_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<ResponseCache> cache_;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SERVER_STATE_H_
