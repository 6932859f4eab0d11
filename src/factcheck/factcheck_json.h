// JSON forms of claims, fact-checks and the work around them, shared by `--json` on the command
// line (claims, factcheck) and the web API (/api/v1/claims, /api/v1/factchecks): one form per
// value, so a script reading either sees the same fields. Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_FACTCHECK_JSON_H_
#define TREATYWATCH_FACTCHECK_FACTCHECK_JSON_H_

#include <vector>

#include <nlohmann/json.hpp>

#include "factcheck/auto_checks.h"
#include "factcheck/check_worthiness.h"
#include "factcheck/claim.h"
#include "factcheck/claim_matcher.h"
#include "factcheck/evidence_anchor.h"
#include "factcheck/fact_check.h"
#include "factcheck/own_record.h"
#include "negotiation/actor_registry.h"

namespace tw::factcheck {

// {doc, path, exact, prefix, suffix, start, end}.
nlohmann::json AnchorJson(const EvidenceAnchor& anchor);

// {id, text, actor, actor_name, statement, session, date, grade, source_url, cited_paths,
//  instruments, created_by, created_at}.
nlohmann::json ClaimJson(const Claim& claim, const negotiation::ActorRegistry& actors);

// The anchor's fields plus {id, note, origin, status, similarity, checked_against, proposal}.
nlohmann::json EvidenceJson(const Evidence& evidence);

// {id, claim, verdict, summary, rationale, status, needs_review, valid_as_of, revision, author,
//  updated_by, created_at, updated_at, published_at, change_note, evidence[]}.
nlohmann::json FactCheckJson(const FactCheck& fact_check);

// A fact-check as a list row shows it: {id, verdict, status, needs_review}.
nlohmann::json FactCheckBriefJson(const FactCheck& fact_check);

// One revision: {revision, saved_by, saved_at, change_note, status, verdict, summary,
// rationale, evidence[]}.
nlohmann::json RevisionJson(const FactCheckRevision& revision);

// A fact-check needing review, with each piece of evidence's state and proposal:
// {factcheck, claim, status, evidence[{id, doc, path, exact, status, similarity,
//  checked_against, proposal?{doc, path, exact}}]}.
nlohmann::json StaleFactCheckJson(const FactCheck& fact_check);

// {text, begin, end, score, check_worthy, features[{name, weight, matched}]}.
nlohmann::json CheckWorthySentenceJson(const CheckWorthySentence& sentence);

// {claim, score, text_score, shingle, suggested, confirmed, factchecks[brief]}; `fact_checks`
// are the matched claim's.
nlohmann::json ClaimMatchJson(const ClaimMatch& match, const negotiation::ActorRegistry& actors,
                              const std::vector<FactCheck>& fact_checks);

// {kind: statement|position, id, date, text, similarity, contradicts, reason}.
nlohmann::json OwnRecordJson(const OwnRecordMatch& item);

// {check, finding, assessment, anchors[{doc, path, exact, start, end}], details}.
nlohmann::json AutoCheckResultJson(const AutoCheckResult& result);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_FACTCHECK_JSON_H_
