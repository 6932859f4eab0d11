#include "audit/audit_trend_html.h"

#include <fmt/format.h>

#include "audit/audit_report_html.h"
#include "audit/audit_report_text.h"
#include "compare/html_page.h"

namespace tw::audit {
namespace {

using compare::Esc;

constexpr std::string_view kTrendStyle = R"css(
.d-better{--fg:#11622a;--bg:#e3f3e6}.d-worse{--fg:#fff;--bg:#b3261e}
.d-added,.d-removed{--fg:#3d4450;--bg:#eceff3}.d-scope-up{--fg:#7a4300;--bg:#fff3df}
.d-scope-down{--fg:#11622a;--bg:#e3f3e6}
.direction{display:inline-block;min-width:5.6rem;text-align:center;font-size:.72rem;font-weight:700;
letter-spacing:.05em;text-transform:uppercase;padding:.12rem .5rem;border-radius:999px;
color:var(--fg);background:var(--bg);border:1px solid currentColor}
.changes{list-style:none;margin:0;padding:0}
.changes>li{padding:.6rem 0;border-bottom:1px solid var(--rule)}
.changes .quote{display:block;margin:.3rem 0 0 1rem}
.changes q{color:var(--muted)}
.delta-worse{color:#8f1d16;font-weight:700}.delta-better{color:#11622a;font-weight:700}
)css";

std::string Cell(const std::string& value, int delta, bool higher_is_better) {
  if (delta == 0) return Esc(value);
  const bool better = (delta > 0) == higher_is_better;
  return fmt::format("{} <span class=\"{}\">({}{})</span>", Esc(value),
                     better ? "delta-better" : "delta-worse", delta > 0 ? "+" : "", delta);
}

}  // namespace

std::string TrendMeasuresHtml(const AuditTrend& trend) {
  std::string out;
  out += "<h2>Measures per draft</h2>\n<table>\n<thead><tr><th scope=\"col\">Measure</th>";
  for (const Scorecard& card : trend.scorecards) {
    out += fmt::format("<th scope=\"col\" class=\"num\">{}</th>", Esc(card.cite));
  }
  out += "</tr></thead>\n<tbody>\n";
  auto row = [&](std::string_view label, auto value_of, bool higher_is_better) {
    out += fmt::format("<tr><th scope=\"row\">{}</th>", Esc(label));
    int previous = 0;
    for (std::size_t i = 0; i < trend.scorecards.size(); ++i) {
      const auto [text, number] = value_of(trend.scorecards[i]);
      out += fmt::format("<td class=\"num\">{}</td>",
                         i == 0 ? Esc(text) : Cell(text, number - previous, higher_is_better));
      previous = number;
    }
    out += "</tr>\n";
  };
  row("Offence articles (breadth)", [](const Scorecard& card) {
    return std::pair{std::to_string(card.breadth_total), card.breadth_total};
  }, false);
  if (!trend.scorecards.empty()) {
    for (const CategoryCount& count : trend.scorecards.front().categories) {
      if (!count.breadth) continue;
      row(" — " + count.title, [&count](const Scorecard& card) {
        for (const CategoryCount& other : card.categories) {
          if (other.category == count.category) {
            const int n = static_cast<int>(other.provisions.size());
            return std::pair{std::to_string(n), n};
          }
        }
        return std::pair{std::string("0"), 0};
      }, false);
    }
    for (const RuleCoverage& rule : trend.scorecards.front().coverage) {
      row(rule.title, [&rule](const Scorecard& card) {
        for (const RuleCoverage& other : card.coverage) {
          if (other.rule_id != rule.rule_id || other.selected == 0) continue;
          return std::pair{fmt::format("{}/{}", other.met, other.selected),
                           static_cast<int>(other.percent_met())};
        }
        return std::pair{std::string("—"), 0};
      }, true);
    }
  }
  row("Bracketed passages", [](const Scorecard& card) {
    return std::pair{std::to_string(card.progress.bracket_spans), card.progress.bracket_spans};
  }, false);
  row("Options", [](const Scorecard& card) {
    return std::pair{std::to_string(card.progress.options), card.progress.options};
  }, false);
  row("Violated findings", [](const Scorecard& card) {
    return std::pair{std::to_string(card.violated), card.violated};
  }, false);
  row("Missing findings", [](const Scorecard& card) {
    return std::pair{std::to_string(card.missing), card.missing};
  }, false);
  out += "</tbody>\n</table>\n<p class=\"sev\">Coverage cells: provisions meeting the rule / "
         "provisions it applies to; the change in brackets is in percentage points.</p>\n";

  return out;
}

std::string TrendStepsHtml(const AuditTrend& trend, const RulePack& pack) {
  std::string out;
  for (const TrendStep& step : trend.steps) {
    out += fmt::format("<h2>{} → {}</h2>\n<p>{} better, {} worse.</p>\n",
                       Esc(step.old_cite), Esc(step.new_cite), step.better, step.worse);
    if (!step.agreed.empty() || !step.disputed.empty()) {
      out += "<dl class=\"facts\">\n";
      if (!step.agreed.empty()) {
        out += fmt::format("<div><dt>Brackets lifted (agreed)</dt><dd>{}</dd></div>\n",
                           Esc(JoinCitations(step.agreed)));
      }
      if (!step.disputed.empty()) {
        out += fmt::format("<div><dt>Bracketed again</dt><dd>{}</dd></div>\n",
                           Esc(JoinCitations(step.disputed)));
      }
      out += "</dl>\n";
    }
    out += "<ul class=\"changes\">\n";
    for (const TrendChange& change : step.changes) {
      const Rule* rule = pack.FindRule(change.rule_id);
      if (rule != nullptr && rule->topic == kProgressTopic) continue;
      std::string where = change.new_citation.empty() ? change.old_citation : change.new_citation;
      if (!change.old_citation.empty() && !change.new_citation.empty() &&
          change.old_citation != change.new_citation) {
        where = fmt::format("{} (was {})", change.new_citation, change.old_citation);
      }
      if (!change.heading.empty()) where += " " + change.heading;
      std::string badge, what;
      if (!change.category.empty()) {
        const Category* category = pack.FindCategory(change.category);
        if (category == nullptr || !category->breadth) continue;
        const bool added = change.direction == TrendDirection::kAdded;
        badge = fmt::format("<span class=\"direction {}\">{}</span>",
                            added ? "d-scope-up" : "d-scope-down", added ? "scope +" : "scope −");
        what = fmt::format("{} {}", added ? "now" : "no longer", category->title);
      } else {
        if ((change.direction == TrendDirection::kAdded && change.after == Outcome::kMet) ||
            (change.direction == TrendDirection::kRemoved && change.before == Outcome::kMet)) {
          continue;
        }
        badge = fmt::format("<span class=\"direction d-{0}\">{0}</span>",
                            TrendDirectionName(change.direction));
        what = rule == nullptr ? change.rule_id : rule->title;
        if (change.before && change.after) {
          what += fmt::format(" ({} → {})", OutcomeName(*change.before), OutcomeName(*change.after));
        } else if (change.after) {
          what += fmt::format(" ({})", OutcomeName(*change.after));
        } else if (change.before) {
          what += fmt::format(" (was {})", OutcomeName(*change.before));
        }
      }
      out += fmt::format("<li>{} <span class=\"sev sev-{}\">{}</span> <strong>{}</strong>: {}",
                         badge, SeverityName(change.severity), SeverityName(change.severity),
                         Esc(where), Esc(what));
      for (std::size_t k = 0; k < change.evidence.size(); ++k) {
        if (!change.category.empty() && k > 0) break;
        out += fmt::format("<span class=\"quote\"><q>{}</q> <span class=\"where\">{}</span></span>",
                           Esc(change.evidence[k].quote), Esc(change.evidence_citations[k]));
      }
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  return out;
}

std::string RenderAuditTrendHtml(const AuditTrend& trend, const RulePack& pack) {
  std::string title = "Audit trend";
  if (!trend.scorecards.empty()) {
    title += fmt::format(": {} to {}", trend.scorecards.front().cite, trend.scorecards.back().cite);
  }
  std::string style(AuditReportStyle());
  style += kTrendStyle;
  std::string out = compare::HtmlPageStart(title, "measures", "Skip to the measures", style);
  out += fmt::format("<header>\n<p class=\"eyebrow\">treatywatch audit trend</p>\n<h1>{}</h1>\n"
                     "<p class=\"lede\">{} drafts audited with the {} rule pack; articles followed "
                     "{}.</p>\n</header>\n<main id=\"measures\">\n",
                     Esc(title), trend.scorecards.size(), Esc(pack.title),
                     trend.alignment == TrendAlignment::kContent
                         ? "by their words, across renumbering, moves, splits and joins"
                         : "by their numbers");

  out += TrendMeasuresHtml(trend);
  out += TrendStepsHtml(trend, pack);
  out += compare::HtmlPageEnd("Audit trend by treatywatch. Outcomes: met, missing, violated; "
                              "better and worse compare each article with its counterpart in the "
                              "previous draft.");
  return out;
}

}  // namespace tw::audit
