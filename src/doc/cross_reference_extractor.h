// Cross-references: the words inside a provision that point at other provisions, and what they
// point at.
//
// Two stages, so that each is testable alone:
//   1. FindReferences reads one block of text and returns what it says, syntactically:
//        "article 24" "articles 7 to 11" "articles 7, 8 and 10" "article 2 (e)" "Art. 24(2)(b)"
//        "article 24, paragraph 2" "articles 57, paragraph 5 (g), 61 and 62"
//        "paragraph 2 of this article" "paragraphs 1 and 2 of this article" "paragraph 3 above"
//        "paragraph 1 (a) (ii) of this article" "paragraph 2 (a) to (c) of this article"
//        "paragraph 2 of article 2" "subparagraph (b) of this paragraph"
//        "subparagraph (a) of paragraph 1 of this article"
//        "... of this Convention" / "of the present Protocol" (this instrument),
//        "... of the Convention" (the instrument a resolution annexes, or another one),
//        "... of the Budapest Convention", "... of the International Covenant on Civil and
//        Political Rights", "... of resolution 74/247" (another instrument).
//      A list followed by " and " and a qualified reference shares its qualifier ("Articles 14
//      to 21 and Articles 23 to 35 of the Convention"). Only English wording is read.
//   2. ResolveReference turns that into provision paths, relative forms against the provision
//      that holds the reference, ranges in document order (so "articles 5 to 6" includes
//      "5 bis"). A target that does not exist is reported back so the parser can say so; a
//      point that does not exist resolves to its nearest existing ancestor (never above the
//      article or paragraph the words name).
//
// Expansion is bounded (kMaxTargetsPerReference). Pure; thread-safe.
#ifndef TREATYWATCH_DOC_CROSS_REFERENCE_EXTRACTOR_H_
#define TREATYWATCH_DOC_CROSS_REFERENCE_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::doc {

// "articles 1 to 99999" is a typo or an attack, not 99999 targets.
inline constexpr std::size_t kMaxTargetsPerReference = 200;

// One named target: any of its levels may be empty when the words start lower down.
struct ReferenceItem {
  std::string article;              // path number: "24", "5bis"
  std::string article_to;           // non-empty: a range of articles from `article` to this
  std::string paragraph;            // "2", "1bis"
  std::vector<std::string> points;  // "a", "ii"
};

enum class ReferenceBase {
  kArticles,    // items name articles (absolute within an instrument)
  kParagraphs,  // items start at paragraph level: paragraphs of the enclosing article
  kPoints,      // items are points of the enclosing paragraph
};

enum class InstrumentScope {
  kUnqualified,  // no "of ..." words: this document
  kThis,         // "of this Convention", "of the present Protocol"
  kGeneric,      // "of the Convention" / "of the Protocol": an annexed instrument or another one
  kNamed,        // "of the Budapest Convention": another instrument
};

struct RawReference {
  std::size_t begin = 0;  // offsets in the text given to FindReferences, plus its `offset`
  std::size_t end = 0;
  std::vector<ReferenceItem> items;
  ReferenceBase base = ReferenceBase::kArticles;
  InstrumentScope scope = InstrumentScope::kUnqualified;
  std::string instrument;  // as printed, without "the": "Budapest Convention", "Convention"
  bool truncated = false;  // a range was longer than kMaxTargetsPerReference
};

// Finds the references in one block; offsets are `offset` + position in `text`.
std::vector<RawReference> FindReferences(std::string_view text, std::size_t offset);

// Where the provision holding a reference sits, as paths.
struct ReferenceContext {
  std::string container_prefix;  // "" or "annex." / "annex2."
  bool container_has_articles = false;
  // Paragraph parents to try for "paragraph N": "art24." (or "art5.opt1." then "art5."), or the
  // container prefix outside articles.
  std::vector<std::string> paragraph_bases;
  // The provision whose points "subparagraph (b)" names ("art14.p1"); empty when none.
  std::string list_path;
  // The container "the Convention" names when this document annexes it ("annex."), found by
  // the parser; empty when none, and then "the Convention" is another instrument.
  std::string generic_prefix;
  bool has_generic = false;
};

// The tree as resolution sees it.
class ProvisionLookup {
 public:
  virtual ~ProvisionLookup() = default;
  virtual bool Exists(std::string_view path) const = 0;
  // Article path numbers ("7", "7bis") of the container with `prefix`, in document order.
  virtual const std::vector<std::string>& ArticleNumbers(std::string_view prefix) const = 0;
};

struct ResolvedReference {
  std::vector<std::string> targets;
  std::string instrument;                 // non-empty: targets are paths in that instrument
  std::vector<std::string> missing;       // paths named in this document that do not exist
  std::vector<std::string> approximated;  // "art2.e -> art2": resolved to an ancestor
};

ResolvedReference ResolveReference(const RawReference& reference, const ReferenceContext& context,
                                   const ProvisionLookup& lookup);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_CROSS_REFERENCE_EXTRACTOR_H_
