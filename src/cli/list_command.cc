// `treatywatch list`: the documents in the database, oldest first.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "text/text_clip.h"
#include "doc/document_json.h"

namespace tw::cli {
namespace {


void RunList(CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return context.Fail(documents.status());
  if (context.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const doc::DocumentMeta& meta : *documents) out.push_back(doc::MetaToJson(meta));
    return context.PrintJson(out);
  }
  if (documents->empty()) {
    std::cout << "No documents yet. Add some with: treatywatch ingest FILE...\n";
    return;
  }
  std::cout << context.Bold(fmt::format("{:>4}  {:<22} {:<9} {:<10} {:<5} {}", "id", "symbol",
                                        "kind", "date", "pages", "title"))
            << "\n";
  for (const doc::DocumentMeta& meta : *documents) {
    std::string title = text::ClipUtf8(meta.title, 60);
    if (!meta.instrument.empty()) title += fmt::format(" [v{}]", meta.version);
    std::cout << fmt::format("{:>4}  {:<22} {:<9} {:<10} {:>5} {}\n", meta.id,
                             text::ClipUtf8(meta.symbol.empty() ? "-" : meta.symbol, 22), meta.kind,
                             meta.date.empty() ? "-" : meta.date, meta.page_count, title);
  }
}

}  // namespace

void RegisterListCommand(CLI::App& app, CliContext& context) {
  CLI::App* command = app.add_subcommand("list", "List the documents in the database");
  command->callback([&context] { RunList(context); });
}

}  // namespace tw::cli
