// ActorRegistry and name keys: the UN membership (names, codes, aliases, regional groups), the
// names of a real recorded vote, user groups, collisions, and the errors for unknown names.
#include "negotiation/actor_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "negotiation/edit_distance.h"
#include "negotiation/iso_codes_names.h"
#include "negotiation/un_member_states.h"

namespace tw::negotiation {
namespace {

using ::testing::HasSubstr;

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Accents written out by hand (independent of the ICU folding under test).
std::string WithoutAccents(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> kPlain = {
      {"ü", "u"}, {"ô", "o"}, {"é", "e"}, {"í", "i"}, {"ã", "a"}, {"Ü", "U"}};
  for (const auto& [accented, plain] : kPlain) {
    for (std::size_t at = s.find(accented); at != std::string::npos; at = s.find(accented)) {
      s.replace(at, accented.size(), plain);
    }
  }
  return s;
}

std::string WriteTempFile(const std::string& name, const std::string& text) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

// The registry as the library builds it, and as it is without iso-codes (missing or broken
// file): the embedded data alone must answer every case.
enum class Source { kDefault, kNoIsoCodes, kBrokenIsoCodes };

ActorRegistry Load(Source source) {
  switch (source) {
    case Source::kDefault:
      return ActorRegistry::Default();
    case Source::kNoIsoCodes: {
      absl::StatusOr<ActorRegistry> r =
          ActorRegistry::FromUnData(UnMemberStatesTsv(), "/nonexistent/iso_3166-1.json");
      EXPECT_TRUE(r.ok()) << r.status();
      return r.ok() ? *std::move(r) : ActorRegistry();
    }
    case Source::kBrokenIsoCodes: {
      std::string path = WriteTempFile("tw_broken_iso_3166-1.json", "{\"3166-1\": [ {\"alpha_3\"");
      absl::StatusOr<ActorRegistry> r = ActorRegistry::FromUnData(UnMemberStatesTsv(), path);
      EXPECT_TRUE(r.ok()) << r.status();
      return r.ok() ? *std::move(r) : ActorRegistry();
    }
  }
  return ActorRegistry();
}

class RegistryTest : public ::testing::TestWithParam<Source> {
 protected:
  RegistryTest() : registry_(Load(GetParam())) {}

  std::string IdOf(std::string_view name) {
    absl::StatusOr<const Actor*> actor = registry_.Resolve(name);
    return actor.ok() ? (*actor)->id : std::string(actor.status().message());
  }

  ActorRegistry registry_;
};

INSTANTIATE_TEST_SUITE_P(Sources, RegistryTest,
                         ::testing::Values(Source::kDefault, Source::kNoIsoCodes,
                                           Source::kBrokenIsoCodes),
                         [](const ::testing::TestParamInfo<Source>& info) {
                           switch (info.param) {
                             case Source::kDefault: return std::string("Default");
                             case Source::kNoIsoCodes: return std::string("NoIsoCodes");
                             case Source::kBrokenIsoCodes: return std::string("BrokenIsoCodes");
                           }
                           return std::string("Unknown");
                         });

TEST_P(RegistryTest, HoldsTheMembershipGroupsChairAndSecretariat) {
  std::map<ActorKind, int> count;
  for (const Actor& actor : registry_.actors()) ++count[actor.kind];
  EXPECT_EQ(count[ActorKind::kMemberState], 193);
  EXPECT_EQ(count[ActorKind::kObserverState], 2);
  EXPECT_EQ(count[ActorKind::kRegionalGroup], 5);
  EXPECT_EQ(count[ActorKind::kChair], 1);
  EXPECT_EQ(count[ActorKind::kSecretariat], 1);
  EXPECT_EQ(registry_.actors().size(), 202u);
  EXPECT_EQ(registry_.MemberStates().size(), 193u);
}

TEST_P(RegistryTest, EveryStateResolvesFromItsNameCodesAndCaseAndAccentVariants) {
  int states = 0;
  for (const Actor& actor : registry_.actors()) {
    if (actor.kind != ActorKind::kMemberState && actor.kind != ActorKind::kObserverState) continue;
    ++states;
    EXPECT_EQ(actor.id, actor.iso3);
    for (const std::string& form :
         {actor.name, actor.iso3, actor.iso2, Lower(actor.iso3), Lower(actor.iso2),
          Lower(actor.name), Upper(actor.name), WithoutAccents(actor.name),
          Lower(WithoutAccents(actor.name)), Upper(WithoutAccents(actor.name)),
          "  " + actor.name + " "}) {
      EXPECT_EQ(IdOf(form), actor.id) << form;
    }
    for (const std::string& alias : actor.aliases) EXPECT_EQ(IdOf(alias), actor.id) << alias;
  }
  EXPECT_EQ(states, 195);
}

struct NameCase {
  const char* name;
  const char* id;
};

// The UN short names (as the UN writes them), and the forms a reader will meet.
constexpr NameCase kNames[] = {
    {"Bolivia (Plurinational State of)", "BOL"},
    {"Côte d'Ivoire", "CIV"},
    {"Democratic People's Republic of Korea", "PRK"},
    {"Iran (Islamic Republic of)", "IRN"},
    {"Lao People's Democratic Republic", "LAO"},
    {"Micronesia (Federated States of)", "FSM"},
    {"Republic of Korea", "KOR"},
    {"Republic of Moldova", "MDA"},
    {"Russian Federation", "RUS"},
    {"Syrian Arab Republic", "SYR"},
    {"Türkiye", "TUR"},
    {"United Kingdom of Great Britain and Northern Ireland", "GBR"},
    {"United Republic of Tanzania", "TZA"},
    {"United States of America", "USA"},
    {"Venezuela (Bolivarian Republic of)", "VEN"},
    {"Viet Nam", "VNM"},
    {"Netherlands (Kingdom of the)", "NLD"},
    {"Czechia", "CZE"},
    {"Eswatini", "SWZ"},
    {"North Macedonia", "MKD"},
    {"Cabo Verde", "CPV"},
    {"Timor-Leste", "TLS"},
    {"Holy See", "VAT"},
    {"State of Palestine", "PSE"},
    // Accents, apostrophes and case.
    {"Turkiye", "TUR"},
    {"TÜRKIYE", "TUR"},
    {"Cote d'Ivoire", "CIV"},
    {"Côte d’Ivoire", "CIV"},
    {"COTE D'IVOIRE", "CIV"},
    {"Sao Tome and Principe", "STP"},
    {"São Tomé and Príncipe", "STP"},
    // Word order of the UN and ISO forms.
    {"Islamic Republic of Iran", "IRN"},
    {"Plurinational State of Bolivia", "BOL"},
    {"Bolivarian Republic of Venezuela", "VEN"},
    {"Federated States of Micronesia", "FSM"},
    {"Kingdom of the Netherlands", "NLD"},
    {"Iran, Islamic Republic of", "IRN"},
    {"Korea, Republic of", "KOR"},
    {"Korea, Democratic People's Republic of", "PRK"},
    {"Congo, The Democratic Republic of the", "COD"},
    {"Tanzania, United Republic of", "TZA"},
    {"Moldova, Republic of", "MDA"},
    {"Palestine, State of", "PSE"},
    // Common short forms.
    {"Russia", "RUS"},
    {"Turkey", "TUR"},
    {"Iran", "IRN"},
    {"Syria", "SYR"},
    {"Bolivia", "BOL"},
    {"Venezuela", "VEN"},
    {"Tanzania", "TZA"},
    {"Vietnam", "VNM"},
    {"South Korea", "KOR"},
    {"North Korea", "PRK"},
    {"Laos", "LAO"},
    {"Moldova", "MDA"},
    {"Czech Republic", "CZE"},
    {"Swaziland", "SWZ"},
    {"Macedonia", "MKD"},
    {"Cape Verde", "CPV"},
    {"Ivory Coast", "CIV"},
    {"UK", "GBR"},
    {"United Kingdom", "GBR"},
    {"USA", "USA"},
    {"United States", "USA"},
    {"U.S.A.", "USA"},
    {"Netherlands", "NLD"},
    {"Micronesia", "FSM"},
    {"Brunei", "BRN"},
    {"DR Congo", "COD"},
    {"Democratic Republic of the Congo", "COD"},
    {"Congo, Dem. Rep.", "COD"},
    {"Congo", "COG"},
    {"Republic of the Congo", "COG"},
    {"The Gambia", "GMB"},
    {"Gambia", "GMB"},
    {"Gambia, The", "GMB"},
    {"St. Kitts & Nevis", "KNA"},
    {"St Kitts and Nevis", "KNA"},
    {"Saint Vincent and the Grenadines", "VCT"},
    {"St. Vincent & Grenadines", "VCT"},
    {"St. Lucia", "LCA"},
    {"Antigua & Barbuda", "ATG"},
    {"Trinidad & Tobago", "TTO"},
    {"Bosnia & Herzegovina", "BIH"},
    {"Sao Tome & Principe", "STP"},
    {"Palestine", "PSE"},
    {"Vatican", "VAT"},
    {"Myanmar (Burma)", "MMR"},
    {"East Timor", "TLS"},
    // Names that contain one another.
    {"Guinea", "GIN"},
    {"Guinea-Bissau", "GNB"},
    {"Guinea Bissau", "GNB"},
    {"Equatorial Guinea", "GNQ"},
    {"Papua New Guinea", "PNG"},
    {"Niger", "NER"},
    {"Nigeria", "NGA"},
    {"Dominica", "DMA"},
    {"Dominican Republic", "DOM"},
    {"Sudan", "SDN"},
    {"South Sudan", "SSD"},
    {"Samoa", "WSM"},
    // Codes in any case; "ST" stays São Tomé's code, not "Saint".
    {"bra", "BRA"},
    {"Br", "BRA"},
    {"ST", "STP"},
    {"KP", "PRK"},
    {"kr", "KOR"},
    // Groups, the Chair and the Secretariat.
    {"GRULAC", "regional:grulac"},
    {"WEOG", "regional:weog"},
    {"Asia-Pacific Group", "regional:asia-pacific"},
    {"Eastern European Group", "regional:eastern-european"},
    {"Group of African States", "regional:african-states"},
    {"regional:weog", "regional:weog"},
    {"Chair", "chair"},
    {"Chairperson", "chair"},
    {"The Chair", "chair"},
    {"President", "chair"},
    {"Secretariat", "secretariat"},
    {"the Secretary", "secretariat"},
};

TEST_P(RegistryTest, ResolvesUnFormsAliasesAndLookalikes) {
  for (const NameCase& c : kNames) EXPECT_EQ(IdOf(c.name), c.id) << c.name;
}

TEST_P(RegistryTest, KoreaAloneIsAmbiguousAndListsBoth) {
  absl::StatusOr<const Actor*> korea = registry_.Resolve("Korea");
  ASSERT_FALSE(korea.ok());
  EXPECT_TRUE(absl::IsNotFound(korea.status()));
  EXPECT_EQ(korea.status().message(),
            "ambiguous actor \"Korea\"; did you mean Democratic People's Republic of Korea, "
            "Republic of Korea?");
}

TEST_P(RegistryTest, EveryMemberStateIsInExactlyOneRegionalGroup) {
  std::map<std::string, int> groups_of;
  std::map<std::string, std::size_t> sizes;
  for (const Actor& actor : registry_.actors()) {
    if (actor.kind != ActorKind::kRegionalGroup) continue;
    sizes[actor.id] = actor.members.size();
    EXPECT_TRUE(std::is_sorted(actor.members.begin(), actor.members.end())) << actor.id;
    for (const std::string& member : actor.members) {
      ++groups_of[member];
      const Actor* state = registry_.FindById(member);
      ASSERT_NE(state, nullptr) << member;
      EXPECT_EQ(state->kind, ActorKind::kMemberState) << member;
      EXPECT_EQ(state->regional_group, actor.id) << member;
    }
  }
  for (const Actor* state : registry_.MemberStates()) {
    EXPECT_EQ(groups_of[state->id], 1) << state->id;
  }
  EXPECT_EQ(groups_of.size(), 193u);
  // Türkiye and the United States counted with WEOG (as for elections); Kiribati in
  // Asia-Pacific; observers in no group.
  const std::map<std::string, std::size_t> kSizes = {
      {"regional:african-states", 54}, {"regional:asia-pacific", 54},
      {"regional:eastern-european", 23}, {"regional:grulac", 33}, {"regional:weog", 29}};
  EXPECT_EQ(sizes, kSizes);
  for (const auto& [id, group] : std::map<std::string, std::string>{
           {"TUR", "regional:weog"}, {"USA", "regional:weog"}, {"ISR", "regional:weog"},
           {"KIR", "regional:asia-pacific"}, {"CYP", "regional:asia-pacific"},
           {"RUS", "regional:eastern-european"}, {"CUB", "regional:grulac"},
           {"EGY", "regional:african-states"}, {"VAT", ""}, {"PSE", ""}}) {
    ASSERT_NE(registry_.FindById(id), nullptr) << id;
    EXPECT_EQ(registry_.FindById(id)->regional_group, group) << id;
  }
}

TEST_P(RegistryTest, ActorsAreInDisplayOrder) {
  const std::vector<const Actor*> states = registry_.MemberStates();
  ASSERT_EQ(states.size(), 193u);
  EXPECT_EQ(states.front()->name, "Afghanistan");
  EXPECT_EQ(states.back()->name, "Zimbabwe");
  std::vector<std::string> ids;
  for (const Actor* state : states) ids.push_back(state->id);
  auto at = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
  EXPECT_LT(at("TUR"), at("TKM"));  // Türkiye, Turkmenistan
  EXPECT_LT(at("CRI"), at("CIV"));  // Costa Rica, Côte d'Ivoire
  // Bolivia (Plurinational State of) sorts as Bolivia: between Bhutan and Bosnia.
  EXPECT_LT(at("BTN"), at("BOL"));
  EXPECT_LT(at("BOL"), at("BIH"));
  EXPECT_LT(at("NPL"), at("NLD"));  // Nepal, Netherlands (Kingdom of the)
  const std::vector<Actor>& all = registry_.actors();
  EXPECT_EQ(all[193].kind, ActorKind::kObserverState);
  EXPECT_EQ(all[195].kind, ActorKind::kRegionalGroup);
  EXPECT_EQ(all[200].id, "chair");
  EXPECT_EQ(all[201].id, "secretariat");
}

TEST_P(RegistryTest, EveryNameOfTheRecordedVoteOn74_247Resolves) {
  std::ifstream in(std::string(TW_CORPUS_DIR) + "/unga-74-247-recorded-vote.csv");
  ASSERT_TRUE(in) << "corpus file missing";
  std::string line;
  auto next_line = [&] {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the file has CRLF endings
    return true;
  };
  ASSERT_TRUE(next_line());
  ASSERT_EQ(line, "actor,ballot");
  std::set<std::string> ids;
  std::map<std::string, int> ballots;
  int rows = 0;
  while (next_line()) {
    if (line.empty()) continue;
    ++rows;
    std::size_t comma = line.rfind(',');
    ASSERT_NE(comma, std::string::npos) << line;
    std::string name = line.substr(0, comma);
    absl::StatusOr<const Actor*> actor = registry_.Resolve(name);
    ASSERT_TRUE(actor.ok()) << actor.status();
    EXPECT_EQ((*actor)->kind, ActorKind::kMemberState) << name;
    EXPECT_TRUE(ids.insert((*actor)->id).second) << name << " names a state twice";
    ++ballots[line.substr(comma + 1)];
  }
  EXPECT_EQ(rows, 172);
  EXPECT_EQ(ballots["yes"], 79);
  EXPECT_EQ(ballots["no"], 60);
  EXPECT_EQ(ballots["abstain"], 33);
  EXPECT_EQ(IdOf("Yugoslavia"), "SRB");
  EXPECT_EQ(IdOf("Myanmar (Burma)"), "MMR");
}

TEST_P(RegistryTest, UnknownNamesSuggestTheNearestActors) {
  const std::vector<std::pair<std::string, std::string>> kErrors = {
      {"Brazl", "unknown actor \"Brazl\"; did you mean Brazil?"},
      {"Atlantis", "unknown actor \"Atlantis\"; no actor has a similar name"},
      {"Phillipines", "unknown actor \"Phillipines\"; did you mean Philippines?"},
      {"Germny", "unknown actor \"Germny\"; did you mean Germany?"},
      {"Untied States of America",
       "unknown actor \"Untied States of America\"; did you mean United States of America?"},
      {"Saint Vin", "unknown actor \"Saint Vin\"; did you mean Saint Vincent and the Grenadines?"},
      {"", "unknown actor \"\"; no actor has a similar name"},
      {"!!!", "unknown actor \"!!!\"; no actor has a similar name"},
  };
  for (const auto& [name, message] : kErrors) {
    absl::StatusOr<const Actor*> actor = registry_.Resolve(name);
    ASSERT_FALSE(actor.ok()) << name;
    EXPECT_TRUE(absl::IsNotFound(actor.status())) << name;
    EXPECT_EQ(actor.status().message(), message);
  }
  std::string long_name(10000, 'x');
  absl::StatusOr<const Actor*> too_long = registry_.Resolve(long_name);
  ASSERT_FALSE(too_long.ok());
  EXPECT_THAT(std::string(too_long.status().message()), HasSubstr("longer than 256 bytes"));
  EXPECT_LT(too_long.status().message().size(), 200u);

  EXPECT_TRUE(registry_.Suggest("Brazl", 0).empty());
  std::vector<const Actor*> republic = registry_.Suggest("Republic", 3);
  EXPECT_EQ(republic.size(), 3u);
}

TEST_P(RegistryTest, UserGroupsResolveAndCollidingAliasesAreRefused) {
  Actor eu;
  eu.id = "group:eu";
  eu.kind = ActorKind::kGroup;
  eu.name = "European Union";
  eu.aliases = {"EU"};
  eu.members = {"SWE", "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN",
                "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT",
                "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP"};
  ASSERT_TRUE(registry_.AddActor(eu).ok());
  for (const char* name : {"EU", "European Union", "the European Union", "group:eu"}) {
    absl::StatusOr<const Actor*> actor = registry_.Resolve(name);
    ASSERT_TRUE(actor.ok()) << name << ": " << actor.status();
    EXPECT_EQ((*actor)->id, "group:eu");
    EXPECT_EQ((*actor)->members.size(), 27u);
    EXPECT_TRUE(std::is_sorted((*actor)->members.begin(), (*actor)->members.end()));
  }
  EXPECT_EQ(registry_.actors()[200].id, "group:eu");  // after the regional groups
  EXPECT_EQ(IdOf("Sweden"), "SWE");

  struct Refusal {
    Actor actor;
    absl::StatusCode code;
    std::string message;
  };
  auto group = [](std::string id, std::string name, std::vector<std::string> aliases,
                  std::vector<std::string> members) {
    Actor a;
    a.id = std::move(id);
    a.kind = ActorKind::kGroup;
    a.name = std::move(name);
    a.aliases = std::move(aliases);
    a.members = std::move(members);
    return a;
  };
  const std::vector<Refusal> kRefusals = {
      {group("group:au", "African Union", {"AU"}, {"DZA"}), absl::StatusCode::kAlreadyExists,
       "actor \"group:au\": \"AU\" would also designate Australia (AUS), which already answers "
       "to it"},
      {group("group:eu2", "EU", {}, {}), absl::StatusCode::kAlreadyExists,
       "actor \"group:eu2\": \"EU\" would also designate European Union (group:eu), which "
       "already answers to it"},
      {group("group:x", "Friends", {"Russia"}, {}), absl::StatusCode::kAlreadyExists,
       "actor \"group:x\": \"Russia\" would also designate Russian Federation (RUS), which "
       "already answers to it"},
      {group("group:eu", "Another", {}, {}), absl::StatusCode::kAlreadyExists,
       "actor \"group:eu\": the id is taken by European Union"},
      {group("group:y", "Friends", {}, {"FRA", "Frnce"}), absl::StatusCode::kNotFound,
       "actor \"group:y\": unknown member \"Frnce\" (members are actor ids)"},
      {group("group:z", "Friends", {"..."}, {}), absl::StatusCode::kInvalidArgument,
       "actor \"group:z\": \"...\" has no letters or digits to resolve by"},
      {group("", "Friends", {}, {}), absl::StatusCode::kInvalidArgument,
       "actor without an id"},
      {group("group:w", "Friends", {std::string(300, 'a')}, {}),
       absl::StatusCode::kInvalidArgument, ""},
  };
  for (const Refusal& refusal : kRefusals) {
    absl::Status status = registry_.AddActor(refusal.actor);
    EXPECT_EQ(status.code(), refusal.code) << refusal.actor.id << ": " << status;
    if (!refusal.message.empty()) {
      EXPECT_EQ(status.message(), refusal.message);
    }
  }
  EXPECT_EQ(registry_.actors().size(), 203u);  // nothing refused was added

  Actor state_with_members = group("XXA", "Atlantis", {}, {"FRA"});
  state_with_members.kind = ActorKind::kMemberState;
  EXPECT_FALSE(registry_.AddActor(state_with_members).ok());
}

TEST(ActorRegistryTest, CopiesAreIndependent) {
  ActorRegistry original = ActorRegistry::Default();
  ActorRegistry copy = original;
  Actor eff;
  eff.id = "org:eff";
  eff.kind = ActorKind::kOrganisation;
  eff.name = "Electronic Frontier Foundation";
  eff.aliases = {"EFF"};
  ASSERT_TRUE(copy.AddActor(eff).ok());
  EXPECT_TRUE(copy.Resolve("EFF").ok());
  EXPECT_FALSE(original.Resolve("EFF").ok());
  ActorRegistry moved = std::move(copy);
  EXPECT_TRUE(moved.Resolve("eff").ok());
  EXPECT_EQ(moved.actors()[200].id, "org:eff");  // organisations before the Chair
  EXPECT_EQ(moved.FindById("org:eff")->name, "Electronic Frontier Foundation");
  EXPECT_EQ(moved.FindById("nobody"), nullptr);
}

TEST(ActorRegistryTest, IsoCodesNamesAddAliasesButNeverTakeAnotherActorsName) {
  std::string path = WriteTempFile(
      "tw_test_iso_3166-1.json",
      R"({"3166-1": [
        {"alpha_3": "VNM", "name": "Viet Nam", "official_name": "Socialist Republic of Viet Nam"},
        {"alpha_3": "FRA", "name": "France", "common_name": "Germany"},
        {"alpha_3": "XKX", "name": "Nowhere"},
        {"alpha_3": 7, "name": "Broken"},
        "not an object"
      ]})");
  std::map<std::string, std::vector<std::string>> names = ReadIsoCodesNames(path);
  EXPECT_EQ(names["FRA"], (std::vector<std::string>{"France", "Germany"}));
  absl::StatusOr<ActorRegistry> registry = ActorRegistry::FromUnData(UnMemberStatesTsv(), path);
  ASSERT_TRUE(registry.ok()) << registry.status();
  EXPECT_EQ((*registry->Resolve("Socialist Republic of Viet Nam"))->id, "VNM");
  EXPECT_EQ((*registry->Resolve("Germany"))->id, "DEU");
  EXPECT_FALSE(registry->Resolve("Nowhere").ok());

  absl::StatusOr<ActorRegistry> without = ActorRegistry::FromUnData(UnMemberStatesTsv(), "");
  ASSERT_TRUE(without.ok());
  EXPECT_FALSE(without->Resolve("Socialist Republic of Viet Nam").ok());
  EXPECT_TRUE(ReadIsoCodesNames("/nonexistent.json").empty());
  EXPECT_TRUE(ReadIsoCodesNames(WriteTempFile("tw_empty.json", "")).empty());
}

TEST(ActorRegistryTest, InstalledIsoCodesGiveOfficialNames) {
  if (!std::filesystem::exists(kIsoCodesJsonPath)) GTEST_SKIP() << "iso-codes not installed";
  ActorRegistry registry = ActorRegistry::Default();
  EXPECT_EQ((*registry.Resolve("Socialist Republic of Viet Nam"))->id, "VNM");
  EXPECT_EQ((*registry.Resolve("Democratic Republic of Timor-Leste"))->id, "TLS");
  EXPECT_EQ((*registry.Resolve("Republic of Côte d'Ivoire"))->id, "CIV");
}

TEST(ActorRegistryTest, BrokenMembershipDataNamesTheLine) {
  const std::vector<std::pair<std::string, std::string>> kBroken = {
      {"iso3\tiso2\tname\tstatus\tregional_group\taliases\nBRA\tBR\tBrazil\tmember\tgrulac\n",
       "un_member_states.tsv: line 2: 5 columns, expected 6"},
      {"h\nBRA\tBR\tBrazil\tmember\tmars\t\n",
       "un_member_states.tsv: line 2: unknown regional group \"mars\""},
      {"# c\nh\nBRA\tBRA\tBrazil\tmember\tgrulac\t\n",
       "un_member_states.tsv: line 3: \"BRA\"/\"BRA\" are not ISO 3166-1 alpha-3/alpha-2 codes"},
      {"h\nBRA\tBR\tBrazil\tmember\t\t\n",
       "un_member_states.tsv: line 2: member state BRA has no regional group"},
      {"h\nBRA\tBR\tBrazil\tmember\tgrulac\t\nBRB\tBB\tBrazil\tmember\tgrulac\t\n",
       "actor \"BRB\": \"Brazil\" would also designate Brazil (BRA), which already answers to "
       "it"},
      {"", "un_member_states.tsv: no header line"},
  };
  for (const auto& [tsv, message] : kBroken) {
    absl::StatusOr<ActorRegistry> registry = ActorRegistry::FromUnData(tsv, "");
    ASSERT_FALSE(registry.ok()) << tsv;
    EXPECT_EQ(registry.status().message(), message);
  }
}

TEST(ActorKindTest, NamesRoundTripInAnyCase) {
  for (ActorKind kind : {ActorKind::kMemberState, ActorKind::kObserverState,
                         ActorKind::kRegionalGroup, ActorKind::kGroup, ActorKind::kOrganisation,
                         ActorKind::kChair, ActorKind::kSecretariat}) {
    ActorKind parsed = ActorKind::kChair;
    ASSERT_TRUE(ParseActorKind(Upper(std::string(ActorKindName(kind))), &parsed));
    EXPECT_EQ(parsed, kind);
  }
  EXPECT_EQ(ActorKindName(ActorKind::kMemberState), "member-state");
  EXPECT_EQ(ActorKindName(ActorKind::kObserverState), "observer-state");
  ActorKind untouched = ActorKind::kGroup;
  EXPECT_FALSE(ParseActorKind("state", &untouched));
  EXPECT_EQ(untouched, ActorKind::kGroup);
}

TEST(NameKeyTest, FoldsCaseAccentsPunctuationAndWordOrder) {
  const std::vector<std::pair<std::string, std::string>> kKeys = {
      {"Türkiye", "turkiye"},
      {"Côte d’Ivoire", "cote divoire"},
      {"  Antigua & Barbuda ", "antigua and barbuda"},
      {"St. Kitts & Nevis", "saint kitts and nevis"},
      {"ST", "st"},
      {"The Gambia", "gambia"},
      {"the", "the"},
      {"Iran (Islamic Republic of)", "islamic republic of iran"},
      {"Netherlands (Kingdom of the)", "kingdom of the netherlands"},
      {"Holy See (Vatican City State)", "holy see vatican city state"},
      {"Korea, Republic of", "republic of korea"},
      {"Congo, The Democratic Republic of the", "democratic republic of the congo"},
      {"Congo, Dem. Rep.", "congo dem rep"},
      {"U.S.A.", "usa"},
      {"Guinea-Bissau", "guinea bissau"},
      {"Democratic People's Republic of Korea", "democratic peoples republic of korea"},
      {"STRAßE", "strasse"},
      {"İstanbul", "istanbul"},
      {"\xff\xfe broken", "broken"},
      {"", ""},
  };
  for (const auto& [name, key] : kKeys) EXPECT_EQ(NameKey(name), key) << name;
}

TEST(EditDistanceTest, CountsTranspositionsAndStopsAtTheBound) {
  struct Case {
    const char* a;
    const char* b;
    int bound;
    int distance;
  };
  const Case kCases[] = {
      {"brazl", "brazil", 3, 1}, {"untied", "united", 3, 1}, {"abc", "abc", 0, 0},
      {"", "abc", 5, 3},         {"kitten", "sitting", 5, 3}, {"brazl", "bahrain", 2, 3},
      {"a", "bcdefgh", 2, 3},    {"ca", "abc", 5, 3},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(BoundedEditDistance(c.a, c.b, c.bound), c.distance) << c.a << " " << c.b;
  }
  std::string long_a(100000, 'a');
  std::string long_b(100000, 'b');
  EXPECT_EQ(BoundedEditDistance(long_a, long_b, 1000), 64);
}

}  // namespace
}  // namespace tw::negotiation
