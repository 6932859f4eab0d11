// ClaimsQueue: the team's to-do list of claims — the check-worthy sentences
// (factcheck/check_worthiness.h, score at or above kCheckWorthyThreshold) of every stored
// statement that no claim recorded from that statement says already (stemmed shingle
// similarity at or above the matcher's suggestion threshold), best first.
//
// Reads the store given; one call per store object at a time.
#ifndef TREATYWATCH_SERVER_CLAIMS_QUEUE_H_
#define TREATYWATCH_SERVER_CLAIMS_QUEUE_H_

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "factcheck/check_worthiness.h"
#include "negotiation/actor_registry.h"
#include "negotiation/records.h"
#include "store/store.h"

namespace tw::server {

inline constexpr std::size_t kMaxQueueItems = 200;

struct QueuedSentence {
  negotiation::Statement statement;  // text cleared: only the sentence is shown
  factcheck::CheckWorthySentence sentence;
};

// At most `limit` (<= kMaxQueueItems) sentences, highest score first (ties: earlier statement).
absl::StatusOr<std::vector<QueuedSentence>> ClaimsQueue(store::Store& store, int limit);

// {statement: {id, actor, actor_name, session, date, source_url}, text, begin, end, score,
//  check_worthy, features[]}.
nlohmann::json QueuedSentenceJson(const QueuedSentence& item,
                                  const negotiation::ActorRegistry& actors);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_CLAIMS_QUEUE_H_
