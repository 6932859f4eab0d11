// `treatywatch statement add|import|list`: what each actor said on the record, at which session,
// with the provisions each statement cites. Transcripts are split by speaker ("Brazil:", "The
// representative of Brazil said …").
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/document_argument.h"
#include "cli/text_file.h"
#include "negotiation/cited_provisions.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/record_import.h"
#include "negotiation/transcript_import.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

// The draft whose articles statements cite: a stored document or a file; none when empty.
absl::StatusOr<std::optional<doc::Document>> LoadDraft(CliContext& context, const std::string& draft) {
  if (draft.empty()) return std::optional<doc::Document>();
  absl::StatusOr<doc::Document> document = LoadDocumentArgument(context, draft);
  if (!document.ok()) return document.status();
  return std::optional<doc::Document>(*std::move(document));
}

void StoreStatements(CliContext& context, std::vector<negotiation::Statement> statements,
                     const negotiation::ActorRegistry& actors, std::string_view origin) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<std::int64_t>> ids = (*store)->PutStatements(statements);
  if (!ids.ok()) return context.Fail(ids.status());
  for (std::size_t i = 0; i < statements.size() && i < ids->size(); ++i) statements[i].id = (*ids)[i];
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const negotiation::Statement& statement : statements) list.push_back(negotiation::StatementJson(statement, actors));
    return context.PrintJson(list);
  }
  std::cout << fmt::format("stored {} statement{} {}\n", statements.size(),
                           statements.size() == 1 ? "" : "s", origin);
  for (const negotiation::Statement& statement : statements) {
    std::string cited;
    if (!statement.cited_paths.empty()) cited = fmt::format(" [cites {}]", fmt::join(statement.cited_paths, ", "));
    std::cout << fmt::format("  #{} {}{}: {}\n", statement.id, negotiation::ActorName(actors, statement.actor),
                             context.Dim(cited), text::ClipUtf8(statement.text, 90));
  }
}

struct AddArgs {
  std::string actor;
  std::string draft;
  negotiation::Statement statement;
};

void RunAdd(AddArgs args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
  if (!actor.ok()) return context.Fail(actor.status());
  absl::StatusOr<std::optional<doc::Document>> draft = LoadDraft(context, args.draft);
  if (!draft.ok()) return context.Fail(draft.status());
  args.statement.actor = (*actor)->id;
  args.statement.cited_paths =
      negotiation::CitedProvisions(args.statement.text, *draft ? &**draft : nullptr);
  StoreStatements(context, {args.statement}, *registry, "");
}

struct ImportArgs {
  std::string file;
  std::string format;  // csv, json, transcript; empty: by extension
  std::string draft;
  bool skip_unknown = false;
  negotiation::TranscriptOptions transcript;
};

void RunImport(ImportArgs args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<std::string> bytes = ReadTextFile(args.file);
  if (!bytes.ok()) return context.Fail(bytes.status());
  absl::StatusOr<std::optional<doc::Document>> draft = LoadDraft(context, args.draft);
  if (!draft.ok()) return context.Fail(draft.status());
  std::string format = args.format;
  if (format.empty()) {
    const std::string extension = std::filesystem::path(args.file).extension().string();
    format = extension == ".csv" ? "csv" : extension == ".json" ? "json" : "transcript";
  }
  absl::StatusOr<std::vector<negotiation::Statement>> statements;
  std::vector<std::string> warnings;
  if (format == "csv") {
    statements = negotiation::ReadStatementsCsv(*bytes, args.file, *registry);
  } else if (format == "json") {
    statements = negotiation::ReadStatementsJson(*bytes, args.file, *registry);
  } else {
    args.transcript.skip_unknown = args.skip_unknown;
    args.transcript.draft = *draft ? &**draft : nullptr;
    statements = negotiation::ReadTranscript(*bytes, args.file, *registry, args.transcript, &warnings);
  }
  if (!statements.ok()) return context.Fail(statements.status());
  if (!context.json) {
    for (const std::string& warning : warnings) std::cerr << "treatywatch: " << warning << "\n";
  }
  if (format != "transcript" && *draft) {
    for (negotiation::Statement& statement : *statements) {
      statement.cited_paths = negotiation::CitedProvisions(statement.text, &**draft);
    }
  }
  StoreStatements(context, *std::move(statements), *registry, "from " + args.file);
}

struct ListArgs {
  std::string actor;
  int session = 0;
  std::string cites;
  int limit = 50;
};

void RunList(const ListArgs& args, CliContext& context) {
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  store::StatementFilter filter;
  if (!args.actor.empty()) {
    absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
    if (!actor.ok()) return context.Fail(actor.status());
    filter.actor = (*actor)->id;
  }
  if (args.session > 0) filter.session = args.session;
  filter.cited_path = args.cites;
  if (args.limit > 0) filter.limit = args.limit;
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::vector<negotiation::Statement>> statements = (*store)->ListStatements(filter);
  if (!statements.ok()) return context.Fail(statements.status());
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const negotiation::Statement& statement : *statements) list.push_back(negotiation::StatementJson(statement, *registry));
    return context.PrintJson(list);
  }
  for (const negotiation::Statement& statement : *statements) {
    std::cout << fmt::format("#{} {} {}{}\n", statement.id,
                             context.Bold(negotiation::ActorName(*registry, statement.actor)),
                             context.Dim(fmt::format("session {} {}", statement.session, statement.date)),
                             statement.cited_paths.empty()
                                 ? std::string()
                                 : context.Dim(fmt::format(" cites {}", fmt::join(statement.cited_paths, ", "))));
    std::cout << "  " << text::ClipUtf8(statement.text, 300) << "\n";
  }
}

}  // namespace

void RegisterStatementCommand(CLI::App& app, CliContext& context) {
  CLI::App* statement = app.add_subcommand(
      "statement", "Statements on the record: add one, import a CSV, JSON or transcript, list");
  statement->require_subcommand(1);

  auto add = std::make_shared<AddArgs>();
  CLI::App* add_command = statement->add_subcommand("add", "Record one statement");
  add_command->add_option("--actor", add->actor, "Who spoke: name, alias or ISO code")->required();
  add_command->add_option("--text", add->statement.text, "What was said")->required();
  add_command->add_option("--session", add->statement.session, "Session number");
  add_command->add_option("--agenda-item", add->statement.agenda_item, "Agenda item");
  add_command->add_option("--date", add->statement.date, "YYYY-MM-DD");
  add_command->add_option("--url", add->statement.source_url, "Where it was published");
  add_command->add_option("--draft", add->draft, "The draft whose articles it cites (id, symbol or file)");
  add_command->callback([add, &context] { RunAdd(*add, context); });

  auto import = std::make_shared<ImportArgs>();
  CLI::App* import_command = statement->add_subcommand(
      "import", "Import statements: CSV (actor,session,agenda_item,date,text,source_url), JSON, "
                "or a transcript whose paragraphs start with the speaker");
  import_command->add_option("file", import->file, "The file")->required();
  import_command->add_option("--format", import->format, "csv, json or transcript (default: by extension)")
      ->check(CLI::IsMember({"csv", "json", "transcript"}));
  import_command->add_option("--draft", import->draft, "The draft whose articles they cite (id, symbol or file)");
  import_command->add_option("--session", import->transcript.session, "Transcript: session number");
  import_command->add_option("--date", import->transcript.date, "Transcript: YYYY-MM-DD");
  import_command->add_option("--agenda-item", import->transcript.agenda_item, "Transcript: agenda item");
  import_command->add_option("--url", import->transcript.source_url, "Transcript: where it was published");
  import_command->add_flag("--skip-unknown", import->skip_unknown,
                           "Transcript: skip paragraphs whose speaker is unknown instead of failing");
  import_command->callback([import, &context] { RunImport(*import, context); });

  auto list = std::make_shared<ListArgs>();
  CLI::App* list_command = statement->add_subcommand("list", "Stored statements, oldest first");
  list_command->add_option("--actor", list->actor, "Only this actor");
  list_command->add_option("--session", list->session, "Only this session");
  list_command->add_option("--cites", list->cites, "Only statements citing this provision (art24 also matches art24.p2)");
  list_command->add_option("--limit", list->limit, "At most this many")->capture_default_str();
  list_command->callback([list, &context] { RunList(*list, context); });
}

}  // namespace tw::cli
