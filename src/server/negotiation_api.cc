// The negotiation record as JSON under /api/v1/: actors, sessions, statements, positions and
// the positions matrix, recorded votes with their tallies (overall and by group), coalitions.
// The JSON forms are the library's (negotiation/negotiation_json.h), the ones the CLI prints
// with --json, wrapped in {"<plural>": [...]} for lists. Reading is public; statements and
// positions need the analyst role, sessions, votes and actors the editor role. Every write is
// audit-logged.
#include <algorithm>

#include <fmt/format.h>

#include "negotiation/group_definition.h"
#include "negotiation/group_tally.h"
#include "negotiation/negotiation_data.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/record_import.h"
#include "negotiation/stored_actors.h"
#include "negotiation/stored_statement.h"
#include "negotiation/vote_tally.h"
#include "server/negotiation_input.h"
#include "server/negotiation_links.h"
#include "server/negotiation_writes.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "store/negotiation_rows.h"

namespace tw::server {
namespace {

// Statements a list answers with when the request names no limit, and the most it may ask for.
constexpr int kDefaultStatementLimit = 100;
constexpr int kMaxStatementLimit = 1000;

using negotiation::ActorRegistry;

// Runs `body` with this thread's store and the store's actors; a failure to get either is the
// answer.
template <typename Body>
void WithRecord(RequestContext& ctx, Body body) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<ActorRegistry> actors = negotiation::StoredActorRegistry(**store);
  if (!actors.ok()) return ctx.Error(actors.status());
  body(**store, *actors);
}

absl::StatusOr<int> LimitParam(const RequestContext& ctx) {
  if (!ctx.HasParam("limit")) return kDefaultStatementLimit;
  absl::StatusOr<std::int64_t> limit = ctx.IdParam("limit");
  if (!limit.ok()) return limit.status();
  if (*limit > kMaxStatementLimit) {
    return absl::InvalidArgumentError(
        fmt::format("parameter limit: at most {}", kMaxStatementLimit));
  }
  return static_cast<int>(*limit);
}

// An as_of query parameter: YYYY-MM-DD or absent.
absl::StatusOr<std::string> AsOfParam(const RequestContext& ctx) {
  std::string as_of = ctx.Param("as_of");
  if (!as_of.empty() && !store::IsIsoDate(as_of)) {
    return absl::InvalidArgumentError("parameter as_of: a date YYYY-MM-DD");
  }
  return as_of;
}

absl::StatusOr<double> MinAgreementParam(const RequestContext& ctx) {
  if (!ctx.HasParam("min_agreement")) return 0.6;
  const std::string text = ctx.Param("min_agreement");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || text.size() > 20 || end != text.c_str() + text.size() || !(value >= 0) ||
      value > 1) {
    return absl::InvalidArgumentError("parameter min_agreement: a share between 0 and 1");
  }
  return value;
}

int Members(const ActorRegistry& actors) {
  return static_cast<int>(actors.MemberStates().size());
}

void ListActors(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store&, const ActorRegistry& actors) {
    negotiation::ActorKind kind{};
    const std::string kind_name = ctx.Param("kind");
    if (!kind_name.empty() && !negotiation::ParseActorKind(kind_name, &kind)) {
      return ctx.Error(absl::InvalidArgumentError(
          "parameter kind: member-state, observer-state, regional-group, group, organisation, "
          "chair or secretariat"));
    }
    nlohmann::json list = nlohmann::json::array();
    for (const negotiation::Actor& actor : actors.actors()) {
      if (kind_name.empty() || actor.kind == kind) list.push_back(negotiation::ActorJson(actor));
    }
    ctx.Json({{"actors", list}});
  });
}

void ShowActor(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    absl::StatusOr<const negotiation::Actor*> actor = actors.Resolve(ctx.Match(1));
    if (!actor.ok()) return ctx.Error(actor.status());
    store::StatementFilter filter;
    filter.actor = (*actor)->id;
    auto statements = store.ListStatements(filter);
    if (!statements.ok()) return ctx.Error(statements.status());
    auto positions = store.ListPositions(store::PositionFilter{(*actor)->id, ""});
    if (!positions.ok()) return ctx.Error(positions.status());
    nlohmann::json json = negotiation::ActorJson(**actor);
    json["statements"] = nlohmann::json::array();
    for (const auto& statement : *statements) {
      json["statements"].push_back(negotiation::StatementJson(statement, actors));
    }
    json["positions"] = nlohmann::json::array();
    for (const auto& position : *positions) {
      json["positions"].push_back(negotiation::PositionJson(position, actors));
    }
    ctx.Json(json);
  });
}

void ListSessions(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  auto sessions = (*store)->ListSessions();
  if (!sessions.ok()) return ctx.Error(sessions.status());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& session : *sessions) list.push_back(negotiation::SessionJson(session));
  ctx.Json({{"sessions", list}});
}

void ListStatements(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    store::StatementFilter filter;
    if (const std::string actor = ctx.Param("actor"); !actor.empty()) {
      absl::StatusOr<const negotiation::Actor*> resolved = actors.Resolve(actor);
      if (!resolved.ok()) return ctx.Error(AsBadInput(resolved.status()));
      filter.actor = (*resolved)->id;
    }
    if (ctx.HasParam("session")) {
      absl::StatusOr<std::int64_t> session = ctx.IdParam("session");
      if (!session.ok()) return ctx.Error(session.status());
      if (*session > kMaxSessionNumber) {
        return ctx.Error(absl::InvalidArgumentError("parameter session: no such session"));
      }
      filter.session = static_cast<int>(*session);
    }
    filter.cited_path = ctx.Param("cites").substr(0, kMaxShortFieldBytes);
    absl::StatusOr<int> limit = LimitParam(ctx);
    if (!limit.ok()) return ctx.Error(limit.status());
    filter.limit = *limit;
    auto statements = store.ListStatements(filter);
    if (!statements.ok()) return ctx.Error(statements.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& statement : *statements) {
      list.push_back(negotiation::StatementJson(statement, actors));
    }
    ctx.Json({{"statements", list}});
  });
}

void ShowStatement(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "statement");
  if (!id.ok()) return ctx.Error(id.status());
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    absl::StatusOr<negotiation::Statement> statement = negotiation::StoredStatement(store, *id);
    if (!statement.ok()) return ctx.Error(statement.status());
    ctx.Json(negotiation::StatementJson(*statement, actors));
  });
}

void ListPositions(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    store::PositionFilter filter;
    if (const std::string actor = ctx.Param("actor"); !actor.empty()) {
      absl::StatusOr<const negotiation::Actor*> resolved = actors.Resolve(actor);
      if (!resolved.ok()) return ctx.Error(AsBadInput(resolved.status()));
      filter.actor = (*resolved)->id;
    }
    filter.subject = ctx.Param("provision").substr(0, kMaxShortFieldBytes);
    auto positions = store.ListPositions(filter);
    if (!positions.ok()) return ctx.Error(positions.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& position : *positions) {
      list.push_back(negotiation::PositionJson(position, actors));
    }
    ctx.Json({{"positions", list}});
  });
}

void PositionsMatrix(RequestContext& ctx) {
  absl::StatusOr<std::string> as_of = AsOfParam(ctx);
  if (!as_of.ok()) return ctx.Error(as_of.status());
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  auto data = negotiation::LoadNegotiationData(**store, *as_of, 0.6);
  if (!data.ok()) return ctx.Error(data.status());
  nlohmann::json json = negotiation::StanceMatrixJson(data->stances, data->actors);
  json["order"] = data->clustering.order;
  ctx.Json(json);
}

void ListVotes(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    auto votes = store.ListVotes();
    if (!votes.ok()) return ctx.Error(votes.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& vote : *votes) {
      nlohmann::json json =
          negotiation::VoteJson(vote, negotiation::TallyVote(vote, Members(actors)), actors);
      json.erase("ballots");  // the roll call is on the vote's own resource
      list.push_back(std::move(json));
    }
    ctx.Json({{"votes", list}});
  });
}

void ShowVote(RequestContext& ctx) {
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    const std::string symbol = ctx.Match(1);
    auto vote = store.LoadVote(symbol.substr(0, kMaxShortFieldBytes));
    if (!vote.ok()) return ctx.Error(vote.status());
    if (!vote->has_value()) {
      return ctx.Error(absl::NotFoundError(
          fmt::format("no recorded vote {}", symbol.substr(0, 200))));
    }
    nlohmann::json json =
        negotiation::VoteJson(**vote, negotiation::TallyVote(**vote, Members(actors)), actors);
    json["groups"] = negotiation::GroupTalliesJson(negotiation::TallyByGroup(**vote, actors));
    ctx.Json(json);
  });
}

void Coalitions(RequestContext& ctx) {
  absl::StatusOr<std::string> as_of = AsOfParam(ctx);
  if (!as_of.ok()) return ctx.Error(as_of.status());
  absl::StatusOr<double> min_agreement = MinAgreementParam(ctx);
  if (!min_agreement.ok()) return ctx.Error(min_agreement.status());
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  auto data = negotiation::LoadNegotiationData(**store, *as_of, *min_agreement);
  if (!data.ok()) return ctx.Error(data.status());
  ctx.Json(negotiation::CoalitionsJson(data->agreement, data->clustering, data->actors));
}

absl::StatusOr<nlohmann::json> Body(const RequestContext& ctx) { return ctx.JsonBody(); }

void AddStatement(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = Body(ctx);
  if (!body.ok()) return ctx.Error(body.status());
  absl::StatusOr<StatementFields> fields = StatementFieldsFromJson(*body);
  if (!fields.ok()) return ctx.Error(fields.status());
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    absl::StatusOr<std::string> draft = JsonText(*body, "draft");
    if (!draft.ok()) return ctx.Error(draft.status());
    auto stored = StoreStatement(store, actors, *fields, *draft);
    if (!stored.ok()) return ctx.Error(stored.status());
    ctx.Audit("statement.add", fmt::format("statement {}", stored->id), stored->actor);
    ctx.Json(negotiation::StatementJson(*stored, actors), 201);
  });
}

void AddPosition(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = Body(ctx);
  if (!body.ok()) return ctx.Error(body.status());
  absl::StatusOr<PositionFields> fields = PositionFieldsFromJson(*body);
  if (!fields.ok()) return ctx.Error(fields.status());
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    auto stored = StorePosition(store, actors, *fields);
    if (!stored.ok()) return ctx.Error(stored.status());
    ctx.Audit("position.add", fmt::format("position {}", stored->id),
              stored->actor + " " + std::string(negotiation::StanceName(stored->stance)) + " " +
                  stored->subject);
    ctx.Json(negotiation::PositionJson(*stored, actors), 201);
  });
}

void AddSession(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = Body(ctx);
  if (!body.ok()) return ctx.Error(body.status());
  absl::StatusOr<SessionFields> fields = SessionFieldsFromJson(*body);
  if (!fields.ok()) return ctx.Error(fields.status());
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  auto stored = StoreSession(**store, *fields);
  if (!stored.ok()) return ctx.Error(stored.status());
  ctx.Audit("session.put", fmt::format("session {}", stored->number), stored->title);
  ctx.Json(negotiation::SessionJson(*stored), 201);
}

// The CSV and its metadata: a text/csv body with the metadata in the query, or a JSON object
// with the metadata and the CSV in "csv".
absl::Status ReadVoteRequest(const RequestContext& ctx, std::string* csv,
                             negotiation::VoteMeta* meta, bool* replace) {
  const std::string type = ctx.request.get_header_value("Content-Type");
  nlohmann::json fields = nlohmann::json::object();
  if (type.starts_with("text/csv")) {
    for (const char* name : {"symbol", "body", "date", "question", "replace"}) {
      if (ctx.HasParam(name)) fields[name] = ctx.Param(name);
    }
    *csv = ctx.request.body;
  } else {
    absl::StatusOr<nlohmann::json> body = ctx.JsonBody();
    if (!body.ok()) return body.status();
    fields = *std::move(body);
    if (!fields.is_object() || !fields.contains("csv") || !fields["csv"].is_string()) {
      return absl::InvalidArgumentError(
          "send the roll call as a text/csv body, or as \"csv\" in a JSON object");
    }
    *csv = fields["csv"].get<std::string>();
  }
  absl::StatusOr<negotiation::VoteMeta> read = VoteMetaFromJson(fields, replace);
  if (!read.ok()) return read.status();
  *meta = *std::move(read);
  return absl::OkStatus();
}

void ImportVote(RequestContext& ctx) {
  std::string csv;
  negotiation::VoteMeta meta;
  bool replace = false;
  if (absl::Status read = ReadVoteRequest(ctx, &csv, &meta, &replace); !read.ok()) {
    return ctx.Error(read);
  }
  WithRecord(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    auto vote = negotiation::ReadVoteCsv(csv, "roll call", actors, meta);
    if (!vote.ok()) return ctx.Error(AsBadInput(vote.status()));
    if (absl::Status put = store.PutVote(*vote, replace); !put.ok()) return ctx.Error(put);
    const negotiation::VoteTally tally = negotiation::TallyVote(*vote, Members(actors));
    ctx.Audit(replace ? "vote.replace" : "vote.import", vote->symbol,
              fmt::format("yes {}, no {}, abstain {}, absent {}", tally.yes, tally.no,
                          tally.abstain, tally.absent));
    nlohmann::json json = negotiation::VoteJson(*vote, tally, actors);
    json["groups"] = negotiation::GroupTalliesJson(negotiation::TallyByGroup(*vote, actors));
    ctx.Json(json, 201);
  });
}

void AddActor(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = Body(ctx);
  if (!body.ok()) return ctx.Error(body.status());
  absl::StatusOr<negotiation::GroupDefinition> definition = GroupDefinitionFromJson(*body);
  if (!definition.ok()) return ctx.Error(definition.status());
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<ActorRegistry> actors = negotiation::StoredActorRegistry(**store);
  if (!actors.ok()) return ctx.Error(actors.status());
  // Checked against every known name before anything is written.
  absl::StatusOr<negotiation::Actor> actor = negotiation::DefineGroup(*definition, *actors);
  if (!actor.ok()) return ctx.Error(AsBadInput(actor.status()));
  if (absl::Status put = (*store)->PutActor(*actor); !put.ok()) return ctx.Error(put);
  ctx.Audit("actor.add", actor->id,
            fmt::format("{} ({} members)", actor->name, actor->members.size()));
  ctx.Json(negotiation::ActorJson(*actor), 201);
}

}  // namespace

void RegisterNegotiationApi(RouteTable& routes) {
  routes.Add("GET", "/api/v1/actors", Access::kPublic, ListActors,
             "Actors: UN member and observer states, regional groups, user-defined groups");
  routes.Add("GET", "/api/v1/actors/([^/]+)", Access::kPublic, ShowActor,
             "One actor (by id, name or ISO code) with its statements and positions",
             "/api/v1/actors/EGY");
  routes.Add("POST", "/api/v1/actors", Access::kEditor, AddActor,
             "Add a negotiating group or organisation");
  routes.Add("GET", "/api/v1/sessions", Access::kPublic, ListSessions, "Sessions");
  routes.Add("POST", "/api/v1/sessions", Access::kEditor, AddSession,
             "Add or replace a session");
  routes.Add("GET", "/api/v1/statements", Access::kPublic, ListStatements,
             "Statements, oldest first (?actor=&session=&cites=&limit=)");
  routes.Add("GET", R"(/api/v1/statements/([^/]+))", Access::kPublic, ShowStatement,
             "One statement", "/api/v1/statements/1");
  routes.Add("POST", "/api/v1/statements", Access::kAnalyst, AddStatement, "Add a statement");
  routes.Add("GET", "/api/v1/positions", Access::kPublic, ListPositions,
             "Positions with their history (?provision=&actor=)");
  routes.Add("GET", "/api/v1/positions/matrix", Access::kPublic, PositionsMatrix,
             "Latest stances, actors × provisions and topics (?as_of=)");
  routes.Add("POST", "/api/v1/positions", Access::kAnalyst, AddPosition, "Record a position");
  routes.Add("GET", "/api/v1/votes", Access::kPublic, ListVotes, "Recorded votes with tallies");
  routes.Add("GET", "/api/v1/votes/(.+)", Access::kPublic, ShowVote,
             "One recorded vote: tallies, majority rules, tallies by group, roll call",
             "/api/v1/votes/A/AC.999/L.2/Amend.1");
  routes.Add("POST", "/api/v1/votes", Access::kEditor, ImportVote,
             "Import a recorded vote from a CSV roll call (actor,ballot)");
  routes.Add("GET", "/api/v1/coalitions", Access::kPublic, Coalitions,
             "Blocs from positions and votes, with the agreement matrix (?as_of=&min_agreement=)");
}

}  // namespace tw::server
