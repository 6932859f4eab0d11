// Unit mapping: which old unit became which new unit, decided by content.
//
//   1. identical word sequences pair first, in order (the bulk of any new draft);
//   2. candidate pairs (compare/candidate_pairs.h) are aligned (compare/similarity.h) and
//      matched 1:1 greedily on their mutual containment, best first, ties to the pair closest
//      to where the old unit would have landed, above `match_threshold`;
//   3. an unmatched old unit sitting between two matched neighbours whose partners are
//      adjacent in the new text keeps its place with a lower bar (a heavily reworded article
//      in the same slot is still that article);
//   4. an unmatched new unit mostly contained in an old one is a further part of a split of
//      it, an unmatched old unit mostly contained in a new one a further source of a join —
//      next to the other parts, or at a higher bar when elsewhere;
//   5. matched units outside the heaviest increasing run of old positions moved.
// Used for articles and, inside matched articles, for paragraphs and points.
//
// Pure.
#ifndef TREATYWATCH_COMPARE_UNIT_MAPPING_H_
#define TREATYWATCH_COMPARE_UNIT_MAPPING_H_

#include <map>
#include <utility>
#include <vector>

#include "compare/similarity.h"
#include "compare/token_weights.h"

namespace tw::compare {

struct MappingOptions {
  double match_threshold = 0.30;
  double in_place_threshold = 0.15;
  // Share of a part inside its source, when next to the other parts (the part of a split may
  // bring new words of its own) and when elsewhere.
  double containment_threshold = 0.40;
  double distant_containment_threshold = 0.80;
  // A split's primary part must have lost something: its source is at most this much inside.
  double split_primary_containment = 0.92;
};

struct UnitMapping {
  std::vector<int> new_of_old;  // primary partner of each old unit, -1 when none
  std::vector<int> old_of_new;
  std::vector<int> split_source;  // a new unit that is a further part of a split: its source
  std::vector<int> join_target;   // an old unit that is a further source of a join: its target
  std::vector<bool> moved;        // per old unit with a partner: outside the increasing run
  std::map<std::pair<int, int>, Similarity> aligned;  // every pair that was aligned

  // The similarity of a pair, aligning it now if it was not a candidate.
  Similarity Of(int old_index, int new_index, const std::vector<WeightedWords>& old_units,
                const std::vector<WeightedWords>& new_units) const;
};

UnitMapping MapUnits(const std::vector<WeightedWords>& old_units,
                     const std::vector<WeightedWords>& new_units, const MappingOptions& options);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_UNIT_MAPPING_H_
