// The search language: what users type, what the parser makes of it, and the FTS5 query the
// SQLite backend runs. Table-driven: each row is a query and the FTS5 expression it becomes.
#include "store/search_syntax.h"

#include <gtest/gtest.h>

#include "store/sqlite/fts5_query.h"

namespace tw::store {
namespace {

struct Case {
  std::string query;
  std::string fts5;  // empty: matches nothing
};

class Fts5RenderingTest : public ::testing::TestWithParam<Case> {};

TEST_P(Fts5RenderingTest, RendersSafely) {
  absl::StatusOr<SearchExpression> parsed = ParseSearchText(GetParam().query);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(RenderFts5Query(*parsed), GetParam().fts5) << "query [" << GetParam().query << "]";
}

// clang-format off: one case per line reads as a table.
INSTANTIATE_TEST_SUITE_P(
    Queries, Fts5RenderingTest,
    ::testing::Values(
        Case{"safeguards", R"("safeguards")"},
        Case{"judicial review", R"("judicial" AND "review")"},
        Case{"\"judicial review\"", R"("judicial review")"},
        Case{"\"judicial rev\"*", R"("judicial rev" *)"}, Case{"interc*", R"("interc" *)"},
        Case{"interc**", R"("interc" *)"},
        Case{"safeguards -interception", R"(("safeguards") NOT "interception")"},
        Case{"a -b -\"c d\"", R"((("a") NOT "b") NOT "c d")"}, Case{"-only -exclusions", ""},
        Case{"remedy OR review", R"(("remedy" OR "review"))"},
        Case{"x remedy OR review OR appeal y",
             R"("x" AND ("remedy" OR "review" OR "appeal") AND "y")"},
        Case{"OR remedy", R"("remedy")"}, Case{"remedy OR", R"("remedy")"},
        Case{"-a OR b", R"(("b") NOT "a")"}, Case{"or", R"("or")"}, Case{"-OR", R"()"},
        Case{"\"", ""}, Case{"\"unclosed phrase", R"("unclosed phrase")"},
        Case{"NEAR(a b", R"("NEAR(a" AND "b")"}, Case{"col:x", R"("col:x")"}, Case{"*", ""},
        Case{")", ""}, Case{"^start", R"("^start")"},
        Case{"say \"he said \"\"hi\"\"\"", R"("say" AND "he said " AND "hi")"},
        Case{"a\"b\"c", R"("a" AND "b" AND "c")"},
        Case{"'; DROP TABLE documents;--", R"("DROP" AND "TABLE" AND "documents;--")"},
        Case{"\xE2\x80\xA6 \xC2\xAB", ""}, Case{"\x80\xff ok", R"("ok")"},
        Case{std::string("a\0b", 3), R"("a" AND "b")"}, Case{"États", R"("États")"},
        Case{"网络犯罪", R"("网络犯罪")"}, Case{"", ""}));
// clang-format on

TEST(SearchSyntaxTest, KeepsPhraseAndPrefixFlags) {
  absl::StatusOr<SearchExpression> parsed = ParseSearchText("\"content data\" interc* -x");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->all_of.size(), 2u);
  EXPECT_EQ(parsed->all_of[0].any_of[0].text, "content data");
  EXPECT_TRUE(parsed->all_of[0].any_of[0].phrase);
  EXPECT_FALSE(parsed->all_of[0].any_of[0].prefix);
  EXPECT_EQ(parsed->all_of[1].any_of[0].text, "interc");
  EXPECT_FALSE(parsed->all_of[1].any_of[0].phrase);
  EXPECT_TRUE(parsed->all_of[1].any_of[0].prefix);
  ASSERT_EQ(parsed->none_of.size(), 1u);
  EXPECT_EQ(parsed->none_of[0].text, "x");
}

TEST(SearchSyntaxTest, BoundsUntrustedInput) {
  EXPECT_EQ(ParseSearchText(std::string(kMaxSearchQueryBytes + 1, 'a')).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::string many;
  for (std::size_t i = 0; i <= kMaxSearchTerms; ++i) many += "w ";
  EXPECT_EQ(ParseSearchText(many).status().code(), absl::StatusCode::kInvalidArgument);
  // Dropped terms (punctuation) do not count against the limit.
  EXPECT_TRUE(ParseSearchText(std::string(kMaxSearchQueryBytes / 2, '*') + " ok").ok());
}

}  // namespace
}  // namespace tw::store
