// Units: what a comparison aligns — the preamble, every article (annex articles included), the
// closing formula; for a text without articles (a resolution), its top-level paragraphs. Each
// unit carries its canonical rendering: the lines a reader sees, without the "Article N" label
// (numbers are compared separately, so a renumbered article reads as unchanged words):
//
//   Illegal access                      <- heading, when there is one
//   1. Each State Party shall adopt …   <- "label text" for every paragraph, point, option
//   (a) …
//
// Every line remembers the provision it came from, so a change found at an offset of the
// rendering can be cited by path. Units borrow the document's provisions: the Document must
// outlive them.
#ifndef TREATYWATCH_COMPARE_UNIT_TEXT_H_
#define TREATYWATCH_COMPARE_UNIT_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "doc/document.h"

namespace tw::compare {

struct UnitLine {
  std::size_t begin = 0;  // offsets into Unit::text, end excludes the '\n'
  std::size_t end = 0;
  const doc::Provision* provision = nullptr;
  int depth = 0;          // 0 for the unit's own heading and text, 1 for its children, …
};

struct Unit {
  const doc::Provision* provision = nullptr;
  std::string citation;  // "Art. 5", "Preamble"
  std::string chapter;   // "Chapter II Criminalization"; empty when none
  std::string text;      // canonical rendering
  std::vector<UnitLine> lines;
  bool is_article = false;
};

// Renders `node` and its descendants; the node's own heading is the first line when
// `with_heading`.
void RenderProvision(const doc::Provision& node, bool with_heading, Unit& unit);

std::vector<Unit> ExtractUnits(const doc::Document& document);

// The provision whose line holds offset `at` of the unit's text (the deepest one); the unit's
// own provision when `at` is on its heading.
const doc::Provision* ProvisionAt(const Unit& unit, std::size_t at);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_UNIT_TEXT_H_
