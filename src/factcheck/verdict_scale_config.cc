#include "factcheck/verdict_scale_config.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace tw::factcheck {

absl::StatusOr<VerdictScale> ConfiguredVerdictScale(const std::string& file) {
  std::string path = file;
  if (path.empty()) {
    const char* configured = std::getenv("TREATYWATCH_VERDICTS");
    if (configured != nullptr) path = configured;
  }
  if (path.empty()) return VerdictScale::Default();
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("{}: cannot read the verdict scale", path));
  std::string text;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxVerdictFileBytes) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: larger than {} KiB; a verdict scale is one line per verdict", path,
          kMaxVerdictFileBytes >> 10));
    }
  }
  return VerdictScale::Parse(text, path);
}

}  // namespace tw::factcheck
