// `treatywatch vote import FILE --symbol SYM [--body B] [--date D] [--question Q] [--replace]`
// and `treatywatch vote show SYM`: recorded votes and what they mean under the UN's majority
// rules (share of those present and voting, share of the whole membership).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/text_file.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/record_import.h"
#include "negotiation/vote_tally.h"

namespace tw::cli {
namespace {

struct ImportArgs {
  std::string file;
  negotiation::VoteMeta meta;
  bool replace = false;
};

int MemberCount(const negotiation::ActorRegistry& registry) {
  return static_cast<int>(registry.MemberStates().size());
}

std::string Share(double share) { return fmt::format("{:.1f}%", 100 * share); }

void PrintTally(CliContext& context, const negotiation::RecordedVote& vote,
                const negotiation::VoteTally& tally) {
  std::cout << context.Bold(vote.symbol);
  if (!vote.body.empty()) std::cout << ", " << vote.body;
  if (!vote.date.empty()) std::cout << ", " << vote.date;
  std::cout << "\n";
  if (!vote.question.empty()) std::cout << "  " << vote.question << "\n";
  std::cout << fmt::format("  yes {}, no {}, abstain {}, absent {} (of {} members)\n", tally.yes,
                           tally.no, tally.abstain, tally.absent, tally.members);
  std::cout << fmt::format("  present and voting: {}; yes = {} of them, {} of the membership\n",
                           tally.present_and_voting, Share(tally.yes_share_of_present_and_voting),
                           Share(tally.yes_share_of_membership));
  auto verdict = [&context](bool adopted) {
    return adopted ? context.Bold("adopted") : context.Highlight("not adopted");
  };
  std::cout << fmt::format("  simple majority of those present and voting: {}\n",
                           verdict(tally.adopted_simple_majority));
  std::cout << fmt::format("  two-thirds majority of those present and voting: {}\n",
                           verdict(tally.adopted_two_thirds));
  std::cout << fmt::format("  majority of the whole membership: {}{}\n",
                           verdict(tally.adopted_membership_majority),
                           tally.adopted_simple_majority && !tally.adopted_membership_majority
                               ? " — adopted with the support of a minority of the membership"
                               : "");
}

void RunImport(const ImportArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<std::string> csv = ReadTextFile(args.file);
  if (!csv.ok()) return context.Fail(csv.status());
  absl::StatusOr<negotiation::RecordedVote> vote =
      negotiation::ReadVoteCsv(*csv, args.file, *registry, args.meta);
  if (!vote.ok()) return context.Fail(vote.status());
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  if (absl::Status put = (*store)->PutVote(*vote, args.replace); !put.ok()) return context.Fail(put);
  const negotiation::VoteTally tally = negotiation::TallyVote(*vote, MemberCount(*registry));
  if (context.json) return context.PrintJson(negotiation::VoteJson(*vote, tally, *registry));
  std::cout << fmt::format("imported {} ({}): yes {}, no {}, abstain {}, absent {}; see `treatywatch "
                           "vote show {}`\n",
                           vote->symbol, args.file, tally.yes, tally.no, tally.abstain, tally.absent,
                           vote->symbol);
}

struct ShowArgs {
  std::string symbol;
  bool ballots = false;
};

void RunShow(const ShowArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::optional<negotiation::RecordedVote>> vote = (*store)->LoadVote(args.symbol);
  if (!vote.ok()) return context.Fail(vote.status());
  if (!vote->has_value()) {
    return context.Fail(absl::NotFoundError(fmt::format(
        "no recorded vote {} (import one with `treatywatch vote import FILE --symbol {}`)",
        args.symbol, args.symbol)));
  }
  const negotiation::VoteTally tally = negotiation::TallyVote(**vote, MemberCount(*registry));
  if (context.json) return context.PrintJson(negotiation::VoteJson(**vote, tally, *registry));
  PrintTally(context, **vote, tally);
  if (!args.ballots) return;
  for (const negotiation::BallotCast& cast : (*vote)->ballots) {
    std::cout << fmt::format("  {:<8} {}\n", negotiation::BallotName(cast.ballot),
                             negotiation::ActorName(*registry, cast.actor));
  }
}

}  // namespace

void RegisterVoteCommand(CLI::App& app, CliContext& context) {
  CLI::App* vote = app.add_subcommand("vote", "Recorded votes: import a roll call, show its tally");
  vote->require_subcommand(1);

  auto import_args = std::make_shared<ImportArgs>();
  CLI::App* import = vote->add_subcommand(
      "import", "Read a CSV with header actor,ballot (name, alias or ISO code; yes, no, abstain, "
                "absent); member states not listed count as absent");
  import->add_option("file", import_args->file, "The CSV file")->required();
  import->add_option("--symbol", import_args->meta.symbol, "The resolution or decision, e.g. A/RES/74/247")
      ->required();
  import->add_option("--body", import_args->meta.body, "The voting body, e.g. \"General Assembly\"");
  import->add_option("--date", import_args->meta.date, "YYYY-MM-DD");
  import->add_option("--question", import_args->meta.question, "What was put to the vote");
  import->add_flag("--replace", import_args->replace, "Replace a vote already stored under the symbol");
  import->callback([import_args, &context] { RunImport(*import_args, context); });

  auto show_args = std::make_shared<ShowArgs>();
  CLI::App* show = vote->add_subcommand("show", "The tally of a stored vote under each majority rule");
  show->add_option("symbol", show_args->symbol, "The vote's symbol")->required();
  show->add_flag("--ballots", show_args->ballots, "List every ballot");
  show->callback([show_args, &context] { RunShow(*show_args, context); });
}

}  // namespace tw::cli
