#include "cli/cli_context.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

namespace tw::cli {

CliContext::CliContext()
    : color(isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr),
      interactive(isatty(STDERR_FILENO) == 1) {}

absl::StatusOr<store::Store*> CliContext::Store() {
  if (!store_) {
    absl::StatusOr<std::unique_ptr<store::Store>> opened = store::OpenStore(db);
    if (!opened.ok()) return opened.status();
    store_ = *std::move(opened);
  }
  return store_.get();
}

void CliContext::PrintJson(const nlohmann::json& value) const {
  // Invalid UTF-8 cannot reach here (readers reject it), but never let a dump throw.
  std::cout << value.dump(color ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
}

std::string CliContext::Bold(std::string_view text) const {
  return color ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
}

std::string CliContext::Dim(std::string_view text) const {
  return color ? fmt::format("\x1b[2m{}\x1b[0m", text) : std::string(text);
}

std::string CliContext::Highlight(std::string_view text) const {
  return color ? fmt::format("\x1b[1;33m{}\x1b[0m", text) : fmt::format("**{}**", text);
}

void CliContext::Fail(absl::Status status) {
  if (error_.ok()) error_ = std::move(status);
  exit_code_ = kExitError;
}

}  // namespace tw::cli
