#include "compare/unit_mapping.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "compare/word_tokens.h"

namespace tw::compare {
namespace {

using ::testing::ElementsAre;

class UnitMappingTest : public ::testing::Test {
 protected:
  // Weighs two lists of unit texts together, as CompareDocuments does.
  void Load(const std::vector<std::string>& old_texts, const std::vector<std::string>& new_texts) {
    std::vector<std::vector<std::uint32_t>> old_ids, new_ids;
    for (const std::string& text : old_texts) old_ids.push_back(WordIds(Tokenize(text, table_)));
    for (const std::string& text : new_texts) new_ids.push_back(WordIds(Tokenize(text, table_)));
    auto weighted = WeighUnits(old_ids, new_ids);
    old_.assign(weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(old_ids.size()));
    new_.assign(weighted.begin() + static_cast<std::ptrdiff_t>(old_ids.size()), weighted.end());
  }
  TokenTable table_;
  std::vector<WeightedWords> old_, new_;
};

const std::string kFormula =
    "Each State Party shall adopt such legislative and other measures as may be necessary to "
    "establish as a criminal offence under its domestic law, when committed intentionally, ";

TEST_F(UnitMappingTest, SharedFormulaDoesNotMakeArticlesAlike) {
  Load({kFormula + "the access to the whole or any part of a computer system without right.",
        kFormula + "the interception without right of non-public transmissions of computer data.",
        kFormula + "the damaging, deletion, deterioration, alteration or suppression of data."},
       {kFormula + "the laundering of proceeds of crime derived from offences in this chapter.",
        kFormula + "the interception without right of non-public transmissions of computer data.",
        kFormula + "the forgery of electronic signatures and the production of false records."});
  const UnitMapping mapping = MapUnits(old_, new_, MappingOptions{});
  EXPECT_THAT(mapping.new_of_old, ElementsAre(-1, 1, -1));
  // The formula alone is far below the match threshold.
  EXPECT_LT(mapping.Of(0, 0, old_, new_).Mutual(), 0.30);
}

TEST_F(UnitMappingTest, RenumberedAndMovedArticlesAreFoundByContent) {
  Load({"alpha bravo charlie delta echo", "foxtrot golf hotel india juliet",
        "kilo lima mike november oscar", "papa quebec romeo sierra tango"},
       {"papa quebec romeo sierra tango", "alpha bravo charlie delta echo",
        "foxtrot golf hotel india juliet", "kilo lima mike november oscar"});
  const UnitMapping mapping = MapUnits(old_, new_, MappingOptions{});
  EXPECT_THAT(mapping.new_of_old, ElementsAre(1, 2, 3, 0));
  EXPECT_THAT(mapping.moved, ElementsAre(false, false, false, true));
}

TEST_F(UnitMappingTest, SplitAndJoinByContainment) {
  const std::string part_a = "the requested party shall preserve the specified data expeditiously";
  const std::string part_b = "preservation shall last not less than sixty days to allow a request";
  const std::string other_a = "participation as an accomplice or instigator in an offence";
  const std::string other_b = "attempt to commit an offence established under this chapter";
  Load({part_a + " " + part_b, other_a, other_b, "unrelated final clauses on depositary"},
       {part_a, part_b, other_a + " " + other_b, "unrelated final clauses on depositary"});
  const UnitMapping mapping = MapUnits(old_, new_, MappingOptions{});
  // Either part may be the primary partner; the other is a further part of the split.
  EXPECT_TRUE((mapping.new_of_old[0] == 0 && mapping.split_source[1] == 0) ||
              (mapping.new_of_old[0] == 1 && mapping.split_source[0] == 0));
  // One of the two joined articles is the primary partner, the other a further source.
  EXPECT_TRUE((mapping.new_of_old[1] == 2 && mapping.join_target[2] == 2) ||
              (mapping.new_of_old[2] == 2 && mapping.join_target[1] == 2));
  EXPECT_EQ(mapping.new_of_old[3], 3);
}

}  // namespace
}  // namespace tw::compare
