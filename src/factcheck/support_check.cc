// The support check: "27 delegations support …", "a majority voted for A/RES/74/247", "no
// delegation objected to paragraph 3". Two records can answer it:
//
//   * a recorded vote the claim names (its symbol in the text, or "resolution 74/247"): the
//     tally under the UN's rules (negotiation/vote_tally.h). "A majority" has three readings —
//     of those present and voting (yes against no, the General Assembly's rule), of all the
//     ballots cast (abstentions count), of the whole membership — and the claim is supported
//     only when the readings it allows agree: "a majority of States" means the membership,
//     "a majority of those present and voting" the rule, a bare "a majority" all three;
//   * the current positions on the provisions the claim cites, or on a topic whose words it
//     uses ("scope: broad" for "the broad scope"): each actor's latest stance, a group's
//     stance counted for each of its member states.
//
// A count is compared with the number of states (or, for "delegations" and "speakers", of
// actors) holding the claimed stance; "a majority" of those whose position is recorded and of
// the membership; "none" and "all" literally.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "factcheck/auto_check_context.h"
#include "factcheck/check_evidence.h"
#include "negotiation/actor_registry.h"
#include "negotiation/negotiation_json.h"
#include "negotiation/vote_tally.h"

namespace tw::factcheck {
namespace {

// Actors named in a finding sentence, at most; the details list them all.
constexpr std::size_t kMaxNamedActors = 8;
// Topic labels shorter than this many content words are not matched ("scope" alone would
// match every claim about scope).
constexpr std::size_t kMinTopicWords = 2;

AutoCheckResult Inconclusive(std::string finding, nlohmann::json details) {
  AutoCheckResult result;
  result.check = "support";
  result.finding = std::move(finding);
  result.details = std::move(details);
  return result;
}

nlohmann::json ClaimedJson(const SupportWording& wording) {
  nlohmann::json json = {{"quantifier", std::string(QuantifierName(wording.quantifier))},
                         {"stance", std::string(ClaimedStanceName(wording.stance))},
                         {"phrase", wording.phrase}};
  if (wording.quantifier == Quantifier::kCount) {
    json["count"] = wording.count;
    json["bound"] = std::string(CountBoundName(wording.bound));
    if (wording.total > 0) json["of"] = wording.total;
  }
  if (wording.of_membership) json["of"] = "membership";
  if (wording.of_voters) json["of"] = "present-and-voting";
  return json;
}

bool CountHolds(const SupportWording& wording, int actual) {
  const int n = wording.count;
  switch (wording.bound) {
    case CountBound::kExactly:
      return actual == n;
    case CountBound::kAtLeast:
      return actual >= n;
    case CountBound::kMoreThan:
      return actual > n;
    case CountBound::kFewerThan:
      return actual < n;
    case CountBound::kAbout:
      return std::abs(actual - n) <= std::max(1, n / 10);
  }
  return false;
}

std::string BoundWords(const SupportWording& wording) {
  switch (wording.bound) {
    case CountBound::kExactly:
      return fmt::format("{}", wording.count);
    case CountBound::kAtLeast:
      return fmt::format("at least {}", wording.count);
    case CountBound::kMoreThan:
      return fmt::format("more than {}", wording.count);
    case CountBound::kFewerThan:
      return fmt::format("fewer than {}", wording.count);
    case CountBound::kAbout:
      return fmt::format("about {}", wording.count);
  }
  return "";
}

// ------------------------------------------------------------------ recorded votes

AutoCheckResult CheckVote(const SupportWording& wording, const negotiation::RecordedVote& vote,
                          int members) {
  const negotiation::VoteTally tally = negotiation::TallyVote(vote, members);
  const int cast = tally.yes + tally.no + tally.abstain;
  const int counted = wording.stance == ClaimedStance::kSupport  ? tally.yes
                      : wording.stance == ClaimedStance::kOppose ? tally.no
                                                                 : tally.abstain;
  const int against = wording.stance == ClaimedStance::kOppose ? tally.yes : tally.no;
  const std::string_view ballot = wording.stance == ClaimedStance::kSupport  ? "yes"
                                  : wording.stance == ClaimedStance::kOppose ? "no"
                                                                             : "abstain";
  auto share = [](int part, int whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  // The three readings of "a majority" for the counted ballot.
  const bool of_present = counted > against && wording.stance != ClaimedStance::kAbstain;
  const bool of_cast = 2 * counted > cast;
  const bool of_membership = 2 * counted > tally.members;

  AutoCheckResult result;
  result.check = "support";
  nlohmann::json readings = nlohmann::json::object();
  switch (wording.quantifier) {
    case Quantifier::kCount:
      result.assessment =
          CountHolds(wording, counted) ? Assessment::kSupports : Assessment::kContradicts;
      break;
    case Quantifier::kMajority:
    case Quantifier::kMinority: {
      std::vector<bool> allowed;
      if (wording.of_membership) {
        allowed = {of_membership};
      } else if (wording.of_voters) {
        allowed = {of_present};
      } else {
        allowed = {of_present, of_cast, of_membership};
      }
      readings = {{"present_and_voting", of_present},
                  {"ballots_cast", of_cast},
                  {"membership", of_membership}};
      const bool minority = wording.quantifier == Quantifier::kMinority;
      const auto holds =
          static_cast<std::size_t>(std::count(allowed.begin(), allowed.end(), !minority));
      result.assessment = holds == allowed.size() ? Assessment::kSupports
                          : holds == 0            ? Assessment::kContradicts
                                                  : Assessment::kPartly;
      break;
    }
    case Quantifier::kNone:
      result.assessment = counted == 0 ? Assessment::kSupports : Assessment::kContradicts;
      break;
    case Quantifier::kAll:
      // "adopted by consensus", "unanimously": no one against; abstentions make it partly.
      result.assessment = tally.no == 0 && tally.abstain == 0 ? Assessment::kSupports
                          : tally.no == 0                     ? Assessment::kPartly
                                                              : Assessment::kContradicts;
      break;
  }
  std::string sentence = fmt::format("{}{}{}: {} yes, {} no, {} abstain, {} absent of {} members",
                                     vote.symbol, vote.body.empty() ? "" : ", " + vote.body,
                                     vote.date.empty() ? "" : ", " + vote.date, tally.yes, tally.no,
                                     tally.abstain, tally.absent, tally.members);
  if (wording.stance == ClaimedStance::kAbstain) {
    sentence += fmt::format(" — {} abstentions are {} of the {} ballots cast", counted,
                            Percent(share(counted, cast)), cast);
  } else {
    sentence += fmt::format(
        " — {} is {} of those present and voting ({}, {} under the rules "
        "of procedure), {} of the {} ballots cast and {} of the membership",
        ballot, Percent(share(counted, tally.present_and_voting)), tally.present_and_voting,
        of_present ? "a majority" : "not a majority", Percent(share(counted, cast)), cast,
        Percent(share(counted, tally.members)));
  }
  if (wording.quantifier == Quantifier::kCount) {
    sentence += fmt::format("; the claim says {} {}", BoundWords(wording), ballot);
  }
  result.finding = sentence + ".";
  result.details = negotiation::VoteCountsJson(tally);
  result.details.update({{"source", "vote"},
                         {"claim", ClaimedJson(wording)},
                         {"symbol", vote.symbol},
                         {"body", vote.body},
                         {"date", vote.date},
                         {"question", vote.question},
                         {"ballots_cast", cast},
                         {"counted_ballot", std::string(ballot)},
                         {"counted", counted},
                         {"share_of_present_and_voting", share(counted, tally.present_and_voting)},
                         {"share_of_ballots_cast", share(counted, cast)},
                         {"share_of_membership", share(counted, tally.members)},
                         {"majority_readings", std::move(readings)}});
  return result;
}

// ------------------------------------------------------------------ positions

bool IsPathLike(std::string_view subject) {
  return subject.find(' ') == std::string_view::npos && subject.find(':') == std::string_view::npos;
}

bool InsideOrAt(std::string_view subject, std::string_view path) {
  return subject == path || (subject.size() > path.size() &&
                             subject.substr(0, path.size()) == path && subject[path.size()] == '.');
}

// The topic's content words all occur in the claim ("scope: broad" in "the broad scope").
bool ClaimNamesTopic(std::string_view folded_claim, std::string_view topic) {
  static constexpr std::string_view kFiller[] = {"the", "of", "a", "an", "and", "on", "to", "in"};
  const std::string folded = FoldClaimText(topic);
  std::size_t words = 0;
  std::size_t at = 1;
  while (at < folded.size()) {
    const std::size_t end = folded.find(' ', at);
    if (end == std::string::npos || end == at) break;
    const std::string_view word = std::string_view(folded).substr(at, end - at);
    at = end + 1;
    if (std::find(std::begin(kFiller), std::end(kFiller), word) != std::end(kFiller)) continue;
    if (!HasPhrase(folded_claim, word)) return false;
    ++words;
  }
  return words >= kMinTopicWords;
}

negotiation::Stance StanceOf(ClaimedStance claimed) {
  switch (claimed) {
    case ClaimedStance::kSupport:
      return negotiation::Stance::kSupport;
    case ClaimedStance::kOppose:
      return negotiation::Stance::kOppose;
    case ClaimedStance::kAbstain:
      return negotiation::Stance::kNeutral;
  }
  return negotiation::Stance::kSupport;
}

// The states an actor speaks for: itself, or a group's member states (nested groups once).
std::set<std::string> StatesOf(const negotiation::ActorRegistry& registry, const std::string& id) {
  std::set<std::string> states;
  const negotiation::Actor* actor = registry.FindById(id);
  if (actor == nullptr) return states;
  auto is_state = [](const negotiation::Actor& a) {
    return a.kind == negotiation::ActorKind::kMemberState ||
           a.kind == negotiation::ActorKind::kObserverState;
  };
  if (is_state(*actor)) {
    states.insert(actor->id);
    return states;
  }
  for (const std::string& member_id : actor->members) {
    const negotiation::Actor* member = registry.FindById(member_id);
    if (member == nullptr) continue;
    if (is_state(*member)) {
      states.insert(member->id);
    } else {
      for (const std::string& inner : member->members) {
        const negotiation::Actor* state = registry.FindById(inner);
        if (state != nullptr && is_state(*state)) states.insert(state->id);
      }
    }
  }
  return states;
}

std::string NameOf(const negotiation::ActorRegistry& registry, const std::string& id) {
  const negotiation::Actor* actor = registry.FindById(id);
  return actor != nullptr ? actor->name : id;
}

std::string Names(const negotiation::ActorRegistry& registry, const std::vector<std::string>& ids) {
  std::string names;
  for (std::size_t i = 0; i < ids.size() && i < kMaxNamedActors; ++i) {
    names += (names.empty() ? "" : ", ") + NameOf(registry, ids[i]);
  }
  if (ids.size() > kMaxNamedActors)
    names += fmt::format(" and {} more", ids.size() - kMaxNamedActors);
  return names;
}

AutoCheckResult CheckPositions(const AutoCheckContext& context,
                               const negotiation::ActorRegistry& registry,
                               const std::vector<negotiation::Position>& positions,
                               const std::vector<std::string>& subjects, const std::string& about) {
  const SupportWording& wording = context.wording.support;
  // Each actor's current stance on the subjects: the latest row (rows come date, then id
  // ordered); one stance per actor across a provision and the provisions inside it.
  std::map<std::string, const negotiation::Position*> current;
  for (const negotiation::Position& position : positions) {
    if (std::find(subjects.begin(), subjects.end(), position.subject) == subjects.end()) continue;
    current[position.actor] = &position;
  }
  std::map<negotiation::Stance, std::vector<std::string>> actors_by_stance;
  std::map<negotiation::Stance, std::set<std::string>> states_by_stance;
  std::set<std::string> recorded_states;
  for (const auto& [actor, position] : current) {
    actors_by_stance[position->stance].push_back(actor);
    for (const std::string& state : StatesOf(registry, actor)) {
      states_by_stance[position->stance].insert(state);
      recorded_states.insert(state);
    }
  }
  const negotiation::Stance claimed = StanceOf(wording.stance);
  const bool counts_actors = wording.phrase.find("delegation") != std::string::npos ||
                             wording.phrase.find("speaker") != std::string::npos;
  const int holding = counts_actors ? static_cast<int>(actors_by_stance[claimed].size())
                                    : static_cast<int>(states_by_stance[claimed].size());
  const int recorded =
      counts_actors ? static_cast<int>(current.size()) : static_cast<int>(recorded_states.size());
  const int members = static_cast<int>(registry.MemberStates().size());
  const int opposing =
      static_cast<int>(counts_actors ? actors_by_stance[negotiation::Stance::kOppose].size()
                                     : states_by_stance[negotiation::Stance::kOppose].size());

  AutoCheckResult result;
  result.check = "support";
  switch (wording.quantifier) {
    case Quantifier::kCount:
      result.assessment =
          CountHolds(wording, holding) ? Assessment::kSupports : Assessment::kContradicts;
      break;
    case Quantifier::kMajority:
      if (2 * holding > members) {
        result.assessment = Assessment::kSupports;
      } else if (2 * holding > recorded) {
        result.assessment = wording.of_membership ? Assessment::kPartly : Assessment::kSupports;
      } else {
        result.assessment = Assessment::kContradicts;
      }
      break;
    case Quantifier::kMinority:
      result.assessment = 2 * holding < recorded ? Assessment::kSupports : Assessment::kContradicts;
      break;
    case Quantifier::kNone:
      result.assessment = holding == 0 ? Assessment::kSupports : Assessment::kContradicts;
      break;
    case Quantifier::kAll:
      result.assessment = holding == recorded && recorded > 0 ? Assessment::kSupports
                          : holding == 0                      ? Assessment::kContradicts
                                                              : Assessment::kPartly;
      break;
  }
  if (wording.quantifier == Quantifier::kAll && wording.stance == ClaimedStance::kSupport &&
      opposing > 0) {
    result.assessment = Assessment::kContradicts;
  }
  const std::string unit = counts_actors ? "actors" : "states";
  auto units = [&counts_actors](std::size_t n) {
    return n == 1 ? (counts_actors ? "actor" : "state") : (counts_actors ? "actors" : "states");
  };
  std::string counts;
  nlohmann::json by_stance = nlohmann::json::object();
  for (negotiation::Stance stance :
       {negotiation::Stance::kSupport, negotiation::Stance::kOppose, negotiation::Stance::kAmend,
        negotiation::Stance::kReserve, negotiation::Stance::kNeutral}) {
    const std::size_t n =
        counts_actors ? actors_by_stance[stance].size() : states_by_stance[stance].size();
    if (n > 0)
      counts +=
          fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, negotiation::StanceName(stance));
    std::vector<std::string> ids = actors_by_stance[stance];
    by_stance[std::string(negotiation::StanceName(stance))] = {
        {"actors", ids},
        {"states", std::vector<std::string>(states_by_stance[stance].begin(),
                                            states_by_stance[stance].end())}};
  }
  std::string sentence =
      fmt::format("Current positions on {}: {} {} with a recorded stance — {}", about, recorded,
                  units(static_cast<std::size_t>(recorded)), counts.empty() ? "none" : counts);
  sentence +=
      fmt::format("; {} {} {} ({} of those recorded, {} of the {} members)", holding,
                  units(static_cast<std::size_t>(holding)), negotiation::StanceName(claimed),
                  Percent(recorded > 0 ? static_cast<double>(holding) / recorded : 0.0),
                  Percent(members > 0 ? static_cast<double>(holding) / members : 0.0), members);
  const std::vector<std::string>& named = actors_by_stance[claimed];
  if (!named.empty() &&
      (wording.quantifier == Quantifier::kNone || named.size() <= kMaxNamedActors)) {
    sentence += fmt::format(": {}", Names(registry, named));
  }
  if (wording.quantifier == Quantifier::kCount) {
    sentence += fmt::format("; the claim says {}", BoundWords(wording));
  }
  result.finding = sentence + ".";
  if (context.draft) {
    for (const std::string& subject : subjects) {
      if (IsPathLike(subject) && doc::FindProvision(context.draft->root, subject) != nullptr) {
        AddAnchor(result.anchors, ProvisionAnchor(*context.draft, subject));
      }
    }
  }
  result.details = {{"source", "positions"}, {"claim", ClaimedJson(wording)},
                    {"subjects", subjects},  {"unit", unit},
                    {"recorded", recorded},  {"holding", holding},
                    {"members", members},    {"by_stance", std::move(by_stance)}};
  return result;
}

}  // namespace

absl::StatusOr<std::vector<AutoCheckResult>> RunSupportCheck(const AutoCheckContext& context) {
  const SupportWording& wording = context.wording.support;
  if (!wording.applies) return std::vector<AutoCheckResult>();
  store::Store& store = *context.store;
  std::vector<AutoCheckResult> results;

  negotiation::ActorRegistry registry = negotiation::ActorRegistry::Default();
  absl::StatusOr<std::vector<negotiation::Actor>> defined = store.ListActors();
  if (!defined.ok()) return defined.status();
  // Groups the user defined: a failure to add one (a name clash) leaves it uncounted, as the
  // CLI's registry would.
  for (const negotiation::Actor& actor : *defined) (void)registry.AddActor(actor);
  const int members = static_cast<int>(registry.MemberStates().size());

  // Votes: those the claim names by symbol.
  absl::StatusOr<std::vector<negotiation::RecordedVote>> votes = store.ListVotes();
  if (!votes.ok()) return votes.status();
  std::vector<std::string> symbols = VoteSymbolsIn(context.claim->text);
  std::string upper_claim = context.claim->text;
  for (char& c : upper_claim) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const negotiation::RecordedVote& vote : *votes) {
    std::string symbol = vote.symbol;
    for (char& c : symbol) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // Whole symbols only: "A/RES/74/247" inside "A/RES/74/2470" is not that vote.
    for (std::size_t at = upper_claim.find(symbol); !symbol.empty() && at != std::string::npos;
         at = upper_claim.find(symbol, at + 1)) {
      const std::size_t end = at + symbol.size();
      const bool whole =
          end == upper_claim.size() || !std::isalnum(static_cast<unsigned char>(upper_claim[end]));
      if (whole && std::find(symbols.begin(), symbols.end(), vote.symbol) == symbols.end()) {
        symbols.push_back(vote.symbol);
      }
    }
  }
  for (const std::string& symbol : symbols) {
    absl::StatusOr<std::optional<negotiation::RecordedVote>> vote = store.LoadVote(symbol);
    if (!vote.ok()) return vote.status();
    if (!vote->has_value()) {
      results.push_back(Inconclusive(
          fmt::format("No recorded vote {} in the store (import it with `treatywatch vote import "
                      "FILE --symbol {}`).",
                      symbol, symbol),
          {{"source", "vote"}, {"missing_vote", symbol}, {"claim", ClaimedJson(wording)}}));
      continue;
    }
    results.push_back(CheckVote(wording, **vote, members));
  }

  // Positions on the provisions cited, or on topics the claim names.
  absl::StatusOr<std::vector<negotiation::Position>> positions =
      store.ListPositions(store::PositionFilter{});
  if (!positions.ok()) return positions.status();
  std::vector<std::string> subjects;
  std::set<std::string> known_subjects;
  for (const negotiation::Position& position : *positions) known_subjects.insert(position.subject);
  std::string about;
  for (const std::string& path : context.draft_paths) {
    for (const std::string& subject : known_subjects) {
      if (InsideOrAt(subject, path)) subjects.push_back(subject);
    }
    about += (about.empty() ? "" : ", ") + (context.draft ? Cite(*context.draft, path) : path);
  }
  if (context.draft_paths.empty()) {
    for (const std::string& subject : known_subjects) {
      if (!IsPathLike(subject) && ClaimNamesTopic(context.folded, subject)) {
        subjects.push_back(subject);
        about += (about.empty() ? "'" : ", '") + subject + "'";
      }
    }
  }
  if (!subjects.empty()) {
    results.push_back(CheckPositions(context, registry, *positions, subjects, about));
  } else if (!context.draft_paths.empty()) {
    results.push_back(Inconclusive(fmt::format("No recorded position on {}.", about),
                                   {{"source", "positions"},
                                    {"subjects", context.draft_paths},
                                    {"claim", ClaimedJson(wording)}}));
  } else if (symbols.empty() && wording.voting) {
    std::string stored;
    for (const negotiation::RecordedVote& vote : *votes)
      stored += (stored.empty() ? "" : ", ") + vote.symbol;
    results.push_back(Inconclusive(
        fmt::format("The claim names no recorded vote{}.",
                    stored.empty() ? " and the store holds none" : " (stored: " + stored + ")"),
        {{"source", "vote"}, {"claim", ClaimedJson(wording)}}));
  } else if (results.empty()) {
    results.push_back(Inconclusive(
        "The claim names no recorded vote, no provision and no topic with recorded positions.",
        {{"claim", ClaimedJson(wording)}}));
  }
  return results;
}

}  // namespace tw::factcheck
