// What the fact-check routes (factcheck_api.cc, factcheck_pages.cc, public_factcheck_pages.cc,
// factcheck_exports.cc, evidence_selection.cc) read alike: the verdict scale, the store's actor
// names, and fact-checks as the asker may see them.
//
// Who sees what: a team member (viewer and up) sees every fact-check; anyone else only the
// published ones. An unpublished fact-check asked for by an anonymous visitor is answered
// exactly like a fact-check that does not exist, so its existence never leaks.
//
// Thread safety: functions take the request's store; one request per thread.
#ifndef TREATYWATCH_SERVER_FACTCHECK_ACCESS_H_
#define TREATYWATCH_SERVER_FACTCHECK_ACCESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "factcheck/claim.h"
#include "factcheck/claim_review.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"
#include "negotiation/actor_registry.h"
#include "server/request_context.h"
#include "store/store.h"

namespace tw::server {

// The scale fact-checks are judged on: $TREATYWATCH_VERDICTS when the server was started with
// it, else the default (factcheck/verdict_scale_config.h).
absl::StatusOr<factcheck::VerdictScale> VerdictScaleOf();

// The actor names of this store (negotiation/stored_actors.h).
absl::StatusOr<negotiation::ActorRegistry> ActorsOf(store::Store& store);

// Whether the asker may see drafts and fact-checks in review.
bool SeesUnpublished(const RequestContext& ctx);

// Fact-check `id` when it exists and the asker may see it; otherwise NotFound with the same
// message either way.
absl::StatusOr<factcheck::FactCheck> VisibleFactCheck(const RequestContext& ctx,
                                                      store::Store& store, std::int64_t id);

// Every fact-check the asker may see (of `claim_id` when not 0), by id.
absl::StatusOr<std::vector<factcheck::FactCheck>> VisibleFactChecks(const RequestContext& ctx,
                                                                    store::Store& store,
                                                                    std::int64_t claim_id = 0);

// Claim `id`; NotFound naming it otherwise.
absl::StatusOr<factcheck::Claim> StoredClaim(store::Store& store, std::int64_t id);

// Who publishes, and where the public pages are: this server's own address as the request
// reached it (a Host header that is not a plain host name falls back to 127.0.0.1), so the
// ClaimReview url is /public/factchecks/ID here.
factcheck::Publisher PublisherOf(const RequestContext& ctx);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_FACTCHECK_ACCESS_H_
