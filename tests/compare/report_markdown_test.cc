#include "compare/report_markdown.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report_samples.h"
#include "text/utf8.h"

namespace tw::compare {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t Find(const std::string& haystack, const std::string& needle) {
  const std::size_t at = haystack.find(needle);
  EXPECT_NE(at, std::string::npos) << "missing: " << needle;
  return at;
}

TEST(ReportMarkdownTest, TitleBlockAndSummary) {
  const std::string md = RenderMarkdown(testing::SampleComparison());
  EXPECT_THAT(md, HasSubstr("# Comparison of drafts: A/AC.291/22 \u2192 A/AC.291/22/Rev.1\n"));
  EXPECT_THAT(md, HasSubstr("| Date | 29 May 2023 | 6 November 2023 |"));
  EXPECT_THAT(md, HasSubstr("| Version | 3 | 4 |"));
  for (const char* row :
       {"| Articles in the earlier text | 7 |", "| Amended (wording changed) | 4 |",
        "| Moved to another place | 1 |", "| Earlier articles split into several | 1 |",
        "| Later articles merged from several | 1 |", "| Words deleted or inserted | 17.6% |",
        "| Square-bracketed (unagreed) passages, later text | 3 |"}) {
    EXPECT_THAT(md, HasSubstr(row));
  }
}

TEST(ReportMarkdownTest, EveryChangedArticleIsASectionInNewOrder) {
  const std::string md = RenderMarkdown(testing::SampleComparison());
  const std::vector<std::string> headings = {
      "### Art. 1 \u2014 Use of terms (amended)\n",
      "### Art. 2 \u2014 Relationship with other instruments (deleted)\n",
      "### Art. 3 \u2014 Respect for human rights (new)\n",
      "### Art. 5 \u2192 Arts. 4 and 5 \u2014 Illegal access (split, renumbered, amended)\n",
      "### Arts. 6 and 7 \u2192 Art. 6 \u2014 Misuse of devices (merged, amended)\n",
      "### Art. 4 \u2192 Art. 7 \u2014 Jurisdiction (moved, renumbered, amended)\n",
  };
  std::size_t previous = 0;
  for (const std::string& heading : headings) {
    const std::size_t at = Find(md, heading);
    EXPECT_GT(at, previous) << heading;
    previous = at;
  }
  // Only renumbered, and unchanged: one line each at the end, not sections.
  EXPECT_THAT(md, HasSubstr("## Renumbered, wording unchanged (1)\n\nArt. 3 \u2192 Art. 2\n"));
  EXPECT_THAT(md, HasSubstr("## Unchanged (2)\n\nPreamble, Final clause\n"));
  EXPECT_THAT(md, Not(HasSubstr("### Preamble")));
  EXPECT_THAT(md, Not(HasSubstr("### Art. 3 \u2192 Art. 2")));
}

TEST(ReportMarkdownTest, NotesBracketsParagraphsAndMigrations) {
  const std::string md = RenderMarkdown(testing::SampleComparison());
  EXPECT_THAT(md, HasSubstr("- Formerly between Art. 3 and Art. 5 in the earlier text.\n"));
  EXPECT_THAT(md, HasSubstr("- Heading was \u201CIllegal access and interception\u201D.\n"));
  EXPECT_THAT(md, HasSubstr("- Similarity 78%; 33 \u2192 42 words.\n"));
  EXPECT_THAT(md, HasSubstr("- **Brackets removed (agreed):** \u201CSerious crime\u201D \u2014 "
                            "Art. 1(b)\n"));
  EXPECT_THAT(md, HasSubstr("- **Brackets added (disputed):** \u201Cwhen the offence is "
                            "committed in its territory\u201D \u2014 Art. 7(1)\n"));
  EXPECT_THAT(md, HasSubstr("- Art. 4(1) \u2192 Art. 7(1): Amended, similarity 78%\n"));
  EXPECT_THAT(md, HasSubstr("- Art. 1(c): New\n"));
  EXPECT_THAT(md, HasSubstr("## Paragraphs moved between articles\n\n- Art. 5(2) \u2192 "
                            "Art. 5(1): Moved, similarity 97%\n"));
}

TEST(ReportMarkdownTest, RedlineMarksWordsAndParagraphBreaks) {
  const std::string md = RenderMarkdown(testing::SampleComparison());
  EXPECT_THAT(md, HasSubstr("in accordance with ~~this Convention~~**articles 4 to 6** "));
  // A '\n' inside an inserted run: the break is marked, the new line is its own paragraph.
  EXPECT_THAT(md, HasSubstr("at least four years **or a more serious penalty**; **\u00B6**\n>\n"
                            "> **(c) \u201CElectronic data\u201D shall mean any representation"));
  // Inside a deleted run: both lost breaks marked. "5~~.~~" would not strike through (a
  // delimiter after a letter before punctuation), so the run takes GFM's <del>.
  EXPECT_THAT(md, HasSubstr("under articles 4 and 5<del>.</del> ~~\u00B6~~\n>\n"
                            "> ~~Offences relating to passwords~~ ~~\u00B6~~\n"));
  EXPECT_THAT(md, HasSubstr("> ~~1. Each State Party shall establish as a criminal offence "
                            "the sale or distribution~~<ins>, or</ins> of a password"));
  // A deleted unit is struck through line by line.
  EXPECT_THAT(md, HasSubstr("> ~~2. This article is without prejudice to regional "
                            "arrangements.~~\n"));
  // Only renumbered: no text, said so.
  EXPECT_THAT(RenderMarkdown([] {
                Comparison c = testing::SampleComparison();
                c.changes[3].moved = true;  // now a section of its own
                return c;
              }()),
              HasSubstr("_Wording unchanged._"));
}

// Document text that would be Markdown syntax stays text.
struct EscapeCase {
  std::string name;
  std::string text;      // one line of a unit, as an equal run
  std::string expected;  // the line in the report
};

// Test names for ctest: the case's name, not its bytes.
void PrintTo(const EscapeCase& c, std::ostream* os) { *os << c.name; }

class MarkdownEscapeTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(MarkdownEscapeTest, LineIsEscaped) {
  Comparison c;
  ArticleChange change;
  change.kind = ChangeKind::kSubstitution;
  change.old_citation = change.new_citation = "Art. 1";
  change.ops = {{OpKind::kEqual, GetParam().text}, {OpKind::kInsert, " x"}};
  c.changes.push_back(change);
  EXPECT_THAT(RenderMarkdown(c), HasSubstr("\n> " + GetParam().expected + " **x**\n"));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MarkdownEscapeTest,
    ::testing::Values(EscapeCase{"heading", "# not a heading", "\\# not a heading"},
                      EscapeCase{"ordered_list", "1. not a list", "1\\. not a list"},
                      EscapeCase{"ordered_list_paren", "12) not a list", "12\\) not a list"},
                      EscapeCase{"bullet_dash", "- not a bullet", "\\- not a bullet"},
                      EscapeCase{"bullet_plus", "+ not a bullet", "\\+ not a bullet"},
                      EscapeCase{"quote", "> not a quote", "\\> not a quote"},
                      EscapeCase{"emphasis", "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"},
                      EscapeCase{"link_image", "[link](javascript:x) ![i](y)",
                                 "\\[link\\](javascript:x) \\!\\[i\\](y)"},
                      EscapeCase{"html_entity", "<script>&amp;", "\\<script\\>\\&amp;"},
                      EscapeCase{"pipe_backslash", "a | b \\ c", "a \\| b \\\\ c"},
                      EscapeCase{"code_indent", "    four spaces", "&#32;   four spaces"},
                      EscapeCase{"control", "ctrl\x01\x1b[31m\x7f", "ctrl\\[31m"},
                      EscapeCase{"invalid_utf8", "bad \xff utf", "bad \xEF\xBF\xBD utf"},
                      EscapeCase{"tab", "tab\there", "tab here"}));

TEST(ReportMarkdownTest, HostileTextNeverBecomesSyntax) {
  const std::string md = RenderMarkdown(testing::HostileComparison());
  EXPECT_FALSE(text::FindInvalidUtf8(md).has_value());
  for (char c : md) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n') << "control byte " << int{byte};
  }
  // Every '<' is escaped or one of our own redline tags.
  for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    const std::string tail = md.substr(at, 6);
    const bool ours = tail.rfind("<del>", 0) == 0 || tail.rfind("</del>", 0) == 0 ||
                      tail.rfind("<ins>", 0) == 0 || tail.rfind("</ins>", 0) == 0;
    EXPECT_TRUE(ours || (at > 0 && md[at - 1] == '\\')) << md.substr(at, 40);
  }
  EXPECT_THAT(md,
              HasSubstr("# Comparison of drafts: \\<script\\>alert('old')\\</script\\> \u2192"));
  EXPECT_THAT(md, HasSubstr("~~\\*stars\\* \\_under\\_ \\[link\\](javascript:alert(1)) \\`code\\` "
                            "\\| pipe~~"));
  EXPECT_THAT(md, HasSubstr("| Words deleted or inserted | 100.0% |"));
  EXPECT_THAT(md, HasSubstr("- Art. 1(2): Amended, similarity \\<1%\n"));
  EXPECT_THAT(md, Not(HasSubstr("0000000000")));  // 1e300 % is held to 100 in the sentence too
}

TEST(ReportMarkdownTest, EmptyComparisonAndDeterminism) {
  EXPECT_THAT(RenderMarkdown(Comparison{}),
              HasSubstr("_No article was amended, moved, added or deleted._"));
  EXPECT_EQ(RenderMarkdown(testing::SampleComparison()),
            RenderMarkdown(testing::SampleComparison()));
}

}  // namespace
}  // namespace tw::compare
