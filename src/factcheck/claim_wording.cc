#include "factcheck/claim_wording.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include "text/ascii_case.h"

namespace tw::factcheck {
namespace {

using Phrases = std::span<const std::string_view>;

// ------------------------------------------------------------------ the phrase lists
// Filled to the column limit by hand (clang-format would put one phrase per line).
// clang-format off

constexpr std::string_view kIdenticalPhrases[] = {
    "is identical to", "are identical to", "identical to", "identical with", "word for word",
    "verbatim"};
constexpr std::string_view kClosePhrases[] = {
    "mirrors", "mirror", "mirrored", "mirroring", "is the same as", "are the same as",
    "the same as", "same text as", "reproduces", "reproduce", "reproduced", "reproducing",
    "copies", "copied", "copy of", "replicates", "replicated", "corresponds to", "correspond to",
    "matches"};
constexpr std::string_view kLoosePhrases[] = {
    "is based on", "are based on", "based on", "follows", "follow", "followed", "modelled on",
    "modeled on", "draws on", "drawn from", "taken from", "inspired by", "derived from",
    "reflects", "reflect", "reflected", "similar to"};
constexpr std::array<std::pair<MirrorStrength, Phrases>, 3> kMirrorPhrases = {{
    {MirrorStrength::kIdentical, kIdenticalPhrases},
    {MirrorStrength::kClose, kClosePhrases},
    {MirrorStrength::kLoose, kLoosePhrases},
}};

constexpr std::string_view kDiffersPhrases[] = {
    "differs from", "differ from", "different from", "departs from", "depart from",
    "deviates from", "diverges from", "unlike"};

constexpr std::string_view kLacksPhrases[] = {
    "lacks", "lack", "lacking", "omits", "omit", "omitted", "contains no", "contain no",
    "contains none", "includes no", "provides no", "has no", "have no", "no reference to",
    "no mention of", "without any", "fails to", "fail to", "failed to", "is missing",
    "are missing", "missing", "is silent on", "silent on", "absent", "no longer requires",
    "no longer provides", "no longer contains", "no longer includes"};

constexpr std::string_view kContainsPhrases[] = {
    "contains", "contain", "includes", "include", "provides for", "provides", "provide", "has",
    "have", "guarantees", "guarantee", "ensures", "ensure", "requires", "require", "sets out",
    "establishes", "incorporates", "is subject to", "are subject to", "subject to", "protects",
    "respects"};

constexpr std::string_view kSafeguardTerms[] = {
    "safeguard", "safeguards", "protection", "protections", "human rights", "proportionality",
    "proportionate", "necessity", "judicial", "judge", "court", "independent review",
    "independent supervision", "independent oversight", "oversight", "supervision", "review",
    "remedy", "remedies", "grounds", "duration", "time limit", "dual criminality", "persecution",
    "political offence", "political offences", "death penalty", "data protection", "personal data",
    "privacy", "freedom of expression", "without right", "intent", "intention", "intentionally",
    "research exception", "conditions and safeguards", "fair trial", "authorization",
    "authorisation"};

constexpr std::string_view kAllWords[] = {
    "all", "every", "each", "none"};

constexpr std::string_view kNonePhrases[] = {
    "no delegation", "no delegations", "no state", "no states", "no member state", "no country",
    "no countries", "no government", "no party", "no one", "nobody", "not a single",
    "none of the delegations", "none of the states", "no objection", "no objections",
    "without objection"};

constexpr std::string_view kAllPhrases[] = {
    "consensus", "unanimous", "unanimously", "all states", "all delegations", "all member states",
    "all countries", "all parties", "every state", "every delegation", "every country",
    "without a vote", "universal support"};

constexpr std::string_view kMajorityPhrases[] = {
    "a majority", "the majority", "majority of", "an overwhelming majority", "a large majority",
    "most states", "most member states", "most delegations", "most countries", "most of the",
    "the bulk of"};

constexpr std::string_view kMinorityPhrases[] = {
    "a minority", "only a minority", "minority of", "only a few", "only a handful", "a handful of"};

// Words that may name the counted actors right after a number.
constexpr std::string_view kActorNouns[] = {
    "states", "state", "member states", "countries", "country", "delegations", "delegation",
    "members", "governments", "government", "parties", "states parties", "speakers", "nations",
    "actors", "votes", "co sponsors", "cosponsors", "sponsors"};

// After "a majority of": the whole membership, or those who voted.
constexpr std::string_view kMembershipWords[] = {
    "member states", "states", "the states", "countries", "the membership", "all states",
    "un members", "un member states", "the 193", "members", "nations", "the general assembly"};
constexpr std::string_view kVotersWords[] = {
    "present and voting", "votes cast", "those voting", "of the votes", "those who voted",
    "the vote"};

constexpr std::string_view kVotingWords[] = {
    "vote", "votes", "voted", "voting", "ballot", "ballots", "roll call", "recorded vote",
    "adopted", "resolution"};

constexpr std::string_view kOpposePhrases[] = {
    "voted against", "vote against", "voting against", "oppose", "opposes", "opposed", "opposing",
    "opposition", "object", "objects", "objected", "objection", "objections", "reject", "rejects",
    "rejected", "deletion", "delete", "deleted", "deleting", "are against", "were against",
    "is against", "was against"};
constexpr std::string_view kAbstainPhrases[] = {
    "abstain", "abstains", "abstained", "abstaining", "abstention", "abstentions"};
constexpr std::string_view kSupportPhrases[] = {
    "support", "supports", "supported", "supporting", "back", "backs", "backed", "in favour",
    "in favor", "favour", "favor", "voted for", "vote for", "endorse", "endorsed", "endorses",
    "agree", "agreed", "accept", "accepted"};

constexpr std::string_view kUnchangedPhrases[] = {
    "unchanged", "untouched", "remains intact", "remained intact", "remains the same",
    "remain the same", "remained the same", "stays the same", "stayed the same",
    "remains as it was", "no change", "no changes"};
constexpr std::string_view kChangedPhrases[] = {
    "changed", "change", "amended", "modified", "altered", "revised", "reworded", "rewritten",
    "deleted", "removed", "added", "inserted", "dropped", "weakened", "strengthened", "renumbered",
    "moved", "touched", "no longer"};

// Before a number: the words that make it a designation ("article 27"), not a count.
constexpr std::string_view kNotCountBefore[] = {
    "article", "articles", "art", "arts", "paragraph", "paragraphs", "para", "chapter", "section",
    "resolution", "page", "annex", "option"};

constexpr std::array<std::pair<std::string_view, int>, 20> kUnits = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
}};
constexpr std::array<std::pair<std::string_view, int>, 8> kTens = {{
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
}};

constexpr std::string_view kAtLeastWords[] = {
    "at least", "no fewer than", "no less than"};
constexpr std::string_view kMoreThanWords[] = {
    "more than", "over", "above", "upwards of"};
constexpr std::string_view kFewerThanWords[] = {
    "fewer than", "less than", "under", "below"};
constexpr std::string_view kAboutWords[] = {
    "about", "around", "nearly", "almost", "some", "roughly", "approximately", "close to"};
constexpr std::array<std::pair<CountBound, Phrases>, 4> kBoundWords = {{
    {CountBound::kAtLeast, kAtLeastWords},
    {CountBound::kMoreThan, kMoreThanWords},
    {CountBound::kFewerThan, kFewerThanWords},
    {CountBound::kAbout, kAboutWords},
}};
// clang-format on

// ------------------------------------------------------------------ folding and matching

// Appends a folded character class: letters and digits as themselves (ASCII lower-cased),
// everything else a space. Non-ASCII bytes stay: they belong to words ("Côte").
void AppendFolded(std::string& out, char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
    out.push_back(c);
  } else if (c >= 'A' && c <= 'Z') {
    out.push_back(text::AsciiLower(c));
  } else if (c == '\'') {
    out.push_back('\'');
  } else if (!out.empty() && out.back() != ' ') {
    out.push_back(' ');
  }
}

// The words of `spaced` with contractions and possessives resolved.
std::string ResolveApostrophes(std::string_view spaced) {
  std::string out;
  std::size_t at = 0;
  while (at < spaced.size()) {
    std::size_t end = spaced.find(' ', at);
    if (end == std::string_view::npos) end = spaced.size();
    std::string word(spaced.substr(at, end - at));
    at = end + 1;
    if (word == "can't") {
      word = "can not";
    } else if (word == "won't") {
      word = "will not";
    } else if (word.size() > 3 && word.compare(word.size() - 3, 3, "n't") == 0) {
      word = word.substr(0, word.size() - 3) + " not";
    } else if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
      word.resize(word.size() - 2);
    }
    word.erase(std::remove(word.begin(), word.end(), '\''), word.end());
    if (word.empty()) continue;
    out += word;
    out.push_back(' ');
  }
  return out;
}

// Every start offset of " phrase " in `folded` (the offset of the phrase's first letter).
std::vector<std::size_t> FindPhrase(std::string_view folded, std::string_view phrase) {
  std::vector<std::size_t> found;
  const std::string needle = " " + std::string(phrase) + " ";
  std::size_t at = folded.find(needle);
  while (at != std::string_view::npos) {
    found.push_back(at + 1);
    at = folded.find(needle, at + 1);
  }
  return found;
}

// The word ending just before offset `at` (at points at a word's first letter), and its start.
std::optional<std::pair<std::string_view, std::size_t>> WordBefore(std::string_view folded,
                                                                   std::size_t at) {
  if (at < 2) return std::nullopt;
  const std::size_t end = at - 1;  // the space before the word at `at`
  const std::size_t space = folded.rfind(' ', end - 1);
  if (space == std::string_view::npos) return std::nullopt;
  if (space + 1 >= end) return std::nullopt;
  return std::make_pair(folded.substr(space + 1, end - space - 1), space + 1);
}

// "not", "never" or "no longer" among the two words before `at`.
bool NegatedAt(std::string_view folded, std::size_t at) {
  std::size_t cursor = at;
  std::string_view previous;
  for (int i = 0; i < 2; ++i) {
    auto word = WordBefore(folded, cursor);
    if (!word) return false;
    if (word->first == "not" || word->first == "never" || word->first == "neither" ||
        word->first == "nor") {
      return true;
    }
    if (word->first == "no" && previous == "longer") return true;
    previous = word->first;
    cursor = word->second;
  }
  return false;
}

// The first phrase of `phrases` present in `folded` (list order), with its first offset.
std::optional<std::pair<std::string_view, std::size_t>> FirstPresent(std::string_view folded,
                                                                     Phrases phrases) {
  for (std::string_view phrase : phrases) {
    const std::vector<std::size_t> at = FindPhrase(folded, phrase);
    if (!at.empty()) return std::make_pair(phrase, at.front());
  }
  return std::nullopt;
}

// The phrase of `phrases` that occurs earliest at or after `from` and before `to`.
std::optional<std::pair<std::string_view, std::size_t>> EarliestIn(std::string_view folded,
                                                                   Phrases phrases,
                                                                   std::size_t from,
                                                                   std::size_t to) {
  std::optional<std::pair<std::string_view, std::size_t>> best;
  for (std::string_view phrase : phrases) {
    for (std::size_t at : FindPhrase(folded, phrase)) {
      if (at < from || at >= to) continue;
      // Longer phrases win at the same offset ("voted against" over "voted").
      if (!best || at < best->second ||
          (at == best->second && phrase.size() > best->first.size())) {
        best = std::make_pair(phrase, at);
      }
      break;
    }
  }
  return best;
}

// ------------------------------------------------------------------ each family

MirrorsWording ReadMirrors(std::string_view folded) {
  MirrorsWording wording;
  if (auto differs = FirstPresent(folded, kDiffersPhrases)) {
    wording.applies = true;
    wording.differs = true;
    wording.phrase = std::string(differs->first);
    return wording;
  }
  for (const auto& [strength, phrases] : kMirrorPhrases) {
    for (std::string_view phrase : phrases) {
      for (std::size_t at : FindPhrase(folded, phrase)) {
        // "as follows" is a treaty formula, not a comparison.
        if (phrase.rfind("follow", 0) == 0) {
          auto before = WordBefore(folded, at);
          if (before && before->first == "as") continue;
        }
        wording.applies = true;
        wording.strength = strength;
        wording.differs = NegatedAt(folded, at);
        wording.phrase = std::string(phrase);
        return wording;
      }
    }
  }
  return wording;
}

SafeguardWording ReadSafeguard(std::string_view folded,
                               const std::vector<std::string>& extra_terms) {
  SafeguardWording wording;
  for (std::string_view term : kSafeguardTerms) {
    if (HasPhrase(folded, term)) wording.terms.emplace_back(term);
  }
  for (const std::string& term : extra_terms) {
    if (!term.empty() && HasPhrase(folded, term) &&
        std::find(wording.terms.begin(), wording.terms.end(), term) == wording.terms.end()) {
      wording.terms.push_back(term);
    }
  }
  if (wording.terms.empty()) return wording;
  if (auto lacks = FirstPresent(folded, kLacksPhrases)) {
    wording.applies = true;
    wording.lacks = true;
    wording.phrase = std::string(lacks->first);
  } else {
    for (std::string_view phrase : kContainsPhrases) {
      const std::vector<std::size_t> at = FindPhrase(folded, phrase);
      if (at.empty()) continue;
      wording.applies = true;
      wording.lacks = NegatedAt(folded, at.front());
      wording.phrase = std::string(phrase);
      break;
    }
  }
  if (!wording.applies) return wording;
  for (std::string_view word : kAllWords) {
    if (HasPhrase(folded, word)) wording.all = true;
  }
  return wording;
}

// The number a word (or "forty six") spells, and how many words it took.
std::optional<std::pair<int, int>> NumberAt(const std::vector<std::string_view>& words,
                                            std::size_t i) {
  const std::string_view word = words[i];
  if (!word.empty() && word.size() <= 4 &&
      std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int value = 0;
    for (char c : word) value = value * 10 + (c - '0');
    return std::make_pair(value, 1);
  }
  for (const auto& [name, value] : kUnits) {
    if (word == name) return std::make_pair(value, 1);
  }
  for (const auto& [name, value] : kTens) {
    if (word != name) continue;
    if (i + 1 < words.size()) {
      for (const auto& [unit_name, unit] : kUnits) {
        if (unit >= 1 && unit <= 9 && words[i + 1] == unit_name) {
          return std::make_pair(value + unit, 2);
        }
      }
    }
    return std::make_pair(value, 1);
  }
  return std::nullopt;
}

std::vector<std::string_view> SplitWords(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < folded.size()) {
    const std::size_t end = folded.find(' ', at);
    const std::size_t stop = end == std::string_view::npos ? folded.size() : end;
    if (stop > at) words.push_back(folded.substr(at, stop - at));
    at = stop + 1;
  }
  return words;
}

// Whether words[i...] start with `phrase` (words separated by single spaces).
std::size_t MatchWords(const std::vector<std::string_view>& words, std::size_t i,
                       std::string_view phrase) {
  const std::vector<std::string_view> wanted = SplitWords(phrase);
  if (i + wanted.size() > words.size()) return 0;
  for (std::size_t k = 0; k < wanted.size(); ++k) {
    if (words[i + k] != wanted[k]) return 0;
  }
  return wanted.size();
}

std::size_t MatchAnyWords(const std::vector<std::string_view>& words, std::size_t i,
                          Phrases phrases) {
  std::size_t best = 0;
  for (std::string_view phrase : phrases) best = std::max(best, MatchWords(words, i, phrase));
  return best;
}

struct CountFound {
  int count = 0;
  int total = 0;
  CountBound bound = CountBound::kExactly;
  std::size_t first_word = 0;  // of the bound or number
  std::size_t end_word = 0;    // one past the noun
};

// "27 delegations", "at least 10 states", "27 of the 46 delegations", "seventeen member
// states": a number, then up to two other words, then an actor noun.
std::optional<CountFound> FindCount(const std::vector<std::string_view>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto number = NumberAt(words, i);
    if (!number) continue;
    if (i > 0 && MatchAnyWords(words, i - 1, kNotCountBefore) == 1) continue;
    CountFound found;
    found.count = number->first;
    std::size_t next = i + static_cast<std::size_t>(number->second);
    // "of the 46" / "of 46"
    for (std::size_t skip : {std::size_t{2}, std::size_t{1}}) {
      if (next + skip < words.size() && words[next] == "of" &&
          (skip == 1 || words[next + 1] == "the")) {
        if (auto total = NumberAt(words, next + skip)) {
          found.total = total->first;
          next += skip + static_cast<std::size_t>(total->second);
          break;
        }
      }
    }
    std::size_t noun = 0;
    std::size_t at = next;
    for (std::size_t filler = 0; filler <= 2 && at < words.size(); ++filler, ++at) {
      noun = MatchAnyWords(words, at, kActorNouns);
      if (noun > 0) break;
    }
    if (noun == 0) continue;
    found.first_word = i;
    found.end_word = at + noun;
    // "only" and "exactly" keep kExactly; the bound words change it.
    for (const auto& [bound, phrases] : kBoundWords) {
      for (std::string_view phrase : phrases) {
        const std::size_t length = SplitWords(phrase).size();
        if (i >= length && MatchWords(words, i - length, phrase) == length) {
          found.bound = bound;
          found.first_word = i - length;
        }
      }
    }
    return found;
  }
  return std::nullopt;
}

// Byte offset of word `index` in `folded` (words separated by single spaces after the
// leading space).
std::size_t OffsetOfWord(const std::vector<std::string_view>& words, std::string_view folded,
                         std::size_t index) {
  if (index >= words.size()) return folded.size();
  return static_cast<std::size_t>(words[index].data() - folded.data());
}

ClaimedStance StanceAfter(std::string_view folded, std::size_t from) {
  constexpr std::size_t kWindowBytes = 120;  // about a dozen words after the quantity
  auto stance_in = [&](std::size_t lo, std::size_t hi) -> std::optional<ClaimedStance> {
    auto oppose = EarliestIn(folded, kOpposePhrases, lo, hi);
    auto abstain = EarliestIn(folded, kAbstainPhrases, lo, hi);
    auto support = EarliestIn(folded, kSupportPhrases, lo, hi);
    std::optional<std::pair<ClaimedStance, std::size_t>> best;
    auto consider = [&best](ClaimedStance stance, const auto& hit) {
      if (hit && (!best || hit->second < best->second)) best = std::make_pair(stance, hit->second);
    };
    consider(ClaimedStance::kOppose, oppose);
    consider(ClaimedStance::kAbstain, abstain);
    consider(ClaimedStance::kSupport, support);
    if (!best) return std::nullopt;
    return best->first;
  };
  if (auto near = stance_in(from, std::min(folded.size(), from + kWindowBytes))) return *near;
  if (auto anywhere = stance_in(0, folded.size())) return *anywhere;
  return ClaimedStance::kSupport;
}

// The first "no delegation", "nobody", … that counts actors: "no State Party shall" is a
// treaty's prohibition, not a count.
std::optional<std::pair<std::string_view, std::size_t>> FirstNone(std::string_view folded) {
  for (std::string_view phrase : kNonePhrases) {
    for (std::size_t at : FindPhrase(folded, phrase)) {
      const std::string_view after = folded.substr(at + phrase.size());
      if (after.rfind(" party ", 0) == 0 || after.rfind(" parties ", 0) == 0) continue;
      return std::make_pair(phrase, at);
    }
  }
  return std::nullopt;
}

SupportWording ReadSupport(std::string_view text, std::string_view folded) {
  SupportWording wording;
  const std::vector<std::string_view> words = SplitWords(folded);
  std::size_t quantity_at = 0;
  std::size_t quantity_end = 0;
  if (auto none = FirstNone(folded)) {
    wording.applies = true;
    wording.quantifier = Quantifier::kNone;
    wording.phrase = std::string(none->first);
    quantity_at = none->second;
    quantity_end = quantity_at + none->first.size();
  } else if (auto count = FindCount(words)) {
    wording.applies = true;
    wording.quantifier = Quantifier::kCount;
    wording.count = count->count;
    wording.total = count->total;
    wording.bound = count->bound;
    quantity_at = OffsetOfWord(words, folded, count->first_word);
    quantity_end = OffsetOfWord(words, folded, count->end_word);
    wording.phrase = std::string(folded.substr(quantity_at, quantity_end - quantity_at));
    while (!wording.phrase.empty() && wording.phrase.back() == ' ') wording.phrase.pop_back();
  } else if (auto minority = FirstPresent(folded, kMinorityPhrases)) {
    wording.applies = true;
    wording.quantifier = Quantifier::kMinority;
    wording.phrase = std::string(minority->first);
    quantity_at = minority->second;
    quantity_end = quantity_at + minority->first.size();
  } else if (auto majority = FirstPresent(folded, kMajorityPhrases)) {
    wording.applies = true;
    wording.quantifier = Quantifier::kMajority;
    wording.phrase = std::string(majority->first);
    quantity_at = majority->second;
    quantity_end = quantity_at + majority->first.size();
  } else if (auto all = FirstPresent(folded, kAllPhrases)) {
    wording.applies = true;
    wording.quantifier = Quantifier::kAll;
    wording.phrase = std::string(all->first);
    quantity_at = all->second;
    quantity_end = quantity_at + all->first.size();
  }
  if (!wording.applies) return wording;
  wording.stance = StanceAfter(folded, quantity_at);
  for (std::string_view word : kVotingWords) {
    if (HasPhrase(folded, word)) wording.voting = true;
  }
  if (!VoteSymbolsIn(text).empty()) wording.voting = true;
  if (wording.quantifier == Quantifier::kMajority || wording.quantifier == Quantifier::kMinority) {
    // "majority of [the] member states", "most states": the words right after the quantity.
    std::string after(folded.substr(std::min(quantity_end, folded.size())));
    if (after.empty() || after.front() != ' ') after.insert(0, " ");
    if (after.rfind(" of ", 0) == 0) after.erase(0, 3);
    if (wording.phrase.find("states") != std::string::npos ||
        wording.phrase.find("countries") != std::string::npos) {
      wording.of_membership = true;
    }
    for (std::string_view phrase : kMembershipWords) {
      if (after.rfind(" " + std::string(phrase) + " ", 0) == 0) wording.of_membership = true;
    }
    for (std::string_view phrase : kVotersWords) {
      if (HasPhrase(folded, phrase)) wording.of_voters = true;
    }
    if (wording.of_voters) wording.of_membership = false;
  }
  return wording;
}

ChangeWording ReadChange(std::string_view folded) {
  ChangeWording wording;
  if (auto unchanged = FirstPresent(folded, kUnchangedPhrases)) {
    wording.applies = true;
    wording.unchanged = true;
    wording.phrase = std::string(unchanged->first);
    return wording;
  }
  if (auto changed = EarliestIn(folded, kChangedPhrases, 0, folded.size())) {
    wording.applies = true;
    wording.unchanged = changed->first != "no longer" && NegatedAt(folded, changed->second);
    wording.phrase = std::string(changed->first);
  }
  return wording;
}

}  // namespace

std::string_view MirrorStrengthName(MirrorStrength strength) {
  switch (strength) {
    case MirrorStrength::kIdentical:
      return "identical";
    case MirrorStrength::kClose:
      return "close";
    case MirrorStrength::kLoose:
      return "loose";
  }
  return "close";
}

std::string_view QuantifierName(Quantifier quantifier) {
  switch (quantifier) {
    case Quantifier::kCount:
      return "count";
    case Quantifier::kMajority:
      return "majority";
    case Quantifier::kMinority:
      return "minority";
    case Quantifier::kNone:
      return "none";
    case Quantifier::kAll:
      return "all";
  }
  return "count";
}

std::string_view CountBoundName(CountBound bound) {
  switch (bound) {
    case CountBound::kExactly:
      return "exactly";
    case CountBound::kAtLeast:
      return "at-least";
    case CountBound::kMoreThan:
      return "more-than";
    case CountBound::kFewerThan:
      return "fewer-than";
    case CountBound::kAbout:
      return "about";
  }
  return "exactly";
}

std::string_view ClaimedStanceName(ClaimedStance stance) {
  switch (stance) {
    case ClaimedStance::kSupport:
      return "support";
    case ClaimedStance::kOppose:
      return "oppose";
    case ClaimedStance::kAbstain:
      return "abstain";
  }
  return "support";
}

std::string FoldClaimText(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxWordingBytes));
  std::string spaced;
  spaced.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // U+2018, U+2019 (quotes used as apostrophes), U+2010–U+2015 (hyphens and dashes),
    // U+201C, U+201D (double quotes): E2 80 xx.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x98 || third == 0x99) {
        spaced.push_back('\'');
        i += 2;
        continue;
      }
      if ((third >= 0x90 && third <= 0x95) || third == 0x9C || third == 0x9D) {
        AppendFolded(spaced, ' ');
        i += 2;
        continue;
      }
    }
    AppendFolded(spaced, text[i]);
  }
  // An apostrophe not between two letters ("'safeguards'", "states'") is a quotation mark or
  // a plural possessive: a space.
  std::string cleaned;
  cleaned.reserve(spaced.size());
  for (std::size_t i = 0; i < spaced.size(); ++i) {
    const bool inside = i > 0 && i + 1 < spaced.size() && spaced[i - 1] != ' ' &&
                        spaced[i - 1] != '\'' && spaced[i + 1] != ' ' && spaced[i + 1] != '\'';
    if (spaced[i] != '\'' || inside) {
      cleaned.push_back(spaced[i]);
    } else if (!cleaned.empty() && cleaned.back() != ' ') {
      cleaned.push_back(' ');
    }
  }
  return " " + ResolveApostrophes(cleaned);
}

bool HasPhrase(std::string_view folded, std::string_view phrase) {
  return !FindPhrase(folded, phrase).empty();
}

std::vector<std::string> VoteSymbolsIn(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxWordingBytes));
  std::set<std::string> symbols;
  auto digits_at = [&text](std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && end - at < 6 && text[end] >= '0' && text[end] <= '9') ++end;
    return end;
  };
  // "NN/NNN" at `at`: the session and resolution numbers, or npos.
  auto session_number = [&](std::size_t at) -> std::pair<std::string, std::size_t> {
    const std::size_t session_end = digits_at(at);
    if (session_end == at || session_end >= text.size() || text[session_end] != '/') {
      return {"", std::string::npos};
    }
    const std::size_t number_end = digits_at(session_end + 1);
    if (number_end == session_end + 1) return {"", std::string::npos};
    return {std::string(text.substr(at, number_end - at)), number_end};
  };
  for (std::size_t i = 0; i + 6 < text.size(); ++i) {
    const char before = i == 0 ? ' ' : text::AsciiLower(text[i - 1]);
    const bool word_before = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9');
    if (!word_before && text::EqualsIgnoringAsciiCase(text.substr(i, 6), "a/res/")) {
      auto [numbers, end] = session_number(i + 6);
      if (end != std::string::npos) symbols.insert("A/RES/" + numbers);
    }
  }
  // "resolution 74/247", any case.
  std::string lower(text);
  for (char& c : lower) c = text::AsciiLower(c);
  constexpr std::string_view kResolution = "resolution ";
  for (std::size_t at = lower.find(kResolution); at != std::string::npos;
       at = lower.find(kResolution, at + 1)) {
    auto [numbers, end] = session_number(at + kResolution.size());
    if (end != std::string::npos) symbols.insert("A/RES/" + numbers);
  }
  return {symbols.begin(), symbols.end()};
}

ClaimWording ReadClaimWording(std::string_view text,
                              const std::vector<std::string>& extra_safeguard_terms) {
  const std::string folded = FoldClaimText(text);
  ClaimWording wording;
  wording.mirrors = ReadMirrors(folded);
  wording.safeguard = ReadSafeguard(folded, extra_safeguard_terms);
  wording.support = ReadSupport(text, folded);
  wording.change = ReadChange(folded);
  return wording;
}

}  // namespace tw::factcheck
