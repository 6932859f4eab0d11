#include "server/negotiation_forms.h"

#include <fmt/format.h>

#include "negotiation/negotiation_json.h"
#include "negotiation/stored_actors.h"
#include "server/negotiation_input.h"
#include "server/negotiation_links.h"
#include "server/negotiation_writes.h"
#include "server/negotiation_view.h"
#include "server/request_context.h"

namespace tw::server {
namespace {

using negotiation::ActorRegistry;
using nlohmann::json;

// The actors a form offers in its list (the input takes any name, alias or ISO code too).
json ActorChoices(const ActorRegistry& actors) {
  json list = json::array();
  for (const negotiation::Actor& actor : actors.actors()) {
    list.push_back({{"id", actor.id}, {"name", actor.name}});
  }
  return list;
}

json SessionChoices(store::Store& store, const std::string& selected) {
  json list = json::array();
  auto sessions = store.ListSessions();
  if (!sessions.ok()) return list;
  for (const auto& session : *sessions) {
    const std::string number = std::to_string(session.number);
    list.push_back({{"number", number},
                    {"title", session.title},
                    {"selected", number == selected}});
  }
  return list;
}

// The form's page: `values` are what the user typed (kept on an error), `problem` the error.
void StatementForm(RequestContext& ctx, store::Store& store, const ActorRegistry& actors,
                   const StatementFields& values, const std::string& problem, int status) {
  json view = {{"nav", "negotiation"},
               {"actors", ActorChoices(actors)},
               {"sessions", SessionChoices(store, values.session)},
               {"values",
                {{"actor", values.actor},
                 {"agenda_item", values.agenda_item},
                 {"date", values.date},
                 {"text", values.text},
                 {"source_url", values.source_url}}},
               {"problem", problem}};
  NegotiationPage(ctx, "negotiation_statement_form", "Add a statement", view, status);
}

void PositionForm(RequestContext& ctx, const ActorRegistry& actors, const PositionFields& values,
                  const std::string& problem, int status) {
  json stances = json::array();
  for (const char* stance : {"support", "oppose", "amend", "reserve", "neutral"}) {
    stances.push_back({{"stance", stance}, {"selected", values.stance == stance}});
  }
  json view = {{"nav", "negotiation"},
               {"actors", ActorChoices(actors)},
               {"stances", stances},
               {"values",
                {{"actor", values.actor},
                 {"subject", values.subject},
                 {"date", values.date},
                 {"source", values.source},
                 {"note", values.note}}},
               {"problem", problem}};
  NegotiationPage(ctx, "negotiation_position_form", "Record a position", view, status);
}

void SessionForm(RequestContext& ctx, const SessionFields& values, const std::string& agenda,
                 const std::string& problem, int status) {
  json view = {{"nav", "negotiation"},
               {"values",
                {{"number", values.number},
                 {"title", values.title},
                 {"instrument", values.instrument},
                 {"start_date", values.start_date},
                 {"end_date", values.end_date},
                 {"venue", values.venue},
                 {"agenda", agenda}}},
               {"problem", problem}};
  NegotiationPage(ctx, "negotiation_session_form", "Add a session", view, status);
}

// Runs `body` with this thread's store and its actors, or answers the failure.
template <typename Body>
void WithActors(RequestContext& ctx, Body body) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<ActorRegistry> actors = negotiation::StoredActorRegistry(**store);
  if (!actors.ok()) return ctx.Error(actors.status());
  body(**store, *actors);
}

StatementFields StatementFieldsOf(const RequestContext& ctx) {
  return {ctx.Param("actor"), ctx.Param("session"),    ctx.Param("agenda_item"),
          ctx.Param("date"),  ctx.Param("text"),       ctx.Param("source_url")};
}

PositionFields PositionFieldsOf(const RequestContext& ctx) {
  return {ctx.Param("actor"),       ctx.Param("subject"), ctx.Param("stance"), ctx.Param("date"),
          ctx.Param("source_kind"), ctx.Param("source"),  ctx.Param("note")};
}

// One agenda item per line of the textarea.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    at = end + 1;
  }
  return lines;
}

SessionFields SessionFieldsOf(const RequestContext& ctx) {
  SessionFields fields;
  fields.number = ctx.Param("number");
  fields.title = ctx.Param("title");
  fields.instrument = ctx.Param("instrument");
  fields.start_date = ctx.Param("start_date");
  fields.end_date = ctx.Param("end_date");
  fields.venue = ctx.Param("venue");
  fields.agenda_items = Lines(ctx.Param("agenda"));
  return fields;
}

void NewStatement(RequestContext& ctx) {
  WithActors(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    StatementFields values;
    values.actor = ctx.Param("actor");
    values.session = ctx.Param("session");
    StatementForm(ctx, store, actors, values, "", 200);
  });
}

void PostStatement(RequestContext& ctx) {
  WithActors(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    const StatementFields fields = StatementFieldsOf(ctx);
    auto stored = StoreStatement(store, actors, fields, "");
    if (!stored.ok()) {
      return StatementForm(ctx, store, actors, fields, std::string(stored.status().message()),
                           HttpStatusOf(stored.status()) == 500 ? 500 : 400);
    }
    ctx.Audit("statement.add", fmt::format("statement {}", stored->id), stored->actor);
    ctx.Redirect(fmt::format("/negotiation/statements/{}?created=1", stored->id));
  });
}

void NewPosition(RequestContext& ctx) {
  WithActors(ctx, [&](store::Store&, const ActorRegistry& actors) {
    PositionFields values;
    values.actor = ctx.Param("actor");
    values.subject = ctx.Param("subject");
    PositionForm(ctx, actors, values, "", 200);
  });
}

void PostPosition(RequestContext& ctx) {
  WithActors(ctx, [&](store::Store& store, const ActorRegistry& actors) {
    const PositionFields fields = PositionFieldsOf(ctx);
    auto stored = StorePosition(store, actors, fields);
    if (!stored.ok()) {
      return PositionForm(ctx, actors, fields, std::string(stored.status().message()),
                          HttpStatusOf(stored.status()) == 500 ? 500 : 400);
    }
    ctx.Audit("position.add", fmt::format("position {}", stored->id),
              stored->actor + " " + std::string(negotiation::StanceName(stored->stance)) + " " +
                  stored->subject);
    ctx.Redirect(ActorPage(stored->actor) + "#positions");
  });
}

void NewSession(RequestContext& ctx) { SessionForm(ctx, SessionFields{}, "", "", 200); }

void PostSession(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  const SessionFields fields = SessionFieldsOf(ctx);
  auto stored = StoreSession(**store, fields);
  if (!stored.ok()) {
    return SessionForm(ctx, fields, ctx.Param("agenda"), std::string(stored.status().message()),
                       HttpStatusOf(stored.status()) == 500 ? 500 : 400);
  }
  ctx.Audit("session.put", fmt::format("session {}", stored->number), stored->title);
  ctx.Redirect(fmt::format("/negotiation#session-{}", stored->number));
}

}  // namespace

void RegisterNegotiationForms(RouteTable& routes) {
  routes.Add("GET", "/negotiation/statements/new", Access::kAnalyst, NewStatement,
             "Form: add a statement");
  routes.Add("POST", "/negotiation/statements", Access::kAnalyst, PostStatement,
             "Add a statement (form)");
  routes.Add("GET", "/negotiation/positions/new", Access::kAnalyst, NewPosition,
             "Form: record a position");
  routes.Add("POST", "/negotiation/positions", Access::kAnalyst, PostPosition,
             "Record a position (form)");
  routes.Add("GET", "/negotiation/sessions/new", Access::kEditor, NewSession,
             "Form: add a session");
  routes.Add("POST", "/negotiation/sessions", Access::kEditor, PostSession,
             "Add or replace a session (form)");
}

}  // namespace tw::server
