#include "store/search_hit_json.h"

namespace tw::store {

RenderedSnippet ParseSnippet(std::string_view snippet) {
  RenderedSnippet out;
  std::size_t open = std::string::npos;
  for (char c : snippet) {
    if (c == kHighlightOpen[0]) {
      open = out.text.size();
    } else if (c == kHighlightClose[0]) {
      if (open != std::string::npos) out.highlights.emplace_back(open, out.text.size());
      open = std::string::npos;
    } else {
      out.text.push_back(c == '\n' ? ' ' : c);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& range : out.highlights) {
    const bool only_space_between =
        !merged.empty() &&
        out.text.find_first_not_of(' ', merged.back().second) >= range.first;
    if (only_space_between) {
      merged.back().second = range.second;
    } else {
      merged.push_back(range);
    }
  }
  out.highlights = std::move(merged);
  return out;
}

nlohmann::json SearchHitToJson(const SearchHit& hit) {
  const RenderedSnippet snippet = ParseSnippet(hit.snippet);
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& [begin, end] : snippet.highlights) ranges.push_back({begin, end});
  return {{"document", hit.document_id},
          {"cite", hit.document_cite},
          {"path", hit.path},
          {"citation", hit.citation},
          {"snippet", snippet.text},
          {"highlights", ranges},
          {"score", hit.score}};
}

}  // namespace tw::store
