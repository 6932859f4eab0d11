#include "factcheck/claim.h"

#include <array>
#include <utility>

#include "text/ascii_case.h"

namespace tw::factcheck {
namespace {

constexpr std::array<std::pair<SourceGrade, std::string_view>, 4> kGradeNames = {{
    {SourceGrade::kOfficialRecord, "official-record"},
    {SourceGrade::kWrittenSubmission, "written-submission"},
    {SourceGrade::kWebcast, "webcast"},
    {SourceGrade::kThirdPartyReport, "third-party-report"},
}};

}  // namespace

std::string_view SourceGradeName(SourceGrade grade) {
  for (const auto& [value, name] : kGradeNames) {
    if (value == grade) return name;
  }
  return "official-record";
}

bool ParseSourceGrade(std::string_view name, SourceGrade* grade) {
  for (const auto& [value, known] : kGradeNames) {
    if (text::EqualsIgnoringAsciiCase(name, known)) {
      *grade = value;
      return true;
    }
  }
  return false;
}

}  // namespace tw::factcheck
