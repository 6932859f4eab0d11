// Consequential renumbering: when articles are renumbered, the chair's next draft updates every
// cross-reference ("articles 5 to 14" → "articles 7 to 16"). Such an edit changes words but
// not substance; negotiators call the article "renumbered", not "amended". This recognises it:
// the two texts have the same tokens one for one, except plain numbers that the article
// mapping turns into each other.
//
// Compared token by token rather than through the diff, because a diff happily aligns the old
// "13" with a new "13" that now means another article.
//
// Pure.
#ifndef TREATYWATCH_COMPARE_REFERENCE_RENUMBERING_H_
#define TREATYWATCH_COMPARE_REFERENCE_RENUMBERING_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compare/word_tokens.h"

namespace tw::compare {

// Old article number → the new numbers a reference to it may now carry: its own new number;
// for a deleted article, those of its surviving neighbours (a range "7 to 16" whose article 16
// was deleted now ends at the article before it).
using RenumberingMap = std::map<std::string, std::set<std::string>>;

// True when the texts differ, and only by numbers renumbered according to `renumbering`.
bool OnlyReferencesRenumbered(std::string_view old_text, const std::vector<Token>& old_tokens,
                              std::string_view new_text, const std::vector<Token>& new_tokens,
                              const RenumberingMap& renumbering);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REFERENCE_RENUMBERING_H_
