// Bounded edit distance between short strings, for "did you mean" suggestions. Pure function;
// thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_EDIT_DISTANCE_H_
#define TREATYWATCH_NEGOTIATION_EDIT_DISTANCE_H_

#include <string_view>

namespace tw::negotiation {

// Longer inputs are compared on their first kMaxEditDistanceLength bytes, so one call costs at
// most kMaxEditDistanceLength² steps whatever the caller passes.
inline constexpr std::size_t kMaxEditDistanceLength = 64;

// The optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one
// substring: insertions, deletions, substitutions and transpositions of adjacent bytes cost 1)
// between `a` and `b`, or `bound` + 1 when it exceeds `bound` (computed only as far as needed).
int BoundedEditDistance(std::string_view a, std::string_view b, int bound);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_EDIT_DISTANCE_H_
