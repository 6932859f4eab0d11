#include "cli/negotiation_data.h"

#include "cli/actor_lookup.h"

namespace tw::cli {

absl::StatusOr<NegotiationData> LoadNegotiationData(CliContext& context, const std::string& as_of,
                                                    double min_agreement) {
  absl::StatusOr<negotiation::ActorRegistry> actors = LoadActorRegistry(context);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<negotiation::Position>> positions =
      (*store)->ListPositions(store::PositionFilter{});
  if (!positions.ok()) return positions.status();
  absl::StatusOr<std::vector<negotiation::RecordedVote>> votes = (*store)->ListVotes();
  if (!votes.ok()) return votes.status();
  NegotiationData data{*std::move(actors), *std::move(positions), *std::move(votes), {}, {}, {}};
  data.stances = negotiation::BuildStanceMatrix(data.positions, as_of);
  data.agreement = negotiation::ComputeAgreement(data.stances, data.votes);
  data.clustering = negotiation::ClusterActors(data.agreement, min_agreement);
  return data;
}

}  // namespace tw::cli
