// How a contradiction is read. A claim and an earlier sentence of the same actor are compared
// by the matcher's shingle similarity, which ignores negations and treats "support" and
// "oppose" as different words: two sentences on the same subject score high whichever way they
// lean. Which way each leans is read from a few families of opposite words (kPolarities):
// stance (support / oppose), scope (narrow / broad), inclusion (include / delete) and strength
// (strengthen / weaken). A sentence leans to the side whose words it uses more; a negation
// ("not", "no", "never", "cannot", "n't") anywhere in it turns its stance around ("we do not
// support" opposes), but not its scope or inclusion ("not a broad scope" is still about the
// broad scope, and the stance carries the "not"). Two sentences contradict when a family leans
// opposite ways in them.
//
// Similarity is measured with every polarity word replaced by its family's name, so "we
// support a narrow scope" and "the broad scope has always been our position" are found to be
// about the same thing (the scope) before their leanings are compared; the matcher's own
// similarity would keep them apart, as it must for claims (claim_matcher.h).
//
// Positions are compared the same way: a position's stance is its lean, and a topic label's
// words ("scope: narrow") give its other families; a claim that names no stance of its own
// ("the broad scope has always been our position") asserts what it says.
#include "factcheck/own_record.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "factcheck/check_worthiness.h"
#include "factcheck/claim_matcher.h"
#include "factcheck/content_words.h"

namespace tw::factcheck {
namespace {

// Statements below this similarity to the claim are left out (own_record.h).
constexpr double kMinStatementSimilarity = 0.3;
// Sentences of one statement compared with the claim at most, the most check-worthy first
// (ScoreSentences' order): one pasted document costs no more than a long speech.
constexpr std::size_t kMaxSentencesPerStatement = 400;

struct Polarity {
  std::string_view family;
  std::vector<std::string_view> positive;  // lowercase words
  std::vector<std::string_view> negative;
  bool negation_flips;
};

const std::vector<Polarity>& Polarities() {
  static const auto* polarities = new std::vector<Polarity>{
      {"stance",
       {"support",  "supports", "supported", "supporting", "favour",   "favor",
        "favoured", "favored",  "back",      "backs",      "backed",   "endorse",
        "endorses", "endorsed", "welcome",   "welcomes",   "welcomed", "accept",
        "accepts",  "accepted", "agree",     "agrees",     "agreed"},
       {"oppose", "opposes", "opposed",  "opposing", "object",   "objects",   "objected",
        "reject", "rejects", "rejected", "against",  "disagree", "disagrees", "disagreed",
        "resist", "resists", "resisted", "refuse",   "refuses",  "refused"},
       true},
      {"scope",
       {"narrow", "narrower", "narrowly", "narrowed", "limited", "restrictive", "restricted",
        "targeted"},
       {"broad", "broader", "broadly", "broadened", "wide", "wider", "widely", "expansive",
        "extensive", "comprehensive"},
       false},
      {"inclusion",
       {"include", "includes", "included", "including", "inclusion", "retain", "retains",
        "retained", "keep", "keeps", "kept", "add", "adds", "added", "addition", "insert",
        "inserted"},
       {"delete", "deletes", "deleted", "deletion", "remove", "removes", "removed", "removal",
        "drop", "drops", "dropped", "exclude", "excludes", "excluded", "exclusion", "omit", "omits",
        "omitted"},
       false},
      {"strength",
       {"strengthen", "strengthens", "strengthened", "stronger", "strong", "robust", "mandatory"},
       {"weaken", "weakens", "weakened", "weaker", "weak", "optional", "voluntary"},
       false},
  };
  return *polarities;
}

bool IsNegation(std::string_view word) {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "not", "no", "never", "cannot", "neither", "nor", "none", "nobody", "nothing"};
  return words->contains(word) || (word.size() > 3 && word.substr(word.size() - 3) == "n't");
}

// Which way `text` leans in each family: +1, -1 or 0, and the words that show it.
struct Lean {
  int sign = 0;
  std::string words;  // as in the text, "do not support"
};

std::map<std::string_view, Lean> ReadLeans(std::string_view text) {
  const std::vector<Word> words = SplitWords(text);
  bool negated = false;
  std::string negation_words;
  for (const Word& word : words) {
    if (!IsNegation(word.folded)) continue;
    negated = !negated;
    if (!negation_words.empty()) negation_words += ' ';
    negation_words += std::string(text.substr(word.begin, word.end - word.begin));
  }
  std::map<std::string_view, Lean> leans;
  for (const Polarity& polarity : Polarities()) {
    int balance = 0;
    std::string shown;
    for (const Word& word : words) {
      const bool positive = std::find(polarity.positive.begin(), polarity.positive.end(),
                                      word.folded) != polarity.positive.end();
      const bool negative = std::find(polarity.negative.begin(), polarity.negative.end(),
                                      word.folded) != polarity.negative.end();
      if (!positive && !negative) continue;
      balance += positive ? 1 : -1;
      if (!shown.empty()) shown += ", ";
      shown += std::string(text.substr(word.begin, word.end - word.begin));
    }
    if (balance == 0) continue;
    Lean lean;
    lean.sign = balance > 0 ? 1 : -1;
    lean.words = shown;
    if (polarity.negation_flips && negated) {
      lean.sign = -lean.sign;
      lean.words = negation_words + " " + shown;
    }
    leans[polarity.family] = std::move(lean);
  }
  return leans;
}

// What a sentence holds, family by family: each leaning other than the stance taken the way
// the stance takes it ("we oppose a narrow scope" holds the scope not narrow), the stance
// itself kept only when nothing else leans. A sentence without stance words asserts what it
// says.
std::map<std::string_view, Lean> Held(std::map<std::string_view, Lean> leans) {
  const auto stance = leans.find("stance");
  if (leans.size() == 1 && stance != leans.end()) return leans;
  int sign = 1;
  std::string stance_words;
  if (stance != leans.end()) {
    sign = stance->second.sign;
    stance_words = stance->second.words;
    leans.erase(stance);
  }
  for (auto& [family, lean] : leans) {
    lean.sign *= sign;
    if (sign < 0) lean.words = stance_words + " ... " + lean.words;
  }
  return leans;
}

// The first family in which `earlier` and `claim` hold opposite things, as a pair of the words
// that show it; nullopt when none.
std::optional<std::pair<std::string, std::string>> Opposition(
    const std::map<std::string_view, Lean>& earlier,
    const std::map<std::string_view, Lean>& claim) {
  const std::map<std::string_view, Lean> a = Held(earlier);
  const std::map<std::string_view, Lean> b = Held(claim);
  for (const Polarity& polarity : Polarities()) {
    const auto e = a.find(polarity.family);
    const auto c = b.find(polarity.family);
    if (e == a.end() || c == b.end() || e->second.sign == c->second.sign) continue;
    return std::make_pair(e->second.words, c->second.words);
  }
  return std::nullopt;
}

int StanceSign(negotiation::Stance stance) {
  switch (stance) {
    case negotiation::Stance::kSupport:
      return 1;
    case negotiation::Stance::kOppose:
      return -1;
    default:
      return 0;
  }
}

// Whether a position on `subject` (a provision path) concerns a provision the claim cites: the
// same provision, one inside it, or the one containing it ("art24" and "art24.p2").
bool OnCitedProvision(std::string_view subject, const std::vector<std::string>& cited) {
  for (const std::string& path : cited) {
    const std::string_view shorter = path.size() < subject.size() ? path : subject;
    const std::string_view longer = path.size() < subject.size() ? subject : path;
    if (longer.substr(0, shorter.size()) == shorter &&
        (longer.size() == shorter.size() || longer[shorter.size()] == '.')) {
      return true;
    }
  }
  return false;
}

bool LooksLikeProvisionPath(std::string_view subject) {
  return subject.size() > 3 && subject.substr(0, 3) == "art" && subject[3] >= '0' &&
         subject[3] <= '9';
}

// `text` with each polarity word replaced by a token naming its family ("polarityscope"):
// what the similarity to the claim is measured on.
std::string WithoutPolarity(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  for (const Word& word : SplitWords(text)) {
    for (const Polarity& polarity : Polarities()) {
      const bool member = std::find(polarity.positive.begin(), polarity.positive.end(),
                                    word.folded) != polarity.positive.end() ||
                          std::find(polarity.negative.begin(), polarity.negative.end(),
                                    word.folded) != polarity.negative.end();
      if (!member) continue;
      out.append(text.substr(at, word.begin - at));
      out += "polarity";
      out.append(polarity.family);
      at = word.end;
      break;
    }
  }
  out.append(text.substr(at));
  return out;
}

std::string PositionText(const negotiation::Position& position) {
  std::string text = fmt::format("{}: {}", position.subject, StanceName(position.stance));
  if (!position.note.empty()) text += fmt::format(" ({})", position.note);
  return text;
}

}  // namespace

std::vector<OwnRecordMatch> FindOwnRecord(const Claim& claim,
                                          const std::vector<negotiation::Statement>& statements,
                                          const std::vector<negotiation::Position>& positions) {
  std::vector<OwnRecordMatch> matches;
  const std::map<std::string_view, Lean> claim_leans = ReadLeans(claim.text);
  const std::string claim_topic = WithoutPolarity(claim.text);

  for (const negotiation::Statement& statement : statements) {
    if (statement.actor != claim.actor) continue;
    std::optional<OwnRecordMatch> best;
    std::size_t read = 0;
    for (const CheckWorthySentence& sentence : ScoreSentences(statement.text)) {
      if (++read > kMaxSentencesPerStatement) break;
      const double similarity = ShingleSimilarity(claim_topic, WithoutPolarity(sentence.text));
      if (similarity < kMinStatementSimilarity) continue;
      OwnRecordMatch match;
      match.kind = OwnRecordMatch::Kind::kStatement;
      match.id = statement.id;
      match.date = statement.date;
      match.text = sentence.text;
      match.similarity = similarity;
      if (const auto opposition = Opposition(ReadLeans(sentence.text), claim_leans)) {
        match.contradicts = true;
        match.reason = fmt::format("says '{}' where the claim says '{}'", opposition->first,
                                   opposition->second);
      }
      // The closest sentence stands for the statement; a contradicting one wins a tie.
      if (!best || similarity > best->similarity ||
          (similarity == best->similarity && match.contradicts && !best->contradicts)) {
        best = std::move(match);
      }
    }
    if (best) matches.push_back(*std::move(best));
  }

  // The current position per subject: the latest by date (then by id), as the record keeps
  // the history and a later position supersedes an earlier one.
  std::map<std::string, const negotiation::Position*> current;
  for (const negotiation::Position& position : positions) {
    if (position.actor != claim.actor) continue;
    const negotiation::Position*& latest = current[position.subject];
    if (latest == nullptr ||
        std::tie(position.date, position.id) > std::tie(latest->date, latest->id)) {
      latest = &position;
    }
  }
  const std::vector<std::string> claim_keys = ContentStems(claim.text);
  const absl::flat_hash_set<std::string> claim_key_set(claim_keys.begin(), claim_keys.end());
  for (const negotiation::Position& position : positions) {
    if (position.actor != claim.actor) continue;
    OwnRecordMatch match;
    match.kind = OwnRecordMatch::Kind::kPosition;
    match.id = position.id;
    match.date = position.date;
    match.text = PositionText(position);
    if (LooksLikeProvisionPath(position.subject)) {
      if (!OnCitedProvision(position.subject, claim.cited_paths)) continue;
      match.similarity = 1.0;
    } else {
      // A topic: the share of its label's words the claim uses.
      const std::vector<std::string> label = ContentStems(position.subject);
      const absl::flat_hash_set<std::string> label_set(label.begin(), label.end());
      std::size_t shared = 0;
      for (const std::string& key : label_set) shared += claim_key_set.contains(key) ? 1 : 0;
      if (shared == 0) continue;
      match.similarity = static_cast<double>(shared) / static_cast<double>(label_set.size());
    }
    const bool is_current = current[position.subject] == &position;
    const int stance = StanceSign(position.stance);
    if (is_current && stance != 0) {
      // What the position holds: its stance toward the subject and the label's own leanings
      // ("scope: narrow").
      std::map<std::string_view, Lean> position_leans = ReadLeans(position.subject);
      position_leans["stance"] = Lean{stance, std::string(StanceName(position.stance))};
      std::optional<std::pair<std::string, std::string>> opposition =
          Opposition(position_leans, claim_leans);
      if (!opposition && LooksLikeProvisionPath(position.subject)) {
        // Supporting a provision is wanting it kept: "we proposed deleting article 24" goes
        // against a position in its support.
        position_leans["inclusion"] = Lean{1, position.subject};
        opposition = Opposition(position_leans, claim_leans);
      }
      if (opposition) {
        match.contradicts = true;
        match.reason =
            fmt::format("the current position on {} is {} ({}): '{}' where the claim says '{}'",
                        position.subject, StanceName(position.stance), position.date,
                        opposition->first, opposition->second);
      }
    }
    matches.push_back(std::move(match));
  }

  std::stable_sort(matches.begin(), matches.end(),
                   [](const OwnRecordMatch& a, const OwnRecordMatch& b) {
                     if (a.similarity != b.similarity) return a.similarity > b.similarity;
                     return a.contradicts && !b.contradicts;
                   });
  return matches;
}

}  // namespace tw::factcheck
