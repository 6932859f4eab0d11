#include "factcheck/check_evidence.h"

#include <fmt/format.h>

#include <algorithm>

#include "absl/status/statusor.h"
#include "doc/provision.h"
#include "factcheck/reanchor.h"
#include "text/text_clip.h"

namespace tw::factcheck {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool IsUtf8Boundary(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

std::optional<EvidenceAnchor> RangeAnchor(const doc::Document& document, std::size_t begin,
                                          std::size_t end) {
  const std::string_view text = document.text;
  end = std::min(end, text.size());
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (begin >= end) return std::nullopt;
  absl::StatusOr<EvidenceAnchor> anchor = MakeAnchor(document, begin, end);
  if (!anchor.ok()) return std::nullopt;
  return *std::move(anchor);
}

std::optional<EvidenceAnchor> ProvisionAnchor(const doc::Document& document,
                                              std::string_view path) {
  const doc::Provision* provision = doc::FindProvision(document.root, path);
  if (provision == nullptr || path.empty()) return std::nullopt;
  const std::string_view text = document.text;
  const std::size_t begin = std::min(provision->begin, text.size());
  std::size_t end = std::clamp(provision->end, begin, text.size());
  if (end - begin > kMaxProvisionAnchorBytes) {
    const std::string_view head = text.substr(begin, kMaxProvisionAnchorBytes);
    std::size_t cut = head.rfind('\n');
    if (cut == std::string_view::npos || cut == 0) cut = head.rfind(' ');
    if (cut == std::string_view::npos || cut == 0) {
      cut = kMaxProvisionAnchorBytes;
      while (cut > 0 && !IsUtf8Boundary(text, begin + cut)) --cut;
    }
    end = begin + cut;
  }
  return RangeAnchor(document, begin, end);
}

std::optional<EvidenceAnchor> QuoteAnchor(const doc::Document& document, std::string_view path,
                                          std::string_view words) {
  absl::StatusOr<EvidenceAnchor> anchor = AnchorQuote(document, path, words);
  if (!anchor.ok()) return std::nullopt;
  return *std::move(anchor);
}

void AddAnchor(std::vector<EvidenceAnchor>& anchors, std::optional<EvidenceAnchor> anchor) {
  if (!anchor) return;
  for (const EvidenceAnchor& known : anchors) {
    if (known.document_id == anchor->document_id && known.start == anchor->start &&
        known.end == anchor->end) {
      return;
    }
  }
  anchors.push_back(*std::move(anchor));
}

std::string ShortCite(const doc::Document& document) {
  constexpr std::size_t kMaxCiteBytes = 60;
  if (!document.meta.symbol.empty()) return document.meta.symbol;
  if (!document.meta.instrument.empty())
    return text::ClipUtf8(document.meta.instrument, kMaxCiteBytes);
  std::string title = document.meta.title.substr(0, document.meta.title.find(';'));
  while (!title.empty() && IsSpace(title.back())) title.pop_back();
  if (title.empty()) title = document.meta.source_name;
  return text::ClipUtf8(title, kMaxCiteBytes);
}

std::string Cite(const doc::Document& document, std::string_view path) {
  if (path.empty()) return "Whole text";
  return doc::CitationLabel(document.root, path);
}

nlohmann::json ProvisionJson(const doc::Document& document, std::string_view path) {
  nlohmann::json json = {{"document_id", document.meta.id},
                         {"cite", ShortCite(document)},
                         {"version", document.meta.version},
                         {"path", std::string(path)},
                         {"citation", Cite(document, path)}};
  const doc::Provision* provision = doc::FindProvision(document.root, path);
  json["heading"] = provision != nullptr && !path.empty() ? provision->heading : "";
  return json;
}

std::string Quoted(std::string_view words) {
  std::string flat;
  for (char c : words) {
    if (IsSpace(c)) {
      if (!flat.empty() && flat.back() != ' ') flat.push_back(' ');
    } else {
      flat.push_back(c);
    }
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  return "\u201c" + text::ClipUtf8(flat, kMaxQuotedBytes) + "\u201d";
}

std::string Decimal2(double value) { return fmt::format("{:.2f}", value); }

std::string Percent(double share) { return fmt::format("{:.1f}%", 100 * share); }

}  // namespace tw::factcheck
