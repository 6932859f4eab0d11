// The words of a document as text reuse compares them: token ids from a TokenTable shared by
// every document of one trace (so equal words have equal ids across documents, after case
// folding; compare/word_tokens.h), with each word's byte range in the document's stored text,
// from which passages get their character offsets. Punctuation and spacing are not words:
// reworded copies often change them, and a passage is measured in words.
#ifndef TREATYWATCH_REUSE_WORD_SEQUENCE_H_
#define TREATYWATCH_REUSE_WORD_SEQUENCE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "compare/word_tokens.h"

namespace tw::reuse {

struct WordSequence {
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> begin;  // byte offsets of word k: [begin[k], end[k])
  std::vector<std::uint32_t> end;

  std::size_t size() const { return ids.size(); }
};

WordSequence ReadWords(std::string_view text, compare::TokenTable& table);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_WORD_SEQUENCE_H_
