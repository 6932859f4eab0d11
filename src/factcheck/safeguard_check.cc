// The safeguard check: "Art. X contains / lacks safeguard S", "this draft contains all the
// safeguards of Z". The default audit pack (rules/cybercrime.yaml) is run on the draft, and on
// Z when the claim names a stored instrument; the rules the claim is about are those whose
// pattern words the claim uses ("judicial review", "political offence"), else those whose id
// or title shares a word with it ("oversight" shares none, "independent" does), else — for
// "safeguards" in general — every safeguard rule that says something about X.
//
// A rule says something about X when one of its findings is on X (or on a provision inside or
// around it), or when a met finding quotes words inside X: the conditions-and-safeguards
// article holds the words every procedural power inherits, so "Art. 24 contains
// proportionality" is answered by the powers' findings quoting Art. 24.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "audit/default_pack.h"
#include "audit/provision_citation.h"
#include "audit/rule_engine.h"
#include "factcheck/auto_check_context.h"
#include "factcheck/check_evidence.h"
#include "factcheck/provision_similarity.h"

namespace tw::factcheck {
namespace {

// Anchors quoted from one document's findings, at most.
constexpr std::size_t kMaxFindingAnchors = 8;
// Words that say nothing about which safeguard a claim means.
constexpr std::string_view kGenericWords[] = {
    "a",         "an",         "the",         "of",        "to",         "and",     "or",
    "in",        "on",         "for",         "by",        "with",       "as",      "is",
    "are",       "be",         "it",          "its",       "this",       "that",    "these",
    "all",       "any",        "every",       "each",      "no",         "not",     "none",
    "article",   "articles",   "art",         "paragraph", "convention", "treaty",  "draft",
    "text",      "provision",  "provisions",  "power",     "powers",     "state",   "states",
    "party",     "parties",    "contain",     "contains",  "lack",       "lacks",   "omit",
    "omits",     "provide",    "provides",    "include",   "includes",   "has",     "have",
    "safeguard", "safeguards", "subject",     "require",   "requires",   "already", "does",
    "do",        "did",        "cooperation", "offence",   "offences",   "un",      "united",
    "nations",   "against",    "cybercrime",  "budapest",  "shall",      "which",   "than",
    "there",     "their",      "they",        "we",        "our",        "also"};

const absl::StatusOr<audit::RuleEngine>& DefaultEngine() {
  static const auto* const engine =
      new absl::StatusOr<audit::RuleEngine>([]() -> absl::StatusOr<audit::RuleEngine> {
        absl::StatusOr<audit::RulePack> pack = audit::LoadDefaultPack();
        if (!pack.ok()) return pack.status();
        return audit::RuleEngine::Compile(*pack);
      }());
  return *engine;
}

bool IsGeneric(std::string_view word) {
  return std::find(std::begin(kGenericWords), std::end(kGenericWords), word) !=
         std::end(kGenericWords);
}

// "rights" → "right", "offences" → "offence"; short words and "-ss" stay.
std::string Singular(std::string_view word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
    return std::string(word.substr(0, word.size() - 1));
  }
  return std::string(word);
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < folded.size()) {
    std::size_t end = folded.find(' ', at);
    if (end == std::string_view::npos) end = folded.size();
    if (end > at) words.emplace_back(folded.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

// The claim uses a plain pattern of the pack ("judicial review", "intentional*",
// "unauthori*ed"): its words in order, a word with '*' matching any word that starts with
// what precedes the '*'.
bool ClaimUsesPattern(const std::vector<std::string>& claim_words, std::string_view source) {
  if (source.rfind("re:", 0) == 0) return false;
  // The pattern's words as the claim's are folded, keeping the stars.
  std::string spaced;
  for (char c : source) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '*' ||
                      static_cast<unsigned char>(c) >= 0x80;
    spaced.push_back(keep ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : ' ');
  }
  const std::vector<std::string> pattern = Words(spaced);
  if (pattern.empty()) return false;
  auto word_matches = [](const std::string& claim_word, const std::string& pattern_word) {
    const std::size_t star = pattern_word.find('*');
    if (star == std::string::npos) return claim_word == pattern_word;
    return claim_word.size() >= star && claim_word.compare(0, star, pattern_word, 0, star) == 0;
  };
  for (std::size_t i = 0; i + pattern.size() <= claim_words.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < pattern.size() && all; ++k) {
      all = word_matches(claim_words[i + k], pattern[k]);
    }
    if (all) return true;
  }
  return false;
}

bool IsCheckRule(const audit::Rule& rule) {
  return rule.test.has_value() && rule.topic != "progress";
}

// The check rules the claim is about (see the file comment); empty for "safeguards" in general.
std::vector<const audit::Rule*> RulesNamed(const audit::RulePack& pack,
                                           std::string_view folded_claim) {
  const std::vector<std::string> claim_words = Words(folded_claim);
  std::vector<const audit::Rule*> by_pattern;
  for (const audit::Rule& rule : pack.rules) {
    if (!IsCheckRule(rule)) continue;
    bool used = false;
    for (const auto* list :
         {&rule.test->require_any, &rule.test->require_all, &rule.test->forbid}) {
      for (const audit::Pattern& pattern : *list)
        used = used || ClaimUsesPattern(claim_words, pattern.source);
    }
    if (used) by_pattern.push_back(&rule);
  }
  if (!by_pattern.empty()) return by_pattern;
  std::set<std::string> content;
  for (const std::string& word : claim_words) {
    if (!IsGeneric(word) && !std::isdigit(static_cast<unsigned char>(word.front()))) {
      content.insert(Singular(word));
    }
  }
  std::vector<std::pair<int, const audit::Rule*>> scored;
  int best = 0;
  for (const audit::Rule& rule : pack.rules) {
    if (!IsCheckRule(rule)) continue;
    std::set<std::string> words;
    std::string id = rule.id;
    std::replace(id.begin(), id.end(), '-', ' ');
    for (const std::string& word : Words(FoldClaimText(id + " " + rule.title))) {
      if (!IsGeneric(word)) words.insert(Singular(word));
    }
    int overlap = 0;
    for (const std::string& word : words) overlap += static_cast<int>(content.count(word));
    if (overlap > 0) scored.emplace_back(overlap, &rule);
    best = std::max(best, overlap);
  }
  std::vector<const audit::Rule*> named;
  for (const auto& [overlap, rule] : scored) {
    if (overlap == best) named.push_back(rule);
  }
  return named;
}

bool Related(std::string_view path, std::string_view scope) {
  if (scope.empty() || path == scope) return true;
  auto inside = [](std::string_view inner, std::string_view outer) {
    return inner.size() > outer.size() && inner.substr(0, outer.size()) == outer &&
           inner[outer.size()] == '.';
  };
  return inside(path, scope) || inside(scope, path);
}

bool QuotesInside(const audit::Finding& finding, std::string_view scope) {
  if (scope.empty() || finding.outcome != audit::Outcome::kMet) return false;
  for (const audit::Evidence& evidence : finding.evidence) {
    if (!evidence.forbidden && Related(evidence.path, scope) &&
        evidence.path.size() >= scope.size()) {
      return true;
    }
  }
  return false;
}

enum class RuleState { kPresent, kPartly, kAbsent, kNotFound };

std::string_view RuleStateName(RuleState state) {
  switch (state) {
    case RuleState::kPresent:
      return "present";
    case RuleState::kPartly:
      return "partly";
    case RuleState::kAbsent:
      return "absent";
    case RuleState::kNotFound:
      return "not-found";
  }
  return "not-found";
}

// One rule's standing in one scope of one document, and the findings it rests on.
struct RuleStanding {
  const audit::Rule* rule = nullptr;
  RuleState state = RuleState::kNotFound;
  std::vector<const audit::Finding*> findings;
};

RuleStanding Stand(const audit::Rule& rule, const audit::AuditResult& result,
                   std::string_view scope) {
  RuleStanding standing;
  standing.rule = &rule;
  int met = 0, related = 0;
  const audit::Finding* quoting = nullptr;
  for (const audit::Finding& finding : result.findings) {
    if (finding.rule_id != rule.id) continue;
    if (Related(finding.path, scope)) {
      ++related;
      met += finding.outcome == audit::Outcome::kMet;
      standing.findings.push_back(&finding);
    } else if (quoting == nullptr && QuotesInside(finding, scope)) {
      quoting = &finding;
    }
  }
  if (related == 0 && quoting != nullptr) {
    standing.findings.push_back(quoting);
    standing.state = RuleState::kPresent;
  } else if (related == 0) {
    standing.state = RuleState::kNotFound;
  } else if (met == related) {
    standing.state = RuleState::kPresent;
  } else {
    standing.state = met == 0 ? RuleState::kAbsent : RuleState::kPartly;
  }
  return standing;
}

nlohmann::json FindingJson(const doc::Document& document, const audit::Rule& rule,
                           const audit::Finding& finding) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const audit::Evidence& quote : finding.evidence) {
    evidence.push_back({{"path", quote.path},
                        {"citation", audit::ProvisionCitation(document.root, quote.path)},
                        {"quote", quote.quote},
                        {"start", quote.begin},
                        {"end", quote.end},
                        {"forbidden", quote.forbidden},
                        {"bracketed", quote.bracketed}});
  }
  return {{"rule_id", rule.id},
          {"title", rule.title},
          {"topic", rule.topic},
          {"severity", audit::SeverityName(rule.severity)},
          {"path", finding.path},
          {"citation", audit::ProvisionCitation(document.root, finding.path)},
          {"outcome", audit::OutcomeName(finding.outcome)},
          {"evidence", std::move(evidence)},
          {"missing", finding.missing}};
}

// Anchors the words the standing rests on: quotes of met and violated findings, and for a
// missing one the provision searched in vain.
void AnchorStanding(const doc::Document& document, const RuleStanding& standing,
                    std::vector<EvidenceAnchor>& anchors) {
  for (const audit::Finding* finding : standing.findings) {
    if (anchors.size() >= kMaxFindingAnchors) return;
    if (finding->outcome == audit::Outcome::kMissing) {
      AddAnchor(anchors, ProvisionAnchor(document, finding->path));
      continue;
    }
    for (const audit::Evidence& evidence : finding->evidence) {
      if (anchors.size() >= kMaxFindingAnchors) return;
      AddAnchor(anchors, RangeAnchor(document, evidence.begin, evidence.end));
    }
  }
}

std::string Titles(const std::vector<const RuleStanding*>& standings) {
  std::string titles;
  for (const RuleStanding* standing : standings) {
    if (!titles.empty()) titles += "; ";
    titles += standing->rule->title;
  }
  return titles;
}

std::string Scope(const doc::Document& document, std::string_view path) {
  return path.empty() ? ShortCite(document)
                      : fmt::format("{} of {}", Cite(document, path), ShortCite(document));
}

std::string JoinScopes(const doc::Document& document, const std::vector<std::string>& paths) {
  if (paths.empty() || (paths.size() == 1 && paths.front().empty())) return ShortCite(document);
  std::string cites;
  for (const std::string& path : paths) {
    if (!cites.empty()) cites += ", ";
    cites += Cite(document, path);
  }
  return fmt::format("{} of {}", cites, ShortCite(document));
}

Assessment Assess(bool lacks, bool all_claimed, int present, int partly, int absent) {
  const int known = present + partly + absent;
  if (known == 0) return Assessment::kInconclusive;
  if (!lacks) {
    if (present == known) return Assessment::kSupports;
    if (present == 0 && partly == 0) return Assessment::kContradicts;
    return all_claimed ? Assessment::kContradicts : Assessment::kPartly;
  }
  if (absent == known) return Assessment::kSupports;
  if (absent == 0 && partly == 0) return Assessment::kContradicts;
  return Assessment::kPartly;
}

AutoCheckResult Inconclusive(std::string finding,
                             nlohmann::json details = nlohmann::json::object()) {
  AutoCheckResult result;
  result.check = "safeguard";
  result.finding = std::move(finding);
  result.assessment = Assessment::kInconclusive;
  result.details = std::move(details);
  return result;
}

nlohmann::json Claimed(const SafeguardWording& wording) {
  return {{"claim_says", wording.lacks ? "lacks" : "contains"},
          {"all", wording.all},
          {"phrase", wording.phrase},
          {"terms", wording.terms}};
}

// The draft (scope paths) alone.
AutoCheckResult CheckDraft(const AutoCheckContext& context, const audit::RuleEngine& engine,
                           const std::vector<const audit::Rule*>& named) {
  const doc::Document& draft = *context.draft;
  const audit::RulePack& pack = engine.pack();
  const audit::AuditResult audited = engine.Evaluate(draft);
  std::vector<std::string> scopes = context.draft_paths;
  if (scopes.empty()) scopes.push_back("");

  std::vector<const audit::Rule*> rules = named;
  const bool general = rules.empty();
  if (general) {
    // "safeguards" in general: the safeguard rules about X, else every check rule about X.
    for (std::string_view topic : {"safeguards", ""}) {
      for (const audit::Rule& rule : pack.rules) {
        if (!IsCheckRule(rule) || (!topic.empty() && rule.topic != topic)) continue;
        for (const std::string& scope : scopes) {
          if (Stand(rule, audited, scope).state != RuleState::kNotFound) {
            rules.push_back(&rule);
            break;
          }
        }
      }
      if (!rules.empty()) break;
    }
  }
  std::vector<RuleStanding> standings;
  for (const std::string& scope : scopes) {
    for (const audit::Rule* rule : rules) {
      RuleStanding standing = Stand(*rule, audited, scope);
      if (standing.state != RuleState::kNotFound) standings.push_back(std::move(standing));
    }
  }
  const SafeguardWording& wording = context.wording.safeguard;
  nlohmann::json details = {{"pack", std::string(audit::kDefaultPackName)},
                            {"document", ProvisionJson(draft, "")},
                            {"scope", scopes},
                            {"claim", Claimed(wording)},
                            {"rules", nlohmann::json::array()},
                            {"findings", nlohmann::json::array()}};
  for (const audit::Rule* rule : rules) details["rules"].push_back(rule->id);
  const std::string where = JoinScopes(draft, context.draft_paths);
  if (standings.empty()) {
    std::string about;
    for (const audit::Rule* rule : rules) about += (about.empty() ? "" : "; ") + rule->title;
    return Inconclusive(
        rules.empty() ? fmt::format("The audit ({}) has no safeguard rule that applies to {}.",
                                    audit::kDefaultPackName, where)
                      : fmt::format("The audit ({}) does not apply its rules on this ({}) to {}.",
                                    audit::kDefaultPackName, about, where),
        std::move(details));
  }
  std::vector<const RuleStanding*> present, partly, absent;
  AutoCheckResult result;
  result.check = "safeguard";
  for (const RuleStanding& standing : standings) {
    if (standing.state == RuleState::kPresent) present.push_back(&standing);
    if (standing.state == RuleState::kPartly) partly.push_back(&standing);
    if (standing.state == RuleState::kAbsent) absent.push_back(&standing);
    for (const audit::Finding* finding : standing.findings) {
      nlohmann::json json = FindingJson(draft, *standing.rule, *finding);
      json["state"] = RuleStateName(standing.state);
      details["findings"].push_back(std::move(json));
    }
  }
  for (const auto* group : {&absent, &partly, &present}) {
    for (const RuleStanding* standing : *group) AnchorStanding(draft, *standing, result.anchors);
  }
  const int total = static_cast<int>(standings.size());
  details["present"] = present.size();
  details["partly"] = partly.size();
  details["absent"] = absent.size();
  std::string sentence = fmt::format(
      "The audit ({}) of {}: {} of {} {} met", audit::kDefaultPackName, where, present.size(),
      total, total == 1 ? "rule the claim concerns" : "rules the claim concerns");
  if (total == 1 && present.size() == 1) {
    // Where the words are: often not in X itself but in the article X inherits them from.
    sentence += fmt::format(" ({}", standings[0].rule->title);
    for (const audit::Finding* finding : standings[0].findings) {
      if (finding->evidence.empty()) continue;
      const audit::Evidence& quote = finding->evidence.front();
      sentence += fmt::format(": {} in {}", Quoted(quote.quote),
                              audit::ProvisionCitation(draft.root, quote.path));
      break;
    }
    sentence += ")";
  }
  if (!absent.empty()) {
    sentence += fmt::format("; missing or violated: {}", Titles(absent));
    if (absent.size() == 1 && !absent.front()->findings.empty() &&
        !absent.front()->findings.front()->missing.empty()) {
      std::string none_of;
      for (const std::string& source : absent.front()->findings.front()->missing) {
        none_of += (none_of.empty() ? "" : ", ") + Quoted(source);
      }
      sentence += fmt::format(" (none of {})", none_of);
    }
  }
  if (!partly.empty()) sentence += fmt::format("; met only in part: {}", Titles(partly));
  result.finding = sentence + ".";
  result.assessment = Assess(wording.lacks, wording.all, static_cast<int>(present.size()),
                             static_cast<int>(partly.size()), static_cast<int>(absent.size()));
  result.details = std::move(details);
  return result;
}

// The draft against another instrument's safeguards ("all the safeguards of Z").
AutoCheckResult CheckAgainst(const AutoCheckContext& context, const audit::RuleEngine& engine,
                             const std::vector<const audit::Rule*>& named,
                             const NamedInstrument& other) {
  const doc::Document& draft = *context.draft;
  const doc::Document& source = *other.document;
  const audit::RulePack& pack = engine.pack();
  const std::string draft_scope = context.draft_paths.empty() ? "" : context.draft_paths.front();
  std::string source_scope = other.paths.empty() ? "" : other.paths.front();
  nlohmann::json details = {{"pack", std::string(audit::kDefaultPackName)},
                            {"claim", Claimed(context.wording.safeguard)}};
  if (source_scope.empty() && !draft_scope.empty()) {
    // Z's counterpart of X: the crosswalk's best match.
    if (auto compared = CompareProvisions(draft, draft_scope, source, "")) {
      if (compared->best && compared->best->similarity > 0) {
        source_scope = compared->best->path;
        details["counterpart_similarity"] = compared->best->similarity;
      }
    }
  }
  details["draft"] = ProvisionJson(draft, draft_scope);
  details["source"] = ProvisionJson(source, source_scope);
  const audit::AuditResult draft_audit = engine.Evaluate(draft);
  const audit::AuditResult source_audit = engine.Evaluate(source);
  std::vector<const audit::Rule*> rules = named;
  if (rules.empty()) {
    for (const audit::Rule& rule : pack.rules) {
      if (IsCheckRule(rule)) rules.push_back(&rule);
    }
  }
  std::vector<RuleStanding> held;  // Z's safeguards in its scope
  std::vector<RuleStanding> draft_side;
  for (const audit::Rule* rule : rules) {
    RuleStanding in_source = Stand(*rule, source_audit, source_scope);
    if (in_source.state != RuleState::kPresent) continue;
    held.push_back(std::move(in_source));
    RuleStanding in_draft = Stand(*rule, draft_audit, draft_scope);
    // Z has it and X shows none of it: X lacks it.
    if (in_draft.state == RuleState::kNotFound) in_draft.state = RuleState::kAbsent;
    draft_side.push_back(std::move(in_draft));
  }
  const std::string source_where = Scope(source, source_scope);
  const std::string draft_where = Scope(draft, draft_scope);
  if (held.empty()) {
    return Inconclusive(fmt::format("The audit ({}) finds none of its safeguards met in {}, so "
                                    "there is nothing to compare {} with.",
                                    audit::kDefaultPackName, source_where, draft_where),
                        std::move(details));
  }
  AutoCheckResult result;
  result.check = "safeguard";
  std::vector<const RuleStanding*> present, partly, absent;
  nlohmann::json compared = nlohmann::json::array();
  for (std::size_t i = 0; i < held.size(); ++i) {
    const RuleStanding& mine = draft_side[i];
    if (mine.state == RuleState::kPresent) present.push_back(&mine);
    if (mine.state == RuleState::kPartly) partly.push_back(&mine);
    if (mine.state == RuleState::kAbsent) absent.push_back(&mine);
    nlohmann::json row = {{"rule_id", mine.rule->id},
                          {"title", mine.rule->title},
                          {"in_source", nlohmann::json::array()},
                          {"in_draft", nlohmann::json::array()},
                          {"draft_state", RuleStateName(mine.state)}};
    for (const audit::Finding* finding : held[i].findings) {
      row["in_source"].push_back(FindingJson(source, *held[i].rule, *finding));
    }
    for (const audit::Finding* finding : mine.findings) {
      row["in_draft"].push_back(FindingJson(draft, *mine.rule, *finding));
    }
    compared.push_back(std::move(row));
    AnchorStanding(draft, mine, result.anchors);
  }
  for (const RuleStanding& standing : held) AnchorStanding(source, standing, result.anchors);
  AddAnchor(result.anchors, ProvisionAnchor(draft, draft_scope));
  details["compared"] = std::move(compared);
  details["held_by_source"] = held.size();
  details["present"] = present.size();
  details["partly"] = partly.size();
  details["absent"] = absent.size();
  std::string sentence =
      fmt::format("Of the {} safeguard{} the audit ({}) finds in {}, {} has {}", held.size(),
                  held.size() == 1 ? "" : "s", audit::kDefaultPackName, source_where, draft_where,
                  present.size());
  sentence += absent.empty() ? "; it lacks none"
                             : fmt::format("; it lacks {}: {}", absent.size(), Titles(absent));
  if (!partly.empty()) sentence += fmt::format("; in part only: {}", Titles(partly));
  result.finding = sentence + ".";
  // "all the safeguards of Z": every one must hold.
  result.assessment =
      Assess(context.wording.safeguard.lacks, true, static_cast<int>(present.size()),
             static_cast<int>(partly.size()), static_cast<int>(absent.size()));
  result.details = std::move(details);
  return result;
}

}  // namespace

const std::vector<std::string>& SafeguardCategoryTerms() {
  static const auto* const terms = [] {
    auto* list = new std::vector<std::string>();
    const absl::StatusOr<audit::RuleEngine>& engine = DefaultEngine();
    if (!engine.ok()) return list;
    for (const audit::Category& category : engine->pack().categories) {
      std::string id = category.id;
      std::replace(id.begin(), id.end(), '-', ' ');
      for (const std::string& name : {id, category.title}) {
        std::string folded = FoldClaimText(name);
        while (!folded.empty() && folded.front() == ' ') folded.erase(0, 1);
        while (!folded.empty() && folded.back() == ' ') folded.pop_back();
        // One word ("criminalisation") names a subject, not something an article has.
        if (folded.find(' ') != std::string::npos) list->push_back(folded);
      }
    }
    return list;
  }();
  return *terms;
}

absl::StatusOr<std::vector<AutoCheckResult>> RunSafeguardCheck(const AutoCheckContext& context) {
  if (!context.wording.safeguard.applies) return std::vector<AutoCheckResult>();
  std::vector<AutoCheckResult> results;
  if (!context.draft) {
    results.push_back(Inconclusive(fmt::format("No draft to audit: {}.", context.no_draft_reason)));
    return results;
  }
  if (!context.absent_draft_paths.empty() && context.draft_paths.empty()) {
    std::string cited;
    for (const std::string& path : context.absent_draft_paths) {
      cited += (cited.empty() ? "" : ", ") + path;
    }
    results.push_back(Inconclusive(fmt::format("{} has no provision {} that the claim cites.",
                                               ShortCite(*context.draft), cited),
                                   {{"absent_paths", context.absent_draft_paths}}));
    return results;
  }
  const absl::StatusOr<audit::RuleEngine>& engine = DefaultEngine();
  if (!engine.ok()) return engine.status();
  const std::vector<const audit::Rule*> named = RulesNamed(engine->pack(), context.folded);
  // A named safeguard is checked in the draft even when the instrument it is compared with is
  // not stored ("Article 37 lacks the political offence exception UNTOC has"); "all the
  // safeguards of Z" cannot be answered without Z.
  bool compared = false;
  for (const NamedInstrument& other : context.others) {
    if (!other.document) {
      results.push_back(Inconclusive(
          fmt::format("No stored version of '{}': its safeguards cannot be compared with {}.",
                      other.canonical, JoinScopes(*context.draft, context.draft_paths)),
          {{"missing_instrument", other.canonical}}));
      continue;
    }
    if (!other.absent_paths.empty()) {
      results.push_back(
          Inconclusive(fmt::format("{} has no provision {}.", ShortCite(*other.document),
                                   other.absent_paths.front()),
                       {{"instrument", other.canonical}, {"absent_paths", other.absent_paths}}));
      continue;
    }
    results.push_back(CheckAgainst(context, *engine, named, other));
    compared = true;
  }
  if (!compared && (results.empty() || !named.empty())) {
    results.push_back(CheckDraft(context, *engine, named));
  }
  return results;
}

}  // namespace tw::factcheck
