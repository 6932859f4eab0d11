#include "negotiation/group_tally.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace tw::negotiation {
namespace {

GroupTally Group(std::string id, std::string name, GroupKind kind) {
  GroupTally tally;
  tally.group = std::move(id);
  tally.name = std::move(name);
  tally.kind = kind;
  return tally;
}

void Count(GroupTally& tally, const BallotCast& cast) {
  switch (cast.ballot) {
    case Ballot::kYes: ++tally.yes; break;
    case Ballot::kNo: ++tally.no; break;
    case Ballot::kAbstain: ++tally.abstain; break;
    case Ballot::kAbsent: ++tally.absent; break;
  }
  tally.ballots.push_back(cast);
}

}  // namespace

std::string_view GroupKindName(GroupKind kind) {
  switch (kind) {
    case GroupKind::kRegionalGroup: return "regional-group";
    case GroupKind::kGroup: return "group";
    case GroupKind::kNoRegionalGroup: return "no-regional-group";
  }
  return "group";
}

std::vector<GroupTally> TallyByGroup(const RecordedVote& vote, const ActorRegistry& actors) {
  std::vector<GroupTally> regional;
  std::vector<GroupTally> defined;
  std::unordered_map<std::string, std::size_t> regional_index;
  for (const Actor& actor : actors.actors()) {
    if (actor.kind == ActorKind::kRegionalGroup) {
      regional_index[actor.id] = regional.size();
      regional.push_back(Group(actor.id, actor.name, GroupKind::kRegionalGroup));
    } else if (actor.kind == ActorKind::kGroup && !actor.members.empty()) {
      defined.push_back(Group(actor.id, actor.name, GroupKind::kGroup));
    }
  }
  GroupTally none = Group("", "No regional group", GroupKind::kNoRegionalGroup);
  for (const BallotCast& cast : vote.ballots) {
    const Actor* actor = actors.FindById(cast.actor);
    auto found = actor == nullptr ? regional_index.end() : regional_index.find(actor->regional_group);
    Count(found == regional_index.end() ? none : regional[found->second], cast);
  }
  for (GroupTally& group : defined) {
    const Actor* actor = actors.FindById(group.group);
    for (const BallotCast& cast : vote.ballots) {
      // Members are sorted (actor.h).
      if (std::binary_search(actor->members.begin(), actor->members.end(), cast.actor)) {
        Count(group, cast);
      }
    }
  }
  std::vector<GroupTally> result = std::move(regional);
  if (!none.ballots.empty()) result.push_back(std::move(none));
  for (GroupTally& group : defined) {
    if (!group.ballots.empty()) result.push_back(std::move(group));
  }
  return result;
}

}  // namespace tw::negotiation
