// StoredActorRegistry: the actors a name resolves against in one store — the UN membership and
// groups (ActorRegistry::Default) plus the groups and organisations its users stored. Shared by
// the command line and the web server so both resolve "EU" or a user-defined group alike.
//
// Reads the store given; one call per store object at a time (store/store.h).
#ifndef TREATYWATCH_NEGOTIATION_STORED_ACTORS_H_
#define TREATYWATCH_NEGOTIATION_STORED_ACTORS_H_

#include "absl/status/statusor.h"
#include "negotiation/actor_registry.h"
#include "store/negotiation_record.h"

namespace tw::negotiation {

absl::StatusOr<ActorRegistry> StoredActorRegistry(store::NegotiationRecord& store);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_STORED_ACTORS_H_
