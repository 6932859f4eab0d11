// `treatywatch factcheck new|edit|submit|publish|show|list|auto`: writing a verdict with its
// evidence, moving it through draft → in-review → published, correcting a published one in the
// open, and letting the automatic checks do the legwork.
#include <algorithm>
#include <iostream>
#include <optional>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/factcheck_support.h"
#include "factcheck/auto_checks.h"
#include "factcheck/factcheck_json.h"
#include "negotiation/negotiation_json.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

struct CommonArgs {
  std::string by;
  std::string verdicts;  // a verdict scale file
};

void AddCommonOptions(CLI::App* command, CommonArgs& common) {
  command->add_option("--by", common.by, "Who saves it (default $TREATYWATCH_USER or $USER)");
  command->add_option("--verdicts", common.verdicts,
                      "A verdict scale file, one 'name: description' per line "
                      "(default $TREATYWATCH_VERDICTS, else the built-in scale)");
}

void PrintFactCheck(CliContext& context, store::Store& store, const factcheck::FactCheck& fact_check) {
  std::cout << fmt::format("fact-check #{} on claim #{}: {} — {} (revision {}, by {} at {})\n",
                           fact_check.id, fact_check.claim_id,
                           context.Bold(fact_check.verdict.empty() ? "no verdict" : fact_check.verdict),
                           factcheck::FactCheckStatusName(fact_check.status), fact_check.revision,
                           fact_check.updated_by, fact_check.updated_at);
  if (absl::StatusOr<factcheck::Claim> claim = LoadClaimOrFail(store, fact_check.claim_id);
      claim.ok()) {
    std::cout << "  claim: “" << OneLine(claim->text, 300) << "”\n";
  }
  if (factcheck::NeedsReview(fact_check)) {
    std::cout << "  " << context.Bold("NEEDS REVIEW") << ": some evidence no longer quotes the "
              << "current text word for word (treatywatch claims stale)\n";
  }
  if (!fact_check.summary.empty()) std::cout << "  summary: " << fact_check.summary << "\n";
  if (!fact_check.rationale.empty()) std::cout << "  rationale: " << fact_check.rationale << "\n";
  if (!fact_check.change_note.empty()) std::cout << "  last change: " << fact_check.change_note << "\n";
  for (const factcheck::Evidence& piece : fact_check.evidence) {
    std::cout << fmt::format("  evidence #{} [{}{}] document {} {}: “{}”{}\n", piece.id,
                             factcheck::AnchorStatusName(piece.status),
                             piece.origin == "analyst" ? "" : ", " + piece.origin,
                             piece.anchor.document_id, piece.anchor.path,
                             OneLine(piece.anchor.exact, 160),
                             piece.note.empty() ? "" : " — " + piece.note);
  }
}

struct NewArgs {
  CommonArgs common;
  std::string claim;
  std::vector<std::string> evidence;
  factcheck::FactCheck fact_check;
};

void RunNew(NewArgs args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<factcheck::VerdictScale> scale = LoadVerdictScale(args.common.verdicts);
  if (!scale.ok()) return context.Fail(scale.status());
  absl::StatusOr<std::int64_t> claim_id = ParseIdArgument(args.claim, "claim");
  if (!claim_id.ok()) return context.Fail(claim_id.status());
  absl::StatusOr<factcheck::Claim> claim = LoadClaimOrFail(**store, *claim_id);
  if (!claim.ok()) return context.Fail(claim.status());
  factcheck::FactCheck& fact_check = args.fact_check;
  fact_check.claim_id = *claim_id;
  fact_check.author = ActingUser(args.common.by);
  for (const std::string& argument : args.evidence) {
    absl::StatusOr<factcheck::Evidence> evidence = ParseEvidenceArgument(**store, argument);
    if (!evidence.ok()) return context.Fail(evidence.status());
    fact_check.evidence.push_back(*std::move(evidence));
  }
  absl::StatusOr<std::int64_t> id = (*store)->CreateFactCheck(fact_check, *scale);
  if (!id.ok()) return context.Fail(id.status());
  if (context.json) return context.PrintJson({{"id", *id}});
  std::cout << fmt::format("stored fact-check #{} on claim #{} as a draft ({} piece{} of evidence)\n",
                           *id, *claim_id, fact_check.evidence.size(),
                           fact_check.evidence.size() == 1 ? "" : "s");
}

struct EditArgs {
  CommonArgs common;
  std::string id;
  std::optional<std::string> verdict;
  std::optional<std::string> summary;
  std::optional<std::string> rationale;
  std::vector<std::string> add_evidence;
  std::vector<std::int64_t> remove_evidence;
  std::vector<std::int64_t> accept_proposal;
  std::string note;
  int revision = 0;  // the revision the user edited; 0: the current one
};

// One save of a fact-check: `change` edits the loaded current revision in place.
template <typename Change>
void Revise(CliContext& context, const CommonArgs& common, const std::string& id_argument,
            int expected_revision, const std::string& note, Change change) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<factcheck::VerdictScale> scale = LoadVerdictScale(common.verdicts);
  if (!scale.ok()) return context.Fail(scale.status());
  absl::StatusOr<std::int64_t> id = ParseIdArgument(id_argument, "fact-check");
  if (!id.ok()) return context.Fail(id.status());
  absl::StatusOr<factcheck::FactCheck> current = LoadFactCheckOrFail(**store, *id);
  if (!current.ok()) return context.Fail(current.status());
  factcheck::FactCheck next = *current;
  if (absl::Status changed = change(**store, next); !changed.ok()) return context.Fail(changed);
  absl::StatusOr<int> revision = (*store)->ReviseFactCheck(
      next, expected_revision > 0 ? expected_revision : current->revision,
      ActingUser(common.by), note, *scale);
  if (!revision.ok()) return context.Fail(revision.status());
  if (context.json) {
    return context.PrintJson({{"id", *id},
                              {"revision", *revision},
                              {"status", factcheck::FactCheckStatusName(next.status)}});
  }
  std::cout << fmt::format("fact-check #{} saved as revision {} ({})\n", *id, *revision,
                           factcheck::FactCheckStatusName(next.status));
}

void RunEdit(const EditArgs& args, CliContext& context) {
  Revise(context, args.common, args.id, args.revision, args.note,
         [&args](store::Store& store, factcheck::FactCheck& next) -> absl::Status {
           if (args.verdict) next.verdict = *args.verdict;
           if (args.summary) next.summary = *args.summary;
           if (args.rationale) next.rationale = *args.rationale;
           for (std::int64_t evidence_id : args.accept_proposal) {
             auto piece = std::find_if(next.evidence.begin(), next.evidence.end(),
                                       [&](const factcheck::Evidence& e) { return e.id == evidence_id; });
             if (piece == next.evidence.end() || !piece->proposal) {
               return absl::InvalidArgumentError(fmt::format(
                   "fact-check #{} has no evidence #{} with a proposed new place (see: "
                   "treatywatch claims stale)",
                   next.id, evidence_id));
             }
             // The confirmed place is new evidence: the old quote stays in the history.
             factcheck::Evidence confirmed;
             confirmed.anchor = *piece->proposal;
             confirmed.note = piece->note;
             confirmed.origin = piece->origin;
             confirmed.checked_against = confirmed.anchor.document_id;
             *piece = std::move(confirmed);
           }
           for (std::int64_t evidence_id : args.remove_evidence) {
             auto piece = std::find_if(next.evidence.begin(), next.evidence.end(),
                                       [&](const factcheck::Evidence& e) { return e.id == evidence_id; });
             if (piece == next.evidence.end()) {
               return absl::InvalidArgumentError(
                   fmt::format("fact-check #{} has no evidence #{}", next.id, evidence_id));
             }
             next.evidence.erase(piece);
           }
           for (const std::string& argument : args.add_evidence) {
             absl::StatusOr<factcheck::Evidence> evidence = ParseEvidenceArgument(store, argument);
             if (!evidence.ok()) return evidence.status();
             next.evidence.push_back(*std::move(evidence));
           }
           return absl::OkStatus();
         });
}

struct MoveArgs {
  CommonArgs common;
  std::string id;
  std::string note;
  int revision = 0;
};

void RunMove(const MoveArgs& args, factcheck::FactCheckStatus to, CliContext& context) {
  Revise(context, args.common, args.id, args.revision, args.note,
         [to](store::Store&, factcheck::FactCheck& next) {
           next.status = to;
           return absl::OkStatus();
         });
}

struct ShowArgs {
  std::string id;
  bool history = false;
};

void RunShow(const ShowArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::int64_t> id = ParseIdArgument(args.id, "fact-check");
  if (!id.ok()) return context.Fail(id.status());
  absl::StatusOr<factcheck::FactCheck> fact_check = LoadFactCheckOrFail(**store, *id);
  if (!fact_check.ok()) return context.Fail(fact_check.status());
  std::vector<factcheck::FactCheckRevision> history;
  if (args.history) {
    absl::StatusOr<std::vector<factcheck::FactCheckRevision>> loaded =
        (*store)->FactCheckHistory(*id);
    if (!loaded.ok()) return context.Fail(loaded.status());
    history = *std::move(loaded);
  }
  if (context.json) {
    nlohmann::json json = factcheck::FactCheckJson(*fact_check);
    if (args.history) {
      nlohmann::json revisions = nlohmann::json::array();
      for (const factcheck::FactCheckRevision& revision : history) {
        revisions.push_back(factcheck::RevisionJson(revision));
      }
      json["history"] = revisions;
    }
    return context.PrintJson(json);
  }
  PrintFactCheck(context, **store, *fact_check);
  for (const factcheck::FactCheckRevision& revision : history) {
    std::cout << fmt::format("  revision {} by {} at {}: {} {}{}\n", revision.revision,
                             revision.saved_by, revision.saved_at,
                             factcheck::FactCheckStatusName(revision.snapshot.status),
                             revision.snapshot.verdict,
                             revision.change_note.empty() ? "" : " — " + revision.change_note);
  }
}

struct ListArgs {
  std::string status;
  bool stale = false;
};

void RunList(const ListArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  store::FactCheckFilter filter;
  if (!args.status.empty()) {
    factcheck::FactCheckStatus status;
    if (!factcheck::ParseFactCheckStatus(args.status, &status)) {
      return context.Fail(absl::InvalidArgumentError(
          fmt::format("--status '{}': one of draft, in-review, published", args.status)));
    }
    filter.status = status;
  }
  filter.needs_review_only = args.stale;
  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks = (*store)->ListFactChecks(filter);
  if (!fact_checks.ok()) return context.Fail(fact_checks.status());
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const factcheck::FactCheck& fact_check : *fact_checks) list.push_back(factcheck::FactCheckJson(fact_check));
    return context.PrintJson(list);
  }
  if (fact_checks->empty()) std::cout << "no fact-checks\n";
  for (const factcheck::FactCheck& fact_check : *fact_checks) {
    std::cout << fmt::format("#{} claim #{} {} ({}, revision {}){}: {}\n", fact_check.id,
                             fact_check.claim_id, context.Bold(fact_check.verdict),
                             factcheck::FactCheckStatusName(fact_check.status), fact_check.revision,
                             factcheck::NeedsReview(fact_check) ? " NEEDS REVIEW" : "",
                             OneLine(fact_check.summary, 120));
  }
}

struct AutoArgs {
  CommonArgs common;
  std::string claim;
  std::string instrument;
  std::string attach;  // a fact-check id: add the results' anchors as its evidence
};

void RunAuto(const AutoArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<std::int64_t> claim_id = ParseIdArgument(args.claim, "claim");
  if (!claim_id.ok()) return context.Fail(claim_id.status());
  absl::StatusOr<factcheck::Claim> claim = LoadClaimOrFail(**store, *claim_id);
  if (!claim.ok()) return context.Fail(claim.status());
  factcheck::AutoCheckOptions options;
  options.instrument = args.instrument;
  absl::StatusOr<std::vector<factcheck::AutoCheckResult>> results =
      factcheck::RunAutoChecks(*claim, **store, options);
  if (!results.ok()) return context.Fail(results.status());
  if (!args.attach.empty()) {
    const std::vector<factcheck::AutoCheckResult>& found = *results;
    Revise(context, args.common, args.attach, 0,
           fmt::format("added the evidence of the automatic checks on claim #{}", *claim_id),
           [&found](store::Store&, factcheck::FactCheck& next) {
             for (const factcheck::AutoCheckResult& result : found) {
               for (const factcheck::EvidenceAnchor& anchor : result.anchors) {
                 factcheck::Evidence evidence;
                 evidence.anchor = anchor;
                 evidence.origin = result.check;
                 evidence.note = result.finding;
                 evidence.checked_against = anchor.document_id;
                 next.evidence.push_back(std::move(evidence));
               }
             }
             return absl::OkStatus();
           });
    if (!context.error().ok() || context.json) return;
  }
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const factcheck::AutoCheckResult& result : *results) {
      list.push_back(factcheck::AutoCheckResultJson(result));
    }
    return context.PrintJson({{"claim", *claim_id}, {"results", list}});
  }
  std::cout << "claim #" << *claim_id << ": “" << OneLine(claim->text, 200) << "”\n";
  if (results->empty()) {
    std::cout << "no automatic check applies: the claim names no comparison, safeguard, count "
                 "of states or change that the record can test\n";
  }
  for (const factcheck::AutoCheckResult& result : *results) {
    std::cout << fmt::format("{} [{}] {}\n", context.Bold(result.check),
                             factcheck::AssessmentName(result.assessment), result.finding);
    for (const factcheck::EvidenceAnchor& anchor : result.anchors) {
      std::cout << fmt::format("    document {} {}: “{}”\n", anchor.document_id, anchor.path,
                               OneLine(anchor.exact, 140));
    }
  }
  if (!results->empty() && args.attach.empty()) {
    std::cout << context.Dim("attach these as evidence: treatywatch factcheck auto CLAIM --attach "
                             "FACTCHECK\n");
  }
}

}  // namespace

void RegisterFactCheckCommand(CLI::App& app, CliContext& context) {
  CLI::App* factcheck = app.add_subcommand(
      "factcheck", "Verdicts with evidence: new, edit, submit, publish, show, list, auto");
  factcheck->require_subcommand(1);

  auto create = std::make_shared<NewArgs>();
  CLI::App* new_command = factcheck->add_subcommand("new", "Start a fact-check of a claim (a draft)");
  new_command->add_option("claim", create->claim, "The claim's id")->required();
  new_command->add_option("--verdict", create->fact_check.verdict, "A verdict of the scale");
  new_command->add_option("--summary", create->fact_check.summary, "One or two sentences");
  new_command->add_option("--rationale", create->fact_check.rationale, "The reasoning");
  new_command->add_option("--evidence", create->evidence,
                          "'DOC#PATH: exact words' (repeatable; ' -- note' adds a note)");
  AddCommonOptions(new_command, create->common);
  new_command->callback([create, &context] { RunNew(*create, context); });

  auto edit = std::make_shared<EditArgs>();
  CLI::App* edit_command = factcheck->add_subcommand(
      "edit", "Save a new revision; a published fact-check needs --note (a visible correction)");
  edit_command->add_option("id", edit->id, "The fact-check's id")->required();
  edit_command->add_option("--verdict", edit->verdict, "A verdict of the scale");
  edit_command->add_option("--summary", edit->summary, "One or two sentences");
  edit_command->add_option("--rationale", edit->rationale, "The reasoning");
  edit_command->add_option("--evidence", edit->add_evidence, "Add 'DOC#PATH: exact words'");
  edit_command->add_option("--remove-evidence", edit->remove_evidence, "Remove evidence by id");
  edit_command->add_option("--accept-proposal", edit->accept_proposal,
                           "Accept the new place re-anchoring proposed for this evidence id");
  edit_command->add_option("--note", edit->note, "What changed and why");
  edit_command->add_option("--revision", edit->revision,
                           "The revision you edited: refused if someone saved another since");
  AddCommonOptions(edit_command, edit->common);
  edit_command->callback([edit, &context] { RunEdit(*edit, context); });

  struct Move {
    const char* name;
    const char* help;
    factcheck::FactCheckStatus to;
  };
  for (const Move& move : {Move{"submit", "Send a draft for review", factcheck::FactCheckStatus::kInReview},
                           Move{"return", "Send a fact-check in review back to draft",
                                factcheck::FactCheckStatus::kDraft},
                           Move{"publish", "Publish a reviewed fact-check",
                                factcheck::FactCheckStatus::kPublished}}) {
    auto args = std::make_shared<MoveArgs>();
    CLI::App* command = factcheck->add_subcommand(move.name, move.help);
    command->add_option("id", args->id, "The fact-check's id")->required();
    command->add_option("--note", args->note, "Why (required to re-publish a correction)");
    command->add_option("--revision", args->revision,
                        "The revision you reviewed: refused if someone saved another since");
    AddCommonOptions(command, args->common);
    const factcheck::FactCheckStatus to = move.to;
    command->callback([args, to, &context] { RunMove(*args, to, context); });
  }

  auto show = std::make_shared<ShowArgs>();
  CLI::App* show_command = factcheck->add_subcommand("show", "Show a fact-check and its evidence");
  show_command->add_option("id", show->id, "The fact-check's id")->required();
  show_command->add_flag("--history", show->history, "Every revision, who and when");
  show_command->callback([show, &context] { RunShow(*show, context); });

  auto list = std::make_shared<ListArgs>();
  CLI::App* list_command = factcheck->add_subcommand("list", "List fact-checks");
  list_command->add_option("--status", list->status, "draft, in-review or published");
  list_command->add_flag("--stale", list->stale, "Only those needing review");
  list_command->callback([list, &context] { RunList(*list, context); });

  auto automatic = std::make_shared<AutoArgs>();
  CLI::App* auto_command = factcheck->add_subcommand(
      "auto", "Run the automatic checks on a claim: crosswalk, audit, tallies, compare");
  auto_command->add_option("claim", automatic->claim, "The claim's id")->required();
  auto_command->add_option("--instrument", automatic->instrument,
                           "The instrument whose articles the claim cites");
  auto_command->add_option("--attach", automatic->attach,
                           "Add the results as evidence of this fact-check (a new revision)");
  AddCommonOptions(auto_command, automatic->common);
  auto_command->callback([automatic, &context] { RunAuto(*automatic, context); });
}

}  // namespace tw::cli
