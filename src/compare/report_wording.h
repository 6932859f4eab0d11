// Report wording: what every report of a comparison (Markdown, HTML, DOCX) says, in the words a
// policy analyst uses — "Renumbered", "Moved from Chapter I … to Chapter III …", "Split into Arts.
// 4 and 5", "Brackets removed (agreed)" — so that the three reports say the same thing the same
// way. Returned strings are plain text (not escaped) and may contain document text.
//
// Pure functions; thread-safe.
#ifndef TREATYWATCH_COMPARE_REPORT_WORDING_H_
#define TREATYWATCH_COMPARE_REPORT_WORDING_H_

#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"

namespace tw::compare {

// "Unchanged", "Renumbered", "Amended", "Moved", "Split", "Merged", "New", "Deleted".
std::string_view KindLabel(ChangeKind kind);

// Everything that happened to the unit, headline kind first: {kMove, kRenumbering, kSubstitution}
// for an article moved, renumbered and reworded ("Moved", "Renumbered", "Amended").
std::vector<ChangeKind> Facets(const ArticleChange& change);

// True when the unit stands under a different citation in each text ("Art. 5" → "Art. 6").
bool CitationChanged(const ArticleChange& change);

// "Art. 5 → Art. 6" when the citation changed, else the one citation ("Art. 3" for a new one).
std::string ChangeTitle(const ArticleChange& change);

// Units a report lists on one line instead of in full: unchanged, or only renumbered (its
// cross-references following the new numbers at most).
bool ListedCompactly(const ArticleChange& change);

// "Moved from Chapter I General provisions to Chapter III Jurisdiction"; "" when the chapter is the
// same or the unit is in one text only.
std::string ChapterNote(const ArticleChange& change);

// "Split into Arts. 4 and 5", "Merged from Arts. 6 and 7"; "" for other kinds.
std::string PartsNote(const ArticleChange& change);

// Where a unit stood in the old text, by its old neighbours: "between Art. 3 and Art. 5", "after
// Art. 6", "before Art. 1"; "" when it has no old place or no neighbour.
std::string FormerPlace(const Comparison& comparison, const ArticleChange& change);

// What a report says about a changed unit, one plain sentence each: the story
// (compare/change_description.h), then chapter, former place, old heading, similarity and length.
std::vector<std::string> ChangeNotes(const Comparison& comparison, const ArticleChange& change);

// Length in words: "45 → 51 words"; "51 words, all new"; "45 words, all deleted".
std::string WordsNote(const ArticleChange& change);

// "Brackets removed (agreed)", "Brackets added (disputed)", "Bracketed text deleted", "New
// bracketed text".
std::string_view BracketChangeLabel(BracketChangeKind kind);

// A provision path (doc/provision.h) as a citation, read from the path alone: "art5.p2.b" → "Art.
// 5(2)(b)", "art5bis" → "Art. 5 bis", "preamble.u3" → "Preamble, unnumbered para. 3", "art7.opt1" →
// "Art. 7, Option 1". A path it cannot read is returned as is.
std::string ProvisionCitation(std::string_view path);

// Citations of several paths: "Art. 4(1)", "Art. 4(1) and Art. 4(2)", "A, B and C".
std::string ProvisionCitations(const std::vector<std::string>& paths);

// "Art. 4(1) → Art. 7(1)", "Art. 1(c)" — where a paragraph stood and stands.
std::string ProvisionTitle(const ProvisionChange& change);

// A 0..1 share as a whole percentage that never rounds a change away: "87%", "<1%", "99%" for
// 0.996, "100%" only for 1.
std::string Percent(double share);

// True for "YYYY-MM-DD" with a month 01..12 and a day 01..31.
bool IsIsoDate(std::string_view date);

// "29 May 2023" for "2023-05-29"; anything else is returned as is.
std::string DisplayDate(std::string_view iso_date);

// The document's symbol, else its title, else "(unnamed text)".
std::string ShortName(const ComparedDocument& document);

// "A/AC.291/22 of 29 May 2023 (version 3)".
std::string DocumentLine(const ComparedDocument& document);

struct SummaryRow {
  std::string label;  // "Articles amended (wording changed)"
  std::string value;  // "12", "14.2%"
};

// The summary sentence (DescribeSummary, compare/change_description.h) with a full stop, its
// percentage held to 0..100 whatever the input says.
std::string SummarySentence(const ComparisonSummary& summary);

// Every field of ComparisonSummary, labelled, in reading order.
std::vector<SummaryRow> SummaryRows(const ComparisonSummary& summary);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_WORDING_H_
