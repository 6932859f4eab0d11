// Compact JSON encodings of the list-valued parts of a Document that every backend stores in a
// single column: source spans, bracket spans and cross-reference targets. Shared so that a
// database written by one backend and exported to another reads the same.
//
//   spans     [[text_begin, source_begin, page], ...]
//   brackets  [[begin, end, depth], ...]
//   targets   ["art24.p2", ...]
//
// Arrays of arrays rather than objects: a PDF has thousands of spans, and keys would triple
// the column's size. Decoding validates shape and ranges and never throws: a damaged column
// becomes DataLoss naming `what` (e.g. "document 7 spans"), so a corrupt row cannot crash a
// reader. Pure functions; thread-safe.
#ifndef TREATYWATCH_STORE_DOCUMENT_CODEC_H_
#define TREATYWATCH_STORE_DOCUMENT_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/provision.h"
#include "doc/source_text.h"

namespace tw::store {

std::string EncodeSpans(const std::vector<doc::SourceSpan>& spans);
absl::StatusOr<std::vector<doc::SourceSpan>> DecodeSpans(std::string_view json,
                                                         std::string_view what);

std::string EncodeBrackets(const std::vector<doc::BracketSpan>& brackets);
absl::StatusOr<std::vector<doc::BracketSpan>> DecodeBrackets(std::string_view json,
                                                             std::string_view what);

std::string EncodeTargets(const std::vector<std::string>& targets);
absl::StatusOr<std::vector<std::string>> DecodeTargets(std::string_view json,
                                                       std::string_view what);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_DOCUMENT_CODEC_H_
