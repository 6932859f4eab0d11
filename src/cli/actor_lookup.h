// The actors a command resolves names against: the UN membership and groups
// (negotiation::ActorRegistry::Default) plus the groups and organisations the user stored. A
// SQLite database file that does not exist yet is not created just to look for them.
#ifndef TREATYWATCH_CLI_ACTOR_LOOKUP_H_
#define TREATYWATCH_CLI_ACTOR_LOOKUP_H_

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "negotiation/actor_registry.h"

namespace tw::cli {

absl::StatusOr<negotiation::ActorRegistry> LoadActorRegistry(CliContext& context);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_ACTOR_LOOKUP_H_
