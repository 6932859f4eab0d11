#include "store/factcheck_rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "factcheck/workflow.h"
#include "store/negotiation_rows.h"
#include "store/stored_names.h"

namespace tw::store {
namespace {

using factcheck::AnchorStatus;
using factcheck::FactCheckStatus;
using factcheck::SourceGrade;
using nlohmann::json;

constexpr std::array<std::pair<SourceGrade, std::string_view>, 4> kGrades = {{
    {SourceGrade::kOfficialRecord, "official-record"},
    {SourceGrade::kWrittenSubmission, "written-submission"},
    {SourceGrade::kWebcast, "webcast"},
    {SourceGrade::kThirdPartyReport, "third-party-report"},
}};

constexpr std::array<std::pair<FactCheckStatus, std::string_view>, 3> kStatuses = {{
    {FactCheckStatus::kDraft, "draft"},
    {FactCheckStatus::kInReview, "in-review"},
    {FactCheckStatus::kPublished, "published"},
}};

constexpr std::array<std::pair<AnchorStatus, std::string_view>, 5> kAnchorStatuses = {{
    {AnchorStatus::kIntact, "intact"},
    {AnchorStatus::kMoved, "moved"},
    {AnchorStatus::kChanged, "changed"},
    {AnchorStatus::kLost, "lost"},
    {AnchorStatus::kAmbiguous, "ambiguous"},
}};


// Offsets travel as signed 64-bit integers in both databases.
constexpr std::size_t kMaxOffset = static_cast<std::size_t>(INT64_MAX);

void CheckAnchor(RowCheck& check, std::string_view field, const factcheck::EvidenceAnchor& anchor) {
  if (anchor.document_id <= 0) {
    check.Fail(fmt::format("{}: the document id must be 1 or more", field));
  }
  check.Text(fmt::format("{} path", field), anchor.path);
  check.Required(fmt::format("{} exact words", field), anchor.exact);
  check.Text(fmt::format("{} prefix", field), anchor.prefix);
  check.Text(fmt::format("{} suffix", field), anchor.suffix);
  if (anchor.start > anchor.end || anchor.end > kMaxOffset) {
    check.Fail(fmt::format("{}: start {} and end {} are not a range of the text", field,
                           anchor.start, anchor.end));
  }
}

void CheckReanchoring(RowCheck& check, std::string_view field, AnchorStatus status,
                      double similarity, const std::optional<factcheck::EvidenceAnchor>& proposal,
                      std::int64_t checked_against) {
  if (StoredAnchorStatus(status).empty()) {
    check.Fail(fmt::format("{}: the status is not a known anchor status", field));
  }
  if (!std::isfinite(similarity) || similarity < 0 || similarity > 1) {
    check.Fail(fmt::format("{}: similarity {} is not between 0 and 1", field, similarity));
  }
  if (proposal.has_value()) CheckAnchor(check, fmt::format("{} proposal", field), *proposal);
  if (checked_against < 0) {
    check.Fail(fmt::format("{}: checked_against must be 0 (never) or a document id", field));
  }
}

bool SameAnchor(const factcheck::EvidenceAnchor& a, const factcheck::EvidenceAnchor& b) {
  return a.document_id == b.document_id && a.path == b.path && a.exact == b.exact &&
         a.prefix == b.prefix && a.suffix == b.suffix && a.start == b.start && a.end == b.end;
}

json AnchorJson(const factcheck::EvidenceAnchor& anchor) {
  return json{{"document_id", anchor.document_id}, {"path", anchor.path},
              {"exact", anchor.exact},             {"prefix", anchor.prefix},
              {"suffix", anchor.suffix},           {"start", anchor.start},
              {"end", anchor.end}};
}

// Values were checked as UTF-8 before they get here; should one not be, the replacement
// character keeps dump() from throwing (and the row differs, which a digest then shows).
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

absl::StatusOr<json> Parse(std::string_view text, std::string_view what) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return absl::DataLossError(fmt::format("{} is not JSON", what));
  return parsed;
}

// Reads a JSON object's members with a message naming the field when one is missing or of
// another type; the first problem wins.
class JsonReader {
 public:
  JsonReader(const json& object, std::string what) : object_(object), what_(std::move(what)) {
    if (!object_.is_object()) Fail("is not a JSON object");
  }

  std::string Text(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr || !value->is_string()) {
      Fail(fmt::format("has no text '{}'", key));
      return {};
    }
    return value->get<std::string>();
  }
  std::int64_t Integer(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr || !value->is_number_integer()) {
      Fail(fmt::format("has no integer '{}'", key));
      return 0;
    }
    return value->get<std::int64_t>();
  }
  double Number(std::string_view key) {
    const json* value = Member(key);
    if (value == nullptr || !value->is_number()) {
      Fail(fmt::format("has no number '{}'", key));
      return 0;
    }
    return value->get<double>();
  }
  std::size_t Offset(std::string_view key) {
    const std::int64_t value = Integer(key);
    if (value < 0) Fail(fmt::format("has a negative '{}'", key));
    return value < 0 ? 0 : static_cast<std::size_t>(value);
  }
  const json* Member(std::string_view key) {
    if (!object_.is_object()) return nullptr;
    auto found = object_.find(std::string(key));
    return found == object_.end() ? nullptr : &*found;
  }
  void Fail(std::string problem) {
    if (problem_.empty()) problem_ = std::move(problem);
  }
  absl::Status Result() const {
    if (problem_.empty()) return absl::OkStatus();
    return absl::DataLossError(fmt::format("{} {}", what_, problem_));
  }

 private:
  const json& object_;
  std::string what_;
  std::string problem_;
};

factcheck::EvidenceAnchor ReadAnchor(JsonReader& reader) {
  factcheck::EvidenceAnchor anchor;
  anchor.document_id = reader.Integer("document_id");
  anchor.path = reader.Text("path");
  anchor.exact = reader.Text("exact");
  anchor.prefix = reader.Text("prefix");
  anchor.suffix = reader.Text("suffix");
  anchor.start = reader.Offset("start");
  anchor.end = reader.Offset("end");
  return anchor;
}

}  // namespace

std::string_view StoredSourceGrade(SourceGrade grade) { return NameOf(kGrades, grade); }
std::string_view StoredFactCheckStatus(FactCheckStatus status) {
  return NameOf(kStatuses, status);
}
std::string_view StoredAnchorStatus(AnchorStatus status) {
  return NameOf(kAnchorStatuses, status);
}

absl::StatusOr<SourceGrade> ReadSourceGrade(std::string_view stored, std::string_view what) {
  return ValueOf(kGrades, stored, "source grade", what);
}
absl::StatusOr<FactCheckStatus> ReadFactCheckStatus(std::string_view stored,
                                                    std::string_view what) {
  return ValueOf(kStatuses, stored, "fact-check status", what);
}
absl::StatusOr<AnchorStatus> ReadAnchorStatus(std::string_view stored, std::string_view what) {
  return ValueOf(kAnchorStatuses, stored, "anchor status", what);
}

// --- checks ------------------------------------------------------------------------------------

absl::Status CheckClaim(const factcheck::Claim& claim, std::size_t index, std::size_t count) {
  RowCheck check(fmt::format("claim {} of {} ({})", index + 1, count, Shown(claim.actor)));
  check.Required("text", claim.text);
  if (claim.text.size() > kMaxClaimTextBytes) {
    check.Fail(fmt::format("the text has {} bytes; at most {}", claim.text.size(),
                           kMaxClaimTextBytes));
  }
  check.Text("actor", claim.actor);
  if (claim.statement_id < 0) check.Fail("the statement id must be 0 (none) or more");
  if (claim.session < 0) check.Fail("the session must be 0 (unknown) or more");
  check.Date("date", claim.date, false);
  if (StoredSourceGrade(claim.source_grade).empty()) {
    check.Fail("the source grade is not a known grade");
  }
  check.Text("source URL", claim.source_url);
  check.Text("created_by", claim.created_by);
  for (const auto& [field, list] : {std::pair{"cited path", &claim.cited_paths},
                                    std::pair{"instrument", &claim.instruments}}) {
    if (list->size() > kMaxClaimReferences) {
      check.Fail(fmt::format("{} {}s; at most {}", list->size(), field, kMaxClaimReferences));
    }
    for (std::size_t i = 0; i < list->size() && check.ok(); ++i) {
      check.Required(fmt::format("{} {}", field, i + 1), (*list)[i]);
    }
  }
  return check.Result();
}

absl::Status CheckFactCheck(const factcheck::FactCheck& fact_check, std::string_view what) {
  RowCheck check{std::string(what)};
  if (fact_check.claim_id <= 0) check.Fail("the claim id must be 1 or more");
  check.Text("verdict", fact_check.verdict);
  check.Text("summary", fact_check.summary);
  check.Text("rationale", fact_check.rationale);
  check.Required("author", fact_check.author);
  check.Text("change note", fact_check.change_note);
  if (StoredFactCheckStatus(fact_check.status).empty()) {
    check.Fail("the status is not draft, in-review or published");
  }
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < fact_check.evidence.size() && check.ok(); ++i) {
    const factcheck::Evidence& evidence = fact_check.evidence[i];
    const std::string field = fmt::format("evidence {}", i + 1);
    if (evidence.id < 0) check.Fail(fmt::format("{}: the id must be 0 (new) or more", field));
    if (evidence.id > 0 && !ids.insert(evidence.id).second) {
      check.Fail(fmt::format("{}: evidence {} is listed twice", field, evidence.id));
    }
    CheckAnchor(check, field, evidence.anchor);
    check.Text(fmt::format("{} note", field), evidence.note);
    check.Required(fmt::format("{} origin", field), evidence.origin);
    CheckReanchoring(check, field, evidence.status, evidence.similarity, evidence.proposal,
                     evidence.checked_against);
  }
  return check.Result();
}

absl::Status CheckEvidenceUpdates(const std::vector<EvidenceUpdate>& updates) {
  if (updates.size() > kMaxEvidenceUpdates) {
    return absl::InvalidArgumentError(fmt::format(
        "{} evidence updates in one call; at most {}", updates.size(), kMaxEvidenceUpdates));
  }
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < updates.size(); ++i) {
    const EvidenceUpdate& update = updates[i];
    RowCheck check(fmt::format("evidence update {} of {} (evidence {})", i + 1, updates.size(),
                               update.evidence_id));
    if (update.evidence_id <= 0) check.Fail("the evidence id must be 1 or more");
    if (!ids.insert(update.evidence_id).second) check.Fail("the evidence is updated twice");
    CheckAnchor(check, "anchor", update.anchor);
    CheckReanchoring(check, "re-anchoring", update.status, update.similarity, update.proposal,
                     update.checked_against);
    if (absl::Status valid = check.Result(); !valid.ok()) return valid;
  }
  return absl::OkStatus();
}

absl::Status CheckSavedBy(std::string_view who, std::string_view change_note,
                          std::string_view what) {
  RowCheck check{std::string(what)};
  check.Required("who (the user saving it)", who);
  check.Text("change note", change_note);
  return check.Result();
}

absl::Status CheckClaimFilter(const ClaimFilter& filter) {
  RowCheck check("claims");
  check.Text("actor", filter.actor);
  if (filter.limit.has_value() && *filter.limit < 1) {
    check.Fail(fmt::format("the limit must be 1 or more, not {}", *filter.limit));
  }
  return check.Result();
}

absl::Status CheckMatchQuery(const std::vector<std::string>& terms, int limit) {
  RowCheck check("claim match");
  if (limit < 1 || limit > kMaxMatchLimit) {
    check.Fail(fmt::format("the limit must be between 1 and {}, not {}", kMaxMatchLimit, limit));
  }
  if (terms.size() > kMaxMatchTerms) {
    check.Fail(fmt::format("{} terms; at most {}", terms.size(), kMaxMatchTerms));
  }
  for (std::size_t i = 0; i < terms.size() && check.ok(); ++i) {
    check.Text(fmt::format("term {}", i + 1), terms[i]);
    if (terms[i].size() > kMaxMatchTermBytes) {
      check.Fail(fmt::format("term {} has {} bytes; at most {}", i + 1, terms[i].size(),
                             kMaxMatchTermBytes));
    }
  }
  return check.Result();
}

absl::Status CheckImportedHistory(const factcheck::FactCheck& current,
                                  const std::vector<factcheck::FactCheckRevision>& history) {
  const std::string what = fmt::format("fact-check {}", current.id);
  RowCheck check(what);
  if (current.id <= 0) check.Fail("it has no id to import it under");
  if (history.empty()) check.Fail("it has no revisions");
  if (!check.ok()) return check.Result();
  std::vector<factcheck::Verdict> verdicts;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const factcheck::FactCheckRevision& revision = history[i];
    const factcheck::FactCheck& snapshot = revision.snapshot;
    const std::string field = fmt::format("revision {}", i + 1);
    if (revision.revision != static_cast<int>(i) + 1 || snapshot.revision != revision.revision ||
        snapshot.id != current.id) {
      check.Fail(fmt::format("{} is numbered {} and names fact-check {} revision {}", field,
                             revision.revision, snapshot.id, snapshot.revision));
    }
    check.Required(fmt::format("{} saved_by", field), revision.saved_by);
    check.Required(fmt::format("{} saved_at", field), revision.saved_at);
    check.Text(fmt::format("{} change note", field), revision.change_note);
    if (!check.ok()) return check.Result();
    if (absl::Status valid = CheckFactCheck(snapshot, fmt::format("{}, {}", what, field));
        !valid.ok()) {
      return valid;
    }
    const bool known = std::any_of(verdicts.begin(), verdicts.end(), [&](const auto& verdict) {
      return verdict.name == snapshot.verdict;
    });
    if (!snapshot.verdict.empty() && !known) verdicts.push_back({snapshot.verdict, ""});
  }
  // The current evidence may have been re-anchored since (UpdateEvidence writes no revision),
  // so only the revision number and the claim tie the current row to its history.
  if (history.back().revision != current.revision ||
      history.back().snapshot.claim_id != current.claim_id) {
    check.Fail(fmt::format("it is at revision {} on claim {}, its last revision is {} on claim {}",
                           current.revision, current.claim_id, history.back().revision,
                           history.back().snapshot.claim_id));
    return check.Result();
  }
  if (absl::Status valid = CheckFactCheck(current, what); !valid.ok()) return valid;
  // A scale needs two verdicts; a history that used fewer is checked against them plus
  // placeholders no snapshot names.
  for (std::string_view filler : {"tw-import-a", "tw-import-b"}) {
    if (verdicts.size() < 2) verdicts.push_back({std::string(filler), ""});
  }
  absl::StatusOr<factcheck::VerdictScale> scale =
      factcheck::VerdictScale::Make(std::move(verdicts));
  if (!scale.ok()) {
    return absl::InvalidArgumentError(fmt::format("{}: its verdicts are not a scale: {}", what,
                                                  std::string(scale.status().message())));
  }
  std::optional<factcheck::FactCheck> previous;
  for (const factcheck::FactCheckRevision& revision : history) {
    if (absl::Status allowed = factcheck::CheckRevision(previous, revision.snapshot, *scale);
        !allowed.ok()) {
      return absl::Status(allowed.code(),
                          fmt::format("{}, revision {}: {}", what, revision.revision,
                                      std::string(allowed.message())));
    }
    previous = revision.snapshot;
  }
  return absl::OkStatus();
}

// --- equality ----------------------------------------------------------------------------------

bool SameClaim(const factcheck::Claim& a, const factcheck::Claim& b) {
  return a.id == b.id && a.text == b.text && a.actor == b.actor &&
         a.statement_id == b.statement_id && a.session == b.session && a.date == b.date &&
         a.source_grade == b.source_grade && a.source_url == b.source_url &&
         a.cited_paths == b.cited_paths && a.instruments == b.instruments &&
         a.created_by == b.created_by && a.created_at == b.created_at;
}

bool SameEvidence(const factcheck::Evidence& a, const factcheck::Evidence& b) {
  if (a.proposal.has_value() != b.proposal.has_value()) return false;
  if (a.proposal.has_value() && !SameAnchor(*a.proposal, *b.proposal)) return false;
  return a.id == b.id && SameAnchor(a.anchor, b.anchor) && a.note == b.note &&
         a.origin == b.origin && a.status == b.status && a.similarity == b.similarity &&
         a.checked_against == b.checked_against;
}

bool SameFactCheck(const factcheck::FactCheck& a, const factcheck::FactCheck& b) {
  if (a.evidence.size() != b.evidence.size()) return false;
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    if (!SameEvidence(a.evidence[i], b.evidence[i])) return false;
  }
  return a.id == b.id && a.claim_id == b.claim_id && a.verdict == b.verdict &&
         a.summary == b.summary && a.rationale == b.rationale && a.author == b.author &&
         a.status == b.status && a.revision == b.revision && a.updated_by == b.updated_by &&
         a.created_at == b.created_at && a.updated_at == b.updated_at &&
         a.published_at == b.published_at && a.change_note == b.change_note;
}

bool SameRevision(const factcheck::FactCheckRevision& a, const factcheck::FactCheckRevision& b) {
  return a.revision == b.revision && SameFactCheck(a.snapshot, b.snapshot) &&
         a.saved_by == b.saved_by && a.saved_at == b.saved_at && a.change_note == b.change_note;
}

// --- JSON --------------------------------------------------------------------------------------

std::string EncodeTextList(const std::vector<std::string>& texts) { return Dump(json(texts)); }

absl::StatusOr<std::vector<std::string>> DecodeTextList(std::string_view text,
                                                        std::string_view what) {
  absl::StatusOr<json> parsed = Parse(text, what);
  if (!parsed.ok()) return parsed.status();
  if (!parsed->is_array()) return absl::DataLossError(fmt::format("{} is not a JSON array", what));
  std::vector<std::string> texts;
  texts.reserve(parsed->size());
  for (const json& value : *parsed) {
    if (!value.is_string()) {
      return absl::DataLossError(fmt::format("{} holds something else than text", what));
    }
    texts.push_back(value.get<std::string>());
  }
  return texts;
}

std::string EncodeAnchor(const factcheck::EvidenceAnchor& anchor) {
  return Dump(AnchorJson(anchor));
}

absl::StatusOr<factcheck::EvidenceAnchor> DecodeAnchor(std::string_view text,
                                                       std::string_view what) {
  absl::StatusOr<json> parsed = Parse(text, what);
  if (!parsed.ok()) return parsed.status();
  JsonReader reader(*parsed, std::string(what));
  factcheck::EvidenceAnchor anchor = ReadAnchor(reader);
  if (absl::Status read = reader.Result(); !read.ok()) return read;
  return anchor;
}

std::string EncodeSnapshot(const factcheck::FactCheck& fact_check) {
  json evidence = json::array();
  for (const factcheck::Evidence& piece : fact_check.evidence) {
    evidence.push_back({{"id", piece.id},
                        {"anchor", AnchorJson(piece.anchor)},
                        {"note", piece.note},
                        {"origin", piece.origin},
                        {"status", StoredAnchorStatus(piece.status)},
                        {"similarity", piece.similarity},
                        {"proposal", piece.proposal.has_value() ? AnchorJson(*piece.proposal)
                                                                : json(nullptr)},
                        {"checked_against", piece.checked_against}});
  }
  return Dump(json{{"id", fact_check.id},
                   {"claim_id", fact_check.claim_id},
                   {"verdict", fact_check.verdict},
                   {"summary", fact_check.summary},
                   {"rationale", fact_check.rationale},
                   {"evidence", std::move(evidence)},
                   {"author", fact_check.author},
                   {"status", StoredFactCheckStatus(fact_check.status)},
                   {"revision", fact_check.revision},
                   {"updated_by", fact_check.updated_by},
                   {"created_at", fact_check.created_at},
                   {"updated_at", fact_check.updated_at},
                   {"published_at", fact_check.published_at},
                   {"change_note", fact_check.change_note}});
}

absl::StatusOr<factcheck::FactCheck> DecodeSnapshot(std::string_view text, std::string_view what) {
  absl::StatusOr<json> parsed = Parse(text, what);
  if (!parsed.ok()) return parsed.status();
  JsonReader reader(*parsed, std::string(what));
  factcheck::FactCheck fact_check;
  fact_check.id = reader.Integer("id");
  fact_check.claim_id = reader.Integer("claim_id");
  fact_check.verdict = reader.Text("verdict");
  fact_check.summary = reader.Text("summary");
  fact_check.rationale = reader.Text("rationale");
  fact_check.author = reader.Text("author");
  const std::string status = reader.Text("status");
  fact_check.revision = static_cast<int>(reader.Integer("revision"));
  fact_check.updated_by = reader.Text("updated_by");
  fact_check.created_at = reader.Text("created_at");
  fact_check.updated_at = reader.Text("updated_at");
  fact_check.published_at = reader.Text("published_at");
  fact_check.change_note = reader.Text("change_note");
  const json* evidence = reader.Member("evidence");
  if (evidence == nullptr || !evidence->is_array()) reader.Fail("has no evidence list");
  if (absl::Status read = reader.Result(); !read.ok()) return read;
  absl::StatusOr<FactCheckStatus> parsed_status = ReadFactCheckStatus(status, what);
  if (!parsed_status.ok()) return parsed_status.status();
  fact_check.status = *parsed_status;
  for (std::size_t i = 0; i < evidence->size(); ++i) {
    const json& item = (*evidence)[i];
    const std::string item_what = fmt::format("{}, evidence {}", what, i + 1);
    JsonReader piece_reader(item, item_what);
    factcheck::Evidence piece;
    piece.id = piece_reader.Integer("id");
    piece.note = piece_reader.Text("note");
    piece.origin = piece_reader.Text("origin");
    const std::string anchor_status = piece_reader.Text("status");
    piece.similarity = piece_reader.Number("similarity");
    piece.checked_against = piece_reader.Integer("checked_against");
    const json* anchor = piece_reader.Member("anchor");
    const json* proposal = piece_reader.Member("proposal");
    if (anchor == nullptr || proposal == nullptr) piece_reader.Fail("has no anchor or proposal");
    if (absl::Status read = piece_reader.Result(); !read.ok()) return read;
    JsonReader anchor_reader(*anchor, item_what + " anchor");
    piece.anchor = ReadAnchor(anchor_reader);
    if (absl::Status read = anchor_reader.Result(); !read.ok()) return read;
    if (!proposal->is_null()) {
      JsonReader proposal_reader(*proposal, item_what + " proposal");
      piece.proposal = ReadAnchor(proposal_reader);
      if (absl::Status read = proposal_reader.Result(); !read.ok()) return read;
    }
    absl::StatusOr<AnchorStatus> parsed_anchor_status = ReadAnchorStatus(anchor_status, item_what);
    if (!parsed_anchor_status.ok()) return parsed_anchor_status.status();
    piece.status = *parsed_anchor_status;
    fact_check.evidence.push_back(std::move(piece));
  }
  return fact_check;
}

std::string CanonicalDouble(double value) { return fmt::format("{}", value); }

absl::Status RevisedMeanwhile(std::string_view db, std::int64_t id, std::string_view updated_by,
                              std::string_view updated_at, int revision, int expected_revision) {
  return absl::AbortedError(
      fmt::format("{}: fact-check {} was revised by {} at {} (revision {}) after you opened "
                  "revision {}",
                  db, id, updated_by, updated_at, revision, expected_revision));
}

// --- claim matching ----------------------------------------------------------------------------

std::int64_t MatchCountCap(std::int64_t claims, std::int64_t budget) {
  const auto common = static_cast<std::int64_t>(std::floor(kCommonTermShare *
                                                           static_cast<double>(claims)));
  return std::max<std::int64_t>(1, std::min(common, budget));
}

MatchPlan PlanClaimMatch(const std::vector<MatchTermCount>& counts, std::int64_t claims,
                         std::int64_t budget) {
  const std::int64_t cap = MatchCountCap(claims, budget);
  MatchPlan plan;
  std::vector<MatchTermCount> rare;
  std::vector<MatchTermCount> common;
  for (const MatchTermCount& count : counts) {
    if (count.claims <= 0) continue;
    (count.claims <= cap ? rare : common).push_back(count);
  }
  if (rare.empty()) {
    plan.terms = std::move(common);
    plan.all_common = !plan.terms.empty();
    plan.per_term_postings =
        plan.terms.empty() ? 0
                           : std::max<std::int64_t>(
                                 1, budget / static_cast<std::int64_t>(plan.terms.size()));
    return plan;
  }
  std::stable_sort(rare.begin(), rare.end(), [](const MatchTermCount& a, const MatchTermCount& b) {
    return a.claims < b.claims;
  });
  std::int64_t postings = 0;
  for (const MatchTermCount& count : rare) {
    if (!plan.terms.empty() && postings + count.claims > budget) break;
    plan.terms.push_back(count);
    postings += count.claims;
  }
  plan.per_term_postings = budget;
  return plan;
}

double MatchIdf(std::int64_t claims, std::int64_t matching) {
  const double n = static_cast<double>(matching);
  const double idf = std::log((static_cast<double>(claims) - n + 0.5) / (n + 0.5));
  return idf > 1e-6 ? idf : 1e-6;
}

}  // namespace tw::store
