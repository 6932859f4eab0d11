// CitedProvisions: the provisions of the draft under discussion that a statement names
// ("article 24", "paragraph 2 of article 24", "articles 7 to 11", "Art. 24(2)(b)").
//
// The words are read by the foundation's cross-reference extractor (doc/
// cross_reference_extractor.h) and resolved against `draft`: a reference to a provision the
// draft lacks is dropped, a point it lacks falls back to the nearest existing ancestor. Without
// a draft, paths are built from the numbers alone ("art24", "art24.p2", "art7" ... "art11").
// A statement is not inside any article, so relative words ("paragraph 2 of this article",
// "subparagraph (b)") cite nothing, and neither do references to another named instrument
// ("article 15 of the Budapest Convention"). "Of the Convention", "of this Convention" and "of
// the draft convention" (any instrument named with the word "draft") mean the draft.
//
// Pure; thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_CITED_PROVISIONS_H_
#define TREATYWATCH_NEGOTIATION_CITED_PROVISIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace tw::negotiation {

// Provision paths, sorted as strings, each once. `draft` may be null.
std::vector<std::string> CitedProvisions(std::string_view text, const doc::Document* draft);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_CITED_PROVISIONS_H_
