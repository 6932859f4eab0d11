// StoredStatement: one statement of a store by its id, as the statement page and
// GET /api/v1/statements/ID show it. Reads the store given; one call per store object at a
// time (store/store.h).
#ifndef TREATYWATCH_NEGOTIATION_STORED_STATEMENT_H_
#define TREATYWATCH_NEGOTIATION_STORED_STATEMENT_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "negotiation/records.h"
#include "store/negotiation_record.h"

namespace tw::negotiation {

// NotFound "no statement ID" when the store holds none with that id.
absl::StatusOr<Statement> StoredStatement(store::NegotiationRecord& store, std::int64_t id);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_STORED_STATEMENT_H_
