// CheckWorthiness: which sentences of a statement assert something an observer can check, and
// why. A transparent scorer, not a model: each sentence gets the features it shows — numbers
// and quantities, references to articles or instruments, comparisons ("mirrors", "same as",
// "stronger than"), universals ("all states", "no delegation"), legal assertions ("already
// provides", "is consistent with"), attributions ("as the EU said") — each with a fixed weight
// and the words that triggered it, and the score is their capped sum. Hedges and courtesy
// ("we thank the Chair", "we believe") lower it. The analyst reads the features and confirms a
// sentence into a claim.
//
// Sentences are found with ICU's sentence break iterator (abbreviations such as "Art." and
// "para." do not end a sentence). Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_CHECK_WORTHINESS_H_
#define TREATYWATCH_FACTCHECK_CHECK_WORTHINESS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

struct WorthinessFeature {
  std::string name;     // "quantity", "provision-reference", "instrument-reference",
                        // "comparison", "universal", "legal-assertion", "attribution",
                        // "hedge", "courtesy"
  double weight = 0;    // added to the score (negative for hedge and courtesy)
  std::string matched;  // the words that triggered it, as in the sentence
};

struct CheckWorthySentence {
  std::size_t begin = 0;  // byte offsets into the statement
  std::size_t end = 0;
  std::string text;       // statement[begin, end), whitespace trimmed
  double score = 0;       // 0..1
  std::vector<WorthinessFeature> features;  // in the order of the feature list above
};

// Sentences at or above this score are proposed as claims.
inline constexpr double kCheckWorthyThreshold = 0.5;

// Every sentence of `statement`, highest score first (ties: earlier first). Invalid UTF-8 is
// scored as far as it is valid text; never fails. Statements longer than 1 MiB are scored on
// their first 1 MiB.
std::vector<CheckWorthySentence> ScoreSentences(std::string_view statement);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CHECK_WORTHINESS_H_
