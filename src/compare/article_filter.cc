#include "compare/article_filter.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace tw::compare {

absl::Status KeepOnlyArticle(Comparison& comparison, std::string_view path) {
  const std::string wanted(path);
  std::vector<ArticleChange> kept;
  for (const ArticleChange& change : comparison.changes) {
    if (std::ranges::count(change.new_paths, wanted) > 0) kept.push_back(change);
  }
  if (kept.empty()) {
    for (const ArticleChange& change : comparison.changes) {
      if (std::ranges::count(change.old_paths, wanted) > 0) kept.push_back(change);
    }
  }
  if (kept.empty()) {
    return absl::NotFoundError(fmt::format(
        "article {}: no provision with that path in {} or {} (paths look like art5, art5bis, "
        "preamble; see `treatywatch show DOC --outline`)",
        wanted, comparison.old_doc.cite, comparison.new_doc.cite));
  }
  comparison.changes = std::move(kept);
  comparison.migrations.clear();
  return absl::OkStatus();
}

}  // namespace tw::compare
