// `treatywatch crosswalk A B [--format text|html|json] [--out FILE]`: for each article of A,
// the provisions of B that correspond, with similarity and the redline between them.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/document_argument.h"
#include "cli/report_output.h"
#include "compare/crosswalk.h"
#include "compare/crosswalk_json.h"
#include "compare/report_crosswalk_html.h"
#include "compare/report_text.h"

namespace tw::cli {
namespace {

struct CrosswalkArgs {
  std::string a;
  std::string b;
  std::string format = "text";
  std::string out;
  int max_matches = 3;
  bool redlines = false;
};

std::string RenderCrosswalkText(const compare::Crosswalk& crosswalk, const CrosswalkArgs& args,
                                const CliContext& context) {
  std::string out = context.Bold(fmt::format("{} against {}", crosswalk.a.cite, crosswalk.b.cite));
  out += fmt::format("\n{} of {} provisions have a counterpart\n\n", crosswalk.matched,
                     crosswalk.entries.size());
  compare::TextReportOptions text_options;
  text_options.color = context.color && args.out.empty();
  for (const compare::CrosswalkEntry& entry : crosswalk.entries) {
    std::string head = entry.citation;
    if (!entry.heading.empty()) head += "  " + entry.heading;
    if (entry.matches.empty()) {
      out += fmt::format("{}\n    {}\n", head, context.Dim("no counterpart"));
      continue;
    }
    out += context.Bold(head) + "\n";
    for (const compare::CrosswalkMatch& match : entry.matches) {
      out += fmt::format("    {:<10} {:<44} similarity {:.2f}  ({:.0f} % of it in B, {:.0f} % of B in it)\n",
                         match.citation, match.heading.substr(0, 44), match.similarity,
                         100 * match.a_in_b, 100 * match.b_in_a);
    }
    if (args.redlines && !entry.matches.front().ops.empty()) {
      out += "      " + compare::RenderOpsText(entry.matches.front().ops, text_options) + "\n";
    }
  }
  return out;
}

void RunCrosswalk(const CrosswalkArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  if (args.max_matches < 1 || args.max_matches > 20) {
    return context.Fail(absl::InvalidArgumentError("--matches must be between 1 and 20"));
  }
  auto [a, b] = LoadDocumentPair(context, args.a, args.b);
  if (!a.ok()) return context.Fail(a.status());
  if (!b.ok()) return context.Fail(b.status());
  compare::CrosswalkOptions options;
  options.max_matches = args.max_matches;
  const compare::Crosswalk crosswalk = compare::BuildCrosswalk(*a, *b, options);
  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(compare::CrosswalkToJson(crosswalk), args.out);
  } else if (format == "html") {
    rendered = compare::RenderCrosswalkHtml(crosswalk);
  } else {
    rendered = RenderCrosswalkText(crosswalk, args, context);
  }
  EmitReport(context, args.out, rendered,
             fmt::format("{} provisions, {} with a counterpart", crosswalk.entries.size(),
                         crosswalk.matched));
}

}  // namespace

void RegisterCrosswalkCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<CrosswalkArgs>();
  CLI::App* command = app.add_subcommand(
      "crosswalk", "For each article of A, the corresponding provisions of B with the redline");
  command->add_option("a", args->a, "Stored id or symbol, or a file")->required();
  command->add_option("b", args->b, "Stored id or symbol, or a file")->required();
  command->add_option("--format", args->format, "Output: text, html or json")
      ->check(CLI::IsMember({"text", "html", "json"}))
      ->capture_default_str();
  command->add_option("--out", args->out, "Write the report to this file instead of stdout");
  command->add_option("--matches", args->max_matches, "Counterparts listed per article")
      ->capture_default_str();
  command->add_flag("--redline", args->redlines, "Show the redline to the best counterpart");
  command->callback([args, &context] { RunCrosswalk(*args, context); });
}

}  // namespace tw::cli
