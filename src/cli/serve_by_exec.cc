// `serve` in the treatywatch program: hands the whole command line to treatywatch-server
// (serve_runner.h says why).
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/serve_runner.h"

namespace tw::cli {

void RunServe(CliContext& context, server::ServerConfig&) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    return context.Fail(absl::UnavailableError(
        fmt::format("cannot find the treatywatch program's folder to start {}: {}", kServerProgram,
                    error.message())));
  }
  const std::string server_program = (self.parent_path() / kServerProgram).string();
  std::cout.flush();
  execv(server_program.c_str(), context.arguments.data());
  context.Fail(absl::UnavailableError(fmt::format(
      "cannot start the server program {}: {} (it is built and installed beside treatywatch)",
      server_program, std::strerror(errno))));
}

}  // namespace tw::cli
