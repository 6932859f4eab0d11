#include "cli/document_argument.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/document_builder.h"

namespace tw::cli {

namespace fs = std::filesystem;

absl::StatusOr<doc::Document> LoadDocumentArgument(CliContext& context,
                                                   const std::string& argument) {
  std::error_code error;
  if (fs::is_regular_file(argument, error)) {
    doc::DocumentMeta meta;
    return ingest::BuildDocument(argument, meta, ingest::ReadOptions{});
  }
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(argument);
  if (!document.ok() && absl::IsNotFound(document.status())) {
    return absl::NotFoundError(fmt::format(
        "{} (neither a stored document's id or symbol nor a file)", std::string(document.status().message())));
  }
  return document;
}

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

}  // namespace tw::cli
