// The sources a draft is traced against (`trace`, `influence`): the documents named with
// --sources (stored ids or symbols, or files), or with --all every stored document except the
// draft and those dated after it (a text published later cannot be where the draft's words
// came from). Exactly one of the two must be given.
#ifndef TREATYWATCH_CLI_TRACE_SOURCES_H_
#define TREATYWATCH_CLI_TRACE_SOURCES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "doc/document.h"

namespace tw::cli {

absl::StatusOr<std::vector<doc::Document>> LoadTraceSources(CliContext& context,
                                                            const doc::Document& draft,
                                                            const std::vector<std::string>& names,
                                                            bool all);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_TRACE_SOURCES_H_
