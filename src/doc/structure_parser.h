// The structure parser: SourceText -> provision tree, cross-references and warnings.
//
// It never refuses a document. Lines it cannot place become text of the current provision and
// may add a warning. Pure function: no I/O, deterministic, linear in the text size.
#ifndef TREATYWATCH_DOC_STRUCTURE_PARSER_H_
#define TREATYWATCH_DOC_STRUCTURE_PARSER_H_

#include <cstddef>
#include <vector>

#include "doc/document.h"
#include "doc/provision.h"
#include "doc/source_text.h"

namespace tw::doc {

// Limits that untrusted input controls.
struct ParseLimits {
  int max_bracket_depth = 32;          // deeper nesting is flattened, with a warning
  std::size_t max_line_bytes = 1 << 20;  // longer lines are still kept, with a warning
};

struct ParseOptions {
  ParseLimits limits;
};

struct ParsedStructure {
  Provision root;  // kind kDocument, path "", covering the whole text
  std::vector<CrossReference> references;
  std::vector<ParseWarning> warnings;
};

ParsedStructure ParseStructure(const SourceText& source, const ParseOptions& options = {});

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_STRUCTURE_PARSER_H_
