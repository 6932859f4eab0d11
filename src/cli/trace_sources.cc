#include "cli/trace_sources.h"

#include "cli/document_argument.h"
#include "cli/progress_bar.h"

namespace tw::cli {

void AddTraceOptions(CLI::App& command, TraceCommandArgs& args,
                     const std::vector<std::string>& formats) {
  command.add_option("draft", args.draft, "Stored id or symbol, or a file")->required();
  command.add_option("--sources", args.sources, "Stored ids or symbols, or files");
  command.add_flag("--all", args.all,
                   "Every stored document except the draft and those dated after it");
  command.add_option("--min-words", args.min_words, "Shortest passage, in words")
      ->capture_default_str();
  std::string listed;
  for (std::size_t k = 0; k < formats.size(); ++k) {
    listed += (k == 0 ? "" : k + 1 == formats.size() ? " or " : ", ") + formats[k];
  }
  command.add_option("--format", args.format, "Output: " + listed)
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_option("--out", args.out, "Write the report to this file instead of stdout");
}

std::vector<const doc::Document*> TraceInput::SourcePointers() const {
  std::vector<const doc::Document*> pointers;
  for (const doc::Document& source : sources) pointers.push_back(&source);
  return pointers;
}

absl::StatusOr<TraceInput> LoadTraceInput(CliContext& context, const TraceCommandArgs& args) {
  if (args.min_words < 3 || args.min_words > 1000) {
    return absl::InvalidArgumentError("--min-words must be between 3 and 1000");
  }
  TraceInput input;
  input.options.min_words = args.min_words;
  absl::StatusOr<doc::Document> draft = LoadDocumentArgument(context, args.draft);
  if (!draft.ok()) return draft.status();
  input.draft = *std::move(draft);
  absl::StatusOr<std::vector<doc::Document>> sources =
      LoadTraceSources(context, input.draft, args.sources, args.all);
  if (!sources.ok()) return sources.status();
  input.sources = *std::move(sources);
  return input;
}

absl::StatusOr<std::vector<doc::Document>> LoadTraceSources(CliContext& context,
                                                            const doc::Document& draft,
                                                            const std::vector<std::string>& names,
                                                            bool all) {
  if (all == !names.empty()) {
    return absl::InvalidArgumentError("name the sources (--sources DOC...) or trace against --all");
  }
  std::vector<doc::Document> sources;
  if (!all) {
    for (const std::string& name : names) {
      absl::StatusOr<doc::Document> source = LoadDocumentArgument(context, name);
      if (!source.ok()) return source.status();
      sources.push_back(*std::move(source));
    }
    return sources;
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<doc::DocumentMeta>> listed = (*store)->ListDocuments();
  if (!listed.ok()) return listed.status();
  ProgressBar progress(listed->size(), context.interactive && !context.json);
  std::size_t done = 0;
  for (const doc::DocumentMeta& meta : *listed) {
    progress.Update(done++, meta.symbol.empty() ? meta.title : meta.symbol);
    if (meta.id == draft.meta.id || meta.sha256 == draft.meta.sha256) continue;
    if (!draft.meta.date.empty() && !meta.date.empty() && meta.date > draft.meta.date) continue;
    absl::StatusOr<doc::Document> loaded = (*store)->LoadDocument(std::to_string(meta.id));
    if (!loaded.ok()) return loaded.status();
    sources.push_back(*std::move(loaded));
  }
  return sources;
}

}  // namespace tw::cli
