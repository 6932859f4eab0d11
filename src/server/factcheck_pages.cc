// The team's fact-check pages: the desk (/factchecks: the claims queue, the claims, fact-checks
// by status, the stale ones), a claim (/claims/ID, /claims/new), a fact-check (/factchecks/ID,
// /factchecks/new) with the workflow buttons the user's role allows, its history and the
// correction form. Forms post, then redirect to the page showing the result.
#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <map>

#include "doc/provision.h"
#include "factcheck/auto_checks.h"
#include "factcheck/claim_intake.h"
#include "factcheck/publication_text.h"
#include "negotiation/negotiation_json.h"
#include "server/claims_queue.h"
#include "server/factcheck_access.h"
#include "server/factcheck_actions.h"
#include "server/factcheck_request.h"
#include "server/factcheck_routes.h"
#include "server/factcheck_views.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "text/text_clip.h"

namespace tw::server {
namespace {

// The desk shows this many queued sentences; the API gives more.
constexpr int kDeskQueueItems = 30;
constexpr std::size_t kMaxSimilarShown = 5;
constexpr std::size_t kListSummaryBytes = 200;

nlohmann::json RoleFlags(const RequestContext& ctx) {
  return {{"is_analyst", ctx.HasRole(Role::kAnalyst)}, {"is_editor", ctx.HasRole(Role::kEditor)}};
}

absl::Status Desk(RequestContext& ctx) {
  if (!SeesUnpublished(ctx)) {
    ctx.Redirect("/public/factchecks");
    return absl::OkStatus();
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<std::vector<QueuedSentence>> queue = ClaimsQueue(**store, kDeskQueueItems);
  if (!queue.ok()) return queue.status();
  nlohmann::json queued = nlohmann::json::array();
  for (const QueuedSentence& item : *queue) {
    nlohmann::json row = QueuedSentenceJson(item, *actors);
    row["score_text"] = fmt::format("{:.2f}", item.sentence.score);
    nlohmann::json features = nlohmann::json::array();
    for (const factcheck::WorthinessFeature& feature : item.sentence.features) {
      features.push_back({{"name", feature.name},
                          {"matched", feature.matched},
                          {"weight", fmt::format("{:+.2f}", feature.weight)}});
    }
    row["features"] = features;
    queued.push_back(std::move(row));
  }
  absl::StatusOr<std::vector<factcheck::Claim>> claims = (*store)->ListClaims(store::ClaimFilter{});
  if (!claims.ok()) return claims.status();
  std::map<std::int64_t, const factcheck::Claim*> claim_of;
  for (const factcheck::Claim& claim : *claims) claim_of[claim.id] = &claim;
  absl::StatusOr<std::vector<factcheck::FactCheck>> checks = VisibleFactChecks(ctx, **store);
  if (!checks.ok()) return checks.status();
  std::map<std::int64_t, int> checks_per_claim;
  nlohmann::json by_status = {{"draft", nlohmann::json::array()},
                              {"in-review", nlohmann::json::array()},
                              {"published", nlohmann::json::array()}};
  nlohmann::json stale = nlohmann::json::array();
  for (const factcheck::FactCheck& fact_check : *checks) {
    ++checks_per_claim[fact_check.claim_id];
    nlohmann::json row = VerdictView(fact_check.verdict, *scale);
    const auto claim = claim_of.find(fact_check.claim_id);
    row.update(
        {{"id", fact_check.id},
         {"claim_id", fact_check.claim_id},
         {"claim_text",
          claim == claim_of.end() ? "" : text::ClipUtf8(claim->second->text, kListSummaryBytes)},
         {"actor_name",
          claim == claim_of.end() ? "" : negotiation::ActorName(*actors, claim->second->actor)},
         {"summary", text::ClipUtf8(fact_check.summary, kListSummaryBytes)},
         {"revision", fact_check.revision},
         {"updated_by", fact_check.updated_by},
         {"needs_review", factcheck::NeedsReview(fact_check)}});
    if (factcheck::NeedsReview(fact_check)) stale.push_back(row);
    by_status[std::string(factcheck::FactCheckStatusName(fact_check.status))].push_back(row);
  }
  nlohmann::json claim_rows = nlohmann::json::array();
  for (auto claim = claims->rbegin(); claim != claims->rend(); ++claim) {
    nlohmann::json row = ClaimView(*claim, *actors);
    row["checks"] = checks_per_claim[claim->id];
    claim_rows.push_back(std::move(row));
  }
  nlohmann::json view = RoleFlags(ctx);
  view.update({{"queue", queued},
               {"queue_count", queued.size()},
               {"claims", claim_rows},
               {"claims_count", claim_rows.size()},
               {"drafts", by_status["draft"]},
               {"drafts_count", by_status["draft"].size()},
               {"in_review_count", by_status["in-review"].size()},
               {"published_count", by_status["published"].size()},
               {"in_review", by_status["in-review"]},
               {"published", by_status["published"]},
               {"stale", stale},
               {"stale_count", stale.size()}});
  ctx.Page("factchecks", "Fact-checks", view);
  return absl::OkStatus();
}

absl::Status NewClaimPage(RequestContext& ctx) {
  nlohmann::json view = {{"nav", "factchecks"},
                         {"text", ctx.Param("text")},
                         {"actor", ctx.Param("actor")},
                         {"statement", ctx.Param("statement")},
                         {"session", ctx.Param("session")},
                         {"date", ctx.Param("date")},
                         {"source_url", ctx.Param("source_url")}};
  nlohmann::json grades = nlohmann::json::array();
  for (factcheck::SourceGrade grade :
       {factcheck::SourceGrade::kOfficialRecord, factcheck::SourceGrade::kWrittenSubmission,
        factcheck::SourceGrade::kWebcast, factcheck::SourceGrade::kThirdPartyReport}) {
    grades.push_back({{"value", std::string(factcheck::SourceGradeName(grade))}});
  }
  view["grades"] = grades;
  ctx.Page("claim_new", "New claim", view);
  return absl::OkStatus();
}

absl::Status PostClaimForm(RequestContext& ctx) {
  absl::StatusOr<ClaimRequest> request = ClaimRequestFromForm(ctx);
  if (!request.ok()) return request.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<RecordedClaim> recorded = RecordClaim(ctx, **store, *std::move(request));
  if (!recorded.ok()) return recorded.status();
  ctx.Redirect(fmt::format("/claims/{}", recorded->claim.id));
  return absl::OkStatus();
}

absl::Status ClaimPage(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "claim");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, *id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  nlohmann::json view = RoleFlags(ctx);
  view["nav"] = "factchecks";
  view["claim"] = ClaimView(*claim, *actors);
  // The provisions it cites, in the draft that was on the table when it was said.
  absl::StatusOr<std::optional<doc::Document>> draft =
      factcheck::DraftUnderDiscussion(**store, *claim);
  if (!draft.ok()) return draft.status();
  nlohmann::json provisions = nlohmann::json::array();
  for (const std::string& path : claim->cited_paths) {
    nlohmann::json row = {{"path", path}, {"label", path}};
    if (*draft) {
      row["label"] =
          fmt::format("{}, {}", doc::CitationLabel((*draft)->root, path), (*draft)->CiteName());
      row["reader_url"] = fmt::format("/documents/{}/read#{}", (*draft)->meta.id, path);
    }
    provisions.push_back(std::move(row));
  }
  view["provisions"] = provisions;
  view["instruments"] = claim->instruments;
  absl::StatusOr<std::vector<factcheck::AutoCheckResult>> results =
      factcheck::RunAutoChecks(*claim, **store, factcheck::AutoCheckOptions{});
  if (!results.ok()) return results.status();
  nlohmann::json suggestions = nlohmann::json::array();
  for (const factcheck::AutoCheckResult& result : *results) {
    nlohmann::json anchors = nlohmann::json::array();
    for (const factcheck::EvidenceAnchor& anchor : result.anchors) {
      std::string url = fmt::format("/documents/{}/read", anchor.document_id);
      if (!anchor.path.empty()) url += "#" + anchor.path;
      anchors.push_back({{"exact", text::ClipUtf8(anchor.exact, 300)},
                         {"path", anchor.path},
                         {"reader_url", url}});
    }
    suggestions.push_back(
        {{"check", result.check},
         {"finding", result.finding},
         {"assessment", std::string(factcheck::AssessmentName(result.assessment))},
         {"anchors", anchors}});
  }
  view["suggestions"] = suggestions;
  absl::StatusOr<std::vector<factcheck::ClaimMatch>> matches =
      factcheck::MatchClaim(**store, claim->text, factcheck::MatchThresholds{});
  if (!matches.ok()) return matches.status();
  nlohmann::json similar = nlohmann::json::array();
  for (const factcheck::ClaimMatch& match : *matches) {
    if (match.claim.id == claim->id || similar.size() >= kMaxSimilarShown) continue;
    nlohmann::json row = ClaimView(match.claim, *actors);
    row["score"] = fmt::format("{:.2f}", match.score);
    row["confirmed"] = match.confirmed;
    similar.push_back(std::move(row));
  }
  view["similar"] = similar;
  absl::StatusOr<std::vector<factcheck::FactCheck>> checks = VisibleFactChecks(ctx, **store, *id);
  if (!checks.ok()) return checks.status();
  nlohmann::json fact_checks = nlohmann::json::array();
  for (const factcheck::FactCheck& fact_check : *checks) {
    nlohmann::json row = VerdictView(fact_check.verdict, *scale);
    row.update({{"id", fact_check.id},
                {"status", std::string(factcheck::FactCheckStatusName(fact_check.status))},
                {"revision", fact_check.revision},
                {"needs_review", factcheck::NeedsReview(fact_check)},
                {"summary", fact_check.summary}});
    fact_checks.push_back(std::move(row));
  }
  view["factchecks"] = fact_checks;
  ctx.Page("claim", fmt::format("Claim {}", *id), view);
  return absl::OkStatus();
}

nlohmann::json ScaleOptions(const factcheck::VerdictScale& scale, std::string_view chosen) {
  nlohmann::json options = nlohmann::json::array();
  for (const factcheck::Verdict& verdict : scale.verdicts()) {
    options.push_back({{"value", verdict.name},
                       {"label", factcheck::VerdictLabel(verdict.name)},
                       {"description", verdict.description},
                       {"selected", verdict.name == chosen}});
  }
  return options;
}

absl::Status NewFactCheckPage(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> claim_id = ctx.IdParam("claim");
  if (!claim_id.ok()) return claim_id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, *claim_id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  ctx.Page("factcheck_new", "New fact-check",
           {{"nav", "factchecks"},
            {"claim", ClaimView(*claim, *actors)},
            {"verdicts", ScaleOptions(*scale, "")}});
  return absl::OkStatus();
}

// The optional quote of a form: doc, path, quote, evidence_note.
absl::StatusOr<std::optional<factcheck::Evidence>> FormEvidence(const RequestContext& ctx,
                                                                store::Store& store) {
  if (ctx.Param("quote").find_first_not_of(" \t\r\n") == std::string::npos) {
    return std::optional<factcheck::Evidence>();
  }
  absl::StatusOr<factcheck::Evidence> evidence = QuoteRequested(
      store, {ctx.Param("doc"), ctx.Param("path"), ctx.Param("quote"), ctx.Param("evidence_note")});
  if (!evidence.ok()) return evidence.status();
  return std::optional<factcheck::Evidence>(*std::move(evidence));
}

absl::Status PostFactCheckForm(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> claim_id = ctx.IdParam("claim");
  if (!claim_id.ok()) return claim_id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::optional<factcheck::Evidence>> evidence = FormEvidence(ctx, **store);
  if (!evidence.ok()) return evidence.status();
  std::vector<factcheck::Evidence> pieces;
  if (*evidence) pieces.push_back(**evidence);
  absl::StatusOr<factcheck::FactCheck> created = StartFactCheck(
      ctx, **store, *claim_id, {ctx.Param("verdict"), ctx.Param("summary"), ctx.Param("rationale")},
      std::move(pieces));
  if (!created.ok()) return created.status();
  ctx.Redirect(fmt::format("/factchecks/{}", created->id));
  return absl::OkStatus();
}

absl::Status FactCheckPage(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::FactCheck> fact_check = VisibleFactCheck(ctx, **store, *id);
  if (!fact_check.ok()) return fact_check.status();
  if (!SeesUnpublished(ctx)) {
    ctx.Redirect(fmt::format("/public/factchecks/{}", *id));
    return absl::OkStatus();
  }
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, fact_check->claim_id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<nlohmann::json> view = FactCheckView(**store, *fact_check, *scale);
  if (!view.ok()) return view.status();
  absl::StatusOr<std::vector<factcheck::FactCheckRevision>> history =
      (*store)->FactCheckHistory(*id);
  if (!history.ok()) return history.status();
  nlohmann::json revisions = nlohmann::json::array();
  for (auto revision = history->rbegin(); revision != history->rend(); ++revision) {
    nlohmann::json row = VerdictView(revision->snapshot.verdict, *scale);
    row.update({{"revision", revision->revision},
                {"saved_by", revision->saved_by},
                {"saved_at", revision->saved_at},
                {"status", std::string(factcheck::FactCheckStatusName(revision->snapshot.status))},
                {"change_note", revision->change_note},
                {"evidence_count", revision->snapshot.evidence.size()}});
    revisions.push_back(std::move(row));
  }
  const bool analyst = ctx.HasRole(Role::kAnalyst);
  const bool editor = ctx.HasRole(Role::kEditor);
  const bool published = fact_check->status == factcheck::FactCheckStatus::kPublished;
  nlohmann::json page = RoleFlags(ctx);
  page.update(
      {{"nav", "factchecks"},
       {"factcheck", *view},
       {"claim", ClaimView(*claim, *actors)},
       {"history", revisions},
       {"verdicts", ScaleOptions(*scale, fact_check->verdict)},
       {"can_edit", analyst && !published},
       {"can_submit", analyst && fact_check->status == factcheck::FactCheckStatus::kDraft},
       {"can_return", editor && fact_check->status == factcheck::FactCheckStatus::kInReview},
       {"can_publish", editor && fact_check->status == factcheck::FactCheckStatus::kInReview},
       {"can_correct", editor && published}});
  ctx.Page("factcheck", fmt::format("Fact-check {}", *id), page);
  return absl::OkStatus();
}

// The ids of the checked "remove_evidence" boxes.
absl::StatusOr<std::vector<std::int64_t>> RemovedEvidence(const RequestContext& ctx) {
  std::vector<std::int64_t> ids;
  const std::size_t count = ctx.request.get_param_value_count("remove_evidence");
  if (count > kMaxListItems) return absl::InvalidArgumentError("remove_evidence: too many");
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text = ctx.request.get_param_value("remove_evidence", i);
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
      return absl::InvalidArgumentError("remove_evidence: evidence ids");
    }
    ids.push_back(id);
  }
  return ids;
}

// The form of /factchecks/ID: edit (and correct) save the fields; the workflow buttons move.
absl::Status PostFactCheckChange(RequestContext& ctx, std::string_view change) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::optional<std::int64_t>> revision =
      FormInteger(ctx, "revision", 1, std::numeric_limits<int>::max());
  if (!revision.ok()) return revision.status();
  FactCheckEdit edit;
  edit.expected_revision = static_cast<int>(revision->value_or(0));
  edit.note = ctx.Param("note");
  if (change == "edit" || change == "correct") {
    if (change == "correct" && edit.note.find_first_not_of(" \t\r\n") == std::string::npos) {
      return absl::InvalidArgumentError(
          "note: a correction of a published fact-check says what was corrected");
    }
    edit.verdict = ctx.Param("verdict");
    edit.summary = ctx.Param("summary");
    edit.rationale = ctx.Param("rationale");
    absl::StatusOr<std::vector<std::int64_t>> removed = RemovedEvidence(ctx);
    if (!removed.ok()) return removed.status();
    edit.remove_evidence = *std::move(removed);
    absl::StatusOr<std::optional<factcheck::Evidence>> evidence = FormEvidence(ctx, **store);
    if (!evidence.ok()) return evidence.status();
    if (*evidence) edit.add_evidence.push_back(**evidence);
  } else if (change == "submit") {
    edit.move_to = factcheck::FactCheckStatus::kInReview;
  } else if (change == "return") {
    edit.move_to = factcheck::FactCheckStatus::kDraft;
  } else {
    edit.move_to = factcheck::FactCheckStatus::kPublished;
  }
  absl::StatusOr<factcheck::FactCheck> saved = ReviseFactCheck(ctx, **store, *id, edit);
  if (!saved.ok()) return saved.status();
  ctx.Redirect(fmt::format("/factchecks/{}", *id));
  return absl::OkStatus();
}

}  // namespace

void RegisterFactCheckPages(RouteTable& routes) {
  routes.Add("GET", R"(/factchecks)", Access::kPublic, Desk,
             "The fact-check desk (the public list when not logged in)");
  routes.Add("GET", R"(/claims/new)", Access::kAnalyst, NewClaimPage, "The form of a new claim");
  routes.Add("POST", R"(/claims)", Access::kAnalyst, PostClaimForm, "Record a claim from the form");
  routes.Add("GET", R"(/claims/(\d+))", Access::kViewer, ClaimPage,
             "A claim: provisions, automatic checks, similar claims, fact-checks", "/claims/1");
  routes.Add("GET", R"(/factchecks/new)", Access::kAnalyst, NewFactCheckPage,
             "The form of a new fact-check (?claim=ID)", "/factchecks/new?claim=1");
  routes.Add("POST", R"(/factchecks)", Access::kAnalyst, PostFactCheckForm,
             "Start a fact-check from the form");
  routes.Add("GET", R"(/factchecks/(\d+))", Access::kPublic, FactCheckPage,
             "A fact-check with its workflow and history (the public page when not logged in)",
             "/factchecks/1");
  struct Change {
    const char* name;
    Access access;
    const char* summary;
  };
  for (const Change& change :
       {Change{"edit", Access::kAnalyst, "Save a revision of a fact-check from its form"},
        Change{"submit", Access::kAnalyst, "Send a draft for review"},
        Change{"return", Access::kEditor, "Send a fact-check in review back to draft"},
        Change{"publish", Access::kEditor, "Publish a reviewed fact-check"},
        Change{"correct", Access::kEditor,
               "Correct a published fact-check (a note is required)"}}) {
    const std::string name = change.name;
    routes.Add(
        "POST", fmt::format(R"(/factchecks/(\d+)/{})", name), change.access,
        [name](RequestContext& ctx) { return PostFactCheckChange(ctx, name); }, change.summary,
        fmt::format("/factchecks/1/{}", name));
  }
  RegisterPublicFactCheckPages(routes);
}

}  // namespace tw::server
