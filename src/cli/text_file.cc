#include "cli/text_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace tw::cli {

absl::StatusOr<std::string> ReadTextFile(const std::string& path, std::size_t max_bytes) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return absl::NotFoundError(fmt::format("{}: no such file", path));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return absl::InvalidArgumentError(fmt::format("{}: not a regular file", path));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return absl::InvalidArgumentError(fmt::format("{}: {}", path, error.message()));
  if (size > max_bytes) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} bytes, more than the limit of {} bytes", path, size, max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tw::cli
