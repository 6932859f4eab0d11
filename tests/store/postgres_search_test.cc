// The pure parts of the PostgreSQL store that need no server: which text search configuration
// a language gets, and how a parsed query becomes tsquery SQL whose only user-typed parts are
// parameters.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/postgres/pg_search.h"

namespace tw::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

struct LanguageCase {
  const char* lang;
  const char* config;
};

class SearchConfigTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(SearchConfigTest, LanguageChoosesConfiguration) {
  EXPECT_EQ(SearchConfigForLanguage(GetParam().lang), GetParam().config) << GetParam().lang;
}

INSTANTIATE_TEST_SUITE_P(
    Languages, SearchConfigTest,
    ::testing::Values(LanguageCase{"en", "tw_english"}, LanguageCase{"EN", "tw_english"},
                      LanguageCase{"en-GB", "tw_english"}, LanguageCase{"fr_CA", "tw_french"},
                      LanguageCase{"es", "tw_spanish"}, LanguageCase{"ru", "tw_russian"},
                      LanguageCase{"zh", "tw_simple"}, LanguageCase{"ar", "tw_simple"},
                      LanguageCase{"", "tw_simple"}, LanguageCase{"english", "tw_simple"}));

TEST(SearchConfigTest, EveryChoiceIsListed) {
  for (const char* lang : {"en", "fr", "es", "ru", "zh"}) {
    EXPECT_THAT(SearchConfigNames(), ::testing::Contains(SearchConfigForLanguage(lang)));
  }
}

PgTsQuery Render(std::string_view text) {
  absl::StatusOr<SearchExpression> expression = ParseSearchText(text);
  EXPECT_TRUE(expression.ok()) << expression.status();
  return RenderPgTsQuery(*expression, "cfg", 5);
}

TEST(RenderPgTsQueryTest, ClausesAlternativesExclusionsAndPrefixes) {
  const PgTsQuery query = Render("a OR b c -d \"e f\"*");
  EXPECT_THAT(query.params, ElementsAre("a", "b", "c", "e f", "d"));
  EXPECT_THAT(query.match_sql, HasSubstr("(phraseto_tsquery(cfg, $5) || phraseto_tsquery(cfg, $6))"
                                         " && phraseto_tsquery(cfg, $7) && "));
  EXPECT_THAT(query.match_sql, HasSubstr("(phraseto_tsquery(cfg, $8)::text || ':*')::tsquery"));
  EXPECT_THAT(query.match_sql, HasSubstr("&& !!phraseto_tsquery(cfg, $9)"));
  // The snippet's "any word" query has the required terms only.
  EXPECT_THAT(query.any_sql, HasSubstr("phraseto_tsquery(cfg, $8)"));
  EXPECT_THAT(query.any_sql, Not(HasSubstr("$9")));
}

TEST(RenderPgTsQueryTest, UserTextNeverReachesTheSql) {
  for (std::string_view hostile : {"'; DROP TABLE documents;--", "a:* & !b | (c <-> d)",
                                   "\\' OR 1=1 --", "$1 $2", "x') || ('y"}) {
    const PgTsQuery query = Render(hostile);
    for (std::string_view sql : {query.match_sql, query.any_sql}) {
      EXPECT_THAT(sql, Not(HasSubstr("DROP"))) << hostile;
      EXPECT_THAT(sql, Not(HasSubstr("1=1"))) << hostile;
      EXPECT_THAT(sql, Not(HasSubstr("'y"))) << hostile;
      EXPECT_THAT(sql, Not(HasSubstr("<->"))) << hostile;
    }
  }
}

TEST(RenderPgTsQueryTest, NulBytesBecomeSpaces) {
  // Inside quotes the parser keeps the byte; PostgreSQL text could not carry it.
  const PgTsQuery query = Render(std::string_view("\"safe\0guards\"", 13));
  EXPECT_THAT(query.params, ElementsAre("safe guards"));
}

}  // namespace
}  // namespace tw::store
