// `treatywatch search QUERY [--doc DOC] [--limit N]`: full-text search, printed as citations
// with the matching words highlighted.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "store/search_hit_json.h"

namespace tw::cli {
namespace {

struct SearchArgs {
  std::string query;
  std::string document;
  int limit = 20;
};

using store::ParseSnippet;
using store::RenderedSnippet;

void RunSearch(const SearchArgs& args, CliContext& context) {
  if (args.limit <= 0 || args.limit > 1000) {
    return context.Fail(absl::InvalidArgumentError("--limit must be between 1 and 1000"));
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  store::SearchQuery query;
  query.text = args.query;
  query.limit = args.limit;
  if (!args.document.empty()) {
    absl::StatusOr<doc::Document> document = (*store)->LoadDocument(args.document);
    if (!document.ok()) return context.Fail(document.status());
    query.document_id = document->meta.id;
  }
  absl::StatusOr<std::vector<store::SearchHit>> hits = (*store)->Search(query);
  if (!hits.ok()) return context.Fail(hits.status());
  if (context.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const store::SearchHit& hit : *hits) out.push_back(store::SearchHitToJson(hit));
    return context.PrintJson(out);
  }
  if (hits->empty()) {
    std::cout << fmt::format("No provision matches \"{}\".\n", args.query);
    return;
  }
  for (const store::SearchHit& hit : *hits) {
    const RenderedSnippet snippet = ParseSnippet(hit.snippet);
    std::string shown;
    std::size_t at = 0;
    for (const auto& [begin, end] : snippet.highlights) {
      shown += snippet.text.substr(at, begin - at);
      shown += context.Highlight(snippet.text.substr(begin, end - begin));
      at = end;
    }
    shown += snippet.text.substr(at);
    std::cout << context.Bold(hit.citation) << "  " << context.Dim(hit.path) << "\n  " << shown
              << "\n";
  }
}

}  // namespace

void RegisterSearchCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* command = app.add_subcommand("search", "Full-text search over every provision");
  command->add_option("query", args->query,
                      "Words; \"quoted phrase\", -excluded, word* prefix, OR")
      ->required();
  command->add_option("--doc", args->document, "Only this document (id or symbol)");
  command->add_option("--limit", args->limit, "At most this many hits")->capture_default_str();
  command->callback([args, &context] { RunSearch(*args, context); });
}

}  // namespace tw::cli
