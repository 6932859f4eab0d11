#include "server/audit_results.h"

#include <fmt/format.h>

#include "audit/default_pack.h"
#include "server/compare_results.h"
#include "server/result_cache.h"

namespace tw::server {
namespace {

constexpr std::size_t kAuditsKept = 32;
constexpr std::size_t kTrendsKept = 8;

ResultCache<audit::AuditResult>& Audits() {
  static ResultCache<audit::AuditResult> cache(kAuditsKept);
  return cache;
}

ResultCache<audit::AuditTrend>& Trends() {
  static ResultCache<audit::AuditTrend> cache(kTrendsKept);
  return cache;
}

}  // namespace

absl::StatusOr<const audit::RuleEngine*> DefaultAuditEngine() {
  // Compiled on first use and kept for the process: a pack's RE2 set takes a while to build.
  static const absl::StatusOr<audit::RuleEngine>* const engine = [] {
    absl::StatusOr<audit::RulePack> pack = audit::LoadDefaultPack();
    if (!pack.ok()) return new absl::StatusOr<audit::RuleEngine>(pack.status());
    return new absl::StatusOr<audit::RuleEngine>(audit::RuleEngine::Compile(*pack));
  }();
  if (!engine->ok()) {
    return absl::InternalError(fmt::format("the built-in rule pack does not compile: {}",
                                           std::string(engine->status().message())));
  }
  return &**engine;
}

absl::StatusOr<std::shared_ptr<const audit::AuditResult>> CachedAudit(
    const doc::Document& document) {
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return engine.status();
  return Audits().GetOrCompute(document.meta.sha256,
                               [&] { return (*engine)->Evaluate(document); });
}

absl::StatusOr<std::shared_ptr<const audit::AuditTrend>> CachedAuditTrend(
    const std::vector<doc::Document>& drafts) {
  if (drafts.empty() || drafts.size() > kMaxTrendDrafts) {
    return absl::InvalidArgumentError(
        fmt::format("a trend takes 1 to {} drafts, got {}", kMaxTrendDrafts, drafts.size()));
  }
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return engine.status();
  std::string key;
  for (const doc::Document& draft : drafts) key += DocumentCacheKey(draft);
  if (auto found = Trends().Find(key)) return found;
  std::vector<audit::AuditedDraft> audited;
  for (const doc::Document& draft : drafts) {
    absl::StatusOr<std::shared_ptr<const audit::AuditResult>> result = CachedAudit(draft);
    if (!result.ok()) return result.status();
    audited.push_back({&draft, **result});
  }
  auto made = std::make_shared<const audit::AuditTrend>(
      audit::MakeAuditTrend(audited, (*engine)->pack(), audit::TrendAlignment::kContent));
  Trends().Put(key, made);
  return made;
}

absl::StatusOr<DocumentAudit> AuditStoredDocument(RequestContext& ctx, std::int64_t id) {
  absl::StatusOr<doc::Document> document = DocumentById(ctx, id);
  if (!document.ok()) return document.status();
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return engine.status();
  auto result = CachedAudit(*document);
  if (!result.ok()) return result.status();
  DocumentAudit audited;
  audited.pack = &(*engine)->pack();
  audited.card = audit::MakeScorecard(*document, *audited.pack, **result);
  audited.result = *std::move(result);
  audited.document = *std::move(document);
  return audited;
}

}  // namespace tw::server
