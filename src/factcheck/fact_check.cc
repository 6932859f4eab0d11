#include "factcheck/fact_check.h"

#include <algorithm>
#include <array>
#include <utility>

#include "text/ascii_case.h"

namespace tw::factcheck {
namespace {

constexpr std::array<std::pair<FactCheckStatus, std::string_view>, 3> kStatusNames = {{
    {FactCheckStatus::kDraft, "draft"},
    {FactCheckStatus::kInReview, "in-review"},
    {FactCheckStatus::kPublished, "published"},
}};

}  // namespace

std::string_view FactCheckStatusName(FactCheckStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "draft";
}

bool ParseFactCheckStatus(std::string_view name, FactCheckStatus* status) {
  for (const auto& [value, known] : kStatusNames) {
    if (text::EqualsIgnoringAsciiCase(name, known)) {
      *status = value;
      return true;
    }
  }
  return false;
}

bool NeedsReview(const FactCheck& fact_check) {
  return std::any_of(fact_check.evidence.begin(), fact_check.evidence.end(),
                     [](const Evidence& evidence) { return !AnchorHolds(evidence.status); });
}

std::vector<std::int64_t> ValidAsOf(const FactCheck& fact_check) {
  std::vector<std::int64_t> documents;
  for (const Evidence& evidence : fact_check.evidence) {
    documents.push_back(evidence.checked_against != 0 ? evidence.checked_against
                                                      : evidence.anchor.document_id);
  }
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  return documents;
}

}  // namespace tw::factcheck
