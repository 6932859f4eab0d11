// `treatywatch search QUERY [--doc DOC] [--limit N]`: full-text search, printed as citations
// with the matching words highlighted.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace tw::cli {
namespace {

struct SearchArgs {
  std::string query;
  std::string document;
  int limit = 20;
};

// Splits a snippet at the store's highlight markers into plain text and highlight ranges.
struct RenderedSnippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

RenderedSnippet ParseSnippet(std::string_view snippet) {
  RenderedSnippet out;
  std::size_t open = std::string::npos;
  for (char c : snippet) {
    if (c == store::kHighlightOpen[0]) {
      open = out.text.size();
    } else if (c == store::kHighlightClose[0]) {
      if (open != std::string::npos) out.highlights.emplace_back(open, out.text.size());
      open = std::string::npos;
    } else {
      out.text.push_back(c == '\n' ? ' ' : c);
    }
  }
  // "conditions and safeguards" reads as one highlight, not three.
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& range : out.highlights) {
    const bool only_space_between =
        !merged.empty() &&
        out.text.find_first_not_of(' ', merged.back().second) >= range.first;
    if (only_space_between) {
      merged.back().second = range.second;
    } else {
      merged.push_back(range);
    }
  }
  out.highlights = std::move(merged);
  return out;
}

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
    for (const store::SearchHit& hit : *hits) {
      const RenderedSnippet snippet = ParseSnippet(hit.snippet);
      nlohmann::json ranges = nlohmann::json::array();
      for (const auto& [begin, end] : snippet.highlights) ranges.push_back({begin, end});
      out.push_back({{"document", hit.document_id},
                     {"cite", hit.document_cite},
                     {"path", hit.path},
                     {"citation", hit.citation},
                     {"snippet", snippet.text},
                     {"highlights", ranges},
                     {"score", hit.score}});
    }
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
