#include "factcheck/reviewed_claims.h"

#include <optional>
#include <utility>

#include <fmt/format.h>

#include "negotiation/negotiation_json.h"

namespace tw::factcheck {

bool ActorIsState(const negotiation::ActorRegistry& registry, std::string_view id) {
  absl::StatusOr<const negotiation::Actor*> actor = registry.Resolve(id);
  return actor.ok() && ((*actor)->kind == negotiation::ActorKind::kMemberState ||
                        (*actor)->kind == negotiation::ActorKind::kObserverState);
}

absl::StatusOr<ReviewedClaim> LoadReviewedClaim(store::Store& store,
                                                const negotiation::ActorRegistry& registry,
                                                FactCheck fact_check) {
  absl::StatusOr<std::optional<Claim>> claim = store.LoadClaim(fact_check.claim_id);
  if (!claim.ok()) return claim.status();
  if (!claim->has_value()) {
    return absl::NotFoundError(fmt::format("fact-check #{} names claim #{}, which is not stored",
                                           fact_check.id, fact_check.claim_id));
  }
  ReviewedClaim item;
  item.actor_name = negotiation::ActorName(registry, (*claim)->actor);
  item.actor_is_state = ActorIsState(registry, (*claim)->actor);
  item.claim = **std::move(claim);
  item.fact_check = std::move(fact_check);
  return item;
}

absl::StatusOr<std::vector<ReviewedClaim>> LoadReviewedClaims(
    store::Store& store, const negotiation::ActorRegistry& registry, int session,
    bool include_unpublished) {
  store::FactCheckFilter filter;
  if (!include_unpublished) filter.status = FactCheckStatus::kPublished;
  absl::StatusOr<std::vector<FactCheck>> fact_checks = store.ListFactChecks(filter);
  if (!fact_checks.ok()) return fact_checks.status();
  std::vector<ReviewedClaim> items;
  for (FactCheck& fact_check : *fact_checks) {
    absl::StatusOr<ReviewedClaim> item = LoadReviewedClaim(store, registry, std::move(fact_check));
    if (!item.ok()) return item.status();
    if (session > 0 && item->claim.session != session) continue;
    items.push_back(*std::move(item));
  }
  return items;
}

absl::StatusOr<std::map<std::int64_t, EvidenceCitation>> CiteEvidence(
    store::Store& store, const std::vector<const Evidence*>& evidence) {
  std::map<std::int64_t, doc::Document> documents;
  std::map<std::int64_t, EvidenceCitation> citations;
  for (const Evidence* piece : evidence) {
    const std::int64_t id = piece->anchor.document_id;
    auto found = documents.find(id);
    if (found == documents.end()) {
      absl::StatusOr<doc::Document> document = store.LoadDocument(std::to_string(id));
      if (!document.ok()) return document.status();
      found = documents.emplace(id, *std::move(document)).first;
    }
    EvidenceCitation citation;
    citation.document = found->second.CiteName();
    if (!piece->anchor.path.empty()) {
      citation.provision = doc::CitationLabel(found->second.root, piece->anchor.path);
    }
    citations[piece->id] = std::move(citation);
  }
  return citations;
}

absl::StatusOr<BriefingInput> LoadBriefingInput(store::Store& store,
                                                const negotiation::ActorRegistry& registry,
                                                const BriefingRequest& request) {
  BriefingInput input;
  input.session = request.session;
  input.include_unpublished = request.include_unpublished;
  input.publisher = request.publisher;
  absl::StatusOr<std::vector<ReviewedClaim>> items =
      LoadReviewedClaims(store, registry, request.session, request.include_unpublished);
  if (!items.ok()) return items.status();
  input.items = *std::move(items);
  std::string session_title = fmt::format("session {}", request.session);
  if (request.session > 0) {
    absl::StatusOr<std::vector<negotiation::Session>> sessions = store.ListSessions();
    if (!sessions.ok()) return sessions.status();
    for (const negotiation::Session& session : *sessions) {
      if (session.number != request.session) continue;
      if (!session.title.empty()) session_title = session.title;
      input.session_label = session.title;
      if (!session.venue.empty()) input.session_label += ", " + session.venue;
      if (!session.start_date.empty()) {
        input.session_label += fmt::format(", {} to {}", session.start_date, session.end_date);
      }
    }
  }
  input.title = !request.title.empty() ? request.title
                : request.session > 0  ? "Fact-checks: " + session_title
                                       : std::string("Fact-checks");
  std::vector<const Evidence*> evidence;
  for (const ReviewedClaim& item : input.items) {
    for (const Evidence& piece : item.fact_check.evidence) evidence.push_back(&piece);
  }
  absl::StatusOr<std::map<std::int64_t, EvidenceCitation>> citations =
      CiteEvidence(store, evidence);
  if (!citations.ok()) return citations.status();
  input.citations = *std::move(citations);
  return input;
}

}  // namespace tw::factcheck
