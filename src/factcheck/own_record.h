// OwnRecord: what the same actor said and stood for earlier that touches a new claim, so an
// observer sees a self-contradiction ("we support a narrow scope" in session 2, "the broad
// scope has always been our position" in session 6).
//
// Earlier statements are compared by stemmed shingle similarity (claim_matcher.h); a close
// one whose polarity differs (negation words, "support"/"oppose" families, "narrow"/"broad")
// is flagged. Positions on the provisions the claim cites (and topic positions whose label
// shares a content word with the claim) are listed with their stance; a claim asserting
// support of something the actor's current position opposes (or the reverse) is flagged.
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_OWN_RECORD_H_
#define TREATYWATCH_FACTCHECK_OWN_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "factcheck/claim.h"
#include "negotiation/records.h"

namespace tw::factcheck {

struct OwnRecordMatch {
  enum class Kind { kStatement, kPosition } kind = Kind::kStatement;
  std::int64_t id = 0;     // statement or position id
  std::string date;
  std::string text;        // the statement's closest sentence, or "art24: oppose (note)"
  double similarity = 0;   // 0..1 (positions: 1 when on a cited provision)
  bool contradicts = false;
  std::string reason;      // why flagged: "says 'support' where the claim says 'oppose'"
};

// `statements` and `positions` are the actor's (others are ignored); best first, contradictions
// before the rest at equal similarity; statements below 0.3 similarity are left out.
std::vector<OwnRecordMatch> FindOwnRecord(const Claim& claim,
                                          const std::vector<negotiation::Statement>& statements,
                                          const std::vector<negotiation::Position>& positions);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_OWN_RECORD_H_
