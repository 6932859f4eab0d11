// ProvisionSimilarity: how alike a provision of one text is to a provision of another (or of
// the same) text, measured the way the crosswalk (compare/crosswalk.h) measures articles —
// word weights from every unit of both texts with treaty boilerplate down-weighted, then a
// weighted local alignment read as containment both ways — so a mirrors check and
// `treatywatch crosswalk` give the same numbers for the same articles. A provision below
// article level (a paragraph) is rendered and measured on its own.
//
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_PROVISION_SIMILARITY_H_
#define TREATYWATCH_FACTCHECK_PROVISION_SIMILARITY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"
#include "doc/document.h"

namespace tw::factcheck {

struct ProvisionMatch {
  std::string path;       // in the second text
  double similarity = 0;  // mutual containment: the smaller of the two below
  double a_in_b = 0;      // share of the first provision's weight found in this one
  double b_in_a = 0;
};

struct ProvisionComparison {
  std::string a_path;
  std::optional<ProvisionMatch> claimed;  // the provision asked for, when one was
  std::optional<ProvisionMatch> best;     // the first provision's best match among the units
                                          // (articles, preamble, closing) of the second text
  // The redline from the first provision to the claimed one (else the best match), in the
  // canonical renderings of compare/unit_text.h.
  std::vector<compare::DiffOp> ops;
  int words_deleted = 0;   // words only in the first provision
  int words_inserted = 0;  // words only in the second
};

// `b_path` empty: the best match only. nullopt when `a_path` is not a provision of `a`; a
// `b_path` not in `b` leaves `claimed` empty. When `a` and `b` are the same object, the
// first provision's own article is not a candidate for the best match.
std::optional<ProvisionComparison> CompareProvisions(const doc::Document& a,
                                                     std::string_view a_path,
                                                     const doc::Document& b,
                                                     std::string_view b_path);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_PROVISION_SIMILARITY_H_
