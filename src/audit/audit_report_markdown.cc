#include "audit/audit_report_markdown.h"

#include <algorithm>

#include <fmt/format.h>

#include "audit/audit_report_text.h"
#include "audit/provision_citation.h"
#include "doc/provision.h"

namespace tw::audit {
namespace {

// Backslash-escapes every ASCII punctuation character Markdown could read as syntax; line
// breaks become spaces so a quote stays in its table cell or list item.
std::string MdEscape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (std::string_view("\\`*_{}[]()#+-.!|<>~&\"'").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string RenderAuditMarkdown(const doc::Document& document, const RulePack& pack,
                                const AuditResult& result, const Scorecard& card) {
  const std::string cite = document.CiteName();
  std::string out = fmt::format("# Audit of {}\n\n", MdEscape(cite));
  if (!card.title.empty() && card.title != cite) out += MdEscape(card.title) + "\n\n";
  out += fmt::format("Rule pack: {} (version {}, {} rules).\n\n", MdEscape(pack.title),
                     MdEscape(pack.version), pack.rules.size());

  out += "## Scope\n\n| Category | Articles | Which |\n|---|---:|---|\n";
  for (const CategoryCount& count : card.categories) {
    if (!count.scope) continue;
    out += fmt::format("| {}{} | {} | {} |\n", MdEscape(count.title), count.breadth ? " (breadth)" : "",
                       count.provisions.size(), MdEscape(JoinCitations(count.provisions)));
  }
  if (!card.unclassified.empty()) {
    out += fmt::format("| not classified | {} | {} |\n", card.unclassified.size(),
                       MdEscape(JoinCitations(card.unclassified)));
  }
  out += fmt::format("\nBreadth: **{}** offence articles.\n\nStructure found:\n\n", card.breadth_total);
  for (const CategoryCount& count : card.categories) {
    if (count.scope) continue;
    out += fmt::format("- {}: {}\n", MdEscape(count.title), MdEscape(JoinCitations(count.provisions)));
  }
  out += "\n";

  out += "## Safeguard coverage\n\n| Rule | Topic | Severity | Met | Missing | Violated | Share met |\n"
         "|---|---|---|---:|---:|---:|---:|\n";
  for (const RuleCoverage& rule : card.coverage) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", MdEscape(rule.title),
                       MdEscape(rule.topic), SeverityName(rule.severity), rule.met, rule.missing,
                       rule.violated,
                       rule.selected == 0 ? std::string("—") : fmt::format("{:.0f}%", rule.percent_met()));
  }
  const AgreementProgress& progress = card.progress;
  out += fmt::format(
      "\n## Agreement\n\n{} bracketed passages ({:.1f}% of the text) in {} of {} articles; "
      "{} options in {} articles.\n",
      progress.bracket_spans, progress.bracketed_percent, progress.articles_with_brackets,
      progress.articles, progress.options, progress.articles_with_options);

  std::vector<const Finding*> problems;
  for (const Finding& finding : result.findings) {
    if (finding.outcome != Outcome::kMet) problems.push_back(&finding);
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  out += fmt::format("\n## Problems ({})\n\n", problems.size());
  for (const Finding* finding : problems) {
    const Rule* rule = pack.FindRule(finding->rule_id);
    const doc::Provision* provision = doc::FindProvision(document.root, finding->path);
    out += fmt::format("- **{}** ({}, {}) — {}{}: {}\n", OutcomeName(finding->outcome),
                       SeverityName(finding->severity), MdEscape(finding->rule_id),
                       MdEscape(ProvisionCitation(document.root, finding->path)),
                       provision == nullptr || provision->heading.empty()
                           ? std::string()
                           : " " + MdEscape(provision->heading),
                       MdEscape(rule == nullptr ? finding->rule_id : rule->title));
    for (const Evidence& evidence : finding->evidence) {
      if (!evidence.forbidden) continue;
      out += fmt::format("  - “{}” ({}, {})\n", MdEscape(evidence.quote),
                         MdEscape(ProvisionCitation(document.root, evidence.path)), MdEscape(cite));
    }
    if (!finding->missing.empty()) {
      std::vector<std::string> quoted;
      for (const std::string& pattern : finding->missing) quoted.push_back("“" + MdEscape(pattern) + "”");
      out += fmt::format("  - none of: {}\n", fmt::join(quoted, ", "));
    }
  }

  out += "\n## Met\n\n| Provision | Rule | Evidence |\n|---|---|---|\n";
  for (const Finding& finding : result.findings) {
    if (finding.outcome != Outcome::kMet || !finding.category.empty()) continue;
    std::vector<std::string> quotes;
    for (const Evidence& evidence : finding.evidence) {
      quotes.push_back(fmt::format("“{}” ({})", MdEscape(evidence.quote),
                                   MdEscape(ProvisionCitation(document.root, evidence.path))));
    }
    out += fmt::format("| {} | {} | {} |\n", MdEscape(ProvisionCitation(document.root, finding.path)),
                       MdEscape(finding.rule_id), fmt::join(quotes, "; "));
  }
  if (!result.unmatched_rules.empty()) {
    out += fmt::format("\nRules that selected no provision: {}.\n",
                       MdEscape(fmt::format("{}", fmt::join(result.unmatched_rules, ", "))));
  }
  return out;
}

}  // namespace tw::audit
