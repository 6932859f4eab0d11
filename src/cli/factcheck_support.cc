#include "cli/factcheck_support.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "cli/text_file.h"
#include "factcheck/reanchor.h"
#include "negotiation/negotiation_json.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

nlohmann::json AnchorJson(const factcheck::EvidenceAnchor& anchor) {
  return {{"doc", anchor.document_id}, {"path", anchor.path},     {"exact", anchor.exact},
          {"prefix", anchor.prefix},   {"suffix", anchor.suffix}, {"start", anchor.start},
          {"end", anchor.end}};
}

}  // namespace

std::string ActingUser(const std::string& by) {
  if (!by.empty()) return by;
  for (const char* variable : {"TREATYWATCH_USER", "USER"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return value;
  }
  return "cli";
}

absl::StatusOr<factcheck::VerdictScale> LoadVerdictScale(const std::string& file) {
  std::string path = file;
  if (path.empty()) {
    const char* configured = std::getenv("TREATYWATCH_VERDICTS");
    if (configured != nullptr) path = configured;
  }
  if (path.empty()) return factcheck::VerdictScale::Default();
  absl::StatusOr<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  return factcheck::VerdictScale::Parse(*text, path);
}

absl::StatusOr<factcheck::Evidence> ParseEvidenceArgument(store::Store& store,
                                                          const std::string& argument) {
  const std::size_t hash = argument.find('#');
  const std::size_t colon = hash == std::string::npos ? hash : argument.find(':', hash);
  if (hash == std::string::npos || colon == std::string::npos || hash == 0) {
    return absl::InvalidArgumentError(fmt::format(
        "evidence '{}': write it as 'DOC#PATH: exact words' (DOC an id or symbol, PATH a "
        "provision such as art28.p1, or empty for the whole text)",
        argument));
  }
  const std::string document_name(TrimSpaces(std::string_view(argument).substr(0, hash)));
  const std::string path(TrimSpaces(std::string_view(argument).substr(hash + 1, colon - hash - 1)));
  std::string_view words = TrimSpaces(std::string_view(argument).substr(colon + 1));
  std::string note;
  if (std::size_t dashes = words.find(" -- "); dashes != std::string_view::npos) {
    note = std::string(TrimSpaces(words.substr(dashes + 4)));
    words = TrimSpaces(words.substr(0, dashes));
  }
  if (words.empty()) {
    return absl::InvalidArgumentError(
        fmt::format("evidence '{}': no words quoted after the ':'", argument));
  }
  absl::StatusOr<doc::Document> document = store.LoadDocument(document_name);
  if (!document.ok()) return document.status();
  absl::StatusOr<factcheck::EvidenceAnchor> anchor =
      factcheck::AnchorQuote(*document, path, words);
  if (!anchor.ok()) {
    return absl::Status(anchor.status().code(),
                        fmt::format("evidence in {}{}{}: {}", document->CiteName(),
                                    path.empty() ? "" : " at ", path,
                                    std::string(anchor.status().message())));
  }
  factcheck::Evidence evidence;
  evidence.anchor = *std::move(anchor);
  evidence.note = std::move(note);
  evidence.checked_against = evidence.anchor.document_id;
  return evidence;
}

absl::StatusOr<std::int64_t> ParseIdArgument(const std::string& argument, std::string_view what) {
  std::string_view digits = argument;
  if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || id <= 0) {
    return absl::InvalidArgumentError(
        fmt::format("'{}' is not a {} id (a positive number, as `list` shows it)", argument, what));
  }
  return id;
}

absl::StatusOr<factcheck::Claim> LoadClaimOrFail(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<factcheck::Claim>> claim = store.LoadClaim(id);
  if (!claim.ok()) return claim.status();
  if (!claim->has_value()) {
    return absl::NotFoundError(
        fmt::format("no claim #{} (see: treatywatch claims list)", id));
  }
  return **std::move(claim);
}

absl::StatusOr<factcheck::FactCheck> LoadFactCheckOrFail(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<factcheck::FactCheck>> fact_check = store.LoadFactCheck(id);
  if (!fact_check.ok()) return fact_check.status();
  if (!fact_check->has_value()) {
    return absl::NotFoundError(
        fmt::format("no fact-check #{} (see: treatywatch factcheck list)", id));
  }
  return **std::move(fact_check);
}

std::string OneLine(std::string_view text, std::size_t max_bytes) {
  std::string flat;
  flat.reserve(std::min(text.size(), max_bytes + 8));
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
    if (flat.size() > max_bytes + 8) break;
  }
  return text::ClipUtf8(flat, max_bytes);
}

nlohmann::json ClaimJson(const factcheck::Claim& claim, const negotiation::ActorRegistry& actors) {
  return {{"id", claim.id},
          {"text", claim.text},
          {"actor", claim.actor},
          {"actor_name", negotiation::ActorName(actors, claim.actor)},
          {"statement", claim.statement_id},
          {"session", claim.session},
          {"date", claim.date},
          {"grade", factcheck::SourceGradeName(claim.source_grade)},
          {"source_url", claim.source_url},
          {"cited_paths", claim.cited_paths},
          {"instruments", claim.instruments},
          {"created_by", claim.created_by},
          {"created_at", claim.created_at}};
}

nlohmann::json EvidenceJson(const factcheck::Evidence& evidence) {
  nlohmann::json json = AnchorJson(evidence.anchor);
  json["id"] = evidence.id;
  json["note"] = evidence.note;
  json["origin"] = evidence.origin;
  json["status"] = factcheck::AnchorStatusName(evidence.status);
  json["similarity"] = evidence.similarity;
  json["checked_against"] = evidence.checked_against;
  json["proposal"] = evidence.proposal ? AnchorJson(*evidence.proposal) : nlohmann::json();
  return json;
}

nlohmann::json FactCheckJson(const factcheck::FactCheck& fact_check) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const factcheck::Evidence& piece : fact_check.evidence) evidence.push_back(EvidenceJson(piece));
  return {{"id", fact_check.id},
          {"claim", fact_check.claim_id},
          {"verdict", fact_check.verdict},
          {"summary", fact_check.summary},
          {"rationale", fact_check.rationale},
          {"status", factcheck::FactCheckStatusName(fact_check.status)},
          {"needs_review", factcheck::NeedsReview(fact_check)},
          {"valid_as_of", factcheck::ValidAsOf(fact_check)},
          {"revision", fact_check.revision},
          {"author", fact_check.author},
          {"updated_by", fact_check.updated_by},
          {"created_at", fact_check.created_at},
          {"updated_at", fact_check.updated_at},
          {"published_at", fact_check.published_at},
          {"change_note", fact_check.change_note},
          {"evidence", evidence}};
}

}  // namespace tw::cli
