#include "factcheck/workflow.h"

#include <string>

#include <fmt/format.h>

namespace tw::factcheck {
namespace {

// A fact-check's words are shown on a public page and in ClaimReview; these bounds keep a
// hostile or mistaken request from storing megabytes in one revision.
constexpr std::size_t kMaxSummaryBytes = 4000;
constexpr std::size_t kMaxRationaleBytes = 200000;
constexpr std::size_t kMaxEvidence = 200;

bool Allowed(FactCheckStatus from, FactCheckStatus to) {
  switch (from) {
    case FactCheckStatus::kDraft:
      return to == FactCheckStatus::kDraft || to == FactCheckStatus::kInReview;
    case FactCheckStatus::kInReview:
      return true;
    case FactCheckStatus::kPublished:
      return to == FactCheckStatus::kPublished;
  }
  return false;
}

}  // namespace

absl::Status CheckRevision(const std::optional<FactCheck>& previous, const FactCheck& next,
                           const VerdictScale& scale) {
  if (!next.verdict.empty() && !scale.Contains(next.verdict)) {
    std::string names;
    for (const Verdict& verdict : scale.verdicts()) {
      names += (names.empty() ? "" : ", ") + verdict.name;
    }
    return absl::InvalidArgumentError(
        fmt::format("'{}' is not a verdict; the scale is: {}", next.verdict, names));
  }
  if (next.summary.size() > kMaxSummaryBytes) {
    return absl::InvalidArgumentError(
        fmt::format("the summary has {} bytes; at most {}", next.summary.size(), kMaxSummaryBytes));
  }
  if (next.rationale.size() > kMaxRationaleBytes) {
    return absl::InvalidArgumentError(fmt::format("the rationale has {} bytes; at most {}",
                                                  next.rationale.size(), kMaxRationaleBytes));
  }
  if (next.evidence.size() > kMaxEvidence) {
    return absl::InvalidArgumentError(fmt::format(
        "{} pieces of evidence; at most {}", next.evidence.size(), kMaxEvidence));
  }
  if (!previous.has_value()) {
    if (next.status != FactCheckStatus::kDraft) {
      return absl::FailedPreconditionError(fmt::format(
          "a new fact-check starts as a draft, not {}", FactCheckStatusName(next.status)));
    }
    return absl::OkStatus();
  }
  if (!Allowed(previous->status, next.status)) {
    return absl::FailedPreconditionError(
        previous->status == FactCheckStatus::kPublished
            ? std::string("fact-check is published: it stays published; correct it with a note "
                          "saying what changed")
            : fmt::format("a fact-check cannot go from {} to {}; it goes draft → in-review → "
                          "published",
                          FactCheckStatusName(previous->status),
                          FactCheckStatusName(next.status)));
  }
  if (next.status == FactCheckStatus::kPublished) {
    if (next.verdict.empty() || next.summary.empty() || next.evidence.empty()) {
      return absl::FailedPreconditionError(
          "a published fact-check needs a verdict, a summary and at least one piece of evidence");
    }
    if (previous->status == FactCheckStatus::kPublished && next.change_note.empty()) {
      return absl::FailedPreconditionError(
          "fact-check is published: a change is a correction, and a correction needs a note "
          "saying what was corrected");
    }
  }
  return absl::OkStatus();
}

}  // namespace tw::factcheck
