// `treatywatch reuse TEXT [--min-words N] [--format text|json]`: where else a passage appears in
// the whole stored corpus — every document and provision holding it, verbatim or reworded,
// oldest first (reuse/reuse_trace.h with the passage as the "draft").
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_output.h"
#include "cli/trace_sources.h"
#include "doc/provision.h"
#include "ingest/document_builder.h"
#include "reuse/reuse_trace.h"
#include "text/utf8.h"

namespace tw::cli {
namespace {

struct ReuseArgs {
  std::string text;
  int min_words = 8;
  std::string format = "text";
};

struct Occurrence {
  const doc::Document* document;
  reuse::PassageSource where;
};

void RunReuse(const ReuseArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  if (args.min_words < 3 || args.min_words > 1000) {
    return context.Fail(absl::InvalidArgumentError("--min-words must be between 3 and 1000"));
  }
  // The same canonical form as every stored text, so the words compare equal.
  absl::StatusOr<std::string> normal = text::ToNfc(args.text);
  if (!normal.ok()) {
    return context.Fail(absl::InvalidArgumentError(fmt::format(
        "the passage is not UTF-8 (byte {})", text::FindInvalidUtf8(args.text).value_or(0))));
  }
  doc::SourceText source;
  source.text = *std::move(normal);
  doc::DocumentMeta meta;
  meta.title = "the passage";
  const doc::Document passage = ingest::BuildDocumentFromSource(std::move(source), meta);
  absl::StatusOr<std::vector<doc::Document>> loaded =
      LoadTraceSources(context, passage, {}, /*all=*/true);
  if (!loaded.ok()) return context.Fail(loaded.status());
  std::vector<const doc::Document*> sources;
  for (const doc::Document& document : *loaded) sources.push_back(&document);
  reuse::TraceOptions options;
  options.min_words = args.min_words;
  // The user asks where this passage is: a 5-gram in every document still counts.
  options.windows.max_document_frequency_share = 1.0;
  const reuse::ReuseTrace trace = reuse::TraceReuse(passage, sources, options);

  std::vector<Occurrence> found;
  for (const reuse::ReusePassage& piece : trace.passages) {
    for (const reuse::PassageSource& where : piece.candidates) {
      found.push_back({sources[where.source], where});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Occurrence& x, const Occurrence& y) {
    const std::string dx = x.document->meta.date.empty() ? "9999" : x.document->meta.date;
    const std::string dy = y.document->meta.date.empty() ? "9999" : y.document->meta.date;
    return std::tuple(dx, x.where.source, x.where.start) <
           std::tuple(dy, y.where.source, y.where.start);
  });
  if (format == "json") {
    nlohmann::json matches = nlohmann::json::array();
    for (const Occurrence& occurrence : found) {
      const doc::Document& document = *occurrence.document;
      matches.push_back({{"source", document.CiteName()},
                         {"source_id", document.meta.id},
                         {"date", document.meta.date},
                         {"kind", document.meta.kind},
                         {"source_path", occurrence.where.path},
                         {"source_start", occurrence.where.start},
                         {"source_end", occurrence.where.end},
                         {"words", occurrence.where.words},
                         {"similarity", std::round(occurrence.where.similarity * 1000) / 1000}});
    }
    context.PrintJson({{"passage_words", trace.draft_words},
                       {"documents_searched", sources.size()},
                       {"matches", matches}});
    return;
  }
  std::string out = context.Bold(fmt::format("{} places in {} documents hold the passage",
                                             found.size(), sources.size())) +
                    "\n";
  for (const Occurrence& occurrence : found) {
    const doc::Document& document = *occurrence.document;
    const std::string where =
        occurrence.where.path.empty()
            ? document.CiteName()
            : fmt::format("{}, {}", doc::CitationLabel(document.root, occurrence.where.path),
                          document.CiteName());
    out += fmt::format("  {:<10} {} ({} words, {:.0f} % alike)\n",
                       document.meta.date.empty() ? "undated" : document.meta.date, where,
                       occurrence.where.words, 100 * occurrence.where.similarity);
  }
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void RegisterReuseCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ReuseArgs>();
  CLI::App* command = app.add_subcommand(
      "reuse", "Where else a passage appears in the stored corpus, verbatim or reworded");
  command->add_option("text", args->text, "The passage (quote it)")->required();
  command->add_option("--min-words", args->min_words, "Shortest shared stretch, in words")
      ->capture_default_str();
  command->add_option("--format", args->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->callback([args, &context] { RunReuse(*args, context); });
}

}  // namespace tw::cli
