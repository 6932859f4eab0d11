#include "server/factcheck_actions.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "factcheck/claim_intake.h"
#include "factcheck/evidence_quote.h"
#include "factcheck/publication_text.h"
#include "server/factcheck_access.h"
#include "text/utf8.h"

namespace tw::server {
namespace {

// Text a user typed: valid UTF-8, no NUL, at most `max_bytes`.
absl::Status CheckText(std::string_view field, std::string_view value, std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} bytes; at most {}", field, value.size(), max_bytes));
  }
  if (std::optional<std::size_t> bad = text::FindInvalidUtf8(value)) {
    return absl::InvalidArgumentError(
        fmt::format("{}: not valid UTF-8 at byte {}", field, *bad));
  }
  if (value.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError(fmt::format("{}: contains a NUL character", field));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> UserName(const RequestContext& ctx) {
  if (!ctx.user) return absl::UnauthenticatedError("log in to change fact-checks");
  return ctx.user->name;
}

std::string FactCheckTarget(std::int64_t id) { return fmt::format("factcheck/{}", id); }

absl::StatusOr<factcheck::FactCheck> Reload(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<factcheck::FactCheck>> loaded = store.LoadFactCheck(id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return absl::NotFoundError(fmt::format("no fact-check {}", id));
  return **std::move(loaded);
}

std::vector<factcheck::Evidence>::iterator FindEvidence(factcheck::FactCheck& fact_check,
                                                        std::int64_t evidence_id) {
  return std::find_if(fact_check.evidence.begin(), fact_check.evidence.end(),
                      [&](const factcheck::Evidence& e) { return e.id == evidence_id; });
}

}  // namespace

absl::StatusOr<RecordedClaim> RecordClaim(RequestContext& ctx, store::Store& store,
                                          ClaimRequest request) {
  absl::StatusOr<std::string> who = UserName(ctx);
  if (!who.ok()) return who.status();
  for (const auto& [field, value, max] :
       {std::tuple<std::string_view, std::string_view, std::size_t>{"text", request.text,
                                                                    kMaxClaimTextBytes},
        {"actor", request.actor, kMaxShortFieldBytes},
        {"date", request.date, kMaxShortFieldBytes},
        {"grade", request.grade, kMaxShortFieldBytes},
        {"source_url", request.source_url, kMaxUrlBytes}}) {
    if (absl::Status checked = CheckText(field, value, max); !checked.ok()) return checked;
  }
  factcheck::Claim claim;
  claim.text = request.text;
  claim.actor = request.actor;
  claim.date = request.date;
  claim.session = request.session;
  claim.source_url = request.source_url;
  if (claim.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return absl::InvalidArgumentError("text: say what was claimed");
  }
  if (request.session < 0 || request.session > kMaxSession) {
    return absl::InvalidArgumentError(
        fmt::format("session: a session number from 1 to {}", kMaxSession));
  }
  if (request.statement_id > 0) {
    if (absl::Status filled = factcheck::FillFromStatement(store, request.statement_id, claim);
        !filled.ok()) {
      return filled;
    }
  }
  if (claim.actor.empty()) {
    return absl::InvalidArgumentError("actor: say who made the claim (or name its statement)");
  }
  absl::StatusOr<negotiation::ActorRegistry> actors = ActorsOf(store);
  if (!actors.ok()) return actors.status();
  absl::StatusOr<const negotiation::Actor*> actor = actors->Resolve(claim.actor);
  if (!actor.ok()) {
    return absl::Status(actor.status().code(),
                        fmt::format("actor: {}", std::string(actor.status().message())));
  }
  claim.actor = (*actor)->id;
  if (!claim.date.empty() && factcheck::DatePart(claim.date) != claim.date) {
    return absl::InvalidArgumentError(
        fmt::format("date: '{}' is not a date written YYYY-MM-DD", claim.date));
  }
  if (!request.grade.empty() && !factcheck::ParseSourceGrade(request.grade, &claim.source_grade)) {
    return absl::InvalidArgumentError(fmt::format(
        "grade: '{}' is not one of official-record, written-submission, webcast, "
        "third-party-report",
        request.grade));
  }
  if (!claim.source_url.empty() && !factcheck::IsWebUrl(claim.source_url)) {
    return absl::InvalidArgumentError("source_url: an http:// or https:// address");
  }
  absl::StatusOr<std::optional<doc::Document>> draft =
      factcheck::DraftUnderDiscussion(store, claim);
  if (!draft.ok()) return draft.status();
  if (absl::Status resolved =
          factcheck::ResolveStoredReferences(store, claim, *draft ? &**draft : nullptr);
      !resolved.ok()) {
    return resolved;
  }
  claim.created_by = *who;
  // Earlier claims are looked for before this one is stored, so it does not find itself.
  absl::StatusOr<std::vector<factcheck::ClaimMatch>> similar =
      factcheck::MatchClaim(store, claim.text, factcheck::MatchThresholds{});
  if (!similar.ok()) return similar.status();
  absl::StatusOr<std::int64_t> id = store.PutClaim(claim);
  if (!id.ok()) return id.status();
  ctx.Audit("claim.create", fmt::format("claim/{}", *id), claim.actor);
  absl::StatusOr<factcheck::Claim> stored = StoredClaim(store, *id);
  if (!stored.ok()) return stored.status();
  return RecordedClaim{*std::move(stored), *std::move(similar)};
}

absl::StatusOr<factcheck::Evidence> QuoteRequested(store::Store& store,
                                                   const EvidenceRequest& request) {
  for (const auto& [field, value, max] :
       {std::tuple<std::string_view, std::string_view, std::size_t>{
            "doc", request.document, kMaxShortFieldBytes},
        {"path", request.path, kMaxShortFieldBytes},
        {"quote", request.quote, factcheck::kMaxEvidenceQuoteBytes},
        {"note", request.note, kMaxNoteBytes}}) {
    if (absl::Status checked = CheckText(field, value, max); !checked.ok()) return checked;
  }
  if (request.document.empty()) {
    return absl::InvalidArgumentError("doc: the id or symbol of the document quoted");
  }
  if (request.quote.find_first_not_of(" \t\r\n") == std::string::npos) {
    return absl::InvalidArgumentError("quote: the exact words of the document");
  }
  return factcheck::QuoteEvidence(store, request.document, request.path, request.quote,
                                  request.note);
}

absl::StatusOr<factcheck::FactCheck> StartFactCheck(RequestContext& ctx, store::Store& store,
                                                    std::int64_t claim_id,
                                                    const FactCheckFields& fields,
                                                    std::vector<factcheck::Evidence> evidence) {
  absl::StatusOr<std::string> who = UserName(ctx);
  if (!who.ok()) return who.status();
  for (const auto& [field, value] :
       {std::pair<std::string_view, std::string_view>{"verdict", fields.verdict},
        {"summary", fields.summary},
        {"rationale", fields.rationale}}) {
    // The workflow (factcheck/workflow.h) bounds the sizes; here only what it does not check.
    if (absl::Status checked = CheckText(field, value, std::string_view::npos); !checked.ok()) {
      return checked;
    }
  }
  absl::StatusOr<factcheck::Claim> claim = StoredClaim(store, claim_id);
  if (!claim.ok()) return claim.status();
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  factcheck::FactCheck fact_check;
  fact_check.claim_id = claim_id;
  fact_check.verdict = fields.verdict;
  fact_check.summary = fields.summary;
  fact_check.rationale = fields.rationale;
  fact_check.evidence = std::move(evidence);
  fact_check.author = *who;
  absl::StatusOr<std::int64_t> id = store.CreateFactCheck(fact_check, *scale);
  if (!id.ok()) return id.status();
  ctx.Audit("factcheck.create", FactCheckTarget(*id), fmt::format("claim/{}", claim_id));
  return Reload(store, *id);
}

absl::StatusOr<factcheck::FactCheck> ReviseFactCheck(RequestContext& ctx, store::Store& store,
                                                     std::int64_t id, const FactCheckEdit& edit) {
  absl::StatusOr<std::string> who = UserName(ctx);
  if (!who.ok()) return who.status();
  for (const auto& [field, value] :
       {std::pair<std::string_view, const std::optional<std::string>*>{"verdict", &edit.verdict},
        {"summary", &edit.summary},
        {"rationale", &edit.rationale}}) {
    if (!value->has_value()) continue;
    if (absl::Status checked = CheckText(field, **value, std::string_view::npos); !checked.ok()) {
      return checked;
    }
  }
  if (absl::Status checked = CheckText("note", edit.note, kMaxNoteBytes); !checked.ok()) {
    return checked;
  }
  absl::StatusOr<factcheck::VerdictScale> scale = VerdictScaleOf();
  if (!scale.ok()) return scale.status();
  absl::StatusOr<factcheck::FactCheck> current = Reload(store, id);
  if (!current.ok()) return current.status();
  const bool published = current->status == factcheck::FactCheckStatus::kPublished;
  if (published && !ctx.HasRole(Role::kEditor)) {
    return absl::PermissionDeniedError(
        "a published fact-check changes only by an editor's correction");
  }
  factcheck::FactCheck next = *current;
  if (edit.verdict) next.verdict = *edit.verdict;
  if (edit.summary) next.summary = *edit.summary;
  if (edit.rationale) next.rationale = *edit.rationale;
  for (std::int64_t evidence_id : edit.accept_proposal) {
    auto piece = FindEvidence(next, evidence_id);
    if (piece == next.evidence.end() || !piece->proposal) {
      return absl::InvalidArgumentError(fmt::format(
          "fact-check {} has no evidence {} with a proposed new place", id, evidence_id));
    }
    // The confirmed place is new evidence: the old quote stays in the history.
    factcheck::Evidence confirmed;
    confirmed.anchor = *piece->proposal;
    confirmed.note = piece->note;
    confirmed.origin = piece->origin;
    confirmed.checked_against = confirmed.anchor.document_id;
    *piece = std::move(confirmed);
  }
  for (std::int64_t evidence_id : edit.remove_evidence) {
    auto piece = FindEvidence(next, evidence_id);
    if (piece == next.evidence.end()) {
      return absl::InvalidArgumentError(
          fmt::format("fact-check {} has no evidence {}", id, evidence_id));
    }
    next.evidence.erase(piece);
  }
  for (const factcheck::Evidence& piece : edit.add_evidence) next.evidence.push_back(piece);
  if (edit.move_to) next.status = *edit.move_to;
  next.change_note = edit.note;
  const int expected = edit.expected_revision > 0 ? edit.expected_revision : current->revision;
  absl::StatusOr<int> revision = store.ReviseFactCheck(next, expected, *who, edit.note, *scale);
  if (!revision.ok()) return revision.status();
  std::string action = "factcheck.revise";
  if (published) {
    action = "factcheck.correct";
  } else if (edit.move_to && *edit.move_to != current->status) {
    action = *edit.move_to == factcheck::FactCheckStatus::kInReview ? "factcheck.submit"
             : *edit.move_to == factcheck::FactCheckStatus::kDraft  ? "factcheck.return"
                                                                    : "factcheck.publish";
  }
  ctx.Audit(action, FactCheckTarget(id), fmt::format("revision {}", *revision));
  return Reload(store, id);
}

absl::StatusOr<factcheck::FactCheck> DraftOfClaim(RequestContext& ctx, store::Store& store,
                                                  std::int64_t claim_id, bool* created) {
  store::FactCheckFilter filter;
  filter.claim_id = claim_id;
  filter.status = factcheck::FactCheckStatus::kDraft;
  absl::StatusOr<std::vector<factcheck::FactCheck>> drafts = store.ListFactChecks(filter);
  if (!drafts.ok()) return drafts.status();
  *created = drafts->empty();
  if (!drafts->empty()) return std::move(drafts->back());
  return StartFactCheck(ctx, store, claim_id, FactCheckFields{}, {});
}

}  // namespace tw::server
