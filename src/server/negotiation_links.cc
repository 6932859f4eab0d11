#include "server/negotiation_links.h"

#include <cctype>

namespace tw::server {
namespace {

bool Unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~' || c == ':';
}

// Dated drafts sort before undated ones' ids only within equal dates: "" < "2025-..." so an
// undated draft counts as the oldest.
bool Later(const doc::DocumentMeta& a, const doc::DocumentMeta& b) {
  return a.date != b.date ? a.date > b.date : a.id > b.id;
}

}  // namespace

std::string PathEncode(std::string_view text, bool keep_slashes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : text) {
    if (Unreserved(c) || (keep_slashes && c == '/')) {
      encoded += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 15];
    }
  }
  return encoded;
}

std::string ActorPage(std::string_view actor_id) {
  return "/negotiation/actors/" + PathEncode(actor_id);
}

std::string VotePage(std::string_view symbol) {
  return "/negotiation/votes/" + PathEncode(symbol, /*keep_slashes=*/true);
}

std::optional<doc::DocumentMeta> DraftOnTheTable(const std::vector<doc::DocumentMeta>& documents,
                                                 std::string_view date) {
  const doc::DocumentMeta* before = nullptr;
  const doc::DocumentMeta* latest = nullptr;
  for (const doc::DocumentMeta& meta : documents) {
    if (meta.kind != "draft") continue;
    if (latest == nullptr || Later(meta, *latest)) latest = &meta;
    if (!date.empty() && !meta.date.empty() && meta.date <= date &&
        (before == nullptr || Later(meta, *before))) {
      before = &meta;
    }
  }
  if (before != nullptr) return *before;
  if (latest != nullptr) return *latest;
  return std::nullopt;
}

std::string ReaderLink(std::int64_t document_id, std::string_view path) {
  return "/documents/" + std::to_string(document_id) + "/read#" + PathEncode(path);
}

bool IsProvisionPath(std::string_view subject) {
  if (subject.empty()) return false;
  for (char c : subject) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return subject.starts_with("art") || subject.starts_with("annex") ||
         subject.starts_with("preamble") || subject.starts_with("para");
}

}  // namespace tw::server
