// The briefing in Markdown (CommonMark with GFM tables): the structure of the HTML page —
// verdict table, contents, a section per actor, each claim with its verdict, reasoning and the
// evidence quoted with its citation — for a CSO's own site generator or a mailing.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "compare/printable_text.h"
#include "factcheck/briefing.h"
#include "factcheck/briefing_content.h"
#include "factcheck/publication_text.h"

namespace tw::factcheck {
namespace {

// Backslash-escapes every ASCII character that CommonMark or a GFM table could read as syntax
// inside a line (emphasis, code, links, raw HTML, entities, cell separators); line breaks and
// tabs become spaces, so text stays in its paragraph, list item or table cell. At a line start,
// characters that would open a heading, quote, list or thematic break are escaped too, and a
// leading space, which could indent into a code block, becomes an entity.
std::string Md(std::string_view raw, bool at_line_start = false) {
  const std::string text = compare::PrintableText(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool line_start = at_line_start;
  std::size_t digits = 0;  // digits written since the line start, for "1." and "1)"
  for (const char c : text) {
    const char shown = c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
    if (line_start) {
      if (shown == ' ') {
        out += "&#32;";
        continue;
      }
      if (shown >= '0' && shown <= '9') {
        ++digits;
        out += shown;
        continue;
      }
      if ((shown == '.' || shown == ')') && digits > 0) {
        out += '\\';
        out += shown;
        line_start = false;
        continue;
      }
      if (digits == 0 && (shown == '-' || shown == '+' || shown == '=')) out += '\\';
      line_start = false;
    }
    if (std::string_view("\\`*_[]<>|~&#!").find(shown) != std::string_view::npos) out += '\\';
    out += shown;
  }
  return out;
}

std::string_view TrimSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Paragraphs of a text separated by blank lines, each escaped as a paragraph of its own.
std::string MdParagraphs(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' ')) {
      paragraph.remove_prefix(1);
    }
    if (!paragraph.empty()) out += Md(paragraph, true) + "\n\n";
    start = end + 2;
  }
  return out;
}

void AppendVerdictTable(const std::vector<BriefingActor>& actors, const VerdictScale& scale,
                        std::string& out) {
  const std::vector<std::size_t> counts = VerdictCounts(actors, scale);
  out +=
      "## Verdicts\n\nThe verdict scale, from the claim holding to the claim being false, with "
      "how many claims in this briefing received each verdict.\n\n"
      "| Verdict | Meaning | Claims |\n| --- | --- | ---: |\n";
  for (std::size_t i = 0; i < scale.verdicts().size(); ++i) {
    const Verdict& verdict = scale.verdicts()[i];
    out += fmt::format("| {} | {} | {} |\n", Md(VerdictLabel(verdict.name)),
                       Md(verdict.description), counts[i]);
  }
  if (counts.back() > 0) {
    out += fmt::format("| Other | Verdicts no longer on this scale | {} |\n", counts.back());
  }
  out += "\n";
}

void AppendClaim(const BriefingInput& input, const ReviewedClaim& item, std::string& out) {
  const Claim& claim = item.claim;
  const FactCheck& fact_check = item.fact_check;
  out += fmt::format(
      "### “{}”\n\n**Verdict: {}**", Md(claim.text),
      Md(fact_check.verdict.empty() ? std::string("none yet") : VerdictLabel(fact_check.verdict)));
  if (NeedsReview(fact_check)) out += " · **⚠ Needs review**";
  if (fact_check.status != FactCheckStatus::kPublished) {
    out += fmt::format(" · {}", StatusLabel(fact_check.status));
  }
  out += "\n\n";
  if (!claim.date.empty()) out += fmt::format("- Said: {}\n", Md(LongDate(claim.date)));
  if (claim.session > 0) out += fmt::format("- Session: {}\n", claim.session);
  std::string grade(SourceGradeName(claim.source_grade));
  for (char& c : grade) c = c == '-' ? ' ' : c;
  // IsWebUrl admits no space, angle bracket or backslash, so the pointy-bracket destination
  // holds the URL as it is.
  out += IsWebUrl(claim.source_url) ? fmt::format("- Source: [{}](<{}>)\n", grade, claim.source_url)
                                    : fmt::format("- Source: {}\n", grade);
  const std::string published = DatePart(fact_check.published_at);
  out += fmt::format("- Fact-check: \\#{}{}\n\n", fact_check.id,
                     published.empty() ? std::string() : ", published " + LongDate(published));
  // Emphasis needs no space just inside its asterisks.
  const std::string_view summary = TrimSpace(fact_check.summary);
  if (!summary.empty()) out += fmt::format("**{}**\n\n", Md(summary));
  out += MdParagraphs(fact_check.rationale);
  if (!fact_check.evidence.empty()) out += "#### Evidence\n\n";
  for (const Evidence& evidence : fact_check.evidence) {
    out += fmt::format("> “{}”\n>\n> — {}\n\n", Md(evidence.anchor.exact),
                       Md(EvidenceCitationText(input, evidence)));
    if (!evidence.note.empty()) out += Md(evidence.note, true) + "\n\n";
    if (std::string state = AnchorStateSentence(evidence); !state.empty()) {
      out += fmt::format("*{}*\n\n", Md(state));
    }
  }
  if (IsCorrected(fact_check)) {
    out += fmt::format("**Corrected on {}:** {}\n\n", Md(LongDate(DatePart(fact_check.updated_at))),
                       Md(fact_check.change_note));
  }
}

}  // namespace

std::string BriefingMarkdown(const BriefingInput& input, const VerdictScale& scale) {
  const std::vector<BriefingActor> actors = BriefingActors(input);
  std::string out = fmt::format("# {}\n\n", Md(input.title.empty() ? "Fact-checks" : input.title));
  if (std::string session = SessionLine(input); !session.empty()) {
    out += Md(session, true) + "\n\n";
  }
  if (input.include_unpublished) {
    out += fmt::format("> **{}** {}\n\n", Md(kInternalDraftBanner), Md(kInternalDraftExplanation));
  }
  out += Md(BriefingLede(actors, input), true) + "\n\n";
  AppendVerdictTable(actors, scale, out);
  if (!actors.empty()) {
    out += "## Contents\n\n";
    for (std::size_t i = 0; i < actors.size(); ++i) {
      out += fmt::format("{}. [{}](#{}) — {} {}\n", i + 1, Md(actors[i].name), actors[i].anchor,
                         actors[i].items.size(), actors[i].items.size() == 1 ? "claim" : "claims");
    }
    out += "\n";
  }
  for (const BriefingActor& actor : actors) {
    // An explicit anchor: the heading's own slug depends on the renderer, the id does not.
    out += fmt::format("<a id=\"{}\"></a>\n\n## {}\n\n", actor.anchor, Md(actor.name));
    for (const ReviewedClaim* item : actor.items) AppendClaim(input, *item, out);
  }
  std::string footer =
      fmt::format("Fact-checks by {}",
                  input.publisher.name.empty() ? std::string("treatywatch") : input.publisher.name);
  footer +=
      ". Evidence quotes are the exact words of the documents cited. A fact-check marked "
      "“needs review” quotes words that changed in a newer draft; it is being checked again.";
  out += "---\n\n" + Md(footer, true) + "\n";
  return out;
}

}  // namespace tw::factcheck
