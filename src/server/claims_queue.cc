#include "server/claims_queue.h"

#include <algorithm>
#include <map>
#include <utility>

#include "factcheck/claim_matcher.h"
#include "factcheck/factcheck_json.h"
#include "negotiation/negotiation_json.h"

namespace tw::server {

absl::StatusOr<std::vector<QueuedSentence>> ClaimsQueue(store::Store& store, int limit) {
  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      store.ListStatements(store::StatementFilter{});
  if (!statements.ok()) return statements.status();
  absl::StatusOr<std::vector<factcheck::Claim>> claims = store.ListClaims(store::ClaimFilter{});
  if (!claims.ok()) return claims.status();
  std::map<std::int64_t, std::vector<const factcheck::Claim*>> claimed;
  for (const factcheck::Claim& claim : *claims) {
    if (claim.statement_id > 0) claimed[claim.statement_id].push_back(&claim);
  }
  const double said_already = factcheck::MatchThresholds{}.suggest;
  std::vector<QueuedSentence> queue;
  for (negotiation::Statement& statement : *statements) {
    std::vector<factcheck::CheckWorthySentence> sentences =
        factcheck::ScoreSentences(statement.text);
    const auto& taken = claimed[statement.id];
    statement.text.clear();
    for (factcheck::CheckWorthySentence& sentence : sentences) {
      if (sentence.score < factcheck::kCheckWorthyThreshold) continue;
      const bool done = std::any_of(taken.begin(), taken.end(), [&](const factcheck::Claim* c) {
        return factcheck::ShingleSimilarity(c->text, sentence.text) >= said_already;
      });
      if (!done) queue.push_back({statement, std::move(sentence)});
    }
  }
  std::stable_sort(queue.begin(), queue.end(),
                   [](const QueuedSentence& a, const QueuedSentence& b) {
                     return a.sentence.score > b.sentence.score;
                   });
  const std::size_t keep =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(limit, 0)), kMaxQueueItems);
  if (queue.size() > keep) queue.resize(keep);
  return queue;
}

nlohmann::json QueuedSentenceJson(const QueuedSentence& item,
                                  const negotiation::ActorRegistry& actors) {
  nlohmann::json json = factcheck::CheckWorthySentenceJson(item.sentence);
  json["statement"] = {{"id", item.statement.id},
                       {"actor", item.statement.actor},
                       {"actor_name", negotiation::ActorName(actors, item.statement.actor)},
                       {"session", item.statement.session},
                       {"date", item.statement.date},
                       {"source_url", item.statement.source_url}};
  return json;
}

}  // namespace tw::server
