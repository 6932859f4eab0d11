// Where a command's report goes: stdout, or a file written whole (never half a report, and a
// failed write leaves the old file as it was).
#ifndef TREATYWATCH_CLI_REPORT_OUTPUT_H_
#define TREATYWATCH_CLI_REPORT_OUTPUT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "cli/cli_context.h"

namespace tw::cli {

// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// JSON text of a report: indented for a person at a terminal, compact into files and pipes.
std::string ReportJson(const nlohmann::json& value, const std::string& out);

// Prints `rendered` on stdout when `out` is empty; else writes it to `out` and says so on
// stderr ("wrote FILE (detail, N bytes)") unless --json.
void EmitReport(CliContext& context, const std::string& out, std::string_view rendered,
                std::string_view detail);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_REPORT_OUTPUT_H_
