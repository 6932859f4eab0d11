// Paragraph alignment: inside matched articles (and across the parts of a split or join), which
// paragraph, point or option became which — by content, with moves, renumbering and redlines —
// and, across the whole document, which paragraphs left one article for another.
//
// Pure apart from interning into the shared TokenTable.
#ifndef TREATYWATCH_COMPARE_PARAGRAPH_ALIGNMENT_H_
#define TREATYWATCH_COMPARE_PARAGRAPH_ALIGNMENT_H_

#include <vector>

#include "compare/comparison.h"
#include "compare/word_tokens.h"
#include "doc/provision.h"

namespace tw::compare {

// A provision taking part in an alignment, with the unit (article) it belongs to.
struct ProvisionItem {
  const doc::Provision* provision = nullptr;
  int owner = 0;  // caller's id of the enclosing unit; different owners = a migration
};

struct ProvisionAlignment {
  std::vector<ProvisionChange> changes;  // changed pairs, in new order (insertions/repeals not)
  std::vector<int> unmatched_old;        // indices into the old list
  std::vector<int> unmatched_new;
};

inline constexpr int kMaxProvisionDepth = 3;  // paragraphs, points, sub-points

// Aligns two lists of provisions. Pairs whose owners differ are reported as moves
// (migrations); inside a matched pair with children, the children are aligned too (their
// unmatched ones become insertions and repeals).
ProvisionAlignment AlignProvisions(const std::vector<ProvisionItem>& old_items,
                                   const std::vector<ProvisionItem>& new_items,
                                   TokenTable& table, bool redlines, int depth = 0);

// The direct children that hold text (footnotes excluded).
std::vector<const doc::Provision*> TextChildren(const doc::Provision& node);

// The paragraphs of an article as a reader counts them: its text children, with the
// paragraphs of an "Option" taken in place of the option (choosing Option 1 keeps its
// paragraphs; only the option heading goes).
std::vector<const doc::Provision*> ParagraphItems(const doc::Provision& node);

// The rendering of a provision without its own label: own text then descendants with labels.
std::string RenderWithoutLabel(const doc::Provision& node);

// A whole provision inserted or repealed.
ProvisionChange WholeProvisionChange(ChangeKind kind, const doc::Provision& provision,
                                     bool redlines);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_PARAGRAPH_ALIGNMENT_H_
