// `treatywatch export claimreview|briefing`: publishing fact-checks — schema.org ClaimReview
// JSON-LD for fact-check search engines, and a session briefing (HTML, Markdown, CSV) a CSO can
// post as is.
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/actor_lookup.h"
#include "cli/commands.h"
#include "cli/factcheck_support.h"
#include "cli/report_output.h"
#include "factcheck/briefing.h"
#include "factcheck/claim_review.h"
#include "negotiation/negotiation_json.h"

namespace tw::cli {
namespace {

struct PublisherArgs {
  factcheck::Publisher publisher;
  std::string verdicts;
  std::string out;
};

void AddPublisherOptions(CLI::App* command, PublisherArgs& args) {
  command->add_option("--publisher", args.publisher.name, "The organisation publishing")
      ->capture_default_str();
  command->add_option("--publisher-url", args.publisher.url, "Its web site");
  command->add_option("--base-url", args.publisher.base_url,
                      "Where the fact-check pages are served (BASE/factchecks/ID)")
      ->capture_default_str();
  command->add_option("--verdicts", args.verdicts, "The verdict scale file used");
  command->add_option("--out", args.out, "Write to this file instead of stdout");
}

bool IsState(const negotiation::ActorRegistry& registry, std::string_view id) {
  absl::StatusOr<const negotiation::Actor*> actor = registry.Resolve(id);
  return actor.ok() && ((*actor)->kind == negotiation::ActorKind::kMemberState ||
                        (*actor)->kind == negotiation::ActorKind::kObserverState);
}

// Every fact-check (only published ones unless `unpublished`) with its claim, of one session or
// all (session 0).
absl::StatusOr<std::vector<factcheck::ReviewedClaim>> LoadReviewed(
    store::Store& store, const negotiation::ActorRegistry& registry, int session, bool unpublished) {
  store::FactCheckFilter filter;
  if (!unpublished) filter.status = factcheck::FactCheckStatus::kPublished;
  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks = store.ListFactChecks(filter);
  if (!fact_checks.ok()) return fact_checks.status();
  std::vector<factcheck::ReviewedClaim> items;
  for (factcheck::FactCheck& fact_check : *fact_checks) {
    absl::StatusOr<factcheck::Claim> claim = LoadClaimOrFail(store, fact_check.claim_id);
    if (!claim.ok()) return claim.status();
    if (session > 0 && claim->session != session) continue;
    factcheck::ReviewedClaim item;
    item.actor_name = negotiation::ActorName(registry, claim->actor);
    item.actor_is_state = IsState(registry, claim->actor);
    item.claim = *std::move(claim);
    item.fact_check = std::move(fact_check);
    items.push_back(std::move(item));
  }
  return items;
}

void RunClaimReview(const PublisherArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<factcheck::VerdictScale> scale = LoadVerdictScale(args.verdicts);
  if (!scale.ok()) return context.Fail(scale.status());
  absl::StatusOr<std::vector<factcheck::ReviewedClaim>> items =
      LoadReviewed(**store, *registry, 0, false);
  if (!items.ok()) return context.Fail(items.status());
  const nlohmann::json reviews = factcheck::ClaimReviewArray(*items, *scale, args.publisher);
  EmitReport(context, args.out, reviews.dump(2) + "\n",
             fmt::format("{} ClaimReview{}", reviews.size(), reviews.size() == 1 ? "" : "s"));
}

struct BriefingArgs {
  PublisherArgs common;
  int session = 0;
  std::string format = "html";
  std::string title;
  bool include_unpublished = false;
};

void RunBriefing(const BriefingArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<factcheck::VerdictScale> scale = LoadVerdictScale(args.common.verdicts);
  if (!scale.ok()) return context.Fail(scale.status());
  factcheck::BriefingInput input;
  input.session = args.session;
  input.include_unpublished = args.include_unpublished;
  input.publisher = args.common.publisher;
  absl::StatusOr<std::vector<factcheck::ReviewedClaim>> items =
      LoadReviewed(**store, *registry, args.session, args.include_unpublished);
  if (!items.ok()) return context.Fail(items.status());
  input.items = *std::move(items);
  if (args.session > 0) {
    absl::StatusOr<std::vector<negotiation::Session>> sessions = (*store)->ListSessions();
    if (!sessions.ok()) return context.Fail(sessions.status());
    for (const negotiation::Session& session : *sessions) {
      if (session.number != args.session) continue;
      input.session_label = session.title;
      if (!session.venue.empty()) input.session_label += ", " + session.venue;
      if (!session.start_date.empty()) {
        input.session_label += fmt::format(", {} to {}", session.start_date, session.end_date);
      }
    }
  }
  std::string session_title = fmt::format("session {}", args.session);
  if (absl::StatusOr<std::vector<negotiation::Session>> sessions = (*store)->ListSessions();
      sessions.ok()) {
    for (const negotiation::Session& session : *sessions) {
      if (session.number == args.session && !session.title.empty()) session_title = session.title;
    }
  }
  input.title = !args.title.empty() ? args.title
                : args.session > 0  ? "Fact-checks: " + session_title
                                    : std::string("Fact-checks");
  // Quotes are cited by the document and provision they stand in now.
  std::map<std::int64_t, doc::Document> documents;
  for (const factcheck::ReviewedClaim& item : input.items) {
    for (const factcheck::Evidence& evidence : item.fact_check.evidence) {
      const std::int64_t id = evidence.anchor.document_id;
      auto found = documents.find(id);
      if (found == documents.end()) {
        absl::StatusOr<doc::Document> document = (*store)->LoadDocument(std::to_string(id));
        if (!document.ok()) return context.Fail(document.status());
        found = documents.emplace(id, *std::move(document)).first;
      }
      factcheck::EvidenceCitation citation;
      citation.document = found->second.CiteName();
      if (!evidence.anchor.path.empty()) {
        citation.provision = doc::CitationLabel(found->second.root, evidence.anchor.path);
      }
      input.citations[evidence.id] = std::move(citation);
    }
  }
  std::string rendered;
  if (args.format == "html") {
    rendered = factcheck::BriefingHtml(input, *scale);
  } else if (args.format == "md") {
    rendered = factcheck::BriefingMarkdown(input, *scale);
  } else {
    rendered = factcheck::BriefingCsv(input);
  }
  EmitReport(context, args.common.out, rendered,
             fmt::format("briefing, {} fact-check{}", input.items.size(),
                         input.items.size() == 1 ? "" : "s"));
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CliContext& context) {
  CLI::App* exporting = app.add_subcommand(
      "export", "Publish fact-checks: ClaimReview JSON-LD, session briefings");
  exporting->require_subcommand(1);

  auto claim_review = std::make_shared<PublisherArgs>();
  CLI::App* claim_review_command = exporting->add_subcommand(
      "claimreview", "schema.org ClaimReview JSON-LD of every published fact-check");
  AddPublisherOptions(claim_review_command, *claim_review);
  claim_review_command->callback([claim_review, &context] { RunClaimReview(*claim_review, context); });

  auto briefing = std::make_shared<BriefingArgs>();
  CLI::App* briefing_command = exporting->add_subcommand(
      "briefing", "A briefing of the claims by actor with verdicts and quoted evidence");
  briefing_command->add_option("--session", briefing->session, "Only this session's claims");
  briefing_command->add_option("--format", briefing->format, "html, md or csv")
      ->check(CLI::IsMember({"html", "md", "csv"}))
      ->capture_default_str();
  briefing_command->add_option("--title", briefing->title, "The briefing's title");
  briefing_command->add_flag("--include-unpublished", briefing->include_unpublished,
                             "Also drafts and fact-checks in review (an internal briefing)");
  AddPublisherOptions(briefing_command, briefing->common);
  briefing_command->callback([briefing, &context] { RunBriefing(*briefing, context); });
}

}  // namespace tw::cli
