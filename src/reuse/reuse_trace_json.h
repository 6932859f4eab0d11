// The JSON of `treatywatch trace --format json` (issue 8's schema): one object per passage with
// offsets into each document's stored text, the text `show DOC --json` returns.
//   {"draft": {...}, "sources": [...], "summary": {...},
//    "passages": [{"draft_unit", "draft_path", "draft_start", "draft_end", "source", "source_id",
//                  "source_path", "source_start", "source_end", "words", "similarity",
//                  "candidates": [{"source", "source_id", "source_path", "source_start",
//                                  "source_end", "words", "similarity"}]}]}
#ifndef TREATYWATCH_REUSE_REUSE_TRACE_JSON_H_
#define TREATYWATCH_REUSE_REUSE_TRACE_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "doc/document.h"
#include "reuse/reuse_trace.h"

namespace tw::reuse {

nlohmann::json ReuseTraceToJson(const ReuseTrace& trace, const doc::Document& draft,
                                const std::vector<const doc::Document*>& sources);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_REUSE_TRACE_JSON_H_
