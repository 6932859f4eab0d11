// What `trace` and `influence` share: their options and their input. The draft is a stored
// document (id or symbol) or a file. The sources are the documents named with --sources
// (stored ids or symbols, or files), or with --all every stored document except the draft and
// those dated after it (a text published later cannot be where the draft's words came from).
// Exactly one of the two must be given.
#ifndef TREATYWATCH_CLI_TRACE_SOURCES_H_
#define TREATYWATCH_CLI_TRACE_SOURCES_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "doc/document.h"
#include "reuse/reuse_trace.h"

namespace tw::cli {

struct TraceCommandArgs {
  std::string draft;
  std::vector<std::string> sources;
  bool all = false;
  int min_words = 8;
  std::string format = "text";
  std::string out;
};

// The draft, --sources, --all, --min-words, --format (one of `formats`) and --out.
void AddTraceOptions(CLI::App& command, TraceCommandArgs& args,
                     const std::vector<std::string>& formats = {"text", "json"});

struct TraceInput {
  doc::Document draft;
  std::vector<doc::Document> sources;
  reuse::TraceOptions options;

  std::vector<const doc::Document*> SourcePointers() const;
};

// Checks the options and loads the draft and its sources (progress on a terminal with --all).
absl::StatusOr<TraceInput> LoadTraceInput(CliContext& context, const TraceCommandArgs& args);

// The sources alone, for a "draft" that is not a document on the command line (`reuse`).
absl::StatusOr<std::vector<doc::Document>> LoadTraceSources(CliContext& context,
                                                            const doc::Document& draft,
                                                            const std::vector<std::string>& names,
                                                            bool all);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_TRACE_SOURCES_H_
