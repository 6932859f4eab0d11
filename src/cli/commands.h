// Each command registers itself on the CLI11 app; its implementation is in <name>_command.cc.
#ifndef TREATYWATCH_CLI_COMMANDS_H_
#define TREATYWATCH_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace tw::cli {

void RegisterIngestCommand(CLI::App& app, CliContext& context);
void RegisterListCommand(CLI::App& app, CliContext& context);
void RegisterShowCommand(CLI::App& app, CliContext& context);
void RegisterSearchCommand(CLI::App& app, CliContext& context);
void RegisterMigrateCommand(CLI::App& app, CliContext& context);
void RegisterDiffCommand(CLI::App& app, CliContext& context);
void RegisterCrosswalkCommand(CLI::App& app, CliContext& context);
void RegisterHistoryCommand(CLI::App& app, CliContext& context);
void RegisterAuditCommands(CLI::App& app, CliContext& context);  // audit, audit-trend
void RegisterActorsCommand(CLI::App& app, CliContext& context);
void RegisterSessionCommand(CLI::App& app, CliContext& context);
void RegisterStatementCommand(CLI::App& app, CliContext& context);
void RegisterPositionCommand(CLI::App& app, CliContext& context);
void RegisterVoteCommand(CLI::App& app, CliContext& context);
void RegisterCoalitionsCommands(CLI::App& app, CliContext& context);  // coalitions, project-vote
void RegisterClaimsCommand(CLI::App& app, CliContext& context);
void RegisterFactCheckCommand(CLI::App& app, CliContext& context);
void RegisterExportCommand(CLI::App& app, CliContext& context);
void RegisterServeCommand(CLI::App& app, CliContext& context);
void RegisterUserCommand(CLI::App& app, CliContext& context);
void RegisterTraceCommand(CLI::App& app, CliContext& context);
void RegisterInfluenceCommand(CLI::App& app, CliContext& context);
void RegisterReuseCommand(CLI::App& app, CliContext& context);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_COMMANDS_H_
