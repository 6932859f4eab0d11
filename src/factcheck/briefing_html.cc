// The briefing as a standalone HTML page (compare/html_page.h: inline style, no script, no
// request, print rules, skip link), meant to be published as it is: a verdict table, a table of
// contents, then one section per actor with its claims, each claim's verdict in words on a
// coloured badge, the summary and reasoning, and the evidence as quotations with their citation.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "compare/html_page.h"
#include "factcheck/briefing.h"
#include "factcheck/briefing_content.h"
#include "factcheck/publication_text.h"

namespace tw::factcheck {
namespace {

using compare::Esc;

// Verdict tones meet WCAG AA for the badge text on its background (good #11622a on #e3f3e6
// 6.3:1, mixed #7a4300 on #fff3df 7.4:1, bad #8f1d16 on #fdecea 7.9:1); the badge always spells
// the verdict out, so colour is never the only signal, and it prints in grey with its border.
constexpr std::string_view kBriefingStyle = R"css(
.session{margin:-.4rem 0 0;color:var(--muted);font-size:1.05rem}
.draft-banner{margin:1.1rem 0 0;padding:.75rem 1rem;border:2px solid #8f1d16;border-radius:6px;
background:#fdecea;color:#8f1d16}
.draft-banner p{margin:0}
.verdict{display:inline-block;font-size:.8rem;font-weight:700;letter-spacing:.03em;
padding:.14rem .6rem;border-radius:999px;color:var(--fg);background:var(--bg);
border:1px solid var(--fg)}
.v-good{--fg:#11622a;--bg:#e3f3e6}.v-mixed{--fg:#7a4300;--bg:#fff3df}
.v-bad{--fg:#8f1d16;--bg:#fdecea}.v-unknown{--fg:#3d4450;--bg:#eceff3}
.needs-review{display:inline-block;font-size:.8rem;font-weight:700;padding:.1rem .55rem;
border:2px dashed #7a4300;border-radius:4px;color:#7a4300;background:#fff3df}
.status{display:inline-block;font-size:.75rem;font-weight:600;text-transform:uppercase;
letter-spacing:.05em;padding:.1rem .5rem;border:1px solid var(--muted);border-radius:4px;
color:var(--muted)}
.verdicts td.num,.verdicts th.num{width:5rem}
.actor{margin:2.2rem 0 0}
.claim{margin:1.2rem 0;border:1px solid var(--rule);border-left:5px solid var(--fg,#8a93a3);
border-radius:6px;padding:1rem 1.25rem 1.1rem;scroll-margin-top:1rem}
.claim h3{font-family:Georgia,"Times New Roman","Liberation Serif","DejaVu Serif",serif;
font-weight:400;font-size:1.18rem;color:var(--ink);overflow-wrap:anywhere}
.verdict-line{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:center;margin:.7rem 0 0}
.claim .summary{margin:.8rem 0 0;font-weight:600}
.claim .rationale p{margin:.55rem 0 0}
.evidence{margin:.8rem 0 0}
.evidence blockquote{margin:0;padding:.5rem 1rem;border-left:3px solid var(--accent);
background:#fcfcfd;font-family:Georgia,"Times New Roman","Liberation Serif","DejaVu Serif",serif;
overflow-wrap:anywhere}
.evidence blockquote p{margin:0}
.evidence figcaption{margin:.3rem 0 0 1.1rem;font-size:.86rem;color:var(--muted)}
.evidence .note{margin:.25rem 0 0 1.1rem;font-size:.9rem}
.evidence .anchor-state{margin:.3rem 0 0 1.1rem;font-size:.88rem;color:#7a4300;font-weight:600}
.correction{margin:.9rem 0 0;padding:.5rem .8rem;border-left:3px solid #7a4300;background:#fffaf0;
font-size:.92rem}
.empty{color:var(--muted);font-style:italic}
@media print{.claim{border-left-width:3px}.evidence{break-inside:avoid}
.facts a[href^="http"]::after{content:" (" attr(href) ")";overflow-wrap:anywhere}
.verdict,.needs-review,.draft-banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.claim h3,.verdict-line{break-after:avoid}}
)css";

std::string ToneClass(const VerdictScale& scale, std::string_view verdict) {
  return fmt::format("v-{}", VerdictToneName(ToneOf(scale.Rating(verdict),
                                                    static_cast<int>(scale.verdicts().size()))));
}

// Paragraphs of a text separated by blank lines; single line breaks stay inside a paragraph.
std::string Paragraphs(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' ')) {
      paragraph.remove_prefix(1);
    }
    if (!paragraph.empty()) out += fmt::format("<p>{}</p>\n", Esc(paragraph));
    start = end + 2;
  }
  return out;
}

void AppendVerdictTable(const std::vector<BriefingActor>& actors, const VerdictScale& scale,
                        std::string& out) {
  const std::vector<std::size_t> counts = VerdictCounts(actors, scale);
  out +=
      "<h2 id=\"verdicts\">Verdicts</h2>\n<table class=\"verdicts\">\n<caption>The verdict "
      "scale, from the claim holding to the claim being false, with how many claims in this "
      "briefing received each verdict.</caption>\n<thead><tr><th scope=\"col\">Verdict</th>"
      "<th scope=\"col\">Meaning</th><th scope=\"col\" class=\"num\">Claims</th></tr></thead>\n"
      "<tbody>\n";
  for (std::size_t i = 0; i < scale.verdicts().size(); ++i) {
    const Verdict& verdict = scale.verdicts()[i];
    out += fmt::format(
        "<tr><th scope=\"row\"><span class=\"verdict {}\">{}</span></th><td>{}"
        "</td><td class=\"num\">{}</td></tr>\n",
        ToneClass(scale, verdict.name), Esc(VerdictLabel(verdict.name)), Esc(verdict.description),
        counts[i]);
  }
  if (counts.back() > 0) {
    out += fmt::format(
        "<tr><th scope=\"row\"><span class=\"verdict v-unknown\">Other</span></th>"
        "<td>Verdicts no longer on this scale</td><td class=\"num\">{}</td></tr>\n",
        counts.back());
  }
  out += "</tbody>\n</table>\n";
}

void AppendContents(const std::vector<BriefingActor>& actors, std::string& out) {
  out +=
      "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n"
      "<ol class=\"toc\">\n";
  for (const BriefingActor& actor : actors) {
    out += fmt::format("<li><a href=\"#{}\">{}</a> <span class=\"toc-kinds\">{} {}</span></li>\n",
                       actor.anchor, Esc(actor.name), actor.items.size(),
                       actor.items.size() == 1 ? "claim" : "claims");
  }
  out += "</ol>\n</nav>\n";
}

void AppendEvidence(const BriefingInput& input, const Evidence& evidence, std::string& out) {
  out += fmt::format(
      "<figure class=\"evidence\">\n<blockquote><p>“{}”</p></blockquote>\n"
      "<figcaption>{}</figcaption>\n",
      Esc(evidence.anchor.exact), Esc(EvidenceCitationText(input, evidence)));
  if (!evidence.note.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", Esc(evidence.note));
  if (std::string state = AnchorStateSentence(evidence); !state.empty()) {
    out += fmt::format("<p class=\"anchor-state\">{}</p>\n", Esc(state));
  }
  out += "</figure>\n";
}

void AppendClaim(const BriefingInput& input, const VerdictScale& scale, const ReviewedClaim& item,
                 std::string& out) {
  const Claim& claim = item.claim;
  const FactCheck& fact_check = item.fact_check;
  const std::string id = fmt::format("factcheck-{}", fact_check.id);
  const std::string tone = ToneClass(scale, fact_check.verdict);
  out += fmt::format(
      "<article class=\"claim {0}\" id=\"{1}\" aria-labelledby=\"{1}-claim\">\n"
      "<h3 id=\"{1}-claim\"><span class=\"visually-hidden\">Claim: </span>“{2}”"
      "</h3>\n<p class=\"verdict-line\"><span class=\"verdict {0}\">Verdict: {3}"
      "</span>",
      tone, id, Esc(claim.text),
      Esc(fact_check.verdict.empty() ? "none yet" : VerdictLabel(fact_check.verdict)));
  if (NeedsReview(fact_check)) {
    out += "<span class=\"needs-review\"><span aria-hidden=\"true\">⚠ </span>Needs review</span>";
  }
  if (fact_check.status != FactCheckStatus::kPublished) {
    out += fmt::format("<span class=\"status\">{}</span>", StatusLabel(fact_check.status));
  }
  out += "</p>\n<dl class=\"facts\">\n";
  if (!claim.date.empty()) {
    out += fmt::format("<div><dt>Said</dt><dd>{}</dd></div>\n", Esc(LongDate(claim.date)));
  }
  if (claim.session > 0) {
    out += fmt::format("<div><dt>Session</dt><dd>{}</dd></div>\n", claim.session);
  }
  std::string grade(SourceGradeName(claim.source_grade));
  for (char& c : grade) c = c == '-' ? ' ' : c;
  if (IsWebUrl(claim.source_url)) {
    out += fmt::format("<div><dt>Source</dt><dd><a href=\"{}\">{}</a></dd></div>\n",
                       Esc(claim.source_url), Esc(grade));
  } else {
    out += fmt::format("<div><dt>Source</dt><dd>{}</dd></div>\n", Esc(grade));
  }
  const std::string published = DatePart(fact_check.published_at);
  out += fmt::format("<div><dt>Fact-check</dt><dd>#{}{}</dd></div>\n</dl>\n", fact_check.id,
                     published.empty() ? std::string() : ", published " + LongDate(published));
  if (!fact_check.summary.empty()) {
    out += fmt::format("<p class=\"summary\">{}</p>\n", Esc(fact_check.summary));
  }
  if (!fact_check.rationale.empty()) {
    out += "<div class=\"rationale\">\n" + Paragraphs(fact_check.rationale) + "</div>\n";
  }
  if (!fact_check.evidence.empty()) {
    out += "<h4>Evidence</h4>\n";
    for (const Evidence& evidence : fact_check.evidence) AppendEvidence(input, evidence, out);
  }
  if (IsCorrected(fact_check)) {
    out += fmt::format("<p class=\"correction\"><strong>Corrected on {}:</strong> {}</p>\n",
                       Esc(LongDate(DatePart(fact_check.updated_at))), Esc(fact_check.change_note));
  }
  out += "</article>\n";
}

}  // namespace

std::string BriefingHtml(const BriefingInput& input, const VerdictScale& scale) {
  const std::vector<BriefingActor> actors = BriefingActors(input);
  const std::string title = input.title.empty() ? std::string("Fact-checks") : input.title;
  std::string out =
      compare::HtmlPageStart(input.include_unpublished ? title + " (internal draft)" : title,
                             "briefing", "Skip to the fact-checks", kBriefingStyle);
  out += fmt::format("<header>\n<p class=\"eyebrow\">{} fact-check briefing</p>\n<h1>{}</h1>\n",
                     Esc(input.publisher.name.empty() ? "treatywatch" : input.publisher.name),
                     Esc(title));
  if (std::string session = SessionLine(input); !session.empty()) {
    out += fmt::format("<p class=\"session\">{}</p>\n", Esc(session));
  }
  if (input.include_unpublished) {
    out += fmt::format(
        "<div class=\"draft-banner\" role=\"note\"><p><strong>{}</strong> {}</p>"
        "</div>\n",
        Esc(kInternalDraftBanner), Esc(kInternalDraftExplanation));
  }
  out += fmt::format("<p class=\"lede\">{}</p>\n</header>\n<main id=\"briefing\">\n",
                     Esc(BriefingLede(actors, input)));
  AppendVerdictTable(actors, scale, out);
  if (!actors.empty()) AppendContents(actors, out);
  for (const BriefingActor& actor : actors) {
    out += fmt::format(
        "<section class=\"actor\" id=\"{0}\" aria-labelledby=\"{0}-name\">\n"
        "<h2 id=\"{0}-name\">{1}</h2>\n",
        actor.anchor, Esc(actor.name));
    for (const ReviewedClaim* item : actor.items) AppendClaim(input, scale, *item, out);
    out += "</section>\n";
  }
  std::string footer =
      fmt::format("Fact-checks by {}",
                  input.publisher.name.empty() ? std::string("treatywatch") : input.publisher.name);
  if (IsWebUrl(input.publisher.url)) footer += fmt::format(" ({})", input.publisher.url);
  footer +=
      ". Evidence quotes are the exact words of the documents cited. A fact-check marked "
      "“needs review” quotes words that changed in a newer draft; it is being checked again.";
  out += compare::HtmlPageEnd(footer);
  return out;
}

}  // namespace tw::factcheck
