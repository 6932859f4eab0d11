// `treatywatch trace DRAFT [--sources DOC...|--all] [--min-words N] [--format text|json|html]
// [--out FILE]`: for each provision of the draft, the passages reused from the sources (earlier
// drafts, proposals, other instruments) and where each came from (reuse/reuse_trace.h).
#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/report_output.h"
#include "cli/trace_sources.h"
#include "doc/provision.h"
#include "reuse/reuse_trace.h"
#include "reuse/reuse_trace_html.h"
#include "reuse/reuse_trace_json.h"

namespace tw::cli {
namespace {

std::string Excerpt(std::string_view text, std::size_t start, std::size_t end) {
  constexpr std::size_t kMax = 90;
  std::string words(text.substr(start, std::min(end - start, kMax)));
  std::replace(words.begin(), words.end(), '\n', ' ');
  if (end - start > kMax) {
    // Cut at a character boundary: never inside a UTF-8 sequence.
    while (!words.empty() && (static_cast<unsigned char>(words.back()) & 0xC0) == 0x80) {
      words.pop_back();
    }
    if (!words.empty()) words.pop_back();
    words += "…";
  }
  return words;
}

std::string RenderTraceText(const reuse::ReuseTrace& trace, const doc::Document& draft,
                            const std::vector<const doc::Document*>& sources,
                            const CliContext& context) {
  const std::size_t reused = trace.reused_words;
  std::string out = context.Bold(fmt::format("Where the words of {} came from", draft.CiteName()));
  out += fmt::format("\n{} passages, {} of {} words ({:.1f} %) found in {} sources\n",
                     trace.passages.size(), reused, trace.draft_words,
                     trace.draft_words == 0 ? 0.0 : 100.0 * reused / trace.draft_words,
                     sources.size());
  std::string current_path = "\x01";
  for (const reuse::ReusePassage& passage : trace.passages) {
    if (passage.draft_unit_path != current_path) {
      current_path = passage.draft_unit_path;
      out += "\n" +
             context.Bold(current_path.empty() ? std::string("(before the first provision)")
                                               : doc::CitationLabel(draft.root, current_path)) +
             "\n";
    }
    const reuse::PassageSource& from = passage.attributed;
    const doc::Document& source = *sources[from.source];
    const std::string where =
        from.path.empty()
            ? source.CiteName()
            : fmt::format("{}, {}", doc::CitationLabel(source.root, from.path), source.CiteName());
    const std::string at = passage.draft_path == passage.draft_unit_path
                               ? std::string()
                               : " at " + doc::CitationLabel(draft.root, passage.draft_path);
    out +=
        fmt::format("  {} words{} ← {} ({}{:.0f} % alike)\n", passage.draft_words, at, where,
                    source.meta.date.empty() ? "" : source.meta.date + ", ", 100 * from.similarity);
    out += "    " +
           context.Dim("“" + Excerpt(draft.text, passage.draft_start, passage.draft_end) + "”") +
           "\n";
    if (passage.candidates.size() > 1) {
      std::string also;
      for (std::size_t k = 1; k < passage.candidates.size(); ++k) {
        if (!also.empty()) also += ", ";
        also += sources[passage.candidates[k].source]->CiteName();
      }
      out += "    " + context.Dim("also in " + also) + "\n";
    }
  }
  return out;
}

void RunTrace(const TraceCommandArgs& args, CliContext& context) {
  const std::string format = context.json ? "json" : args.format;
  absl::StatusOr<TraceInput> input = LoadTraceInput(context, args);
  if (!input.ok()) return context.Fail(input.status());
  const std::vector<const doc::Document*> sources = input->SourcePointers();
  const reuse::ReuseTrace trace = reuse::TraceReuse(input->draft, sources, input->options);
  std::string rendered;
  if (format == "json") {
    rendered = ReportJson(reuse::ReuseTraceToJson(trace, input->draft, sources), args.out);
  } else if (format == "html") {
    rendered = reuse::ReuseTraceToHtml(trace, input->draft, sources);
  } else {
    rendered = RenderTraceText(trace, input->draft, sources, context);
  }
  EmitReport(context, args.out, rendered,
             fmt::format("{} passages from {} sources", trace.passages.size(), sources.size()));
}

}  // namespace

void RegisterTraceCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<TraceCommandArgs>();
  CLI::App* command = app.add_subcommand(
      "trace", "Where the words of a draft came from: its reused passages and their sources");
  AddTraceOptions(*command, *args, {"text", "json", "html"});
  command->callback([args, &context] { RunTrace(*args, context); });
}

}  // namespace tw::cli
