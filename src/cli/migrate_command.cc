// `treatywatch migrate --to URL [--from URL]`: copies every instrument and document of one store
// into another (typically a laptop's SQLite file into the coalition's PostgreSQL), keeping ids,
// versions and ingest times, then compares the two stores table by table and exits 2 when
// they differ. Safe to re-run: what is already there is skipped (store/store_copy.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "store/store_copy.h"

namespace tw::cli {
namespace {

struct MigrateArgs {
  std::string from;  // empty: the global --db
  std::string to;
};

// SQLite would create a missing file and copy nothing from it; a typo must be an error.
absl::Status CheckSourceExists(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return absl::OkStatus();
  }
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  std::error_code error;
  if (!std::filesystem::exists(std::filesystem::path(path), error)) {
    return absl::NotFoundError(
        fmt::format("migrate: the source database {} does not exist (--from, or --db)", path));
  }
  return absl::OkStatus();
}

std::string Short(const std::string& sha256) { return sha256.substr(0, 12); }

nlohmann::json ReportJson(const store::StoreCopyReport& report, const std::string& from,
                          const std::string& to) {
  nlohmann::json tables = nlohmann::json::array();
  for (const store::TableComparison& table : report.tables) {
    tables.push_back({{"table", table.source.table},
                      {"source_rows", table.source.rows},
                      {"destination_rows", table.destination.rows},
                      {"source_sha256", table.source.sha256},
                      {"destination_sha256", table.destination.sha256},
                      {"matches", table.Matches()}});
  }
  return {{"from", from},
          {"to", to},
          {"instruments", report.instruments},
          {"instruments_copied", report.instruments_copied},
          {"documents", report.documents},
          {"documents_copied", report.documents_copied},
          {"documents_present", report.documents_present},
          {"actors", report.actors},
          {"actors_copied", report.actors_copied},
          {"sessions", report.sessions},
          {"sessions_copied", report.sessions_copied},
          {"statements", report.statements},
          {"statements_copied", report.statements_copied},
          {"positions", report.positions},
          {"positions_copied", report.positions_copied},
          {"votes", report.votes},
          {"votes_copied", report.votes_copied},
          {"claims", report.claims},
          {"claims_copied", report.claims_copied},
          {"factchecks", report.factchecks},
          {"factchecks_copied", report.factchecks_copied},
          {"verified", report.Verified()},
          {"tables", tables}};
}

void PrintReport(const CliContext& context, const store::StoreCopyReport& report,
                 const std::string& from, const std::string& to) {
  std::cout << fmt::format("migrate: {} -> {}\n", from, to);
  const int record_copied = report.actors_copied + report.sessions_copied +
                            report.statements_copied + report.positions_copied +
                            report.votes_copied + report.claims_copied +
                            report.factchecks_copied;
  if (report.documents_copied == 0 && report.instruments_copied == 0 && record_copied == 0) {
    std::cout << fmt::format(
        "nothing to copy: all {} documents, {} instruments, the negotiation record and the "
        "fact-checks are "
        "already in the destination\n",
        report.documents, report.instruments);
  } else {
    std::cout << fmt::format("copied {} of {} documents and {} of {} instruments ({} documents "
                             "were already there)\n",
                             report.documents_copied, report.documents,
                             report.instruments_copied, report.instruments,
                             report.documents_present);
    std::cout << fmt::format("copied the negotiation record: {} of {} actors, {} of {} sessions, "
                             "{} of {} statements, {} of {} positions, {} of {} votes\n",
                             report.actors_copied, report.actors, report.sessions_copied,
                             report.sessions, report.statements_copied, report.statements,
                             report.positions_copied, report.positions, report.votes_copied,
                             report.votes);
    std::cout << fmt::format("copied the fact-checks: {} of {} claims, {} of {} fact-checks with "
                             "every revision\n",
                             report.claims_copied, report.claims, report.factchecks_copied,
                             report.factchecks);
  }
  std::size_t width = 5;
  for (const store::TableComparison& table : report.tables) {
    width = std::max(width, table.source.table.size());
  }
  std::cout << "\n"
            << context.Bold(fmt::format("{:<{}} {:>12} {:>12}  {:<12}  {:<12}", "table", width,
                                        "source rows", "dest rows", "source sha", "dest sha"))
            << "\n";
  for (const store::TableComparison& table : report.tables) {
    std::cout << fmt::format("{:<{}} {:>12} {:>12}  {:<12}  {:<12}  {}\n", table.source.table, width,
                             table.source.rows, table.destination.rows,
                             Short(table.source.sha256), Short(table.destination.sha256),
                             table.Matches() ? "same" : context.Highlight("DIFFERENT"));
  }
  if (report.Verified()) {
    std::cout << "\nverified: the destination holds exactly the source's content\n";
  }
}

void RunMigrate(const MigrateArgs& args, CliContext& context) {
  const std::string from_url = args.from.empty() ? context.db : args.from;
  if (absl::Status exists = CheckSourceExists(from_url); !exists.ok()) {
    return context.Fail(exists);
  }
  const std::string from = store::DescribeStoreUrl(from_url);
  const std::string to = store::DescribeStoreUrl(args.to);
  absl::StatusOr<std::unique_ptr<store::Store>> source = store::OpenStore(from_url);
  if (!source.ok()) return context.Fail(source.status());
  absl::StatusOr<std::unique_ptr<store::Store>> destination = store::OpenStore(args.to);
  if (!destination.ok()) return context.Fail(destination.status());

  absl::StatusOr<store::StoreCopyReport> report;
  {
    std::optional<ProgressBar> bar;
    report = store::CopyStore(
        **source, **destination,
        [&](std::size_t done, std::size_t total, std::string_view item) {
          if (!bar) bar.emplace(total, context.interactive && !context.json && total > 1);
          bar->Update(done, item);
        });
  }
  if (!report.ok()) {
    return context.Fail(absl::Status(
        report.status().code(),
        fmt::format("migrate: {} (the documents copied so far are complete; run migrate "
                    "again once the cause is fixed)",
                    std::string(report.status().message()))));
  }
  if (context.json) {
    context.PrintJson(ReportJson(*report, from, to));
  } else {
    PrintReport(context, *report, from, to);
  }
  if (!report->Verified()) {
    std::string tables;
    for (const store::TableComparison& table : report->tables) {
      if (table.Matches()) continue;
      tables += fmt::format("{}{}", tables.empty() ? "" : ", ", table.source.table);
    }
    context.Fail(absl::DataLossError(fmt::format(
        "migrate: the destination differs from the source in {}: it holds content that was not "
        "copied from this source; migrate into an empty database",
        tables)));
  }
}

}  // namespace

void RegisterMigrateCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<MigrateArgs>();
  CLI::App* command = app.add_subcommand(
      "migrate", "Copy every document into another database (e.g. SQLite to PostgreSQL), verified");
  command
      ->add_option("--to", args->to,
                   "Destination: postgresql://user@host/db, a path or sqlite:PATH")
      ->required();
  command->add_option("--from", args->from, "Source database (default: --db)");
  command->callback([args, &context] { RunMigrate(*args, context); });
}

}  // namespace tw::cli
