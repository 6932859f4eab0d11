// JSON of a crosswalk (`treatywatch crosswalk --json`, the HTTP API) and of a provision's
// history (`treatywatch history --json`).
#ifndef TREATYWATCH_COMPARE_CROSSWALK_JSON_H_
#define TREATYWATCH_COMPARE_CROSSWALK_JSON_H_

#include <nlohmann/json.hpp>

#include "compare/crosswalk.h"
#include "compare/version_chain.h"

namespace tw::compare {

// {"a":{cite…},"b":{…},"matched":N,"entries":[{"path","citation","heading",
//   "matches":[{"path","citation","heading","similarity","a_in_b","b_in_a","ops"}]}]}
nlohmann::json CrosswalkToJson(const Crosswalk& crosswalk);

// {"work_id","steps":[{"cite","date","version","present","path","num","citation","heading",
//   "change","similarity","brackets","words","also","ops"}]}
nlohmann::json HistoryToJson(const ProvisionHistory& history);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_CROSSWALK_JSON_H_
