#include "store/postgres/pg_search.h"

#include <array>

#include <fmt/format.h>

namespace tw::store {
namespace {

struct LanguageConfig {
  std::string_view lang;
  std::string_view config;
};

// Migration 2 creates exactly these (and tw_simple); PostgresStoreTest.
// SearchConfigurationFollowsTheDocumentLanguage checks that the two lists agree.
constexpr std::array<LanguageConfig, 4> kLanguageConfigs = {{
    {"en", "tw_english"},
    {"fr", "tw_french"},
    {"es", "tw_spanish"},
    {"ru", "tw_russian"},
}};
constexpr std::string_view kSimpleConfig = "tw_simple";
constexpr std::array<std::string_view, 5> kConfigNames = {"tw_english", "tw_french",
                                                          "tw_spanish", "tw_russian", "tw_simple"};

class Renderer {
 public:
  Renderer(std::string_view config_sql, int first_param)
      : config_sql_(config_sql), next_param_(first_param) {}

  std::string Term(const SearchTerm& term) {
    std::string text = term.text;
    for (char& c : text) {
      if (c == '\0') c = ' ';
    }
    params_.push_back(std::move(text));
    const std::string phrase =
        fmt::format("phraseto_tsquery({}, ${})", config_sql_, next_param_++);
    if (!term.prefix) return phrase;
    // The text form of a phrase query ends with its last lexeme in quotes ('two' <-> 'wor'),
    // so appending :* makes exactly that lexeme a prefix; an empty query (only stop words)
    // has no lexeme to extend and stays as it is.
    return fmt::format("(CASE WHEN right({0}::text, 1) = '''' THEN ({0}::text || ':*')::tsquery "
                       "ELSE {0} END)",
                       phrase);
  }

  std::vector<PgParam> TakeParams() { return std::move(params_); }

 private:
  std::string_view config_sql_;
  int next_param_;
  std::vector<PgParam> params_;
};

}  // namespace

std::string_view SearchConfigForLanguage(std::string_view lang) {
  std::string primary;
  for (char c : lang.substr(0, lang.find_first_of("-_"))) {
    primary.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  for (const LanguageConfig& entry : kLanguageConfigs) {
    if (entry.lang == primary) return entry.config;
  }
  return kSimpleConfig;
}

std::span<const std::string_view> SearchConfigNames() { return kConfigNames; }

PgTsQuery RenderPgTsQuery(const SearchExpression& expression, std::string_view config_sql,
                          int first_param) {
  Renderer renderer(config_sql, first_param);
  PgTsQuery query;
  std::vector<std::string> every_term;
  for (const SearchClause& clause : expression.all_of) {
    std::string rendered;
    for (const SearchTerm& term : clause.any_of) {
      std::string one = renderer.Term(term);
      every_term.push_back(one);
      rendered += rendered.empty() ? one : " || " + one;
    }
    if (!query.match_sql.empty()) query.match_sql += " && ";
    query.match_sql += clause.any_of.size() > 1 ? "(" + rendered + ")" : rendered;
  }
  for (const SearchTerm& excluded : expression.none_of) {
    query.match_sql += " && !!" + renderer.Term(excluded);
  }
  for (const std::string& term : every_term) {
    query.any_sql += query.any_sql.empty() ? term : " || " + term;
  }
  query.match_sql = "(" + query.match_sql + ")";
  query.any_sql = "(" + query.any_sql + ")";
  query.params = renderer.TakeParams();
  return query;
}

}  // namespace tw::store
