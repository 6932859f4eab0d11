// Structure cues: does a line of text start a structural element of a treaty text? Readers
// that must re-join hard-wrapped lines (txt) use these to never glue a heading, a numbered
// paragraph, a point or an option onto the line before it.
//
// Recognised, in the six UN languages where drafts use them:
//   headings  Article/Chapter/Section/Part/Annex/Appendix/Preamble (any case), French
//             Article/Chapitre/Titre/Annexe, Spanish Artículo/Capítulo/Sección/Anexo, Russian
//             Статья/Глава/Раздел/Приложение, Chinese 第…条/章/节/部分, Arabic المادة/الفصل/الباب
//             — each optionally opened by '[' as bracketed draft text is;
//   items     "1." "12." "(a)" "a)" "(i)" "(iv)" "(1)" "Option 1" and bullets (• – - *).
// Pure functions over UTF-8; thread-safe.
#ifndef TREATYWATCH_INGEST_STRUCTURE_CUES_H_
#define TREATYWATCH_INGEST_STRUCTURE_CUES_H_

#include <string_view>

namespace tw::ingest {

// A heading line: a heading keyword followed by its number ("Article 5", "CHAPTER II",
// "Article 5 bis", "Статья 3", "第五条"), short enough to be a heading and not a sentence.
bool IsHeadingLine(std::string_view line);

// A line that begins a new block whatever precedes it: a heading or an item label.
bool StartsStructuralElement(std::string_view line);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_STRUCTURE_CUES_H_
