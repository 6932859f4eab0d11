// Full-text search on PostgreSQL: which text search configuration a document's language gets,
// and how a parsed user query (store/search_syntax.h) becomes a tsquery expression.
//
// Configurations. Each provision row stores the name of its configuration (search_config) and
// a tsvector (search_vector) built with it: heading weighted A, text B. The configurations are
// the store's own (migration 2 creates them in the store's schema): for en, fr, es and ru the
// language's stop words are left out of the index, and every other word is folded with the
// `unaccent` dictionary and lower-cased, so "Etats" finds "États" as on SQLite
// (remove_diacritics). Other languages (Arabic and Chinese among them) get tw_simple: unaccent
// and lower case, no stop words.
//
// No stemming, deliberately: the search language (search_syntax.h) promises that a word finds
// that word, accent- and case-insensitively, and that `word*` is how a user asks for its other
// forms, on both backends alike. With Snowball's English stemmer "cooperation" would also find
// "coopèrent" (both stem to "cooper"), so one query would give different hits on a laptop and on
// the coalition server, and a store moved by `treatywatch migrate` would answer differently.
// Turning stemming on later is a migration that changes these configurations' mappings and
// recomputes search_vector; nothing else depends on it.
//
// The name is stored, not a regconfig OID: pg_upgrade refuses tables with reg* columns, and a
// name survives pg_dump/pg_restore into a database where the OIDs differ.
//
// Queries. Every term becomes phraseto_tsquery(config, $n): the term's text is a bound value,
// parsed by PostgreSQL's word parser only (no tsquery operator inside it can take effect), and a
// multi-word term is a phrase. A prefix term appends :* to its last lexeme. Clauses are ANDed
// (&&), alternatives ORed (||), exclusions negated (!!). Stop words ("the", "de") drop out of
// a term (a phrase keeps their positions: "judicial or other review" still needs two words
// between), so a query made only of stop words matches nothing instead of failing. A NUL byte,
// which PostgreSQL text cannot hold and which separates words anyway, is sent as a space.
// Thread safety: pure functions.
#ifndef TREATYWATCH_STORE_POSTGRES_PG_SEARCH_H_
#define TREATYWATCH_STORE_POSTGRES_PG_SEARCH_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/search_syntax.h"

namespace tw::store {

// "tw_english" for "en" (also "EN", "en-GB"), tw_french, tw_spanish, tw_russian; tw_simple for
// any other language.
std::string_view SearchConfigForLanguage(std::string_view lang);

// Every configuration SearchConfigForLanguage can return.
std::span<const std::string_view> SearchConfigNames();

// A tsquery as SQL over the configuration expression `config_sql` (e.g. "q.config::regconfig"),
// with the term texts as parameters numbered from `first_param`.
struct PgTsQuery {
  std::string match_sql;  // what a provision must satisfy (clauses and exclusions)
  std::string any_sql;    // any required term: which field the snippet should show
  std::vector<PgParam> params;
};

// Precondition: !expression.MatchesNothing().
PgTsQuery RenderPgTsQuery(const SearchExpression& expression, std::string_view config_sql,
                          int first_param);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_SEARCH_H_
