#include "negotiation/negotiation_data.h"

#include <utility>

#include "negotiation/stored_actors.h"

namespace tw::negotiation {

absl::StatusOr<NegotiationData> LoadNegotiationData(store::NegotiationRecord& record,
                                                    const std::string& as_of,
                                                    double min_agreement) {
  absl::StatusOr<ActorRegistry> actors = StoredActorRegistry(record);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<std::vector<Position>> positions = record.ListPositions(store::PositionFilter{});
  if (!positions.ok()) return positions.status();
  absl::StatusOr<std::vector<RecordedVote>> votes = record.ListVotes();
  if (!votes.ok()) return votes.status();
  NegotiationData data{*std::move(actors), *std::move(positions), *std::move(votes), {}, {}, {}};
  data.stances = BuildStanceMatrix(data.positions, as_of);
  data.agreement = ComputeAgreement(data.stances, data.votes);
  data.clustering = ClusterActors(data.agreement, min_agreement);
  return data;
}

}  // namespace tw::negotiation
