// Undoing line-end hyphenation without a dictionary.
//
// A hyphen that ends a line is either part of a compound the line happened to break at
// ("money-" / "laundering", "Secretary-" / "General") or a discretionary break inside one word
// ("informa-" / "tion"). Word-made UN PDFs mostly show the first kind (Word does not hyphenate
// them automatically); typeset PDFs show the second. The document itself is the dictionary:
//
//   1. a soft hyphen (U+00AD) in the PDF is a discretionary break: drop it;
//   2. the fragment after the break starts with a capital or a digit, or the fragment before
//      it already contains a hyphen or ends with a digit: keep ("Secretary-General",
//      "1990-1995", "follow-up-to-");
//   3. the hyphenated form "a-b" occurs elsewhere in the document: keep;
//   4. the joined form "ab" occurs elsewhere: drop;
//   5. either fragment is a word of the document on its own ("seventy" / "eighth"): keep —
//      compounds are made of words, while the halves of a broken word rarely are;
//   6. otherwise drop.
// "Elsewhere" excludes the fragments at line-end breaks themselves; words are compared
// case-insensitively (ASCII letters folded), with leading and trailing punctuation stripped,
// and a hyphenated word also counts its parts as words.
//
// Not thread-safe to mutate; const methods may be shared.
#ifndef TREATYWATCH_INGEST_LAYOUT_HYPHENATION_H_
#define TREATYWATCH_INGEST_LAYOUT_HYPHENATION_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace tw::ingest {

class HyphenationVocabulary {
 public:
  // Adds one word as printed (punctuation is stripped here).
  void AddWord(std::string_view word);
  bool Contains(std::string_view word) const;  // `word` as printed; case-insensitive

 private:
  std::unordered_set<std::string> words_;
};

// The core of a printed word: without leading/trailing punctuation and quotes, ASCII-lowercased.
std::string WordCore(std::string_view word);

// True when `word` (the last word of a line) ends in a hyphen that could be a line-end break:
// a '-' or U+2010 after a letter or digit.
bool EndsWithBreakHyphen(std::string_view word);

enum class HyphenJoin { kKeepHyphen, kDropHyphen };

// `before` is the last word of the line including its hyphen ("(money-"), `after` the first
// word of the next line ("laundering,"). `soft` when the PDF marked the break as discretionary.
HyphenJoin DecideHyphenJoin(std::string_view before, std::string_view after, bool soft,
                            const HyphenationVocabulary& vocabulary);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_LAYOUT_HYPHENATION_H_
