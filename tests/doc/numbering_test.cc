// Designations as treaties print them, and the letter-or-roman decision for point labels.
#include "doc/numbering.h"

#include <gtest/gtest.h>

namespace tw::doc {
namespace {

struct DesignationCase {
  std::string_view input;
  std::size_t length;  // 0: not a designation
  int value;
  std::string_view suffix;
};

class DesignationTest : public ::testing::TestWithParam<DesignationCase> {};

TEST_P(DesignationTest, ReadsValueSuffixAndLength) {
  const DesignationCase& c = GetParam();
  const Designation d = ParseDesignation(c.input);
  EXPECT_EQ(d.length, c.length) << c.input;
  if (c.length > 0) {
    EXPECT_EQ(d.value, c.value) << c.input;
    EXPECT_EQ(d.suffix, c.suffix) << c.input;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Printed, DesignationTest,
    ::testing::Values(DesignationCase{"5", 1, 5, ""}, DesignationCase{"68", 2, 68, ""},
                      DesignationCase{"5 bis", 5, 5, "bis"}, DesignationCase{"5bis", 4, 5, "bis"},
                      DesignationCase{"5 ter.", 5, 5, "ter"},
                      DesignationCase{"7 quater", 8, 7, "quater"},
                      DesignationCase{"12A", 3, 12, "a"},
                      DesignationCase{"5 bisque", 1, 5, ""},  // not a suffix: the number alone
                      DesignationCase{"V", 1, 5, ""}, DesignationCase{"XIV –", 3, 14, ""},
                      DesignationCase{"ix", 2, 9, ""}, DesignationCase{"One", 3, 1, ""},
                      DesignationCase{"TWELVE", 6, 12, ""}, DesignationCase{"first", 5, 1, ""},
                      DesignationCase{"premier", 7, 1, ""}, DesignationCase{"1er", 3, 1, ""},
                      DesignationCase{"\u0665", 2, 5, ""},         // Arabic-Indic 5
                      DesignationCase{"\u06F1\u06F2", 4, 12, ""},  // Extended Arabic-Indic 12
                      DesignationCase{"الخامس", 12, 5, ""}, DesignationCase{"الأولى", 12, 1, ""},
                      DesignationCase{"IIII", 0, 0, ""},   // not canonical roman
                      DesignationCase{"5th", 0, 0, ""},    // runs on into a word
                      DesignationCase{"12345", 0, 0, ""},  // too long for a designation
                      DesignationCase{"Scope", 0, 0, ""}, DesignationCase{"", 0, 0, ""}));

struct ChineseCase {
  std::string_view input;
  int value;
};

class ChineseNumberTest : public ::testing::TestWithParam<ChineseCase> {};

TEST_P(ChineseNumberTest, Converts) {
  EXPECT_EQ(ParseChineseNumber(GetParam().input).value, GetParam().value) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(Numerals, ChineseNumberTest,
                         ::testing::Values(ChineseCase{"一", 1}, ChineseCase{"五", 5},
                                           ChineseCase{"十", 10}, ChineseCase{"十二", 12},
                                           ChineseCase{"二十", 20}, ChineseCase{"六十八", 68},
                                           ChineseCase{"一百零五", 105}, ChineseCase{"5", 5},
                                           ChineseCase{"条", 0}));

TEST(LetterAndRomanValues, FollowTheSequences) {
  EXPECT_EQ(LetterValue("a"), 1);
  EXPECT_EQ(LetterValue("z"), 26);
  EXPECT_EQ(LetterValue("aa"), 27);
  EXPECT_EQ(LetterValue("hh"), 34);
  EXPECT_EQ(LetterValue("ii"), 35);
  EXPECT_EQ(LetterValue("ab"), 0);
  EXPECT_EQ(LetterValue("iii"), 0);
  EXPECT_EQ(RomanValue("i"), 1);
  EXPECT_EQ(RomanValue("iv"), 4);
  EXPECT_EQ(RomanValue("xiv"), 14);
  EXPECT_EQ(RomanValue("iiii"), 0);
  EXPECT_EQ(RomanValue("a"), 0);
  EXPECT_EQ(PathNumber(5, "bis"), "5bis");
  EXPECT_EQ(PathNumber(12, ""), "12");
}

struct LabelCase {
  const char* name;
  std::string_view token;
  LabelContext context;
  LabelKind expected;
};

class ChooseLabelKindTest : public ::testing::TestWithParam<LabelCase> {};

TEST_P(ChooseLabelKindTest, DecidesByContext) {
  const LabelCase& c = GetParam();
  EXPECT_EQ(ChooseLabelKind(c.token, c.context), c.expected) << c.name;
}

LabelContext Context(int last_letter, int last_roman, bool inside_point, std::string_view next = {},
                     bool introduces = false) {
  LabelContext context;
  context.last_letter = last_letter;
  context.last_roman = last_roman;
  context.inside_point = inside_point;
  context.next_token = next;
  context.point_introduces_list = introduces;
  return context;
}

INSTANTIATE_TEST_SUITE_P(
    Ambiguity, ChooseLabelKindTest,
    ::testing::Values(
        LabelCase{"i_after_h_then_j", "i", Context(8, 0, true, "j"), LabelKind::kLetter},
        LabelCase{"i_after_h_then_ii", "i", Context(8, 0, true, "ii"), LabelKind::kRoman},
        LabelCase{"i_after_h_introducing_list", "i", Context(8, 0, true, "", true),
                  LabelKind::kRoman},
        LabelCase{"i_after_h_last_item", "i", Context(8, 0, true, ""), LabelKind::kLetter},
        LabelCase{"i_first_under_a", "i", Context(1, 0, true), LabelKind::kRoman},
        LabelCase{"ii_after_i", "ii", Context(1, 1, true), LabelKind::kRoman},
        LabelCase{"ii_after_hh", "ii", Context(34, 0, true), LabelKind::kLetter},
        LabelCase{"v_after_iv", "v", Context(3, 4, true), LabelKind::kRoman},
        LabelCase{"v_after_u", "v", Context(21, 0, true), LabelKind::kLetter},
        LabelCase{"v_after_u_and_iv_then_vi", "v", Context(21, 4, true, "vi"), LabelKind::kRoman},
        LabelCase{"v_after_u_and_iv_then_w", "v", Context(21, 4, true, "w"), LabelKind::kLetter},
        LabelCase{"x_after_w", "x", Context(23, 0, true), LabelKind::kLetter},
        LabelCase{"x_after_ix", "x", Context(2, 9, true), LabelKind::kRoman},
        LabelCase{"iii_always_roman", "iii", Context(2, 0, false), LabelKind::kRoman},
        LabelCase{"c_always_letter", "c", Context(0, 99, true), LabelKind::kLetter},
        LabelCase{"i_opening_a_list", "i", Context(0, 0, false), LabelKind::kRoman},
        LabelCase{"v_without_context", "v", Context(0, 0, false), LabelKind::kLetter},
        LabelCase{"i_directly_under_paragraph_list", "ii", Context(0, 1, false),
                  LabelKind::kRoman}),
    [](const ::testing::TestParamInfo<LabelCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tw::doc
