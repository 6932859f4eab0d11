#include "audit/audit_report_html.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "audit/audit_heatmap.h"
#include "audit/audit_report_text.h"
#include "compare/html_page.h"
#include "audit/provision_citation.h"
#include "doc/provision.h"

namespace tw::audit {
namespace {

using compare::Esc;

// Outcome colours meet WCAG AA for the symbol on its cell (met #11622a on #e3f3e6 6.3:1,
// missing #7a4300 on #fff3df 7.4:1, violated #fff on #b3261e 6.5:1); each cell also carries a
// symbol and an accessible name, so the heatmap reads in greyscale and with a screen reader.
constexpr std::string_view kAuditStyle = R"css(
.o-met{--fg:#11622a;--bg:#e3f3e6}.o-missing{--fg:#7a4300;--bg:#fff3df}
.o-violated{--fg:#fff;--bg:#b3261e}
.outcome{display:inline-block;min-width:5.6rem;text-align:center;font-size:.72rem;font-weight:700;
letter-spacing:.05em;text-transform:uppercase;padding:.12rem .5rem;border-radius:999px;
color:var(--fg);background:var(--bg);border:1px solid var(--fg)}
.o-violated.outcome{border-color:#b3261e}
.sev{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.sev-critical,.sev-high{color:#8f1d16;font-weight:700}
.bar{display:inline-block;width:7rem;height:.6rem;background:#eceff3;border-radius:3px;
vertical-align:middle;margin-right:.4rem;overflow:hidden}
.bar span{display:block;height:100%;background:#2f8f4e}
.heat-wrap{overflow-x:auto;border:1px solid var(--rule);border-radius:6px}
.heat{font-size:.8rem;width:auto;min-width:100%}
.heat th,.heat td{padding:.15rem .12rem;border:1px solid #fff;text-align:center}
.heat thead th{font-size:.7rem;letter-spacing:0;text-transform:none;vertical-align:bottom}
.heat tbody th{text-align:left;white-space:nowrap;font-weight:500;position:sticky;left:0;
background:#fff}
.heat td a{display:block;min-width:1.3rem;color:var(--fg);background:var(--bg);
text-decoration:none;border-radius:2px;font-weight:700}
.heat td.none{background:var(--soft)}
.rule-key{columns:2 20rem;column-gap:2rem;font-size:.85rem;padding-left:2rem}
.rule-key li{break-inside:avoid}
.article{margin:1.6rem 0;border:1px solid var(--rule);border-radius:6px;padding:1rem 1.2rem;
scroll-margin-top:1rem}
.finding{margin:.9rem 0 0;padding:.7rem 0 0;border-top:1px solid var(--rule);scroll-margin-top:1rem}
.finding header{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:baseline}
.finding blockquote{margin:.5rem 0 0;padding:.4rem .9rem;border-left:3px solid var(--rule);
font-family:Georgia,"Times New Roman","Liberation Serif","DejaVu Serif",serif}
.finding blockquote.forbidden{border-left-color:#b3261e}
.finding cite{display:block;font-style:normal;font-size:.82rem;color:var(--muted);
font-family:system-ui,sans-serif}
.finding details{margin-top:.4rem;font-size:.88rem;color:var(--muted)}
.finding .missing{margin:.4rem 0 0}
.cats{margin:.3rem 0 0;font-size:.85rem;color:var(--muted)}
@media print{.heat-wrap{overflow:visible}.heat tbody th{position:static}}
)css";

std::string FindingAnchor(std::size_t index) { return fmt::format("f{}", index + 1); }

std::string OutcomeSymbol(Outcome outcome) {
  switch (outcome) {
    case Outcome::kMet: return "✓";
    case Outcome::kMissing: return "?";
    case Outcome::kViolated: return "✗";
  }
  return "";
}

std::string OutcomeBadge(Outcome outcome) {
  return fmt::format("<span class=\"outcome o-{0}\">{0}</span>", OutcomeName(outcome));
}

std::string UnitTitle(const doc::Document& document, const std::string& unit) {
  if (unit.empty()) return "The whole text";
  std::string title = ProvisionCitation(document.root, unit);
  if (const doc::Provision* provision = doc::FindProvision(document.root, unit)) {
    if (!provision->heading.empty()) title += " " + provision->heading;
  }
  return title;
}

}  // namespace

std::string_view AuditReportStyle() { return kAuditStyle; }

std::string ScorecardHtml(const Scorecard& card) {
  std::string out;
  out += "<h3>Scope</h3>\n<table>\n<thead><tr><th scope=\"col\">Category</th>"
         "<th scope=\"col\" class=\"num\">Articles</th><th scope=\"col\">Which</th></tr></thead>\n"
         "<tbody>\n";
  for (const CategoryCount& count : card.categories) {
    if (!count.scope) continue;
    out += fmt::format("<tr><th scope=\"row\">{}{}</th><td class=\"num\">{}</td><td>{}</td></tr>\n",
                       Esc(count.title), count.breadth ? " <span class=\"sev\">breadth</span>" : "",
                       count.provisions.size(), Esc(JoinCitations(count.provisions)));
  }
  if (!card.unclassified.empty()) {
    out += fmt::format("<tr><th scope=\"row\">Not classified</th><td class=\"num\">{}</td>"
                       "<td>{}</td></tr>\n",
                       card.unclassified.size(), Esc(JoinCitations(card.unclassified)));
  }
  out += fmt::format("</tbody>\n<tfoot><tr><th scope=\"row\">Breadth (offence articles)</th>"
                     "<td class=\"num\"><strong>{}</strong></td><td></td></tr></tfoot>\n</table>\n",
                     card.breadth_total);
  out += "<h3>Structure found</h3>\n<dl class=\"facts\">\n";
  for (const CategoryCount& count : card.categories) {
    if (count.scope) continue;
    out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", Esc(count.title),
                       Esc(JoinCitations(count.provisions)));
  }
  out += "</dl>\n";

  out += "<h3>Safeguard coverage</h3>\n<table>\n<thead><tr><th scope=\"col\">Rule</th>"
         "<th scope=\"col\">Severity</th><th scope=\"col\">Provisions meeting it</th>"
         "<th scope=\"col\" class=\"num\">Missing</th><th scope=\"col\" class=\"num\">Violated</th>"
         "</tr></thead>\n<tbody>\n";
  for (const RuleCoverage& rule : card.coverage) {
    std::string share = "<span class=\"sev\">no provision selected</span>";
    if (rule.selected > 0) {
      share = fmt::format("<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:{:.0f}%\">"
                          "</span></span>{}/{} ({:.0f}%)",
                          rule.percent_met(), rule.met, rule.selected, rule.percent_met());
    }
    out += fmt::format(
        "<tr><th scope=\"row\">{} <span class=\"sev\">{}</span></th><td class=\"sev sev-{}\">{}</td>"
        "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        Esc(rule.title), Esc(rule.topic), SeverityName(rule.severity), SeverityName(rule.severity),
        share, rule.missing, rule.violated);
  }
  out += "</tbody>\n</table>\n";
  const AgreementProgress& progress = card.progress;
  out += fmt::format(
      "<h3>Agreement</h3>\n<p>{} bracketed passages ({:.1f}% of the text) in {} of {} articles; "
      "{} options in {} articles.</p>\n",
      progress.bracket_spans, progress.bracketed_percent, progress.articles_with_brackets,
      progress.articles, progress.options, progress.articles_with_options);
  return out;
}

std::string RenderAuditHtml(const doc::Document& document, const RulePack& pack,
                            const AuditResult& result, const Scorecard& card) {
  const std::string cite = document.CiteName();
  std::string out = compare::HtmlPageStart(fmt::format("Audit of {}", cite), "scorecard",
                                           "Skip to the scorecard", kAuditStyle);
  out += "<header>\n<p class=\"eyebrow\">treatywatch audit</p>\n";
  out += fmt::format("<h1>{}</h1>\n", Esc(card.title.empty() || card.title == cite
                                              ? cite
                                              : cite + " — " + card.title));
  out += "<table class=\"documents\">\n<tbody>\n";
  out += fmt::format("<tr><th scope=\"row\">Document</th><td>{}{}</td></tr>\n", Esc(cite),
                     card.date.empty() ? std::string() : ", " + Esc(card.date));
  out += fmt::format("<tr><th scope=\"row\">Rule pack</th><td>{} (version {}, {} rules)</td></tr>\n",
                     Esc(pack.title), Esc(pack.version), pack.rules.size());
  out += "</tbody>\n</table>\n";
  std::vector<std::string> breadth;
  for (const CategoryCount& count : card.categories) {
    if (count.breadth) breadth.push_back(fmt::format("{} {}", count.provisions.size(), count.title));
  }
  out += fmt::format(
      "<p class=\"lede\">{} offence articles ({}). {} findings violated and {} missing; {} met. "
      "{} bracketed passages remain.</p>\n</header>\n<main id=\"scorecard\">\n",
      card.breadth_total, Esc(fmt::format("{}", fmt::join(breadth, ", "))), card.violated,
      card.missing, card.met, card.progress.bracket_spans);

  out += "<h2>Scorecard</h2>\n" + ScorecardHtml(card);

  // Heatmap: articles (rows, document order) × check rules (columns, pack order).
  const AuditHeatmap heatmap = MakeAuditHeatmap(document, pack, result);
  const std::vector<const Rule*>& columns = heatmap.columns;
  const std::vector<std::string>& units = heatmap.units;
  out += "<h2 id=\"heatmap\">Heatmap</h2>\n<p>Rows are articles, columns are rules (numbered as in "
         "the key below). ✓ met, ? missing, ✗ violated; a blank cell means the rule does not "
         "apply there. Each mark links to its finding.</p>\n";
  out += "<div class=\"heat-wrap\">\n<table class=\"heat\">\n<thead><tr><th scope=\"col\">Article</th>";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out += fmt::format("<th scope=\"col\"><abbr title=\"{}\">R{}</abbr></th>", Esc(columns[c]->title), c + 1);
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const HeatmapRow& row : heatmap.rows) {
    out += fmt::format("<tr><th scope=\"row\">{}</th>",
                       Esc(row.unit.empty() ? "Whole text" : ProvisionCitation(document.root, row.unit)));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!row.cells[c]) {
        out += "<td class=\"none\"></td>";
        continue;
      }
      const Finding& finding = result.findings[row.cells[c]->finding];
      out += fmt::format("<td class=\"o-{0}\"><a href=\"#{1}\" aria-label=\"{2}: {0}\">{3}</a></td>",
                         OutcomeName(finding.outcome), FindingAnchor(row.cells[c]->finding),
                         Esc(columns[c]->title), OutcomeSymbol(finding.outcome));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n<ol class=\"rule-key\">\n";
  for (const Rule* rule : columns) {
    out += fmt::format("<li>{} <span class=\"sev sev-{}\">{}</span></li>\n", Esc(rule->title),
                       SeverityName(rule->severity), SeverityName(rule->severity));
  }
  out += "</ol>\n";

  out += "<h2 id=\"findings\">Findings by article</h2>\n";
  for (const std::string& unit : units) {
    const std::vector<std::size_t>& indices = heatmap.findings_by_unit.at(unit);
    out += fmt::format("<section class=\"article\" id=\"u-{}\" aria-labelledby=\"h-{}\">\n"
                       "<h3 id=\"h-{}\">{}</h3>\n",
                       Esc(unit.empty() ? "document" : unit), Esc(unit.empty() ? "document" : unit),
                       Esc(unit.empty() ? "document" : unit), Esc(UnitTitle(document, unit)));
    std::vector<std::string> categories;
    for (std::size_t index : indices) {
      const Finding& finding = result.findings[index];
      if (finding.category.empty()) continue;
      const Category* category = pack.FindCategory(finding.category);
      categories.push_back(category == nullptr ? finding.category : category->title);
    }
    if (!categories.empty()) {
      out += fmt::format("<p class=\"cats\">Classified as: {}</p>\n",
                         Esc(fmt::format("{}", fmt::join(categories, "; "))));
    }
    for (std::size_t index : indices) {
      const Finding& finding = result.findings[index];
      if (!finding.category.empty()) continue;
      const Rule* rule = pack.FindRule(finding.rule_id);
      out += fmt::format("<article class=\"finding\" id=\"{}\">\n<header>{} <span class=\"sev "
                         "sev-{}\">{}</span> <strong>{}</strong>",
                         FindingAnchor(index), OutcomeBadge(finding.outcome),
                         SeverityName(finding.severity), SeverityName(finding.severity),
                         Esc(rule == nullptr ? finding.rule_id : rule->title));
      if (finding.path != unit) {
        out += fmt::format(" <span class=\"where\">{}</span>", Esc(ProvisionCitation(document.root, finding.path)));
      }
      out += "</header>\n";
      for (const Evidence& evidence : finding.evidence) {
        out += fmt::format("<blockquote{}><q>{}</q><cite>{}{}{}, {}</cite></blockquote>\n",
                           evidence.forbidden ? " class=\"forbidden\"" : "", Esc(evidence.quote),
                           evidence.forbidden ? "Forbidden words — " : "",
                           evidence.bracketed ? "In square brackets, not agreed — " : "",
                           Esc(ProvisionCitation(document.root, evidence.path)), Esc(cite));
      }
      if (!finding.missing.empty()) {
        std::vector<std::string> quoted;
        for (const std::string& pattern : finding.missing) quoted.push_back("“" + pattern + "”");
        out += fmt::format("<p class=\"missing\">Not found: {}</p>\n",
                           Esc(fmt::format("{}", fmt::join(quoted, ", "))));
      }
      if (rule != nullptr) {
        out += fmt::format("<details><summary>Why this rule ({})</summary><p>{}</p>", Esc(rule->id),
                           Esc(rule->rationale));
        if (!rule->sources.empty()) {
          out += fmt::format("<p>Sources: {}</p>", Esc(fmt::format("{}", fmt::join(rule->sources, "; "))));
        }
        out += "</details>\n";
      }
      out += "</article>\n";
    }
    out += "</section>\n";
  }
  if (!result.unmatched_rules.empty()) {
    out += fmt::format("<h2>Rules that did not apply</h2>\n<p>These rules selected no provision of "
                       "this text: {}.</p>\n",
                       Esc(fmt::format("{}", fmt::join(result.unmatched_rules, ", "))));
  }
  out += compare::HtmlPageEnd(fmt::format("Audit of {} with the {} rule pack, by treatywatch. "
                                          "Evidence quotes are the exact words of the text.",
                                          cite, pack.name));
  return out;
}

}  // namespace tw::audit
