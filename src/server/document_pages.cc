// The documents pages: the start page, the list, upload with its job's progress, outline,
// reader and search.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <httplib.h>

#include "doc/document.h"
#include "ingest/reader.h"
#include "server/document_cache.h"
#include "server/jobs.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "server/site_search.h"
#include "server/templates.h"
#include "server/upload_request.h"

namespace tw::server {
namespace {

constexpr std::size_t kRecentDocuments = 8;

std::string_view JobStateWord(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "queued";
}

nlohmann::json JobView(const JobStatus& job) {
  const bool finished = job.state == JobState::kDone || job.state == JobState::kFailed;
  return {{"id", job.id},
          {"title", job.title},
          {"owner", job.owner},
          {"state", JobStateWord(job.state)},
          {"percent", static_cast<int>(std::lround(100 * job.progress))},
          {"message", job.message},
          {"result_url", job.result_url},
          {"done", job.state == JobState::kDone && !job.result_url.empty()},
          {"failed", job.state == JobState::kFailed},
          {"polling", !finished}};
}

nlohmann::json KindOptions(std::string_view selected) {
  nlohmann::json kinds = nlohmann::json::array();
  for (std::string_view kind : doc::kDocumentKinds) {
    kinds.push_back({{"value", kind}, {"selected", kind == selected}});
  }
  return kinds;
}

std::string CiteOf(const doc::DocumentMeta& meta) {
  return meta.symbol.empty() ? meta.title : meta.symbol;
}

// The fields every document view shows.
nlohmann::json MetaView(const doc::DocumentMeta& meta) {
  std::string authors;
  for (const std::string& author : meta.authors) {
    authors += (authors.empty() ? "" : ", ") + author;
  }
  // Unknown values are null, so the templates' {{#x}} sections hide them.
  auto text_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json() : nlohmann::json(text);
  };
  auto number_or_null = [](int number) {
    return number <= 0 ? nlohmann::json() : nlohmann::json(number);
  };
  return {{"id", meta.id},
          {"cite", CiteOf(meta)},
          {"title", meta.title},
          {"show_title", !meta.symbol.empty() && meta.title != meta.symbol},
          {"title_if_symbol", meta.symbol.empty() ? std::string() : meta.title},
          {"kind", meta.kind},
          {"date", text_or_null(meta.date)},
          {"session", number_or_null(meta.session)},
          {"instrument", text_or_null(meta.instrument)},
          {"instrument_query", httplib::detail::encode_query_param(meta.instrument)},
          {"version", number_or_null(meta.version)},
          {"authors", authors},
          {"has_authors", !authors.empty()},
          {"source", meta.source_name},
          {"format", meta.format},
          {"pages", number_or_null(meta.page_count)},
          {"lang", meta.lang.empty() ? "en" : meta.lang},
          {"ingested_at", meta.ingested_at}};
}

void HomePage(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return ctx.Error(documents.status());
  nlohmann::json recent = nlohmann::json::array();
  for (auto it = documents->rbegin(); it != documents->rend() && recent.size() < kRecentDocuments;
       ++it) {
    recent.push_back(MetaView(*it));
  }
  nlohmann::json pending = nlohmann::json::array();
  const bool viewer = ctx.HasRole(Role::kViewer);
  if (viewer) {
    for (const JobStatus& job : ctx.jobs().List()) {
      if (job.state == JobState::kQueued || job.state == JobState::kRunning) {
        pending.push_back(JobView(job));
      }
    }
  }
  ctx.Page("home", "Start",
           {{"recent", recent},
            {"has_recent", !recent.empty()},
            {"document_count", documents->size()},
            {"pending", pending},
            {"has_pending", !pending.empty()},
            {"is_viewer", viewer},
            {"can_upload", ctx.HasRole(Role::kAnalyst)},
            {"nav", "home"}});
}

void DocumentsPage(RequestContext& ctx) {
  const std::string kind = ctx.Param("kind");
  const std::string instrument = ctx.Param("instrument");
  const std::string session_text = ctx.Param("session");
  std::optional<int> session;
  if (!session_text.empty()) {
    absl::StatusOr<std::int64_t> parsed = ctx.IdParam("session");
    if (!parsed.ok() || *parsed > 1000) {
      return ctx.Error(absl::InvalidArgumentError("session must be a whole number from 1 to 1000"));
    }
    session = static_cast<int>(*parsed);
  }
  if (!kind.empty() && !doc::IsDocumentKind(kind)) {
    return ctx.Error(absl::InvalidArgumentError(
        "kind must be one of draft, final, proposal, statement, reference, analysis"));
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return ctx.Error(documents.status());
  absl::StatusOr<std::vector<store::InstrumentInfo>> instruments = (*store)->ListInstruments();
  if (!instruments.ok()) return ctx.Error(instruments.status());
  nlohmann::json rows = nlohmann::json::array();
  for (const doc::DocumentMeta& meta : *documents) {
    if ((!kind.empty() && meta.kind != kind) ||
        (!instrument.empty() && meta.instrument != instrument) ||
        (session && meta.session != *session)) {
      continue;
    }
    rows.push_back(MetaView(meta));
  }
  nlohmann::json instrument_options = nlohmann::json::array();
  for (const store::InstrumentInfo& info : *instruments) {
    instrument_options.push_back(
        {{"name", info.name}, {"versions", info.versions}, {"selected", info.name == instrument}});
  }
  ctx.Page("documents", "Documents",
           {{"rows", rows},
            {"count", rows.size()},
            {"total", documents->size()},
            {"kinds", KindOptions(kind)},
            {"instruments", instrument_options},
            {"session", session_text.substr(0, 10)},
            {"can_upload", ctx.HasRole(Role::kAnalyst)}});
}

void RenderUploadForm(RequestContext& ctx, const std::string& error, int status) {
  nlohmann::json values = nlohmann::json::object();
  for (const char* field : {"symbol", "title", "date", "session", "lang", "instrument",
                            "authors"}) {
    values[field] = ctx.Param(field).substr(0, kMaxFieldBytes);
  }
  nlohmann::json instruments = nlohmann::json::array();
  if (absl::StatusOr<store::Store*> store = ctx.Store(); store.ok()) {
    if (auto listed = (*store)->ListInstruments(); listed.ok()) {
      for (const store::InstrumentInfo& info : *listed) instruments.push_back({{"name", info.name}});
    }
  }
  const std::string kind = ctx.Param("kind").empty() ? "draft" : ctx.Param("kind");
  ctx.Page("upload", "Upload a document",
           {{"values", values},
            {"kinds", KindOptions(kind)},
            {"instruments", instruments},
            {"error", error},
            {"max_mb", std::min(ingest::IngestLimits{}.max_file_bytes,
                                ctx.config().max_body_bytes) >> 20},
            {"nav", "documents"}},
           status);
}

void UploadForm(RequestContext& ctx) { RenderUploadForm(ctx, "", 200); }

void UploadSubmit(RequestContext& ctx) {
  absl::StatusOr<UploadOutcome> outcome = AcceptUpload(ctx);
  if (!outcome.ok()) {
    return RenderUploadForm(ctx, std::string(outcome.status().message()),
                            HttpStatusOf(outcome.status()));
  }
  if (outcome->already_present) {
    return ctx.Redirect(
        fmt::format("/documents/{}?already_present=1", outcome->already_present->id));
  }
  ctx.Redirect(fmt::format("/jobs/{}", *outcome->job_id));
}

absl::StatusOr<std::shared_ptr<const CachedDocument>> DocumentOf(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "document");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  return DocumentCache::Instance().Get(**store, ctx.config().db_url, *id);
}

void OutlinePage(RequestContext& ctx) {
  absl::StatusOr<std::shared_ptr<const CachedDocument>> cached = DocumentOf(ctx);
  if (!cached.ok()) return ctx.Error(cached.status());
  nlohmann::json view = MetaView((*cached)->document.meta);
  view["summary"] = (*cached)->summary;
  view["outline_html"] = (*cached)->outline_html;
  view["already_present"] = ctx.Param("already_present") == "1";
  view["nav"] = "documents";
  ctx.Page("document_outline", CiteOf((*cached)->document.meta), std::move(view));
}

void ReaderPage(RequestContext& ctx) {
  absl::StatusOr<std::shared_ptr<const CachedDocument>> cached = DocumentOf(ctx);
  if (!cached.ok()) return ctx.Error(cached.status());
  nlohmann::json view = MetaView((*cached)->document.meta);
  view["summary"] = (*cached)->summary;
  view["reader_html"] = (*cached)->reader_html;
  view["nav"] = "documents";
  view["can_attach_evidence"] = ctx.HasRole(Role::kAnalyst);
  ctx.Page("reader", CiteOf((*cached)->document.meta), std::move(view));
}

void SearchPage(RequestContext& ctx) {
  const bool viewer = ctx.HasRole(Role::kViewer);
  nlohmann::json view = {{"q", ctx.Param("q").substr(0, kMaxSearchTextBytes)},
                         {"is_viewer", viewer},
                         {"searched", false},
                         {"hits", nlohmann::json::array()},
                         {"error", ""}};
  absl::StatusOr<SiteSearchQuery> query = ParseSiteSearchQuery(ctx);
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  int status = 200;
  const std::string type = query.ok() ? query->type : std::string("all");
  nlohmann::json types = nlohmann::json::array();
  for (std::string_view value : kSearchTypes) {
    if (!viewer && value != "all" && value != "provisions") continue;
    const std::string label = value == "all" ? "everything" : std::string(value);
    types.push_back({{"value", value}, {"label", label}, {"selected", value == type}});
  }
  view["types"] = types;
  view["kinds"] = KindOptions(query.ok() ? query->kind : std::string());
  nlohmann::json document_options = nlohmann::json::array();
  if (auto documents = (*store)->ListDocuments(); documents.ok()) {
    for (const doc::DocumentMeta& meta : *documents) {
      document_options.push_back(
          {{"id", meta.id},
           {"cite", CiteOf(meta)},
           {"selected", query.ok() && query->document_id && *query->document_id == meta.id}});
    }
  }
  view["document_options"] = document_options;
  if (!query.ok()) {
    view["error"] = std::string(query.status().message());
    status = 400;
  } else if (!query->text.empty()) {
    absl::StatusOr<std::vector<SiteSearchHit>> hits = SiteSearch(**store, *query, viewer);
    if (!hits.ok()) {
      view["error"] = std::string(hits.status().message());
      status = HttpStatusOf(hits.status());
    } else {
      nlohmann::json list = nlohmann::json::array();
      for (const SiteSearchHit& hit : *hits) {
        list.push_back({{"type", hit.type},
                        {"citation", hit.citation},
                        {"url", hit.url},
                        {"has_url", !hit.url.empty()},
                        {"snippet_html", SnippetHtml(hit.snippet)}});
      }
      view["searched"] = true;
      view["count"] = list.size();
      view["one"] = list.size() == 1;
      view["hits"] = std::move(list);
    }
  }
  ctx.Page("search", "Search", std::move(view), status);
}

void JobsPage(RequestContext& ctx) {
  nlohmann::json jobs = nlohmann::json::array();
  for (const JobStatus& job : ctx.jobs().List()) jobs.push_back(JobView(job));
  ctx.Page("jobs", "Background jobs",
           {{"jobs", jobs}, {"has_jobs", !jobs.empty()}, {"nav", "documents"}});
}

absl::StatusOr<JobStatus> JobOf(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "job");
  if (!id.ok()) return id.status();
  std::optional<JobStatus> job = ctx.jobs().Get(*id);
  if (!job) return absl::NotFoundError(fmt::format("no job {}", *id));
  return *job;
}

void JobPage(RequestContext& ctx) {
  absl::StatusOr<JobStatus> job = JobOf(ctx);
  if (!job.ok()) return ctx.Error(job.status());
  nlohmann::json view = JobView(*job);
  view["nav"] = "documents";
  ctx.Page("job", "Upload: " + job->title, std::move(view));
}

// The fragment htmx swaps in every 500 ms; without hx-trigger once the job is finished.
void JobProgressFragment(RequestContext& ctx) {
  absl::StatusOr<JobStatus> job = JobOf(ctx);
  if (!job.ok()) return ctx.Error(job.status());
  absl::StatusOr<std::string> html = ctx.templates().Render("job_progress", JobView(*job));
  if (!html.ok()) return ctx.Error(html.status());
  ctx.Html(*std::move(html));
}

}  // namespace

void RegisterDocumentPages(RouteTable& routes) {
  routes.Add("GET", "/", Access::kPublic, HomePage,
             "Start page: recent documents, pending jobs, the areas");
  routes.AddCached("GET", "/documents", Access::kPublic, DocumentsPage,
             "The stored documents, with filters");
  routes.Add("GET", "/documents/upload", Access::kAnalyst, UploadForm, "The upload form");
  routes.Add("POST", "/documents/upload", Access::kAnalyst, UploadSubmit,
             "Upload a document from the form; redirects to its job");
  routes.AddCached("GET", R"(/documents/(\d+))", Access::kPublic, OutlinePage,
             "A document's metadata and outline", "/documents/1");
  routes.AddCached("GET", R"(/documents/(\d+)/read)", Access::kPublic, ReaderPage,
             "The reader: every provision with its permalink", "/documents/1/read");
  routes.AddCached("GET", "/search", Access::kPublic, SearchPage, "Search with filters");
  routes.Add("GET", "/jobs", Access::kViewer, JobsPage, "Background jobs");
  routes.Add("GET", R"(/jobs/(\d+))", Access::kViewer, JobPage, "One job's progress",
             "/jobs/1");
  routes.Add("GET", R"(/jobs/(\d+)/progress)", Access::kViewer, JobProgressFragment,
             "One job's progress as an HTML fragment (htmx polling)", "/jobs/1/progress");
}

}  // namespace tw::server
