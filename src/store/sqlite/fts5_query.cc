#include "store/sqlite/fts5_query.h"

namespace tw::store {
namespace {

std::string QuotedTerm(const SearchTerm& term) {
  std::string out = "\"";
  for (char c : term.text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  if (term.prefix) out += " *";
  return out;
}

std::string RenderClause(const SearchClause& clause) {
  if (clause.any_of.size() == 1) return QuotedTerm(clause.any_of.front());
  std::string out = "(";
  for (std::size_t i = 0; i < clause.any_of.size(); ++i) {
    if (i > 0) out += " OR ";
    out += QuotedTerm(clause.any_of[i]);
  }
  out += ")";
  return out;
}

}  // namespace

std::string RenderFts5Query(const SearchExpression& expression) {
  if (expression.MatchesNothing()) return {};
  std::string out;
  for (std::size_t i = 0; i < expression.all_of.size(); ++i) {
    if (i > 0) out += " AND ";
    out += RenderClause(expression.all_of[i]);
  }
  for (const SearchTerm& excluded : expression.none_of) {
    out = "(" + out + ") NOT " + QuotedTerm(excluded);
  }
  return out;
}

}  // namespace tw::store
