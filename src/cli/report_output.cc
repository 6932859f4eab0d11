#include "cli/report_output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

namespace tw::cli {

namespace fs = std::filesystem;

absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (folder / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    return absl::UnavailableError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = std::strerror(errno);
      close(fd);
      unlink(temporary.c_str());
      return absl::UnavailableError(fmt::format("{}: cannot write: {}", path, reason));
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates the file private; a report is as readable as any file the user writes.
  const mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0 || close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    unlink(temporary.c_str());
    return absl::UnavailableError(fmt::format("{}: cannot write: {}", path, reason));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    unlink(temporary.c_str());
    return absl::UnavailableError(fmt::format("{}: cannot write: {}", path, reason));
  }
  return absl::OkStatus();
}

std::string ReportJson(const nlohmann::json& value, const std::string& out) {
  return value.dump(out.empty() && isatty(STDOUT_FILENO) ? 2 : -1) + "\n";
}

void EmitReport(CliContext& context, const std::string& out, std::string_view rendered,
                std::string_view detail) {
  if (out.empty()) {
    std::cout << rendered;
    return;
  }
  if (absl::Status written = WriteFileAtomically(out, rendered); !written.ok()) {
    return context.Fail(written);
  }
  if (!context.json) {
    std::cerr << fmt::format("treatywatch: wrote {} ({}, {} bytes)\n", out, detail, rendered.size());
  }
}

}  // namespace tw::cli
