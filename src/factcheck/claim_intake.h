// ClaimIntake: recording a claim the way every front end does it — filling what a stored
// statement knows (actor, date, session, source), resolving the provisions and instruments the
// words cite against the draft that was on the table when it was said, and looking up the same
// actor's own record. `treatywatch claims add|match` and the web server (/api/v1/claims, the
// claim form, the reader's evidence panel) call these, so a claim is resolved one way.
//
// Reads the store given; one call per store object at a time.
#ifndef TREATYWATCH_FACTCHECK_CLAIM_INTAKE_H_
#define TREATYWATCH_FACTCHECK_CLAIM_INTAKE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "doc/document.h"
#include "factcheck/claim.h"
#include "factcheck/own_record.h"
#include "negotiation/records.h"
#include "store/store.h"

namespace tw::factcheck {

// The stored statement `id`; NotFound naming it otherwise.
absl::StatusOr<negotiation::Statement> FindStatement(store::Store& store, std::int64_t id);

// Sets claim.statement_id and fills the actor, date, session and source URL the claim does not
// have yet from statement `id`.
absl::Status FillFromStatement(store::Store& store, std::int64_t id, Claim& claim);

// Names of instruments in the store, for ResolveClaimReferences: the instruments' names and
// the titles (up to the first ';') of stored texts that are not statements.
absl::StatusOr<std::vector<std::string>> KnownInstrumentNames(store::Store& store);

// The draft the claim's article numbers refer to, chosen as the automatic checks choose it
// (auto_check_context.h): the instrument's version current on the claim's date or session.
absl::StatusOr<std::optional<doc::Document>> DraftUnderDiscussion(store::Store& store,
                                                                  const Claim& claim);

// Sets claim.cited_paths and claim.instruments from its words, against `draft` (null: the
// numbers alone).
absl::Status ResolveStoredReferences(store::Store& store, Claim& claim,
                                     const doc::Document* draft);

// The statements and positions of the claim's actor that relate to its words, with
// self-contradictions flagged (own_record.h); claim.actor must be an actor id.
absl::StatusOr<std::vector<OwnRecordMatch>> OwnRecordOfActor(store::Store& store,
                                                             const Claim& claim);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_INTAKE_H_
