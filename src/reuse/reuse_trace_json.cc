#include "reuse/reuse_trace_json.h"

#include <cmath>

namespace tw::reuse {
namespace {

double Rounded(double value) { return std::round(value * 1000) / 1000; }

nlohmann::json SourceJson(const PassageSource& source,
                          const std::vector<const doc::Document*>& sources) {
  const doc::Document& document = *sources[source.source];
  return {{"source", document.CiteName()},
          {"source_id", document.meta.id},
          {"source_path", source.path},
          {"source_start", source.start},
          {"source_end", source.end},
          {"words", source.words},
          {"matched_words", source.matched_words},
          {"similarity", Rounded(source.similarity)}};
}

}  // namespace

nlohmann::json ReuseTraceToJson(const ReuseTrace& trace, const doc::Document& draft,
                                const std::vector<const doc::Document*>& sources) {
  nlohmann::json out;
  out["draft"] = {{"id", draft.meta.id},
                  {"cite", draft.CiteName()},
                  {"date", draft.meta.date},
                  {"words", trace.draft_words}};
  nlohmann::json listed = nlohmann::json::array();
  for (const doc::Document* source : sources) {
    listed.push_back({{"id", source->meta.id},
                      {"cite", source->CiteName()},
                      {"kind", source->meta.kind},
                      {"date", source->meta.date},
                      {"authors", source->meta.authors}});
  }
  out["sources"] = std::move(listed);
  nlohmann::json passages = nlohmann::json::array();
  for (const ReusePassage& passage : trace.passages) {
    nlohmann::json item = {{"draft_unit", passage.draft_unit_path},
                           {"draft_path", passage.draft_path},
                           {"draft_start", passage.draft_start},
                           {"draft_end", passage.draft_end},
                           {"words", passage.draft_words}};
    const nlohmann::json attributed = SourceJson(passage.attributed, sources);
    for (const auto& [key, value] : attributed.items()) {
      if (key != "words") item[key] = value;
    }
    item["source_words"] = passage.attributed.words;
    nlohmann::json candidates = nlohmann::json::array();
    for (const PassageSource& candidate : passage.candidates) {
      candidates.push_back(SourceJson(candidate, sources));
    }
    item["candidates"] = std::move(candidates);
    passages.push_back(std::move(item));
  }
  out["summary"] = {
      {"passages", trace.passages.size()},  {"draft_words", trace.draft_words},
      {"reused_words", trace.reused_words}, {"source_words", trace.source_words},
      {"windows", trace.windows},           {"windows_aligned", trace.windows_aligned}};
  out["passages"] = std::move(passages);
  return out;
}

}  // namespace tw::reuse
