// `treatywatch position set ACTOR SUBJECT STANCE`, `position import FILE`, `position export`,
// `position matrix [--format text|csv|html|json]`: who supports or opposes which provision or
// topic, with the source and date of each stance, its history kept.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/report_output.h"
#include "cli/text_file.h"
#include "negotiation/matrix_report.h"
#include "negotiation/negotiation_data.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/record_import.h"

namespace tw::cli {
namespace {

struct SetArgs {
  std::string actor;
  std::string subject;
  std::string stance;
  negotiation::Position position;
};

void StorePositions(CliContext& context, const std::vector<negotiation::Position>& positions,
                    std::string_view what) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<std::int64_t>> ids = (*store)->PutPositions(positions);
  if (!ids.ok()) return context.Fail(ids.status());
  if (context.json) return context.PrintJson({{"stored", ids->size()}, {"ids", *ids}});
  std::cout << fmt::format("stored {} position{} {}\n", ids->size(), ids->size() == 1 ? "" : "s",
                           what);
}

void RunSet(SetArgs args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
  if (!actor.ok()) return context.Fail(actor.status());
  if (!negotiation::ParseStance(args.stance, &args.position.stance)) {
    return context.Fail(absl::InvalidArgumentError(fmt::format(
        "stance \"{}\": use support, oppose, amend, reserve or neutral", args.stance)));
  }
  if (args.subject.empty()) {
    return context.Fail(absl::InvalidArgumentError("the subject (a provision path or a topic) is empty"));
  }
  args.position.actor = (*actor)->id;
  args.position.subject = args.subject;
  if (args.position.source_kind.empty()) args.position.source_kind = "note";
  StorePositions(context, {args.position},
                 fmt::format("({} {} {})", (*actor)->name, args.stance, args.subject));
}

struct ImportArgs {
  std::string file;
};

void RunImport(const ImportArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<std::string> csv = ReadTextFile(args.file);
  if (!csv.ok()) return context.Fail(csv.status());
  absl::StatusOr<std::vector<negotiation::Position>> positions =
      negotiation::ReadPositionsCsv(*csv, args.file, *registry);
  if (!positions.ok()) return context.Fail(positions.status());
  StorePositions(context, *positions, "from " + args.file);
}

struct MatrixArgs {
  std::string format = "text";
  std::string out;
  std::string as_of;
  double min_agreement = 0.6;
  bool history = false;
};

void RunMatrix(const MatrixArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::NegotiationData> data =
      negotiation::LoadNegotiationData(**store, args.as_of, args.min_agreement);
  if (!data.ok()) return context.Fail(data.status());
  const std::string format = context.json ? "json" : args.format;
  std::string rendered;
  if (format == "json") {
    nlohmann::json json = negotiation::StanceMatrixJson(data->stances, data->actors);
    json["order"] = data->clustering.order;
    rendered = ReportJson(json, args.out);
  } else if (format == "csv") {
    rendered = args.history ? negotiation::WritePositionsCsv(data->positions, data->actors)
                            : negotiation::RenderPositionsCsv(data->stances, data->clustering.order,
                                                              data->actors);
  } else if (format == "html") {
    rendered = negotiation::RenderPositionsHtml(data->stances, data->clustering, data->actors);
  } else {
    rendered = negotiation::RenderPositionsText(data->stances, data->clustering.order, data->actors);
  }
  EmitReport(context, args.out, rendered,
             fmt::format("{} actors × {} subjects", data->stances.actors.size(),
                         data->stances.subjects.size()));
}

}  // namespace

void RegisterPositionCommand(CLI::App& app, CliContext& context) {
  CLI::App* position = app.add_subcommand(
      "position", "Positions: each actor's stance (support, oppose, amend, reserve, neutral) on a "
                  "provision or topic, with its source and date; the history is kept");
  position->require_subcommand(1);

  auto set = std::make_shared<SetArgs>();
  CLI::App* set_command = position->add_subcommand("set", "Record one stance");
  set_command->add_option("actor", set->actor, "Name, alias or ISO code")->required();
  set_command->add_option("subject", set->subject, "A provision path (art24) or a topic (\"scope: narrow\")")
      ->required();
  set_command->add_option("stance", set->stance, "support, oppose, amend, reserve or neutral")->required();
  set_command->add_option("--date", set->position.date, "YYYY-MM-DD");
  set_command->add_option("--source-kind", set->position.source_kind, "statement, proposal or note");
  set_command->add_option("--source", set->position.source, "Statement id, document symbol or text");
  set_command->add_option("--note", set->position.note, "Free text");
  set_command->callback([set, &context] { RunSet(*set, context); });

  auto import_args = std::make_shared<ImportArgs>();
  CLI::App* import = position->add_subcommand(
      "import", "Read a CSV with header actor,subject,stance,date[,source_kind,source,note]");
  import->add_option("file", import_args->file, "The CSV file")->required();
  import->callback([import_args, &context] { RunImport(*import_args, context); });

  auto matrix = std::make_shared<MatrixArgs>();
  CLI::App* matrix_command = position->add_subcommand(
      "matrix", "Actors × provisions and topics, latest stances, actors ordered by coalition");
  matrix_command->add_option("--format", matrix->format, "text, csv, html or json")
      ->check(CLI::IsMember({"text", "csv", "html", "json"}))
      ->capture_default_str();
  matrix_command->add_option("--out", matrix->out, "Write to this file instead of stdout");
  matrix_command->add_option("--as-of", matrix->as_of, "Stances as they stood on this date (YYYY-MM-DD)");
  matrix_command->add_flag("--history", matrix->history,
                           "With --format csv: every stored position (the import format), not the matrix");
  matrix_command->callback([matrix, &context] { RunMatrix(*matrix, context); });
}

}  // namespace tw::cli
