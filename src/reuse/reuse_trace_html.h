// The HTML of `treatywatch trace --format html` (issue 8): the whole draft, provision by
// provision, with every reused passage marked in the colour of the source it is attributed to,
// for an observer to read, print or send on. One standalone page on the shared report shell
// (compare/html_page.h: inline style, no script, no request, print rules, a phone viewport):
//   - a summary (passages, reused words of all words, sources) and a legend: one key per source
//     that is attributed a passage, with its symbol, title, date, the draft words it is credited
//     with and their share of the draft;
//   - the draft's text, one section per unit a passage may not cross (reuse/reuse_trace.h:
//     articles, the preamble, annex provisions), text between units (titles, chapter headings)
//     as it stands, each passage in a <mark> with its source's number and a tooltip naming the
//     source provision, the similarity and the other candidates;
//   - below each section, the passages in words: "N words ← Source, Art. X (date, NN % alike)",
//     and the other sources holding them.
// A source is told by its colour, its underline pattern and its number together, so the page
// reads without colour (colour-blind readers, black-and-white print). Document text reaches the
// page only through compare::Esc.
//
// Pure function; thread-safe. `trace` must come from TraceReuse on `draft` and `sources`.
#ifndef TREATYWATCH_REUSE_REUSE_TRACE_HTML_H_
#define TREATYWATCH_REUSE_REUSE_TRACE_HTML_H_

#include <string>
#include <vector>

#include "doc/document.h"
#include "reuse/reuse_trace.h"

namespace tw::reuse {

std::string ReuseTraceToHtml(const ReuseTrace& trace, const doc::Document& draft,
                             const std::vector<const doc::Document*>& sources);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_REUSE_TRACE_HTML_H_
