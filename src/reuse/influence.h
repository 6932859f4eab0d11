// Influence: how much of each actor's proposed text entered a draft, from a trace of the draft
// (reuse_trace.h). An actor is an author of a source (a state, a group of states, the Chair,
// a body that wrote an instrument); a joint proposal counts for each of its co-sponsors. A
// passage counts for the source it is attributed to — the earliest that holds it — so words a
// proposal merely repeats from an earlier draft are not that proposal's influence.
//
// Pure.
#ifndef TREATYWATCH_REUSE_INFLUENCE_H_
#define TREATYWATCH_REUSE_INFLUENCE_H_

#include <string>
#include <vector>

#include "doc/document.h"
#include "reuse/reuse_trace.h"

namespace tw::reuse {

// A passage at least this alike counts as verbatim; below, as near-verbatim.
inline constexpr double kVerbatimSimilarity = 0.95;

struct ActorInfluence {
  std::string actor;
  std::vector<int> sources;  // indexes of the sources the actor wrote
  int words_proposed = 0;    // words of those sources
  int words_adopted = 0;     // draft words attributed to them
  int words_verbatim = 0;    // of which in passages at least kVerbatimSimilarity alike
  int passages = 0;
  std::vector<std::string> provisions;  // draft units (articles) holding the adopted words

  double Share() const {
    return words_proposed == 0 ? 0.0 : static_cast<double>(words_adopted) / words_proposed;
  }
};

// Actors by words adopted, most first. Sources without authors are left out.
std::vector<ActorInfluence> MeasureInfluence(const ReuseTrace& trace,
                                             const std::vector<const doc::Document*>& sources);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_INFLUENCE_H_
