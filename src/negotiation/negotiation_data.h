// The negotiation record as a store holds it, loaded for analysis: the actors of the store
// (stored_actors.h), every position and recorded vote, the stance matrix as of a date, the
// agreement between actors and its clustering. Shared by the CLI and the server, so both show
// the same blocs for the same store.
//
// Reads through store::NegotiationRecord only. Not thread-safe: the record is used by one
// thread at a time (store/store.h).
#ifndef TREATYWATCH_NEGOTIATION_NEGOTIATION_DATA_H_
#define TREATYWATCH_NEGOTIATION_NEGOTIATION_DATA_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "negotiation/actor_registry.h"
#include "negotiation/coalitions.h"
#include "store/negotiation_record.h"

namespace tw::negotiation {

struct NegotiationData {
  ActorRegistry actors;
  std::vector<Position> positions;
  std::vector<RecordedVote> votes;
  StanceMatrix stances;
  AgreementMatrix agreement;
  Clustering clustering;
};

// `as_of`: YYYY-MM-DD or empty for every position stored; `min_agreement` as ClusterActors.
absl::StatusOr<NegotiationData> LoadNegotiationData(store::NegotiationRecord& record,
                                                    const std::string& as_of,
                                                    double min_agreement);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_NEGOTIATION_DATA_H_
