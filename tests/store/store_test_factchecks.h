// A small fact-check record for the store tests (factcheck/claim.h, fact_check.h,
// evidence_anchor.h): claims with every field set and text in several scripts, fact-checks with
// evidence, and a history of revisions through the whole workflow. Describe() prints a value
// with every field, so that EXPECT_EQ(Describe(a), Describe(b)) compares two values whole and
// shows the difference.
#ifndef TREATYWATCH_TESTS_STORE_STORE_TEST_FACTCHECKS_H_
#define TREATYWATCH_TESTS_STORE_STORE_TEST_FACTCHECKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "factcheck/claim.h"
#include "factcheck/fact_check.h"
#include "store/store.h"

namespace tw::store::testing {

// Three claims by BRA, RUS and "group:eu": the first names `statement_id` (0 for none) and
// cites art24 and art28 and the Budapest Convention; the second is Cyrillic and undated; the
// third is a webcast with a source URL.
std::vector<factcheck::Claim> SampleClaims(std::int64_t statement_id);

// A piece of evidence quoting `document_id` at [start, start + exact.size()).
factcheck::Evidence SampleEvidence(std::int64_t document_id, std::string_view exact,
                                   std::size_t start);

// A draft fact-check on `claim_id` with two pieces of evidence in `document_id`.
factcheck::FactCheck SampleFactCheck(std::int64_t claim_id, std::int64_t document_id);

struct SampleFactCheckRecord {
  std::vector<std::int64_t> claims;
  std::int64_t factcheck = 0;  // published, three revisions, one piece re-anchored (changed)
  std::int64_t draft = 0;      // a second fact-check, still a draft
};

// Puts the sample claims, then a fact-check taken draft → in-review (a piece of evidence
// added) → published, its first piece of evidence re-anchored as changed with a proposal, and a
// second draft fact-check; every call is expected to succeed.
SampleFactCheckRecord PutSampleFactCheckRecord(Store& store, std::int64_t document_id,
                                               std::int64_t statement_id);

std::string Describe(const factcheck::Claim& claim);
std::string Describe(const factcheck::Evidence& evidence);
std::string Describe(const factcheck::FactCheck& fact_check);
std::string Describe(const factcheck::FactCheckRevision& revision);
std::string Describe(const std::vector<factcheck::Claim>& claims);
std::string Describe(const std::vector<factcheck::FactCheckRevision>& history);

}  // namespace tw::store::testing

#endif  // TREATYWATCH_TESTS_STORE_STORE_TEST_FACTCHECKS_H_
