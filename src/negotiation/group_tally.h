// A recorded vote counted group by group: how each UN regional group and each negotiating group
// the user defined voted, and the roll call split by regional group — so that "the African
// Group voted as one" or "WEOG was split" can be read off the record.
//
// Pure function; thread-safe while the registry is not modified.
#ifndef TREATYWATCH_NEGOTIATION_GROUP_TALLY_H_
#define TREATYWATCH_NEGOTIATION_GROUP_TALLY_H_

#include <string>
#include <string_view>
#include <vector>

#include "negotiation/actor_registry.h"
#include "negotiation/records.h"

namespace tw::negotiation {

enum class GroupKind {
  kRegionalGroup,    // a UN regional group: together with kNoRegionalGroup, a partition
  kGroup,            // a group the user defined; its members also count in their regional group
  kNoRegionalGroup,  // the ballots of states in no regional group (and of other actors)
};
std::string_view GroupKindName(GroupKind kind);  // "regional-group", "group", "no-regional-group"

struct GroupTally {
  std::string group;  // the group's actor id; empty for kNoRegionalGroup
  std::string name;   // printed name
  GroupKind kind = GroupKind::kRegionalGroup;
  int yes = 0;
  int no = 0;
  int abstain = 0;
  int absent = 0;
  std::vector<BallotCast> ballots;  // the group's members' ballots, in the vote's order
};

// The regional groups (registry order), then the no-regional-group bucket when it holds a
// ballot, then the user's groups with at least one member in the vote. A group member that
// is itself a group is not expanded: ballots are cast by states.
std::vector<GroupTally> TallyByGroup(const RecordedVote& vote, const ActorRegistry& actors);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_GROUP_TALLY_H_
