#include "negotiation/negotiation_json.h"

#include <cmath>
#include <string>

namespace tw::negotiation {
namespace {

// JSON has no NaN: "nothing in common" is null.
nlohmann::json Number(double value) {
  if (std::isnan(value)) return nullptr;
  return value;
}

nlohmann::json StanceJson(const std::optional<Stance>& stance) {
  if (!stance) return nullptr;
  return std::string(StanceName(*stance));
}

}  // namespace

std::string ActorName(const ActorRegistry& actors, std::string_view id) {
  const Actor* actor = actors.FindById(id);
  return actor == nullptr ? std::string(id) : actor->name;
}

nlohmann::json ActorJson(const Actor& actor) {
  nlohmann::json json = {{"id", actor.id},
                         {"kind", std::string(ActorKindName(actor.kind))},
                         {"name", actor.name},
                         {"aliases", actor.aliases}};
  if (!actor.iso3.empty()) json["iso3"] = actor.iso3;
  if (!actor.iso2.empty()) json["iso2"] = actor.iso2;
  if (!actor.regional_group.empty()) json["regional_group"] = actor.regional_group;
  if (!actor.members.empty()) json["members"] = actor.members;
  return json;
}

nlohmann::json SessionJson(const Session& session) {
  return {{"number", session.number},     {"instrument", session.instrument},
          {"title", session.title},       {"start_date", session.start_date},
          {"end_date", session.end_date}, {"venue", session.venue},
          {"agenda_items", session.agenda_items}};
}

nlohmann::json StatementJson(const Statement& statement, const ActorRegistry& actors) {
  return {{"id", statement.id},
          {"actor", statement.actor},
          {"name", ActorName(actors, statement.actor)},
          {"session", statement.session},
          {"agenda_item", statement.agenda_item},
          {"date", statement.date},
          {"text", statement.text},
          {"source_url", statement.source_url},
          {"cited_paths", statement.cited_paths}};
}

nlohmann::json PositionJson(const Position& position, const ActorRegistry& actors) {
  return {{"id", position.id},
          {"actor", position.actor},
          {"name", ActorName(actors, position.actor)},
          {"subject", position.subject},
          {"stance", std::string(StanceName(position.stance))},
          {"date", position.date},
          {"source_kind", position.source_kind},
          {"source", position.source},
          {"note", position.note}};
}

nlohmann::json GroupTalliesJson(const std::vector<GroupTally>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const GroupTally& group : groups) {
    list.push_back({{"group", group.group},
                    {"name", group.name},
                    {"kind", std::string(GroupKindName(group.kind))},
                    {"yes", group.yes},
                    {"no", group.no},
                    {"abstain", group.abstain},
                    {"absent", group.absent}});
  }
  return list;
}

nlohmann::json VoteCountsJson(const VoteTally& tally) {
  return {{"yes", tally.yes},
          {"no", tally.no},
          {"abstain", tally.abstain},
          {"absent", tally.absent},
          {"members", tally.members},
          {"present_and_voting", tally.present_and_voting},
          {"adopted_simple_majority", tally.adopted_simple_majority},
          {"adopted_two_thirds", tally.adopted_two_thirds},
          {"adopted_membership_majority", tally.adopted_membership_majority}};
}

nlohmann::json VoteJson(const RecordedVote& vote, const VoteTally& tally,
                        const ActorRegistry& actors) {
  nlohmann::json ballots = nlohmann::json::array();
  for (const BallotCast& cast : vote.ballots) {
    const Actor* actor = actors.FindById(cast.actor);
    ballots.push_back({{"actor", actor == nullptr ? cast.actor : actor->name},
                       {"iso3", actor == nullptr ? std::string() : actor->iso3},
                       {"ballot", std::string(BallotName(cast.ballot))}});
  }
  nlohmann::json json = VoteCountsJson(tally);
  json.update({{"symbol", vote.symbol},
               {"body", vote.body},
               {"date", vote.date},
               {"question", vote.question},
               {"yes_share_of_present_and_voting", tally.yes_share_of_present_and_voting},
               {"yes_share_of_membership", tally.yes_share_of_membership},
               {"ballots", ballots}});
  return json;
}

nlohmann::json StanceMatrixJson(const StanceMatrix& stances, const ActorRegistry& actors) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t a = 0; a < stances.actors.size(); ++a) {
    nlohmann::json cells = nlohmann::json::object();
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      if (stances.at(a, s)) cells[stances.subjects[s]] = StanceJson(stances.at(a, s));
    }
    rows.push_back({{"actor", stances.actors[a]},
                    {"name", ActorName(actors, stances.actors[a])},
                    {"stances", cells}});
  }
  return {{"subjects", stances.subjects}, {"actors", rows}};
}

nlohmann::json CoalitionsJson(const AgreementMatrix& agreement, const Clustering& clustering,
                              const ActorRegistry& actors) {
  nlohmann::json blocs = nlohmann::json::array();
  for (const Bloc& bloc : clustering.blocs) {
    nlohmann::json names = nlohmann::json::array();
    for (const std::string& id : bloc.actors) names.push_back(ActorName(actors, id));
    blocs.push_back({{"actors", bloc.actors}, {"names", names}, {"cohesion", Number(bloc.cohesion)}});
  }
  nlohmann::json matrix = nlohmann::json::array();
  for (std::size_t a = 0; a < agreement.actors.size(); ++a) {
    nlohmann::json row = nlohmann::json::array();
    for (std::size_t b = 0; b < agreement.actors.size(); ++b) row.push_back(Number(agreement.at(a, b)));
    matrix.push_back(std::move(row));
  }
  return {{"blocs", blocs},
          {"order", clustering.order},
          {"actors", agreement.actors},
          {"agreement", matrix}};
}

nlohmann::json SwingJson(const std::vector<SwingActor>& swing, const ActorRegistry& actors) {
  nlohmann::json list = nlohmann::json::array();
  for (const SwingActor& actor : swing) {
    list.push_back({{"actor", actor.actor},
                    {"name", ActorName(actors, actor.actor)},
                    {"stance", StanceJson(actor.stance)},
                    {"agreement_with_supporters", Number(actor.agreement_with_supporters)},
                    {"agreement_with_opponents", Number(actor.agreement_with_opponents)},
                    {"lean", Number(actor.lean)}});
  }
  return list;
}

nlohmann::json ProjectionJson(const VoteProjection& projection, const ActorRegistry& actors) {
  nlohmann::json ballots = nlohmann::json::array();
  for (const ProjectedBallot& ballot : projection.ballots) {
    ballots.push_back({{"actor", ballot.actor},
                       {"name", ActorName(actors, ballot.actor)},
                       {"ballot", std::string(BallotName(ballot.ballot))},
                       {"inferred", ballot.inferred}});
  }
  nlohmann::json outcomes = nlohmann::json::array();
  for (const VoteProjection::Outcome& outcome : projection.outcomes) {
    outcomes.push_back({{"rule", std::string(MajorityRuleName(outcome.rule))},
                        {"adopted", outcome.adopted},
                        {"switches_needed", outcome.switches_needed},
                        {"flippers", outcome.flippers}});
  }
  const VoteTally& tally = projection.tally;
  return {{"subject", projection.subject},
          {"yes", tally.yes},
          {"no", tally.no},
          {"abstain", tally.abstain},
          {"absent", tally.absent},
          {"members", tally.members},
          {"outcomes", outcomes},
          {"ballots", ballots}};
}

}  // namespace tw::negotiation
