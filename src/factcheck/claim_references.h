// ClaimReferences: the provisions and the instruments a claim refers to, resolved from its
// words. Provisions are resolved against the draft under discussion like a statement's
// (negotiation/cited_provisions.h); references to another instrument ("article 15 of the
// Budapest Convention", "UNTOC", "the ICCPR") name the instrument by its canonical name from
// a built-in list of instruments the negotiation invokes, extended by the instrument names in
// the store, and keep the provision path in that instrument ("Budapest Convention#art15").
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_CLAIM_REFERENCES_H_
#define TREATYWATCH_FACTCHECK_CLAIM_REFERENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace tw::factcheck {

struct ClaimReferences {
  std::vector<std::string> cited_paths;  // in `draft` ("art28", "art24.p2"), sorted, once each
  // Canonical names ("Budapest Convention", "UN Convention against Transnational Organized
  // Crime", "International Covenant on Civil and Political Rights"), sorted, once each.
  std::vector<std::string> instruments;
  // Provisions of other instruments: "Budapest Convention#art15", sorted, once each.
  std::vector<std::string> instrument_paths;
};

// `draft` may be null (paths then come from the numbers alone). `known_instruments` are
// names from the store (InstrumentInfo::name, document titles) matched case-insensitively as
// whole words in addition to the built-in list.
ClaimReferences ResolveClaimReferences(std::string_view text, const doc::Document* draft,
                                       const std::vector<std::string>& known_instruments);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_REFERENCES_H_
