// How the page is drawn. The draft's text is cut into segments: the units a passage may not
// cross (the rule of reuse_trace.cc), each a <section> under its citation, and the text between
// them (title, chapter headings) as it stands. Each segment is written line by line, a line
// being one block of the stored text (a heading or a paragraph), so a <p> never holds half an
// element: a passage over several paragraphs becomes one <mark> per paragraph, the source's
// number on the first.
//
// Passages are in draft order and may overlap when different sources share only part of them
// (reuse_trace.cc groups two passages as one only when they are mostly the same words). A word is
// drawn in one colour only. Two overlapping passages of one source are drawn as one. Otherwise the
// earlier one ends at the last word before the later one starts: passages mostly overlap by a few
// words where one runs on past the end of its provision into the next, which another passage
// starts cleanly, so every passage keeps its first word and its number, and a run-on of a number
// and a word into the later one's line is given up. A passage wholly inside an earlier one is
// listed below its section but not drawn. The legend credits each source with the words drawn in
// its colour, so its shares add up to the coloured part of the page.
#include "reuse/reuse_trace_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "compare/html_page.h"
#include "compare/report_wording.h"
#include "compare/word_tokens.h"
#include "doc/provision.h"
#include "reuse/draft_units.h"
#include "reuse/word_sequence.h"

namespace tw::reuse {
namespace {

using compare::Esc;

// Twelve keys, each a light tint behind the text and a darker underline of the same hue (Paul
// Tol's "light" scheme, made for text on top, and three hues beside it), cycling through four
// underline patterns. The ink on every tint is the page's #1b1f24, above 11:1 on each. A key is
// its number first: greyscale print keeps the number and the pattern, and past twelve sources
// the pair (colour, pattern) still differs for 48.
constexpr int kColours = 12;
constexpr int kPatterns = 4;
constexpr std::string_view kTraceStyle = R"css(
.c0{--tint:#dbe7f4;--line:#3a6ea5}.c1{--tint:#fbe0d6;--line:#c0502b}
.c2{--tint:#d5efe6;--line:#1f8a6a}.c3{--tint:#f8f1d2;--line:#9c8420}
.c4{--tint:#ffe3e8;--line:#c23b5b}.c5{--tint:#dcf1fb;--line:#2386b3}
.c6{--tint:#eef2d0;--line:#7a8a12}.c7{--tint:#ece2f8;--line:#7d4fb3}
.c8{--tint:#ececec;--line:#5f6368}.c9{--tint:#f0ead0;--line:#86780a}
.c10{--tint:#f2e4d6;--line:#95582a}.c11{--tint:#d9eef0;--line:#1b6f7a}
.p0{--pattern:solid}.p1{--pattern:dashed}.p2{--pattern:dotted}.p3{--pattern:double}
mark.from,.key{color:var(--ink);background:var(--tint);
border-bottom:3px var(--pattern) var(--line)}
mark.from{padding:.05em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.from sup,.key{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
font-weight:700;font-variant-numeric:tabular-nums}
mark.from sup{font-size:.68em;line-height:1;padding:0 .28em;margin-right:.2em;background:#fff;
border:1px solid var(--line);border-radius:3px}
.key{display:inline-block;min-width:1.9em;padding:0 .35em;text-align:center;border-radius:2px;
line-height:1.5}
.sources td,.sources th{vertical-align:middle}
.sources .date{white-space:nowrap}
.sources .key-cell{width:3rem}
.sources .title{display:block;color:var(--muted);font-size:.86rem;overflow-wrap:anywhere}
.sources .cite{font-weight:600;overflow-wrap:anywhere}
.masthead .about{margin:-.6rem 0 0;color:var(--muted)}
.also-searched{color:var(--muted);font-size:.9rem;margin:.7rem 0 0}
.how{color:var(--muted);font-size:.9rem;margin:.8rem 0 0}
.unit{margin:1.4rem 0;border:1px solid var(--rule);border-radius:6px;padding:.9rem 1.2rem 1rem;
scroll-margin-top:1rem}
.unit h3 .unit-heading{font-weight:400;color:var(--ink)}
.unit h3 .reuse-note{display:block;font-size:.8rem;font-weight:400;color:var(--muted);
margin-top:.15rem}
.draft-text{margin:.6rem 0 0;font-family:Georgia,"Times New Roman","Liberation Serif",
"DejaVu Serif",serif;font-size:1.04rem;line-height:1.85;overflow-wrap:anywhere}
.draft-text p{margin:0 0 .5rem}
.draft-text p:last-child{margin-bottom:0}
.draft-text .line-heading{font-weight:700}
.draft-text .line-point{padding-left:2.2em}
.between{margin:1.6rem 0 .4rem;color:var(--muted);text-align:center}
.between .draft-text{font-family:inherit;font-size:.95rem;line-height:1.5}
.between .draft-text p{margin:0}
.passages{margin:.9rem 0 0;padding:.6rem 0 0 1.4rem;border-top:1px solid var(--rule);
font-size:.88rem;text-align:left;color:var(--ink)}
.passages li{margin:.3rem 0;padding-left:.2rem}
.passages .key{font-size:.8rem;margin-right:.35rem;min-width:1.7em}
.passages .also{color:var(--muted)}
.passages .also ul{list-style:none;margin:.1rem 0 0;padding:0 0 0 .8rem}
.passages .also li{margin:.15rem 0;display:grid;grid-template-columns:2.2rem minmax(0,1fr)}
.passages .also .key{font-size:.72rem}
.passages .hidden-note{color:var(--muted);font-style:italic}
@media (max-width:40rem){.unit{padding:.7rem .75rem .8rem}.draft-text{font-size:1rem}
.draft-text .line-point{padding-left:1.2em}
.sources thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.sources tr{display:grid;grid-template-columns:2.6rem minmax(0,1fr) auto;column-gap:.6rem;
padding:.5rem 0;border-bottom:1px solid var(--rule)}
.sources td,.sources th{border:0;padding:0}
.sources .key-cell{grid-row:1/span 3;width:auto}
.sources th[scope=row]{grid-column:2/4}
.sources .date{grid-column:2;color:var(--muted);font-size:.88rem}
.sources .words{grid-column:3;grid-row:2;font-size:.88rem}
.sources .share{grid-column:3;grid-row:3;font-size:.88rem}
.sources .words::after{content:" words"}.sources .share::after{content:" of the draft"}}
@media print{.unit{break-inside:auto;border:0;border-top:1px solid var(--rule);padding:.6rem 0}
.unit h3{break-after:avoid}.draft-text p{orphans:3;widows:3}.passages li{break-inside:avoid}
mark.from,.key{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

// Words of a passage that ran on into the line where another starts, given up to that one: a
// paragraph number and at most one word (the demo's drafts: "3. The").
constexpr std::size_t kRunOnWords = 2;

// The key of the source numbered `number` (1-based): its colour and pattern classes.
std::string KeyClasses(int number) {
  const int k = number - 1;
  return fmt::format("c{} p{}", k % kColours, (k + k / kColours) % kPatterns);
}

// "98 % alike" that never rounds a difference away: 100 only for identical words.
std::string Alike(double similarity) {
  const long rounded = std::lround(std::clamp(similarity, 0.0, 1.0) * 100);
  return fmt::format("{} % alike", similarity < 1 ? std::min(rounded, 99L) : 100L);
}

std::string Percent1(std::size_t part, std::size_t whole) {
  return fmt::format("{:.1f} %", whole == 0 ? 0.0 : 100.0 * double(part) / double(whole));
}

// The label line ("Article 5"), the heading line ("Statement of purpose"), or both on one.
bool IsHeadingLine(const doc::Provision& unit, std::string_view line) {
  const std::string_view label = unit.label;
  const std::string_view heading = unit.heading;
  if (!label.empty() && line == label) return true;
  if (!heading.empty() && line == heading) return true;
  return !label.empty() && !heading.empty() && line.size() > label.size() + heading.size() &&
         line.substr(0, label.size()) == label &&
         line.substr(line.size() - heading.size()) == heading;
}

// "A/AC.999/CRP.1, Art. 31(1)", or the document alone when the place is before any provision.
std::string Place(const doc::Document& document, const std::string& path) {
  return path.empty()
             ? document.CiteName()
             : fmt::format("{}, {}", document.CiteName(), doc::CitationLabel(document.root, path));
}

// "A/AC.999/CRP.1, Art. 31(1) (25 April 2025, 98 % alike)".
std::string SourceNote(const PassageSource& from,
                       const std::vector<const doc::Document*>& sources) {
  const doc::Document& source = *sources[from.source];
  const std::string date = compare::DisplayDate(source.meta.date);
  return fmt::format("{} ({}{})", Place(source, from.path), date.empty() ? "" : date + ", ",
                     Alike(from.similarity));
}

// One passage as drawn: its bytes after clipping, and the words there.
struct Drawn {
  std::size_t passage = 0;  // index into ReuseTrace::passages
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t words = 0;
};

// The legend: sources attributed a passage, numbered oldest first (an undated source last).
struct Legend {
  std::vector<int> number;         // per source; 0 when nothing is attributed to it
  std::vector<int> order;          // source indices in key order
  std::vector<std::size_t> words;  // per source: the words drawn in its colour
};

class TracePage {
 public:
  TracePage(const ReuseTrace& trace, const doc::Document& draft,
            const std::vector<const doc::Document*>& sources)
      : trace_(trace), draft_(draft), sources_(sources) {
    Clip();
    Number();
  }

  std::string Render() const;

 private:
  void Clip();
  void Number();
  std::string Key(int source) const;
  std::string Tooltip(const ReusePassage& passage) const;
  void AppendHeader(std::string& out) const;
  void AppendLegend(std::string& out) const;
  bool HasText(std::size_t begin, std::size_t end) const;
  void AppendBetween(std::size_t begin, std::size_t end, std::string& out) const;
  void AppendUnit(const doc::Provision& unit, std::size_t begin, std::size_t end,
                  const std::string& id, std::string& out) const;
  void AppendLines(std::size_t begin, std::size_t end, const doc::Provision* unit,
                   std::string& out) const;
  void AppendPassageList(std::size_t begin, std::size_t end, std::string_view where,
                         std::string& out) const;

  const ReuseTrace& trace_;
  const doc::Document& draft_;
  const std::vector<const doc::Document*>& sources_;
  std::vector<Drawn> drawn_;   // in draft order, never overlapping
  std::vector<bool> undrawn_;  // per passage: wholly inside earlier ones
  Legend legend_;
};

void TracePage::Clip() {
  compare::TokenTable table;
  const WordSequence words = ReadWords(draft_.text, table);
  const auto words_in = [&words](std::size_t start, std::size_t end) {
    return static_cast<std::size_t>(
        std::lower_bound(words.begin.begin(), words.begin.end(), end) -
        std::lower_bound(words.begin.begin(), words.begin.end(), start));
  };
  const std::size_t size = draft_.text.size();
  undrawn_.assign(trace_.passages.size(), true);
  // In draft order, which TraceReuse promises; sorted here all the same, since drawing depends
  // on it.
  std::vector<std::size_t> order(trace_.passages.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [this](std::size_t x, std::size_t y) {
    return trace_.passages[x].draft_start < trace_.passages[y].draft_start;
  });
  for (std::size_t k : order) {
    const ReusePassage& passage = trace_.passages[k];
    // Offsets come from TraceReuse on this draft; clamped all the same, so a stale trace makes a
    // wrong page, never a read past the text.
    const std::size_t end = std::min(passage.draft_end, size);
    const std::size_t start = std::min(passage.draft_start, end);
    if (start >= end) continue;
    if (!drawn_.empty() && drawn_.back().end > start) {
      Drawn& before = drawn_.back();
      if (end <= before.end) continue;
      if (trace_.passages[before.passage].attributed.source == passage.attributed.source) {
        before.end = end;
        before.words = words_in(before.start, before.end);
        undrawn_[k] = false;
        continue;
      }
      // The earlier passage ends at the last word before this one starts, and before the line
      // this one starts on when only a number ("3.") or a word stands there.
      std::size_t cut = start;
      const std::size_t line = draft_.text.rfind('\n', start);
      if (line != std::string::npos && line > before.start &&
          words_in(line, start) <= kRunOnWords) {
        cut = line;
      }
      const auto word = std::upper_bound(words.end.begin(), words.end.end(), cut);
      before.end = word == words.end.begin() ? 0 : std::size_t{*(word - 1)};
      if (before.end <= before.start) {
        undrawn_[before.passage] = true;
        drawn_.pop_back();
      } else {
        before.words = words_in(before.start, before.end);
      }
    }
    undrawn_[k] = false;
    drawn_.push_back({k, start, end, words_in(start, end)});
  }
}

void TracePage::Number() {
  legend_.number.assign(sources_.size(), 0);
  legend_.words.assign(sources_.size(), 0);
  std::vector<bool> attributed(sources_.size(), false);
  for (const ReusePassage& passage : trace_.passages) attributed[passage.attributed.source] = true;
  for (const Drawn& mark : drawn_) {
    legend_.words[trace_.passages[mark.passage].attributed.source] += mark.words;
  }
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    if (attributed[s]) legend_.order.push_back(static_cast<int>(s));
  }
  std::stable_sort(legend_.order.begin(), legend_.order.end(), [this](int x, int y) {
    const std::string& a = sources_[x]->meta.date;
    const std::string& b = sources_[y]->meta.date;
    return std::pair(a.empty(), a) < std::pair(b.empty(), b);
  });
  for (std::size_t k = 0; k < legend_.order.size(); ++k) {
    legend_.number[legend_.order[k]] = static_cast<int>(k) + 1;
  }
}

// The source's key, or nothing for a source without one (a candidate never attributed).
std::string TracePage::Key(int source) const {
  const int number = legend_.number[source];
  if (number == 0) return "";
  return fmt::format(
      "<span class=\"key {}\"><span class=\"visually-hidden\">source </span>{}</span>",
      KeyClasses(number), number);
}

std::string TracePage::Tooltip(const ReusePassage& passage) const {
  std::string tip = fmt::format("{} words from {}", passage.draft_words,
                                SourceNote(passage.attributed, sources_));
  for (std::size_t k = 1; k < passage.candidates.size(); ++k) {
    tip += (k == 1 ? "\nAlso in " : ";\n") + SourceNote(passage.candidates[k], sources_);
  }
  return tip;
}

void TracePage::AppendHeader(std::string& out) const {
  const std::size_t attributed = legend_.order.size();
  std::string about = draft_.meta.title;
  if (about == draft_.CiteName()) about.clear();
  const std::string date = compare::DisplayDate(draft_.meta.date);
  if (!date.empty()) about += about.empty() ? date : ", " + date;
  out += fmt::format(
      "<header class=\"masthead\">\n"
      "<p class=\"eyebrow\">Text reuse</p>\n"
      "<h1>Where the words of {} came from</h1>\n"
      "{}"
      "<p class=\"lede\">{} passages: {} of the draft's {} words ({}) found in {} of the {} "
      "sources searched.</p>\n"
      "</header>\n",
      Esc(draft_.CiteName()),
      about.empty() ? "" : fmt::format("<p class=\"about\">{}</p>\n", Esc(about)),
      trace_.passages.size(), trace_.reused_words, trace_.draft_words,
      Percent1(trace_.reused_words, trace_.draft_words), attributed, sources_.size());
}

void TracePage::AppendLegend(std::string& out) const {
  out +=
      "<section id=\"sources\" aria-labelledby=\"sources-title\">\n"
      "<h2 id=\"sources-title\">Sources</h2>\n";
  if (legend_.order.empty()) {
    out += "<p>No passage of the draft was found in any of the sources.</p>\n";
  } else {
    out +=
        "<table class=\"sources\">\n"
        "<caption>Each source's colour, underline and number mark its passages in the draft"
        "</caption>\n"
        "<thead><tr><th scope=\"col\" class=\"key-cell\">Key</th><th scope=\"col\">Source</th>"
        "<th scope=\"col\">Date</th><th scope=\"col\" class=\"num\">Words</th>"
        "<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n"
        "<tbody>\n";
    for (int s : legend_.order) {
      const doc::Document& source = *sources_[s];
      const std::string title =
          source.meta.title == source.CiteName() ? std::string() : source.meta.title;
      std::string about = title;
      if (!source.meta.authors.empty()) {
        std::string authors;
        for (const std::string& author : source.meta.authors) {
          authors += (authors.empty() ? "" : ", ") + author;
        }
        about += (about.empty() ? "by " : " \u2014 by ") + authors;
      }
      out += fmt::format(
          "<tr><td class=\"key-cell\">{}</td><th scope=\"row\"><span class=\"cite\">{}</span>{}"
          "</th><td class=\"date\">{}</td><td class=\"num words\">{}</td><td class=\"num share\">{}"
          "</td></tr>\n",
          Key(s), Esc(source.CiteName()),
          about.empty() ? "" : fmt::format("<span class=\"title\">{}</span>", Esc(about)),
          source.meta.date.empty() ? "\u2013" : Esc(compare::DisplayDate(source.meta.date)),
          legend_.words[s], Esc(Percent1(legend_.words[s], trace_.draft_words)));
    }
    out += "</tbody>\n</table>\n";
  }
  std::string others;
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    if (legend_.number[s] != 0) continue;
    // Titles hold commas: semicolons between them.
    others += (others.empty() ? "" : "; ") + Esc(sources_[s]->CiteName());
  }
  if (!others.empty()) {
    out += fmt::format(
        "<p class=\"also-searched\">Also searched, with no passage attributed to it: {}.</p>\n",
        others);
  }
  out +=
      "<p class=\"how\">A passage found in several sources is attributed to the earliest that "
      "holds most of it; the others are named below it. Words are counted once, in the colour "
      "they are drawn in; hover over a marked passage for its source.</p>\n"
      "</section>\n";
}

void TracePage::AppendLines(std::size_t begin, std::size_t end, const doc::Provision* unit,
                            std::string& out) const {
  const std::string_view text = draft_.text;
  // The first mark that may reach into [begin, end).
  auto mark = std::lower_bound(drawn_.begin(), drawn_.end(), begin,
                               [](const Drawn& d, std::size_t at) { return d.end <= at; });
  bool in_heading = unit != nullptr;
  std::size_t line_start = begin;
  while (line_start < end) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    std::size_t from = line_start;
    std::size_t to = line_end;
    while (from < to && (text[from] == ' ' || text[from] == '\t' || text[from] == '\r')) ++from;
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t' || text[to - 1] == '\r')) {
      --to;
    }
    line_start = line_end + 1;
    if (from == to) continue;
    // A unit opens with its label and heading lines ("Article 5", "Statement of purpose").
    const std::string_view line = text.substr(from, to - from);
    const bool heading = in_heading && IsHeadingLine(*unit, line);
    in_heading = heading;
    const doc::ProvisionKind kind = DeepestProvisionAt(draft_.root, from).kind;
    const bool point = kind == doc::ProvisionKind::kPoint || kind == doc::ProvisionKind::kSubpoint;
    out += heading ? "<p class=\"line-heading\">" : point ? "<p class=\"line-point\">" : "<p>";
    std::size_t at = from;
    while (mark != drawn_.end() && mark->end <= from) ++mark;
    for (auto next = mark; next != drawn_.end() && next->start < to; ++next) {
      std::size_t piece_start = std::max(next->start, from);
      const std::size_t piece_end = std::min(next->end, to);
      if (piece_start >= piece_end) continue;
      out += Esc(text.substr(at, piece_start - at));
      const ReusePassage& passage = trace_.passages[next->passage];
      const int number = legend_.number[passage.attributed.source];
      out += fmt::format("<mark class=\"from {}\" title=\"{}\">", KeyClasses(number),
                         Esc(Tooltip(passage)));
      if (piece_start == next->start) {
        out +=
            fmt::format("<sup><span class=\"visually-hidden\">from source </span>{}</sup>", number);
      }
      out += Esc(text.substr(piece_start, piece_end - piece_start)) + "</mark>";
      at = piece_end;
    }
    out += Esc(text.substr(at, to - at)) + "</p>\n";
  }
}

// The passages starting in [begin, end), in words.
void TracePage::AppendPassageList(std::size_t begin, std::size_t end, std::string_view where,
                                  std::string& out) const {
  std::string items;
  for (std::size_t k = 0; k < trace_.passages.size(); ++k) {
    const ReusePassage& passage = trace_.passages[k];
    if (passage.draft_start < begin || passage.draft_start >= end) continue;
    const std::string at = passage.draft_path.empty() || passage.draft_path == where
                               ? std::string()
                               : " at " + doc::CitationLabel(draft_.root, passage.draft_path);
    items +=
        fmt::format("<li>{} <strong>{} words</strong>{} \u2190 {}", Key(passage.attributed.source),
                    passage.draft_words, Esc(at), Esc(SourceNote(passage.attributed, sources_)));
    if (undrawn_[k]) {
      items += " <span class=\"hidden-note\">(not marked: inside a longer passage)</span>";
    }
    if (passage.candidates.size() > 1) {
      items += "<div class=\"also\">Also in:<ul>";
      for (std::size_t c = 1; c < passage.candidates.size(); ++c) {
        const PassageSource& candidate = passage.candidates[c];
        const std::string key = Key(candidate.source);
        items += fmt::format("<li><span class=\"key-slot\">{}</span> <span>{}</span></li>", key,
                             Esc(SourceNote(candidate, sources_)));
      }
      items += "</ul></div>";
    }
    items += "</li>\n";
  }
  if (items.empty()) return;
  out += "<ol class=\"passages\">\n" + items + "</ol>\n";
}

bool TracePage::HasText(std::size_t begin, std::size_t end) const {
  if (begin >= end) return false;
  const std::string_view text = std::string_view(draft_.text).substr(begin, end - begin);
  return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

void TracePage::AppendBetween(std::size_t begin, std::size_t end, std::string& out) const {
  out += "<div class=\"between\"><div class=\"draft-text\">\n";
  AppendLines(begin, end, nullptr, out);
  out += "</div>\n";
  AppendPassageList(begin, end, "", out);
  out += "</div>\n";
}

void TracePage::AppendUnit(const doc::Provision& unit, std::size_t begin, std::size_t end,
                           const std::string& id, std::string& out) const {
  std::size_t words = 0;
  for (const Drawn& mark : drawn_) {
    if (mark.start >= begin && mark.start < end) words += mark.words;
  }
  std::size_t passages = 0;
  for (const ReusePassage& passage : trace_.passages) {
    if (passage.draft_start >= begin && passage.draft_start < end) ++passages;
  }
  const std::string note = passages == 0 ? std::string("no reused passage")
                                         : fmt::format("{} reused passage{}, {} words marked",
                                                       passages, passages == 1 ? "" : "s", words);
  out += fmt::format(
      "<section class=\"unit\" id=\"{}\" aria-labelledby=\"h-{}\">\n<h3 id=\"h-{}\">{}{}"
      "<span class=\"reuse-note\">{}</span></h3>\n<div class=\"draft-text\">\n",
      Esc(id), Esc(id), Esc(id), Esc(doc::CitationLabel(draft_.root, unit.path)),
      unit.heading.empty()
          ? ""
          : fmt::format(" <span class=\"unit-heading\">\u2014 {}</span>", Esc(unit.heading)),
      Esc(note));
  AppendLines(begin, end, &unit, out);
  out += "</div>\n";
  AppendPassageList(begin, end, unit.path, out);
  out += "</section>\n";
}

std::string TracePage::Render() const {
  const std::string cite = draft_.CiteName();
  std::string out = compare::HtmlPageStart(fmt::format("Where the words of {} came from", cite),
                                           "draft", "Skip to the draft", kTraceStyle);
  AppendHeader(out);
  out += "<main id=\"main\">\n";
  AppendLegend(out);
  out +=
      "<section id=\"draft\" aria-labelledby=\"draft-title\" tabindex=\"-1\">\n"
      "<h2 id=\"draft-title\">The draft, provision by provision</h2>\n";
  const std::vector<const doc::Provision*> units = DraftUnits(draft_.root);
  const std::size_t size = draft_.text.size();
  std::set<std::string> ids;
  std::size_t at = 0;
  for (const doc::Provision* unit : units) {
    const std::size_t begin = std::min(std::max(unit->begin, at), size);
    const std::size_t end = std::min(unit->end, size);
    if (end <= begin) continue;
    if (HasText(at, begin)) AppendBetween(at, begin, out);
    // Paths are unique in a document, but their id parts need not be.
    std::string id = "at-" + compare::HtmlIdPart(unit->path);
    if (!ids.insert(id).second) {
      id += fmt::format("-{}", ids.size());
      while (!ids.insert(id).second) id += "x";
    }
    AppendUnit(*unit, begin, end, id, out);
    at = end;
  }
  if (HasText(at, size)) AppendBetween(at, size, out);
  out += "</section>\n";
  out += compare::HtmlPageEnd(fmt::format(
      "Text reuse in {}, prepared with treatywatch. Passages of at least a few words are matched "
      "word by word, verbatim or reworded, against the sources searched; a passage is attributed "
      "to the earliest source holding most of it, which is where it first appears among these "
      "texts, not necessarily who wrote it. Check quotations against the official documents.",
      cite));
  return out;
}

}  // namespace

std::string ReuseTraceToHtml(const ReuseTrace& trace, const doc::Document& draft,
                             const std::vector<const doc::Document*>& sources) {
  return TracePage(trace, draft, sources).Render();
}

}  // namespace tw::reuse
