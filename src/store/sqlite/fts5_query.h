// Renders a parsed search (store/search_syntax.h) as an SQLite FTS5 MATCH expression.
//
// Every term becomes an FTS5 string ("..." with inner quotes doubled), so nothing the user
// typed can be read as FTS5 syntax: no operator, column filter, NEAR group or initial-token
// marker survives as such. Inside the string the unicode61 tokenizer splits the text, so
// `art.24` is the phrase "art 24". Prefix terms get FTS5's `*` after the string.
//   required clauses   joined by AND; alternatives inside a clause by OR, in parentheses
//   excluded terms     ((required) NOT "x") NOT "y"   (FTS5 NOT is binary)
// Thread safety: pure function.
#ifndef TREATYWATCH_STORE_SQLITE_FTS5_QUERY_H_
#define TREATYWATCH_STORE_SQLITE_FTS5_QUERY_H_

#include <string>

#include "store/search_syntax.h"

namespace tw::store {

// Empty when the expression matches nothing (no required term): do not run a MATCH then.
std::string RenderFts5Query(const SearchExpression& expression);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_FTS5_QUERY_H_
