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
#include "factcheck/reviewed_claims.h"
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

void RunClaimReview(const PublisherArgs& args, CliContext& context) {
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return context.Fail(store.status());
  absl::StatusOr<negotiation::ActorRegistry> registry = LoadActorRegistry(context);
  if (!registry.ok()) return context.Fail(registry.status());
  absl::StatusOr<factcheck::VerdictScale> scale = LoadVerdictScale(args.verdicts);
  if (!scale.ok()) return context.Fail(scale.status());
  absl::StatusOr<std::vector<factcheck::ReviewedClaim>> items =
      factcheck::LoadReviewedClaims(**store, *registry, 0, false);
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
  factcheck::BriefingRequest request;
  request.session = args.session;
  request.include_unpublished = args.include_unpublished;
  request.title = args.title;
  request.publisher = args.common.publisher;
  absl::StatusOr<factcheck::BriefingInput> input =
      factcheck::LoadBriefingInput(**store, *registry, request);
  if (!input.ok()) return context.Fail(input.status());
  std::string rendered;
  if (args.format == "html") {
    rendered = factcheck::BriefingHtml(*input, *scale);
  } else if (args.format == "md") {
    rendered = factcheck::BriefingMarkdown(*input, *scale);
  } else {
    rendered = factcheck::BriefingCsv(*input);
  }
  EmitReport(context, args.common.out, rendered,
             fmt::format("briefing, {} fact-check{}", input->items.size(),
                         input->items.size() == 1 ? "" : "s"));
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
