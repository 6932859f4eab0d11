// The audit API: GET /api/v1/audit/ID (findings and scorecard with the built-in pack, the JSON
// of `treatywatch audit --json`) and GET /api/v1/audit-trend (the JSON of `treatywatch
// audit-trend --json`) over listed drafts or an instrument's version chain.
#include "audit/audit_json.h"
#include "audit/scorecard.h"
#include "server/audit_results.h"
#include "server/audit_trend_drafts.h"
#include "server/compare_results.h"
#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

void Audit(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "document");
  if (!id.ok()) return ctx.Error(id.status());
  absl::StatusOr<DocumentAudit> audited = AuditStoredDocument(ctx, *id);
  if (!audited.ok()) return ctx.Error(audited.status());
  ctx.Json(audit::AuditToJson(audited->document, *audited->pack, *audited->result, audited->card));
}

// ?documents=ID,ID,... or ?instrument=NAME
void AuditTrend(RequestContext& ctx) {
  absl::StatusOr<std::vector<doc::Document>> drafts = TrendDrafts(ctx);
  if (!drafts.ok()) return ctx.Error(drafts.status());
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return ctx.Error(engine.status());
  auto trend = CachedAuditTrend(*drafts);
  if (!trend.ok()) return ctx.Error(trend.status());
  ctx.Json(audit::AuditTrendToJson(**trend, (*engine)->pack()));
}

}  // namespace

void RegisterAuditApi(RouteTable& routes) {
  routes.Add("GET", R"(/api/v1/audit/(\d+))", Access::kPublic, Audit,
             "A draft audited with the built-in rule pack: scorecard and findings",
             "/api/v1/audit/11");
  routes.Add("GET", "/api/v1/audit-trend", Access::kPublic, AuditTrend,
             "Scorecards across drafts and what got better or worse (?documents=ID,ID,... or "
             "?instrument=NAME)",
             "/api/v1/audit-trend?documents=2,8,11");
}

}  // namespace tw::server
