#include "compare/crosswalk_json.h"

#include "compare/comparison_json.h"

namespace tw::compare {

using nlohmann::json;

json CrosswalkToJson(const Crosswalk& crosswalk) {
  json entries = json::array();
  for (const CrosswalkEntry& entry : crosswalk.entries) {
    json matches = json::array();
    for (const CrosswalkMatch& match : entry.matches) {
      matches.push_back({{"path", match.path},
                         {"citation", match.citation},
                         {"heading", match.heading},
                         {"similarity", RoundedShare(match.similarity)},
                         {"a_in_b", RoundedShare(match.a_in_b)},
                         {"b_in_a", RoundedShare(match.b_in_a)},
                         {"ops", OpsToJson(match.ops)}});
    }
    entries.push_back({{"path", entry.path},
                       {"citation", entry.citation},
                       {"heading", entry.heading},
                       {"matches", std::move(matches)}});
  }
  return {{"a", ComparedDocumentToJson(crosswalk.a)},
          {"b", ComparedDocumentToJson(crosswalk.b)},
          {"matched", crosswalk.matched},
          {"entries", std::move(entries)}};
}

json HistoryToJson(const ProvisionHistory& history) {
  json steps = json::array();
  for (const HistoryStep& step : history.steps) {
    json out = ComparedDocumentToJson(step.document);
    out["present"] = step.present;
    out["path"] = step.path;
    out["num"] = step.num;
    out["citation"] = step.citation;
    out["heading"] = step.heading;
    out["change"] = ChangeKindName(step.change);
    out["similarity"] = RoundedShare(step.similarity);
    out["brackets"] = step.brackets;
    out["words"] = step.words;
    out["also"] = step.also;
    out["ops"] = OpsToJson(step.ops);
    steps.push_back(std::move(out));
  }
  return {{"work_id", history.work_id}, {"steps", std::move(steps)}};
}

}  // namespace tw::compare
