// ClaimWording: what kind of assertion a claim makes, read from its words, so the automatic
// checks (auto_checks.h) know which of them apply and which way the claim leans.
//
// Four families, each a fixed phrase list matched as whole words on the claim's text folded
// to lower case (typographic apostrophes and dashes folded, "doesn't" read as "does not",
// hyphens read as spaces: "political-offence" = "political offence"):
//
//   mirrors    "mirrors", "is the same as", "reproduces", "copies", "is identical to", "word
//              for word", "is based on", "follows", "reflects" — and the opposite ("differs
//              from", "departs from", any of them negated: "does not mirror");
//   safeguard  a verb of having ("contains", "provides", "includes", "has", "ensures") or of
//              lacking ("lacks", "omits", "does not contain", "contains no", "no longer
//              requires", "is silent on") together with a safeguard word ("safeguard",
//              "proportionality", "judicial", "remedy", "dual criminality", …) or a term the
//              caller adds (the audit pack's category names);
//   support    a count of actors ("27 delegations", "27 of the 46 delegations", "at least 10
//              states"), a majority ("a majority", "most states"), none ("no delegation
//              objected", "nobody opposed") or all ("consensus", "unanimously", "all states"),
//              with the stance counted (support by default; "oppose", "object", "voted
//              against", "called for deletion"; "abstain");
//   change     "changed", "amended", "modified", "deleted", "added", "no longer" — or the
//              opposite: "unchanged", "was not changed", "was not touched", "remains the same".
//
// The phrase lists are the contract: tests/factcheck/auto_checks_test.cc checks each. A
// negation is "not", "never" or "no longer" among the two words before a phrase.
//
// Pure; thread-safe. Only the first kMaxWordingBytes of a claim are read.
#ifndef TREATYWATCH_FACTCHECK_CLAIM_WORDING_H_
#define TREATYWATCH_FACTCHECK_CLAIM_WORDING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

inline constexpr std::size_t kMaxWordingBytes = 16 * 1024;

// How close a mirrors claim says two texts are; each has its own thresholds (auto_checks.cc).
enum class MirrorStrength {
  kIdentical,  // "is identical to", "word for word", "verbatim"
  kClose,      // "mirrors", "is the same as", "reproduces", "copies", "corresponds to"
  kLoose,      // "is based on", "follows", "reflects", "modelled on", "taken from"
};
std::string_view MirrorStrengthName(MirrorStrength strength);  // "identical", "close", "loose"

struct MirrorsWording {
  bool applies = false;
  bool differs = false;  // the claim says the texts differ ("differs from", "does not mirror")
  MirrorStrength strength = MirrorStrength::kClose;
  std::string phrase;  // the words that decided it, as folded
};

struct SafeguardWording {
  bool applies = false;
  bool lacks = false;  // lacks / omits / does not contain; else contains / provides
  bool all = false;    // "all the safeguards", "every safeguard", "none of the safeguards"
  std::string phrase;  // the verb phrase
  std::vector<std::string> terms;  // safeguard words found, in list order
};

enum class Quantifier {
  kCount,     // "27 delegations"
  kMajority,  // "a majority", "most"
  kMinority,  // "a minority", "only a few"
  kNone,      // "no delegation", "nobody"
  kAll,       // "consensus", "unanimously", "all states"
};
std::string_view QuantifierName(Quantifier quantifier);  // "count", "majority", ...

enum class CountBound {
  kExactly,    // "27 delegations", "only 27", "exactly 27"
  kAtLeast,    // "at least 27"
  kMoreThan,   // "more than 27", "over 27"
  kFewerThan,  // "fewer than 27", "less than 27"
  kAbout,      // "about 27", "around 27", "nearly 27", "some 27"
};
std::string_view CountBoundName(CountBound bound);  // "exactly", "at-least", ...

enum class ClaimedStance { kSupport, kOppose, kAbstain };
std::string_view ClaimedStanceName(ClaimedStance stance);  // "support", "oppose", "abstain"

struct SupportWording {
  bool applies = false;
  Quantifier quantifier = Quantifier::kCount;
  int count = 0;  // kCount: N
  int total = 0;  // "N of the M delegations": M; 0 when not said
  CountBound bound = CountBound::kExactly;
  ClaimedStance stance = ClaimedStance::kSupport;
  bool voting = false;         // speaks of a vote ("voted", "ballot", "adopted", "resolution")
  bool of_membership = false;  // "a majority of (member) states", "of the membership"
  bool of_voters = false;      // "a majority of those present and voting", "of the votes cast"
  std::string phrase;          // the quantity as folded ("27 of the 46 delegations")
};

struct ChangeWording {
  bool applies = false;
  bool unchanged = false;  // the claim says nothing changed
  std::string phrase;
};

struct ClaimWording {
  MirrorsWording mirrors;
  SafeguardWording safeguard;
  SupportWording support;
  ChangeWording change;
};

// `extra_safeguard_terms`: more words that name a safeguard (lower case, e.g. the audit pack's
// category titles and ids with hyphens as spaces).
ClaimWording ReadClaimWording(std::string_view text,
                              const std::vector<std::string>& extra_safeguard_terms = {});

// The claim's text as the phrase lists see it: lower case, apostrophes and dashes folded,
// contractions expanded, every run of other punctuation and spaces one space, with a space at
// each end so " phrase " finds whole words. Exposed for the checks that match their own words.
std::string FoldClaimText(std::string_view text);

// True when `folded` (FoldClaimText) holds `phrase` as whole words.
bool HasPhrase(std::string_view folded, std::string_view phrase);

// Vote symbols the claim names, as the record spells them: "A/RES/74/247" as written (upper
// case), and "resolution 74/247" as "A/RES/74/247". Sorted, once each.
std::vector<std::string> VoteSymbolsIn(std::string_view text);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_WORDING_H_
