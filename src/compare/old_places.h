// OldPlaces: where each moved unit stood in the old text, as a slot among Comparison::changes.
//
// A move is reported once, at its new place (compare/comparison.h). Reports that show the old place
// too — the HTML report's "moved to" stub, the DOCX report's w:moveFrom — need a slot for it in the
// new-text order of the changes. The slot follows the unit that preceded the moved one in the old
// text. Only units that kept their order (not moved, and present in the old text) anchor a slot:
// their old positions increase along the changes, so reading the changes with the old places filled
// in and the insertions skipped gives back the old order — which is what rejecting every tracked
// change in the DOCX report must give.
//
// Pure functions over a borrowed Comparison; thread-safe.
#ifndef TREATYWATCH_COMPARE_OLD_PLACES_H_
#define TREATYWATCH_COMPARE_OLD_PLACES_H_

#include <cstddef>
#include <vector>

#include "compare/comparison.h"

namespace tw::compare {

// A unit shown at two places: moved (facet or headline kind), present in both texts.
bool IsMove(const ArticleChange& change);

struct OldPlaces {
  // Indexes into Comparison::changes of moved units whose old place precedes every change.
  std::vector<std::size_t> at_start;
  // after[i]: moved units whose old place follows changes[i], in old-text order.
  std::vector<std::vector<std::size_t>> after;
};

OldPlaces LocateOldPlaces(const Comparison& comparison);

// The unit that stood at `old_position` in the old text, or nullptr (borrowed from `comparison`).
const ArticleChange* UnitAtOldPosition(const Comparison& comparison, int old_position);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_OLD_PLACES_H_
