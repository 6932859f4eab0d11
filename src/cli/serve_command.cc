// `treatywatch serve [--host H] [--port P]`: the JSON API and the web UI over the store.
#include "cli/commands.h"
#include "cli/serve_runner.h"

namespace tw::cli {
namespace {

struct ServeArgs {
  server::ServerConfig config;
};

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
  serve->callback([&context, args] { RunServe(context, args->config); });
}

}  // namespace tw::cli
