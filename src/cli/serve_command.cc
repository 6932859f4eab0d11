// `treatywatch serve [--host H] [--port P]`: the JSON API and the web UI over the store.
#include <csignal>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/server.h"

namespace tw::cli {
namespace {

server::Server* running_server = nullptr;

extern "C" void StopOnSignal(int) {
  // httplib's stop() only shuts sockets down and sets a flag: safe enough from a handler.
  if (running_server != nullptr) running_server->Stop();
}

struct ServeArgs {
  server::ServerConfig config;
};

void RunServe(CliContext& context, ServeArgs& args) {
  args.config.db_url = context.db;
  if (args.config.web_dir.empty()) args.config.web_dir = TW_DEFAULT_WEB_DIR;
  if (args.config.node_modules_dir.empty()) {
    args.config.node_modules_dir = TW_DEFAULT_NODE_MODULES_DIR;
  }
  if (args.config.spool_dir.empty()) {
    args.config.spool_dir = store::DescribeStoreUrl(context.db).find("://") == std::string::npos
                                ? context.db + ".spool"
                                : "treatywatch-spool";
  }
  const std::string asked_host = args.config.host;
  auto created = server::Server::Create(args.config);
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
    std::cout << fmt::format("treatywatch serving {} at {}{}\n",
                             store::DescribeStoreUrl(config.db_url), url,
                             config.local_owner_mode
                                 ? " (no user accounts: local use only, no login needed)"
                                 : "");
  }
  std::cout.flush();
  running_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  absl::Status result = server.Run();
  running_server = nullptr;
  if (!result.ok()) context.Fail(result);
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the web UI and the JSON API");
  serve->add_option("--host", args->config.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", args->config.port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--web", args->config.web_dir, "Folder of templates/ and static/");
  serve->add_option("--node-modules", args->config.node_modules_dir,
                    "Folder of the npm packages (htmx, Chart.js)");
  serve->add_option("--spool", args->config.spool_dir,
                    "Folder where uploads wait until they are stored (default: DB.spool)");
  serve->add_option("--max-body", args->config.max_body_bytes, "Largest request body in bytes")
      ->capture_default_str();
  serve->add_option("--threads", args->config.worker_threads, "Worker threads (0: automatic)");
  serve->add_flag("--behind-tls", args->config.behind_tls,
                  "A TLS proxy is in front: mark cookies Secure");
  serve->add_flag("--quiet", args->config.quiet, "No access log on stderr");
  serve->add_flag_callback(
      "--no-cache", [args] { args->config.response_cache_bytes = 0; },
      "Render every page afresh (no response cache; for measuring and debugging)");
  serve->callback([&context, args] { RunServe(context, *args); });
}

}  // namespace tw::cli
