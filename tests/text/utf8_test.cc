#include "text/utf8.h"

#include <gtest/gtest.h>

namespace tw::text {
namespace {

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::optional<std::size_t> first_bad;
};

TEST(Utf8Test, FindsFirstIllFormedByte) {
  const InvalidCase cases[] = {
      {"ascii", "Article 5", std::nullopt},
      {"accents", "Art\xC3\xAD" "culo", std::nullopt},
      {"cjk", "\xE7\xAC\xAC" "5\xE6\x9D\xA1", std::nullopt},
      {"lone continuation", "ab\x80", 2},
      {"truncated", "ab\xE2\x82", 2},
      {"overlong slash", "\xC0\xAF", 0},
      {"surrogate", "x\xED\xA0\x80", 1},
      {"above max", "\xF4\x90\x80\x80", 0},
      {"latin1", "caf\xE9" " ok", 3},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.first_bad) << c.name;
  }
}

TEST(Utf8Test, LineColumnCountsCodePoints) {
  const std::string text = "ab\n\xC3\xA9x";
  EXPECT_EQ(LineColumnAt(text, 0).line, 1);
  EXPECT_EQ(LineColumnAt(text, 5).line, 2);
  EXPECT_EQ(LineColumnAt(text, 5).column, 2);
}

TEST(Utf8Test, NormalisesToNfc) {
  // "e" + combining acute -> precomposed é.
  auto nfc = ToNfc("caf" "e\xCC\x81");
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc, "caf\xC3\xA9");
  EXPECT_TRUE(IsNfc(*nfc));
  EXPECT_FALSE(IsNfc("e\xCC\x81"));
}

TEST(Utf8Test, RejectsInvalidWithPosition) {
  auto nfc = ToNfc("line1\nab\xFF");
  ASSERT_FALSE(nfc.ok());
  EXPECT_NE(nfc.status().message().find("byte 8"), std::string::npos);
  EXPECT_NE(nfc.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace tw::text
