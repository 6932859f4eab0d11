#include "reuse/word_sequence.h"

namespace tw::reuse {

WordSequence ReadWords(std::string_view text, compare::TokenTable& table) {
  WordSequence words;
  for (const compare::Token& token : compare::Tokenize(text, table)) {
    if (token.cls != compare::TokenClass::kWord) continue;
    words.ids.push_back(token.id);
    words.begin.push_back(token.begin);
    words.end.push_back(token.end);
  }
  return words;
}

}  // namespace tw::reuse
