#include "store/document_codec.h"

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace tw::store {
namespace {

using nlohmann::json;

absl::Status Damaged(std::string_view what, std::string_view why) {
  return absl::DataLossError(fmt::format("{} is damaged: {}", what, why));
}

// Parses without exceptions: the text comes from a database file that may be corrupt.
absl::StatusOr<json> ParseArray(std::string_view text, std::string_view what) {
  json parsed = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Damaged(what, "not valid JSON");
  if (!parsed.is_array()) return Damaged(what, "not a JSON array");
  return parsed;
}

// Two offsets (size_t is 64 bits on every platform we build for) and a small integer (page, depth):
// the shape of every triple we store.
struct Triple {
  std::size_t first = 0;
  std::size_t second = 0;
  int third = 0;
};

// Nullopt when the element has another shape or a value out of range.
std::optional<Triple> DecodeTriple(const json& element) {
  if (!element.is_array() || element.size() != 3) return std::nullopt;
  if (!element[0].is_number_unsigned() || !element[1].is_number_unsigned() ||
      !element[2].is_number_integer()) {
    return std::nullopt;
  }
  const std::uint64_t first = element[0].get<std::uint64_t>();
  const std::uint64_t second = element[1].get<std::uint64_t>();
  const std::int64_t third = element[2].get<std::int64_t>();
  if (third < std::numeric_limits<int>::min() || third > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return Triple{static_cast<std::size_t>(first), static_cast<std::size_t>(second),
                static_cast<int>(third)};
}

}  // namespace

std::string EncodeSpans(const std::vector<doc::SourceSpan>& spans) {
  json out = json::array();
  for (const doc::SourceSpan& span : spans) {
    out.push_back(json::array({span.text_begin, span.source_begin, span.page}));
  }
  return out.dump();
}

absl::StatusOr<std::vector<doc::SourceSpan>> DecodeSpans(std::string_view text,
                                                         std::string_view what) {
  absl::StatusOr<json> parsed = ParseArray(text, what);
  if (!parsed.ok()) return parsed.status();
  std::vector<doc::SourceSpan> spans;
  spans.reserve(parsed->size());
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    const std::optional<Triple> triple = DecodeTriple((*parsed)[i]);
    if (!triple) {
      return Damaged(what, fmt::format("span {} is not [text_begin, source_begin, page]", i));
    }
    spans.push_back({triple->first, triple->second, triple->third});
  }
  return spans;
}

std::string EncodeBrackets(const std::vector<doc::BracketSpan>& brackets) {
  json out = json::array();
  for (const doc::BracketSpan& bracket : brackets) {
    out.push_back(json::array({bracket.begin, bracket.end, bracket.depth}));
  }
  return out.dump();
}

absl::StatusOr<std::vector<doc::BracketSpan>> DecodeBrackets(std::string_view text,
                                                             std::string_view what) {
  absl::StatusOr<json> parsed = ParseArray(text, what);
  if (!parsed.ok()) return parsed.status();
  std::vector<doc::BracketSpan> brackets;
  brackets.reserve(parsed->size());
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    const std::optional<Triple> triple = DecodeTriple((*parsed)[i]);
    if (!triple) return Damaged(what, fmt::format("bracket {} is not [begin, end, depth]", i));
    brackets.push_back({triple->first, triple->second, triple->third});
  }
  return brackets;
}

std::string EncodeTargets(const std::vector<std::string>& targets) {
  // Paths come from parsed documents; replace rather than throw on a stray invalid byte.
  return json(targets).dump(-1, ' ', false, json::error_handler_t::replace);
}

absl::StatusOr<std::vector<std::string>> DecodeTargets(std::string_view text,
                                                       std::string_view what) {
  absl::StatusOr<json> parsed = ParseArray(text, what);
  if (!parsed.ok()) return parsed.status();
  std::vector<std::string> targets;
  targets.reserve(parsed->size());
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    if (!(*parsed)[i].is_string())
      return Damaged(what, fmt::format("target {} is not a string", i));
    targets.push_back((*parsed)[i].get<std::string>());
  }
  return targets;
}

}  // namespace tw::store
