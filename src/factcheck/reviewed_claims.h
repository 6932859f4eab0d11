// ReviewedClaims: the fact-checks with their claims, as the publishing forms take them
// (claim_review.h, briefing.h) — loaded from a store the same way for `treatywatch export` and
// for the web server's exports and public pages, so both publish the same set: published
// fact-checks only unless the caller asks for the team's internal view, of one session or all.
//
// Reads the store given; one call per store object at a time.
#ifndef TREATYWATCH_FACTCHECK_REVIEWED_CLAIMS_H_
#define TREATYWATCH_FACTCHECK_REVIEWED_CLAIMS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "factcheck/briefing.h"
#include "factcheck/claim_review.h"
#include "negotiation/actor_registry.h"
#include "store/store.h"

namespace tw::factcheck {

// Whether the actor is a member or observer State (ClaimReview writes it as a government).
bool ActorIsState(const negotiation::ActorRegistry& registry, std::string_view id);

// The claim of `fact_check` with the actor's display name; NotFound when the claim is missing.
absl::StatusOr<ReviewedClaim> LoadReviewedClaim(store::Store& store,
                                                const negotiation::ActorRegistry& registry,
                                                FactCheck fact_check);

// Every fact-check (published ones only unless `include_unpublished`) with its claim, of
// session `session` (0: every session), ordered by fact-check id.
absl::StatusOr<std::vector<ReviewedClaim>> LoadReviewedClaims(
    store::Store& store, const negotiation::ActorRegistry& registry, int session,
    bool include_unpublished);

// The citation of each piece of evidence (key: evidence id) by the document and provision its
// quote stands in now: {"A/RES/79/243", "Art. 28(1)"}.
absl::StatusOr<std::map<std::int64_t, EvidenceCitation>> CiteEvidence(
    store::Store& store, const std::vector<const Evidence*>& evidence);

struct BriefingRequest {
  int session = 0;  // 0: every session
  bool include_unpublished = false;
  std::string title;  // empty: "Fact-checks" or "Fact-checks: <session title>"
  Publisher publisher;
};

// The whole input of a briefing: items, citations, title and the session's label.
absl::StatusOr<BriefingInput> LoadBriefingInput(store::Store& store,
                                                const negotiation::ActorRegistry& registry,
                                                const BriefingRequest& request);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_REVIEWED_CLAIMS_H_
