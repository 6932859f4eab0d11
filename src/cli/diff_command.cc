// `treatywatch diff OLD NEW [--format text|md|html|json|docx] [--out FILE] [--article PATH]`:
// what changed between two versions, aligned by content (src/compare/).
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/document_argument.h"
#include "cli/report_output.h"
#include "compare/article_filter.h"
#include "compare/compare.h"
#include "compare/comparison_json.h"
#include "compare/phase_timer.h"
#include "compare/report_docx.h"
#include "compare/report_html.h"
#include "compare/report_markdown.h"
#include "compare/report_text.h"

namespace tw::cli {
namespace {

struct DiffArgs {
  std::string old_document;
  std::string new_document;
  std::string format = "text";
  std::string out;
  std::string article;
};

void RunDiff(const DiffArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  if (format == "docx" && args.out.empty() && isatty(STDOUT_FILENO)) {
    return context.Fail(absl::InvalidArgumentError(
        "--format docx writes a Word file: give --out FILE (or redirect stdout)"));
  }
  compare::PhaseTimer phase("diff.load");
  auto [old_document, new_document] =
      LoadDocumentPair(context, args.old_document, args.new_document);
  if (!old_document.ok()) return context.Fail(old_document.status());
  if (!new_document.ok()) return context.Fail(new_document.status());

  phase.Next("diff.compare");
  compare::Comparison comparison = compare::CompareDocuments(*old_document, *new_document);
  if (!args.article.empty()) {
    if (absl::Status kept = compare::KeepOnlyArticle(comparison, args.article); !kept.ok()) {
      return context.Fail(kept);
    }
  }

  phase.Next("diff.render");
  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(compare::ComparisonToJson(comparison), args.out);
  } else if (format == "text") {
    compare::TextReportOptions options;
    options.color = context.color && args.out.empty();
    rendered = compare::RenderText(comparison, options);
  } else if (format == "md") {
    rendered = compare::RenderMarkdown(comparison);
  } else if (format == "html") {
    rendered = compare::RenderHtml(comparison);
  } else {
    absl::StatusOr<std::string> docx = compare::RenderDocx(comparison);
    if (!docx.ok()) return context.Fail(docx.status());
    rendered = *std::move(docx);
  }

  phase.Next("diff.emit");
  EmitReport(context, args.out, rendered, fmt::format("{} changes", comparison.changes.size()));
}

}  // namespace

void RegisterDiffCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* command = app.add_subcommand(
      "diff", "What changed between two versions: articles aligned by content, with renumbering, "
              "moves, splits, joins, bracket changes and a word redline");
  command->add_option("old", args->old_document, "Old version: stored id or symbol, or a file")
      ->required();
  command->add_option("new", args->new_document, "New version: stored id or symbol, or a file")
      ->required();
  command->add_option("--format", args->format, "Output: text, md, html, json or docx")
      ->check(CLI::IsMember({"text", "md", "html", "json", "docx"}))
      ->capture_default_str();
  command->add_option("--out", args->out, "Write the report to this file instead of stdout");
  command->add_option("--article", args->article,
                      "Only the change of this article: a path of the new text, else of the old (art5)");
  command->callback([args, &context] { RunDiff(*args, context); });
}

}  // namespace tw::cli
