#include "factcheck/verdict_scale.h"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "absl/status/status.h"

namespace tw::factcheck {
namespace {

constexpr std::size_t kMinVerdicts = 2;
constexpr std::size_t kMaxVerdicts = 20;
constexpr std::size_t kMaxNameBytes = 40;

bool WellFormedName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes || name.front() == '-' || name.back() == '-') {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

const VerdictScale& VerdictScale::Default() {
  static const VerdictScale* const kDefault = new VerdictScale({
      {"accurate", "The claim matches the record."},
      {"mostly-accurate", "The claim matches the record but for details that do not change it."},
      {"misleading", "True in its words, but it leaves a false impression."},
      {"misstates-the-text", "The claim says the text provides what it does not, or the reverse."},
      {"omits-a-safeguard", "The claim leaves out a safeguard, condition or limit the text has."},
      {"contradicts-own-position", "The claim contradicts what the same actor said or stood for."},
      {"unsupported", "Nothing in the record supports the claim."},
      {"false", "The record shows the claim is wrong."},
  });
  return *kDefault;
}

absl::StatusOr<VerdictScale> VerdictScale::Make(std::vector<Verdict> verdicts) {
  if (verdicts.size() < kMinVerdicts || verdicts.size() > kMaxVerdicts) {
    return absl::InvalidArgumentError(fmt::format(
        "a verdict scale needs {} to {} verdicts, not {}", kMinVerdicts, kMaxVerdicts,
        verdicts.size()));
  }
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    if (!WellFormedName(verdicts[i].name)) {
      return absl::InvalidArgumentError(fmt::format(
          "verdict {} '{}': a name is lowercase letters, digits and '-' (at most {} bytes)",
          i + 1, verdicts[i].name, kMaxNameBytes));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (verdicts[j].name == verdicts[i].name) {
        return absl::InvalidArgumentError(
            fmt::format("verdict {} '{}' appears twice", i + 1, verdicts[i].name));
      }
    }
  }
  return VerdictScale(std::move(verdicts));
}

absl::StatusOr<VerdictScale> VerdictScale::Parse(std::string_view text, std::string_view source) {
  std::vector<Verdict> verdicts;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty()) continue;
    Verdict verdict;
    std::size_t colon = line.find(':');
    verdict.name = std::string(Trim(line.substr(0, colon)));
    if (colon != std::string_view::npos) verdict.description = std::string(Trim(line.substr(colon + 1)));
    if (!WellFormedName(verdict.name)) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: line {}: '{}' is not a verdict name (lowercase letters, digits and '-')", source,
          line_number, verdict.name));
    }
    verdicts.push_back(std::move(verdict));
  }
  absl::StatusOr<VerdictScale> scale = Make(std::move(verdicts));
  if (!scale.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {}", source, std::string(scale.status().message())));
  }
  return scale;
}

bool VerdictScale::Contains(std::string_view name) const { return Rating(name) != 0; }

int VerdictScale::Rating(std::string_view name) const {
  for (std::size_t i = 0; i < verdicts_.size(); ++i) {
    if (verdicts_[i].name == name) return static_cast<int>(verdicts_.size() - i);
  }
  return 0;
}

}  // namespace tw::factcheck
