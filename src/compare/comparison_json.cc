#include "compare/comparison_json.h"

#include <cmath>

namespace tw::compare {
namespace {

using nlohmann::json;

json BracketToJson(const BracketChange& change) {
  return {{"kind", BracketChangeKindName(change.kind)},
          {"text", change.text},
          {"old_path", change.old_path},
          {"new_path", change.new_path}};
}

}  // namespace

double RoundedShare(double value) { return std::round(value * 1000.0) / 1000.0; }

json ComparedDocumentToJson(const ComparedDocument& document) {
  json out = {{"cite", document.cite}, {"title", document.title}, {"date", document.date},
              {"version", document.version}};
  if (document.id != 0) out["id"] = document.id;
  return out;
}

json OpsToJson(const std::vector<DiffOp>& ops) {
  json out = json::array();
  for (const DiffOp& op : ops) out.push_back({{"op", OpKindName(op.op)}, {"text", op.text}});
  return out;
}

json ProvisionChangeToJson(const ProvisionChange& change) {
  return {{"kind", ChangeKindName(change.kind)},   {"old", change.old_paths},
          {"new", change.new_paths},               {"old_num", change.old_num},
          {"new_num", change.new_num},             {"similarity", RoundedShare(change.similarity)},
          {"ops", OpsToJson(change.ops)}};
}

json ComparisonToJson(const Comparison& comparison) {
  const ComparisonSummary& s = comparison.summary;
  json summary = {{"articles_old", s.articles_old}, {"articles_new", s.articles_new},
                  {"unchanged", s.unchanged},       {"modified", s.modified},
                  {"renumbered", s.renumbered},     {"moved", s.moved},
                  {"inserted", s.inserted},         {"deleted", s.deleted},
                  {"split", s.split},               {"merged", s.merged},
                  {"brackets_old", s.brackets_old}, {"brackets_new", s.brackets_new},
                  {"words_changed_pct", RoundedShare(s.words_changed_pct)}};
  json changes = json::array();
  for (const ArticleChange& change : comparison.changes) {
    json brackets = json::array();
    for (const BracketChange& bracket : change.brackets) brackets.push_back(BracketToJson(bracket));
    json provisions = json::array();
    for (const ProvisionChange& provision : change.provisions) {
      provisions.push_back(ProvisionChangeToJson(provision));
    }
    changes.push_back({{"kind", ChangeKindName(change.kind)},
                       {"old", change.old_paths},
                       {"new", change.new_paths},
                       {"old_num", change.old_num},
                       {"new_num", change.new_num},
                       {"similarity", RoundedShare(change.similarity)},
                       {"ops", OpsToJson(change.ops)},
                       {"moved", change.moved},
                       {"renumbered", change.renumbered},
                       {"text_changed", change.text_changed},
                       {"references_renumbered", change.references_renumbered},
                       {"old_citation", change.old_citation},
                       {"new_citation", change.new_citation},
                       {"old_heading", change.old_heading},
                       {"new_heading", change.new_heading},
                       {"old_chapter", change.old_chapter},
                       {"new_chapter", change.new_chapter},
                       {"old_position", change.old_position},
                       {"new_position", change.new_position},
                       {"words",
                        {{"old", change.words_old},
                         {"new", change.words_new},
                         {"deleted", change.words_deleted},
                         {"inserted", change.words_inserted}}},
                       {"brackets", std::move(brackets)},
                       {"provisions", std::move(provisions)}});
  }
  json migrations = json::array();
  for (const ProvisionChange& migration : comparison.migrations) {
    migrations.push_back(ProvisionChangeToJson(migration));
  }
  return {{"old", ComparedDocumentToJson(comparison.old_doc)},
          {"new", ComparedDocumentToJson(comparison.new_doc)},
          {"summary", std::move(summary)},
          {"changes", std::move(changes)},
          {"migrations", std::move(migrations)}};
}

}  // namespace tw::compare
