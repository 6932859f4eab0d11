// JSON forms of the negotiation analyses, for `--json` and the web API. The recorded vote's
// form is a contract scripts rely on (issue 5): yes, no, abstain, absent, members,
// present_and_voting, yes_share_of_present_and_voting, yes_share_of_membership,
// adopted_simple_majority, adopted_two_thirds, ballots[{actor, iso3, ballot}]. Pure.
#ifndef TREATYWATCH_NEGOTIATION_NEGOTIATION_JSON_H_
#define TREATYWATCH_NEGOTIATION_NEGOTIATION_JSON_H_

#include <nlohmann/json.hpp>

#include "negotiation/actor_registry.h"
#include "negotiation/coalitions.h"
#include "negotiation/group_tally.h"
#include "negotiation/records.h"
#include "negotiation/vote_tally.h"

namespace tw::negotiation {

nlohmann::json ActorJson(const Actor& actor);

nlohmann::json SessionJson(const Session& session);

// With the speaker's printed name ("name") beside its id.
nlohmann::json StatementJson(const Statement& statement, const ActorRegistry& actors);

// One stored row of a position's history, with the actor's printed name.
nlohmann::json PositionJson(const Position& position, const ActorRegistry& actors);

// A vote's tallies by group (group_tally.h): [{group, name, kind, yes, no, abstain, absent}].
nlohmann::json GroupTalliesJson(const std::vector<GroupTally>& groups);

// The ballots and outcomes of a tally, the part every view of a vote shares: yes, no, abstain,
// absent, members, present_and_voting and the three adopted_* readings.
nlohmann::json VoteCountsJson(const VoteTally& tally);

nlohmann::json VoteJson(const RecordedVote& vote, const VoteTally& tally,
                        const ActorRegistry& actors);

nlohmann::json StanceMatrixJson(const StanceMatrix& stances, const ActorRegistry& actors);

nlohmann::json CoalitionsJson(const AgreementMatrix& agreement, const Clustering& clustering,
                              const ActorRegistry& actors);

nlohmann::json SwingJson(const std::vector<SwingActor>& swing, const ActorRegistry& actors);

nlohmann::json ProjectionJson(const VoteProjection& projection, const ActorRegistry& actors);

// The printed name of an actor id: the registry's name, else the id itself.
std::string ActorName(const ActorRegistry& actors, std::string_view id);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_NEGOTIATION_JSON_H_
