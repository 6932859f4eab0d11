// The public fact-check pages: /public/factchecks lists the published fact-checks and
// /public/factchecks/ID shows one as readers and search engines see it — the verdict, the
// claim, the evidence quoted with citations linked to the reader, the correction note, whether
// it needs review since a newer draft — with its ClaimReview JSON-LD in a
// <script type="application/ld+json"> element (data, never executed, so the CSP allows it).
// Unpublished fact-checks do not exist here, whoever asks.
#include <fmt/format.h>

#include "factcheck/claim_review.h"
#include "factcheck/publication_text.h"
#include "factcheck/reviewed_claims.h"
#include "server/factcheck_access.h"
#include "server/factcheck_routes.h"
#include "server/factcheck_views.h"
#include "server/request_context.h"
#include "text/text_clip.h"

namespace tw::server {
namespace {

constexpr std::size_t kListSummaryBytes = 300;

absl::Status PublicList(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<std::vector<factcheck::ReviewedClaim>> items =
      factcheck::LoadReviewedClaims(**store, *actors, 0, false);
  if (!items.ok()) return items.status();
  nlohmann::json rows = nlohmann::json::array();
  for (auto item = items->rbegin(); item != items->rend(); ++item) {
    nlohmann::json row = VerdictView(item->fact_check.verdict, *scale);
    row.update({{"id", item->fact_check.id},
                {"claim_text", item->claim.text},
                {"actor_name", item->actor_name},
                {"date", factcheck::LongDate(item->claim.date)},
                {"summary", text::ClipUtf8(item->fact_check.summary, kListSummaryBytes)},
                {"needs_review", factcheck::NeedsReview(item->fact_check)},
                {"corrected", factcheck::IsCorrected(item->fact_check)}});
    rows.push_back(std::move(row));
  }
  ctx.Page("public_factchecks", "Published fact-checks",
           {{"nav", "factchecks"}, {"factchecks", rows}, {"count", rows.size()}});
  return absl::OkStatus();
}

absl::Status PublicPage(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "fact-check");
  if (!id.ok()) return id.status();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::optional<factcheck::FactCheck>> loaded = (*store)->LoadFactCheck(*id);
  if (!loaded.ok()) return loaded.status();
  // The same answer for an unpublished fact-check as for none, whoever asks.
  if (!loaded->has_value() || (*loaded)->status != factcheck::FactCheckStatus::kPublished) {
    return absl::NotFoundError(fmt::format("no fact-check {}", *id));
  }
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<factcheck::ReviewedClaim> item =
      factcheck::LoadReviewedClaim(**store, *actors, **std::move(loaded));
  if (!item.ok()) return item.status();
  absl::StatusOr<nlohmann::json> view = FactCheckView(**store, item->fact_check, *scale);
  if (!view.ok()) return view.status();
  const nlohmann::json claim_review = factcheck::ClaimReviewJsonLd(*item, *scale, PublisherOf(ctx));
  nlohmann::json page = {{"nav", "factchecks"},
                         {"factcheck", *view},
                         {"claim", ClaimView(item->claim, *actors)},
                         {"said_in", factcheck::StatementRecordName(item->claim, item->actor_name)},
                         {"jsonld", ScriptSafeJson(claim_review)},
                         {"team", SeesUnpublished(ctx)}};
  ctx.Page("public_factcheck",
           fmt::format("Fact-check: {}", factcheck::VerdictLabel(item->fact_check.verdict)), page);
  return absl::OkStatus();
}

}  // namespace

void RegisterPublicFactCheckPages(RouteTable& routes) {
  routes.Add("GET", R"(/public/factchecks)", Access::kPublic, PublicList,
             "The published fact-checks");
  routes.Add("GET", R"(/public/factchecks/(\d+))", Access::kPublic, PublicPage,
             "A published fact-check with its ClaimReview JSON-LD", "/public/factchecks/1");
}

}  // namespace tw::server
