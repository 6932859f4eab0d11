#include "audit/rule.h"

#include <array>
#include <utility>

#include "audit/finding.h"

namespace tw::audit {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 5> kSeverityNames{{
    {Severity::kInfo, "info"},
    {Severity::kLow, "low"},
    {Severity::kMedium, "medium"},
    {Severity::kHigh, "high"},
    {Severity::kCritical, "critical"},
}};

}  // namespace

std::string_view SeverityName(Severity severity) {
  for (const auto& [value, name] : kSeverityNames) {
    if (value == severity) return name;
  }
  return "medium";
}

bool ParseSeverity(std::string_view name, Severity* severity) {
  for (const auto& [value, known] : kSeverityNames) {
    if (known == name) {
      *severity = value;
      return true;
    }
  }
  return false;
}

std::string_view ScopeName(Scope scope) {
  switch (scope) {
    case Scope::kProvision: return "provision";
    case Scope::kArticle: return "article";
    case Scope::kReferences: return "references";
  }
  return "provision";
}

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kMet: return "met";
    case Outcome::kMissing: return "missing";
    case Outcome::kViolated: return "violated";
  }
  return "met";
}

const Category* RulePack::FindCategory(std::string_view id) const {
  for (const Category& category : categories) {
    if (category.id == id) return &category;
  }
  return nullptr;
}

const Rule* RulePack::FindRule(std::string_view id) const {
  for (const Rule& rule : rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace tw::audit
