// `treatywatch history DOC PATH`: the life of one provision across its instrument's version
// chain — the numbers it had, when and how it changed, its brackets in each version.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "compare/crosswalk_json.h"
#include "compare/report_text.h"
#include "compare/report_wording.h"
#include "compare/version_chain.h"
#include "store/chain_documents.h"

namespace tw::cli {
namespace {

struct HistoryArgs {
  std::string document;
  std::string path;
  bool redlines = false;
};

void RunHistory(const HistoryArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(args.document);
  if (!document.ok()) return context.Fail(document.status());
  absl::StatusOr<store::ChainDocuments> chain = store::LoadChainOf(**store, *document);
  if (!chain.ok()) return context.Fail(chain.status());
  absl::StatusOr<compare::ProvisionHistory> history =
      compare::TraceProvision(chain->versions, chain->index, args.path);
  if (!history.ok()) return context.Fail(history.status());
  if (context.json) return context.PrintJson(compare::HistoryToJson(*history));

  std::cout << context.Bold(fmt::format("{} in {}", args.path, document->meta.instrument))
            << context.Dim(fmt::format("  work id {}", history->work_id)) << "\n";
  compare::TextReportOptions text_options;
  text_options.color = context.color;
  for (const compare::HistoryStep& step : history->steps) {
    const std::string version =
        fmt::format("v{} {}{}", step.document.version, step.document.cite,
                    step.document.date.empty() ? "" : " (" + step.document.date + ")");
    if (!step.present) {
      std::cout << fmt::format("  {:<40} {}\n", version,
                               step.change == compare::ChangeKind::kRepeal ? "deleted" : "—");
      continue;
    }
    const bool first = &step == &history->steps.front() ||
                       step.change == compare::ChangeKind::kInsertion;
    const std::string what = first ? (&step == &history->steps.front() ? "first text" : "inserted")
                                   : std::string(compare::KindLabel(step.change));
    std::string line = fmt::format("  {:<40} {:<10} {:<12}", version, step.citation, what);
    if (step.change != compare::ChangeKind::kUnchanged && step.similarity < 1.0 &&
        step.change != compare::ChangeKind::kInsertion) {
      line += fmt::format(" similarity {:.2f}", step.similarity);
    }
    line += fmt::format("  {} words, {} bracket{}", step.words, step.brackets,
                        step.brackets == 1 ? "" : "s");
    if (!step.also.empty()) {
      std::string parts;
      for (const std::string& part : step.also) parts += (parts.empty() ? "" : ", ") + part;
      line += fmt::format("  (also {})", parts);
    }
    std::cout << line << "\n";
    if (args.redlines && !step.ops.empty()) {
      std::cout << "      " << compare::RenderOpsText(step.ops, text_options) << "\n";
    }
  }
}

}  // namespace

void RegisterHistoryCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<HistoryArgs>();
  CLI::App* command = app.add_subcommand(
      "history", "The life of one provision across its instrument's versions");
  command->add_option("document", args->document, "Any version: stored id or symbol")->required();
  command->add_option("path", args->path, "Provision path in that version, e.g. art40 or art5.p2")
      ->required();
  command->add_flag("--redline", args->redlines, "Show each version's word changes");
  command->callback([args, &context] { RunHistory(*args, context); });
}

}  // namespace tw::cli
