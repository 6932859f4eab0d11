#include "cli/trace_sources.h"

#include "cli/document_argument.h"
#include "cli/progress_bar.h"

namespace tw::cli {

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
