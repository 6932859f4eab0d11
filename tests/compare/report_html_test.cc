#include "compare/report_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "report_samples.h"
#include "text/utf8.h"

namespace tw::compare {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Captures(const std::string& html, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator();
       ++it) {
    found.push_back((*it)[1].str());
  }
  return found;
}

std::size_t Find(const std::string& haystack, const std::string& needle) {
  const std::size_t at = haystack.find(needle);
  EXPECT_NE(at, std::string::npos) << "missing: " << needle;
  return at;
}

// The element that starts at `open` (found by Find), up to its closing tag.
std::string Element(const std::string& html, const std::string& open, const std::string& close) {
  const std::size_t begin = Find(html, open);
  if (begin == std::string::npos) return "";
  const std::size_t end = html.find(close, begin);
  return html.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// Every fragment link lands on an element of the page, and ids are unique.
void ExpectLinksResolve(const std::string& html) {
  const std::vector<std::string> ids = Captures(html, R"re(\sid="([^"]*)")re");
  const std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), ids.size()) << "duplicate ids";
  for (const std::string& id : ids) {
    EXPECT_TRUE(std::regex_match(id, std::regex("[a-z][a-z0-9-]*"))) << id;
  }
  const std::vector<std::string> targets = Captures(html, R"re(href="#([^"]*)")re");
  EXPECT_FALSE(targets.empty());
  for (const std::string& target : targets) EXPECT_TRUE(unique.count(target)) << target;
}

TEST(ReportHtmlTest, StandalonePageWithoutRequestsOrScript) {
  const std::string html = RenderHtml(testing::SampleComparison());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<meta name=\"viewport\" content=\"width=device-width, "
                              "initial-scale=1\">"));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy\" content=\"default-src 'none'"));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_THAT(html, HasSubstr("<title>Comparison of drafts: A/AC.291/22 \u2192 "
                              "A/AC.291/22/Rev.1</title>"));
  for (const char* forbidden : {"<script", "<link", "<img", "<iframe", "@import", "url(",
                                "http:", "https:", "src=", "onclick"}) {
    EXPECT_THAT(html, Not(HasSubstr(forbidden)));
  }
  EXPECT_THAT(html, HasSubstr("<a class=\"skip-link\" href=\"#changes\">"));
  EXPECT_THAT(html, HasSubstr("<main id=\"main\">"));
}

TEST(ReportHtmlTest, SummaryTableHasEveryFieldWithHeaders) {
  const std::string html = RenderHtml(testing::SampleComparison());
  const std::string table = Element(html, "<table class=\"summary\">", "</table>");
  EXPECT_THAT(table, HasSubstr("<th scope=\"col\">Measure</th>"));
  for (const char* row :
       {"Articles in the earlier text", "Articles in the later text",
        "Unchanged (same number, same wording)", "Amended (wording changed)", "Renumbered",
        "Moved to another place", "New articles", "Deleted articles",
        "Earlier articles split into several", "Later articles merged from several",
        "Square-bracketed (unagreed) passages, earlier text",
        "Square-bracketed (unagreed) passages, later text", "Words deleted or inserted"}) {
    EXPECT_THAT(table, HasSubstr(std::string("<tr><th scope=\"row\">") + row + "</th>"));
  }
  EXPECT_THAT(table, HasSubstr("<td class=\"num\">17.6%</td>"));
  EXPECT_EQ(Captures(table, "(<tr>)").size(), 14u);
  EXPECT_THAT(html, HasSubstr("<td>29 May 2023</td><td>6 November 2023</td>"));
}

TEST(ReportHtmlTest, ContentsListsChangedArticlesInNewOrder) {
  const std::string html = RenderHtml(testing::SampleComparison());
  const std::string toc = Element(html, "<nav id=\"contents\"", "</nav>");
  const std::vector<std::string> links = Captures(toc, R"re(href="#([^"]*)")re");
  EXPECT_EQ(links, (std::vector<std::string>{"new-art1", "old-art2", "new-art3", "new-art4",
                                             "new-art6", "new-art7"}));
  EXPECT_THAT(toc, HasSubstr(">Art. 4 \u2192 Art. 7</a> <span class=\"toc-heading\">"
                             "Jurisdiction</span><span class=\"toc-kinds\">Moved \u00B7 "
                             "Renumbered \u00B7 Amended</span>"));
}

TEST(ReportHtmlTest, ArticleHeadingBadgesAndFacts) {
  const std::string html = RenderHtml(testing::SampleComparison());
  const std::string moved =
      Element(html, "<article class=\"change k-move\" id=\"new-art7\"", "</article>");
  EXPECT_THAT(moved, HasSubstr("<h3 id=\"h-new-art7\"><span class=\"cite\">Art. 4</span><span "
                               "class=\"arrow\" aria-hidden=\"true\">\u2192</span>"));
  EXPECT_THAT(moved, HasSubstr("<li class=\"badge k-move\">Moved</li><li class=\"badge "
                               "k-renumbering\">Renumbered</li><li class=\"badge "
                               "k-substitution\">Amended</li>"));
  EXPECT_THAT(moved, HasSubstr("<dt>Similarity</dt><dd>78%</dd>"));
  EXPECT_THAT(moved, HasSubstr("<a href=\"#was-art4\">its former place in the earlier text</a> "
                               "(between Art. 3 and Art. 5)"));
  EXPECT_THAT(moved, HasSubstr("<p class=\"story\">Art. 4 moved and became Art. 7"));
  EXPECT_THAT(moved, HasSubstr("Brackets added (disputed)</span>: <q>when the offence is "
                               "committed in its territory</q>"));
  EXPECT_THAT(moved, HasSubstr("<tr><th scope=\"row\">Art. 4(1) \u2192 Art. 7(1)</th>"
                               "<td>Amended</td><td class=\"num\">78%</td></tr>"));
  const std::string split = Element(html, "id=\"new-art4\"", "</article>");
  EXPECT_THAT(split, HasSubstr("<dt>Parts</dt><dd>Split into Art. 4 and Art. 5</dd>"));
  EXPECT_THAT(split, HasSubstr("<dt>Heading was</dt><dd><q>Illegal access and interception</q>"));
  const std::string join = Element(html, "id=\"new-art6\"", "</article>");
  EXPECT_THAT(join, HasSubstr("<dd>Merged from Art. 6 and Art. 7</dd>"));
}

TEST(ReportHtmlTest, RedlineSplitsLinesEvenInsideRuns) {
  const std::string html = RenderHtml(testing::SampleComparison());
  EXPECT_THAT(html, HasSubstr("in accordance with <del>this Convention</del><ins>articles 4 to "
                              "6</ins> <ins>[</ins>when the offence"));
  // The break inside an inserted run ends one paragraph and starts the next.
  EXPECT_THAT(html, HasSubstr("years <ins>or a more serious penalty</ins>;<ins class=\"pilcrow\" "
                              "title=\"Paragraph break added\">\u00B6</ins></p>\n<p "
                              "class=\"line-point\"><ins>(c) \u201CElectronic data\u201D"));
  // Two breaks inside one deleted run.
  EXPECT_THAT(html, HasSubstr("articles 4 and 5<del>.</del><del class=\"pilcrow\" "
                              "title=\"Paragraph break "
                              "removed\">\u00B6</del></p>\n<p><del>Offences relating to "
                              "passwords</del><del class=\"pilcrow\""));
  EXPECT_THAT(html, HasSubstr("<p class=\"line-heading\">Jurisdiction</p>"));
  // A deleted article is shown in full, struck through.
  const std::string repeal = Element(html, "id=\"old-art2\"", "</article>");
  EXPECT_THAT(repeal, HasSubstr("<p><del>2. This article is without prejudice to regional "
                                "arrangements.</del></p>"));
  EXPECT_THAT(repeal, HasSubstr("<li class=\"badge k-repeal\">Deleted</li>"));
  EXPECT_THAT(repeal, Not(HasSubstr("<ins>")));
  EXPECT_THAT(repeal, Not(HasSubstr("pilcrow")));  // breaks inside a deleted whole go unmarked
}

TEST(ReportHtmlTest, MoveIsLinkedBothWaysAndStubSitsAtTheOldPlace) {
  const std::string html = RenderHtml(testing::SampleComparison());
  const std::string stub = Element(html, "<aside class=\"moved-stub\" id=\"was-art4\"", "</aside>");
  EXPECT_THAT(stub, HasSubstr("Art. 4 stood here in the earlier text \u2014 moved to <a "
                              "href=\"#new-art7\">Art. 7</a>."));
  // Old order: Art. 2 (deleted), Art. 3 (renumbered, listed at the end), Art. 4, Art. 5: the stub
  // comes after the deleted Art. 2 and before the new Art. 3 and the split Art. 5.
  const std::size_t deleted = Find(html, "id=\"old-art2\"");
  const std::size_t former = Find(html, "id=\"was-art4\"");
  const std::size_t inserted = Find(html, "id=\"new-art3\"");
  const std::size_t moved = Find(html, "id=\"new-art7\"");
  EXPECT_LT(deleted, former);
  EXPECT_LT(former, inserted);
  EXPECT_LT(inserted, moved);
  ExpectLinksResolve(html);
}

TEST(ReportHtmlTest, SeveralMovesEachLeaveAStubAtTheirOldPlace) {
  const std::string html = RenderHtml(testing::ShuffledComparison());
  ExpectLinksResolve(html);
  // Old order 1, 2, 3, 4, 5: the stubs of Arts. 1 and 2 open the list, Art. 5's follows Art. 4
  // (unchanged, so only listed at the end) and closes it.
  const std::size_t first = Find(html, "id=\"was-art1\"");
  const std::size_t second = Find(html, "id=\"was-art2\"");
  const std::size_t moved5 = Find(html, "id=\"new-art5\"");
  const std::size_t last = Find(html, "id=\"was-art5\"");
  EXPECT_LT(first, second);
  EXPECT_LT(second, moved5);
  EXPECT_LT(moved5, last);
  EXPECT_LT(last, Find(html, "id=\"unchanged\""));
  EXPECT_THAT(html, HasSubstr("Art. 2 stood here in the earlier text \u2014 moved to <a "
                              "href=\"#new-art2\">Art. 2</a>."));
}

TEST(ReportHtmlTest, CompactListsAndMigrations) {
  const std::string html = RenderHtml(testing::SampleComparison());
  EXPECT_THAT(html, HasSubstr("<h2 id=\"renumbered-title\">Renumbered, wording unchanged</h2>"));
  EXPECT_THAT(html, HasSubstr("<tr><td>Art. 3</td><td>Art. 2</td></tr>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"compact\">Preamble, Final clause</p>"));
  EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Art. 5(2)</th><td><a href=\"#new-art4\">"
                              "Art. 5(1)</a></td><td class=\"num\">97%</td></tr>"));
}

TEST(ReportHtmlTest, HostileTextIsEscapedEverywhere) {
  const std::string html = RenderHtml(testing::HostileComparison());
  EXPECT_FALSE(text::FindInvalidUtf8(html).has_value());
  for (char c : html) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n' || c == '\t') << "control byte " << int{byte};
  }
  for (const char* forbidden :
       {"<script", "<img", "<b>", "<i>", "</title><", "</h2><", "onerror=alert(1)>"}) {
    EXPECT_THAT(html, Not(HasSubstr(forbidden)));
  }
  EXPECT_THAT(html, HasSubstr("<title>Comparison of drafts: &lt;script&gt;alert(&#39;old&#39;)"
                              "&lt;/script&gt; \u2192 "
                              "A/AC.291/&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
  EXPECT_THAT(html, HasSubstr(" <ins>~~tilde~~ &lt;img src=x onerror=alert(1)&gt; &amp;amp; "
                              "]]&gt; \t tab</ins>"));
  EXPECT_THAT(html, HasSubstr("Text with control chars and \xEF\xBF\xBD invalid  bytes"));
  EXPECT_THAT(html, HasSubstr("<td>2024-13-45</td><td>10 February 2024</td>"));
  // Ids from hostile or colliding paths are rebuilt, unique, and the move links still resolve.
  EXPECT_THAT(html, HasSubstr("id=\"new-art9\""));
  EXPECT_THAT(html, HasSubstr("id=\"was-art2-x\""));
  ExpectLinksResolve(html);
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">\u2013</td>"));  // NaN similarity
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">&lt;1%</td>"));  // 0.4%: changed, not 0%
}

TEST(ReportHtmlTest, EmptyComparisonAndDeterminism) {
  const std::string empty = RenderHtml(Comparison{});
  EXPECT_THAT(empty, HasSubstr("No article was amended, moved, added or deleted."));
  EXPECT_THAT(empty, HasSubstr("</html>\n"));
  EXPECT_EQ(RenderHtml(testing::SampleComparison()), RenderHtml(testing::SampleComparison()));
}

}  // namespace
}  // namespace tw::compare
