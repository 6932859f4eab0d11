// Bracket changes: square brackets mark text still under negotiation, so their removal is
// news in itself ("brackets around 'serious crime' removed — agreed"). Found from the token
// correspondence of the word diff: a bracket pair of the old text whose two brackets have no
// counterpart while most of the words inside do was lifted (agreed); the symmetric case in the
// new text was imposed (disputed); a pair gone with its words was dropped; a pair arriving with
// new words was added. Footnote markers ("[1]") are not brackets.
//
// Pure.
#ifndef TREATYWATCH_COMPARE_BRACKET_CHANGES_H_
#define TREATYWATCH_COMPARE_BRACKET_CHANGES_H_

#include <vector>

#include "compare/comparison.h"
#include "compare/unit_text.h"
#include "compare/word_tokens.h"

namespace tw::compare {

// A pair whose words are at least this much kept counts as agreed/disputed, not dropped/added.
inline constexpr double kBracketWordsKept = 0.5;

// `new_of_old` maps old tokens to equal new tokens (TokenCorrespondence), -1 when deleted.
std::vector<BracketChange> FindBracketChanges(const Unit& old_unit,
                                              const std::vector<Token>& old_tokens,
                                              const Unit& new_unit,
                                              const std::vector<Token>& new_tokens,
                                              const std::vector<int>& new_of_old);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_BRACKET_CHANGES_H_
