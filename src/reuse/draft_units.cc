#include "reuse/draft_units.h"

#include <algorithm>

namespace tw::reuse {
namespace {

bool IsContainer(doc::ProvisionKind kind) {
  switch (kind) {
    case doc::ProvisionKind::kDocument:
    case doc::ProvisionKind::kPart:
    case doc::ProvisionKind::kChapter:
    case doc::ProvisionKind::kSection:
    case doc::ProvisionKind::kTitle:
    case doc::ProvisionKind::kAnnex:
      return true;
    default:
      return false;
  }
}

void CollectUnits(const doc::Provision& provision, std::vector<const doc::Provision*>& units) {
  for (const doc::Provision& child : provision.children) {
    if (IsContainer(child.kind)) {
      CollectUnits(child, units);
    } else {
      units.push_back(&child);
    }
  }
}

}  // namespace

std::vector<const doc::Provision*> DraftUnits(const doc::Provision& root) {
  std::vector<const doc::Provision*> units;
  CollectUnits(root, units);
  std::stable_sort(
      units.begin(), units.end(),
      [](const doc::Provision* x, const doc::Provision* y) { return x->begin < y->begin; });
  return units;
}

const doc::Provision& DeepestProvisionAt(const doc::Provision& root, std::size_t offset) {
  const doc::Provision* at = &root;
  for (;;) {
    const doc::Provision* inner = nullptr;
    for (const doc::Provision& child : at->children) {
      if (child.begin <= offset && offset < child.end) {
        inner = &child;
        break;
      }
    }
    if (inner == nullptr) return *at;
    at = inner;
  }
}

}  // namespace tw::reuse
