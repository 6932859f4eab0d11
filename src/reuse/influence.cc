#include "reuse/influence.h"

#include <algorithm>
#include <map>

#include "compare/word_tokens.h"
#include "reuse/word_sequence.h"

namespace tw::reuse {

std::vector<ActorInfluence> MeasureInfluence(const ReuseTrace& trace,
                                             const std::vector<const doc::Document*>& sources) {
  std::map<std::string, ActorInfluence> by_actor;
  compare::TokenTable table;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    if (sources[s]->meta.authors.empty()) continue;
    const int words = static_cast<int>(ReadWords(sources[s]->text, table).size());
    for (const std::string& author : sources[s]->meta.authors) {
      ActorInfluence& actor = by_actor[author];
      actor.actor = author;
      actor.sources.push_back(static_cast<int>(s));
      actor.words_proposed += words;
    }
  }
  for (const ReusePassage& passage : trace.passages) {
    const doc::Document& source = *sources[passage.attributed.source];
    for (const std::string& author : source.meta.authors) {
      ActorInfluence& actor = by_actor[author];
      actor.words_adopted += passage.draft_words;
      if (passage.attributed.similarity >= kVerbatimSimilarity) {
        actor.words_verbatim += passage.draft_words;
      }
      ++actor.passages;
      if (std::find(actor.provisions.begin(), actor.provisions.end(), passage.draft_unit_path) ==
          actor.provisions.end()) {
        actor.provisions.push_back(passage.draft_unit_path);
      }
    }
  }
  std::vector<ActorInfluence> actors;
  for (auto& [name, actor] : by_actor) actors.push_back(std::move(actor));
  std::stable_sort(actors.begin(), actors.end(),
                   [](const ActorInfluence& x, const ActorInfluence& y) {
                     return x.words_adopted > y.words_adopted;
                   });
  return actors;
}

}  // namespace tw::reuse
