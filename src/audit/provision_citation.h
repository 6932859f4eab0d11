// How audit reports cite a provision: "Art. 24(1)" (doc::CitationLabel), and "Whole text" for
// the document itself (findings of rules that select the whole text have the root's empty path).
#ifndef TREATYWATCH_AUDIT_PROVISION_CITATION_H_
#define TREATYWATCH_AUDIT_PROVISION_CITATION_H_

#include <string>
#include <string_view>

#include "doc/provision.h"

namespace tw::audit {

inline std::string ProvisionCitation(const doc::Provision& root, std::string_view path) {
  if (path.empty()) return "Whole text";
  return doc::CitationLabel(root, path);
}

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_PROVISION_CITATION_H_
