#include "compare/report_crosswalk_html.h"

#include <fmt/format.h>

#include "compare/html_page.h"
#include "compare/redline_lines.h"
#include "compare/report_wording.h"

namespace tw::compare {
namespace {

std::string EntryId(std::size_t index) { return fmt::format("a{}", index + 1); }

std::string Title(const CrosswalkEntry& entry) {
  return entry.heading.empty() ? entry.citation : entry.citation + " " + entry.heading;
}

void AppendTable(const Crosswalk& crosswalk, std::string& out) {
  out += fmt::format(
      "<section aria-labelledby=\"table-title\">\n<h2 id=\"table-title\">Correspondence</h2>\n"
      "<table>\n<caption>Each provision of {} with the provisions of {} that say the most of the "
      "same words (similarity: the share of each found in the other, the smaller of the two)."
      "</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\" class=\"num\">Similarity</th></tr></thead>\n<tbody>\n",
      Esc(ShortName(crosswalk.a)), Esc(ShortName(crosswalk.b)), Esc(ShortName(crosswalk.a)),
      Esc(ShortName(crosswalk.b)));
  for (std::size_t k = 0; k < crosswalk.entries.size(); ++k) {
    const CrosswalkEntry& entry = crosswalk.entries[k];
    const std::string a_cell = entry.matches.empty()
                                   ? Esc(Title(entry))
                                   : fmt::format("<a href=\"#{}\">{}</a>", EntryId(k), Esc(Title(entry)));
    if (entry.matches.empty()) {
      out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"where\">no counterpart</td>"
                         "<td class=\"num\">\u2013</td></tr>\n",
                         a_cell);
      continue;
    }
    std::string b_cell;
    std::string similarity;
    for (const CrosswalkMatch& match : entry.matches) {
      if (!b_cell.empty()) {
        b_cell += "<br>";
        similarity += "<br>";
      }
      b_cell += Esc(match.heading.empty() ? match.citation : match.citation + " " + match.heading);
      similarity += Percent(match.similarity);
    }
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td></tr>\n",
                       a_cell, b_cell, similarity);
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void AppendRedlines(const Crosswalk& crosswalk, std::string& out) {
  out += "<section id=\"redlines\" aria-labelledby=\"redlines-title\" tabindex=\"-1\">\n"
         "<h2 id=\"redlines-title\">Wording against the best counterpart</h2>\n";
  for (std::size_t k = 0; k < crosswalk.entries.size(); ++k) {
    const CrosswalkEntry& entry = crosswalk.entries[k];
    if (entry.matches.empty()) continue;
    const CrosswalkMatch& best = entry.matches.front();
    out += fmt::format(
        "<article class=\"change k-substitution\" id=\"{}\">\n<header><h3>{}"
        "<span class=\"arrow\" aria-hidden=\"true\">\u2192</span>"
        "<span class=\"visually-hidden\"> compared with </span>{}</h3></header>\n"
        "<p class=\"story\">{} of {} found in {}, {} of {} found in {}.</p>\n",
        EntryId(k), Esc(Title(entry)),
        Esc(best.heading.empty() ? best.citation : best.citation + " " + best.heading),
        Percent(best.a_in_b), Esc(entry.citation), Esc(best.citation), Percent(best.b_in_a),
        Esc(best.citation), Esc(entry.citation));
    if (best.ops.empty()) {
      out += "<p class=\"no-text\">Same wording.</p>\n</article>\n";
      continue;
    }
    out += "<div class=\"redline\">\n";
    for (const RedlineLine& line : RedlineLines(best.ops)) {
      out += "<p>";
      AppendRedlineRuns(line.runs, out);
      out += "</p>\n";
    }
    out += "</div>\n</article>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string RenderCrosswalkHtml(const Crosswalk& crosswalk) {
  std::string out = HtmlPageStart(
      fmt::format("Crosswalk: {} and {}", ShortName(crosswalk.a), ShortName(crosswalk.b)),
      "redlines", "Skip to the wording");
  out += fmt::format(
      "<header class=\"masthead\">\n<p class=\"eyebrow\">Crosswalk</p>\n<h1>{}"
      "<span class=\"arrow\" aria-hidden=\"true\">\u2194</span>"
      "<span class=\"visually-hidden\"> and </span>{}</h1>\n"
      "<p class=\"lede\">{} of the {} provisions of {} have a counterpart in {}. Deleted words are "
      "those of {}, inserted words those of {}.</p>\n</header>\n<main id=\"main\">\n",
      Esc(ShortName(crosswalk.a)), Esc(ShortName(crosswalk.b)), crosswalk.matched,
      crosswalk.entries.size(), Esc(DocumentLine(crosswalk.a)), Esc(DocumentLine(crosswalk.b)),
      Esc(ShortName(crosswalk.a)), Esc(ShortName(crosswalk.b)));
  AppendTable(crosswalk, out);
  AppendRedlines(crosswalk, out);
  out += HtmlPageEnd(fmt::format(
      "Crosswalk of {} with {}, prepared with treatywatch. Provisions are matched by their wording "
      "(weighted word alignment, treaty formulae down-weighted), not by their numbers or titles. "
      "Check quotations against the official documents.",
      DocumentLine(crosswalk.a), DocumentLine(crosswalk.b)));
  return out;
}

}  // namespace tw::compare
