// Evidence by selecting text in the reader. The reader page includes reader_evidence_panel
// (web/templates) and /static/evidence.js; the script asks GET /evidence/panel for the panel,
// which only an analyst gets (anyone else: 204, and no panel appears), and posts the selected
// words to POST /api/v1/evidence, which anchors them exactly as `--evidence 'DOC#PATH: words'`
// does (an absent or ambiguous quote is refused with the count) and adds them to the claim's
// draft fact-check, starting the draft — and the claim — when there is none.
#include <fmt/format.h>

#include <limits>

#include "factcheck/factcheck_json.h"
#include "negotiation/negotiation_json.h"
#include "server/factcheck_access.h"
#include "server/factcheck_actions.h"
#include "server/factcheck_request.h"
#include "server/factcheck_routes.h"
#include "server/request_context.h"
#include "server/templates.h"
#include "text/text_clip.h"

namespace tw::server {
namespace {

// The panel lists at most this many claims to choose from, the newest first.
constexpr std::size_t kMaxPanelClaims = 200;
constexpr std::size_t kPanelClaimTextBytes = 120;

absl::Status Panel(RequestContext& ctx) {
  if (!ctx.HasRole(Role::kAnalyst)) {
    ctx.response.status = 204;
    return absl::OkStatus();
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<std::vector<factcheck::Claim>> claims = (*store)->ListClaims(store::ClaimFilter{});
  if (!claims.ok()) return claims.status();
  nlohmann::json list = nlohmann::json::array();
  for (auto claim = claims->rbegin(); claim != claims->rend() && list.size() < kMaxPanelClaims;
       ++claim) {
    list.push_back({{"id", claim->id},
                    {"actor_name", negotiation::ActorName(*actors, claim->actor)},
                    {"text", text::ClipUtf8(claim->text, kPanelClaimTextBytes)}});
  }
  absl::StatusOr<std::string> html = ctx.templates().Render(
      "evidence_panel_form", {{"claims", list}, {"csrf_token", ctx.csrf_token}});
  if (!html.ok()) return html.status();
  ctx.Html(*std::move(html));
  return absl::OkStatus();
}

absl::Status PostEvidence(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = JsonObjectBody(ctx);
  if (!body.ok()) return body.status();
  absl::StatusOr<EvidenceRequest> request = EvidenceRequestFromJson(*body);
  if (!request.ok()) return request.status();
  absl::StatusOr<std::optional<std::int64_t>> claim_id =
      JsonInteger(*body, "claim", 1, std::numeric_limits<std::int64_t>::max());
  if (!claim_id.ok()) return claim_id.status();
  const auto new_claim = body->find("new_claim");
  const bool wants_new = new_claim != body->end() && !new_claim->is_null();
  if (*claim_id && wants_new) {
    return absl::InvalidArgumentError("claim or new_claim: choose one");
  }
  if (!*claim_id && !wants_new) {
    return absl::InvalidArgumentError(
        "claim: the id of the claim this is evidence for, or new_claim {text, actor}");
  }
  if (wants_new && !new_claim->is_object()) {
    return absl::InvalidArgumentError("new_claim: {text, actor, session, date}");
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  // The quote first: nothing is stored when the words are absent or ambiguous.
  absl::StatusOr<factcheck::Evidence> evidence = QuoteRequested(**store, *request);
  if (!evidence.ok()) return evidence.status();
  std::int64_t claim = claim_id->value_or(0);
  if (wants_new) {
    absl::StatusOr<ClaimRequest> claim_request = ClaimRequestFromJson(*new_claim);
    if (!claim_request.ok()) return claim_request.status();
    absl::StatusOr<RecordedClaim> recorded = RecordClaim(ctx, **store, *std::move(claim_request));
    if (!recorded.ok()) return recorded.status();
    claim = recorded->claim.id;
  } else if (absl::StatusOr<factcheck::Claim> known = StoredClaim(**store, claim); !known.ok()) {
    return known.status();
  }
  bool created = false;
  absl::StatusOr<factcheck::FactCheck> draft = DraftOfClaim(ctx, **store, claim, &created);
  if (!draft.ok()) return draft.status();
  FactCheckEdit edit;
  edit.expected_revision = draft->revision;
  edit.add_evidence.push_back(*evidence);
  edit.note = "added evidence selected in the reader";
  absl::StatusOr<factcheck::FactCheck> saved = ReviseFactCheck(ctx, **store, draft->id, edit);
  if (!saved.ok()) return saved.status();
  ctx.Json({{"factcheck", saved->id},
            {"claim", claim},
            {"revision", saved->revision},
            {"created_draft", created},
            {"evidence", factcheck::EvidenceJson(saved->evidence.back())},
            {"url", fmt::format("/factchecks/{}", saved->id)}},
           201);
  return absl::OkStatus();
}

}  // namespace

void RegisterEvidenceSelection(RouteTable& routes) {
  routes.Add("GET", R"(/evidence/panel)", Access::kPublic, Panel,
             "The reader's evidence panel (analysts; 204 for anyone else)");
  routes.Add("POST", R"(/api/v1/evidence)", Access::kAnalyst, PostEvidence,
             "Quote {doc, path, quote, note} as evidence of {claim} or {new_claim: {text, "
             "actor}} in its draft fact-check");
}

}  // namespace tw::server
