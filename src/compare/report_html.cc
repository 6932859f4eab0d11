#include "compare/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "compare/change_description.h"
#include "compare/html_page.h"
#include "compare/old_places.h"
#include "compare/printable_text.h"
#include "compare/redline_html.h"
#include "compare/report_wording.h"

namespace tw::compare {
namespace {

std::string_view KindClass(ChangeKind kind) { return ChangeKindName(kind); }

// Anchor ids of the changes: "new-art7" for a unit of the later text, "old-art2" for a deleted one,
// "was-art4" for the former place of a moved one; headings take "h-" before their section's id.
// Unique whatever the paths are.
struct Anchors {
  std::vector<std::string> section;
  std::vector<std::string> former;                 // "" unless the change is a move
  std::map<std::string, std::size_t> by_new_path;  // path in the later text → change
};

Anchors MakeAnchors(const Comparison& comparison) {
  Anchors anchors;
  std::set<std::string> taken;
  auto claim = [&taken](std::string id, std::size_t k) {
    if (!taken.insert(id).second) {
      id += fmt::format("-{}", k + 1);
      while (!taken.insert(id).second) id += "x";
    }
    return id;
  };
  for (std::size_t k = 0; k < comparison.changes.size(); ++k) {
    const ArticleChange& change = comparison.changes[k];
    const std::string new_part = change.new_paths.empty() ? "" : HtmlIdPart(change.new_paths[0]);
    const std::string old_part = change.old_paths.empty() ? "" : HtmlIdPart(change.old_paths[0]);
    std::string id = !change.new_paths.empty() ? "new-" + new_part : "old-" + old_part;
    if (id.size() == 4) id = fmt::format("unit-{}", k + 1);
    anchors.section.push_back(claim(id, k));
    anchors.former.push_back(IsMove(change) ? claim("was-" + old_part, k) : "");
    for (const std::string& path : change.new_paths) anchors.by_new_path.emplace(path, k);
  }
  return anchors;
}

// The change holding `path` of the later text (or one of its ancestors), if any.
const std::size_t* ChangeHolding(const Anchors& anchors, std::string_view path) {
  while (!path.empty()) {
    const auto found = anchors.by_new_path.find(std::string(path));
    if (found != anchors.by_new_path.end()) return &found->second;
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos) break;
    path = path.substr(0, dot);
  }
  return nullptr;
}

std::string Link(std::string_view id, std::string_view text) {
  return fmt::format("<a href=\"#{}\">{}</a>", Esc(id), Esc(text));
}

// Citations of `paths`, each linked to the change that holds it when that is another one.
std::string LinkedCitations(const std::vector<std::string>& paths, const Anchors& anchors,
                            std::size_t self) {
  std::string out;
  for (std::size_t k = 0; k < paths.size(); ++k) {
    if (k > 0) out += k + 1 == paths.size() ? " and " : ", ";
    const std::size_t* holder = ChangeHolding(anchors, paths[k]);
    const std::string citation = ProvisionCitation(paths[k]);
    out += holder && *holder != self ? Link(anchors.section[*holder], citation) : Esc(citation);
  }
  return out;
}

std::string CitationPair(const ArticleChange& change) {
  if (!CitationChanged(change)) return Esc(ChangeTitle(change));
  return fmt::format(
      "<span class=\"cite\">{}</span><span class=\"arrow\" aria-hidden=\"true\">\u2192</span>"
      "<span class=\"visually-hidden\"> became </span><span class=\"cite\">{}</span>",
      Esc(change.old_citation), Esc(change.new_citation));
}

void AppendRedline(const ArticleChange& change, RedlineView view, std::string& out) {
  if (change.ops.empty()) {
    out += "<p class=\"no-text\">Wording unchanged.</p>\n";
    return;
  }
  const bool has_heading = !change.old_heading.empty() || !change.new_heading.empty();
  out += RedlineHtml(change.ops, has_heading, ChangeTitle(change), view);
}

void AppendFact(std::string_view term, const std::string& html, std::string& out) {
  out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", term, html);
}

void AppendBrackets(const ArticleChange& change, std::string& out) {
  if (change.brackets.empty()) return;
  out += "<h4>Square brackets</h4>\n<ul class=\"brackets\">\n";
  for (const BracketChange& bracket : change.brackets) {
    const std::string& path = bracket.new_path.empty() ? bracket.old_path : bracket.new_path;
    out += fmt::format(
        "<li><span class=\"bracket-kind b-{}\">{}</span>: <q>{}</q>{}</li>\n",
        BracketChangeKindName(bracket.kind), BracketChangeLabel(bracket.kind), Esc(bracket.text),
        path.empty()
            ? ""
            : fmt::format(" <span class=\"where\">\u2014 {}</span>", Esc(ProvisionCitation(path))));
  }
  out += "</ul>\n";
}

void AppendProvisions(const ArticleChange& change, std::string& out) {
  if (change.provisions.empty()) return;
  out +=
      "<h4>Paragraphs and points</h4>\n"
      "<table class=\"provisions\">\n"
      "<thead><tr><th scope=\"col\">Provision</th><th scope=\"col\">Change</th>"
      "<th scope=\"col\" class=\"num\">Similarity</th></tr></thead>\n"
      "<tbody>\n";
  for (const ProvisionChange& provision : change.provisions) {
    const bool one_sided =
        provision.kind == ChangeKind::kInsertion || provision.kind == ChangeKind::kRepeal;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td></tr>\n",
                       Esc(ProvisionTitle(provision)), KindLabel(provision.kind),
                       one_sided ? "\u2013" : Esc(Percent(provision.similarity)));
  }
  out += "</tbody>\n</table>\n";
}

// "History of Art. 7" pointing at options.history_href + the unit's path in the later text
// (else the earlier), percent-encoded: paths are document data, so nothing of them reaches the
// URL unencoded.
void AppendHistoryLink(const ArticleChange& change, const HtmlChangesOptions& options,
                       std::string& out) {
  if (options.history_href.empty()) return;
  const bool in_new = !change.new_paths.empty();
  const std::vector<std::string>& paths = in_new ? change.new_paths : change.old_paths;
  if (paths.empty()) return;
  std::string encoded;
  for (unsigned char c : paths.front()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    encoded += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  const std::string& href = in_new ? options.history_href : options.old_history_href;
  if (href.empty()) return;
  out += fmt::format(
      "<p class=\"history-link\"><a href=\"{}{}\">History of {} across versions</a></p>\n",
      Esc(href), encoded, Esc(in_new ? change.new_citation : change.old_citation));
}

void AppendChange(const Comparison& comparison, std::size_t k, const Anchors& anchors,
                  const HtmlChangesOptions& options, std::string& out) {
  const ArticleChange& change = comparison.changes[k];
  const std::string& id = anchors.section[k];
  const std::string& heading = change.new_heading.empty() ? change.old_heading : change.new_heading;
  out += fmt::format("<article class=\"change k-{}\" id=\"{}\" aria-labelledby=\"h-{}\">\n<header>",
                     KindClass(change.kind), Esc(id), Esc(id));
  out += fmt::format("<h3 id=\"h-{}\">{}{}</h3>", Esc(id), CitationPair(change),
                     heading.empty() ? ""
                                     : fmt::format(" <span class=\"unit-heading\">\u2014 {}</span>",
                                                   Esc(heading)));
  out += "<ul class=\"badges\" aria-label=\"What changed\">";
  for (ChangeKind facet : Facets(change)) {
    out += fmt::format("<li class=\"badge k-{}\">{}</li>", KindClass(facet), KindLabel(facet));
  }
  out += fmt::format("</ul></header>\n<p class=\"story\">{}.</p>\n<dl class=\"facts\">",
                     Esc(DescribeChange(change)));
  if (change.kind != ChangeKind::kInsertion && change.kind != ChangeKind::kRepeal) {
    AppendFact("Similarity", Esc(Percent(change.similarity)), out);
  }
  AppendFact("Length", Esc(WordsNote(change)), out);
  if (change.kind == ChangeKind::kSplit) {
    AppendFact("Parts", "Split into " + LinkedCitations(change.new_paths, anchors, k), out);
  } else if (change.kind == ChangeKind::kJoin) {
    // Old paths name units of the earlier text, which have no anchor of their own.
    AppendFact("Parts", "Merged from " + Esc(ProvisionCitations(change.old_paths)), out);
  }
  // The story of a move names its chapters already.
  if (const std::string note = ChapterNote(change);
      !note.empty() && change.kind != ChangeKind::kMove) {
    AppendFact("Chapter", Esc(note), out);
  }
  if (change.moved) {
    const std::string place = FormerPlace(comparison, change);
    const std::string where = place.empty() ? "" : Esc(" (" + place + ")");
    if (!anchors.former[k].empty()) {
      AppendFact("Moved from",
                 Link(anchors.former[k], "its former place in the earlier text") + where, out);
    } else if (!place.empty()) {
      AppendFact("Moved from", Esc(place), out);
    }
  }
  if (!change.old_heading.empty() && !change.new_heading.empty() &&
      change.old_heading != change.new_heading) {
    AppendFact("Heading was", fmt::format("<q>{}</q>", Esc(change.old_heading)), out);
  }
  out += "</dl>\n";
  AppendHistoryLink(change, options, out);
  AppendRedline(change, options.view, out);
  AppendBrackets(change, out);
  AppendProvisions(change, out);
  out += "</article>\n";
}

void AppendFormerPlace(const Comparison& comparison, std::size_t k, const Anchors& anchors,
                       std::string& out) {
  const ArticleChange& change = comparison.changes[k];
  out += fmt::format(
      "<aside class=\"moved-stub\" id=\"{}\" aria-label=\"Former place of {}\"><p>"
      "<span class=\"badge k-move\">Moved</span> {} stood here in the earlier text \u2014 moved to "
      "{}.</p></aside>\n",
      Esc(anchors.former[k]), Esc(change.old_citation), Esc(change.old_citation),
      Link(anchors.section[k], change.new_citation));
}

void AppendHeader(const Comparison& comparison, std::string& out) {
  const ComparedDocument& before = comparison.old_doc;
  const ComparedDocument& after = comparison.new_doc;
  out += fmt::format(
      "<header class=\"masthead\">\n"
      "<p class=\"eyebrow\">Comparison of drafts</p>\n"
      "<h1>{}<span class=\"arrow\" aria-hidden=\"true\">\u2192</span>"
      "<span class=\"visually-hidden\"> compared with </span>{}</h1>\n",
      Esc(ShortName(before)), Esc(ShortName(after)));
  out +=
      "<table class=\"documents\">\n"
      "<caption class=\"visually-hidden\">The two texts compared</caption>\n"
      "<thead><tr><td></td><th scope=\"col\">Earlier text</th><th scope=\"col\">Later text</th>"
      "</tr></thead>\n"
      "<tbody>\n";
  auto row = [&out](std::string_view label, const std::string& a, const std::string& b) {
    if (a.empty() && b.empty()) return;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", label,
                       a.empty() ? "\u2013" : Esc(a), b.empty() ? "\u2013" : Esc(b));
  };
  row("Symbol", before.cite, after.cite);
  row("Title", before.title, after.title);
  row("Date", DisplayDate(before.date), DisplayDate(after.date));
  row("Version", before.version > 0 ? std::to_string(before.version) : "",
      after.version > 0 ? std::to_string(after.version) : "");
  out += fmt::format("</tbody>\n</table>\n<p class=\"lede\">{}</p>\n</header>\n",
                     Esc(SummarySentence(comparison.summary)));
}

void AppendSummary(const Comparison& comparison, std::string& out) {
  out +=
      "<section id=\"summary\" aria-labelledby=\"summary-title\">\n"
      "<h2 id=\"summary-title\">Summary</h2>\n"
      "<div class=\"summary-grid\">\n"
      "<table class=\"summary\">\n"
      "<caption>What happened to the articles</caption>\n"
      "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Value</th></tr>"
      "</thead>\n"
      "<tbody>\n";
  for (const SummaryRow& row : SummaryRows(comparison.summary)) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>\n",
                       Esc(row.label), Esc(row.value));
  }
  out +=
      "</tbody>\n"
      "</table>\n"
      "<aside class=\"legend\" aria-labelledby=\"legend-title\">\n"
      "<h3 id=\"legend-title\">How to read the redline</h3>\n"
      "<dl>\n"
      "<div><dt><del>struck</del></dt><dd>words deleted</dd></div>\n"
      "<div><dt><ins>underlined</ins></dt><dd>words inserted</dd></div>\n"
      "<div><dt><del class=\"pilcrow\">\u00B6</del> <ins class=\"pilcrow\">\u00B6</ins></dt><dd>"
      "paragraph break removed, added</dd></div>\n"
      "<div><dt><span class=\"badge k-move\">Moved</span></dt><dd>"
      "out of its old order; a dashed note marks its former place</dd></div>\n"
      "<div><dt>[ \u2026 ]</dt><dd>square brackets: text not yet agreed</dd></div>\n"
      "</dl>\n"
      "</aside>\n"
      "</div>\n"
      "</section>\n";
}

void AppendContents(const Comparison& comparison, const Anchors& anchors, std::string& out) {
  out +=
      "<nav id=\"contents\" aria-labelledby=\"contents-title\">\n"
      "<h2 id=\"contents-title\">Changed articles</h2>\n";
  std::string items;
  for (std::size_t k = 0; k < comparison.changes.size(); ++k) {
    const ArticleChange& change = comparison.changes[k];
    if (ListedCompactly(change)) continue;
    const std::string& heading =
        change.new_heading.empty() ? change.old_heading : change.new_heading;
    std::string kinds;
    for (ChangeKind facet : Facets(change)) {
      kinds += fmt::format("{}{}", kinds.empty() ? "" : " \u00B7 ", KindLabel(facet));
    }
    items += fmt::format(
        "<li>{}{}<span class=\"toc-kinds\">{}</span></li>\n",
        Link(anchors.section[k], ChangeTitle(change)),
        heading.empty() ? "" : fmt::format(" <span class=\"toc-heading\">{}</span>", Esc(heading)),
        kinds);
  }
  out += items.empty() ? "<p>No article was amended, moved, added or deleted.</p>\n"
                       : "<ol class=\"toc\">\n" + items + "</ol>\n";
  out += "</nav>\n";
}

void AppendMigrations(const Comparison& comparison, const Anchors& anchors, std::string& out) {
  if (comparison.migrations.empty()) return;
  out +=
      "<section id=\"migrations\" aria-labelledby=\"migrations-title\">\n"
      "<h2 id=\"migrations-title\">Paragraphs moved between articles</h2>\n"
      "<table>\n"
      "<thead><tr><th scope=\"col\">Earlier place</th><th scope=\"col\">Later place</th>"
      "<th scope=\"col\" class=\"num\">Similarity</th></tr></thead>\n"
      "<tbody>\n";
  for (const ProvisionChange& migration : comparison.migrations) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td></tr>\n",
                       Esc(ProvisionCitations(migration.old_paths)),
                       LinkedCitations(migration.new_paths, anchors, comparison.changes.size()),
                       Esc(Percent(migration.similarity)));
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void AppendCompactLists(const Comparison& comparison, std::string& out) {
  std::string renumbered;
  std::string unchanged;
  for (const ArticleChange& change : comparison.changes) {
    if (change.kind == ChangeKind::kUnchanged) {
      unchanged += fmt::format("{}{}", unchanged.empty() ? "" : ", ", Esc(ChangeTitle(change)));
    } else if (ListedCompactly(change)) {
      renumbered += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", Esc(change.old_citation),
                                Esc(change.new_citation));
    }
  }
  if (!renumbered.empty()) {
    out +=
        "<section id=\"renumbered\" aria-labelledby=\"renumbered-title\">\n"
        "<h2 id=\"renumbered-title\">Renumbered, wording unchanged</h2>\n"
        "<table>\n"
        "<thead><tr><th scope=\"col\">Earlier text</th><th scope=\"col\">Later text</th></tr>"
        "</thead>\n"
        "<tbody>\n" +
        renumbered + "</tbody>\n</table>\n</section>\n";
  }
  if (!unchanged.empty()) {
    out +=
        "<section id=\"unchanged\" aria-labelledby=\"unchanged-title\">\n"
        "<h2 id=\"unchanged-title\">Unchanged</h2>\n"
        "<p class=\"compact\">" +
        unchanged + "</p>\n</section>\n";
  }
}

}  // namespace

std::string RenderHtmlChanges(const Comparison& comparison, const HtmlChangesOptions& options) {
  const Anchors anchors = MakeAnchors(comparison);
  const OldPlaces old_places = LocateOldPlaces(comparison);
  std::string out;
  AppendContents(comparison, anchors, out);
  out +=
      "<section id=\"changes\" aria-labelledby=\"changes-title\" tabindex=\"-1\">\n"
      "<h2 id=\"changes-title\">Changes by article</h2>\n";
  for (std::size_t moved : old_places.at_start) AppendFormerPlace(comparison, moved, anchors, out);
  for (std::size_t k = 0; k < comparison.changes.size(); ++k) {
    if (!ListedCompactly(comparison.changes[k])) {
      AppendChange(comparison, k, anchors, options, out);
    }
    for (std::size_t moved : old_places.after[k]) {
      AppendFormerPlace(comparison, moved, anchors, out);
    }
  }
  out += "</section>\n";
  AppendMigrations(comparison, anchors, out);
  AppendCompactLists(comparison, out);
  return out;
}

std::string RenderHtml(const Comparison& comparison) {
  std::string out =
      HtmlPageStart(fmt::format("Comparison of drafts: {} \u2192 {}", ShortName(comparison.old_doc),
                                ShortName(comparison.new_doc)),
                    "changes", "Skip to the changes");
  AppendHeader(comparison, out);
  out += "<main id=\"main\">\n";
  AppendSummary(comparison, out);
  out += RenderHtmlChanges(comparison);
  out += HtmlPageEnd(fmt::format(
      "Comparison of {} with {}, prepared with treatywatch. Articles are matched by their "
      "wording, not their numbers, so renumbered and moved articles are compared with their "
      "earlier selves; deletions and insertions are marked word by word. Check quotations against "
      "the official documents.",
      DocumentLine(comparison.old_doc), DocumentLine(comparison.new_doc)));
  return out;
}

}  // namespace tw::compare
