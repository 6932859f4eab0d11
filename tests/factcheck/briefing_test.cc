// Briefings: which fact-checks appear (published only by default; the internal draft marked as
// such; one session), in which order (actors alphabetically by name, claims by date), what each
// shows (verdict in words, needs-review marker, evidence quoted with its citation, corrections),
// and that hostile text stays text: escaped in HTML, escaped in Markdown (read back through
// cmark-gfm, as a site generator would), guarded against formulas in CSV.
#include "factcheck/briefing.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "briefing_samples.h"

namespace tw::factcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::size_t Count(std::string_view text, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + what.size())) {
    ++count;
  }
  return count;
}

// The order in which `needles` first occur in `text`; fails for one that does not.
std::vector<std::size_t> Positions(std::string_view text, const std::vector<std::string>& needles) {
  std::vector<std::size_t> positions;
  for (const std::string& needle : needles) {
    const std::size_t at = text.find(needle);
    EXPECT_NE(at, std::string_view::npos) << needle;
    positions.push_back(at);
  }
  return positions;
}

bool Increasing(const std::vector<std::size_t>& positions) {
  for (std::size_t i = 1; i < positions.size(); ++i) {
    if (positions[i - 1] >= positions[i]) return false;
  }
  return true;
}

// The actor headings of an HTML briefing, in page order.
std::vector<std::string> ActorHeadings(const std::string& html) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while ((at = html.find("<h2 id=\"actor-", at)) != std::string::npos) {
    at = html.find("\">", at) + 2;
    names.push_back(html.substr(at, html.find("</h2>", at) - at));
  }
  return names;
}

// RFC 4180 records (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  bool row_open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    row_open = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      row_open = false;
      ++i;
    } else {
      field += c;
    }
  }
  if (row_open) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Markdown rendered as GitHub would (CommonMark + GFM tables and strikethrough), raw HTML kept
// so that any that slipped through shows.
std::string RenderGfm(const std::string& markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_UNSAFE);
  for (const char* name : {"table", "strikethrough"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* document = cmark_parser_finish(parser);
  char* html =
      cmark_render_html(document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string result(html);
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return result;
}

TEST(BriefingHtmlTest, ActorsAlphabeticallyAndClaimsByDate) {
  const BriefingInput input = testing::SampleBriefing();
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  // ICU collation: "Côte d'Ivoire" after "Costa Rica" (bytewise it would follow "European").
  EXPECT_THAT(ActorHeadings(html),
              ElementsAre("Brazil", "Costa Rica", "Côte d&#39;Ivoire", "European Union"));
  // Brazil's claim of 10 January (fact-check 11) before the one of 12 January (12).
  EXPECT_TRUE(Increasing(Positions(html, {"id=\"factcheck-11\"", "id=\"factcheck-12\""})));
  // The table of contents follows the same order and links to each section.
  EXPECT_TRUE(Increasing(Positions(
      html,
      {"<a href=\"#actor-1\">Brazil</a>", "<a href=\"#actor-2\">Costa Rica</a>",
       "<a href=\"#actor-3\">Côte d&#39;Ivoire</a>", "<a href=\"#actor-4\">European Union</a>"})));
  for (int i = 1; i <= 4; ++i) {
    EXPECT_THAT(html, HasSubstr("<section class=\"actor\" id=\"actor-" + std::to_string(i) + "\""));
  }
  EXPECT_EQ(Count(html, "<h1>"), 1u);
}

TEST(BriefingHtmlTest, UnpublishedExcludedByDefault) {
  const BriefingInput input = testing::SampleBriefing();
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  EXPECT_THAT(html, Not(HasSubstr("factcheck-16")));
  EXPECT_THAT(html, Not(HasSubstr("factcheck-17")));
  EXPECT_THAT(html, Not(HasSubstr("Croatia")));
  EXPECT_THAT(html, Not(HasSubstr("Internal draft")));
  EXPECT_THAT(html, Not(HasSubstr("class=\"status\"")));
  EXPECT_THAT(html, HasSubstr("5 claims by 4 actors"));
}

TEST(BriefingHtmlTest, InternalDraftIsMarked) {
  BriefingInput input = testing::SampleBriefing();
  input.include_unpublished = true;
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  EXPECT_THAT(html, HasSubstr("<strong>Internal draft — not for publication.</strong>"));
  EXPECT_THAT(html, HasSubstr("<title>Fact-checks: fourth session (internal draft)</title>"));
  EXPECT_THAT(html, HasSubstr("id=\"factcheck-16\""));
  EXPECT_THAT(html, HasSubstr("id=\"factcheck-17\""));
  EXPECT_THAT(html, HasSubstr("<span class=\"status\">In review</span>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"status\">Draft</span>"));
  EXPECT_THAT(ActorHeadings(html), ElementsAre("Brazil", "Costa Rica", "Côte d&#39;Ivoire",
                                               "Croatia", "European Union"));
  // Brazil's draft of 17 January comes after its published claims.
  EXPECT_TRUE(Increasing(
      Positions(html, {"id=\"factcheck-11\"", "id=\"factcheck-12\"", "id=\"factcheck-17\""})));
}

TEST(BriefingHtmlTest, OneSession) {
  BriefingInput input = testing::SampleBriefing();
  input.include_unpublished = true;
  input.session = 5;
  input.session_label.clear();
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  EXPECT_THAT(html, HasSubstr("<p class=\"session\">Session 5</p>"));
  EXPECT_THAT(ActorHeadings(html), ElementsAre("Brazil", "Croatia"));
  EXPECT_THAT(html, HasSubstr("id=\"factcheck-17\""));
  EXPECT_THAT(html, Not(HasSubstr("id=\"factcheck-11\"")));
}

TEST(BriefingHtmlTest, VerdictsEvidenceAndCorrections) {
  const BriefingInput input = testing::SampleBriefing();
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  // The verdict in words on its badge; the tone is a class, never the only signal.
  EXPECT_THAT(html, HasSubstr("<span class=\"verdict v-mixed\">Verdict: Omits a safeguard</span>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"verdict v-good\">Verdict: Accurate</span>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"verdict v-bad\">Verdict: Unsupported</span>"));
  // Evidence: the exact words as a quotation, the citation under it.
  EXPECT_THAT(html, HasSubstr("<blockquote><p>“which shall incorporate the principle of "
                              "proportionality”</p></blockquote>\n<figcaption>Art. 24(1), "
                              "A/RES/79/243</figcaption>"));
  EXPECT_THAT(html, HasSubstr("<figcaption>Art. 15(1), Budapest Convention</figcaption>"));
  // Changed evidence: the fact-check says it needs review, the quote says why.
  const std::size_t stale = html.find("id=\"factcheck-14\"");
  ASSERT_NE(stale, std::string::npos);
  const std::string stale_claim = html.substr(stale, html.find("</article>", stale) - stale);
  EXPECT_THAT(stale_claim, HasSubstr("Needs review</span>"));
  EXPECT_THAT(stale_claim, HasSubstr("the closest passage is 82% similar"));
  EXPECT_EQ(Count(html, "Needs review</span>"), 1u);
  EXPECT_THAT(html, HasSubstr("1 needs review"));
  // The correction is visible, with its date.
  EXPECT_THAT(html, HasSubstr("<p class=\"correction\"><strong>Corrected on 3 February 2023:"
                              "</strong> The first version cited the meeting of 10 January; the "
                              "objections were made on 11 January.</p>"));
  // The source link only where the claim has a web URL.
  EXPECT_THAT(html,
              HasSubstr("<a href=\"https://webtv.example.org/session4/2023-01-12#t=01:12:40\">"
                        "webcast</a>"));
  // Rationale paragraphs stay paragraphs.
  EXPECT_THAT(html, HasSubstr("<p>Only the Budapest Convention ties"));
}

TEST(BriefingHtmlTest, EverythingIsEscaped) {
  const BriefingInput input = testing::HostileBriefing();
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  for (const char* forbidden :
       {"<script", "<img", "<i>", "<b>", "<div>raw", "href=\"javascript:"}) {
    EXPECT_THAT(html, Not(HasSubstr(forbidden))) << forbidden;
  }
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&quot;claim&quot;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;Delegation"));
  EXPECT_THAT(html, HasSubstr("&lt;/blockquote&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; | "
                              "*briefing*</title>"));
  // Structure intact: one blockquote per piece of evidence.
  EXPECT_EQ(Count(html, "<blockquote>"), 2u);
  EXPECT_EQ(Count(html, "</blockquote>"), 2u);
}

TEST(BriefingCsvTest, OneRowPerFactCheckInBriefingOrder) {
  const BriefingInput input = testing::SampleBriefing();
  const std::vector<std::vector<std::string>> rows = ParseCsv(BriefingCsv(input));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows[0], ElementsAre("factcheck", "actor", "date", "session", "claim", "verdict",
                                   "summary", "status", "needs_review", "corrected", "evidence"));
  std::vector<std::string> order;
  for (std::size_t i = 1; i < rows.size(); ++i) order.push_back(rows[i][0]);
  EXPECT_THAT(order, ElementsAre("11", "12", "15", "14", "13"));
  EXPECT_THAT(rows[2], ElementsAre("12", "Brazil", "2023-01-12", "4",
                                   "Article 24 already contains all the safeguards of the "
                                   "Budapest Convention.",
                                   "omits-a-safeguard", ::testing::StartsWith("Article 24 leaves"),
                                   "published", "no", "no",
                                   "Art. 24(1), A/RES/79/243; Art. 15(1), Budapest Convention"));
  EXPECT_EQ(rows[4][8], "yes");  // 14: changed evidence
  EXPECT_EQ(rows[5][9], "yes");  // 13: corrected
}

TEST(BriefingCsvTest, FormulasAreGuarded) {
  const BriefingInput input = testing::HostileBriefing();
  const std::string csv = BriefingCsv(input);
  const std::vector<std::vector<std::string>> rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) ASSERT_EQ(row.size(), 11u) << csv;
  // Sorted by name: "<img…" (U+003C) and "=HYPERLINK…" by ICU root collation (symbols first).
  const auto& formulas = rows[1][0] == "22" ? rows[1] : rows[2];
  EXPECT_EQ(formulas[1], "'=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(formulas[4], "'-2+3 is what they said");
  EXPECT_EQ(formulas[6], "'@SUM(A1:A2)");
  // No cell of the file starts a formula.
  for (const auto& row : rows) {
    for (const std::string& field : row) {
      ASSERT_FALSE(!field.empty() &&
                   std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos)
          << field;
    }
  }
}

TEST(BriefingMarkdownTest, SameStructureAsThePage) {
  BriefingInput input = testing::SampleBriefing();
  const std::string markdown = BriefingMarkdown(input, VerdictScale::Default());
  EXPECT_TRUE(Increasing(Positions(
      markdown, {"# Fact-checks: fourth session", "## Verdicts", "## Contents", "\n## Brazil",
                 "\n## Costa Rica", "\n## Côte d'Ivoire", "\n## European Union"})))
      << markdown;
  EXPECT_THAT(markdown, Not(HasSubstr("Internal draft")));
  EXPECT_THAT(markdown, HasSubstr("> “which shall incorporate the principle of proportionality”\n"
                                  ">\n> — Art. 24(1), A/RES/79/243\n"));
  EXPECT_THAT(markdown, HasSubstr("**Verdict: Omits a safeguard**"));
  EXPECT_THAT(markdown, HasSubstr("**Verdict: Misleading** · **⚠ Needs review**"));

  const std::string html = RenderGfm(markdown);
  EXPECT_EQ(Count(html, "<h1>"), 1u);
  EXPECT_EQ(Count(html, "<h2>"), 6u);  // Verdicts, Contents, four actors
  EXPECT_EQ(Count(html, "<blockquote>"), 6u);
  // The verdict table: a header row and the eight verdicts of the scale.
  EXPECT_EQ(Count(html, "<tr>"), 9u);
  EXPECT_THAT(html, HasSubstr("<a href=\"#actor-3\">Côte d'Ivoire</a>"));
  EXPECT_THAT(html, HasSubstr("<a id=\"actor-3\"></a>"));
  EXPECT_THAT(html,
              HasSubstr("<a href=\"https://webtv.example.org/session4/2023-01-12#t=01:12:40\">"
                        "webcast</a>"));

  input.include_unpublished = true;
  EXPECT_THAT(BriefingMarkdown(input, VerdictScale::Default()),
              HasSubstr("> **Internal draft — not for publication.**"));
}

TEST(BriefingMarkdownTest, SyntaxInTextStaysText) {
  const BriefingInput input = testing::HostileBriefing();
  const std::string markdown = BriefingMarkdown(input, VerdictScale::Default());
  EXPECT_THAT(markdown, HasSubstr("a \\| b \\* c \\_d\\_ \\[link\\](x)"));
  EXPECT_THAT(markdown, HasSubstr("\\*\\*bold\\*\\* \\& \\<i\\>italic\\</i\\> \\| cell"));

  const std::string html = RenderGfm(markdown);
  // No markup of the text became markup of the page.
  for (const char* forbidden : {"<script", "<img", "<i>", "<b>", "<div>", "<em>", "href=\"x\"",
                                "href=\"javascript:", "<li>not a list", "<li>not numbered"}) {
    EXPECT_THAT(html, Not(HasSubstr(forbidden))) << forbidden << "\n" << markdown;
  }
  // The hostile rationale's "# Not a heading" is no heading; the title is the only <h1>.
  EXPECT_EQ(Count(html, "<h1>"), 1u);
  EXPECT_THAT(html, HasSubstr("<p># Not a heading</p>"));
  EXPECT_THAT(html, HasSubstr("<p>- not a list</p>"));
  EXPECT_THAT(html, HasSubstr("<p>1. not numbered</p>"));
  // The claim's '|' and '*' came through as characters, in the claim's heading.
  EXPECT_THAT(html, HasSubstr("a | b * c _d_ [link](x)"));
  // The summary is bold as a whole, its asterisks are text.
  EXPECT_THAT(html, HasSubstr("<strong>**bold** &amp; &lt;i&gt;italic&lt;/i&gt; | cell</strong>"));
  // The verdict table keeps its rows: '|' in a description would have split a cell.
  EXPECT_EQ(Count(html, "<tr>"), 9u);
}

TEST(BriefingTest, EmptyBriefing) {
  BriefingInput input;
  input.title = "Fact-checks";
  const std::string html = BriefingHtml(input, VerdictScale::Default());
  EXPECT_THAT(html, HasSubstr("No published fact-checks yet."));
  EXPECT_THAT(html, Not(HasSubstr("<nav")));
  EXPECT_THAT(BriefingMarkdown(input, VerdictScale::Default()),
              HasSubstr("No published fact-checks yet."));
  EXPECT_EQ(ParseCsv(BriefingCsv(input)).size(), 1u);
}

}  // namespace
}  // namespace tw::factcheck
