// `treatywatch audit DOC [--pack FILE...] [--format text|md|html|json|csv] [--out FILE]
//  [--fail-on SEVERITY]` and `treatywatch audit-trend DOC DOC... [--align content|numbers]`:
// scope and safeguards of a draft checked against a rule pack (src/audit/), and how they moved
// from one draft to the next.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "audit/audit_json.h"
#include "audit/audit_report_csv.h"
#include "audit/audit_report_html.h"
#include "audit/audit_report_markdown.h"
#include "audit/audit_report_text.h"
#include "audit/audit_trend.h"
#include "audit/audit_trend_html.h"
#include "audit/default_pack.h"
#include "audit/rule_engine.h"
#include "audit/rule_pack_loader.h"
#include "audit/scorecard.h"
#include "cli/commands.h"
#include "cli/document_argument.h"
#include "cli/report_output.h"

namespace tw::cli {
namespace {

constexpr std::string_view kBuiltInPack = "default";

// The packs named by --pack, merged; the built-in pack when none is named.
absl::StatusOr<audit::RulePack> LoadPacks(const std::vector<std::string>& names) {
  if (names.empty()) return audit::LoadDefaultPack();
  std::vector<audit::RulePack> packs;
  for (const std::string& name : names) {
    absl::StatusOr<audit::RulePack> pack =
        name == kBuiltInPack ? audit::LoadDefaultPack() : audit::LoadRulePackFile(name);
    if (!pack.ok()) return pack.status();
    packs.push_back(*std::move(pack));
  }
  if (packs.size() == 1) return std::move(packs.front());
  return audit::MergeRulePacks(std::move(packs));
}

void AddPackOption(CLI::App* command, std::vector<std::string>& packs) {
  command
      ->add_option("--pack", packs,
                   "Rule pack YAML file; repeat to combine packs; `default` is the built-in "
                   "rules/cybercrime.yaml (used when no --pack is given)")
      ->allow_extra_args(false);
}

struct AuditArgs {
  std::string document;
  std::vector<std::string> packs;
  std::string format = "text";
  std::string out;
  std::string fail_on;
  bool scorecard_only = false;
};

void RunAudit(const AuditArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  audit::Severity threshold = audit::Severity::kInfo;
  if (!args.fail_on.empty() && !audit::ParseSeverity(args.fail_on, &threshold)) {
    return context.Fail(absl::InvalidArgumentError(fmt::format(
        "--fail-on {}: not a severity (info, low, medium, high, critical)", args.fail_on)));
  }
  absl::StatusOr<audit::RulePack> pack = LoadPacks(args.packs);
  if (!pack.ok()) return context.Fail(pack.status());
  absl::StatusOr<audit::RuleEngine> engine = audit::RuleEngine::Compile(*pack);
  if (!engine.ok()) return context.Fail(engine.status());
  absl::StatusOr<doc::Document> document = LoadDocumentArgument(context, args.document);
  if (!document.ok()) return context.Fail(document.status());

  const audit::AuditResult result = engine->Evaluate(*document);
  const audit::Scorecard card = audit::MakeScorecard(*document, *pack, result);

  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(audit::AuditToJson(*document, *pack, result, card), args.out);
  } else if (format == "csv") {
    rendered = audit::RenderAuditCsv(*document, *pack, result);
  } else if (format == "md") {
    rendered = audit::RenderAuditMarkdown(*document, *pack, result, card);
  } else if (format == "html") {
    rendered = audit::RenderAuditHtml(*document, *pack, result, card);
  } else {
    audit::AuditTextOptions options;
    options.color = context.color && args.out.empty();
    options.scorecard_only = args.scorecard_only;
    rendered = audit::RenderAuditText(*document, *pack, result, card, options);
  }
  EmitReport(context, args.out, rendered,
             fmt::format("{} findings: {} violated, {} missing", result.findings.size(),
                         card.violated, card.missing));
  if (!context.error().ok() || args.fail_on.empty()) return;
  for (const audit::Finding& finding : result.findings) {
    if (finding.outcome != audit::Outcome::kMet && finding.severity >= threshold) {
      context.SetExitCode(kExitFindings);
      return;
    }
  }
}

struct TrendArgs {
  std::vector<std::string> documents;
  std::vector<std::string> packs;
  std::string format = "text";
  std::string out;
  std::string align = "content";
};

void RunAuditTrend(const TrendArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  absl::StatusOr<audit::RulePack> pack = LoadPacks(args.packs);
  if (!pack.ok()) return context.Fail(pack.status());
  absl::StatusOr<audit::RuleEngine> engine = audit::RuleEngine::Compile(*pack);
  if (!engine.ok()) return context.Fail(engine.status());
  std::vector<doc::Document> documents;
  documents.reserve(args.documents.size());
  for (const std::string& argument : args.documents) {
    absl::StatusOr<doc::Document> document = LoadDocumentArgument(context, argument);
    if (!document.ok()) return context.Fail(document.status());
    documents.push_back(*std::move(document));
  }
  std::vector<audit::AuditedDraft> drafts;
  for (const doc::Document& document : documents) {
    drafts.push_back({&document, engine->Evaluate(document)});
  }
  const audit::AuditTrend trend = audit::MakeAuditTrend(
      drafts, *pack,
      args.align == "numbers" ? audit::TrendAlignment::kNumbers : audit::TrendAlignment::kContent);

  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(audit::AuditTrendToJson(trend, *pack), args.out);
  } else if (format == "html") {
    rendered = audit::RenderAuditTrendHtml(trend, *pack);
  } else {
    audit::AuditTextOptions options;
    options.color = context.color && args.out.empty();
    rendered = audit::RenderAuditTrendText(trend, *pack, options);
  }
  int better = 0, worse = 0;
  for (const audit::TrendStep& step : trend.steps) better += step.better, worse += step.worse;
  EmitReport(context, args.out, rendered,
             fmt::format("{} drafts: {} better, {} worse", documents.size(), better, worse));
}

}  // namespace

void RegisterAuditCommands(CLI::App& app, CliContext& context) {
  auto audit_args = std::make_shared<AuditArgs>();
  CLI::App* audit = app.add_subcommand(
      "audit", "Check a draft's scope and human-rights safeguards against a rule pack: a "
               "scorecard, then every finding with the words that decided it");
  audit->add_option("document", audit_args->document, "Stored id or symbol, or a file")->required();
  AddPackOption(audit, audit_args->packs);
  audit->add_option("--format", audit_args->format, "Output: text, md, html, json or csv")
      ->check(CLI::IsMember({"text", "md", "html", "json", "csv"}))
      ->capture_default_str();
  audit->add_option("--out", audit_args->out, "Write the report to this file instead of stdout");
  audit->add_option("--fail-on", audit_args->fail_on,
                    "Exit 1 when a finding at or above this severity (info, low, medium, high, "
                    "critical) is missing or violated");
  audit->add_flag("--scorecard", audit_args->scorecard_only,
                  "Text output: the scorecard only, without the list of problems");
  audit->callback([audit_args, &context] { RunAudit(*audit_args, context); });

  auto trend_args = std::make_shared<TrendArgs>();
  CLI::App* trend = app.add_subcommand(
      "audit-trend", "Scorecards of successive drafts and what got better or worse, article by "
                     "article (articles followed across renumbering by their words)");
  trend->add_option("documents", trend_args->documents,
                    "Two or more drafts, oldest first: stored ids or symbols, or files")
      ->required()
      ->expected(2, 1000);
  AddPackOption(trend, trend_args->packs);
  trend->add_option("--format", trend_args->format, "Output: text, html or json")
      ->check(CLI::IsMember({"text", "html", "json"}))
      ->capture_default_str();
  trend->add_option("--out", trend_args->out, "Write the report to this file instead of stdout");
  trend->add_option("--align", trend_args->align,
                    "Follow articles by content (compare alignment) or by number")
      ->check(CLI::IsMember({"content", "numbers"}))
      ->capture_default_str();
  trend->callback([trend_args, &context] { RunAuditTrend(*trend_args, context); });
}

}  // namespace tw::cli
