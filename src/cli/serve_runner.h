// How `treatywatch serve` runs, chosen when a program is linked.
//
// Only the server program, treatywatch-server, links the HTTP library and, through it,
// OpenSSL and brotli: loading and initialising those was a tenth of the wall time of a short
// command such as `treatywatch diff` on two 10,000-word texts (2-3 ms of 29). So the
// treatywatch program's `serve` replaces itself with treatywatch-server, found beside it, on
// the same command line (serve_by_exec.cc); treatywatch-server, built from the same main and
// the same commands, serves (serve_in_process.cc). The process keeps its id, so service
// managers and signals see one process as before.
#ifndef TREATYWATCH_CLI_SERVE_RUNNER_H_
#define TREATYWATCH_CLI_SERVE_RUNNER_H_

#include "cli/cli_context.h"
#include "server/server.h"

namespace tw::cli {

// The file name of the server program, in the folder of the treatywatch program.
inline constexpr char kServerProgram[] = "treatywatch-server";

// Serves until SIGINT or SIGTERM; failures go to `context`.
void RunServe(CliContext& context, server::ServerConfig& config);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_SERVE_RUNNER_H_
