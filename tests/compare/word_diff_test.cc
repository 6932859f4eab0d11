#include "compare/word_diff.h"

#include <string>

#include <gtest/gtest.h>

#include "compare/redline.h"

namespace tw::compare {
namespace {

std::string Notation(const std::vector<DiffOp>& ops) {
  std::string out;
  for (const DiffOp& op : ops) {
    if (op.op == OpKind::kEqual) out += op.text;
    if (op.op == OpKind::kDelete) out += "[-" + op.text + "-]";
    if (op.op == OpKind::kInsert) out += "{+" + op.text + "+}";
  }
  return out;
}

std::string Redlined(std::string_view old_text, std::string_view new_text) {
  TokenTable table;
  return Notation(MakeRedline(old_text, new_text, table, true).ops);
}

TEST(WordDiffTest, IdenticalTextsHaveNoOps) {
  TokenTable table;
  const Redline redline = MakeRedline("Each State Party shall adopt", "Each State Party shall adopt", table, true);
  EXPECT_FALSE(redline.changed);
  EXPECT_TRUE(redline.ops.empty());
}

TEST(WordDiffTest, CaseOnlyDifferencesAreEqual) {
  TokenTable table;
  EXPECT_FALSE(MakeRedline("Each State Party", "each state party", table, true).changed);
}

TEST(WordDiffTest, OneWordSubstitution) {
  EXPECT_EQ(Redlined("for a period of 60 days", "for a period of 90 days"),
            "for a period of [-60-]{+90+} days");
}

TEST(WordDiffTest, RewordedClauseIsOneEditNotConfetti) {
  // Without clean-up the shared "the" and "of" would split this into five edits.
  const std::string redline =
      Redlined("subject to the prior written authorization of the State Party",
               "subject to the consent of the requested State Party");
  EXPECT_EQ(redline,
            "subject to the [-prior written authorization of the-]{+consent of the requested+} "
            "State Party");
}

TEST(WordDiffTest, BracketRemovalShowsOnlyTheBrackets) {
  EXPECT_EQ(Redlined("evidence of [serious] crime.", "evidence of serious crime."),
            "evidence of [-[-]serious[-]-] crime.");
}

TEST(WordDiffTest, OpsRebuildBothTexts) {
  const std::string old_text = "1. States Parties shall cooperate.\n2. Requests shall be made in writing.";
  const std::string new_text = "1. States Parties shall cooperate closely.\n2. Requests may be made orally.";
  TokenTable table;
  const Redline redline = MakeRedline(old_text, new_text, table, true);
  std::string rebuilt_old, rebuilt_new;
  for (const DiffOp& op : redline.ops) {
    if (op.op != OpKind::kInsert) rebuilt_old += op.text;
    if (op.op != OpKind::kDelete) rebuilt_new += op.text;
  }
  EXPECT_EQ(rebuilt_old, old_text);
  EXPECT_EQ(rebuilt_new, new_text);
}

TEST(WordDiffTest, RepeatedWordsAnchorOnTheRareOnes) {
  // Histogram diff anchors on a rare word and keeps the longest run around it in place, rather
  // than matching the many "the" one by one.
  EXPECT_EQ(Redlined("the access the interception the data", "the interception the data the access"),
            "the [-access the -]interception the data{+ the access+}");
}

TEST(WordDiffTest, CountsChangedWords) {
  TokenTable table;
  const Redline redline = MakeRedline("a b c d", "a x c d e", table, false);
  EXPECT_EQ(redline.words.deleted, 1);
  EXPECT_EQ(redline.words.inserted, 2);
  EXPECT_TRUE(redline.ops.empty());
}

}  // namespace
}  // namespace tw::compare
