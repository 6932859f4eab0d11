// Adding to the negotiation record from a request (API or form): the fields are read and
// checked (negotiation_input.h), a statement's cited provisions are found in the draft that was
// on the table on its date (negotiation_links.h) or in the draft the request names, and the
// row is stored in one transaction. The result is what was stored, with its id.
//
// Not thread-safe: uses the calling thread's store.
#ifndef TREATYWATCH_SERVER_NEGOTIATION_WRITES_H_
#define TREATYWATCH_SERVER_NEGOTIATION_WRITES_H_

#include <string>

#include "absl/status/statusor.h"
#include "negotiation/actor_registry.h"
#include "negotiation/records.h"
#include "server/negotiation_input.h"
#include "store/store.h"

namespace tw::server {

// `draft`: a document id or symbol whose provisions the statement cites; empty: the draft on
// the table at the statement's date (none stored: paths from the numbers alone).
absl::StatusOr<negotiation::Statement> StoreStatement(store::Store& store,
                                                      const negotiation::ActorRegistry& actors,
                                                      const StatementFields& fields,
                                                      const std::string& draft);
absl::StatusOr<negotiation::Position> StorePosition(store::Store& store,
                                                    const negotiation::ActorRegistry& actors,
                                                    const PositionFields& fields);
// Replaces a stored session of the same (instrument, number).
absl::StatusOr<negotiation::Session> StoreSession(store::Store& store,
                                                  const SessionFields& fields);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_NEGOTIATION_WRITES_H_
