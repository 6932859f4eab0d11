// The documents API: documents, their outline, one provision, the text, instruments and their
// version chains, search across the workbench, and uploads (202 + a background ingest job).
#include <fmt/format.h>

#include "compare/printable_text.h"
#include "doc/document_json.h"
#include "server/document_cache.h"
#include "server/jobs.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "server/site_search.h"
#include "server/upload_request.h"

namespace tw::server {
namespace {

constexpr std::size_t kMaxPathBytes = 200;

// The filters of the list: kind, instrument, session; InvalidArgument naming a bad one.
struct ListFilter {
  std::string kind;
  std::string instrument;
  std::optional<int> session;
};

absl::StatusOr<ListFilter> ParseListFilter(const RequestContext& ctx) {
  ListFilter filter;
  filter.kind = ctx.Param("kind");
  if (!filter.kind.empty() && !doc::IsDocumentKind(filter.kind)) {
    return absl::InvalidArgumentError(
        "kind must be one of draft, final, proposal, statement, reference, analysis");
  }
  filter.instrument = ctx.Param("instrument");
  if (filter.instrument.size() > 1000) {
    return absl::InvalidArgumentError("instrument is too long");
  }
  if (!ctx.Param("session").empty()) {
    absl::StatusOr<std::int64_t> session = ctx.IdParam("session");
    if (!session.ok() || *session > 1000) {
      return absl::InvalidArgumentError("session must be a whole number from 1 to 1000");
    }
    filter.session = static_cast<int>(*session);
  }
  return filter;
}

bool Keep(const ListFilter& filter, const doc::DocumentMeta& meta) {
  return (filter.kind.empty() || meta.kind == filter.kind) &&
         (filter.instrument.empty() || meta.instrument == filter.instrument) &&
         (!filter.session || meta.session == *filter.session);
}

// The outline as data: every provision's path, kind, label, heading and citation, nested.
nlohmann::json OutlineJson(const doc::Document& document, const doc::Provision& node) {
  nlohmann::json children = nlohmann::json::array();
  for (const doc::Provision& child : node.children) {
    children.push_back({{"path", child.path},
                        {"kind", doc::ProvisionKindName(child.kind)},
                        {"label", child.label},
                        {"heading", child.heading},
                        {"citation", doc::CitationLabel(document.root, child.path)},
                        {"pages", {child.page_first, child.page_last}},
                        {"children", OutlineJson(document, child)["children"]}});
  }
  return {{"children", std::move(children)}};
}

absl::StatusOr<std::shared_ptr<const CachedDocument>> DocumentOf(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "document");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  return DocumentCache::Instance().Get(**store, ctx.config().db_url, *id);
}

void ListDocuments(RequestContext& ctx) {
  absl::StatusOr<ListFilter> filter = ParseListFilter(ctx);
  if (!filter.ok()) return ctx.Error(filter.status());
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return ctx.Error(documents.status());
  nlohmann::json list = nlohmann::json::array();
  for (const doc::DocumentMeta& meta : *documents) {
    if (Keep(*filter, meta)) list.push_back(doc::MetaToJson(meta));
  }
  ctx.Json({{"documents", std::move(list)}});
}

void ShowDocument(RequestContext& ctx) {
  absl::StatusOr<std::shared_ptr<const CachedDocument>> cached = DocumentOf(ctx);
  if (!cached.ok()) return ctx.Error(cached.status());
  const doc::Document& document = (*cached)->document;
  nlohmann::json out = doc::MetaToJson(document.meta);
  out["summary"] = (*cached)->summary;
  out["counts"] = {{"provisions", (*cached)->counts.provisions},
                   {"articles", (*cached)->counts.articles},
                   {"chapters", (*cached)->counts.chapters},
                   {"bracket_spans", (*cached)->counts.bracket_spans},
                   {"warnings", (*cached)->counts.warnings}};
  out["outline"] = OutlineJson(document, document.root)["children"];
  ctx.Json(out);
}

void ShowProvision(RequestContext& ctx) {
  absl::StatusOr<std::shared_ptr<const CachedDocument>> cached = DocumentOf(ctx);
  if (!cached.ok()) return ctx.Error(cached.status());
  const std::string path = ctx.Match(2);
  const doc::Document& document = (*cached)->document;
  const doc::Provision* node =
      path.size() <= kMaxPathBytes ? doc::FindProvision(document.root, path) : nullptr;
  if (node == nullptr || path.empty()) {
    return ctx.Error(absl::NotFoundError(
        fmt::format("document {} has no provision \"{}\"", document.meta.id,
                    compare::PrintableText(path.substr(0, 60)))));
  }
  nlohmann::json out = doc::ProvisionToJson(document, *node);
  out["document"] = document.meta.id;
  ctx.Json(out);
}

void DocumentText(RequestContext& ctx) {
  absl::StatusOr<std::shared_ptr<const CachedDocument>> cached = DocumentOf(ctx);
  if (!cached.ok()) return ctx.Error(cached.status());
  ctx.Json({{"document", (*cached)->document.meta.id}, {"text", (*cached)->document.text}});
}

void ListInstruments(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<store::InstrumentInfo>> instruments = (*store)->ListInstruments();
  if (!instruments.ok()) return ctx.Error(instruments.status());
  nlohmann::json list = nlohmann::json::array();
  for (const store::InstrumentInfo& info : *instruments) {
    list.push_back({{"id", info.id}, {"name", info.name}, {"versions", info.versions}});
  }
  ctx.Json({{"instruments", std::move(list)}});
}

void InstrumentVersions(RequestContext& ctx) {
  const std::string name = ctx.Match(1);
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain =
      name.size() <= 1000 ? (*store)->VersionChain(name)
                          : absl::StatusOr<std::vector<doc::DocumentMeta>>(
                                std::vector<doc::DocumentMeta>());
  if (!chain.ok()) return ctx.Error(chain.status());
  if (chain->empty()) {
    return ctx.Error(absl::NotFoundError(
        fmt::format("no instrument \"{}\"", compare::PrintableText(name.substr(0, 60)))));
  }
  nlohmann::json versions = nlohmann::json::array();
  for (const doc::DocumentMeta& meta : *chain) versions.push_back(doc::MetaToJson(meta));
  ctx.Json({{"instrument", name}, {"versions", std::move(versions)}});
}

void Search(RequestContext& ctx) {
  absl::StatusOr<SiteSearchQuery> query = ParseSiteSearchQuery(ctx);
  if (!query.ok()) return ctx.Error(query.status());
  if (query->text.empty()) return ctx.Error(absl::InvalidArgumentError("q is required"));
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<SiteSearchHit>> hits =
      SiteSearch(**store, *query, ctx.HasRole(Role::kViewer));
  if (!hits.ok()) return ctx.Error(hits.status());
  nlohmann::json list = nlohmann::json::array();
  for (const SiteSearchHit& hit : *hits) list.push_back(hit.json);
  ctx.Json({{"hits", std::move(list)}});
}

void Upload(RequestContext& ctx) {
  absl::StatusOr<UploadOutcome> outcome = AcceptUpload(ctx);
  if (!outcome.ok()) return ctx.Error(outcome.status());
  if (outcome->already_present) {
    ctx.Json({{"status", "already_present"},
              {"document", doc::MetaToJson(*outcome->already_present)},
              {"url", fmt::format("/documents/{}", outcome->already_present->id)}});
    return;
  }
  std::optional<JobStatus> job = ctx.jobs().Get(*outcome->job_id);
  nlohmann::json body = {{"status", "queued"}};
  if (job) body["job"] = JobStatusJson(*job);
  ctx.response.set_header("Location", fmt::format("/api/v1/jobs/{}", *outcome->job_id));
  ctx.Json(body, 202);
}

}  // namespace

void RegisterDocumentApi(RouteTable& routes) {
  routes.AddCached("GET", "/api/v1/documents", Access::kPublic, ListDocuments,
             "Stored documents, oldest first; filters kind, instrument, session");
  routes.Add("POST", "/api/v1/documents", Access::kAnalyst, Upload,
             "Upload a document (multipart: file + metadata); 202 with the ingest job");
  routes.AddCached("GET", R"(/api/v1/documents/(\d+))", Access::kPublic, ShowDocument,
             "A document's metadata and outline", "/api/v1/documents/1");
  routes.AddCached("GET", R"(/api/v1/documents/(\d+)/provisions/([^/]+))", Access::kPublic,
             ShowProvision, "One provision: text, citation, brackets, children",
             "/api/v1/documents/1/provisions/art1");
  routes.AddCached("GET", R"(/api/v1/documents/(\d+)/text)", Access::kPublic, DocumentText,
             "A document's stored text", "/api/v1/documents/1/text");
  routes.AddCached("GET", "/api/v1/instruments", Access::kPublic, ListInstruments,
             "Instruments and how many versions each has");
  routes.AddCached("GET", "/api/v1/instruments/([^/]+)/versions", Access::kPublic, InstrumentVersions,
             "An instrument's documents in version order", "/api/v1/instruments/demo/versions");
  routes.AddCached("GET", "/api/v1/search", Access::kPublic, Search,
             "Search provisions (and, for viewers, statements, claims, fact-checks)",
             "/api/v1/search?q=data");
}

}  // namespace tw::server
