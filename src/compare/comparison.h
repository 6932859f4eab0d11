// Comparison: what changed between two versions of a text, described the way a negotiator
// would ("Art. 5 became Art. 6 and its paragraph 2 now reads …", "Art. 14 was split into
// Arts. 14 and 15", "brackets around 'serious crime' removed").
//
// A Comparison is a plain value produced by CompareDocuments (compare/compare.h) and consumed
// by the renderers (JSON, text, Markdown, HTML, DOCX). It owns all its strings and refers to
// neither document, so it outlives them and can be rendered anywhere.
//
// Change kinds use Akoma Ntoso's vocabulary (substitution, insertion, repeal, renumbering,
// split, join) plus `move` and `unchanged`. One ArticleChange describes one unit — the
// preamble, an article, the closing formula — and its headline kind is the most telling of
// what happened to it, in this order: split/join > insertion/repeal > move > substitution >
// renumbering > unchanged. The facets (`moved`, `renumbered`, `text_changed`) keep the rest:
// an article can be moved, renumbered and reworded at once.
#ifndef TREATYWATCH_COMPARE_COMPARISON_H_
#define TREATYWATCH_COMPARE_COMPARISON_H_

#include <string>
#include <string_view>
#include <vector>

namespace tw::compare {

enum class ChangeKind {
  kUnchanged,     // same number, same words
  kRenumbering,   // number changed, same words
  kSubstitution,  // words changed (the number may have changed too)
  kMove,          // out of the old order (outside the longest run kept in order)
  kSplit,         // one old unit became several new ones
  kJoin,          // several old units became one new one
  kInsertion,     // new
  kRepeal,        // deleted
};

// "unchanged", "renumbering", "substitution", "move", "split", "join", "insertion", "repeal".
std::string_view ChangeKindName(ChangeKind kind);

enum class OpKind { kEqual, kInsert, kDelete };

// "eq", "ins", "del".
std::string_view OpKindName(OpKind kind);

// One run of a word-level redline. Concatenating the texts of eq+del ops gives the old text,
// of eq+ins ops the new text, both in the canonical rendering of a unit (compare/unit_text.h):
// lines joined by '\n' — the heading first when there is one, then every paragraph, point and
// option as "label text" ("1. Each State Party…", "(a) …", "Option 1"), in document order.
// The "Article N" label is not part of it: numbers are reported in old_num/new_num. A '\n'
// may sit inside any op (a paragraph break inserted or deleted).
struct DiffOp {
  OpKind op = OpKind::kEqual;
  std::string text;
};

// Square brackets mark text not yet agreed. Removing them (the words stay) means the text was
// agreed; adding them around words that stay means it became disputed again.
enum class BracketChangeKind {
  kAgreed,    // brackets removed, the words kept
  kDisputed,  // brackets added around words that were already there
  kDropped,   // the bracketed words were deleted with their brackets
  kAdded,     // new words arrived already in brackets
};

// "agreed", "disputed", "dropped", "added".
std::string_view BracketChangeKindName(BracketChangeKind kind);

struct BracketChange {
  BracketChangeKind kind = BracketChangeKind::kAgreed;
  std::string text;      // the words inside the brackets, brackets excluded
  std::string old_path;  // provision holding them in the old text; empty for kAdded
  std::string new_path;  // in the new text; empty for kDropped
};

// A paragraph, point or option inside a compared unit, or one that migrated between units.
struct ProvisionChange {
  ChangeKind kind = ChangeKind::kUnchanged;
  std::vector<std::string> old_paths;  // "art5.p2"; empty for an insertion
  std::vector<std::string> new_paths;  // empty for a repeal
  std::string old_num;                 // "2", "b"; empty when absent
  std::string new_num;
  double similarity = 1.0;  // 0..1; 1 for identical words
  std::vector<DiffOp> ops;  // empty for unchanged
};

// One unit of the comparison: the preamble, an article, or the closing formula.
struct ArticleChange {
  ChangeKind kind = ChangeKind::kUnchanged;
  bool moved = false;
  bool renumbered = false;
  bool text_changed = false;
  // The words changed only where cross-reference numbers follow the renumbering ("articles 5
  // to 14" → "articles 7 to 16" when articles 5 to 14 became 7 to 16): a consequential edit,
  // not a change of substance; the kind stays renumbering or unchanged.
  bool references_renumbered = false;
  std::vector<std::string> old_paths;  // "art5"; several for a join, empty for an insertion
  std::vector<std::string> new_paths;  // several for a split, empty for a repeal
  std::string old_num;                 // "5", "5 bis"; "14, 15" for a join
  std::string new_num;                 // "14, 15" for a split
  std::string old_citation;            // "Art. 5"; "Preamble"; "Arts. 14 and 15"
  std::string new_citation;
  std::string old_heading;             // of the first old unit
  std::string new_heading;
  std::string old_chapter;             // "Chapter II Criminalization"; empty when none
  std::string new_chapter;
  double similarity = 1.0;  // 0..1, weighted word alignment (compare/similarity.h)
  std::vector<DiffOp> ops;  // redline over the whole unit; empty when the words are the same
  // Where the unit stood among the compared units (0-based, preamble and closing included) in
  // each text; -1 when absent. A move is reported once, at its new place; renderers that show
  // the old place too (DOCX w:moveFrom, HTML links) put it after the unit whose old_position
  // is one less.
  int old_position = -1;
  int new_position = -1;
  std::vector<BracketChange> brackets;
  std::vector<ProvisionChange> provisions;  // paragraph and point changes inside; only changed
  int words_old = 0;        // words of the unit in the old text
  int words_new = 0;
  int words_deleted = 0;    // words in del ops
  int words_inserted = 0;   // words in ins ops
};

struct ComparisonSummary {
  int articles_old = 0;
  int articles_new = 0;
  int unchanged = 0;   // articles with the same number and words
  int modified = 0;    // articles matched one to one whose words changed (beyond references)
  int renumbered = 0;  // matched articles whose number changed
  int moved = 0;
  int inserted = 0;
  int deleted = 0;
  int split = 0;   // old articles split
  int merged = 0;  // new articles made by a join
  int brackets_old = 0;  // square-bracket pairs in the old text (footnote markers excluded)
  int brackets_new = 0;
  // 100 × (words deleted + words inserted) / (words old + words new): 0 for identical texts,
  // 100 for texts with no word in common.
  double words_changed_pct = 0;
};

// Who was compared with whom, as a report's title block cites them.
struct ComparedDocument {
  long long id = 0;       // store id; 0 when read from a file
  std::string cite;       // symbol, else title, else file name
  std::string title;
  std::string date;       // YYYY-MM-DD or empty
  int version = 0;        // in its instrument's chain; 0 if none
};

struct Comparison {
  ComparedDocument old_doc;
  ComparedDocument new_doc;
  ComparisonSummary summary;
  // In the order of the new text; a repealed unit comes where it stood in the old text.
  std::vector<ArticleChange> changes;
  // Paragraphs that left one article for another (kind kMove, old and new paths in different
  // articles), in new-text order.
  std::vector<ProvisionChange> migrations;
};

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_COMPARISON_H_
