// ClaimReview: schema.org's ClaimReview JSON-LD for a published fact-check, the form
// fact-check search engines read (https://schema.org/ClaimReview). One object per fact-check:
// claimReviewed (the claim's words), itemReviewed (a Claim with author — the actor —,
// datePublished, appearance and firstAppearance: the statement's source URL or the session
// record), reviewRating (a Rating with ratingValue from the verdict scale, bestRating,
// worstRating, alternateName: the verdict's name as readers see it), author (the publishing
// organisation), datePublished (the first published revision's date), url (the fact-check's
// public page: BASE/factchecks/ID), and a correction note when the fact-check was corrected.
//
// The claim's author: schema.org's Claim.author (and Google's fact-check markup) takes an
// Organization or a Person. A state is written as a GovernmentOrganization (schema.org's
// subtype of Organization for "a governmental organization or agency": the government speaks
// through its delegation) named as the state is known ("Brazil"), so a reader sees "Brazil",
// not a made-up "Government of Brazil"; groups and organisations are an Organization. Country
// is no choice: schema.org types it as a Place, which cannot author a claim.
//
// Nothing unknown is written as null or "": an unknown date is left out, an appearance without a
// URL is a CreativeWork named after the session record. tests/factcheck/claimreview.schema.json
// is the contract, checked with ajv by tests/factcheck/claim_review_test.cc.
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_CLAIM_REVIEW_H_
#define TREATYWATCH_FACTCHECK_CLAIM_REVIEW_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "factcheck/claim.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {

struct Publisher {
  std::string name = "treatywatch";  // the CSO publishing the fact-checks
  std::string url;                   // its site; may be empty
  std::string base_url = "http://127.0.0.1:8080";  // where fact-check pages are served
};

struct ReviewedClaim {
  Claim claim;
  FactCheck fact_check;  // must be published
  std::string actor_name;  // display name of claim.actor ("Brazil", "European Union")
  bool actor_is_state = false;
};

nlohmann::json ClaimReviewJsonLd(const ReviewedClaim& item, const VerdictScale& scale,
                                 const Publisher& publisher);

// A JSON array of ClaimReviewJsonLd for every published item (others are skipped).
nlohmann::json ClaimReviewArray(const std::vector<ReviewedClaim>& items,
                                const VerdictScale& scale, const Publisher& publisher);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_REVIEW_H_
