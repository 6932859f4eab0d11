#include "server/site_search.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "compare/printable_text.h"
#include "store/search_hit_json.h"
#include "text/ascii_case.h"
#include "text/utf8.h"

namespace tw::server {
namespace {

constexpr std::size_t kMaxTerms = 16;
constexpr std::size_t kSnippetContextBytes = 90;

struct Terms {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = text::AsciiLower(c);
  return out;
}

Terms ParseTerms(std::string_view text) {
  Terms terms;
  std::size_t at = 0;
  while (at < text.size() && terms.include.size() + terms.exclude.size() < kMaxTerms) {
    const std::size_t start = text.find_first_not_of(" \t\r\n", at);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string word;
    for (char c : text.substr(start, end - start)) {
      if (c != '"' && c != '*') word += text::AsciiLower(c);
    }
    at = end;
    if (word == "or" || word == "-" || word.empty()) continue;
    if (word.front() == '-') {
      terms.exclude.push_back(word.substr(1));
    } else {
      terms.include.push_back(word);
    }
  }
  return terms;
}

std::size_t CountOccurrences(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// How well `lowered` (ASCII-lowercased text) matches: 0 when it does not.
std::size_t MatchScore(std::string_view lowered, const Terms& terms) {
  if (terms.include.empty()) return 0;
  for (const std::string& word : terms.exclude) {
    if (lowered.find(word) != std::string_view::npos) return 0;
  }
  std::size_t score = 0;
  for (const std::string& word : terms.include) {
    const std::size_t count = CountOccurrences(lowered, word);
    if (count == 0) return 0;
    score += count;
  }
  return score;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A window of `text` around the first match, the matches wrapped in the store's markers.
std::string PlainSnippet(std::string_view text, const Terms& terms) {
  std::string clean(text);
  for (char& c : clean) {
    if (c == store::kHighlightOpen[0] || c == store::kHighlightClose[0] || c == '\n') c = ' ';
  }
  const std::string lowered = Lower(clean);
  std::size_t first = lowered.find(terms.include.front());
  if (first == std::string::npos) first = 0;
  std::size_t begin = first > kSnippetContextBytes ? first - kSnippetContextBytes : 0;
  std::size_t end = std::min(clean.size(), first + 2 * kSnippetContextBytes);
  while (begin > 0 && IsContinuation(clean[begin])) --begin;
  while (end < clean.size() && IsContinuation(clean[end])) ++end;
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (const std::string& word : terms.include) {
    for (std::size_t at = lowered.find(word, begin); at != std::string::npos && at < end;
         at = lowered.find(word, at + word.size())) {
      marks.emplace_back(at, std::min(end, at + word.size()));
    }
  }
  std::sort(marks.begin(), marks.end());
  std::string out = begin > 0 ? "… " : "";
  std::size_t at = begin;
  for (const auto& [mark_begin, mark_end] : marks) {
    if (mark_begin < at) continue;  // overlaps the previous mark
    out.append(clean, at, mark_begin - at);
    out += store::kHighlightOpen;
    out.append(clean, mark_begin, mark_end - mark_begin);
    out += store::kHighlightClose;
    at = mark_end;
  }
  out.append(clean, at, end - at);
  if (end < clean.size()) out += " …";
  return out;
}

nlohmann::json SnippetJson(const std::string& snippet) {
  const store::RenderedSnippet rendered = store::ParseSnippet(snippet);
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& [begin, end] : rendered.highlights) ranges.push_back({begin, end});
  return {{"snippet", rendered.text}, {"highlights", ranges}};
}

// Ranks (score, id) pairs: higher score, then higher id, first; keeps `limit`.
template <typename Item>
void RankAndCut(std::vector<std::pair<std::size_t, Item>>& scored, int limit,
                std::int64_t (*id_of)(const Item&)) {
  std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : id_of(a.second) > id_of(b.second);
  });
  if (scored.size() > static_cast<std::size_t>(limit)) scored.resize(limit);
}

absl::Status SearchProvisions(store::Store& store, const SiteSearchQuery& query,
                              std::vector<SiteSearchHit>& hits) {
  store::SearchQuery search;
  search.text = query.text;
  search.document_id = query.document_id;
  // A kind filter applies after ranking: ask for more candidates so enough survive it.
  search.limit = query.kind.empty() ? query.limit : std::min(1000, query.limit * 10);
  absl::StatusOr<std::vector<store::SearchHit>> found = store.Search(search);
  if (!found.ok()) return found.status();
  std::map<std::int64_t, std::string> kinds;
  if (!query.kind.empty()) {
    absl::StatusOr<std::vector<doc::DocumentMeta>> documents = store.ListDocuments();
    if (!documents.ok()) return documents.status();
    for (const doc::DocumentMeta& meta : *documents) kinds[meta.id] = meta.kind;
  }
  int kept = 0;
  for (const store::SearchHit& hit : *found) {
    if (!query.kind.empty() && kinds[hit.document_id] != query.kind) continue;
    if (kept++ >= query.limit) break;
    SiteSearchHit out;
    out.type = "provision";
    out.citation = hit.citation;
    out.snippet = hit.snippet;
    out.url = fmt::format("/documents/{}/read#{}", hit.document_id, hit.path);
    out.json = store::SearchHitToJson(hit);
    out.json["type"] = out.type;
    out.json["url"] = out.url;
    hits.push_back(std::move(out));
  }
  return absl::OkStatus();
}

absl::Status SearchStatements(store::Store& store, const SiteSearchQuery& query,
                              const Terms& terms, std::vector<SiteSearchHit>& hits) {
  store::StatementFilter filter;
  filter.limit = kMaxScannedRows;
  absl::StatusOr<std::vector<negotiation::Statement>> statements = store.ListStatements(filter);
  if (!statements.ok()) return statements.status();
  std::vector<std::pair<std::size_t, const negotiation::Statement*>> scored;
  for (const negotiation::Statement& statement : *statements) {
    if (query.document_id && statement.document_id != *query.document_id) continue;
    const std::size_t score = MatchScore(Lower(statement.text), terms);
    if (score > 0) scored.emplace_back(score, &statement);
  }
  RankAndCut<const negotiation::Statement*>(
      scored, query.limit, [](const negotiation::Statement* const& s) { return s->id; });
  for (const auto& [score, statement] : scored) {
    SiteSearchHit out;
    out.type = "statement";
    out.citation = fmt::format("Statement by {}{}{}", statement->actor,
                               statement->session > 0
                                   ? fmt::format(", session {}", statement->session)
                                   : std::string(),
                               statement->date.empty() ? "" : ", " + statement->date);
    out.snippet = PlainSnippet(statement->text, terms);
    out.json = SnippetJson(out.snippet);
    out.json.update({{"type", out.type},
                     {"id", statement->id},
                     {"actor", statement->actor},
                     {"session", statement->session},
                     {"date", statement->date},
                     {"citation", out.citation},
                     {"score", score}});
    hits.push_back(std::move(out));
  }
  return absl::OkStatus();
}

absl::Status SearchClaims(store::Store& store, const SiteSearchQuery& query, const Terms& terms,
                          std::vector<SiteSearchHit>& hits) {
  store::ClaimFilter filter;
  filter.limit = kMaxScannedRows;
  absl::StatusOr<std::vector<factcheck::Claim>> claims = store.ListClaims(filter);
  if (!claims.ok()) return claims.status();
  std::vector<std::pair<std::size_t, const factcheck::Claim*>> scored;
  for (const factcheck::Claim& claim : *claims) {
    const std::size_t score = MatchScore(Lower(claim.text), terms);
    if (score > 0) scored.emplace_back(score, &claim);
  }
  RankAndCut<const factcheck::Claim*>(scored, query.limit,
                                      [](const factcheck::Claim* const& c) { return c->id; });
  for (const auto& [score, claim] : scored) {
    SiteSearchHit out;
    out.type = "claim";
    out.citation = fmt::format("Claim #{} by {}{}", claim->id, claim->actor,
                               claim->date.empty() ? "" : ", " + claim->date);
    out.snippet = PlainSnippet(claim->text, terms);
    out.json = SnippetJson(out.snippet);
    out.json.update({{"type", out.type},
                     {"id", claim->id},
                     {"actor", claim->actor},
                     {"session", claim->session},
                     {"date", claim->date},
                     {"citation", out.citation},
                     {"score", score}});
    hits.push_back(std::move(out));
  }
  return absl::OkStatus();
}

absl::Status SearchFactChecks(store::Store& store, const SiteSearchQuery& query,
                              const Terms& terms, std::vector<SiteSearchHit>& hits) {
  absl::StatusOr<std::vector<factcheck::FactCheck>> checks =
      store.ListFactChecks(store::FactCheckFilter{});
  if (!checks.ok()) return checks.status();
  std::vector<std::pair<std::size_t, const factcheck::FactCheck*>> scored;
  std::size_t scanned = 0;
  for (const factcheck::FactCheck& check : *checks) {
    if (++scanned > static_cast<std::size_t>(kMaxScannedRows)) break;
    const std::string body = check.verdict + "\n" + check.summary + "\n" + check.rationale;
    const std::size_t score = MatchScore(Lower(body), terms);
    if (score > 0) scored.emplace_back(score, &check);
  }
  RankAndCut<const factcheck::FactCheck*>(
      scored, query.limit, [](const factcheck::FactCheck* const& f) { return f->id; });
  for (const auto& [score, check] : scored) {
    SiteSearchHit out;
    out.type = "factcheck";
    const std::string status(factcheck::FactCheckStatusName(check->status));
    out.citation = fmt::format("Fact-check #{} ({}): {}", check->id, status, check->verdict);
    out.snippet = PlainSnippet(check->summary + " " + check->rationale, terms);
    out.json = SnippetJson(out.snippet);
    out.json.update({{"type", out.type},
                     {"id", check->id},
                     {"claim", check->claim_id},
                     {"status", status},
                     {"verdict", check->verdict},
                     {"citation", out.citation},
                     {"score", score}});
    hits.push_back(std::move(out));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SiteSearchQuery> ParseSiteSearchQuery(const RequestContext& ctx) {
  SiteSearchQuery query;
  query.text = ctx.Param("q");
  if (query.text.size() > kMaxSearchTextBytes) {
    return absl::InvalidArgumentError(fmt::format(
        "q is too long ({} bytes; at most {})", query.text.size(), kMaxSearchTextBytes));
  }
  if (text::FindInvalidUtf8(query.text)) {
    return absl::InvalidArgumentError("q is not valid UTF-8");
  }
  if (!ctx.Param("document").empty()) {
    absl::StatusOr<std::int64_t> id = ctx.IdParam("document");
    if (!id.ok()) return id.status();
    query.document_id = *id;
  }
  query.kind = ctx.Param("kind");
  if (!query.kind.empty() && !doc::IsDocumentKind(query.kind)) {
    return absl::InvalidArgumentError(fmt::format(
        "kind must be one of draft, final, proposal, statement, reference, analysis; not "
        "\"{}\"",
        compare::PrintableText(query.kind.substr(0, 40))));
  }
  if (ctx.HasParam("type") && !ctx.Param("type").empty()) query.type = ctx.Param("type");
  if (std::find(std::begin(kSearchTypes), std::end(kSearchTypes), query.type) ==
      std::end(kSearchTypes)) {
    return absl::InvalidArgumentError(
        "type must be one of all, provisions, statements, claims, factchecks");
  }
  if (!ctx.Param("limit").empty()) {
    absl::StatusOr<std::int64_t> limit = ctx.IdParam("limit");
    if (!limit.ok() || *limit > kMaxSearchResults) {
      return absl::InvalidArgumentError(
          fmt::format("limit must be a whole number from 1 to {}", kMaxSearchResults));
    }
    query.limit = static_cast<int>(*limit);
  }
  return query;
}

absl::StatusOr<std::vector<SiteSearchHit>> SiteSearch(store::Store& store,
                                                      const SiteSearchQuery& query,
                                                      bool viewer) {
  std::vector<SiteSearchHit> hits;
  const bool all = query.type == "all";
  if (all || query.type == "provisions") {
    if (absl::Status s = SearchProvisions(store, query, hits); !s.ok()) return s;
  }
  if (!viewer) return hits;
  const Terms terms = ParseTerms(query.text);
  if (terms.include.empty()) return hits;
  if (all || query.type == "statements") {
    if (absl::Status s = SearchStatements(store, query, terms, hits); !s.ok()) return s;
  }
  // Claims and fact-checks are about no one document: a document filter leaves them out.
  if (query.document_id) return hits;
  if (all || query.type == "claims") {
    if (absl::Status s = SearchClaims(store, query, terms, hits); !s.ok()) return s;
  }
  if (all || query.type == "factchecks") {
    if (absl::Status s = SearchFactChecks(store, query, terms, hits); !s.ok()) return s;
  }
  return hits;
}

std::string SnippetHtml(std::string_view snippet) {
  std::string out;
  std::string run;
  bool open = false;
  auto flush = [&] {
    out += compare::EscapeMarkup(run);
    run.clear();
  };
  for (char c : snippet) {
    if (c == store::kHighlightOpen[0] && !open) {
      flush();
      out += "<mark>";
      open = true;
    } else if (c == store::kHighlightClose[0] && open) {
      flush();
      out += "</mark>";
      open = false;
    } else if (c != store::kHighlightOpen[0] && c != store::kHighlightClose[0]) {
      run += c == '\n' ? ' ' : c;
    }
  }
  flush();
  if (open) out += "</mark>";
  return out;
}

}  // namespace tw::server
