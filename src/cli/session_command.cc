// `treatywatch session add N [--title T] [--start D] [--end D] [--venue V] [--agenda-item I...]`
// and `treatywatch session list`: the sessions of the negotiation, which statements point to.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "negotiation/negotiation_json.h"

namespace tw::cli {
namespace {

void RunAdd(const negotiation::Session& session, CliContext& context) {
  if (session.number <= 0) {
    return context.Fail(absl::InvalidArgumentError("a session number is 1 or more"));
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  if (absl::Status put = (*store)->PutSession(session); !put.ok()) return context.Fail(put);
  if (context.json) return context.PrintJson(negotiation::SessionJson(session));
  std::cout << fmt::format("stored session {}{}\n", session.number,
                           session.title.empty() ? "" : " (" + session.title + ")");
}

void RunList(CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<negotiation::Session>> sessions = (*store)->ListSessions();
  if (!sessions.ok()) return context.Fail(sessions.status());
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const negotiation::Session& session : *sessions) list.push_back(negotiation::SessionJson(session));
    return context.PrintJson(list);
  }
  for (const negotiation::Session& session : *sessions) {
    std::cout << fmt::format("{:>3}  {}  {} – {}  {}\n", session.number, context.Bold(session.title),
                             session.start_date, session.end_date, session.venue);
    for (const std::string& item : session.agenda_items) std::cout << "       " << item << "\n";
  }
}

}  // namespace

void RegisterSessionCommand(CLI::App& app, CliContext& context) {
  CLI::App* command = app.add_subcommand("session", "Sessions of the negotiation: add one, list");
  command->require_subcommand(1);
  auto session = std::make_shared<negotiation::Session>();
  CLI::App* add = command->add_subcommand("add", "Store a session (replaces one with the same number)");
  add->add_option("number", session->number, "Session number")->required();
  add->add_option("--title", session->title, "\"Third session\"");
  add->add_option("--instrument", session->instrument, "The instrument negotiated, if several");
  add->add_option("--start", session->start_date, "First day, YYYY-MM-DD");
  add->add_option("--end", session->end_date, "Last day, YYYY-MM-DD");
  add->add_option("--venue", session->venue, "Where");
  add->add_option("--agenda-item", session->agenda_items, "An agenda item; repeat, in order")
      ->allow_extra_args(false);
  add->callback([session, &context] { RunAdd(*session, context); });
  CLI::App* list = command->add_subcommand("list", "Stored sessions");
  list->callback([&context] { RunList(context); });
}

}  // namespace tw::cli
