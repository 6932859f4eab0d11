#include "audit/audit_report_text.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "audit/provision_citation.h"
#include "doc/provision.h"
#include "text/text_clip.h"

namespace tw::audit {
namespace {

constexpr std::size_t kQuoteBytes = 160;

class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  std::string Bold(std::string_view text) const { return Wrap("1", text); }
  std::string Dim(std::string_view text) const { return Wrap("2", text); }
  std::string Red(std::string_view text) const { return Wrap("31", text); }
  std::string Yellow(std::string_view text) const { return Wrap("33", text); }
  std::string Green(std::string_view text) const { return Wrap("32", text); }

 private:
  std::string Wrap(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  bool color_;
};

std::string Percent(double value) { return fmt::format("{:.0f}%", value); }

// "Art. 5" → "5"; anything else unchanged. Lists of articles read "Arts. 5, 6 and 9".
std::string NumberOf(const std::string& citation) {
  constexpr std::string_view kArt = "Art. ";
  if (citation.rfind(kArt, 0) == 0) return citation.substr(kArt.size());
  return citation;
}

std::string OneLine(std::string_view text) {
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return std::string(text::ClipUtf8(line, kQuoteBytes));
}

std::string OutcomeLabel(const Style& style, Outcome outcome) {
  switch (outcome) {
    case Outcome::kViolated: return style.Red("VIOLATED");
    case Outcome::kMissing: return style.Yellow("MISSING ");
    case Outcome::kMet: return style.Green("met     ");
  }
  return "";
}

}  // namespace

std::string JoinCitations(const std::vector<ScorecardArticle>& articles) {
  if (articles.empty()) return "none";
  bool all_articles = std::ranges::all_of(articles, [](const ScorecardArticle& article) {
    return article.citation.rfind("Art. ", 0) == 0;
  });
  std::string joined;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const std::string item = all_articles ? NumberOf(articles[i].citation) : articles[i].citation;
    if (i > 0) joined += i + 1 == articles.size() ? " and " : ", ";
    joined += item;
  }
  if (!all_articles) return joined;
  return (articles.size() == 1 ? "Art. " : "Arts. ") + joined;
}

std::string RenderScorecardText(const Scorecard& card, const AuditTextOptions& options) {
  const Style style(options.color);
  std::string out;
  out += style.Bold(fmt::format("Scorecard: {}", card.cite));
  if (!card.title.empty() && card.title != card.cite) out += " — " + card.title;
  if (!card.date.empty()) out += fmt::format(" ({})", card.date);
  out += "\n";

  out += fmt::format("  Breadth: {} offence article{}", card.breadth_total,
                     card.breadth_total == 1 ? "" : "s");
  std::vector<std::string> parts;
  for (const CategoryCount& count : card.categories) {
    if (count.breadth) parts.push_back(fmt::format("{} {}", count.provisions.size(), count.category));
  }
  if (!parts.empty()) out += " — " + fmt::format("{}", fmt::join(parts, ", "));
  out += "\n";
  std::size_t width = 14;  // "not classified"
  for (const CategoryCount& count : card.categories) width = std::max(width, count.title.size());
  for (const CategoryCount& count : card.categories) {
    if (count.provisions.empty() || !count.scope) continue;
    out += fmt::format("    {:<{}} {:>3}  {}\n", count.title, width, count.provisions.size(),
                       JoinCitations(count.provisions));
  }
  if (!card.unclassified.empty()) {
    out += style.Yellow(fmt::format("    {:<{}} {:>3}  {}", "not classified", width,
                                    card.unclassified.size(), JoinCitations(card.unclassified)));
    out += "\n";
  }
  out += "  Structure found:\n";
  for (const CategoryCount& count : card.categories) {
    if (count.scope) continue;
    out += fmt::format("    {:<{}} {:>3}  {}\n", count.title, width, count.provisions.size(),
                       JoinCitations(count.provisions));
  }

  std::map<std::string, std::vector<const RuleCoverage*>> by_topic;
  std::vector<std::string> topics;
  for (const RuleCoverage& rule : card.coverage) {
    if (by_topic[rule.topic].empty()) topics.push_back(rule.topic);
    by_topic[rule.topic].push_back(&rule);
  }
  out += "  Coverage (provisions meeting each rule):\n";
  for (const std::string& topic : topics) {
    out += fmt::format("    {}\n", style.Dim(topic));
    for (const RuleCoverage* rule : by_topic[topic]) {
      if (rule->selected == 0) {
        out += fmt::format("      {:>4}  {:<9} {} {}\n", "—", SeverityName(rule->severity),
                           rule->title, style.Dim("(no provision selected)"));
        continue;
      }
      std::string share = fmt::format("{:>4}", Percent(rule->percent_met()));
      if (rule->violated > 0) share = style.Red(share);
      else if (rule->missing > 0) share = style.Yellow(share);
      else share = style.Green(share);
      out += fmt::format("      {}  {:<9} {} ({}/{}", share, SeverityName(rule->severity),
                         rule->title, rule->met, rule->selected);
      if (rule->violated > 0) out += fmt::format(", {} violated", rule->violated);
      out += ")\n";
    }
  }
  const AgreementProgress& progress = card.progress;
  out += fmt::format(
      "  Agreement: {} bracketed passage{} ({:.1f}% of the text) in {} of {} articles; "
      "{} option{} in {} article{}\n",
      progress.bracket_spans, progress.bracket_spans == 1 ? "" : "s", progress.bracketed_percent,
      progress.articles_with_brackets, progress.articles, progress.options,
      progress.options == 1 ? "" : "s", progress.articles_with_options,
      progress.articles_with_options == 1 ? "" : "s");
  out += fmt::format("  Findings: {} violated, {} missing, {} met\n", card.violated, card.missing,
                     card.met);
  return out;
}

std::string RenderAuditText(const doc::Document& document, const RulePack& pack,
                            const AuditResult& result, const Scorecard& card,
                            const AuditTextOptions& options) {
  const Style style(options.color);
  std::string out = RenderScorecardText(card, options);
  if (options.scorecard_only) return out;

  std::vector<const Finding*> problems;
  for (const Finding& finding : result.findings) {
    if (finding.outcome != Outcome::kMet) problems.push_back(&finding);
  }
  std::stable_sort(problems.begin(), problems.end(), [](const Finding* a, const Finding* b) {
    return a->severity > b->severity;
  });
  if (!problems.empty()) out += "\n" + style.Bold("Problems, gravest first") + "\n";
  for (const Finding* finding : problems) {
    const Rule* rule = pack.FindRule(finding->rule_id);
    const doc::Provision* provision = doc::FindProvision(document.root, finding->path);
    std::string where = ProvisionCitation(document.root, finding->path);
    if (provision != nullptr && !provision->heading.empty()) where += " " + provision->heading;
    out += fmt::format("  {} {:<8} {}: {}\n", OutcomeLabel(style, finding->outcome),
                       SeverityName(finding->severity), where,
                       rule == nullptr ? finding->rule_id : rule->title);
    for (const Evidence& evidence : finding->evidence) {
      if (!evidence.forbidden) continue;
      out += fmt::format("             “{}” — {}\n", OneLine(evidence.quote),
                         ProvisionCitation(document.root, evidence.path));
    }
    if (finding->outcome == Outcome::kMissing && !finding->missing.empty()) {
      std::vector<std::string> quoted;
      for (const std::string& pattern : finding->missing) quoted.push_back("“" + pattern + "”");
      out += style.Dim(fmt::format("             none of: {}", fmt::join(quoted, ", "))) + "\n";
    }
    out += style.Dim(fmt::format("             rule {}", finding->rule_id)) + "\n";
  }
  // A requirement met only by words still in square brackets is met today and may be gone
  // tomorrow: the analyst should watch it.
  bool heading_written = false;
  for (const Finding& finding : result.findings) {
    if (finding.outcome != Outcome::kMet || !finding.category.empty() || finding.evidence.empty()) {
      continue;
    }
    const bool all_bracketed = std::ranges::all_of(
        finding.evidence, [](const Evidence& evidence) { return evidence.bracketed; });
    if (!all_bracketed) continue;
    if (!heading_written) {
      out += "\n" + style.Bold("Met only by words still in square brackets") + "\n";
      heading_written = true;
    }
    const Rule* rule = pack.FindRule(finding.rule_id);
    out += fmt::format("  {:<8} {}: {}\n", SeverityName(finding.severity),
                       ProvisionCitation(document.root, finding.path),
                       rule == nullptr ? finding.rule_id : rule->title);
    for (const Evidence& evidence : finding.evidence) {
      out += fmt::format("             “{}” — {}\n", OneLine(evidence.quote),
                         ProvisionCitation(document.root, evidence.path));
    }
  }
  if (!result.unmatched_rules.empty()) {
    out += "\n" + style.Dim(fmt::format("Rules that selected no provision: {}",
                                        fmt::join(result.unmatched_rules, ", "))) + "\n";
  }
  return out;
}

std::string RenderAuditTrendText(const AuditTrend& trend, const RulePack& pack,
                                 const AuditTextOptions& options) {
  const Style style(options.color);
  std::string out = style.Bold("Drafts") + "\n";
  for (std::size_t i = 0; i < trend.scorecards.size(); ++i) {
    const Scorecard& card = trend.scorecards[i];
    out += fmt::format("  {}. {}", i + 1, card.cite);
    if (!card.date.empty()) out += fmt::format(" ({})", card.date);
    if (!card.title.empty() && card.title != card.cite) out += " — " + card.title;
    out += "\n";
  }
  out += "\n";

  out += style.Bold("Trend") + fmt::format(" (articles followed by {})\n",
                                           trend.alignment == TrendAlignment::kContent
                                               ? "content, across renumbering and moves"
                                               : "number");
  out += fmt::format("  {:<46}", "");
  for (const Scorecard& card : trend.scorecards) out += fmt::format(" {:>16}", text::ClipUtf8(card.cite, 16));
  out += "\n";
  auto row = [&](std::string_view label, auto value) {
    out += fmt::format("  {:<46}", label);
    for (const Scorecard& card : trend.scorecards) out += fmt::format(" {:>16}", value(card));
    out += "\n";
  };
  row("offence articles (breadth)", [](const Scorecard& card) { return std::to_string(card.breadth_total); });
  if (!trend.scorecards.empty()) {
    for (const CategoryCount& count : trend.scorecards.front().categories) {
      if (!count.breadth) continue;
      row("  " + count.category, [&count](const Scorecard& card) {
        for (const CategoryCount& other : card.categories) {
          if (other.category == count.category) return std::to_string(other.provisions.size());
        }
        return std::string("0");
      });
    }
    for (const RuleCoverage& rule : trend.scorecards.front().coverage) {
      if (rule.topic != "safeguards" && rule.topic != "cooperation") continue;
      row(text::ClipUtf8(rule.title, 46), [&rule](const Scorecard& card) {
        for (const RuleCoverage& other : card.coverage) {
          if (other.rule_id != rule.rule_id) continue;
          if (other.selected == 0) return std::string("—");
          return fmt::format("{}/{} {}", other.met, other.selected, Percent(other.percent_met()));
        }
        return std::string("—");
      });
    }
  }
  row("bracketed passages", [](const Scorecard& card) { return std::to_string(card.progress.bracket_spans); });
  row("options", [](const Scorecard& card) { return std::to_string(card.progress.options); });
  row("violated / missing", [](const Scorecard& card) {
    return fmt::format("{} / {}", card.violated, card.missing);
  });

  for (const TrendStep& step : trend.steps) {
    out += "\n" + style.Bold(fmt::format("{} → {}", step.old_cite, step.new_cite)) +
           fmt::format(": {} better, {} worse\n", step.better, step.worse);
    if (!step.agreed.empty()) {
      out += fmt::format("  {} {}\n", style.Green("agreed "), JoinCitations(step.agreed));
    }
    if (!step.disputed.empty()) {
      out += fmt::format("  {} {}\n", style.Red("bracketed again "), JoinCitations(step.disputed));
    }
    for (const TrendChange& change : step.changes) {
      const Rule* rule = pack.FindRule(change.rule_id);
      if (rule != nullptr && rule->topic == kProgressTopic) continue;
      const std::string title = rule == nullptr ? change.rule_id : rule->title;
      std::string where = change.new_citation.empty() ? change.old_citation : change.new_citation;
      if (!change.old_citation.empty() && !change.new_citation.empty() &&
          change.old_citation != change.new_citation) {
        where = fmt::format("{} (was {})", change.new_citation, change.old_citation);
      }
      if (!change.heading.empty()) where += " " + change.heading;
      if (!change.category.empty()) {
        const Category* category = pack.FindCategory(change.category);
        const std::string name = category == nullptr ? change.category : category->title;
        const bool breadth = category != nullptr && category->breadth;
        if (!breadth) continue;  // structural categories (power, cooperation) are noise here
        out += fmt::format("  {} {}: {} {}\n",
                           change.direction == TrendDirection::kAdded ? style.Red("scope +")
                                                                      : style.Green("scope −"),
                           where, change.direction == TrendDirection::kAdded ? "now" : "no longer",
                           name);
        continue;
      }
      std::string label;
      switch (change.direction) {
        case TrendDirection::kBetter: label = style.Green("better "); break;
        case TrendDirection::kWorse: label = style.Red("worse  "); break;
        case TrendDirection::kAdded: label = "new    "; break;
        case TrendDirection::kRemoved: label = style.Dim("gone   "); break;
      }
      if ((change.direction == TrendDirection::kAdded || change.direction == TrendDirection::kRemoved) &&
          ((change.after && *change.after == Outcome::kMet) ||
           (change.before && *change.before == Outcome::kMet))) {
        continue;  // a new or deleted article that met a rule tells nothing about the rule
      }
      std::string outcomes;
      if (change.before && change.after) {
        outcomes = fmt::format(" ({} → {})", OutcomeName(*change.before), OutcomeName(*change.after));
      } else if (change.after) {
        outcomes = fmt::format(" ({})", OutcomeName(*change.after));
      } else if (change.before) {
        outcomes = fmt::format(" (was {})", OutcomeName(*change.before));
      }
      out += fmt::format("  {} {:<8} {}: {}{}\n", label, SeverityName(change.severity), where,
                         title, outcomes);
    }
  }
  return out;
}

}  // namespace tw::audit
