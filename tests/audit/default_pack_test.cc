// Every rule of the default pack (rules/cybercrime.yaml) against a provision that meets it and
// one that misses it (or violates it, for rules that forbid), on small drafts written for the
// purpose and run through the real parser and engine. A last test makes sure no rule of the
// pack is left without both cases.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "audit/default_pack.h"
#include "audit/rule_engine.h"
#include "draft_text.h"

namespace tw::audit {
namespace {

enum class Expect { kMet, kMissing, kViolated, kNotSelected };

struct Case {
  std::string rule;
  std::string name;
  std::string path;  // the provision the finding is about
  Expect expect;
  std::string text;  // the draft
};

const char* ExpectName(Expect expect) {
  switch (expect) {
    case Expect::kMet: return "met";
    case Expect::kMissing: return "missing";
    case Expect::kViolated: return "violated";
    case Expect::kNotSelected: return "not selected";
  }
  return "";
}

// A draft with one chapter holding one article, then optionally more text.
std::string Chapter(std::string_view chapter, std::string_view heading, std::string_view body,
                    std::string_view more = {}) {
  std::string text = "Draft convention\n\nChapter I\n";
  text += chapter;
  text += "\n\nArticle 1\n";
  text += heading;
  text += "\n\n";
  text += body;
  text += "\n";
  if (!more.empty()) {
    text += "\n";
    text += more;
    text += "\n";
  }
  return text;
}

constexpr std::string_view kOffence =
    "Each State Party shall adopt such legislative and other measures as may be necessary to "
    "establish as a criminal offence under its domestic law ";

std::string Offence(std::string_view heading, std::string_view conduct) {
  return Chapter("Criminalization", heading, std::string(kOffence) + std::string(conduct));
}

// A procedural chapter: article 1 is a power, article 2 the conditions-and-safeguards article.
std::string Power(std::string_view safeguards) {
  return Chapter("Procedural measures", "Production order",
                 "Each State Party shall adopt such legislative and other measures as may be "
                 "necessary to empower its competent authorities to order a person to submit "
                 "specified electronic data.",
                 std::string("Article 2\nConditions and safeguards\n\n") + std::string(safeguards));
}

constexpr std::string_view kAllSafeguards =
    "1. Each State Party shall ensure that the powers and procedures provided for in this chapter "
    "are subject to conditions and safeguards which shall incorporate the principle of "
    "proportionality.\n\n2. Such conditions and safeguards shall include judicial or other "
    "independent review, the right to an effective remedy, grounds justifying application, and "
    "limitation of the scope and the duration of such power or procedure.";

constexpr std::string_view kWeakSafeguards =
    "Each State Party shall ensure that the powers and procedures provided for in this chapter "
    "are subject to the domestic law of that State Party.";

std::string Cooperation(std::string_view heading, std::string_view body,
                        std::string_view more = {}) {
  return Chapter("International cooperation", heading, body, more);
}

std::string HumanRights(std::string_view body) {
  return Chapter("General provisions", "Respect for human rights", body);
}

std::vector<Case> Cases() {
  const std::string intent = "the access to a computer system, when committed intentionally and "
                             "without right, by infringing security measures.";
  return {
      // Classification: scope.
      {"classify-criminalisation", "criminalisation chapter", "art1", Expect::kMet,
       Offence("Illegal access", intent)},
      {"classify-criminalisation", "other chapter", "art1", Expect::kNotSelected,
       Chapter("Jurisdiction", "Jurisdiction", "Each State Party shall establish its jurisdiction.")},
      {"scope-cyber-dependent", "illegal access", "art1", Expect::kMet,
       Offence("Illegal access", intent)},
      {"scope-cyber-dependent", "fraud is not", "art1", Expect::kNotSelected,
       Offence("Computer-related fraud", intent)},
      {"scope-cyber-enabled", "fraud", "art1", Expect::kMet, Offence("Computer-related fraud", intent)},
      {"scope-cyber-enabled", "illegal access is not", "art1", Expect::kNotSelected,
       Offence("Illegal access", intent)},
      {"scope-content-related", "extremist material", "art1", Expect::kMet,
       Offence("Dissemination of extremist material", intent)},
      {"scope-content-related", "fraud is not", "art1", Expect::kNotSelected,
       Offence("Computer-related fraud", intent)},
      {"scope-ancillary", "attempt", "art1", Expect::kMet,
       Offence("Participation and attempt", "any attempt to commit an offence.")},
      {"scope-ancillary", "forgery is not", "art1", Expect::kNotSelected,
       Offence("Computer-related forgery", intent)},
      // Classification: structure.
      {"classify-procedural-power", "production order", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"classify-procedural-power", "outside the procedural chapter", "art1", Expect::kNotSelected,
       Cooperation("Production order", "States Parties shall cooperate.")},
      {"classify-procedural-scope", "scope of procedural measures", "art1", Expect::kMet,
       Chapter("Procedural measures", "Scope of procedural measures",
               "Each State Party shall establish the powers in this chapter.")},
      {"classify-procedural-scope", "scope of application", "art1", Expect::kNotSelected,
       Chapter("General provisions", "Scope of application", "This Convention shall apply.")},
      {"classify-safeguards-article", "conditions and safeguards", "art2", Expect::kMet,
       Power(kAllSafeguards)},
      {"classify-safeguards-article", "protection of witnesses", "art1", Expect::kNotSelected,
       Chapter("Procedural measures", "Protection of witnesses", "Each State Party shall protect.")},
      {"classify-cooperation", "cooperation chapter", "art1", Expect::kMet,
       Cooperation("Extradition", "This article shall apply to extradition.")},
      {"classify-cooperation", "preventive chapter", "art1", Expect::kNotSelected,
       Chapter("Preventive measures", "Preventive measures", "States Parties shall endeavour.")},
      {"classify-refusal-article", "extradition", "art1", Expect::kMet,
       Cooperation("Extradition", "This article shall apply to extradition.")},
      {"classify-refusal-article", "expedited preservation", "art1", Expect::kNotSelected,
       Cooperation("Expedited preservation of stored computer data", "A State Party may request.")},
      {"classify-data-protection", "protection of personal data", "art1", Expect::kMet,
       Cooperation("Protection of personal data", "States Parties shall protect personal data.")},
      {"classify-data-protection", "protection of witnesses", "art1", Expect::kNotSelected,
       Cooperation("Protection of witnesses", "States Parties shall protect witnesses.")},
      {"classify-human-rights-article", "respect for human rights", "art1", Expect::kMet,
       HumanRights("States Parties shall respect human rights.")},
      {"classify-human-rights-article", "sovereignty", "art1", Expect::kNotSelected,
       Chapter("General provisions", "Protection of sovereignty", "States Parties shall respect.")},
      {"classify-definitions", "use of terms", "art1", Expect::kMet,
       Chapter("General provisions", "Use of terms", "For the purposes of this Convention:")},
      {"classify-definitions", "statement of purpose", "art1", Expect::kNotSelected,
       Chapter("General provisions", "Statement of purpose", "The purposes of this Convention are:")},
      // Criminalisation.
      {"offence-intent", "intentionally", "art1", Expect::kMet, Offence("Illegal access", intent)},
      {"offence-intent", "no mental element", "art1", Expect::kMissing,
       Offence("Illegal access", "the access, without right, to a computer system.")},
      {"offence-without-right", "without right", "art1", Expect::kMet, Offence("Illegal access", intent)},
      {"offence-without-right", "no without right", "art1", Expect::kMissing,
       Offence("Illegal access", "the intentional access to a computer system.")},
      {"offence-harm-threshold", "security measures", "art1", Expect::kMet,
       Offence("Illegal access", intent)},
      {"offence-harm-threshold", "no threshold", "art1", Expect::kMissing,
       Offence("Illegal access", "the intentional access, without right, to a computer system.")},
      {"offence-research-exception", "authorized testing", "art1", Expect::kMet,
       Offence("Misuse of devices",
               "the intentional possession of a device.\n\n2. This article shall not be "
               "interpreted as imposing criminal liability for the authorized testing or "
               "protection of a computer system.")},
      {"offence-research-exception", "no exception", "art1", Expect::kMissing,
       Offence("Misuse of devices", "the intentional possession, without right, of a device.")},
      {"offence-content-expression", "freedom of expression", "art1", Expect::kMet,
       Offence("Dissemination of extremist material",
               "the intentional distribution of extremist material, in a manner consistent with "
               "freedom of expression.")},
      {"offence-content-expression", "no limit", "art1", Expect::kMissing,
       Offence("Dissemination of extremist material",
               "the intentional distribution of extremist material.")},
      {"definitions-serious-crime-threshold", "four years", "art1.a", Expect::kMet,
       Chapter("General provisions", "Use of terms",
               "For the purposes of this Convention:\n\n(a) \"Serious crime\" shall mean conduct "
               "punishable by a maximum deprivation of liberty of at least four years;")},
      {"definitions-serious-crime-threshold", "no threshold", "art1.a", Expect::kMissing,
       Chapter("General provisions", "Use of terms",
               "For the purposes of this Convention:\n\n(a) \"Serious crime\" shall mean conduct "
               "punishable by deprivation of liberty;")},
      {"definitions-serious-crime-threshold", "one year", "art1.a", Expect::kViolated,
       Chapter("General provisions", "Use of terms",
               "For the purposes of this Convention:\n\n(a) \"Serious crime\" shall mean conduct "
               "punishable by a maximum deprivation of liberty of at least one year;")},
      {"cooperation-limited-to-treaty-offences", "treaty offences", "art1", Expect::kMet,
       Cooperation("General principles of international cooperation",
                   "States Parties shall cooperate for the purpose of investigations of criminal "
                   "offences established in accordance with this Convention.")},
      {"cooperation-limited-to-treaty-offences", "any serious crime", "art1", Expect::kViolated,
       Cooperation("General principles of international cooperation",
                   "States Parties shall cooperate in the collecting of evidence in electronic "
                   "form of any serious crime.")},
      // Investigative powers.
      {"powers-specific-investigations", "specific investigations", "art1", Expect::kMet,
       Chapter("Procedural measures", "Scope of procedural measures",
               "Each State Party shall establish the powers for the purpose of specific criminal "
               "investigations or proceedings.")},
      {"powers-specific-investigations", "general", "art1", Expect::kMissing,
       Chapter("Procedural measures", "Scope of procedural measures",
               "Each State Party shall establish the powers provided for in this chapter.")},
      {"powers-any-offence", "treaty offences", "art1", Expect::kMet,
       Chapter("Procedural measures", "Scope of procedural measures",
               "Each State Party shall apply the powers to the criminal offences established in "
               "accordance with this Convention.")},
      {"powers-any-offence", "any offence", "art1", Expect::kViolated,
       Chapter("Procedural measures", "Scope of procedural measures",
               "Each State Party shall apply the powers to the collection of evidence in "
               "electronic form of any criminal offence.")},
      {"power-subject-to-safeguards", "safeguards article", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-subject-to-safeguards", "none", "art1", Expect::kMissing,
       Chapter("Procedural measures", "Production order", "Each State Party shall empower its "
               "competent authorities to order a person to submit specified electronic data.")},
      {"power-proportionality", "proportionality", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-proportionality", "domestic law only", "art1", Expect::kMissing, Power(kWeakSafeguards)},
      {"power-independent-review", "judicial review", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-independent-review", "domestic law only", "art1", Expect::kMissing, Power(kWeakSafeguards)},
      {"power-grounds", "grounds", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-grounds", "domestic law only", "art1", Expect::kMissing, Power(kWeakSafeguards)},
      {"power-scope-duration", "scope and duration", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-scope-duration", "domestic law only", "art1", Expect::kMissing, Power(kWeakSafeguards)},
      {"power-effective-remedy", "remedy", "art1", Expect::kMet, Power(kAllSafeguards)},
      {"power-effective-remedy", "domestic law only", "art1", Expect::kMissing, Power(kWeakSafeguards)},
      // International cooperation.
      {"cooperation-dual-criminality", "both laws", "art1", Expect::kMet,
       Cooperation("Extradition", "This article shall apply provided that the offence is "
                                  "punishable under the domestic law of both States Parties.")},
      {"cooperation-dual-criminality", "none", "art1", Expect::kMissing,
       Cooperation("Extradition", "This article shall apply to the offences of this Convention.")},
      {"cooperation-refusal-persecution", "all grounds", "art1", Expect::kMet,
       Cooperation("Extradition", "Nothing in this Convention shall be interpreted as imposing an "
                                  "obligation to extradite if the request has been made for the "
                                  "purpose of punishing a person on account of that person’s sex, "
                                  "race, language, religion, nationality, ethnic origin or "
                                  "political opinions.")},
      {"cooperation-refusal-persecution", "political opinions only", "art1", Expect::kMissing,
       Cooperation("Extradition", "A State Party may refuse a request made on account of a "
                                  "person's political opinions.")},
      {"cooperation-political-offence", "political offence", "art1", Expect::kMet,
       Cooperation("Extradition", "None of the offences shall be regarded as a political offence.")},
      {"cooperation-political-offence", "none", "art1", Expect::kMissing,
       Cooperation("Extradition", "This article shall apply to the offences of this Convention.")},
      {"cooperation-human-rights", "substantial grounds", "art1", Expect::kMet,
       Cooperation("Mutual legal assistance", "Nothing in this Convention shall be interpreted as "
                                              "imposing an obligation if the requested State Party "
                                              "has substantial grounds for believing that the "
                                              "request is persecution.")},
      {"cooperation-human-rights", "none", "art1", Expect::kMissing,
       Cooperation("Mutual legal assistance", "States Parties shall afford one another the "
                                              "widest measure of assistance.")},
      {"cooperation-data-protection", "data protection article in the chapter", "art1", Expect::kMet,
       Cooperation("Mutual legal assistance", "States Parties shall afford one another the "
                                              "widest measure of assistance.",
                   "Article 2\nProtection of personal data\n\nA State Party transferring personal "
                   "data shall do so in accordance with its domestic law.")},
      {"cooperation-data-protection", "data protection article in another chapter", "art2",
       Expect::kMet,
       "Draft convention\n\nChapter I\nGeneral provisions\n\nArticle 1\nProtection of personal "
       "data\n\nA State Party transferring personal data shall protect it.\n\nChapter II\n"
       "International cooperation\n\nArticle 2\nMutual legal assistance\n\nStates Parties "
       "shall afford one another the widest measure of assistance.\n"},
      {"cooperation-data-protection", "none", "art1", Expect::kMissing,
       Cooperation("Mutual legal assistance", "States Parties shall afford one another the "
                                              "widest measure of assistance.")},
      // Human rights.
      {"treaty-human-rights-clause", "article present", "", Expect::kMet,
       HumanRights("States Parties shall respect human rights.")},
      {"treaty-human-rights-clause", "absent", "", Expect::kMissing,
       Chapter("General provisions", "Protection of sovereignty",
               "States Parties shall carry out their obligations.")},
      {"treaty-human-rights-clause", "preamble words only", "", Expect::kMissing,
       "Draft convention\n\nPreamble\n\nThe States Parties,\n\nMindful of the need to ensure "
       "respect for human rights,\n\nHave agreed as follows:\n\nChapter I\nGeneral provisions\n\n"
       "Article 1\nProtection of sovereignty\n\nStates Parties shall carry out their obligations.\n"},
      {"human-rights-international-law", "international law", "art1", Expect::kMet,
       HumanRights("States Parties shall ensure that implementation is consistent with their "
                   "obligations under international human rights law.")},
      {"human-rights-international-law", "domestic law", "art1", Expect::kMissing,
       HumanRights("States Parties shall ensure respect for human rights under their domestic law.")},
      {"human-rights-no-suppression", "interpretation clause", "art1", Expect::kMet,
       HumanRights("Nothing in this Convention shall be interpreted as permitting suppression of "
                   "human rights or fundamental freedoms.")},
      {"human-rights-no-suppression", "none", "art1", Expect::kMissing,
       HumanRights("States Parties shall respect human rights.")},
      {"human-rights-expression", "expression", "art1", Expect::kMet,
       HumanRights("Nothing shall restrict the freedoms of expression, conscience and association.")},
      {"human-rights-expression", "none", "art1", Expect::kMissing,
       HumanRights("States Parties shall respect human rights.")},
      // Agreement progress.
      {"progress-open-brackets", "agreed", "art1", Expect::kMet,
       HumanRights("States Parties shall respect human rights.")},
      {"progress-open-brackets", "bracketed", "art1", Expect::kViolated,
       HumanRights("States Parties shall respect [adequately] human rights.")},
  };
}

const RuleEngine& Engine() {
  static const RuleEngine* engine = [] {
    absl::StatusOr<RulePack> pack = LoadDefaultPack();
    EXPECT_TRUE(pack.ok()) << pack.status();
    absl::StatusOr<RuleEngine> compiled = RuleEngine::Compile(*pack);
    EXPECT_TRUE(compiled.ok()) << compiled.status();
    return new RuleEngine(*std::move(compiled));
  }();
  return *engine;
}

class DefaultPackRuleTest : public testing::TestWithParam<Case> {};

TEST_P(DefaultPackRuleTest, Outcome) {
  const Case& test_case = GetParam();
  ASSERT_NE(Engine().pack().FindRule(test_case.rule), nullptr) << test_case.rule;
  const doc::Document document = test_support::ParseDraftText(test_case.text);
  ASSERT_TRUE(test_case.path.empty() || doc::FindProvision(document.root, test_case.path) != nullptr)
      << "the case's draft has no " << test_case.path;
  const AuditResult result = Engine().Evaluate(document);
  const Finding* found = nullptr;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id == test_case.rule && finding.path == test_case.path) found = &finding;
  }
  if (test_case.expect == Expect::kNotSelected) {
    EXPECT_EQ(found, nullptr) << "the rule selected " << test_case.path;
    return;
  }
  ASSERT_NE(found, nullptr) << "no finding of " << test_case.rule << " on " << test_case.path;
  const Outcome outcome = found->outcome;
  const Expect got = outcome == Outcome::kMet       ? Expect::kMet
                     : outcome == Outcome::kMissing ? Expect::kMissing
                                                    : Expect::kViolated;
  EXPECT_EQ(ExpectName(got), std::string(ExpectName(test_case.expect)));
  for (const Evidence& evidence : found->evidence) {
    EXPECT_EQ(document.text.substr(evidence.begin, evidence.end - evidence.begin), evidence.quote);
  }
  if (got == Expect::kMet && found->category.empty()) {
    EXPECT_FALSE(found->evidence.empty() && Engine().pack().FindRule(test_case.rule)->test &&
                 !Engine().pack().FindRule(test_case.rule)->test->require_any.empty())
        << "a met requirement must quote the words that met it";
  }
}

std::string CaseName(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.rule + "_" + info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryRule, DefaultPackRuleTest, testing::ValuesIn(Cases()), CaseName);

// A rule counts as tested when it has a case that meets it and one that does not (missing,
// violated, or for a classification not selected).
TEST(DefaultPackTest, EveryRuleHasAPassingAndAFailingCase) {
  std::map<std::string, std::set<bool>> seen;
  for (const Case& test_case : Cases()) seen[test_case.rule].insert(test_case.expect == Expect::kMet);
  for (const Rule& rule : Engine().pack().rules) {
    EXPECT_EQ(seen[rule.id].size(), 2u) << rule.id << " needs a met case and a failing one";
  }
}

TEST(DefaultPackTest, EveryBreadthCategoryIsAssigned) {
  const RulePack& pack = Engine().pack();
  for (const Category& category : pack.categories) {
    bool assigned = false;
    for (const Rule& rule : pack.rules) assigned = assigned || rule.assigns == category.id;
    EXPECT_TRUE(assigned) << category.id;
  }
}

}  // namespace
}  // namespace tw::audit
