// GET /api/v1/exports/claimreview and /api/v1/exports/briefing: the published fact-checks as
// schema.org ClaimReview JSON-LD and as a session briefing (HTML, Markdown or CSV) — the same
// files `treatywatch export` writes (factcheck/reviewed_claims.h). Only a team member may ask
// for the internal briefing with unpublished fact-checks.
#include <fmt/format.h>

#include "factcheck/briefing.h"
#include "factcheck/claim_review.h"
#include "factcheck/reviewed_claims.h"
#include "server/factcheck_access.h"
#include "server/factcheck_actions.h"
#include "server/factcheck_routes.h"
#include "server/request_context.h"

namespace tw::server {
namespace {

absl::Status ClaimReviewExport(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<std::vector<factcheck::ReviewedClaim>> items =
      factcheck::LoadReviewedClaims(**store, *actors, 0, false);
  if (!items.ok()) return items.status();
  const std::string body = factcheck::ClaimReviewArray(*items, *scale, PublisherOf(ctx))
                               .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                           "\n";
  if (ctx.Param("download") == "1") {
    ctx.Download(body, "application/ld+json; charset=utf-8", "claimreview.json");
  } else {
    ctx.response.status = 200;
    ctx.response.set_content(body, "application/ld+json; charset=utf-8");
  }
  return absl::OkStatus();
}

absl::Status BriefingExport(RequestContext& ctx) {
  factcheck::BriefingRequest request;
  if (ctx.HasParam("session") && !ctx.Param("session").empty()) {
    absl::StatusOr<std::int64_t> session = ctx.IdParam("session");
    if (!session.ok()) return session.status();
    if (*session > kMaxSession) return absl::InvalidArgumentError("session: too large");
    request.session = static_cast<int>(*session);
  }
  const std::string format = ctx.HasParam("format") ? ctx.Param("format") : "html";
  if (format != "html" && format != "md" && format != "csv") {
    return absl::InvalidArgumentError("format: one of html, md, csv");
  }
  request.include_unpublished = ctx.Param("unpublished") == "1";
  if (request.include_unpublished && !SeesUnpublished(ctx)) {
    return ctx.user ? absl::PermissionDeniedError("the internal briefing is the team's")
                    : absl::UnauthenticatedError("log in for the internal briefing");
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(**store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  request.publisher = PublisherOf(ctx);
  absl::StatusOr<factcheck::BriefingInput> input =
      factcheck::LoadBriefingInput(**store, *actors, request);
  if (!input.ok()) return input.status();
  const std::string name = fmt::format(
      "briefing{}{}.{}", request.session > 0 ? fmt::format("-session{}", request.session) : "",
      request.include_unpublished ? "-internal" : "", format);
  if (format == "html") {
    ctx.Download(factcheck::BriefingHtml(*input, *scale), "text/html; charset=utf-8", name);
  } else if (format == "md") {
    ctx.Download(factcheck::BriefingMarkdown(*input, *scale), "text/markdown; charset=utf-8", name);
  } else {
    ctx.Download(factcheck::BriefingCsv(*input), "text/csv; charset=utf-8", name);
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterFactCheckExports(RouteTable& routes) {
  routes.Add("GET", R"(/api/v1/exports/claimreview)", Access::kPublic, ClaimReviewExport,
             "ClaimReview JSON-LD of every published fact-check (?download=1)");
  routes.Add("GET", R"(/api/v1/exports/briefing)", Access::kPublic, BriefingExport,
             "A briefing download (?session=N&format=html|md|csv; &unpublished=1 for the team)");
}

}  // namespace tw::server
