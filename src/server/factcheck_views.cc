#include "server/factcheck_views.h"

#include <map>
#include <vector>

#include <fmt/format.h>

#include "factcheck/publication_text.h"
#include "factcheck/reviewed_claims.h"
#include "negotiation/negotiation_json.h"

namespace tw::server {

nlohmann::json ClaimView(const factcheck::Claim& claim, const negotiation::ActorRegistry& actors) {
  return {{"id", claim.id},
          {"text", claim.text},
          {"actor", claim.actor},
          {"actor_name", negotiation::ActorName(actors, claim.actor)},
          {"session", claim.session},
          {"date", claim.date},
          {"long_date", claim.date.empty() ? "" : factcheck::LongDate(claim.date)},
          {"grade", factcheck::SourceGradeName(claim.source_grade)},
          {"source_url", factcheck::IsWebUrl(claim.source_url) ? claim.source_url : ""},
          {"statement", claim.statement_id},
          {"created_by", claim.created_by},
          {"created_at", claim.created_at},
          {"url", fmt::format("/claims/{}", claim.id)}};
}

nlohmann::json VerdictView(std::string_view verdict, const factcheck::VerdictScale& scale) {
  std::string description;
  for (const factcheck::Verdict& entry : scale.verdicts()) {
    if (entry.name == verdict) description = entry.description;
  }
  const factcheck::VerdictTone tone =
      factcheck::ToneOf(scale.Rating(verdict), static_cast<int>(scale.verdicts().size()));
  return {{"verdict", std::string(verdict)},
          {"verdict_label", verdict.empty() ? "No verdict yet" : factcheck::VerdictLabel(verdict)},
          {"verdict_description", description},
          {"tone", std::string(factcheck::VerdictToneName(tone))}};
}

absl::StatusOr<nlohmann::json> FactCheckView(store::Store& store,
                                             const factcheck::FactCheck& fact_check,
                                             const factcheck::VerdictScale& scale) {
  std::vector<const factcheck::Evidence*> pieces;
  for (const factcheck::Evidence& piece : fact_check.evidence) pieces.push_back(&piece);
  absl::StatusOr<std::map<std::int64_t, factcheck::EvidenceCitation>> citations =
      factcheck::CiteEvidence(store, pieces);
  if (!citations.ok()) return citations.status();
  nlohmann::json evidence = nlohmann::json::array();
  for (const factcheck::Evidence& piece : fact_check.evidence) {
    const factcheck::EvidenceCitation& citation = (*citations)[piece.id];
    std::string cited = citation.provision.empty()
                            ? citation.document
                            : fmt::format("{}, {}", citation.provision, citation.document);
    // The reader's fragment is the provision path; paths are letters, digits and dots.
    std::string reader_url = fmt::format("/documents/{}/read", piece.anchor.document_id);
    if (!piece.anchor.path.empty()) reader_url += "#" + piece.anchor.path;
    evidence.push_back({{"id", piece.id},
                        {"exact", piece.anchor.exact},
                        {"note", piece.note},
                        {"origin", piece.origin},
                        {"automatic", piece.origin != "analyst"},
                        {"status", std::string(factcheck::AnchorStatusName(piece.status))},
                        {"holds", factcheck::AnchorHolds(piece.status)},
                        {"state_sentence", factcheck::AnchorStateSentence(piece)},
                        {"proposal", piece.proposal ? piece.proposal->exact : ""},
                        {"citation", cited},
                        {"document", citation.document},
                        {"provision", citation.provision},
                        {"reader_url", reader_url}});
  }
  const bool published = fact_check.status == factcheck::FactCheckStatus::kPublished;
  nlohmann::json view = VerdictView(fact_check.verdict, scale);
  view.update(
      {{"id", fact_check.id},
       {"claim_id", fact_check.claim_id},
       {"summary", fact_check.summary},
       {"rationale", fact_check.rationale},
       {"status", std::string(factcheck::FactCheckStatusName(fact_check.status))},
       {"is_draft", fact_check.status == factcheck::FactCheckStatus::kDraft},
       {"is_in_review", fact_check.status == factcheck::FactCheckStatus::kInReview},
       {"is_published", published},
       {"needs_review", factcheck::NeedsReview(fact_check)},
       {"corrected", factcheck::IsCorrected(fact_check)},
       {"change_note", fact_check.change_note},
       {"revision", fact_check.revision},
       {"author", fact_check.author},
       {"updated_by", fact_check.updated_by},
       {"updated_at", fact_check.updated_at},
       {"published_at", fact_check.published_at},
       {"published_date", factcheck::LongDate(factcheck::DatePart(fact_check.published_at))},
       {"updated_date", factcheck::LongDate(factcheck::DatePart(fact_check.updated_at))},
       {"evidence", evidence},
       {"evidence_count", evidence.size()},
       {"url", fmt::format("/factchecks/{}", fact_check.id)},
       {"public_url", fmt::format("/public/factchecks/{}", fact_check.id)}});
  return view;
}

std::string ScriptSafeJson(const nlohmann::json& value) {
  const std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<':
        safe += "\\u003c";
        break;
      case '>':
        safe += "\\u003e";
        break;
      case '&':
        safe += "\\u0026";
        break;
      default:
        safe += c;
    }
  }
  return safe;
}

}  // namespace tw::server
