#include "ingest/markdown_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace tw::ingest {
namespace {

using ::testing::HasSubstr;

doc::SourceText MustRead(std::string_view bytes) {
  absl::StatusOr<doc::SourceText> text = ReadMarkdown("test.md", bytes, ReadOptions{});
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : doc::SourceText{};
}

struct MarkdownCase {
  const char* name;
  const char* markdown;
  const char* expected;
};

class MarkdownBlocksTest : public ::testing::TestWithParam<MarkdownCase> {};

TEST_P(MarkdownBlocksTest, Reads) {
  EXPECT_EQ(MustRead(GetParam().markdown).text, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MarkdownBlocksTest,
    ::testing::Values(
        MarkdownCase{"HeadingsAndParagraphs",
                     "# Chapter I\n\n## Article 1\n\nScope of\napplication\n\nSecond *para*, "
                     "**bold** and `code` and [a link](http://x.org).\n",
                     "Chapter I\nArticle 1\nScope of application\nSecond para, bold and code and "
                     "a link."},
        MarkdownCase{"SetextHeading", "Article 2\n=========\n\nText.\n", "Article 2\nText."},
        MarkdownCase{"OrderedListNumbersMaterialised",
                     "1. First\n2. Second\n\n---\n\n3. Third\n4. Fourth\n",
                     "1. First\n2. Second\n3. Third\n4. Fourth"},
        MarkdownCase{"ListStartAndParenDelimiter", "3) Three\n4) Four\n", "3) Three\n4) Four"},
        MarkdownCase{"LazyNumbersCountFromStart", "1. a\n1. b\n1. c\n", "1. a\n2. b\n3. c"},
        MarkdownCase{"BulletsDropped", "- one\n- two\n  - nested\n", "one\ntwo\nnested"},
        MarkdownCase{"NestedOrderedList", "1. Para\n   1. sub a\n   2. sub b\n2. Next\n",
                     "1. Para\n1. sub a\n2. sub b\n2. Next"},
        MarkdownCase{"ItemWithTwoParagraphs", "1. First para\n\n   Second para\n",
                     "1. First para\nSecond para"},
        MarkdownCase{"BlockQuote", "> Quoted text\n> continues.\n\nAfter.\n",
                     "Quoted text continues.\nAfter."},
        MarkdownCase{"TableRows", "| State | Vote |\n|---|---|\n| Norway | yes |\n| Iran | no |\n",
                     "State | Vote\nNorway | yes\nIran | no"},
        MarkdownCase{"HardBreakStartsABlock", "Article 3  \nScope\n", "Article 3\nScope"},
        MarkdownCase{"CodeBlockLines", "```\nline one\nline two\n```\n", "line one\nline two"},
        MarkdownCase{"HtmlAndImagesDropped",
                     "<div>raw</div>\n\nText ![alt](x.png) here <span>x</span>.\n", "Text here x."},
        MarkdownCase{"Strikethrough", "Keep ~~struck~~ text.\n", "Keep struck text."},
        MarkdownCase{"EntitiesDecoded", "A &amp; B &eacute;\n", "A & B \xC3\xA9"},
        MarkdownCase{"Footnotes",
                     "Text with a note.[^a] And another[^b].\n\n[^b]: Second body.\n\n"
                     "[^a]: First body\n    on two lines.\n\n    Second paragraph.\n",
                     "Text with a note.[1] And another[2].\n__________\n[1] First body on two "
                     "lines. Second paragraph.\n[2] Second body."}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(MarkdownReader, SpansPointAtTheBlocks) {
  const std::string md = "# Title\n\nFirst paragraph here.\n\n1. Item text\n";
  const doc::SourceText text = MustRead(md);
  ASSERT_EQ(text.text, "Title\nFirst paragraph here.\n1. Item text");
  for (std::string_view word : {"Title", "First paragraph", "Item text"}) {
    const std::size_t at = text.text.find(word);
    EXPECT_EQ(md.substr(text.SourceOffsetAt(at), word.size()), word) << word;
  }
}

TEST(MarkdownReader, BomIsSkippedAndOffsetsKeepIt) {
  const std::string md = "\xEF\xBB\xBF# Title\n";
  const doc::SourceText text = MustRead(md);
  EXPECT_EQ(text.text, "Title");
  EXPECT_EQ(md.substr(text.SourceOffsetAt(0), 5), "Title");
}

TEST(MarkdownReaderErrors, EmptyInvalidAndBinary) {
  EXPECT_EQ(ReadMarkdown("e.md", "", ReadOptions{}).status().message(), "e.md: the file is empty");
  EXPECT_EQ(ReadMarkdown("b.md", "# Title\n\nbad \xFF\n", ReadOptions{}).status().message(),
            "b.md: invalid UTF-8 at line 3, column 5 (byte 13)");
  EXPECT_THAT(
      std::string(ReadMarkdown("n.md", std::string("a\0b", 3), ReadOptions{}).status().message()),
      HasSubstr("n.md: binary content (NUL byte) at line 1, column 2 (byte 1)"));
  EXPECT_THAT(std::string(ReadMarkdown("w.md", "\n\n   \n", ReadOptions{}).status().message()),
              HasSubstr("no text"));
}

// Hostile nesting: cmark parses it without recursion and the walk uses cmark's iterator.
TEST(MarkdownReader, DeepNestingIsBoundedInTime) {
  const auto start = std::chrono::steady_clock::now();
  const std::string quotes = std::string(100000, '>') + " deep\n";
  EXPECT_THAT(MustRead(quotes).text, HasSubstr("deep"));
  std::string lists;
  for (int i = 0; i < 20000; ++i) lists += "- ";
  lists += "item\n";
  EXPECT_THAT(MustRead(lists).text, HasSubstr("item"));
  std::string emphasis(50000, '*');
  emphasis += "x";
  EXPECT_THAT(MustRead(emphasis).text, HasSubstr("x"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace tw::ingest
