// Synthetic documents for the store tests (the structure parser is not needed to test
// storage), and a field-by-field comparison of two documents.
#ifndef TREATYWATCH_TESTS_STORE_STORE_TEST_DOCUMENTS_H_
#define TREATYWATCH_TESTS_STORE_STORE_TEST_DOCUMENTS_H_

#include <string>
#include <string_view>

#include "doc/document.h"

namespace tw::store::testing {

// 64 lowercase hex digits derived from `seed`: distinct seeds give distinct digests.
std::string FakeSha256(std::string_view seed);

// A small convention with every field of Document set: meta (authors, instrument, session, …),
// text with accented words, spans, a tree with preamble, chapter, articles, numbered paragraphs,
// points, a sub-point, options, bracketed text and a footnote, cross-references and warnings.
// Words used by the search tests: "safeguards" (Art. 24 heading and text), "judicial review"
// (Art. 24(2)(a)), "États" (Art. 25(1)), "interception" (Art. 29(1)), "cybercrime".
doc::Document MakeSampleConvention(std::string_view symbol, std::string_view sha_seed);

// About the size of the UN convention (~130 KB of text, ~1100 provisions: 9 chapters of 7-8
// articles, each with 4 paragraphs of 3 points).
doc::Document MakeConventionSizedDocument(std::string_view sha_seed);

// A document with exactly `provisions` nodes besides the root, titled "n=<provisions>" so a
// reader can check it was stored whole.
doc::Document MakeCountedDocument(int provisions, std::string_view sha_seed);

// Nodes in the tree, the root included.
int CountProvisions(const doc::Provision& root);

// GoogleTest expectations that `actual` equals `expected` in every field, the tree compared
// node by node (each failure names the provision path).
void ExpectSameDocument(const doc::Document& expected, const doc::Document& actual);

}  // namespace tw::store::testing

#endif  // TREATYWATCH_TESTS_STORE_STORE_TEST_DOCUMENTS_H_
