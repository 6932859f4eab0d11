#include "cli/factcheck_support.h"

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "factcheck/evidence_quote.h"
#include "factcheck/verdict_scale_config.h"
#include "text/text_clip.h"

namespace tw::cli {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
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
  return factcheck::ConfiguredVerdictScale(file);
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
  return factcheck::QuoteEvidence(store, document_name, path, words, std::move(note));
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

}  // namespace tw::cli
