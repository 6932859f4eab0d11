// treatywatch: the command-line front end. Parses arguments, calls the library, renders.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  tw::cli::CliContext context;
  context.arguments.assign(argv, argv + argc);
  context.arguments.push_back(nullptr);
  CLI::App app{"treatywatch — a workbench for observers of treaty negotiations"};
  app.set_version_flag("--version", "treatywatch 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", context.db, "Database: a file path, sqlite:PATH or postgresql://...")
      ->envname("TREATYWATCH_DB")
      ->capture_default_str();
  app.add_flag("--json", context.json, "Print machine-readable JSON");

  tw::cli::RegisterIngestCommand(app, context);
  tw::cli::RegisterListCommand(app, context);
  tw::cli::RegisterShowCommand(app, context);
  tw::cli::RegisterSearchCommand(app, context);
  tw::cli::RegisterMigrateCommand(app, context);
  tw::cli::RegisterDiffCommand(app, context);
  tw::cli::RegisterCrosswalkCommand(app, context);
  tw::cli::RegisterHistoryCommand(app, context);
  tw::cli::RegisterTraceCommand(app, context);
  tw::cli::RegisterInfluenceCommand(app, context);
  tw::cli::RegisterReuseCommand(app, context);
  tw::cli::RegisterAuditCommands(app, context);
  tw::cli::RegisterActorsCommand(app, context);
  tw::cli::RegisterSessionCommand(app, context);
  tw::cli::RegisterStatementCommand(app, context);
  tw::cli::RegisterPositionCommand(app, context);
  tw::cli::RegisterVoteCommand(app, context);
  tw::cli::RegisterCoalitionsCommands(app, context);
  tw::cli::RegisterClaimsCommand(app, context);
  tw::cli::RegisterFactCheckCommand(app, context);
  tw::cli::RegisterExportCommand(app, context);
  tw::cli::RegisterServeCommand(app, context);
  tw::cli::RegisterUserCommand(app, context);

  // The one exception boundary of the CLI: libraries may throw, users get one line.
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "treatywatch: " << e.what() << " (see treatywatch --help)\n";
    return tw::cli::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "treatywatch: internal error: " << e.what() << "\n";
    return tw::cli::kExitError;
  }
  if (!context.error().ok()) {
    std::cerr << "treatywatch: " << context.error().message() << "\n";
  }
  return context.exit_code();
}
