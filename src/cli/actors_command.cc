// `treatywatch actors [NAME...] [--kind K]`: who is who — the UN membership, the regional groups,
// the Chair and Secretariat and the groups the user added; with names, each resolved (an
// unknown one fails with suggestions). `treatywatch actors add-group ID NAME --member ...
// [--alias ...]` stores a negotiating group or bloc.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "negotiation/group_definition.h"
#include "negotiation/negotiation_json.h"

namespace tw::cli {
namespace {

struct ActorsArgs {
  std::vector<std::string> names;
  std::string kind;
};

void RunActors(const ActorsArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  std::vector<const negotiation::Actor*> shown;
  for (const std::string& name : args.names) {
    absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(name);
    if (!actor.ok()) return context.Fail(actor.status());
    shown.push_back(*actor);
  }
  if (args.names.empty()) {
    negotiation::ActorKind kind{};
    if (!args.kind.empty() && !negotiation::ParseActorKind(args.kind, &kind)) {
      return context.Fail(absl::InvalidArgumentError(fmt::format(
          "--kind {}: not a kind (member-state, observer-state, regional-group, group, "
          "organisation, chair, secretariat)",
          args.kind)));
    }
    for (const negotiation::Actor& actor : registry->actors()) {
      if (args.kind.empty() || actor.kind == kind) shown.push_back(&actor);
    }
  }
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const negotiation::Actor* actor : shown) list.push_back(negotiation::ActorJson(*actor));
    return context.PrintJson(list);
  }
  for (const negotiation::Actor* actor : shown) {
    std::string line = fmt::format("{:<24} {:<16} {}", actor->id,
                                   negotiation::ActorKindName(actor->kind), context.Bold(actor->name));
    if (!actor->regional_group.empty()) {
      line += context.Dim(" · " + negotiation::ActorName(*registry, actor->regional_group));
    }
    if (!actor->members.empty()) line += context.Dim(fmt::format(" · {} members", actor->members.size()));
    std::cout << line << "\n";
  }
}

struct AddGroupArgs {
  std::string id;
  std::string name;
  std::vector<std::string> members;
  std::vector<std::string> aliases;
  bool organisation = false;
};

void RunAddGroup(const AddGroupArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  // Checked against every known name before anything is written.
  absl::StatusOr<negotiation::Actor> defined = negotiation::DefineGroup(
      {args.id, args.name, args.organisation, args.members, args.aliases}, *registry);
  if (!defined.ok()) return context.Fail(defined.status());
  const negotiation::Actor& actor = *defined;
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  if (absl::Status put = (*store)->PutActor(actor); !put.ok()) return context.Fail(put);
  if (context.json) return context.PrintJson(negotiation::ActorJson(actor));
  std::cout << fmt::format("added {} ({}, {} members)\n", actor.id, actor.name, actor.members.size());
}

}  // namespace

void RegisterActorsCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ActorsArgs>();
  CLI::App* command = app.add_subcommand(
      "actors", "The actors of the negotiation (UN member and observer states, regional groups, "
                "your groups and organisations); with names, resolves each");
  command->add_option("names", args->names, "Names, aliases or ISO codes to resolve");
  command->add_option("--kind", args->kind, "Only this kind (member-state, regional-group, group, ...)");

  auto group = std::make_shared<AddGroupArgs>();
  CLI::App* add = command->add_subcommand("add-group", "Store a negotiating group, bloc or organisation");
  add->add_option("id", group->id, "Short id, e.g. eu (stored as group:eu)")->required();
  add->add_option("name", group->name, "Name, e.g. \"European Union\"")->required();
  add->add_option("--member", group->members, "A member (name, alias or ISO code); repeat")
      ->allow_extra_args(false);
  add->add_option("--alias", group->aliases, "Another name; repeat")->allow_extra_args(false);
  add->add_flag("--organisation", group->organisation, "A CSO or organisation rather than a group");
  add->callback([group, &context] { RunAddGroup(*group, context); });
  // CLI11 runs a parent's callback after its subcommand's: listing is for `actors` alone.
  command->callback([args, add, &context] {
    if (!add->parsed()) RunActors(*args, context);
  });
}

}  // namespace tw::cli
