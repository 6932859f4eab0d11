// Square brackets: disputed spans with nesting, footnote markers and ellipses that are not,
// unbalanced input that is reported, never fatal.
#include "doc/bracket_scanner.h"

#include <gtest/gtest.h>

#include <string>

namespace tw::doc {
namespace {

BracketScan Scan(std::string_view text, std::function<bool(int)> footnote_exists = {},
                 std::vector<TextRange> skips = {}, int max_depth = 32) {
  BracketScanOptions options;
  options.max_depth = max_depth;
  return ScanBrackets(text, {{0, text.size()}}, skips, footnote_exists, options);
}

std::vector<std::string> SpanTexts(std::string_view text, const BracketScan& scan) {
  std::vector<std::string> out;
  for (const BracketSpan& s : scan.spans) {
    out.push_back(std::to_string(s.depth) + ":" +
                  std::string(text.substr(s.begin, s.end - s.begin)));
  }
  return out;
}

TEST(BracketScanner, NestedSpansOuterFirstWithDepth) {
  const std::string text = "of [[serious] crime] and [other [grave] [acts]]";
  const BracketScan scan = Scan(text);
  EXPECT_EQ(SpanTexts(text, scan),
            (std::vector<std::string>{"1:[[serious] crime]", "2:[serious]",
                                      "1:[other [grave] [acts]]", "2:[grave]", "2:[acts]"}));
  EXPECT_TRUE(scan.problems.empty());
}

TEST(BracketScanner, FootnoteMarkersAreNotSpans) {
  const std::string text = "evidence.[1] Convention,[12] and [5] years";
  const BracketScan scan = Scan(text);
  ASSERT_EQ(scan.markers.size(), 2u);
  EXPECT_EQ(scan.markers[0].number, 1);
  EXPECT_EQ(scan.markers[1].number, 12);
  // "[5]" after a space, with no footnote 5, is disputed text (a number under negotiation).
  EXPECT_EQ(SpanTexts(text, scan), (std::vector<std::string>{"1:[5]"}));
  // ... unless footnote 5 exists.
  const BracketScan with_note = Scan(text, [](int n) { return n == 5; });
  EXPECT_TRUE(with_note.spans.empty());
  EXPECT_EQ(with_note.markers.size(), 3u);
}

TEST(BracketScanner, EllipsesAreEditorial) {
  const std::string text = "the [...] text […] and [. . .] more [real]";
  EXPECT_EQ(SpanTexts(text, Scan(text)), (std::vector<std::string>{"1:[real]"}));
}

TEST(BracketScanner, SpansCrossLines) {
  const std::string text = "1. [Each State Party\n2. shall adopt] measures";
  EXPECT_EQ(SpanTexts(text, Scan(text)),
            (std::vector<std::string>{"1:[Each State Party\n2. shall adopt]"}));
}

TEST(BracketScanner, UnbalancedBracketsAreProblems) {
  const std::string text = "a ] b [ c [d] e";
  const BracketScan scan = Scan(text);
  EXPECT_EQ(SpanTexts(text, scan), (std::vector<std::string>{"2:[d]"}));
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].kind, BracketProblem::Kind::kUnopened);
  EXPECT_EQ(scan.problems[0].offset, 2u);
  EXPECT_EQ(scan.problems[1].kind, BracketProblem::Kind::kUnclosed);
  EXPECT_EQ(scan.problems[1].offset, 6u);
}

TEST(BracketScanner, SegmentsAreBalancedSeparately) {
  const std::string text = "body [open\n[1] note] end";
  BracketScanOptions options;
  const BracketScan scan =
      ScanBrackets(text, {{0, 10}, {11, text.size()}}, {{11, 14}}, {}, options);
  EXPECT_TRUE(scan.spans.empty());
  ASSERT_EQ(scan.problems.size(), 2u);  // "[open" never closes, "note]" opens nothing
}

TEST(BracketScanner, SkippedRangesAreNotScanned) {
  const std::string text = "[on the report] body [x]";
  const BracketScan scan = Scan(text, {}, {{0, 15}});
  EXPECT_EQ(SpanTexts(text, scan), (std::vector<std::string>{"1:[x]"}));
}

TEST(BracketScanner, DeepNestingIsFlattenedNotLost) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += '[';
  text += "x";
  for (int i = 0; i < 40; ++i) text += ']';
  const BracketScan scan = Scan(text, {}, {}, 32);
  EXPECT_EQ(scan.spans.size(), 32u);
  int deepest = 0;
  for (const BracketSpan& s : scan.spans) deepest = std::max(deepest, s.depth);
  EXPECT_EQ(deepest, 32);
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0].kind, BracketProblem::Kind::kTooDeep);
  EXPECT_EQ(scan.spans.front().begin, 0u);
  EXPECT_EQ(scan.spans.front().end, text.size());
}

TEST(BracketScanner, ManyOpenBracketsAreBoundedProblems) {
  const std::string text(100000, '[');
  BracketScanOptions options;
  options.max_problems = 20;
  const BracketScan scan = ScanBrackets(text, {{0, text.size()}}, {}, {}, options);
  EXPECT_TRUE(scan.spans.empty());
  EXPECT_EQ(scan.problems.size(), 20u);
  EXPECT_EQ(scan.problems.size() + scan.problems_dropped, 32u + 1u);  // 32 unclosed + too deep
}

}  // namespace
}  // namespace tw::doc
