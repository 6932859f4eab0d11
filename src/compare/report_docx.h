// RenderDocx: a comparison as a Word document with real tracked changes, for lawyers who work in
// Word or LibreOffice and want to accept or reject each change.
//
// On top, untracked: a title, the two texts compared, the summary sentence and table, and how to
// read the rest. Then the tracked text, between the bookmarks "TrackedText": the units in the order
// of the later text, each its number line ("Article 5") and its canonical lines, with every
// difference a revision by author "treatywatch":
//   * words: w:ins / w:del runs (w:delText inside w:del); a paragraph break only one text has
//     is a revision of the paragraph mark (w:pPr/w:rPr/w:ins or w:del), so that accepting every
//     change gives the later text exactly and rejecting every change gives the earlier one;
//   * number lines: "Article <del>5</del><ins>6</ins>" for a renumbering, all inserted for a new
//     unit, all deleted (text too) for a deleted one;
//   * moves: the later text at the new place inside w:moveTo (its rewording as w:ins), the
//     earlier text at the old place (compare/old_places.h) inside w:moveFrom, the two ranges
//     tied by w:moveFromRangeStart / w:moveToRangeStart of the same w:name ("move1"); the
//     paragraph marks at the old place are plain deletions, which LibreOffice handles better.
// A Word comment on each changed unit's number line says what happened ("Moved, Renumbered,
// Amended; similarity 78%; Moved from Chapter I … to Chapter III …; brackets …"), so the
// explanations never mix with the treaty text. Units whose words did not change carry no text in a
// Comparison, so they appear by their number line only.
//
// Deterministic: revisions are dated by the later text's date (else 2000-01-01), ids are counted in
// document order and the zip has fixed timestamps. Text is cleaned of what XML 1.0 forbids
// (compare/printable_text.h). Pure function; thread-safe.
#ifndef TREATYWATCH_COMPARE_REPORT_DOCX_H_
#define TREATYWATCH_COMPARE_REPORT_DOCX_H_

#include <string>

#include "absl/status/statusor.h"
#include "compare/comparison.h"

namespace tw::compare {

// The bytes of a .docx file; Internal when the zip cannot be assembled.
absl::StatusOr<std::string> RenderDocx(const Comparison& comparison);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_DOCX_H_
