// Lost paragraphs: the evidence that finds the parts of a split (and the sources of a join)
// that containment alone misses. When a chair moves paragraph 3 of Art. 4 into a new Art. 5 bis
// and adds a paragraph of a state's proposal there, the new article is mostly new words — not
// "contained" in Art. 4 — yet it is where Art. 4's lost paragraph went. So: a paragraph of the
// source that its primary partner no longer holds, found in the candidate part, makes the part
// a piece of the split.
//
// Pure apart from interning into the shared TokenTable.
#ifndef TREATYWATCH_COMPARE_LOST_PARAGRAPHS_H_
#define TREATYWATCH_COMPARE_LOST_PARAGRAPHS_H_

#include "compare/word_tokens.h"
#include "doc/provision.h"

namespace tw::compare {

// Mutual similarity at which two paragraphs are the same paragraph.
inline constexpr double kSameParagraph = 0.6;

// True when some paragraph of `source` has no counterpart among `primary`'s paragraphs and
// has one among `part`'s. Sides are symmetric: for a join, pass the joined article as
// `source`, the primary old article as `primary` and the candidate old article as `part`.
bool HoldsLostParagraph(const doc::Provision& source, const doc::Provision& primary,
                        const doc::Provision& part, TokenTable& table);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_LOST_PARAGRAPHS_H_
