// What the coalition commands analyse, loaded once from the store: every stored position and
// vote, the stance matrix as of a date, the agreement between actors and its clustering.
#ifndef TREATYWATCH_CLI_NEGOTIATION_DATA_H_
#define TREATYWATCH_CLI_NEGOTIATION_DATA_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "negotiation/actor_registry.h"
#include "negotiation/coalitions.h"

namespace tw::cli {

struct NegotiationData {
  negotiation::ActorRegistry actors;
  std::vector<negotiation::Position> positions;
  std::vector<negotiation::RecordedVote> votes;
  negotiation::StanceMatrix stances;
  negotiation::AgreementMatrix agreement;
  negotiation::Clustering clustering;
};

// `as_of`: YYYY-MM-DD or empty for every position stored.
absl::StatusOr<NegotiationData> LoadNegotiationData(CliContext& context, const std::string& as_of,
                                                    double min_agreement);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_NEGOTIATION_DATA_H_
