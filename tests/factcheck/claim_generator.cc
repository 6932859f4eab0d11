#include "claim_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string_view>

#include "absl/status/status.h"

namespace tw::factcheck::testing {
namespace {

// splitmix64: a fresh, well-mixed stream per (seed, index).
class Random {
 public:
  explicit Random(std::uint64_t state) : state_(state) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
  template <typename T, std::size_t N>
  const T& Pick(const T (&values)[N]) {
    return values[Below(static_cast<int>(N))];
  }

 private:
  std::uint64_t state_;
};

struct Actor {
  std::string_view id;
  std::string_view name;
};

constexpr Actor kActors[] = {
    {"ARG", "Argentina"},
    {"AUS", "Australia"},
    {"AUT", "Austria"},
    {"BGD", "Bangladesh"},
    {"BLR", "Belarus"},
    {"BRA", "Brazil"},
    {"CAN", "Canada"},
    {"CHE", "Switzerland"},
    {"CHL", "Chile"},
    {"CHN", "China"},
    {"COL", "Colombia"},
    {"CRI", "Costa Rica"},
    {"CUB", "Cuba"},
    {"DEU", "Germany"},
    {"DNK", "Denmark"},
    {"DZA", "Algeria"},
    {"ECU", "Ecuador"},
    {"EGY", "Egypt"},
    {"ESP", "Spain"},
    {"EST", "Estonia"},
    {"ETH", "Ethiopia"},
    {"EU", "the European Union"},
    {"FIN", "Finland"},
    {"FRA", "France"},
    {"GBR", "the United Kingdom"},
    {"GHA", "Ghana"},
    {"IDN", "Indonesia"},
    {"IND", "India"},
    {"IRL", "Ireland"},
    {"IRN", "Iran"},
    {"ISR", "Israel"},
    {"ITA", "Italy"},
    {"JAM", "Jamaica"},
    {"JPN", "Japan"},
    {"KEN", "Kenya"},
    {"KOR", "the Republic of Korea"},
    {"LBN", "Lebanon"},
    {"MAR", "Morocco"},
    {"MEX", "Mexico"},
    {"MLI", "Mali"},
    {"MYS", "Malaysia"},
    {"NGA", "Nigeria"},
    {"NLD", "the Netherlands"},
    {"NOR", "Norway"},
    {"NZL", "New Zealand"},
    {"PAK", "Pakistan"},
    {"PER", "Peru"},
    {"PHL", "the Philippines"},
    {"POL", "Poland"},
    {"QAT", "Qatar"},
    {"RUS", "the Russian Federation"},
    {"SAU", "Saudi Arabia"},
    {"SEN", "Senegal"},
    {"SGP", "Singapore"},
    {"SYR", "Syria"},
    {"TUR", "Türkiye"},
    {"TZA", "Tanzania"},
    {"UKR", "Ukraine"},
    {"USA", "the United States"},
    {"VNM", "Viet Nam"},
    {"ZAF", "South Africa"},
};

constexpr std::string_view kGroups[] = {"African Group",
                                        "Arab Group",
                                        "Group of 77 and China",
                                        "Latin American and Caribbean Group",
                                        "Asia-Pacific Group",
                                        "Eastern European Group",
                                        "Western European and Others Group",
                                        "Core Group",
                                        "Like-Minded Group",
                                        "Nordic countries",
                                        "small island developing states",
                                        "CARICOM"};

constexpr std::string_view kTopics[] = {"illegal access",
                                        "illegal interception",
                                        "interference with electronic data",
                                        "interference with an ICT system",
                                        "misuse of devices",
                                        "ICT-related forgery",
                                        "ICT-related theft or fraud",
                                        "child sexual abuse material",
                                        "solicitation or grooming of children",
                                        "non-consensual dissemination of intimate images",
                                        "laundering of proceeds of crime",
                                        "liability of legal persons",
                                        "jurisdiction",
                                        "conditions and safeguards",
                                        "expedited preservation of stored data",
                                        "production orders",
                                        "search and seizure of stored data",
                                        "real-time collection of traffic data",
                                        "interception of content data",
                                        "freezing and confiscation",
                                        "protection of witnesses",
                                        "assistance to victims",
                                        "extradition",
                                        "mutual legal assistance",
                                        "the 24/7 network",
                                        "joint investigations",
                                        "special investigative techniques",
                                        "spontaneous information",
                                        "technical assistance",
                                        "capacity building",
                                        "prevention",
                                        "personal data protection",
                                        "respect for human rights",
                                        "the scope of application",
                                        "the use of terms",
                                        "sovereignty",
                                        "the Conference of the States Parties",
                                        "the secretariat",
                                        "implementation mechanisms",
                                        "settlement of disputes",
                                        "reservations",
                                        "entry into force",
                                        "amendments",
                                        "transfer of criminal proceedings",
                                        "law enforcement cooperation"};

constexpr std::string_view kInstruments[] = {"Budapest Convention",
                                             "UN Convention against Transnational Organized Crime",
                                             "UN Convention against Corruption",
                                             "Malabo Convention",
                                             "Arab Convention",
                                             "CIS Agreement",
                                             "International Covenant on Civil and Political Rights",
                                             "European Convention on Human Rights",
                                             "Second Additional Protocol",
                                             "Palermo Convention"};

constexpr std::string_view kShortInstruments[] = {
    "UNTOC", "UNCAC", "ICCPR", "ECHR", "Budapest Convention", "Malabo Convention"};

constexpr std::string_view kOrdinals[] = {"first", "second",  "third",  "fourth",  "fifth",
                                          "sixth", "seventh", "eighth", "resumed", "last"};

constexpr std::string_view kRequirements[] = {"dual criminality",
                                              "judicial authorization",
                                              "prior judicial review",
                                              "a court order",
                                              "the principle of proportionality",
                                              "the principle of legality",
                                              "notification of the person concerned",
                                              "an effective remedy",
                                              "time limits",
                                              "independent supervision",
                                              "the consent of the requested state",
                                              "a sunset clause",
                                              "protection of journalists",
                                              "protection of human rights defenders",
                                              "limits on data retention",
                                              "a reporting obligation",
                                              "grounds for refusal"};

constexpr std::string_view kChanges[] = {"deleted",      "amended",  "renumbered", "moved",
                                         "shortened",    "reworded", "bracketed",  "split in two",
                                         "strengthened", "weakened", "narrowed",   "expanded"};

constexpr std::string_view kComparatives[] = {"stronger",        "weaker",         "broader",
                                              "narrower",        "stricter",       "more detailed",
                                              "less protective", "more protective"};

constexpr std::string_view kProposalVerbs[] = {"delete",  "amend",   "strengthen", "narrow",
                                               "broaden", "bracket", "merge",      "restructure",
                                               "move",    "simplify"};

constexpr std::string_view kStances[] = {"support", "oppose",   "reject",
                                         "welcome", "question", "back"};

constexpr std::string_view kPowers[] = {"order the preservation of data",
                                        "compel the production of subscriber information",
                                        "intercept content data",
                                        "collect traffic data in real time",
                                        "search computer systems",
                                        "seize stored data",
                                        "freeze assets",
                                        "share information spontaneously",
                                        "request expedited disclosure",
                                        "conduct joint investigations"};

constexpr std::string_view kExceptions[] = {"the activities of armed forces",
                                            "national security investigations",
                                            "journalistic work",
                                            "security research",
                                            "authorized penetration testing",
                                            "whistleblowing in the public interest",
                                            "intelligence services",
                                            "political offences",
                                            "offences punishable by less than a year"};

constexpr std::string_view kDomestic[] = {"constitution", "domestic law", "national legislation",
                                          "data protection law", "criminal procedure code"};

constexpr std::string_view kNumberWords[] = {
    "two",    "three",  "five",  "seven", "ten",   "twelve",  "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "a dozen", "over a hundred"};

constexpr std::string_view kRomans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};

// Each template: its slots in braces. {a} and {b} are articles, {p} a paragraph, {n} a count.
constexpr std::string_view kTemplates[] = {
    "Article {a} on {topic} mirrors article {b} of the {inst}.",
    "Article {a} already contains all the safeguards of the {inst}.",
    "{n} states support the deletion of article {a}.",
    "No delegation objected to paragraph {p} of article {a}.",
    "Article {a} on {topic} was {change} in the {ord} draft.",
    "The text of article {a} on {topic} has not changed since the {ord} session.",
    "Article {a} is consistent with article {b} of the {inst}.",
    "Article {a} is inconsistent with article {b} of {short}.",
    "The {inst} requires {req} for {topic}.",
    "The {inst} does not require {req} for {topic}.",
    "{Actor} proposed to {verb} article {a} on {topic}.",
    "A majority of states {stance} a broad scope for {topic}.",
    "Article {a} on {topic} is {comp} than article {b} of the {inst}.",
    "The {group} {stance}s the inclusion of {topic} in the convention.",
    "{nw} delegations spoke in favour of {topic} at the {ord} session.",
    "The draft contains no reference to the {inst} in article {a}.",
    "Paragraph {p} of article {a} requires {req}.",
    "{Actor} stated that article {a} is incompatible with its {dom}.",
    "The {inst} has been ratified by {n} states.",
    "Article {a} on {topic} was adopted by consensus at the {ord} session.",
    "The provision on {topic} is taken from article {b} of {short}.",
    "Only {nw} states proposed amendments to article {a} on {topic}.",
    "{Actor} requested a recorded vote on article {a}.",
    "Article {a} does not apply to {exc}.",
    "The chair's text omits {req} from article {a} on {topic}.",
    "All states of the {group} support article {a} on {topic}.",
    "Article {a} allows states to {power} without {req}.",
    "The {inst} criminalises {topic}.",
    "{Actor} said that {topic} should be dealt with in a protocol.",
    "Orders under article {a} on {topic} are limited to {n} days.",
    "The definition of {topic} in article 2 is {comp} than in the {inst}.",
    "The {ord} session removed the article on {topic} from chapter {roman}.",
    "{Actor} and {Actor2} jointly proposed new language on {topic} in article {a}.",
    "The {group} opposed paragraph {p} of article {a} on {topic}.",
    "Article {a} gives law enforcement the power to {power} for any criminal offence.",
    "{Actor} voted against article {a} on {topic} at the {ord} session.",
    "Chapter {roman} contains {nw} articles on {topic}.",
    "The {inst} was never ratified by {Actor}.",
    "{Actor} has criminalised {topic} in its {dom} since {year}.",
    "Article {a} on {topic} was supported by {n} delegations.",
    "The human rights safeguards in article {a} are weaker than those of the {inst}.",
    "Article {a}, paragraph {p}, on {topic} reproduces article {b} of the {inst}.",
};

std::string Fill(std::string_view pattern, Random& random, const Actor& actor) {
  const Actor& other = random.Pick(kActors);
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    const std::string_view slot = pattern.substr(i + 1, close - i - 1);
    i = close + 1;
    if (slot == "a" || slot == "b") {
      out += std::to_string(1 + random.Below(68));
    } else if (slot == "p") {
      out += std::to_string(1 + random.Below(6));
    } else if (slot == "n") {
      out += std::to_string(2 + random.Below(150));
    } else if (slot == "nw") {
      std::string word(random.Pick(kNumberWords));
      if (out.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      out += word;
    } else if (slot == "year") {
      out += std::to_string(1995 + random.Below(30));
    } else if (slot == "topic") {
      out += random.Pick(kTopics);
    } else if (slot == "inst") {
      out += random.Pick(kInstruments);
    } else if (slot == "short") {
      out += random.Pick(kShortInstruments);
    } else if (slot == "ord") {
      out += random.Pick(kOrdinals);
    } else if (slot == "req") {
      out += random.Pick(kRequirements);
    } else if (slot == "change") {
      out += random.Pick(kChanges);
    } else if (slot == "comp") {
      out += random.Pick(kComparatives);
    } else if (slot == "verb") {
      out += random.Pick(kProposalVerbs);
    } else if (slot == "stance") {
      out += random.Pick(kStances);
    } else if (slot == "power") {
      out += random.Pick(kPowers);
    } else if (slot == "exc") {
      out += random.Pick(kExceptions);
    } else if (slot == "dom") {
      out += random.Pick(kDomestic);
    } else if (slot == "group") {
      out += random.Pick(kGroups);
    } else if (slot == "roman") {
      out += random.Pick(kRomans);
    } else if (slot == "Actor" || slot == "Actor2") {
      std::string name(slot == "Actor" ? actor.name : other.name);
      if (out.empty() || out.back() == '.') name[0] = static_cast<char>(std::toupper(name[0]));
      out += name;
    }
  }
  return out;
}

}  // namespace

std::string ComparableText(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Claim GeneratedClaim(std::uint64_t seed, std::int64_t index) {
  Random random(seed * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(index));
  Claim claim;
  const Actor& actor = random.Pick(kActors);
  claim.actor = std::string(actor.id);
  claim.text = Fill(random.Pick(kTemplates), random, actor);
  claim.session = 1 + random.Below(8);
  claim.date = fmt::format("{}-{:02}-{:02}", 2022 + claim.session / 3, 1 + random.Below(12),
                           1 + random.Below(28));
  static constexpr SourceGrade kGrades[] = {SourceGrade::kOfficialRecord,
                                            SourceGrade::kWrittenSubmission, SourceGrade::kWebcast,
                                            SourceGrade::kThirdPartyReport};
  claim.source_grade = random.Pick(kGrades);
  claim.created_by = "generator";
  claim.created_at = "2024-08-09T12:00:00Z";
  return claim;
}

std::vector<Claim> GenerateClaims(std::uint64_t seed, std::int64_t first, std::int64_t count,
                                  std::int64_t id_base,
                                  const absl::flat_hash_set<std::string>& exclude) {
  std::vector<Claim> claims;
  claims.reserve(static_cast<std::size_t>(count));
  for (std::int64_t index = first; index < first + count; ++index) {
    Claim claim = GeneratedClaim(seed, index);
    for (std::uint64_t retry = 1; !exclude.empty() && exclude.contains(ComparableText(claim.text));
         ++retry) {
      claim = GeneratedClaim(seed + retry * 0x1000193ull, index);
    }
    claim.id = id_base + index;
    claims.push_back(std::move(claim));
  }
  return claims;
}

absl::StatusOr<std::vector<Paraphrase>> LoadParaphrases(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(fmt::format("{}: cannot be read", path));
  std::vector<Paraphrase> pairs;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, '\t');) fields.push_back(field);
    if (fields.size() != 3 || fields[1].empty() || fields[2].empty()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: line {}: expected actor, claim and paraphrase", path, number));
    }
    pairs.push_back({fields[0], fields[1], fields[2]});
  }
  return pairs;
}

Haystack::Haystack(std::uint64_t seed, std::int64_t distractors, std::vector<Paraphrase> pairs)
    : seed_(seed), distractors_(distractors), pairs_(std::move(pairs)) {
  const std::int64_t total = size();
  const auto originals = static_cast<std::int64_t>(pairs_.size());
  for (std::int64_t k = 0; k < originals; ++k) {
    // The middle of the k-th of `originals` equal stretches of ids.
    original_ids_.push_back(1 + (2 * k + 1) * total / (2 * originals));
  }
  for (const Paraphrase& pair : pairs_) exclude_.insert(ComparableText(pair.claim));
}

std::vector<Claim> Haystack::Claims(std::int64_t first_id, std::int64_t count) const {
  std::vector<Claim> claims;
  const std::int64_t last = std::min(size(), first_id + count - 1);
  // Originals before `first_id`, then walk the ids.
  std::size_t next = static_cast<std::size_t>(
      std::lower_bound(original_ids_.begin(), original_ids_.end(), first_id) -
      original_ids_.begin());
  for (std::int64_t id = std::max<std::int64_t>(1, first_id); id <= last; ++id) {
    if (next < original_ids_.size() && original_ids_[next] == id) {
      Claim claim;
      claim.id = id;
      claim.text = pairs_[next].claim;
      claim.actor = pairs_[next].actor;
      claim.created_by = "test";
      claim.created_at = "2024-08-09T12:00:00Z";
      claims.push_back(std::move(claim));
      ++next;
      continue;
    }
    const std::int64_t index = id - 1 - static_cast<std::int64_t>(next);
    std::vector<Claim> one = GenerateClaims(seed_, index, 1, 0, exclude_);
    one[0].id = id;
    claims.push_back(std::move(one[0]));
  }
  return claims;
}

std::string ParaphrasesPath() {
  return TW_SOURCE_DIR "/tests/factcheck/claim_paraphrases.tsv";
}

}  // namespace tw::factcheck::testing
