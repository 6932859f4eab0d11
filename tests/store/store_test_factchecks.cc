#include "store_test_factchecks.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "factcheck/verdict_scale.h"

namespace tw::store::testing {

std::vector<factcheck::Claim> SampleClaims(std::int64_t statement_id) {
  std::vector<factcheck::Claim> claims(3);
  claims[0].text = "Article 28 already contains all the safeguards of the Budapest Convention.";
  claims[0].actor = "BRA";
  claims[0].statement_id = statement_id;
  claims[0].session = 3;
  claims[0].date = "2025-09-01";
  claims[0].source_grade = factcheck::SourceGrade::kOfficialRecord;
  claims[0].cited_paths = {"art24", "art28"};
  claims[0].instruments = {"Budapest Convention"};
  claims[0].created_by = "analyst";

  claims[1].text = "Российская Федерация: статья 240 поддержана большинством государств.";
  claims[1].actor = "RUS";
  claims[1].session = 2;
  claims[1].source_grade = factcheck::SourceGrade::kWrittenSubmission;
  claims[1].created_by = "cli";

  claims[2].text = "No delegation objected to paragraph 3 of the article on États parties.";
  claims[2].actor = "group:eu";
  claims[2].date = "2025-09-02";
  claims[2].source_grade = factcheck::SourceGrade::kWebcast;
  claims[2].source_url = "https://webtv.example.org/session3#t=01:02:03";
  claims[2].cited_paths = {"art24.p3"};
  return claims;
}

factcheck::Evidence SampleEvidence(std::int64_t document_id, std::string_view exact,
                                   std::size_t start) {
  factcheck::Evidence evidence;
  evidence.anchor.document_id = document_id;
  evidence.anchor.path = "art24.p2";
  evidence.anchor.exact = std::string(exact);
  evidence.anchor.prefix = "Each State Party shall ";
  evidence.anchor.suffix = " of judicial review.";
  evidence.anchor.start = start;
  evidence.anchor.end = start + exact.size();
  evidence.note = "The safeguard the claim says is there.";
  return evidence;
}

factcheck::FactCheck SampleFactCheck(std::int64_t claim_id, std::int64_t document_id) {
  factcheck::FactCheck fact_check;
  fact_check.claim_id = claim_id;
  fact_check.verdict = "omits-a-safeguard";
  fact_check.summary = "Article 28 lacks the judicial review the Budapest Convention requires.";
  fact_check.rationale = "Compare Art. 28 with Art. 15 of the Budapest Convention: « contrôle ».";
  fact_check.author = "alice";
  fact_check.evidence = {SampleEvidence(document_id, "conditions and safeguards", 120),
                         SampleEvidence(document_id, "judicial or other independent review", 310)};
  fact_check.evidence[1].origin = "safeguard";
  fact_check.change_note = "first draft";
  return fact_check;
}

SampleFactCheckRecord PutSampleFactCheckRecord(Store& store, std::int64_t document_id,
                                               std::int64_t statement_id) {
  SampleFactCheckRecord record;
  for (const factcheck::Claim& claim : SampleClaims(statement_id)) {
    absl::StatusOr<std::int64_t> id = store.PutClaim(claim);
    EXPECT_TRUE(id.ok()) << id.status();
    record.claims.push_back(id.ok() ? *id : 0);
  }
  const factcheck::VerdictScale& scale = factcheck::VerdictScale::Default();
  absl::StatusOr<std::int64_t> created =
      store.CreateFactCheck(SampleFactCheck(record.claims[0], document_id), scale);
  EXPECT_TRUE(created.ok()) << created.status();
  if (!created.ok()) return record;
  record.factcheck = *created;

  factcheck::FactCheck next = **store.LoadFactCheck(*created);
  next.status = factcheck::FactCheckStatus::kInReview;
  next.evidence.push_back(SampleEvidence(document_id, "shall be subject to", 50));
  next.evidence.back().origin = "mirrors";
  absl::StatusOr<int> revised = store.ReviseFactCheck(next, 1, "bob", "ready for review", scale);
  EXPECT_TRUE(revised.ok()) << revised.status();

  next = **store.LoadFactCheck(*created);
  next.status = factcheck::FactCheckStatus::kPublished;
  next.summary += " Published.";
  revised = store.ReviseFactCheck(next, 2, "carol", "", scale);
  EXPECT_TRUE(revised.ok()) << revised.status();

  EvidenceUpdate update;
  update.evidence_id = next.evidence[0].id;
  update.anchor = next.evidence[0].anchor;
  update.status = factcheck::AnchorStatus::kChanged;
  update.similarity = 0.8125;
  update.proposal = next.evidence[0].anchor;
  update.proposal->exact = "conditions and the safeguards";
  update.proposal->end = update.proposal->start + update.proposal->exact.size();
  update.checked_against = document_id;
  absl::Status updated = store.UpdateEvidence({update});
  EXPECT_TRUE(updated.ok()) << updated;

  factcheck::FactCheck draft = SampleFactCheck(record.claims[2], document_id);
  draft.verdict = "";
  draft.evidence.resize(1);
  absl::StatusOr<std::int64_t> second = store.CreateFactCheck(draft, scale);
  EXPECT_TRUE(second.ok()) << second.status();
  record.draft = second.ok() ? *second : 0;
  return record;
}

std::string Describe(const factcheck::Claim& claim) {
  return fmt::format(
      "claim {} by '{}' statement {} session {} date '{}' grade {} url '{}' text '{}' cites [{}] "
      "instruments [{}] created by '{}' at '{}'",
      claim.id, claim.actor, claim.statement_id, claim.session, claim.date,
      factcheck::SourceGradeName(claim.source_grade), claim.source_url, claim.text,
      fmt::join(claim.cited_paths, ", "), fmt::join(claim.instruments, ", "), claim.created_by,
      claim.created_at);
}

namespace {

std::string DescribeAnchor(const factcheck::EvidenceAnchor& anchor) {
  return fmt::format("doc {} '{}' [{}, {}) '{}' <'{}' '{}'>", anchor.document_id, anchor.path,
                     anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix);
}

}  // namespace

std::string Describe(const factcheck::Evidence& evidence) {
  return fmt::format("evidence {} {} note '{}' origin '{}' {} {} proposal {} checked {}",
                     evidence.id, DescribeAnchor(evidence.anchor), evidence.note, evidence.origin,
                     factcheck::AnchorStatusName(evidence.status), evidence.similarity,
                     evidence.proposal ? DescribeAnchor(*evidence.proposal) : "none",
                     evidence.checked_against);
}

std::string Describe(const factcheck::FactCheck& fact_check) {
  std::string out = fmt::format(
      "fact-check {} on claim {} rev {} {} verdict '{}' summary '{}' rationale '{}' author '{}' "
      "updated by '{}' created '{}' updated '{}' published '{}' note '{}'\n",
      fact_check.id, fact_check.claim_id, fact_check.revision,
      factcheck::FactCheckStatusName(fact_check.status), fact_check.verdict, fact_check.summary,
      fact_check.rationale, fact_check.author, fact_check.updated_by, fact_check.created_at,
      fact_check.updated_at, fact_check.published_at, fact_check.change_note);
  for (const factcheck::Evidence& evidence : fact_check.evidence) {
    out += "  " + Describe(evidence) + "\n";
  }
  return out;
}

std::string Describe(const factcheck::FactCheckRevision& revision) {
  return fmt::format("revision {} saved by '{}' at '{}' note '{}': {}", revision.revision,
                     revision.saved_by, revision.saved_at, revision.change_note,
                     Describe(revision.snapshot));
}

std::string Describe(const std::vector<factcheck::Claim>& claims) {
  std::string out;
  for (const factcheck::Claim& claim : claims) out += Describe(claim) + "\n";
  return out;
}

std::string Describe(const std::vector<factcheck::FactCheckRevision>& history) {
  std::string out;
  for (const factcheck::FactCheckRevision& revision : history) out += Describe(revision) + "\n";
  return out;
}

}  // namespace tw::store::testing
