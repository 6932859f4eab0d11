// Test helpers for the structure parser: text -> SourceText the way the txt reader builds it
// (one block per non-blank line, trimmed), corpus files, and lookups that fail the test
// readably instead of crashing on a missing provision.
#ifndef TREATYWATCH_TESTS_DOC_PARSE_FIXTURE_H_
#define TREATYWATCH_TESTS_DOC_PARSE_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "doc/provision.h"
#include "doc/source_text.h"
#include "doc/structure_parser.h"

namespace tw::doc::testing {

// Drops blank lines and trims spaces, tabs and CRs; one span at offset 0, page 0.
SourceText SourceFromText(std::string_view text);

// The bytes of a file of the shared corpus (TW_CORPUS_DIR); fails the test if unreadable.
std::string ReadCorpusFile(const std::string& name);

ParsedStructure ParseText(std::string_view text);

// The provision at `path`, or a static empty provision after an ADD_FAILURE naming the path.
const Provision& At(const ParsedStructure& parsed, std::string_view path);

// Paths of `parent`'s children of `kind`, in order.
std::vector<std::string> ChildPaths(const Provision& parent, ProvisionKind kind);

// Every provision of `kind` in document order.
std::vector<const Provision*> AllOfKind(const Provision& root, ProvisionKind kind);

// Path of the nearest ancestor of `path` with `kind` ("" if none).
std::string AncestorOfKind(const Provision& root, std::string_view path, ProvisionKind kind);

// Warnings that matter, as "line N: message" lines, for failure output.
std::string MatteringWarnings(const ParsedStructure& parsed);

// The references held by `from_path` whose words are `text`.
std::vector<const CrossReference*> ReferencesFrom(const ParsedStructure& parsed,
                                                  std::string_view from_path,
                                                  std::string_view text = {});

}  // namespace tw::doc::testing

#endif  // TREATYWATCH_TESTS_DOC_PARSE_FIXTURE_H_
