// Line classifier: what one line of a SourceText is, judged from the line alone.
//
// Lines are blocks (see source_text.h), so a line is either a heading ("Chapter II",
// "Article 5 bis", "[Article 5", "Article 5. Criminalisation", "第五条", "المادة ٥"), a labelled
// block ("1. Each State Party...", "(a) ...", "ii) ...", "3."), an option marker ("Option 1",
// "[Alt. 2"), a formula, or plain text. Context-dependent decisions (is "(i)" a letter? is the
// next line a heading? does a preamble start here?) belong to the structure parser; this file
// only reports what the line could be, with the parts of it the parser needs.
//
// Cost: looks at a bounded prefix of the line plus its last bytes, so classifying is O(1) per
// line beyond the scan that found it. Pure; thread-safe.
#ifndef TREATYWATCH_DOC_LINE_CLASSIFIER_H_
#define TREATYWATCH_DOC_LINE_CLASSIFIER_H_

#include <cstddef>
#include <string_view>

namespace tw::doc {

enum class LineKind {
  kText,
  kDash,  // "– item", "- item", "• item": an unlabelled list item
  kPart,
  kChapter,
  kSection,
  kTitle,
  kArticle,
  kArticleGroup,  // "Articles 23 and 35, with regard to ..." (notes on several articles)
  kAnnex,
  kPreambleHeading,  // "Preamble"
  kOption,           // "Option 1", "[Option 2", "Alt. 1", "Alternative A"
  kNumbered,         // "1.", "1 bis.", "12. Decides ..."
  kLabelled,         // "(a)", "a)", "(ii)", "(aa)": letter or roman, decided in context
  kClosing,          // "IN WITNESS WHEREOF", "DONE at"
  kMeeting,          // "55th plenary meeting"
  kEnacting,         // "Have agreed as follows:"
};

// Offsets are relative to the start of the line.
struct LineInfo {
  LineKind kind = LineKind::kText;
  std::size_t label_begin = 0;  // after leading "[" and spaces (bracket_prefix bytes)
  std::size_t label_end = 0;    // label = [label_begin, label_end): "Article 13.", "(a)", "1."
  std::size_t rest = 0;         // first byte after label and separator; line size if none
  std::size_t num_begin = 0;    // designation as printed: "13", "5 bis", "I", "五", "a"
  std::size_t num_end = 0;
  int value = 0;                 // arabic value (0 for labelled tokens and plain text)
  std::string_view suffix;       // "bis", "ter", "a" ("12A"); empty when none
  bool bracketed = false;        // the label is preceded by '['
  bool qualified = false;        // "Article 2 (proposed)": an excerpt, not a full numbering
  bool paren_label = false;      // "(a)" rather than "a)"
  bool rest_is_heading = false;  // heading text follows the number on the same line
  // Flags for plain-text lines the parser reads in context.
  bool title_like = false;          // short, no sentence-final punctuation (front matter, headings)
  bool heading_like = false;        // title_like, shorter, not starting lowercase
  bool opener_like = false;         // "The States Parties to the present Convention,"
  bool resolution_number = false;   // "79/243. Title": num = "79/243"
  bool structural_looking = false;  // starts with a heading word but did not parse as one
};

// Classifies one line (no '\n'). Never fails: unknown lines are kText.
LineInfo ClassifyLine(std::string_view line);

// Whether `line` is a run of at least five underscores (the footnote separator).
bool IsFootnoteSeparator(std::string_view line);

// "[12] body" -> 12 and the offset of "body"; 0 when the line is not a footnote body.
int FootnoteBodyNumber(std::string_view line, std::size_t* body_begin);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_LINE_CLASSIFIER_H_
