#include "factcheck/factcheck_json.h"

#include "negotiation/negotiation_json.h"

namespace tw::factcheck {

nlohmann::json AnchorJson(const EvidenceAnchor& anchor) {
  return {{"doc", anchor.document_id}, {"path", anchor.path},     {"exact", anchor.exact},
          {"prefix", anchor.prefix},   {"suffix", anchor.suffix}, {"start", anchor.start},
          {"end", anchor.end}};
}

nlohmann::json ClaimJson(const Claim& claim, const negotiation::ActorRegistry& actors) {
  return {{"id", claim.id},
          {"text", claim.text},
          {"actor", claim.actor},
          {"actor_name", negotiation::ActorName(actors, claim.actor)},
          {"statement", claim.statement_id},
          {"session", claim.session},
          {"date", claim.date},
          {"grade", SourceGradeName(claim.source_grade)},
          {"source_url", claim.source_url},
          {"cited_paths", claim.cited_paths},
          {"instruments", claim.instruments},
          {"created_by", claim.created_by},
          {"created_at", claim.created_at}};
}

nlohmann::json EvidenceJson(const Evidence& evidence) {
  nlohmann::json json = AnchorJson(evidence.anchor);
  json["id"] = evidence.id;
  json["note"] = evidence.note;
  json["origin"] = evidence.origin;
  json["status"] = AnchorStatusName(evidence.status);
  json["similarity"] = evidence.similarity;
  json["checked_against"] = evidence.checked_against;
  json["proposal"] = evidence.proposal ? AnchorJson(*evidence.proposal) : nlohmann::json();
  return json;
}

nlohmann::json FactCheckJson(const FactCheck& fact_check) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const Evidence& piece : fact_check.evidence) evidence.push_back(EvidenceJson(piece));
  return {{"id", fact_check.id},
          {"claim", fact_check.claim_id},
          {"verdict", fact_check.verdict},
          {"summary", fact_check.summary},
          {"rationale", fact_check.rationale},
          {"status", FactCheckStatusName(fact_check.status)},
          {"needs_review", NeedsReview(fact_check)},
          {"valid_as_of", ValidAsOf(fact_check)},
          {"revision", fact_check.revision},
          {"author", fact_check.author},
          {"updated_by", fact_check.updated_by},
          {"created_at", fact_check.created_at},
          {"updated_at", fact_check.updated_at},
          {"published_at", fact_check.published_at},
          {"change_note", fact_check.change_note},
          {"evidence", evidence}};
}

nlohmann::json FactCheckBriefJson(const FactCheck& fact_check) {
  return {{"id", fact_check.id},
          {"verdict", fact_check.verdict},
          {"status", FactCheckStatusName(fact_check.status)},
          {"needs_review", NeedsReview(fact_check)}};
}

nlohmann::json RevisionJson(const FactCheckRevision& revision) {
  nlohmann::json snapshot = FactCheckJson(revision.snapshot);
  return {{"revision", revision.revision},
          {"saved_by", revision.saved_by},
          {"saved_at", revision.saved_at},
          {"change_note", revision.change_note},
          {"status", snapshot["status"]},
          {"verdict", snapshot["verdict"]},
          {"summary", snapshot["summary"]},
          {"rationale", snapshot["rationale"]},
          {"evidence", snapshot["evidence"]}};
}

nlohmann::json StaleFactCheckJson(const FactCheck& fact_check) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const Evidence& piece : fact_check.evidence) {
    nlohmann::json item = {{"id", piece.id},
                           {"doc", piece.anchor.document_id},
                           {"path", piece.anchor.path},
                           {"exact", piece.anchor.exact},
                           {"status", AnchorStatusName(piece.status)},
                           {"similarity", piece.similarity},
                           {"checked_against", piece.checked_against}};
    if (piece.proposal) {
      item["proposal"] = {{"doc", piece.proposal->document_id},
                          {"path", piece.proposal->path},
                          {"exact", piece.proposal->exact}};
    }
    evidence.push_back(std::move(item));
  }
  return {{"factcheck", fact_check.id},
          {"claim", fact_check.claim_id},
          {"status", FactCheckStatusName(fact_check.status)},
          {"evidence", evidence}};
}

nlohmann::json CheckWorthySentenceJson(const CheckWorthySentence& sentence) {
  nlohmann::json features = nlohmann::json::array();
  for (const WorthinessFeature& feature : sentence.features) {
    features.push_back(
        {{"name", feature.name}, {"weight", feature.weight}, {"matched", feature.matched}});
  }
  return {{"text", sentence.text},
          {"begin", sentence.begin},
          {"end", sentence.end},
          {"score", sentence.score},
          {"check_worthy", sentence.score >= kCheckWorthyThreshold},
          {"features", features}};
}

nlohmann::json ClaimMatchJson(const ClaimMatch& match, const negotiation::ActorRegistry& actors,
                              const std::vector<FactCheck>& fact_checks) {
  nlohmann::json checks = nlohmann::json::array();
  for (const FactCheck& fact_check : fact_checks) checks.push_back(FactCheckBriefJson(fact_check));
  return {{"claim", ClaimJson(match.claim, actors)},
          {"score", match.score},
          {"text_score", match.text_score},
          {"shingle", match.shingle},
          {"suggested", match.suggested},
          {"confirmed", match.confirmed},
          {"factchecks", checks}};
}

nlohmann::json OwnRecordJson(const OwnRecordMatch& item) {
  return {{"kind", item.kind == OwnRecordMatch::Kind::kStatement ? "statement" : "position"},
          {"id", item.id},
          {"date", item.date},
          {"text", item.text},
          {"similarity", item.similarity},
          {"contradicts", item.contradicts},
          {"reason", item.reason}};
}

nlohmann::json AutoCheckResultJson(const AutoCheckResult& result) {
  nlohmann::json anchors = nlohmann::json::array();
  for (const EvidenceAnchor& anchor : result.anchors) {
    anchors.push_back({{"doc", anchor.document_id},
                       {"path", anchor.path},
                       {"exact", anchor.exact},
                       {"start", anchor.start},
                       {"end", anchor.end}});
  }
  return {{"check", result.check},
          {"finding", result.finding},
          {"assessment", AssessmentName(result.assessment)},
          {"anchors", anchors},
          {"details", result.details}};
}

}  // namespace tw::factcheck
