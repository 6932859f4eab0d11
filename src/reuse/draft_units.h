// Where a passage stands in a document's provision tree. The units of a draft a reused passage
// may not cross: articles, the preamble, and any other
// provision that is not a container of articles (parts, chapters, sections, titles, annexes are
// containers and are looked into). A trace reports passages per unit, and its HTML page draws
// the draft unit by unit, so both must cut the draft the same way.
//
// Pure; thread-safe.
#ifndef TREATYWATCH_REUSE_DRAFT_UNITS_H_
#define TREATYWATCH_REUSE_DRAFT_UNITS_H_

#include <cstddef>
#include <vector>

#include "doc/provision.h"

namespace tw::reuse {

// The units below `root`, in text order; pointers into `root`'s tree.
std::vector<const doc::Provision*> DraftUnits(const doc::Provision& root);

// The deepest provision holding byte `offset` (`root` when none of its children does): where a
// passage starts, for its citation.
const doc::Provision& DeepestProvisionAt(const doc::Provision& root, std::size_t offset);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_DRAFT_UNITS_H_
