// Provision alignment: where the words of an old provision should be in the new version.
//
// Re-anchoring asks "is the quote still in the same provision?", and after a renumbering the
// same provision has another path: Art. 5(2) may now be Art. 6(3). The comparison of the two
// versions (compare/comparison.h) knows: ArticleChange maps old units (preamble, articles,
// closing) to new ones — several for a split, one for a join, none for a repeal — and its
// ProvisionChanges map the paragraphs and points inside that changed, were renumbered or
// moved; Comparison::migrations the paragraphs that left one article for another. A path not
// listed under its unit is unchanged and keeps its relative path there. This is the mapping of
// compare/version_chain.h FollowForward, kept whole (every new path, not the first) and with
// the article as a second, wider target.
//
// Without a comparison the old path itself is looked up in the new document: right for a draft
// that renumbers nothing, and for the paths no comparison covers (chapter headings, footnotes,
// annex provisions).
//
// Pure; the result borrows provisions of the documents passed in.
#ifndef TREATYWATCH_FACTCHECK_PROVISION_ALIGNMENT_H_
#define TREATYWATCH_FACTCHECK_PROVISION_ALIGNMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"
#include "doc/document.h"

namespace tw::factcheck {

struct ProvisionAlignment {
  // The new provision(s) the old one became; empty when it was deleted or cannot be placed.
  std::vector<const doc::Provision*> provisions;
  // The new unit(s) (article, preamble, closing) its unit became: where a paragraph's words may
  // have gone when the paragraph mapping says nothing or something else.
  std::vector<const doc::Provision*> units;
  // The unit moved out of the old order or was joined with another, or the provision moved,
  // migrated or was joined: words found in the aligned provision are then "moved", not
  // "intact" (after a join the old provision is no longer a provision of its own).
  bool moved = false;
  // The comparison said where the provision went (false: no comparison, or none covers the
  // path, and the same path was looked up).
  bool placed = false;
  // The old provision and its unit, for offsets relative to them; null when the path is not a
  // provision of the old document.
  const doc::Provision* old_provision = nullptr;
  const doc::Provision* old_unit = nullptr;
};

// "art5.p2.a" → "art5"; "annex.art7.p1" → "annex.art7"; "preamble.u3" → "preamble".
std::string_view UnitPathOf(std::string_view path);

// `comparison` may be null. An empty or unknown path gives an empty alignment.
ProvisionAlignment AlignProvision(const compare::Comparison* comparison,
                                  const doc::Document& old_doc, const doc::Document& new_doc,
                                  const std::string& old_path);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_PROVISION_ALIGNMENT_H_
