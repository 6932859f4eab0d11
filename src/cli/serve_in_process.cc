// `serve` in the treatywatch-server program: the JSON API and the web UI over the store
// (serve_runner.h).
#include <fmt/format.h>

#include <csignal>
#include <iostream>

#include "cli/serve_runner.h"

namespace tw::cli {
namespace {

server::Server* running_server = nullptr;

extern "C" void StopOnSignal(int) {
  // httplib's stop() only shuts sockets down and sets a flag: safe enough from a handler.
  if (running_server != nullptr) running_server->Stop();
}

}  // namespace

void RunServe(CliContext& context, server::ServerConfig& asked) {
  asked.db_url = context.db;
  if (asked.web_dir.empty()) asked.web_dir = TW_DEFAULT_WEB_DIR;
  if (asked.node_modules_dir.empty()) {
    asked.node_modules_dir = TW_DEFAULT_NODE_MODULES_DIR;
  }
  if (asked.spool_dir.empty()) {
    asked.spool_dir = store::DescribeStoreUrl(context.db).find("://") == std::string::npos
                          ? context.db + ".spool"
                          : "treatywatch-spool";
  }
  const std::string asked_host = asked.host;
  auto created = server::Server::Create(asked);
  if (!created.ok()) {
    context.Fail(created.status());
    return;
  }
  server::Server& server = **created;
  const server::ServerConfig& config = server.config();
  if (config.local_owner_mode && asked_host != config.host) {
    std::cerr << fmt::format(
        "treatywatch: no user accounts yet, so serving on {} only, not {} "
        "(add one with: treatywatch user add NAME --role admin)\n",
        config.host, asked_host);
  }
  const std::string url = fmt::format("http://{}:{}/", config.host, server.port());
  if (context.json) {
    context.PrintJson({{"url", url},
                       {"host", config.host},
                       {"port", server.port()},
                       {"local_owner", config.local_owner_mode},
                       {"db", store::DescribeStoreUrl(config.db_url)}});
  } else {
    std::cout << fmt::format(
        "treatywatch serving {} at {}{}\n", store::DescribeStoreUrl(config.db_url), url,
        config.local_owner_mode ? " (no user accounts: local use only, no login needed)" : "");
  }
  std::cout.flush();
  running_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  absl::Status result = server.Run();
  running_server = nullptr;
  if (!result.ok()) context.Fail(result);
}

}  // namespace tw::cli
