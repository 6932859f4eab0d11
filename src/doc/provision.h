// Provision: one node of a document's structure tree, and the things found inside it.
//
// Paths are stable, short and independent of where an article sits in the chapter tree, so a
// citation survives an article moving between chapters:
//   preamble, preamble.u3         preamble and its 3rd (unnumbered) paragraph
//   part1, ch2, ch2.sec1, ch2.sec1.title3   structural divisions (they nest)
//   art7, art5bis                 articles (never prefixed by their chapter)
//   art7.p1, art7.p1.a, art7.p1.a.i   numbered paragraph, point, sub-point
//   art7.u2                       2nd unnumbered paragraph of an article
//   art7.opt1                     "Option 1" of an article with alternatives
//   closing                       final clause after the last article ("IN WITNESS WHEREOF")
//   fn1                           footnote 1
//   annex, annex2                 annexes; everything inside is prefixed: annex.art7.p1
// Unique within a document. Offsets are byte offsets into the document's stored text.
#ifndef TREATYWATCH_DOC_PROVISION_H_
#define TREATYWATCH_DOC_PROVISION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::doc {

enum class ProvisionKind {
  kDocument,  // the root
  kPreamble,
  kPart,
  kChapter,
  kSection,
  kTitle,  // a subdivision under a section ("TITLE 1" in the Budapest Convention)
  kArticle,
  kParagraph,    // numbered "1."
  kPoint,        // "(a)" or "a)"
  kSubpoint,     // "(i)"
  kUnnumbered,   // an unnumbered paragraph
  kOption,       // "Option 1" alternative text
  kClosing,      // final clause after the last article
  kFootnote,
  kAnnex,
};

std::string_view ProvisionKindName(ProvisionKind kind);  // "article", "paragraph", ...
bool ParseProvisionKind(std::string_view name, ProvisionKind* kind);

// A square-bracketed span: offsets of '[' and one past ']'; depth 1 is outermost.
struct BracketSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  int depth = 1;
};

struct Provision {
  std::string path;     // see above; empty for the root
  ProvisionKind kind = ProvisionKind::kDocument;
  std::string num;      // designation as printed, without decoration: "13", "5 bis", "2", "a", "ii"
  std::string label;    // exactly as printed: "Article 13.", "1.", "(a)", "a)"
  std::string heading;  // "Statement of purpose"; empty when none
  std::string text;     // own text only (children excluded), blocks joined by '\n'
  std::size_t begin = 0;  // byte range of the whole provision, children included
  std::size_t end = 0;
  int page_first = 0;     // 0 when the source has no pages
  int page_last = 0;
  std::vector<BracketSpan> brackets;  // in own text and children's, document offsets
  std::vector<Provision> children;
};

// Depth-first search by path; nullptr when absent. Borrowed pointer into `root`.
const Provision* FindProvision(const Provision& root, std::string_view path);

// Calls `visit(provision, depth)` for every node in document order, root at depth 0.
template <typename Visit>
void VisitProvisions(const Provision& root, Visit&& visit, int depth = 0) {
  visit(root, depth);
  for (const Provision& child : root.children) VisitProvisions(child, visit, depth + 1);
}

// "Art. 24(2)(b)" for art24.p2.b; "Preamble, para. 3"; "Chapter II"; "Annex, Art. 7(1)".
std::string CitationLabel(const Provision& root, std::string_view path);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_PROVISION_H_
