// `treatywatch claims detect|add|list|stale|match`: finding the checkable sentences of a
// statement, keeping the claims an analyst confirms, and finding earlier claims (and the same
// actor's earlier words) that say the same.
#include <cmath>
#include <filesystem>
#include <map>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/document_argument.h"
#include "cli/factcheck_support.h"
#include "cli/text_file.h"
#include "factcheck/check_worthiness.h"
#include "factcheck/claim_matcher.h"
#include "factcheck/claim_intake.h"
#include "factcheck/factcheck_json.h"
#include "factcheck/own_record.h"
#include "negotiation/negotiation_json.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

// The draft the claim's article numbers refer to: --draft, else the version of the instrument
// that was current on the claim's date or session, chosen as the automatic checks choose it
// (factcheck/auto_check_context.h), so a claim is resolved and checked against one text.
absl::StatusOr<std::optional<doc::Document>> ClaimDraft(CliContext& context, store::Store& store,
                                                        const std::string& draft,
                                                        const factcheck::Claim& claim) {
  if (!draft.empty()) {
    absl::StatusOr<doc::Document> document = LoadDocumentArgument(context, draft);
    if (!document.ok()) return document.status();
    return std::optional<doc::Document>(*std::move(document));
  }
  return factcheck::DraftUnderDiscussion(store, claim);
}

struct DetectArgs {
  std::string input;
  double min_score = factcheck::kCheckWorthyThreshold;
  bool all = false;
};

void RunDetect(const DetectArgs& args, CliContext& context) {
  std::string text;
  std::int64_t statement_id = 0;
  std::error_code error;
  if (std::filesystem::is_regular_file(args.input, error)) {
    absl::StatusOr<std::string> bytes = ReadTextFile(args.input);
    if (!bytes.ok()) return context.Fail(bytes.status());
    text = *std::move(bytes);
  } else if (absl::StatusOr<std::int64_t> id = ParseIdArgument(args.input, "statement"); id.ok()) {
    absl::StatusOr<store::Store*> store = context.Store();
    if (!store.ok()) return context.Fail(store.status());
    absl::StatusOr<negotiation::Statement> statement = factcheck::FindStatement(**store, *id);
    if (!statement.ok()) return context.Fail(statement.status());
    text = statement->text;
    statement_id = *id;
  } else {
    text = args.input;
  }
  std::vector<factcheck::CheckWorthySentence> sentences = factcheck::ScoreSentences(text);
  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const factcheck::CheckWorthySentence& sentence : sentences) {
      if (!args.all && sentence.score < args.min_score) continue;
      list.push_back(factcheck::CheckWorthySentenceJson(sentence));
    }
    return context.PrintJson({{"statement", statement_id}, {"sentences", list}});
  }
  int shown = 0;
  for (const factcheck::CheckWorthySentence& sentence : sentences) {
    if (!args.all && sentence.score < args.min_score) continue;
    ++shown;
    std::cout << fmt::format("{} {}\n", context.Bold(fmt::format("{:.2f}", sentence.score)),
                             sentence.text);
    std::string features;
    for (const factcheck::WorthinessFeature& feature : sentence.features) {
      features += fmt::format("{}{} {:+.2f} “{}”", features.empty() ? "" : "; ", feature.name,
                              feature.weight, feature.matched);
    }
    if (!features.empty()) std::cout << "     " << context.Dim(features) << "\n";
  }
  if (shown == 0) {
    std::cout << fmt::format("no sentence scores {:.2f} or more of {} (--all shows them all)\n",
                             args.min_score, sentences.size());
  } else {
    std::cout << context.Dim(fmt::format(
        "confirm one: treatywatch claims add {} --text \"…\"\n",
        statement_id ? fmt::format("--statement {}", statement_id) : std::string("--actor ACTOR")));
  }
}

struct AddArgs {
  std::string actor;
  std::string statement;
  std::string draft;
  std::string grade;
  std::string by;
  factcheck::Claim claim;
};

void RunAdd(AddArgs args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  factcheck::Claim& claim = args.claim;
  if (!args.statement.empty()) {
    absl::StatusOr<std::int64_t> id = ParseIdArgument(args.statement, "statement");
    if (!id.ok()) return context.Fail(id.status());
    claim.actor = args.actor;
    if (absl::Status filled = factcheck::FillFromStatement(**store, *id, claim); !filled.ok()) {
      return context.Fail(filled);
    }
    args.actor = claim.actor;
  }
  if (args.actor.empty()) {
    return context.Fail(absl::InvalidArgumentError(
        "claims add: say who made the claim with --actor (or --statement ID)"));
  }
  absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
  if (!actor.ok()) return context.Fail(actor.status());
  claim.actor = (*actor)->id;
  if (!args.grade.empty() && !factcheck::ParseSourceGrade(args.grade, &claim.source_grade)) {
    return context.Fail(absl::InvalidArgumentError(fmt::format(
        "--grade '{}': one of official-record, written-submission, webcast, third-party-report",
        args.grade)));
  }
  absl::StatusOr<std::optional<doc::Document>> draft = ClaimDraft(context, **store, args.draft, claim);
  if (!draft.ok()) return context.Fail(draft.status());
  if (absl::Status resolved =
          factcheck::ResolveStoredReferences(**store, claim, *draft ? &**draft : nullptr);
      !resolved.ok()) {
    return context.Fail(resolved);
  }
  claim.created_by = ActingUser(args.by);
  // Earlier claims that say the same are looked for before this one is stored, so it does not
  // find itself.
  absl::StatusOr<std::vector<factcheck::ClaimMatch>> matches =
      factcheck::MatchClaim(**store, claim.text, factcheck::MatchThresholds{}, 100);
  if (!matches.ok()) return context.Fail(matches.status());
  absl::StatusOr<std::int64_t> id = (*store)->PutClaim(claim);
  if (!id.ok()) return context.Fail(id.status());
  if (context.json) {
    nlohmann::json similar = nlohmann::json::array();
    for (const factcheck::ClaimMatch& match : *matches) {
      similar.push_back({{"claim", match.claim.id}, {"score", match.score},
                         {"confirmed", match.confirmed}});
    }
    return context.PrintJson({{"id", *id},
                              {"cited_paths", claim.cited_paths},
                              {"instruments", claim.instruments},
                              {"similar", similar}});
  }
  std::cout << fmt::format("stored claim #{} by {}", *id,
                           negotiation::ActorName(*registry, claim.actor));
  if (!claim.cited_paths.empty() || !claim.instruments.empty()) {
    std::vector<std::string> refers = claim.cited_paths;
    refers.insert(refers.end(), claim.instruments.begin(), claim.instruments.end());
    std::cout << context.Dim(fmt::format(" (refers to {})", fmt::join(refers, ", ")));
  }
  std::cout << "\n";
  for (const factcheck::ClaimMatch& match : *matches) {
    std::cout << fmt::format("  {} #{} ({:.2f}): {}\n",
                             match.confirmed ? "same as" : "similar to", match.claim.id,
                             match.score, OneLine(match.claim.text, 90));
  }
}

struct ListArgs {
  std::string actor;
  int session = 0;
  bool stale = false;
};

// The fact-checks of each claim, for listing.
absl::StatusOr<std::map<std::int64_t, std::vector<factcheck::FactCheck>>> FactChecksByClaim(
    store::Store& store, bool stale_only) {
  store::FactCheckFilter filter;
  filter.needs_review_only = stale_only;
  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks = store.ListFactChecks(filter);
  if (!fact_checks.ok()) return fact_checks.status();
  std::map<std::int64_t, std::vector<factcheck::FactCheck>> by_claim;
  for (factcheck::FactCheck& fact_check : *fact_checks) {
    by_claim[fact_check.claim_id].push_back(std::move(fact_check));
  }
  return by_claim;
}

void RunList(const ListArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  store::ClaimFilter filter;
  if (!args.actor.empty()) {
    absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
    if (!actor.ok()) return context.Fail(actor.status());
    filter.actor = (*actor)->id;
  }
  if (args.session > 0) filter.session = args.session;
  absl::StatusOr<std::vector<factcheck::Claim>> claims = (*store)->ListClaims(filter);
  if (!claims.ok()) return context.Fail(claims.status());
  auto by_claim = FactChecksByClaim(**store, args.stale);
  if (!by_claim.ok()) return context.Fail(by_claim.status());
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::Claim& claim : *claims) {
    auto checks = by_claim->find(claim.id);
    if (args.stale && checks == by_claim->end()) continue;
    if (context.json) {
      nlohmann::json json = factcheck::ClaimJson(claim, *registry);
      nlohmann::json fact_checks = nlohmann::json::array();
      if (checks != by_claim->end()) {
        for (const factcheck::FactCheck& fact_check : checks->second) {
          fact_checks.push_back(factcheck::FactCheckBriefJson(fact_check));
        }
      }
      json["factchecks"] = fact_checks;
      list.push_back(std::move(json));
      continue;
    }
    std::cout << fmt::format("#{} {} {}\n", claim.id,
                             context.Bold(negotiation::ActorName(*registry, claim.actor)),
                             context.Dim(fmt::format("session {} {} {}", claim.session, claim.date,
                                                     factcheck::SourceGradeName(claim.source_grade))));
    std::cout << "  “" << OneLine(claim.text, 300) << "”\n";
    if (checks == by_claim->end()) {
      std::cout << context.Dim("  not checked yet") << "\n";
      continue;
    }
    for (const factcheck::FactCheck& fact_check : checks->second) {
      std::cout << fmt::format("  fact-check #{}: {} ({}, revision {}){}\n", fact_check.id,
                               fact_check.verdict.empty() ? "no verdict" : fact_check.verdict,
                               factcheck::FactCheckStatusName(fact_check.status),
                               fact_check.revision,
                               factcheck::NeedsReview(fact_check) ? " — NEEDS REVIEW" : "");
    }
  }
  if (context.json) context.PrintJson(list);
}

void RunStale(CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  store::FactCheckFilter filter;
  filter.needs_review_only = true;
  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks = (*store)->ListFactChecks(filter);
  if (!fact_checks.ok()) return context.Fail(fact_checks.status());
  nlohmann::json list = nlohmann::json::array();
  for (const factcheck::FactCheck& fact_check : *fact_checks) {
    list.push_back(factcheck::StaleFactCheckJson(fact_check));
  }
  if (context.json) return context.PrintJson(list);
  if (fact_checks->empty()) {
    std::cout << "no fact-check needs review: every quote still stands word for word\n";
    return;
  }
  for (const factcheck::FactCheck& fact_check : *fact_checks) {
    std::cout << fmt::format("fact-check #{} on claim #{} ({}, {}) needs review:\n", fact_check.id,
                             fact_check.claim_id, fact_check.verdict,
                             factcheck::FactCheckStatusName(fact_check.status));
    for (const factcheck::Evidence& piece : fact_check.evidence) {
      if (factcheck::AnchorHolds(piece.status)) continue;
      std::cout << fmt::format("  evidence #{} {} in document {} {}: “{}”\n", piece.id,
                               context.Bold(factcheck::AnchorStatusName(piece.status)),
                               piece.anchor.document_id, piece.anchor.path,
                               OneLine(piece.anchor.exact, 100));
      if (piece.proposal) {
        std::cout << fmt::format("    now reads ({:.0f} % similar) in document {} {}: “{}”\n",
                                 std::floor(100 * piece.similarity), piece.proposal->document_id,
                                 piece.proposal->path, OneLine(piece.proposal->exact, 100));
      }
    }
  }
  std::cout << context.Dim(
      "accept a proposed quote: treatywatch factcheck edit ID --accept-proposal EVIDENCE "
      "--note \"…\"\n");
}

struct MatchArgs {
  std::string text;
  std::string actor;
  int limit = 10;
};

void RunMatch(const MatchArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<std::vector<factcheck::ClaimMatch>> matches =
      factcheck::MatchClaim(**store, args.text, factcheck::MatchThresholds{}, 100);
  if (!matches.ok()) return context.Fail(matches.status());
  if (static_cast<int>(matches->size()) > args.limit) matches->resize(args.limit);
  auto by_claim = FactChecksByClaim(**store, false);
  if (!by_claim.ok()) return context.Fail(by_claim.status());

  std::vector<factcheck::OwnRecordMatch> own;
  if (!args.actor.empty()) {
    absl::StatusOr<const negotiation::Actor*> actor = registry->Resolve(args.actor);
    if (!actor.ok()) return context.Fail(actor.status());
    factcheck::Claim claim;
    claim.text = args.text;
    claim.actor = (*actor)->id;
    absl::StatusOr<std::vector<factcheck::OwnRecordMatch>> found =
        factcheck::OwnRecordOfActor(**store, claim);
    if (!found.ok()) return context.Fail(found.status());
    own = *std::move(found);
  }

  if (context.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const factcheck::ClaimMatch& match : *matches) {
      auto checks = by_claim->find(match.claim.id);
      list.push_back(factcheck::ClaimMatchJson(
          match, *registry,
          checks != by_claim->end() ? checks->second : std::vector<factcheck::FactCheck>{}));
    }
    nlohmann::json own_json = nlohmann::json::array();
    for (const factcheck::OwnRecordMatch& item : own) {
      own_json.push_back(factcheck::OwnRecordJson(item));
    }
    return context.PrintJson({{"matches", list}, {"own_record", own_json}});
  }
  if (matches->empty()) std::cout << "no earlier claim says the same\n";
  for (const factcheck::ClaimMatch& match : *matches) {
    std::cout << fmt::format("{} #{} {} {}\n",
                             context.Bold(fmt::format("{:.2f}", match.score)), match.claim.id,
                             negotiation::ActorName(*registry, match.claim.actor),
                             context.Dim(match.confirmed ? "same claim" : "similar"));
    std::cout << "     “" << OneLine(match.claim.text, 200) << "”\n";
    if (auto checks = by_claim->find(match.claim.id); checks != by_claim->end()) {
      for (const factcheck::FactCheck& fact_check : checks->second) {
        std::cout << fmt::format("     fact-check #{}: {} ({})\n", fact_check.id,
                                 fact_check.verdict,
                                 factcheck::FactCheckStatusName(fact_check.status));
      }
    }
  }
  if (!own.empty()) std::cout << context.Bold("The same actor's record:") << "\n";
  for (const factcheck::OwnRecordMatch& item : own) {
    std::cout << fmt::format(
        "  {} {} #{} {} ({:.2f}): {}\n", item.contradicts ? "CONTRADICTS" : "related",
        item.kind == factcheck::OwnRecordMatch::Kind::kStatement ? "statement" : "position",
        item.id, item.date, item.similarity, OneLine(item.text, 160));
    if (item.contradicts && !item.reason.empty()) {
      std::cout << "    " << context.Dim(item.reason) << "\n";
    }
  }
}

}  // namespace

void RegisterClaimsCommand(CLI::App& app, CliContext& context) {
  CLI::App* claims = app.add_subcommand(
      "claims", "Claims made on the floor: detect checkable sentences, add, list, stale, match");
  claims->require_subcommand(1);

  auto detect = std::make_shared<DetectArgs>();
  CLI::App* detect_command = claims->add_subcommand(
      "detect", "Rank the sentences of a statement by how checkable they are, with why");
  detect_command->add_option("statement", detect->input,
                             "A stored statement id, a text file, or the words themselves")
      ->required();
  detect_command->add_option("--min-score", detect->min_score, "Show sentences scoring this or more")
      ->check(CLI::Range(0.0, 1.0));
  detect_command->add_flag("--all", detect->all, "Show every sentence");
  detect_command->callback([detect, &context] { RunDetect(*detect, context); });

  auto add = std::make_shared<AddArgs>();
  CLI::App* add_command = claims->add_subcommand("add", "Record a claim to check");
  add_command->add_option("--actor", add->actor, "Who made it: name, alias or ISO code");
  add_command->add_option("--text", add->claim.text, "The claim's words")->required();
  add_command->add_option("--statement", add->statement,
                          "The stored statement it comes from (fills actor, date, session)");
  add_command->add_option("--date", add->claim.date, "YYYY-MM-DD");
  add_command->add_option("--session", add->claim.session, "Session number");
  add_command->add_option("--grade", add->grade,
                          "Source: official-record, written-submission, webcast, "
                          "third-party-report (default official-record)");
  add_command->add_option("--url", add->claim.source_url, "Where the words can be read or heard");
  add_command->add_option("--draft", add->draft,
                          "The draft its article numbers refer to (default: the latest stored)");
  add_command->add_option("--by", add->by, "Who records it (default $TREATYWATCH_USER or $USER)");
  add_command->callback([add, &context] { RunAdd(*add, context); });

  auto list = std::make_shared<ListArgs>();
  CLI::App* list_command = claims->add_subcommand("list", "List claims with their fact-checks");
  list_command->add_option("--actor", list->actor, "Only this actor's claims");
  list_command->add_option("--session", list->session, "Only this session's claims");
  list_command->add_flag("--stale", list->stale, "Only claims whose fact-check needs review");
  list_command->callback([list, &context] { RunList(*list, context); });

  CLI::App* stale_command = claims->add_subcommand(
      "stale", "Fact-checks whose evidence changed in a newer draft, and why");
  stale_command->callback([&context] { RunStale(context); });

  auto match = std::make_shared<MatchArgs>();
  CLI::App* match_command = claims->add_subcommand(
      "match", "Earlier claims that say the same, and with --actor that actor's own record");
  match_command->add_option("text", match->text, "The new claim or statement")->required();
  match_command->add_option("--actor", match->actor,
                            "Also compare with this actor's statements and positions");
  match_command->add_option("--limit", match->limit, "At most this many matches")
      ->check(CLI::Range(1, 1000));
  match_command->callback([match, &context] { RunMatch(*match, context); });
}

}  // namespace tw::cli
