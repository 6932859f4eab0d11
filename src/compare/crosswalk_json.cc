#include "compare/crosswalk_json.h"

#include <cmath>

#include "compare/comparison_json.h"

namespace tw::compare {
namespace {

using nlohmann::json;

double Rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

json Cited(const ComparedDocument& document) {
  json out = {{"cite", document.cite}, {"title", document.title}, {"date", document.date},
              {"version", document.version}};
  if (document.id != 0) out["id"] = document.id;
  return out;
}

}  // namespace

json CrosswalkToJson(const Crosswalk& crosswalk) {
  json entries = json::array();
  for (const CrosswalkEntry& entry : crosswalk.entries) {
    json matches = json::array();
    for (const CrosswalkMatch& match : entry.matches) {
      matches.push_back({{"path", match.path},
                         {"citation", match.citation},
                         {"heading", match.heading},
                         {"similarity", Rounded(match.similarity)},
                         {"a_in_b", Rounded(match.a_in_b)},
                         {"b_in_a", Rounded(match.b_in_a)},
                         {"ops", OpsToJson(match.ops)}});
    }
    entries.push_back({{"path", entry.path},
                       {"citation", entry.citation},
                       {"heading", entry.heading},
                       {"matches", std::move(matches)}});
  }
  return {{"a", Cited(crosswalk.a)},
          {"b", Cited(crosswalk.b)},
          {"matched", crosswalk.matched},
          {"entries", std::move(entries)}};
}

json HistoryToJson(const ProvisionHistory& history) {
  json steps = json::array();
  for (const HistoryStep& step : history.steps) {
    json out = Cited(step.document);
    out["present"] = step.present;
    out["path"] = step.path;
    out["num"] = step.num;
    out["citation"] = step.citation;
    out["heading"] = step.heading;
    out["change"] = ChangeKindName(step.change);
    out["similarity"] = Rounded(step.similarity);
    out["brackets"] = step.brackets;
    out["words"] = step.words;
    out["also"] = step.also;
    out["ops"] = OpsToJson(step.ops);
    steps.push_back(std::move(out));
  }
  return {{"work_id", history.work_id}, {"steps", std::move(steps)}};
}

}  // namespace tw::compare
