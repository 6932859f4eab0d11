// The compare pages: /compare (pick two stored versions), /compare/OLD/NEW (summary, the redline
// inline or side by side, downloads) and /history (one provision through its instrument's
// versions). The redline is the comparison report's own fragment (compare/report_html.h), built
// from escaped parts, embedded in the layout.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compare/bracket_tally.h"
#include "compare/redline_html.h"
#include "compare/report_html.h"
#include "compare/report_wording.h"
#include "doc/provision.h"
#include "server/compare_results.h"
#include "server/comparison_download.h"
#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

// Documents offered in the pickers' lists, newest kept when there are more.
constexpr std::size_t kMaxPickerDocuments = 2000;

struct PickerDocument {
  doc::DocumentMeta meta;
  std::string label;  // "v2 · A/AC.999/3/Rev.1 · 2025-07-28"
};

std::string DocumentLabel(const doc::DocumentMeta& meta) {
  std::string label = meta.version > 0 ? fmt::format("v{} · ", meta.version) : "";
  label += meta.symbol.empty() ? meta.title : meta.symbol;
  if (!meta.date.empty()) label += " · " + meta.date;
  return label.substr(0, 200);
}

// Documents by instrument (chains in version order, then the rest by id), as <optgroup>s.
std::vector<std::pair<std::string, std::vector<PickerDocument>>> GroupByInstrument(
    std::vector<doc::DocumentMeta> documents) {
  if (documents.size() > kMaxPickerDocuments) {
    documents.erase(documents.begin(), documents.end() - kMaxPickerDocuments);
  }
  std::map<std::string, std::vector<PickerDocument>> chains;
  std::vector<std::string> order;
  std::vector<PickerDocument> others;
  for (doc::DocumentMeta& meta : documents) {
    PickerDocument item{meta, DocumentLabel(meta)};
    if (meta.instrument.empty()) {
      others.push_back(std::move(item));
      continue;
    }
    if (chains.find(meta.instrument) == chains.end()) order.push_back(meta.instrument);
    chains[meta.instrument].push_back(std::move(item));
  }
  std::vector<std::pair<std::string, std::vector<PickerDocument>>> groups;
  for (const std::string& name : order) {
    std::vector<PickerDocument>& chain = chains[name];
    std::ranges::stable_sort(chain, {}, [](const PickerDocument& d) { return d.meta.version; });
    groups.emplace_back(name, std::move(chain));
  }
  if (!others.empty()) groups.emplace_back("Other documents", std::move(others));
  return groups;
}

nlohmann::json SelectGroups(
    const std::vector<std::pair<std::string, std::vector<PickerDocument>>>& groups,
    std::int64_t selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, items] : groups) {
    nlohmann::json options = nlohmann::json::array();
    for (const PickerDocument& item : items) {
      options.push_back(
          {{"id", item.meta.id}, {"label", item.label}, {"selected", item.meta.id == selected}});
    }
    out.push_back({{"label", name}, {"options", options}});
  }
  return out;
}

void ComparePicker(RequestContext& ctx) {
  if (ctx.HasParam("old") || ctx.HasParam("new")) {
    absl::StatusOr<std::int64_t> old_id = ctx.IdParam("old");
    if (!old_id.ok()) return ctx.Error(old_id.status());
    absl::StatusOr<std::int64_t> new_id = ctx.IdParam("new");
    if (!new_id.ok()) return ctx.Error(new_id.status());
    return ctx.Redirect(fmt::format("/compare/{}/{}", *old_id, *new_id));
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return ctx.Error(documents.status());
  const auto groups = GroupByInstrument(*std::move(documents));
  // The default pair: the last two versions of the first chain that has two.
  std::int64_t old_id = 0;
  std::int64_t new_id = 0;
  nlohmann::json chains = nlohmann::json::array();
  for (const auto& [name, items] : groups) {
    if (items.size() < 2 || items.front().meta.instrument.empty()) continue;
    if (new_id == 0) {
      old_id = items[items.size() - 2].meta.id;
      new_id = items.back().meta.id;
    }
    nlohmann::json steps = nlohmann::json::array();
    for (std::size_t i = 1; i < items.size(); ++i) {
      steps.push_back({{"href", fmt::format("/compare/{}/{}", items[i - 1].meta.id,
                                            items[i].meta.id)},
                       {"from", items[i - 1].label},
                       {"to", items[i].label}});
    }
    chains.push_back({{"name", name}, {"steps", steps}});
  }
  nlohmann::json view = {{"old_groups", SelectGroups(groups, old_id)},
                         {"new_groups", SelectGroups(groups, new_id)},
                         {"chains", chains},
                         {"has_chains", !chains.empty()},
                         {"nav", "compare"}};
  ctx.Page("compare", "Compare versions", std::move(view));
}

nlohmann::json ComparedJson(const compare::ComparedDocument& document) {
  return {{"id", document.id},
          {"cite", document.cite},
          {"title", document.title},
          {"date", compare::DisplayDate(document.date)},
          // null (false to the template) when the document is in no chain
          {"version", document.version > 0 ? nlohmann::json(document.version) : nullptr}};
}

// The counts a reader looks for first, each a number and a word (never a colour only).
nlohmann::json Counts(const compare::Comparison& comparison) {
  const compare::ComparisonSummary& s = comparison.summary;
  const compare::BracketTally brackets = compare::TallyBrackets(comparison);
  nlohmann::json counts = nlohmann::json::array();
  auto add = [&counts](std::string_view key, std::string_view label, int value) {
    counts.push_back({{"key", key}, {"label", label}, {"value", value}});
  };
  add("modified", "amended", s.modified);
  add("renumbered", "renumbered", s.renumbered);
  add("moved", "moved", s.moved);
  add("split", "split", s.split);
  add("merged", "merged", s.merged);
  add("inserted", "inserted", s.inserted);
  add("deleted", "deleted", s.deleted);
  add("agreed", "brackets agreed", brackets.agreed);
  add("disputed", "brackets disputed", brackets.disputed);
  return counts;
}

struct PairIds {
  std::int64_t old_id = 0;
  std::int64_t new_id = 0;
};

absl::StatusOr<PairIds> MatchPair(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> old_id = ctx.MatchId(1, "document");
  if (!old_id.ok()) return old_id.status();
  absl::StatusOr<std::int64_t> new_id = ctx.MatchId(2, "document");
  if (!new_id.ok()) return new_id.status();
  return PairIds{*old_id, *new_id};
}

void CompareResult(RequestContext& ctx) {
  absl::StatusOr<PairIds> ids = MatchPair(ctx);
  if (!ids.ok()) return ctx.Error(ids.status());
  const std::string view_name = ctx.HasParam("view") ? ctx.Param("view") : "inline";
  if (view_name != "inline" && view_name != "side") {
    return ctx.Error(absl::InvalidArgumentError("parameter view must be inline or side"));
  }
  absl::StatusOr<doc::Document> old_doc = DocumentById(ctx, ids->old_id);
  if (!old_doc.ok()) return ctx.Error(old_doc.status());
  absl::StatusOr<doc::Document> new_doc = DocumentById(ctx, ids->new_id);
  if (!new_doc.ok()) return ctx.Error(new_doc.status());
  std::shared_ptr<const compare::Comparison> comparison = CachedComparison(*old_doc, *new_doc);

  compare::HtmlChangesOptions options;
  options.view = view_name == "side" ? compare::RedlineView::kSideBySide
                                     : compare::RedlineView::kInline;
  // History needs a chain; a link to a page that can only say "no chain" helps nobody.
  if (!new_doc->meta.instrument.empty()) {
    options.history_href = fmt::format("/history?document={}&path=", ids->new_id);
  }
  if (!old_doc->meta.instrument.empty()) {
    options.old_history_href = fmt::format("/history?document={}&path=", ids->old_id);
  }
  const std::string base = fmt::format("/compare/{}/{}", ids->old_id, ids->new_id);
  nlohmann::json downloads = nlohmann::json::array();
  for (const auto& [format, label] : {std::pair{"html", "HTML report"},
                                      std::pair{"docx", "Word, tracked changes"},
                                      std::pair{"json", "JSON"},
                                      std::pair{"md", "Markdown"}}) {
    downloads.push_back({{"href", fmt::format("{}/download.{}", base, format)},
                         {"label", label},
                         {"format", format}});
  }
  nlohmann::json view = {
      {"old", ComparedJson(comparison->old_doc)},
      {"new", ComparedJson(comparison->new_doc)},
      {"lede", compare::SummarySentence(comparison->summary)},
      {"counts", Counts(*comparison)},
      {"summary_rows", nlohmann::json::array()},
      {"inline", options.view == compare::RedlineView::kInline},
      {"inline_href", base + "?view=inline"},
      {"side_href", base + "?view=side"},
      {"swap_href", fmt::format("/compare/{}/{}", ids->new_id, ids->old_id)},
      {"changes_html", compare::RenderHtmlChanges(*comparison, options)},
      {"downloads", downloads},
      {"nav", "compare"}};
  for (const compare::SummaryRow& row : compare::SummaryRows(comparison->summary)) {
    view["summary_rows"].push_back({{"label", row.label}, {"value", row.value}});
  }
  ctx.Page("compare_result",
           fmt::format("{} → {}", compare::ShortName(comparison->old_doc),
                       compare::ShortName(comparison->new_doc)),
           std::move(view));
}

void CompareDownload(RequestContext& ctx) {
  absl::StatusOr<PairIds> ids = MatchPair(ctx);
  if (!ids.ok()) return ctx.Error(ids.status());
  absl::StatusOr<doc::Document> old_doc = DocumentById(ctx, ids->old_id);
  if (!old_doc.ok()) return ctx.Error(old_doc.status());
  absl::StatusOr<doc::Document> new_doc = DocumentById(ctx, ids->new_id);
  if (!new_doc.ok()) return ctx.Error(new_doc.status());
  absl::StatusOr<RenderedFile> file =
      RenderComparisonFile(*CachedComparison(*old_doc, *new_doc), ctx.Match(3));
  if (!file.ok()) return ctx.Error(file.status());
  ctx.Download(std::move(file->body), file->content_type, file->filename);
}

// The articles (and preamble) of `document`, for the provision picker of /history.
nlohmann::json ArticleOptions(const doc::Document& document, const std::string& selected) {
  nlohmann::json options = nlohmann::json::array();
  doc::VisitProvisions(document.root, [&](const doc::Provision& provision, int) {
    if (provision.kind != doc::ProvisionKind::kArticle &&
        provision.kind != doc::ProvisionKind::kPreamble) {
      return;
    }
    std::string label = doc::CitationLabel(document.root, provision.path);
    if (!provision.heading.empty()) label += " — " + provision.heading;
    options.push_back({{"path", provision.path},
                       {"label", label.substr(0, 200)},
                       {"selected", provision.path == selected}});
  });
  return options;
}

void HistoryPage(RequestContext& ctx) {
  absl::StatusOr<doc::Document> document = DocumentFromParam(ctx, "document");
  if (!document.ok()) return ctx.Error(document.status());
  const std::string path = ctx.Param("path");
  nlohmann::json view = {{"document", {{"id", document->meta.id},
                                       {"cite", document->CiteName()},
                                       {"instrument", document->meta.instrument}}},
                         {"articles", ArticleOptions(*document, path)},
                         {"path", path},
                         {"nav", "compare"}};
  if (path.empty()) {
    return ctx.Page("history", "History of a provision", std::move(view));
  }
  if (absl::Status valid = CheckProvisionPath(path, "path"); !valid.ok()) return ctx.Error(valid);
  auto history = CachedHistory(ctx, *document, path);
  if (!history.ok()) return ctx.Error(history.status());
  nlohmann::json steps = nlohmann::json::array();
  const compare::HistoryStep* previous = nullptr;
  for (const compare::HistoryStep& step : (*history)->steps) {
    const bool first = previous == nullptr || step.change == compare::ChangeKind::kInsertion;
    std::string what = "—";
    if (!step.present) {
      what = step.change == compare::ChangeKind::kRepeal ? "deleted" : "not in this version";
    } else if (first) {
      what = previous == nullptr ? "first text" : "inserted";
    } else {
      what = std::string(compare::KindLabel(step.change));
    }
    nlohmann::json item = {{"version", step.document.version},
                           {"cite", step.document.cite},
                           {"date", compare::DisplayDate(step.document.date)},
                           {"present", step.present},
                           {"citation", step.citation},
                           {"heading", step.heading},
                           {"what", what},
                           {"words", step.words},
                           {"brackets", step.brackets},
                           {"also", compare::ProvisionCitations(step.also)}};
    if (step.present && !first && step.change != compare::ChangeKind::kUnchanged) {
      item["similarity"] = compare::Percent(step.similarity);
    }
    if (!step.ops.empty() && previous != nullptr) {
      const bool heading_first = !step.heading.empty() || !previous->heading.empty();
      item["redline_html"] = compare::RedlineHtml(
          step.ops, heading_first, fmt::format("{} in {}", step.citation, step.document.cite));
      item["compare_href"] =
          fmt::format("/compare/{}/{}", previous->document.id, step.document.id);
    }
    steps.push_back(std::move(item));
    previous = &step;
  }
  view["work_id"] = (*history)->work_id;
  view["steps"] = std::move(steps);
  view["has_history"] = true;
  ctx.Page("history",
           fmt::format("History of {} in {}", path, document->meta.instrument), std::move(view));
}

}  // namespace

void RegisterComparePages(RouteTable& routes) {
  routes.Add("GET", "/compare", Access::kPublic, ComparePicker,
             "Pick two stored versions to compare");
  routes.Add("GET", R"(/compare/(\d+)/(\d+))", Access::kPublic, CompareResult,
             "The redline between two versions, inline or side by side (?view=inline|side)",
             "/compare/8/11");
  routes.Add("GET", R"(/compare/(\d+)/(\d+)/download\.(html|docx|json|md))", Access::kPublic,
             CompareDownload, "The comparison as a file: HTML, DOCX, JSON or Markdown",
             "/compare/8/11/download.docx");
  routes.Add("GET", "/history", Access::kPublic, HistoryPage,
             "One provision through its instrument's versions (?document=ID&path=PATH)",
             "/history?document=11&path=art7");
}

}  // namespace tw::server
