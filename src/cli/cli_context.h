// CliContext: what every command shares — the global options (--db, --json), the terminal
// it talks to, the store it opens lazily, and the exit code it ends with.
//
// Commands report failure by returning a Status; main prints it as one line on stderr and
// exits 2. Exit code 1 is reserved for "ran fine, found problems" (audits with --fail-on).
#ifndef TREATYWATCH_CLI_CLI_CONTEXT_H_
#define TREATYWATCH_CLI_CLI_CONTEXT_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

class CliContext {
 public:
  CliContext();

  std::string db = "treatywatch.db";
  bool json = false;
  bool color = false;        // stdout is a terminal and NO_COLOR is unset
  bool interactive = false;  // stderr is a terminal: progress may be drawn there
  // The command line as given, for `serve` to hand on to the server program (serve_runner.h).
  std::vector<char*> arguments;

  // Opens the store on first use; later calls return the same one.
  absl::StatusOr<store::Store*> Store();

  // Prints a JSON value on stdout, pretty when a person is reading.
  void PrintJson(const nlohmann::json& value) const;

  // Text styling that degrades to plain text when piped.
  std::string Bold(std::string_view text) const;
  std::string Dim(std::string_view text) const;
  std::string Highlight(std::string_view text) const;

  // Records a command's outcome; the first error wins.
  void Fail(absl::Status status);
  void SetExitCode(int code) { exit_code_ = std::max(exit_code_, code); }
  int exit_code() const { return exit_code_; }
  const absl::Status& error() const { return error_; }

 private:
  std::unique_ptr<store::Store> store_;
  absl::Status error_;
  int exit_code_ = kExitOk;
};

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_CLI_CONTEXT_H_
