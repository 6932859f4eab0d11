// /api/v1/claims and /api/v1/factchecks: claims, the queue of check-worthy sentences, stale
// fact-checks, earlier claims like a text, fact-checks and their workflow. JSON forms are the
// library's (factcheck/factcheck_json.h), the same the command line prints with --json.
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "factcheck/auto_checks.h"
#include "factcheck/claim_intake.h"
#include "factcheck/factcheck_json.h"
#include "server/claims_queue.h"
#include "server/factcheck_access.h"
#include "server/factcheck_actions.h"
#include "server/factcheck_request.h"
#include "server/factcheck_routes.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "text/ascii_case.h"

namespace tw::server {
namespace {

constexpr int kMaxMatches = 100;
// A search term of GET /api/v1/factchecks?q= longer than this is refused.
constexpr std::size_t kMaxSearchBytes = 500;

absl::StatusOr<std::map<std::int64_t, std::vector<factcheck::FactCheck>>> ChecksByClaim(
    const RequestContext& ctx, store::Store& store) {
  absl::StatusOr<std::vector<factcheck::FactCheck>> all = VisibleFactChecks(ctx, store);
  if (!all.ok()) return all.status();
  std::map<std::int64_t, std::vector<factcheck::FactCheck>> by_claim;
  for (factcheck::FactCheck& fact_check : *all) {
    by_claim[fact_check.claim_id].push_back(std::move(fact_check));
  }
  return by_claim;
}

nlohmann::json BriefList(const std::vector<factcheck::FactCheck>* checks) {
  nlohmann::json list = nlohmann::json::array();
  if (checks == nullptr) return list;
  for (const factcheck::FactCheck& fact_check : *checks) {
    list.push_back(factcheck::FactCheckBriefJson(fact_check));
  }
  return list;
}

absl::Status ListClaims(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  store::ClaimFilter filter;
  if (const std::string actor = ctx.Param("actor"); !actor.empty()) {
    absl::StatusOr<const negotiation::Actor*> resolved = actors->Resolve(actor);
    if (!resolved.ok()) {
      return absl::InvalidArgumentError(
          fmt::format("actor: {}", std::string(resolved.status().message())));
    }
    filter.actor = (*resolved)->id;
  }
  if (ctx.HasParam("session")) {
    absl::StatusOr<std::int64_t> session = ctx.IdParam("session");
    if (!session.ok()) return session.status();
    if (*session > kMaxSession) return absl::InvalidArgumentError("session: too large");
    filter.session = static_cast<int>(*session);
  }
  const std::string status = ctx.Param("status");
  factcheck::FactCheckStatus wanted = factcheck::FactCheckStatus::kDraft;
  if (!status.empty() && status != "unchecked" &&
      !factcheck::ParseFactCheckStatus(status, &wanted)) {
    return absl::InvalidArgumentError("status: one of unchecked, draft, in-review, published");
  }
  absl::StatusOr<std::vector<factcheck::Claim>> claims = (*store)->ListClaims(filter);
  if (!claims.ok()) return claims.status();
  auto by_claim = ChecksByClaim(ctx, **store);
  if (!by_claim.ok()) return by_claim.status();
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::Claim& claim : *claims) {
    auto checks = by_claim->find(claim.id);
    const std::vector<factcheck::FactCheck>* own =
        checks == by_claim->end() ? nullptr : &checks->second;
    if (status == "unchecked" && own != nullptr) continue;
    if (!status.empty() && status != "unchecked" &&
        (own == nullptr ||
         std::none_of(own->begin(), own->end(),
                      [&](const factcheck::FactCheck& f) { return f.status == wanted; }))) {
      continue;
    }
    nlohmann::json json = factcheck::ClaimJson(claim, *actors);
    json["factchecks"] = BriefList(own);
    list.push_back(std::move(json));
  }
  ctx.Json({{"claims", list}});
  return absl::OkStatus();
}

absl::Status GetClaim(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "claim");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, *id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<std::vector<factcheck::FactCheck>> checks = VisibleFactChecks(ctx, **store, *id);
  if (!checks.ok()) return checks.status();
  nlohmann::json json = factcheck::ClaimJson(*claim, *actors);
  json["factchecks"] = BriefList(&*checks);
  ctx.Json(json);
  return absl::OkStatus();
}

absl::Status PostClaim(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = JsonObjectBody(ctx);
  if (!body.ok()) return body.status();
  absl::StatusOr<ClaimRequest> request = ClaimRequestFromJson(*body);
  if (!request.ok()) return request.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<RecordedClaim> recorded = RecordClaim(ctx, **store, *std::move(request));
  if (!recorded.ok()) return recorded.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  nlohmann::json json = factcheck::ClaimJson(recorded->claim, *actors);
  nlohmann::json similar = nlohmann::json::array();
  for (const factcheck::ClaimMatch& match : recorded->similar) {
    similar.push_back(
        {{"claim", match.claim.id}, {"score", match.score}, {"confirmed", match.confirmed}});
  }
  json["similar"] = similar;
  ctx.Json(json, 201);
  return absl::OkStatus();
}

absl::Status GetQueue(RequestContext& ctx) {
  int limit = static_cast<int>(kMaxQueueItems);
  if (ctx.HasParam("limit")) {
    absl::StatusOr<std::int64_t> asked = ctx.IdParam("limit");
    if (!asked.ok()) return asked.status();
    limit = static_cast<int>(std::min<std::int64_t>(*asked, kMaxQueueItems));
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<QueuedSentence>> queue = ClaimsQueue(**store, limit);
  if (!queue.ok()) return queue.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  nlohmann::json list = nlohmann::json::array();
  for (const QueuedSentence& item : *queue) list.push_back(QueuedSentenceJson(item, *actors));
  ctx.Json({{"queue", list}});
  return absl::OkStatus();
}

absl::Status GetStale(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  store::FactCheckFilter filter;
  filter.needs_review_only = true;
  absl::StatusOr<std::vector<factcheck::FactCheck>> stale = (*store)->ListFactChecks(filter);
  if (!stale.ok()) return stale.status();
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::FactCheck& fact_check : *stale) {
    list.push_back(factcheck::StaleFactCheckJson(fact_check));
  }
  ctx.Json({{"stale", list}});
  return absl::OkStatus();
}

absl::Status PostMatch(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = JsonObjectBody(ctx);
  if (!body.ok()) return body.status();
  absl::StatusOr<std::optional<std::string>> text = JsonString(*body, "text", kMaxClaimTextBytes);
  if (!text.ok()) return text.status();
  if (!*text || (*text)->find_first_not_of(" \t\r\n") == std::string::npos) {
    return absl::InvalidArgumentError("text: the words to look for in earlier claims");
  }
  absl::StatusOr<std::optional<std::string>> actor =
      JsonString(*body, "actor", kMaxShortFieldBytes);
  if (!actor.ok()) return actor.status();
  absl::StatusOr<std::optional<std::int64_t>> limit = JsonInteger(*body, "limit", 1, kMaxMatches);
  if (!limit.ok()) return limit.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<std::vector<factcheck::ClaimMatch>> matches =
      factcheck::MatchClaim(**store, **text, factcheck::MatchThresholds{});
  if (!matches.ok()) return matches.status();
  const std::size_t keep = static_cast<std::size_t>(limit->value_or(10));
  if (matches->size() > keep) matches->resize(keep);
  auto by_claim = ChecksByClaim(ctx, **store);
  if (!by_claim.ok()) return by_claim.status();
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::ClaimMatch& match : *matches) {
    auto checks = by_claim->find(match.claim.id);
    list.push_back(factcheck::ClaimMatchJson(
        match, *actors,
        checks != by_claim->end() ? checks->second : std::vector<factcheck::FactCheck>{}));
  }
  nlohmann::json own = nlohmann::json::array();
  if (*actor && !(*actor)->empty()) {
    absl::StatusOr<const negotiation::Actor*> resolved = actors->Resolve(**actor);
    if (!resolved.ok()) {
      return absl::InvalidArgumentError(
          fmt::format("actor: {}", std::string(resolved.status().message())));
    }
    factcheck::Claim claim;
    claim.text = **text;
    claim.actor = (*resolved)->id;
    absl::StatusOr<std::vector<factcheck::OwnRecordMatch>> found =
        factcheck::OwnRecordOfActor(**store, claim);
    if (!found.ok()) return found.status();
    for (const factcheck::OwnRecordMatch& item : *found)
      own.push_back(factcheck::OwnRecordJson(item));
  }
  ctx.Json({{"matches", list}, {"own_record", own}});
  return absl::OkStatus();
}

bool ContainsCaseless(std::string_view text, std::string_view query) {
  if (query.size() > text.size()) return false;
  for (std::size_t at = 0; at + query.size() <= text.size(); ++at) {
    if (text::EqualsIgnoringAsciiCase(text.substr(at, query.size()), query)) return true;
  }
  return false;
}

// Whether the fact-check's claim or words contain `query` (ASCII case folded).
bool Mentions(const factcheck::FactCheck& fact_check, const factcheck::Claim& claim,
              std::string_view query) {
  for (std::string_view field :
       {std::string_view(claim.text), std::string_view(fact_check.summary),
        std::string_view(fact_check.verdict), std::string_view(fact_check.rationale)}) {
    if (ContainsCaseless(field, query)) return true;
  }
  return false;
}

absl::Status ListFactChecks(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  store::FactCheckFilter filter;
  if (const std::string status = ctx.Param("status"); !status.empty()) {
    factcheck::FactCheckStatus wanted;
    if (!factcheck::ParseFactCheckStatus(status, &wanted)) {
      return absl::InvalidArgumentError("status: one of draft, in-review, published");
    }
    filter.status = wanted;
  }
  if (ctx.HasParam("claim")) {
    absl::StatusOr<std::int64_t> claim = ctx.IdParam("claim");
    if (!claim.ok()) return claim.status();
    filter.claim_id = *claim;
  }
  filter.needs_review_only = ctx.Param("stale") == "1";
  const std::string query = ctx.Param("q");
  if (query.size() > kMaxSearchBytes) {
    return absl::InvalidArgumentError(fmt::format("q: at most {} bytes", kMaxSearchBytes));
  }
  absl::StatusOr<std::vector<factcheck::FactCheck>> all = (*store)->ListFactChecks(filter);
  if (!all.ok()) return all.status();
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::FactCheck& fact_check : *all) {
    // Anonymous visitors see published fact-checks only, whatever the filter asked.
    if (fact_check.status != factcheck::FactCheckStatus::kPublished && !SeesUnpublished(ctx)) {
      continue;
    }
    if (!query.empty()) {
      absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, fact_check.claim_id);
      if (!claim.ok()) return claim.status();
      if (!Mentions(fact_check, *claim, query)) continue;
    }
    list.push_back(factcheck::FactCheckJson(fact_check));
  }
  ctx.Json({{"factchecks", list}});
  return absl::OkStatus();
}

absl::Status GetFactCheck(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::FactCheck> fact_check = VisibleFactCheck(ctx, **store, *id);
  if (!fact_check.ok()) return fact_check.status();
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, fact_check->claim_id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  nlohmann::json json = factcheck::FactCheckJson(*fact_check);
  json["claim_detail"] = factcheck::ClaimJson(*claim, *actors);
  // The history holds the drafts a published fact-check went through: the team's only.
  if (SeesUnpublished(ctx)) {
    absl::StatusOr<std::vector<factcheck::FactCheckRevision>> history =
        (*store)->FactCheckHistory(*id);
    if (!history.ok()) return history.status();
    nlohmann::json revisions = nlohmann::json::array();
    for (const factcheck::FactCheckRevision& revision : *history) {
      revisions.push_back(factcheck::RevisionJson(revision));
    }
    json["history"] = revisions;
  }
  ctx.Json(json);
  return absl::OkStatus();
}

absl::Status PostFactCheck(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = JsonObjectBody(ctx);
  if (!body.ok()) return body.status();
  absl::StatusOr<std::optional<std::int64_t>> claim =
      JsonInteger(*body, "claim", 1, std::numeric_limits<std::int64_t>::max());
  if (!claim.ok()) return claim.status();
  if (!*claim) return absl::InvalidArgumentError("claim: the id of the claim checked");
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  // The fields and the quotes are read like a revision's.
  nlohmann::json edit_body = *body;
  if (body->contains("evidence")) edit_body["add_evidence"] = (*body)["evidence"];
  absl::StatusOr<FactCheckEdit> edit = FactCheckEditFromJson(edit_body, **store);
  if (!edit.ok()) return edit.status();
  FactCheckFields fields{edit->verdict.value_or(""), edit->summary.value_or(""),
                         edit->rationale.value_or("")};
  absl::StatusOr<factcheck::FactCheck> created =
      StartFactCheck(ctx, **store, **claim, fields, std::move(edit->add_evidence));
  if (!created.ok()) return created.status();
  ctx.Json(factcheck::FactCheckJson(*created), 201);
  return absl::OkStatus();
}

absl::Status PostRevision(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  absl::StatusOr<nlohmann::json> body = JsonObjectBody(ctx);
  if (!body.ok()) return body.status();
  if (!body->contains("revision")) {
    return absl::InvalidArgumentError(
        "revision: the revision you edited (so a save over someone else's is refused)");
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  // Hidden fact-checks are not found, whatever the role check below would say.
  absl::StatusOr<factcheck::FactCheck> visible = VisibleFactCheck(ctx, **store, *id);
  if (!visible.ok()) return visible.status();
  absl::StatusOr<FactCheckEdit> edit = FactCheckEditFromJson(*body, **store);
  if (!edit.ok()) return edit.status();
  absl::StatusOr<factcheck::FactCheck> saved = ReviseFactCheck(ctx, **store, *id, *edit);
  if (!saved.ok()) return saved.status();
  ctx.Json(factcheck::FactCheckJson(*saved), 201);
  return absl::OkStatus();
}

// submit, return, publish: {revision?, note?}.
absl::Status Move(RequestContext& ctx, factcheck::FactCheckStatus to) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  nlohmann::json body = nlohmann::json::object();
  if (!ctx.request.body.empty()) {
    absl::StatusOr<nlohmann::json> parsed = JsonObjectBody(ctx);
    if (!parsed.ok()) return parsed.status();
    body = *std::move(parsed);
  }
  FactCheckEdit edit;
  absl::StatusOr<std::optional<std::int64_t>> revision =
      JsonInteger(body, "revision", 1, std::numeric_limits<int>::max());
  if (!revision.ok()) return revision.status();
  edit.expected_revision = static_cast<int>(revision->value_or(0));
  absl::StatusOr<std::optional<std::string>> note = JsonString(body, "note", kMaxNoteBytes);
  if (!note.ok()) return note.status();
  edit.note = note->value_or("");
  edit.move_to = to;
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<factcheck::FactCheck> saved = ReviseFactCheck(ctx, **store, *id, edit);
  if (!saved.ok()) return saved.status();
  ctx.Json(factcheck::FactCheckJson(*saved));
  return absl::OkStatus();
}

absl::Status AutoChecks(RequestContext& ctx, bool of_fact_check) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, of_fact_check ? "fact-check" : "claim");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  std::int64_t claim_id = *id;
  if (of_fact_check) {
    absl::StatusOr<factcheck::FactCheck> fact_check = VisibleFactCheck(ctx, **store, *id);
    if (!fact_check.ok()) return fact_check.status();
    claim_id = fact_check->claim_id;
  }
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(**store, claim_id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<std::vector<factcheck::AutoCheckResult>> results =
      factcheck::RunAutoChecks(*claim, **store, factcheck::AutoCheckOptions{});
  if (!results.ok()) return results.status();
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::AutoCheckResult& result : *results) {
    list.push_back(factcheck::AutoCheckResultJson(result));
  }
  ctx.Json({{"claim", claim_id}, {"results", list}});
  return absl::OkStatus();
}

}  // namespace

void RegisterFactCheckApi(RouteTable& routes) {
  routes.Add("GET", R"(/api/v1/claims)", Access::kViewer, ListClaims,
             "Claims with their fact-checks (?actor=, ?session=, "
             "?status=unchecked|draft|in-review|published)");
  routes.Add("GET", R"(/api/v1/claims/queue)", Access::kViewer, GetQueue,
             "Check-worthy sentences of stored statements not yet claimed (?limit=)");
  routes.Add("GET", R"(/api/v1/claims/stale)", Access::kViewer, GetStale,
             "Fact-checks whose evidence changed in a newer draft");
  routes.Add("POST", R"(/api/v1/claims/match)", Access::kViewer, PostMatch,
             "Earlier claims that say the same as {text}, and {actor}'s own record");
  routes.Add("GET", R"(/api/v1/claims/(\d+))", Access::kViewer, GetClaim,
             "One claim with its fact-checks", "/api/v1/claims/1");
  routes.Add(
      "GET", R"(/api/v1/claims/(\d+)/auto)", Access::kViewer,
      [](RequestContext& ctx) { return AutoChecks(ctx, false); }, "The automatic checks of a claim",
      "/api/v1/claims/1/auto");
  routes.Add("POST", R"(/api/v1/claims)", Access::kAnalyst, PostClaim,
             "Record a claim {text, actor | statement, session, date, grade, source_url}");
  routes.Add("GET", R"(/api/v1/factchecks)", Access::kPublic, ListFactChecks,
             "Fact-checks (published ones only when not logged in; ?status=, ?claim=, ?q=, "
             "?stale=1)");
  routes.Add("GET", R"(/api/v1/factchecks/(\d+))", Access::kPublic, GetFactCheck,
             "One fact-check (404 for an unpublished one when not logged in)",
             "/api/v1/factchecks/1");
  routes.Add(
      "GET", R"(/api/v1/factchecks/(\d+)/auto)", Access::kViewer,
      [](RequestContext& ctx) { return AutoChecks(ctx, true); },
      "The automatic checks of a fact-check's claim", "/api/v1/factchecks/1/auto");
  routes.Add("POST", R"(/api/v1/factchecks)", Access::kAnalyst, PostFactCheck,
             "Start a draft fact-check {claim, verdict, summary, rationale, evidence[]}");
  routes.Add("POST", R"(/api/v1/factchecks/(\d+)/revisions)", Access::kAnalyst, PostRevision,
             "Save a revision {revision, ...}; 409 when someone saved another since",
             "/api/v1/factchecks/1/revisions");
  routes.Add(
      "POST", R"(/api/v1/factchecks/(\d+)/submit)", Access::kAnalyst,
      [](RequestContext& ctx) { return Move(ctx, factcheck::FactCheckStatus::kInReview); },
      "Send a draft for review", "/api/v1/factchecks/1/submit");
  routes.Add(
      "POST", R"(/api/v1/factchecks/(\d+)/return)", Access::kEditor,
      [](RequestContext& ctx) { return Move(ctx, factcheck::FactCheckStatus::kDraft); },
      "Send a fact-check in review back to draft", "/api/v1/factchecks/1/return");
  routes.Add(
      "POST", R"(/api/v1/factchecks/(\d+)/publish)", Access::kEditor,
      [](RequestContext& ctx) { return Move(ctx, factcheck::FactCheckStatus::kPublished); },
      "Publish a reviewed fact-check", "/api/v1/factchecks/1/publish");
  RegisterFactCheckExports(routes);
  RegisterEvidenceSelection(routes);
}

}  // namespace tw::server
