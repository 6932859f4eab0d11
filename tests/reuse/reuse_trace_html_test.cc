// The trace page: a legend with one key per attributed source, each reused passage marked around
// exactly its words (cut at the trace's byte offsets, multi-byte text included), nothing marked
// that no source holds, overlapping passages drawn without nesting (a run-on given up, one
// source's overlapping passages as one mark), and every text of the documents escaped.
#include "reuse/reuse_trace_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/document_builder.h"
#include "reuse/reuse_trace.h"

namespace tw::reuse {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

doc::Document MakeDocument(std::string text, const std::string& symbol, const std::string& title,
                           const std::string& date) {
  doc::SourceText source;
  source.text = std::move(text);
  doc::DocumentMeta meta;
  meta.symbol = symbol;
  meta.title = title;
  meta.date = date;
  return ingest::BuildDocumentFromSource(std::move(source), meta);
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

// The paragraph of `html` holding `words`: from its <p ...> to its </p>.
std::string ParagraphWith(const std::string& html, const std::string& words) {
  const std::size_t at = html.find(words);
  if (at == std::string::npos) return "";
  const std::size_t open = html.rfind("<p", at);
  const std::size_t close = html.find("</p>", at);
  return html.substr(open, close + 4 - open);
}

constexpr char kScope[] =
    "This Convention shall apply to the prevention, investigation and prosecution of the "
    "offences established in accordance with it";
constexpr char kTerms[] =
    "For the purposes of this Convention, \"computer system\" shall mean any device or group of "
    "interconnected devices & programs";
constexpr char kOwn[] = "Nothing here was borrowed <img src=x onerror=alert(1)> from anyone";

class ReuseTraceHtmlTest : public ::testing::Test {
 protected:
  ReuseTraceHtmlTest()
      : draft_(MakeDocument(std::string("Draft Convention on Testing\n\nArticle 1\nScope\n1. ") +
                                kScope + ".\n2. " + kOwn + ".\nArticle 2\nUse of terms\n" + kTerms +
                                ".\n",
                            "A/AC.1/L.1", "Draft Convention on Testing", "2025-03-01")),
        older_(MakeDocument(
            std::string("Regional Convention\n\nArticle 3\nField of application\n") + kScope +
                ".\nArticle 4\nSovereignty\nThe parties remain "
                "sovereign in every respect whatsoever.\n",
            "RC/1", "Regional Convention", "2011-03-14")),
        hostile_(MakeDocument(std::string("Proposal\n\nArticle 9\nDefinitions\n") + kTerms + ".\n",
                              "", "<script>alert(\"title\")</script> proposal", "2024-05-02")) {}

  doc::Document draft_;
  doc::Document older_;
  doc::Document hostile_;
};

TEST_F(ReuseTraceHtmlTest, MarksExactlyTheReusedWordsInTheirSourcesKeys) {
  const std::vector<const doc::Document*> sources = {&hostile_, &older_};
  const ReuseTrace trace = TraceReuse(draft_, sources);
  ASSERT_EQ(trace.passages.size(), 2u);
  const std::string html = ReuseTraceToHtml(trace, draft_, sources);

  // The legend numbers the sources oldest first: the regional convention is 1, the proposal 2.
  EXPECT_THAT(html, HasSubstr("<span class=\"key c0 p0\"><span class=\"visually-hidden\">source "
                              "</span>1</span></td><th scope=\"row\"><span class=\"cite\">RC/1"
                              "</span>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"key c1 p1\"><span class=\"visually-hidden\">source "
                              "</span>2</span>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"date\">14 March 2011</td><td class=\"num words\">18"
                              "</td><td class=\"num share\">29.0 %</td>"));

  // The article's words, to the byte: the mark opens on "This" and closes after "it".
  EXPECT_THAT(html,
              HasSubstr(std::string("<sup><span class=\"visually-hidden\">from source </span>1"
                                    "</sup>") +
                        kScope + "</mark>."));
  const std::string scope_paragraph = ParagraphWith(html, "This Convention shall apply");
  EXPECT_THAT(scope_paragraph, HasSubstr("<p>1. <mark class=\"from c0 p0\" title=\""));
  EXPECT_THAT(scope_paragraph, HasSubstr("from RC/1, Art. 3 (14 March 2011, 100 % alike)"));
  // Quotes and ampersands of the draft escaped inside the mark.
  EXPECT_THAT(html, HasSubstr("For the purposes of this Convention, &quot;computer system&quot; "
                              "shall mean any device or group of interconnected devices &amp; "
                              "programs</mark>."));
  // Below each article, the passage in words.
  EXPECT_THAT(html, HasSubstr("<strong>18 words</strong> at Art. 1(1) \u2190 RC/1, Art. 3 (14 "
                              "March 2011, 100 % alike)"));

  // The draft's own words carry no mark, and hostile text is text.
  const std::string own = ParagraphWith(html, "Nothing here was borrowed");
  ASSERT_FALSE(own.empty());
  EXPECT_THAT(own, Not(HasSubstr("<mark")));
  EXPECT_THAT(own, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; proposal"));
  EXPECT_EQ(Count(html, "<mark"), Count(html, "</mark>"));
  EXPECT_EQ(Count(html, "<mark"), 2u);
  EXPECT_THAT(html, HasSubstr("2 passages: 36 of the draft's 62 words (58.1 %)"));
}

TEST_F(ReuseTraceHtmlTest, OverlappingPassagesAreDrawnWithoutNesting) {
  // By hand, as attribution may leave them: a passage of the older source that runs on past 1(1)
  // into "2. Nothing here", one of the proposal starting on "here", one of the older source inside
  // that, and one more of the proposal overlapping its first.
  const std::string& text = draft_.text;
  const auto at = [&text](const std::string& words) { return text.find(words); };
  const auto after = [&text](const std::string& words) { return text.find(words) + words.size(); };
  ReusePassage run_on;
  run_on.draft_unit_path = "art1";
  run_on.draft_path = "art1.p1";
  run_on.draft_start = at("prosecution");
  run_on.draft_end = after("2. Nothing here");
  run_on.draft_words = 11;
  run_on.attributed = {1, "art3", 0, 10, 11, 11, 1.0};
  run_on.candidates = {run_on.attributed};
  ReusePassage proposal = run_on;
  proposal.draft_path = "art1.p2";
  proposal.draft_start = at("here was");
  proposal.draft_end = after("was borrowed");
  proposal.draft_words = 3;
  proposal.attributed = {0, "art9", 0, 10, 3, 3, 0.9};
  proposal.candidates = {proposal.attributed, {1, "art4", 5, 40, 3, 2, 0.8}};
  ReusePassage inside = run_on;
  inside.draft_path = "art1.p2";
  inside.draft_start = at("was borrowed");
  inside.draft_end = after("was");
  ReusePassage proposal_again = proposal;
  proposal_again.draft_start = at("borrowed");
  proposal_again.draft_end = after("from anyone");
  ReuseTrace trace;
  trace.passages = {run_on, proposal, inside, proposal_again};
  const std::vector<const doc::Document*> sources = {&hostile_, &older_};
  const std::string html = ReuseTraceToHtml(trace, draft_, sources);

  // The run-on gives up "2. Nothing" to the passage starting on that line.
  EXPECT_THAT(html, HasSubstr("<sup><span class=\"visually-hidden\">from source </span>1</sup>"
                              "prosecution of the offences established in accordance with it"
                              "</mark>.</p>"));
  // The proposal's two passages are one mark, with one number.
  EXPECT_THAT(html, HasSubstr("<p>2. Nothing <mark class=\"from c1 p1\" title=\"3 words from "
                              "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; proposal, "
                              "Art. 9 (2 May 2024, 90 % alike)\nAlso in RC/1, Art. 4 (14 March "
                              "2011, 80 % alike)\"><sup><span class=\"visually-hidden\">from "
                              "source </span>2</sup>here was borrowed &lt;img src=x "
                              "onerror=alert(1)&gt; from anyone</mark>.</p>"));
  EXPECT_EQ(Count(html, "<mark"), 2u);
  EXPECT_EQ(Count(html, "</mark>"), 2u);
  EXPECT_EQ(Count(html, "<sup>"), 2u);
  // Every passage is listed; the one inside another says it is not marked.
  EXPECT_EQ(Count(html, "<strong>11 words</strong>"), 2u);
  EXPECT_EQ(Count(html, "<strong>3 words</strong>"), 2u);
  EXPECT_EQ(Count(html, "(not marked: inside a longer passage)"), 1u);
  EXPECT_THAT(html, HasSubstr("Also in:<ul><li><span class=\"key-slot\"><span class=\"key c0 "
                              "p0\"><span class=\"visually-hidden\">source </span>1</span></span> "
                              "<span>RC/1, Art. 4 (14 March 2011, 80 % alike)</span></li></ul>"));
}

TEST_F(ReuseTraceHtmlTest, CutsMultiByteTextAtTheTraceOffsets) {
  const doc::Document draft = MakeDocument(
      "Article 1\nRéfugiés\nLes États parties protègent les réfugiés — « toujours » — ici.\n",
      "D/1", "", "2025-01-01");
  const std::size_t start = draft.text.find("États");
  const std::size_t end = draft.text.find(" — ici");
  ReuseTrace trace;
  ReusePassage passage;
  passage.draft_unit_path = "art1";
  passage.draft_path = "art1";
  passage.draft_start = start;
  passage.draft_end = end;
  passage.draft_words = 6;
  passage.attributed = {0, "", 0, 10, 6, 6, 1.0};
  passage.candidates = {passage.attributed};
  trace.passages = {passage};
  const std::vector<const doc::Document*> sources = {&older_};
  const std::string html = ReuseTraceToHtml(trace, draft, sources);
  EXPECT_THAT(html, HasSubstr("<p>Les <mark class=\"from c0 p0\""));
  EXPECT_THAT(html, HasSubstr("</sup>États parties protègent les réfugiés — « toujours »</mark> "
                              "— ici.</p>"));
  EXPECT_THAT(html, HasSubstr("<section class=\"unit\" id=\"at-art1\""));
}

TEST_F(ReuseTraceHtmlTest, AnEmptyTraceIsTheDraftWithoutMarks) {
  const std::vector<const doc::Document*> sources = {&older_};
  const std::string html = ReuseTraceToHtml(ReuseTrace{}, draft_, sources);
  EXPECT_THAT(html, HasSubstr("No passage of the draft was found in any of the sources."));
  EXPECT_THAT(html, HasSubstr("Also searched, with no passage attributed to it: RC/1."));
  EXPECT_THAT(html, HasSubstr("This Convention shall apply"));
  EXPECT_THAT(html, Not(HasSubstr("<mark")));
  EXPECT_THAT(html, HasSubstr("</html>\n"));
}

}  // namespace
}  // namespace tw::reuse
