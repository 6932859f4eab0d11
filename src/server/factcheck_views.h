// The views (nlohmann::json for web/templates) of claims and fact-checks, shared by the team's
// pages (factcheck_pages.cc) and the public ones (public_factcheck_pages.cc), so a verdict,
// a quote and its citation read the same on both. Every string is user text to be escaped by
// the template ({{x}}); the one exception is "jsonld", already made safe for a <script> element.
//
// Thread safety: functions take the request's store; one request per thread.
#ifndef TREATYWATCH_SERVER_FACTCHECK_VIEWS_H_
#define TREATYWATCH_SERVER_FACTCHECK_VIEWS_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "factcheck/claim.h"
#include "factcheck/claim_review.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"
#include "negotiation/actor_registry.h"
#include "store/store.h"

namespace tw::server {

// {id, text, actor, actor_name, session, date, grade, source_url (only an http(s) URL),
//  statement, created_by, created_at, url}.
nlohmann::json ClaimView(const factcheck::Claim& claim, const negotiation::ActorRegistry& actors);

// {verdict, verdict_label, verdict_description, tone}.
nlohmann::json VerdictView(std::string_view verdict, const factcheck::VerdictScale& scale);

// The fact-check with its verdict view, status label, flags (is_draft, is_in_review,
// is_published, needs_review, corrected), dates, and its evidence:
// [{id, exact, note, origin, status, state_sentence, citation, document, provision,
//   reader_url, holds}]; citations come from the store's documents.
absl::StatusOr<nlohmann::json> FactCheckView(store::Store& store,
                                             const factcheck::FactCheck& fact_check,
                                             const factcheck::VerdictScale& scale);

// A JSON value as the text of a <script type="application/ld+json"> element: '<', '>' and '&'
// written as \u escapes, so no "</script>" or "<!--" can appear in it whatever the strings
// hold. Still the same JSON to a parser.
std::string ScriptSafeJson(const nlohmann::json& value);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_FACTCHECK_VIEWS_H_
