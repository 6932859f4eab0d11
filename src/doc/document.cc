#include "doc/document.h"

namespace tw::doc {

bool IsDocumentKind(std::string_view kind) {
  for (std::string_view known : kDocumentKinds) {
    if (known == kind) return true;
  }
  return false;
}

}  // namespace tw::doc
