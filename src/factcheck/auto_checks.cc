// RunAutoChecks: builds the context once (auto_check_context.h) and runs the four checks in a
// fixed order — mirrors, safeguard, support, changed-since — each in its own file.
#include "factcheck/auto_checks.h"

#include <utility>

#include "factcheck/auto_check_context.h"

namespace tw::factcheck {

std::string_view AssessmentName(Assessment assessment) {
  switch (assessment) {
    case Assessment::kSupports:
      return "supports";
    case Assessment::kContradicts:
      return "contradicts";
    case Assessment::kPartly:
      return "partly";
    case Assessment::kInconclusive:
      return "inconclusive";
  }
  return "inconclusive";
}

absl::StatusOr<std::vector<AutoCheckResult>> RunAutoChecks(const Claim& claim, store::Store& store,
                                                           const AutoCheckOptions& options) {
  absl::StatusOr<AutoCheckContext> context = BuildAutoCheckContext(claim, store, options);
  if (!context.ok()) return context.status();
  std::vector<AutoCheckResult> results = RunMirrorsCheck(*context);
  auto append = [&results](absl::StatusOr<std::vector<AutoCheckResult>> more) -> absl::Status {
    if (!more.ok()) return more.status();
    for (AutoCheckResult& result : *more) results.push_back(std::move(result));
    return absl::OkStatus();
  };
  if (absl::Status status = append(RunSafeguardCheck(*context)); !status.ok()) return status;
  if (absl::Status status = append(RunSupportCheck(*context)); !status.ok()) return status;
  if (absl::Status status = append(RunChangedSinceCheck(*context)); !status.ok()) return status;
  return results;
}

}  // namespace tw::factcheck
