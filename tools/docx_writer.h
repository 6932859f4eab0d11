// DOCX fixture writer: our canonical text (one block per line, as ReadPlainText gives it) ->
// a real Word document that Word and LibreOffice open, built the way Word builds one, so the
// DOCX reader is tested against real structures rather than against text in a zip:
//
//   * numbered paragraphs "1. ", points "(a) ", sub-points "(i) " and "a) " items become Word
//     automatic numbering (w:numPr; the label is removed from the text). A multi-level list
//     ("%1." decimal, "(%2)" lowerLetter, "(%3)" lowerRoman) and a single-level one ("%1)")
//     serve all lists; whenever Word's counters would not print the label the text has (a new
//     article's "1.", a list starting at "3."), a new w:num with w:startOverride starts a list.
//     "(i)" is a letter after "(h)" and a Roman numeral otherwise, likewise for "(v)", "(x)".
//   * "Chapter ..." and "Article ..." lines take Heading styles with their text kept as is
//     ("Article 5 bis", "Article 13." survive); the line after a heading, its title, too.
//   * inline "[n]" markers become real footnotes (w:footnoteReference + footnotes.xml) when the
//     text ends with the footnote separator line and bodies "[1] ...", "[2] ..." that the body
//     refers to once each, in order; otherwise the markers and bodies stay text.
//   * WriteTrackedDocx writes `base` with the differences to `revised` as tracked changes
//     (paragraphs aligned by a line LCS, changed paragraphs word-diffed into w:ins/w:del,
//     added and removed paragraphs with their paragraph marks marked), so that accepting all
//     changes gives `revised` and rejecting them gives `base`. Numbering is planned for both
//     views at once; a label that differs between the views stays text inside the diff.
//     Footnotes stay text in this mode.
//
// Pure functions (libzip in memory); thread-safe.
#ifndef TREATYWATCH_TOOLS_DOCX_WRITER_H_
#define TREATYWATCH_TOOLS_DOCX_WRITER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "compare/ooxml_writer.h"

namespace tw::tools {

// Returns the bytes of a .docx file.
absl::StatusOr<std::string> WriteDocx(const std::vector<std::string>& lines);
absl::StatusOr<std::string> WriteTrackedDocx(const std::vector<std::string>& base,
                                             const std::vector<std::string>& revised);

// Bundles named parts into a DOCX (zip) — also used by tests to build hand-written documents.
using ::tw::compare::DocxPart;
using ::tw::compare::ZipParts;

}  // namespace tw::tools

#endif  // TREATYWATCH_TOOLS_DOCX_WRITER_H_
