// `treatywatch influence DRAFT [--sources DOC...|--all] [--min-words N] [--format text|json]
// [--out FILE]`: per actor, the words of its proposals and how many of them entered the draft,
// verbatim or reworded, and where (reuse/influence.h).
#include <cmath>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_output.h"
#include "cli/trace_sources.h"
#include "doc/provision.h"
#include "reuse/influence.h"
#include "reuse/reuse_trace.h"

namespace tw::cli {
namespace {

std::string Provisions(const reuse::ActorInfluence& actor, const doc::Document& draft) {
  std::string list;
  for (const std::string& path : actor.provisions) {
    if (!list.empty()) list += ", ";
    list += path.empty() ? std::string("front matter") : doc::CitationLabel(draft.root, path);
  }
  return list;
}

nlohmann::json InfluenceJson(const std::vector<reuse::ActorInfluence>& actors,
                             const doc::Document& draft,
                             const std::vector<const doc::Document*>& sources) {
  nlohmann::json rows = nlohmann::json::array();
  for (const reuse::ActorInfluence& actor : actors) {
    nlohmann::json documents = nlohmann::json::array();
    for (int s : actor.sources) documents.push_back(sources[s]->CiteName());
    rows.push_back({{"actor", actor.actor},
                    {"sources", documents},
                    {"words_proposed", actor.words_proposed},
                    {"words_adopted", actor.words_adopted},
                    {"words_verbatim", actor.words_verbatim},
                    {"words_near_verbatim", actor.words_adopted - actor.words_verbatim},
                    {"share", std::round(actor.Share() * 1000) / 1000},
                    {"passages", actor.passages},
                    {"provisions", actor.provisions}});
  }
  return {{"draft", {{"id", draft.meta.id}, {"cite", draft.CiteName()}}},
          {"verbatim_similarity", reuse::kVerbatimSimilarity},
          {"actors", rows}};
}

std::string InfluenceText(const std::vector<reuse::ActorInfluence>& actors,
                          const doc::Document& draft, const CliContext& context) {
  std::string out = context.Bold(fmt::format("Whose words are in {}", draft.CiteName())) + "\n";
  out += context.Dim(fmt::format(
             "adopted: draft words traced to the actor's texts before anyone else's; verbatim: "
             "passages at least {:.0f} % alike",
             100 * reuse::kVerbatimSimilarity)) +
         "\n\n";
  out += fmt::format("{:<34} {:>9} {:>8} {:>9} {:>7}  {}\n", "actor", "proposed", "adopted",
                     "verbatim", "share", "provisions");
  for (const reuse::ActorInfluence& actor : actors) {
    out += fmt::format("{:<34} {:>9} {:>8} {:>9} {:>6.1f}%  {}\n", actor.actor.substr(0, 34),
                       actor.words_proposed, actor.words_adopted, actor.words_verbatim,
                       100 * actor.Share(), Provisions(actor, draft));
  }
  return out;
}

void RunInfluence(const TraceCommandArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  absl::StatusOr<TraceInput> input = LoadTraceInput(context, args);
  if (!input.ok()) return context.Fail(input.status());
  const std::vector<const doc::Document*> sources = input->SourcePointers();
  const reuse::ReuseTrace trace = reuse::TraceReuse(input->draft, sources, input->options);
  const std::vector<reuse::ActorInfluence> actors = reuse::MeasureInfluence(trace, sources);
  const std::string rendered =
      format == "json" ? ReportJson(InfluenceJson(actors, input->draft, sources), args.out)
                       : InfluenceText(actors, input->draft, context);
  EmitReport(context, args.out, rendered, fmt::format("{} actors", actors.size()));
}

}  // namespace

void RegisterInfluenceCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<TraceCommandArgs>();
  CLI::App* command = app.add_subcommand(
      "influence", "Per actor: words proposed, words that entered the draft, and where");
  AddTraceOptions(*command, *args);
  command->callback([args, &context] { RunInfluence(*args, context); });
}

}  // namespace tw::cli
