// The negotiation pages: the overview (sessions, counts), actors and groups, one actor's
// statements and positions over time, one statement, the positions matrix heatmap, recorded
// votes with their tallies and roll call by group, and the coalitions. Read by anyone; the
// forms that add to the record are in negotiation_forms.cc. Every value a user typed reaches
// the page through {{...}} (escaped); links are built here from ids, never from user URLs
// unless they are checked http(s) addresses.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "negotiation/group_tally.h"
#include "negotiation/negotiation_data.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/stored_actors.h"
#include "negotiation/stored_statement.h"
#include "negotiation/vote_tally.h"
#include "server/negotiation_forms.h"
#include "server/negotiation_input.h"
#include "server/negotiation_links.h"
#include "server/negotiation_view.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "store/negotiation_rows.h"
#include "text/text_clip.h"

namespace tw::server {
namespace {

using negotiation::ActorRegistry;
using nlohmann::json;

// How much of a statement a list shows before "read the whole statement".
constexpr std::size_t kExcerptChars = 400;
// Recent statements on the overview.
constexpr std::size_t kRecentStatements = 8;

json BaseView(const RequestContext& ctx) {
  return {{"nav", "negotiation"},
          {"can_analyst", ctx.HasRole(Role::kAnalyst)},
          {"can_editor", ctx.HasRole(Role::kEditor)}};
}

std::string StanceLetter(negotiation::Stance stance) {
  switch (stance) {
    case negotiation::Stance::kSupport: return "S";
    case negotiation::Stance::kOppose: return "O";
    case negotiation::Stance::kAmend: return "A";
    case negotiation::Stance::kReserve: return "R";
    case negotiation::Stance::kNeutral: return "N";
  }
  return "N";
}

json StanceView(negotiation::Stance stance) {
  const std::string name(negotiation::StanceName(stance));
  return {{"letter", StanceLetter(stance)}, {"stance", name}, {"class", "stance-" + name}};
}

std::string Percent(double share) {
  if (std::isnan(share)) return "—";
  return fmt::format("{:.0f}%", 100 * share);
}

// Cited provisions of a text said on `date`, linked into the reader of the draft on the table.
json CitedView(const std::vector<std::string>& paths,
               const std::optional<doc::DocumentMeta>& draft) {
  json list = json::array();
  for (const std::string& path : paths) {
    json item = {{"path", path}};
    if (draft) item["href"] = ReaderLink(draft->id, path);
    list.push_back(std::move(item));
  }
  return list;
}

json StatementView(const negotiation::Statement& statement, const ActorRegistry& actors,
                   const std::vector<doc::DocumentMeta>& documents, bool full) {
  const std::optional<doc::DocumentMeta> draft = DraftOnTheTable(documents, statement.date);
  json view = {{"id", statement.id},
               {"href", fmt::format("/negotiation/statements/{}", statement.id)},
               {"actor", statement.actor},
               {"actor_name", negotiation::ActorName(actors, statement.actor)},
               {"actor_href", ActorPage(statement.actor)},
               {"session", statement.session},
               {"has_session", statement.session > 0},
               {"agenda_item", statement.agenda_item},
               {"date", statement.date},
               {"cited", CitedView(statement.cited_paths, draft)},
               {"has_cited", !statement.cited_paths.empty()}};
  if (draft) view["draft"] = draft->symbol.empty() ? draft->title : draft->symbol;
  if (full) {
    view["text"] = statement.text;
  } else {
    const std::string excerpt = text::ClipUtf8(statement.text, kExcerptChars);
    view["text"] = excerpt;
    view["clipped"] = statement.text.size() > kExcerptChars;
  }
  if (!statement.source_url.empty()) {
    // Only a checked http(s) address becomes a link; anything else is shown as text.
    if (CheckHttpUrl(statement.source_url, "source").ok()) {
      view["source_href"] = statement.source_url;
    } else {
      view["source_text"] = statement.source_url;
    }
  }
  return view;
}

json PositionView(const negotiation::Position& position, const ActorRegistry& actors,
                  const std::optional<doc::DocumentMeta>& draft) {
  json view = {{"id", position.id},
               {"actor", position.actor},
               {"actor_name", negotiation::ActorName(actors, position.actor)},
               {"actor_href", ActorPage(position.actor)},
               {"subject", position.subject},
               {"date", position.date},
               {"source_kind", position.source_kind},
               {"source", position.source},
               {"note", position.note},
               {"stance", StanceView(position.stance)}};
  if (draft && IsProvisionPath(position.subject)) {
    view["subject_href"] = ReaderLink(draft->id, position.subject);
  }
  return view;
}

// The page's error: a 404 for what is not there, the status's own code otherwise.
template <typename T>
bool Failed(RequestContext& ctx, const absl::StatusOr<T>& value) {
  if (value.ok()) return false;
  ctx.Error(value.status());
  return true;
}

void Overview(RequestContext& ctx) {
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  auto sessions = (*store)->ListSessions();
  if (Failed(ctx, sessions)) return;
  auto statements = (*store)->ListStatements(store::StatementFilter{});
  if (Failed(ctx, statements)) return;
  auto positions = (*store)->ListPositions(store::PositionFilter{});
  if (Failed(ctx, positions)) return;
  auto votes = (*store)->ListVotes();
  if (Failed(ctx, votes)) return;
  auto documents = (*store)->ListDocuments();
  if (Failed(ctx, documents)) return;

  std::map<int, int> per_session;
  std::set<std::string> speakers;
  for (const auto& statement : *statements) {
    ++per_session[statement.session];
    speakers.insert(statement.actor);
  }
  std::set<std::string> holders;
  for (const auto& position : *positions) holders.insert(position.actor);
  json session_rows = json::array();
  for (const auto& session : *sessions) {
    session_rows.push_back({{"number", session.number},
                            {"instrument", session.instrument},
                            {"title", session.title},
                            {"start_date", session.start_date},
                            {"end_date", session.end_date},
                            {"venue", session.venue},
                            {"agenda_items", session.agenda_items},
                            {"has_agenda", !session.agenda_items.empty()},
                            {"statements", per_session[session.number]}});
  }
  json recent = json::array();
  for (auto it = statements->rbegin();
       it != statements->rend() && recent.size() < kRecentStatements; ++it) {
    recent.push_back(StatementView(*it, *actors, *documents, false));
  }
  json view = BaseView(ctx);
  view["sessions"] = session_rows;
  view["has_sessions"] = !session_rows.empty();
  view["recent"] = recent;
  view["counts"] = {{"sessions", sessions->size()},
                    {"statements", statements->size()},
                    {"speakers", speakers.size()},
                    {"positions", positions->size()},
                    {"holders", holders.size()},
                    {"votes", votes->size()}};
  NegotiationPage(ctx, "negotiation", "Negotiation", view);
}

json ActorLink(const ActorRegistry& actors, const std::string& id) {
  return {{"id", id}, {"name", negotiation::ActorName(actors, id)}, {"href", ActorPage(id)}};
}

void ActorsPage(RequestContext& ctx) {
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  auto statements = (*store)->ListStatements(store::StatementFilter{});
  if (Failed(ctx, statements)) return;
  auto positions = (*store)->ListPositions(store::PositionFilter{});
  if (Failed(ctx, positions)) return;
  std::map<std::string, int> said;
  std::map<std::string, int> held;
  for (const auto& statement : *statements) ++said[statement.actor];
  for (const auto& position : *positions) ++held[position.actor];

  json groups = json::array();
  json on_record = json::array();
  json states = json::array();
  json others = json::array();
  for (const negotiation::Actor& actor : actors->actors()) {
    json row = ActorLink(*actors, actor.id);
    row["kind"] = std::string(negotiation::ActorKindName(actor.kind));
    row["statements"] = said[actor.id];
    row["positions"] = held[actor.id];
    if (!actor.regional_group.empty()) {
      row["regional_group"] = ActorLink(*actors, actor.regional_group);
    }
    if (!actor.members.empty() || actor.kind == negotiation::ActorKind::kRegionalGroup ||
        actor.kind == negotiation::ActorKind::kGroup) {
      json members = json::array();
      for (const std::string& member : actor.members) {
        members.push_back(ActorLink(*actors, member));
      }
      row["members"] = members;
      row["member_count"] = members.size();
      groups.push_back(row);
    }
    if (said[actor.id] > 0 || held[actor.id] > 0) on_record.push_back(row);
    if (actor.kind == negotiation::ActorKind::kMemberState ||
        actor.kind == negotiation::ActorKind::kObserverState) {
      states.push_back(row);
    } else if (actor.members.empty() && actor.kind != negotiation::ActorKind::kRegionalGroup &&
               actor.kind != negotiation::ActorKind::kGroup) {
      others.push_back(row);
    }
  }
  json view = BaseView(ctx);
  view["groups"] = groups;
  view["on_record"] = on_record;
  view["has_on_record"] = !on_record.empty();
  view["states"] = states;
  view["state_count"] = states.size();
  view["others"] = others;
  NegotiationPage(ctx, "negotiation_actors", "Actors", view);
}

void ActorDetailPage(RequestContext& ctx) {
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  auto resolved = actors->Resolve(ctx.Match(1));
  if (Failed(ctx, resolved)) return;
  const negotiation::Actor& actor = **resolved;
  store::StatementFilter statement_filter;
  statement_filter.actor = actor.id;
  auto statements = (*store)->ListStatements(statement_filter);
  if (Failed(ctx, statements)) return;
  auto positions = (*store)->ListPositions(store::PositionFilter{actor.id, ""});
  if (Failed(ctx, positions)) return;
  auto votes = (*store)->ListVotes();
  if (Failed(ctx, votes)) return;
  auto documents = (*store)->ListDocuments();
  if (Failed(ctx, documents)) return;

  json statement_rows = json::array();
  for (const auto& statement : *statements) {
    statement_rows.push_back(StatementView(statement, *actors, *documents, false));
  }
  // The last row of a subject is its current position; earlier ones are its history.
  std::map<std::string, std::int64_t> current;
  for (const auto& position : *positions) current[position.subject] = position.id;
  json position_rows = json::array();
  for (const auto& position : *positions) {
    json row = PositionView(position, *actors, DraftOnTheTable(*documents, position.date));
    row["superseded"] = current[position.subject] != position.id;
    position_rows.push_back(std::move(row));
  }
  json ballots = json::array();
  for (const auto& vote : *votes) {
    for (const auto& cast : vote.ballots) {
      if (cast.actor != actor.id) continue;
      ballots.push_back({{"symbol", vote.symbol},
                         {"href", VotePage(vote.symbol)},
                         {"date", vote.date},
                         {"question", vote.question},
                         {"ballot", std::string(negotiation::BallotName(cast.ballot))}});
    }
  }
  json members = json::array();
  for (const std::string& member : actor.members) members.push_back(ActorLink(*actors, member));
  json view = BaseView(ctx);
  view["actor"] = {{"id", actor.id},
                   {"name", actor.name},
                   {"kind", std::string(negotiation::ActorKindName(actor.kind))},
                   {"iso3", actor.iso3},
                   {"aliases", actor.aliases},
                   {"has_aliases", !actor.aliases.empty()},
                   {"members", members},
                   {"has_members", !members.empty()},
                   {"member_count", members.size()},
                   {"position_href", "/negotiation/positions/new?actor=" + PathEncode(actor.id)},
                   {"statement_href",
                    "/negotiation/statements/new?actor=" + PathEncode(actor.id)}};
  if (!actor.regional_group.empty()) {
    view["actor"]["regional_group"] = ActorLink(*actors, actor.regional_group);
  }
  view["statements"] = statement_rows;
  view["has_statements"] = !statement_rows.empty();
  view["positions"] = position_rows;
  view["has_positions"] = !position_rows.empty();
  view["ballots"] = ballots;
  view["has_ballots"] = !ballots.empty();
  NegotiationPage(ctx, "negotiation_actor", actor.name, view);
}

void StatementPage(RequestContext& ctx) {
  auto id = ctx.MatchId(1, "statement");
  if (Failed(ctx, id)) return;
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  auto found = negotiation::StoredStatement(**store, *id);
  if (Failed(ctx, found)) return;
  auto documents = (*store)->ListDocuments();
  if (Failed(ctx, documents)) return;
  json view = BaseView(ctx);
  view["statement"] = StatementView(*found, *actors, *documents, true);
  view["created"] = ctx.Param("created") == "1";
  NegotiationPage(ctx, "negotiation_statement",
           fmt::format("Statement {} — {}", *id, negotiation::ActorName(*actors, found->actor)),
           view);
}

void PositionsPage(RequestContext& ctx) {
  std::string as_of = ctx.Param("as_of");
  if (!as_of.empty() && !store::IsIsoDate(as_of)) {
    return ctx.Error(absl::InvalidArgumentError("as of: a date YYYY-MM-DD"));
  }
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto data = negotiation::LoadNegotiationData(**store, as_of, 0.6);
  if (Failed(ctx, data)) return;
  auto documents = (*store)->ListDocuments();
  if (Failed(ctx, documents)) return;
  const negotiation::StanceMatrix& stances = data->stances;
  const std::optional<doc::DocumentMeta> draft =
      DraftOnTheTable(*documents, as_of.empty() ? "9999-12-31" : as_of);

  json subjects = json::array();
  for (const std::string& subject : stances.subjects) {
    json column = {{"subject", subject}};
    if (draft && IsProvisionPath(subject)) column["href"] = ReaderLink(draft->id, subject);
    subjects.push_back(std::move(column));
  }
  // Rows in the clustering's leaf order, so blocs sit together; actors it lacks follow.
  std::map<std::string, std::size_t> row_of;
  for (std::size_t a = 0; a < stances.actors.size(); ++a) row_of[stances.actors[a]] = a;
  std::vector<std::size_t> order;
  std::set<std::size_t> placed;
  for (const std::string& id : data->clustering.order) {
    auto found = row_of.find(id);
    if (found != row_of.end() && placed.insert(found->second).second) {
      order.push_back(found->second);
    }
  }
  for (std::size_t a = 0; a < stances.actors.size(); ++a) {
    if (placed.insert(a).second) order.push_back(a);
  }
  std::map<std::string, int> totals;
  json rows = json::array();
  for (std::size_t a : order) {
    json cells = json::array();
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      const auto& stance = stances.at(a, s);
      if (stance) {
        json cell = StanceView(*stance);
        cell["subject"] = stances.subjects[s];
        cells.push_back(std::move(cell));
        ++totals[std::string(negotiation::StanceName(*stance))];
      } else {
        cells.push_back({{"empty", true}, {"subject", stances.subjects[s]}});
      }
    }
    rows.push_back({{"actor", ActorLink(data->actors, stances.actors[a])}, {"cells", cells}});
  }
  json legend = json::array();
  for (negotiation::Stance stance :
       {negotiation::Stance::kSupport, negotiation::Stance::kOppose, negotiation::Stance::kAmend,
        negotiation::Stance::kReserve, negotiation::Stance::kNeutral}) {
    json item = StanceView(stance);
    item["count"] = totals[std::string(negotiation::StanceName(stance))];
    legend.push_back(std::move(item));
  }
  json view = BaseView(ctx);
  view["subjects"] = subjects;
  view["rows"] = rows;
  view["has_rows"] = !rows.empty();
  view["legend"] = legend;
  view["as_of"] = as_of;
  view["actor_count"] = rows.size();
  view["subject_count"] = subjects.size();
  if (draft) view["draft"] = draft->symbol.empty() ? draft->title : draft->symbol;
  NegotiationPage(ctx, "negotiation_positions", "Positions matrix", view);
}

int Members(const ActorRegistry& actors) {
  return static_cast<int>(actors.MemberStates().size());
}

json TallyView(const negotiation::VoteTally& tally) {
  const int total = std::max(1, tally.yes + tally.no + tally.abstain + tally.absent);
  json bars = json::array();
  for (const auto& [name, label, count] :
       {std::tuple{"yes", "Yes", tally.yes}, std::tuple{"no", "No", tally.no},
        std::tuple{"abstain", "Abstain", tally.abstain},
        std::tuple{"absent", "Absent", tally.absent}}) {
    bars.push_back({{"ballot", name}, {"label", label}, {"count", count}, {"total", total}});
  }
  // The page shows shares as percentages and flags adoption by a minority of the membership.
  json view = negotiation::VoteCountsJson(tally);
  view.update({{"bars", bars},
               {"yes_share_of_present_and_voting", Percent(tally.yes_share_of_present_and_voting)},
               {"yes_share_of_membership", Percent(tally.yes_share_of_membership)},
               {"minority_adoption",
                tally.adopted_simple_majority && !tally.adopted_membership_majority}});
  return view;
}

json VoteSummary(const negotiation::RecordedVote& vote, const ActorRegistry& actors) {
  return {{"symbol", vote.symbol},
          {"href", VotePage(vote.symbol)},
          {"api_href", "/api/v1/votes/" + PathEncode(vote.symbol, /*keep_slashes=*/true)},
          {"body", vote.body},
          {"date", vote.date},
          {"question", vote.question},
          {"tally", TallyView(negotiation::TallyVote(vote, Members(actors)))}};
}

void VotesPage(RequestContext& ctx) {
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  auto votes = (*store)->ListVotes();
  if (Failed(ctx, votes)) return;
  json rows = json::array();
  for (const auto& vote : *votes) rows.push_back(VoteSummary(vote, *actors));
  json view = BaseView(ctx);
  view["votes"] = rows;
  view["has_votes"] = !rows.empty();
  NegotiationPage(ctx, "negotiation_votes", "Recorded votes", view);
}

void VotePageHandler(RequestContext& ctx) {
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto actors = negotiation::StoredActorRegistry(**store);
  if (Failed(ctx, actors)) return;
  const std::string symbol = ctx.Match(1).substr(0, kMaxShortFieldBytes);
  auto vote = (*store)->LoadVote(symbol);
  if (Failed(ctx, vote)) return;
  if (!vote->has_value()) {
    return ctx.Error(absl::NotFoundError(fmt::format("no recorded vote {}", symbol)));
  }
  json view = BaseView(ctx);
  view["vote"] = VoteSummary(**vote, *actors);
  json groups = json::array();
  json roll_call = json::array();
  for (const negotiation::GroupTally& group : negotiation::TallyByGroup(**vote, *actors)) {
    const int cast = group.yes + group.no + group.abstain + group.absent;
    json row = {{"name", group.name},
                {"kind", std::string(negotiation::GroupKindName(group.kind))},
                {"yes", group.yes},
                {"no", group.no},
                {"abstain", group.abstain},
                {"absent", group.absent},
                {"total", cast}};
    if (!group.group.empty()) row["href"] = ActorPage(group.group);
    groups.push_back(row);
    if (group.kind == negotiation::GroupKind::kGroup) continue;
    json ballots = json::array();
    for (const auto& ballot : group.ballots) {
      json item = ActorLink(*actors, ballot.actor);
      item["ballot"] = std::string(negotiation::BallotName(ballot.ballot));
      ballots.push_back(std::move(item));
    }
    std::sort(ballots.begin(), ballots.end(),
              [](const json& a, const json& b) { return a["name"] < b["name"]; });
    row["ballots"] = ballots;
    roll_call.push_back(std::move(row));
  }
  view["groups"] = groups;
  view["roll_call"] = roll_call;
  NegotiationPage(ctx, "negotiation_vote", "Vote " + (*vote)->symbol, view);
}

void CoalitionsPage(RequestContext& ctx) {
  std::string as_of = ctx.Param("as_of");
  if (!as_of.empty() && !store::IsIsoDate(as_of)) {
    return ctx.Error(absl::InvalidArgumentError("as of: a date YYYY-MM-DD"));
  }
  double min_agreement = 0.6;
  if (const std::string text = ctx.Param("min_agreement"); !text.empty()) {
    char* end = nullptr;
    min_agreement = std::strtod(text.c_str(), &end);
    if (text.size() > 20 || end != text.c_str() + text.size() || !(min_agreement >= 0) ||
        min_agreement > 1) {
      return ctx.Error(absl::InvalidArgumentError("minimum agreement: a share from 0 to 1"));
    }
  }
  auto store = ctx.Store();
  if (Failed(ctx, store)) return;
  auto data = negotiation::LoadNegotiationData(**store, as_of, min_agreement);
  if (Failed(ctx, data)) return;
  const negotiation::AgreementMatrix& agreement = data->agreement;
  std::map<std::string, std::size_t> index;
  for (std::size_t a = 0; a < agreement.actors.size(); ++a) index[agreement.actors[a]] = a;

  json blocs = json::array();
  json alone = json::array();
  int number = 0;
  for (const negotiation::Bloc& bloc : data->clustering.blocs) {
    if (bloc.actors.size() < 2) {
      for (const std::string& id : bloc.actors) alone.push_back(ActorLink(data->actors, id));
      continue;
    }
    json members = json::array();
    for (const std::string& id : bloc.actors) {
      // The member's mean agreement with the rest of its bloc (pairs with nothing in common
      // left out).
      double sum = 0;
      int pairs = 0;
      for (const std::string& other : bloc.actors) {
        if (other == id) continue;
        const double value = agreement.at(index[id], index[other]);
        if (std::isnan(value)) continue;
        sum += value;
        ++pairs;
      }
      json member = ActorLink(data->actors, id);
      member["agreement"] = Percent(pairs == 0 ? NAN : sum / pairs);
      members.push_back(std::move(member));
    }
    blocs.push_back({{"number", ++number},
                     {"size", bloc.actors.size()},
                     {"cohesion", Percent(bloc.cohesion)},
                     {"members", members}});
  }
  json view = BaseView(ctx);
  view["blocs"] = blocs;
  view["has_blocs"] = !blocs.empty();
  view["alone"] = alone;
  view["has_alone"] = !alone.empty();
  view["alone_count"] = alone.size();
  view["actor_count"] = agreement.actors.size();
  view["as_of"] = as_of;
  view["min_agreement"] = fmt::format("{:g}", min_agreement);
  view["positions"] = data->positions.size();
  view["votes"] = data->votes.size();
  NegotiationPage(ctx, "negotiation_coalitions", "Coalitions", view);
}

}  // namespace

void RegisterNegotiationPages(RouteTable& routes) {
  // The forms first: /negotiation/statements/new is not statement "new".
  RegisterNegotiationForms(routes);
  routes.Add("GET", "/negotiation", Access::kPublic, Overview,
             "The negotiation: sessions, counts, recent statements");
  routes.Add("GET", "/negotiation/actors", Access::kPublic, ActorsPage,
             "Actors, groups and their members");
  routes.Add("GET", "/negotiation/actors/([^/]+)", Access::kPublic, ActorDetailPage,
             "One actor's statements, positions and ballots over time",
             "/negotiation/actors/EGY");
  routes.Add("GET", "/negotiation/statements/([^/]+)", Access::kPublic, StatementPage,
             "One statement with the provisions it cites", "/negotiation/statements/1");
  routes.Add("GET", "/negotiation/positions", Access::kPublic, PositionsPage,
             "The positions matrix heatmap (actors × provisions and topics)");
  routes.Add("GET", "/negotiation/votes", Access::kPublic, VotesPage, "Recorded votes");
  routes.Add("GET", "/negotiation/votes/(.+)", Access::kPublic, VotePageHandler,
             "One recorded vote: tallies, majority rules, by group, roll call",
             "/negotiation/votes/A/AC.999/L.2/Amend.1");
  routes.Add("GET", "/negotiation/coalitions", Access::kPublic, CoalitionsPage,
             "Blocs of actors that agree, with agreement scores");
}

}  // namespace tw::server
