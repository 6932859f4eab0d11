// `treatywatch coalitions [--format text|csv|html|json]`: blocs from pairwise agreement over
// positions and recorded votes. `treatywatch project-vote SUBJECT`: a vote on an amendment to a
// provision projected from current stances, under each majority rule, with the swing actors and
// the fewest switches that would flip the result.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_output.h"
#include "negotiation/matrix_report.h"
#include "negotiation/negotiation_data.h"
#include "negotiation/negotiation_json.h"

namespace tw::cli {
namespace {

struct CoalitionsArgs {
  std::string format = "text";
  std::string out;
  std::string as_of;
  double min_agreement = 0.6;
};

void RunCoalitions(const CoalitionsArgs& args, CliContext& context) {
  if (args.min_agreement < 0 || args.min_agreement > 1) {
    return context.Fail(absl::InvalidArgumentError("--min-agreement: a share between 0 and 1"));
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::NegotiationData> data =
      negotiation::LoadNegotiationData(**store, args.as_of, args.min_agreement);
  if (!data.ok()) return context.Fail(data.status());
  const std::string format = context.json ? "json" : args.format;
  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(negotiation::CoalitionsJson(data->agreement, data->clustering, data->actors),
                          args.out);
  } else if (format == "csv") {
    rendered = negotiation::RenderAgreementCsv(data->agreement, data->clustering, data->actors);
  } else if (format == "html") {
    rendered = negotiation::RenderCoalitionsHtml(data->agreement, data->clustering, data->actors);
  } else {
    rendered = negotiation::RenderCoalitionsText(data->agreement, data->clustering, data->actors);
  }
  const auto shared = std::count_if(data->clustering.blocs.begin(), data->clustering.blocs.end(),
                                    [](const negotiation::Bloc& bloc) { return bloc.actors.size() > 1; });
  EmitReport(context, args.out, rendered,
             fmt::format("{} blocs among {} actors", shared, data->agreement.actors.size()));
}

struct ProjectArgs {
  std::string subject;
  std::string as_of;
  std::vector<std::string> absent;
  double lean = 0.25;
  int swing = 10;
};

std::string Lean(double lean) {
  if (std::isnan(lean)) return "no record";
  return fmt::format("{:+.2f}", lean);
}

void RunProject(const ProjectArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::NegotiationData> data =
      negotiation::LoadNegotiationData(**store, args.as_of, 0.6);
  if (!data.ok()) return context.Fail(data.status());
  if (!std::binary_search(data->stances.subjects.begin(), data->stances.subjects.end(), args.subject)) {
    return context.Fail(absl::NotFoundError(fmt::format(
        "no stored position on \"{}\" (subjects with positions: {})", args.subject,
        fmt::join(data->stances.subjects.begin(),
                  data->stances.subjects.begin() +
                      static_cast<long>(std::min<std::size_t>(data->stances.subjects.size(), 12)),
                  ", "))));
  }
  std::vector<std::string> absent;
  for (const std::string& name : args.absent) {
    absl::StatusOr<const negotiation::Actor*> actor = data->actors.Resolve(name);
    if (!actor.ok()) return context.Fail(actor.status());
    absent.push_back((*actor)->id);
  }
  std::vector<std::string> voters;
  for (const negotiation::Actor* member : data->actors.MemberStates()) {
    if (std::find(absent.begin(), absent.end(), member->id) == absent.end()) voters.push_back(member->id);
  }
  const int members = static_cast<int>(data->actors.MemberStates().size());
  const negotiation::VoteProjection projection = negotiation::ProjectVote(
      data->stances, data->agreement, args.subject, voters, members, args.lean);
  // An actor with nothing in common with either side has no lean to speak of: it is unknown,
  // not swing, and is counted apart.
  std::vector<negotiation::SwingActor> swing;
  int unknown = 0;
  for (negotiation::SwingActor& actor :
       negotiation::SwingActors(data->stances, data->agreement, args.subject)) {
    if (std::isnan(actor.agreement_with_supporters) && std::isnan(actor.agreement_with_opponents)) {
      ++unknown;
      continue;
    }
    swing.push_back(std::move(actor));
  }
  if (static_cast<int>(swing.size()) > args.swing) swing.resize(static_cast<std::size_t>(args.swing));

  if (context.json) {
    nlohmann::json json = negotiation::ProjectionJson(projection, data->actors);
    json["swing"] = negotiation::SwingJson(swing, data->actors);
    json["actors_without_record"] = unknown;
    return context.PrintJson(json);
  }
  const negotiation::VoteTally& tally = projection.tally;
  int inferred = 0;
  for (const negotiation::ProjectedBallot& ballot : projection.ballots) inferred += ballot.inferred;
  std::cout << context.Bold(fmt::format("Projected vote on {} (yes: for it as it stands)", args.subject))
            << "\n";
  std::cout << fmt::format("  yes {}, no {}, abstain {}, absent {} (of {} members; {} ballots "
                           "inferred from how actors lean, the rest from stated positions)\n",
                           tally.yes, tally.no, tally.abstain, tally.absent, tally.members, inferred);
  for (const negotiation::VoteProjection::Outcome& outcome : projection.outcomes) {
    std::vector<std::string> names;
    for (const std::string& id : outcome.flippers) names.push_back(negotiation::ActorName(data->actors, id));
    std::string flip = outcome.switches_needed == 0
                           ? "no set of switches flips it"
                           : fmt::format("{} switch{} would flip it: {}", outcome.switches_needed,
                                         outcome.switches_needed == 1 ? "" : "es", fmt::join(names, ", "));
    std::cout << fmt::format("  {:<11} {:<12} {}\n", negotiation::MajorityRuleName(outcome.rule),
                             outcome.adopted ? context.Bold("adopted") : context.Highlight("not adopted"),
                             flip);
  }
  if (!swing.empty()) {
    std::cout << fmt::format("  Swing actors (stance open; lean = agreement with supporters − with "
                             "opponents; {} more have nothing on record to lean by):\n",
                             unknown);
    for (const negotiation::SwingActor& actor : swing) {
      std::cout << fmt::format("    {:<32} {:<8} lean {}\n", negotiation::ActorName(data->actors, actor.actor),
                               actor.stance ? std::string(negotiation::StanceName(*actor.stance)) : "—",
                               Lean(actor.lean));
    }
  }
}

}  // namespace

void RegisterCoalitionsCommands(CLI::App& app, CliContext& context) {
  auto coalitions = std::make_shared<CoalitionsArgs>();
  CLI::App* command = app.add_subcommand(
      "coalitions", "Blocs of actors that agree, from positions and recorded votes");
  command->add_option("--format", coalitions->format, "text, csv, html or json")
      ->check(CLI::IsMember({"text", "csv", "html", "json"}))
      ->capture_default_str();
  command->add_option("--out", coalitions->out, "Write to this file instead of stdout");
  command->add_option("--as-of", coalitions->as_of, "Positions as they stood on this date");
  command->add_option("--min-agreement", coalitions->min_agreement,
                      "Least average agreement inside a bloc (0 to 1)")
      ->capture_default_str();
  command->callback([coalitions, &context] { RunCoalitions(*coalitions, context); });

  auto project = std::make_shared<ProjectArgs>();
  CLI::App* project_command = app.add_subcommand(
      "project-vote", "Project a vote on a provision or topic from current positions (yes: for it), "
                      "under each majority rule, with the swing actors and what would flip it");
  project_command->add_option("subject", project->subject, "A provision path or topic with positions")
      ->required();
  project_command->add_option("--as-of", project->as_of, "Positions as they stood on this date");
  project_command->add_option("--absent", project->absent, "An actor that will not vote; repeat")
      ->allow_extra_args(false);
  project_command->add_option("--lean", project->lean,
                              "How clearly an actor without a stance must lean to be counted (0 to 1)")
      ->capture_default_str();
  project_command->add_option("--swing", project->swing, "How many swing actors to list")->capture_default_str();
  project_command->callback([project, &context] { RunProject(*project, context); });
}

}  // namespace tw::cli
