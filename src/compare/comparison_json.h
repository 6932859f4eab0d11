// The JSON form of a comparison (`treatywatch diff --format json`, the HTTP API):
//   {"old":{…},"new":{…},
//    "summary":{"articles_old","articles_new","unchanged","modified","renumbered","moved",
//               "inserted","deleted","split","merged","brackets_old","brackets_new",
//               "words_changed_pct"},
//    "changes":[{"kind","old":[paths],"new":[paths],"old_num","new_num","similarity",
//                "ops":[{"op":"eq|ins|del","text"}], "moved","renumbered","text_changed",
//                "references_renumbered","old_citation","new_citation","old_heading",
//                "new_heading","old_chapter","new_chapter","old_position","new_position",
//                "words":{…},"brackets":[…],"provisions":[…]}],
//    "migrations":[…]}
// The first keys of each change are the documented contract; the rest add detail.
#ifndef TREATYWATCH_COMPARE_COMPARISON_JSON_H_
#define TREATYWATCH_COMPARE_COMPARISON_JSON_H_

#include <nlohmann/json.hpp>

#include "compare/comparison.h"

namespace tw::compare {

nlohmann::json ComparisonToJson(const Comparison& comparison);
nlohmann::json ComparedDocumentToJson(const ComparedDocument& document);
// Similarities and shares as JSON carries them: three decimals.
double RoundedShare(double value);
nlohmann::json OpsToJson(const std::vector<DiffOp>& ops);
nlohmann::json ProvisionChangeToJson(const ProvisionChange& change);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_COMPARISON_JSON_H_
