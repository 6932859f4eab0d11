#include "ingest/html_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/html_charset.h"
#include "ingest/html_nesting_guard.h"

namespace tw::ingest {
namespace {

using ::testing::HasSubstr;

doc::SourceText MustRead(std::string_view bytes, const ReadOptions& options = {}) {
  absl::StatusOr<doc::SourceText> text = ReadHtml("test.html", bytes, options);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : doc::SourceText{};
}

struct HtmlCase {
  const char* name;
  const char* html;
  const char* expected;
};

class HtmlBlocksTest : public ::testing::TestWithParam<HtmlCase> {};

TEST_P(HtmlBlocksTest, Reads) { EXPECT_EQ(MustRead(GetParam().html).text, GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlBlocksTest,
    ::testing::Values(
        HtmlCase{"BlocksAndInlineSpacing",
                 "<html><head><title>T</title></head><body><h1>Article&nbsp;1</h1>"
                 "<p>Hello <b>world</b>!<span> and</span>\n  more</p><p>Sec<i>ond</i></p>"
                 "</body></html>",
                 "Article 1\nHello world! and more\nSecond"},
        HtmlCase{"DroppedElements",
                 "<script>var a = '<p>x</p>';</script><style>p{}</style><nav>Menu</nav>"
                 "<noscript>No JS</noscript><template><p>tpl</p></template>"
                 "<p hidden>secret</p><p>Kept</p>",
                 "Kept"},
        HtmlCase{"PageChromeDroppedButArticleHeaderKept",
                 "<header>Site name</header><article><header><h2>Article 5</h2></header>"
                 "<p>Text.</p></article><footer>Contact</footer>",
                 "Article 5\nText."},
        HtmlCase{"OrderedListsNumbered",
                 "<ol><li>One</li><li>Two</li></ol><ol start=\"3\"><li>Three<li>Four</ol>",
                 "1. One\n2. Two\n3. Three\n4. Four"},
        HtmlCase{"ListTypesAndValues",
                 "<ol type=\"a\"><li>x</li><li>y</li></ol><ol type=\"i\"><li>x</li><li>y</li>"
                 "<li>z</li><li>w</li></ol><ol type=\"I\" start=\"9\"><li>n</li></ol>"
                 "<ol><li value=\"7\">s</li><li>e</li></ol><ol reversed><li>b</li><li>a</li></ol>",
                 "a. x\nb. y\ni. x\nii. y\niii. z\niv. w\nIX. n\n7. s\n8. e\n2. b\n1. a"},
        HtmlCase{"BulletsDroppedAndNestedLists",
                 "<ul><li>one<ol><li>sub</li></ol></li><li>two</li></ul>", "one\n1. sub\ntwo"},
        HtmlCase{"BreaksAndRules", "<p>Article 3<br>Scope<br/>of it</p><hr><p>Next</p>",
                 "Article 3\nScope\nof it\nNext"},
        HtmlCase{"TableRows",
                 "<table><tr><th>State</th><th>Vote</th></tr><tr><td><p>Norway</p></td>"
                 "<td>yes<br>(recorded)</td></tr></table>",
                 "State | Vote\nNorway | yes (recorded)"},
        HtmlCase{"DefinitionsAndQuotes",
                 "<dl><dt>Data</dt><dd>Any representation</dd></dl><blockquote>Q</blockquote>",
                 "Data\nAny representation\nQ"},
        HtmlCase{"PreformattedLines", "<pre>line one\n  line two\n</pre>", "line one\nline two"},
        HtmlCase{"Entities", "<p>A &amp; B &eacute; &#8212; &lt;x&gt;</p>",
                 "A & B \xC3\xA9 \xE2\x80\x94 <x>"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlReader, SpansMapTextNodesToSourceBytes) {
  const std::string html =
      "<html><body><p>Hello <b>world</b></p>\n<p>Second &amp; last</p></body></html>";
  const doc::SourceText text = MustRead(html);
  ASSERT_EQ(text.text, "Hello world\nSecond & last");
  for (std::string_view word : {"Hello", "world", "Second"}) {
    const std::size_t at = text.text.find(word);
    EXPECT_EQ(html.substr(text.SourceOffsetAt(at), word.size()), word) << word;
  }
}

TEST(HtmlReader, MetaCharsetWindows1252IsConverted) {
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><p>R\xE9sum\xE9 \x93quoted\x94</p></body></html>";
  const doc::SourceText text = MustRead(html);
  EXPECT_EQ(text.text, "R\xC3\xA9sum\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_THAT(text.notes, ::testing::Contains(HasSubstr("windows-1252")));
}

TEST(HtmlReader, MetaCharsetOtherEncodingUsesIcu) {
  const std::string html = "<meta charset=\"koi8-r\"><p>\xF3\xD4\xC1\xD4\xD8\xD1</p>";
  EXPECT_EQ(MustRead(html).text, "Статья");
}

TEST(HtmlReader, Utf16WithBom) {
  const std::string html("\xFF\xFE<\0p\0>\0A\0<\0/\0p\0>\0", 18);
  EXPECT_EQ(MustRead(html).text, "A");
}

TEST(HtmlReader, PrescanFindsCharset) {
  EXPECT_EQ(PrescanHtmlCharset("<META CHARSET='Windows-1252'>"), "windows-1252");
  EXPECT_EQ(PrescanHtmlCharset("<meta name=x><meta content=\"text/html; charset=utf-8\">"),
            "utf-8");
  EXPECT_EQ(PrescanHtmlCharset("<p>charset=koi8-r</p>"), "");
}

TEST(HtmlReaderErrors, EmptyInvalidUnknownCharsetAndNoText) {
  EXPECT_EQ(ReadHtml("e.html", "", ReadOptions{}).status().message(), "e.html: the file is empty");
  EXPECT_THAT(
      std::string(ReadHtml("b.html", "<p>ok</p>\n<p>\xFF</p>", ReadOptions{}).status().message()),
      HasSubstr("b.html: invalid UTF-8 at line 2, column 4 (byte 13)"));
  EXPECT_THAT(std::string(ReadHtml("c.html", "<meta charset=nonsense-9><p>\xE9</p>", ReadOptions{})
                              .status()
                              .message()),
              HasSubstr("unsupported character encoding 'nonsense-9'"));
  EXPECT_THAT(
      std::string(ReadHtml("s.html", "<script>x</script>", ReadOptions{}).status().message()),
      HasSubstr("no text"));
}

// 100,000 nested elements: bounded depth, bounded time, no stack overflow, text kept.
TEST(HtmlReader, HostileNestingIsCutAtTheDepthLimit) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>after</p>";
  const auto start = std::chrono::steady_clock::now();
  const doc::SourceText text = MustRead(html);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(text.text, "deep text\nafter");
  EXPECT_THAT(text.notes, ::testing::Contains(HasSubstr("deeper than 256 levels")));
}

TEST(HtmlReader, UnclosedFormattingElementsCannotExplode) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<p><b id=\"" + std::to_string(i) + "\">x</p>";
  const auto start = std::chrono::steady_clock::now();
  const doc::SourceText text = MustRead(html);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_THAT(text.text, HasSubstr("x\nx\nx"));
}

TEST(HtmlNestingGuard, OrdinaryPagesLoseNoTags) {
  const std::string page =
      "<!DOCTYPE html><html><head><script>if (a < b) { x = '<div>'; }</script></head><body>"
      "<ul><li>a<li>b<li>c</ul><p>one<p>two<p>three<table><tr><td>1<td>2<tr><td>3</table>"
      "<!-- <div><div><div> -->"
      "<img src=x><br><input value='>'></body></html>";
  const GuardedHtml guarded = LimitHtmlNesting(page, 8);
  EXPECT_EQ(guarded.cut_tags(), 0u);
  EXPECT_EQ(guarded.text(), page);
}

TEST(HtmlNestingGuard, CutsOnlyBeyondTheLimitAndMapsOffsetsBack) {
  const std::string html = "<div><div><div><div>x</div></div></div></div>y";
  const GuardedHtml guarded = LimitHtmlNesting(html, 2);
  EXPECT_EQ(guarded.text(), "<div><div>x</div></div>y");
  EXPECT_EQ(guarded.cut_tags(), 4u);
  EXPECT_EQ(html[guarded.OriginalOffset(guarded.text().find('x'))], 'x');
  EXPECT_EQ(html[guarded.OriginalOffset(guarded.text().find('y'))], 'y');
}

}  // namespace
}  // namespace tw::ingest
