// The compare API: GET /api/v1/diff, /api/v1/crosswalk and /api/v1/history — the JSON the CLI
// prints with --json (compare/comparison_json.h, crosswalk_json.h), or a diff as a report file.
#include "compare/article_filter.h"
#include "compare/comparison_json.h"
#include "compare/crosswalk_json.h"
#include "server/compare_results.h"
#include "server/comparison_download.h"
#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

// ?old=ID&new=ID[&article=PATH][&format=json|html|md|docx|text]
void Diff(RequestContext& ctx) {
  const std::string format = ctx.HasParam("format") ? ctx.Param("format") : "json";
  const std::string article = ctx.Param("article");
  if (ctx.HasParam("article")) {
    if (absl::Status valid = CheckProvisionPath(article, "article"); !valid.ok()) {
      return ctx.Error(valid);
    }
  }
  absl::StatusOr<doc::Document> old_doc = DocumentFromParam(ctx, "old");
  if (!old_doc.ok()) return ctx.Error(old_doc.status());
  absl::StatusOr<doc::Document> new_doc = DocumentFromParam(ctx, "new");
  if (!new_doc.ok()) return ctx.Error(new_doc.status());
  std::shared_ptr<const compare::Comparison> comparison = CachedComparison(*old_doc, *new_doc);
  std::optional<compare::Comparison> narrowed;
  if (!article.empty()) {
    narrowed = *comparison;
    if (absl::Status kept = compare::KeepOnlyArticle(*narrowed, article); !kept.ok()) {
      return ctx.Error(kept);
    }
  }
  const compare::Comparison& shown = narrowed ? *narrowed : *comparison;
  if (format == "json") return ctx.Json(compare::ComparisonToJson(shown));
  absl::StatusOr<RenderedFile> file = RenderComparisonFile(shown, format);
  if (!file.ok()) return ctx.Error(file.status());
  ctx.Download(std::move(file->body), file->content_type, file->filename);
}

// ?a=ID&b=ID
void Crosswalk(RequestContext& ctx) {
  absl::StatusOr<doc::Document> a = DocumentFromParam(ctx, "a");
  if (!a.ok()) return ctx.Error(a.status());
  absl::StatusOr<doc::Document> b = DocumentFromParam(ctx, "b");
  if (!b.ok()) return ctx.Error(b.status());
  ctx.Json(compare::CrosswalkToJson(*CachedCrosswalk(*a, *b)));
}

// ?document=ID&path=PATH
void History(RequestContext& ctx) {
  const std::string path = ctx.Param("path");
  if (absl::Status valid = CheckProvisionPath(path, "path"); !valid.ok()) return ctx.Error(valid);
  absl::StatusOr<doc::Document> document = DocumentFromParam(ctx, "document");
  if (!document.ok()) return ctx.Error(document.status());
  auto history = CachedHistory(ctx, *document, path);
  if (!history.ok()) return ctx.Error(history.status());
  ctx.Json(compare::HistoryToJson(**history));
}

}  // namespace

void RegisterCompareApi(RouteTable& routes) {
  routes.AddCached("GET", "/api/v1/diff", Access::kPublic, Diff,
                   "What changed between two stored versions (?old=ID&new=ID[&article=PATH]"
                   "[&format=json|html|md|docx|text])",
                   "/api/v1/diff?old=8&new=11");
  routes.Add("GET", "/api/v1/crosswalk", Access::kPublic, Crosswalk,
             "For each article of A, the provisions of B that say the same (?a=ID&b=ID)",
             "/api/v1/crosswalk?a=11&b=1");
  routes.Add("GET", "/api/v1/history", Access::kPublic, History,
             "One provision through its instrument's versions (?document=ID&path=PATH)",
             "/api/v1/history?document=11&path=art7");
}

}  // namespace tw::server
