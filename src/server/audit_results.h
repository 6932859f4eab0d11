// What the audit handlers (audit_api.cc, audit_pages.cc) serve: the built-in rule pack
// (rules/cybercrime.yaml) compiled once per process, the audit of a stored draft and the trend
// across drafts, computed once per set of documents and kept in ResultCaches
// (server/result_cache.h). An audit's findings depend on the text alone, so they are keyed by
// its SHA-256; the scorecard, which cites the document, is made per request (it is cheap).
//
// Thread safety: every function may be called from any worker thread.
#ifndef TREATYWATCH_SERVER_AUDIT_RESULTS_H_
#define TREATYWATCH_SERVER_AUDIT_RESULTS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/audit_trend.h"
#include "audit/finding.h"
#include "audit/rule_engine.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::server {

// A trend compares every draft with the next: this many drafts at most per request.
inline constexpr std::size_t kMaxTrendDrafts = 20;

// The engine of the built-in pack; engine->pack() is the pack. Internal when the built-in pack
// does not compile (a broken build, not a request's fault).
absl::StatusOr<const audit::RuleEngine*> DefaultAuditEngine();

absl::StatusOr<std::shared_ptr<const audit::AuditResult>> CachedAudit(
    const doc::Document& document);

class RequestContext;

// A stored document with its audit by the built-in pack and its scorecard: what the JSON audit
// and the audit page both start from.
struct DocumentAudit {
  doc::Document document;
  const audit::RulePack* pack = nullptr;
  std::shared_ptr<const audit::AuditResult> result;
  audit::Scorecard card;
};
absl::StatusOr<DocumentAudit> AuditStoredDocument(RequestContext& ctx, std::int64_t id);

// `drafts` oldest first, 1..kMaxTrendDrafts of them, aligned by content.
absl::StatusOr<std::shared_ptr<const audit::AuditTrend>> CachedAuditTrend(
    const std::vector<doc::Document>& drafts);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_AUDIT_RESULTS_H_
