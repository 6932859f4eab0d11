// How the scorer reads a sentence. Each feature is a set of English phrases in one table
// (Lexicon() below, RE2 syntax, matched case-insensitively on whole words), except two that
// reuse the readers the rest of treatywatch trusts: provision references come from the
// cross-reference extractor (doc/cross_reference_extractor.h, "article 24, paragraph 2",
// "Art. 24(2)(b)", "articles 7 to 11"), instruments from the instrument-name list
// (instrument_names.h). A feature counts once per sentence whatever the number of its matches,
// so a sentence that lists ten articles is not ten times as checkable as one citing one; the
// score is the sum of the weights of the features present, clamped to 0..1.
//
// The weights: a reference to a provision or an instrument, or a counted quantity ("sixty
// states", "from 11 to 16"), reaches kCheckWorthyThreshold alone, because a plain declarative
// sentence that cites one is usually a claim; the other features need a second. First-person
// positions and opinions, modal and evaluative words (the hedge rows) and courtesy pull the
// score down, so "we support article 5" and "thank you, Mr. Chair" stay below. Measured on the
// labelled floor sentences of tests/factcheck/check_worthiness_test.cc: on the 148 sentences
// the lexicon was fitted to, precision 1.00 and recall 0.99; on 40 sentences written after
// it and not fitted to, precision 1.00 and recall 0.70 (the misses are phrasings the lexicon
// lacks). The scorer is built to be precise and to show its reasons, not to be complete.
#include "factcheck/check_worthiness.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>

#include "doc/cross_reference_extractor.h"
#include "factcheck/instrument_names.h"
#include "text/utf8.h"

namespace tw::factcheck {
namespace {

// Only the first MiB of a statement is read (the header's promise): no floor statement is
// longer, and the bound keeps a pasted file from holding the scorer.
constexpr std::size_t kMaxStatementBytes = std::size_t{1} << 20;
// A "sentence" longer than this has no sentence punctuation (a pasted table, a word list);
// its features are read from its first 8 KiB, so the phrase matching stays cheap per sentence.
constexpr std::size_t kMaxSentenceFeatureBytes = 8 * 1024;

enum class FeatureKind {
  kQuantity,
  kProvisionReference,
  kInstrumentReference,
  kComparison,
  kUniversal,
  kLegalAssertion,
  kAttribution,
  kHedge,
  kCourtesy,
};
constexpr int kFeatureKinds = 9;

constexpr std::string_view kFeatureNames[kFeatureKinds] = {
    "quantity",  "provision-reference", "instrument-reference", "comparison",
    "universal", "legal-assertion",     "attribution",          "hedge",
    "courtesy"};

// One row of the lexicon: phrases that show a feature, and the weight they give it. A feature
// may have several rows; when rows of one feature match, the feature weighs as its heaviest.
struct LexiconRow {
  FeatureKind kind;
  double weight;
  // Alternatives, each a RE2 pattern over words; the row is matched as \b(?:...)\b, ignoring
  // case.
  std::vector<std::string> phrases;
};

// A number in figures or words, and an optional second word ("sixty-eight", "31 other"),
// before what it counts.
constexpr std::string_view kCount =
    R"((?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|)"
    R"(forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds)(?:[\s-]\w+)?\s+)";

// Appended, not added: GCC 12 under a precompiled header reports a false -Warray-bounds on
// `std::string + literal` here.
std::string Counted(std::string_view what) {
  std::string pattern(kCount);
  pattern.append(what);
  return pattern;
}

// The lexicon, in the order features are listed (check_worthiness.h). English floor phrasing.
// Laid out by hand: a row's feature and weight on one line, its phrases below it.
// clang-format off
const std::vector<LexiconRow>& Lexicon() {
  static const auto* lexicon = new std::vector<LexiconRow>{
      // A count of actors or votes is what "N states support" claims rest on; a number that
      // changed, or a part of a whole, is a claim by itself.
      {FeatureKind::kQuantity, 0.50,
       {Counted(R"((?:other\s+)?(?:states|countries|delegations|member\s+states|parties|)"
                R"(members|signatories|votes|abstentions|governments|regional\s+groups))"),
        R"((?:an?|the|a\s+clear|an\s+overwhelming|a\s+large|a\s+simple|a\s+two-thirds)\s+)"
        R"((?:majority|minority)\s+of\s+(?:the\s+)?(?:member\s+)?(?:states|countries|)"
        R"(delegations|parties|votes))",
        R"(unanimous(?:ly)?|by\s+consensus|by\s+a\s+vote\s+of|recorded\s+vote)",
        R"(from\s+\d+\s+to\s+\d+|between\s+\d+\s+and\s+\d+)",
        Counted(R"(of\s+the\s+)").append(kCount),
        Counted(R"((?:per\s?cent|percent))"), R"(\d+(?:[.,]\d+)?\s*%)"}},
      {FeatureKind::kQuantity, 0.35,
       {R"(\d+(?:[.,]\d+)*(?:\s*(?:per\s?cent|percent))?)",
        Counted(R"((?:\w+\s+)?(?:times|years|sessions|amendments|proposals|articles|provisions|)"
                R"(offences|crimes|safeguards|submissions|requests|cases|meetings))"),
        R"((?:an?|the|a\s+clear|an\s+overwhelming|a\s+large|a\s+simple|a\s+two-thirds)\s+)"
        R"((?:majority|minority))",
        R"((?:half|two[\s-]thirds|one[\s-]third|a\s+third|a\s+quarter)\s+of)",
        R"((?:more|fewer|less)\s+than\s+(?:half|a\s+third|\w+\s+(?:states|countries)))"}},
      // Besides what the cross-reference extractor finds: the larger units.
      {FeatureKind::kProvisionReference, 0.50,
       {R"((?:chapter|part|annex|section)\s+(?:[IVXLC]+|\d+))", R"(the\s+preamble)",
        R"(preambular\s+paragraph\s+\d+|operative\s+paragraph\s+\d+|PP\s?\d+|OP\s?\d+)"}},
      // Besides the instrument-name list: resolutions, documents, other instruments by kind.
      {FeatureKind::kInstrumentReference, 0.50,
       {R"((?:General\s+Assembly\s+)?resolution\s+\d+/\d+)", R"(A/(?:AC|RES|C)\.?[\w./]+)",
        R"((?:existing|regional|other)\s+(?:international\s+)?)"
        R"((?:instruments?|treaties|conventions))"}},
      {FeatureKind::kComparison, 0.40,
       {R"(mirrors?|mirrored|mirroring)", R"((?:the\s+)?same\s+as|identical\s+to|equivalent\s+to)",
        R"(the\s+same\s+(?:wording|language|text|words|standard|safeguards|scope))",
        R"((?:stronger|weaker|broader|narrower|wider|stricter|looser|higher|lower|lesser|)"
        R"(greater)\s+than)",
        R"((?:more|less)\s+\w+\s+than)",
        R"(goes\s+(?:far\s+)?beyond|falls?\s+short\s+of|departs?\s+from|differs?\s+from|)"
        R"(deviates?\s+from|unlike)",
        R"(cop(?:y|ies|ied)|reproduces?|reproduced|replicates?|replicated|verbatim|)"
        R"(word\s+for\s+word|(?:taken|lifted|borrowed|drawn)\s+(?:directly\s+)?from|)"
        R"(modell?ed\s+on|based\s+on|follows?\s+(?:\w+\s+){0,3}(?:exactly|closely|verbatim))",
        R"(compared\s+(?:to|with)|in\s+comparison\s+(?:to|with))",
        R"((?:has|have)\s+(?:grown|increased|decreased|doubled|tripled|halved|fallen|risen)|)"
        R"(grew|increased|decreased|doubled|tripled|halved|fell|rose)"}},
      // Up to two words may stand between: "all the other states", "every regional group".
      {FeatureKind::kUniversal, 0.35,
       {R"(all\s+(?:the\s+)?(?:\w+\s+){0,2}(?:states|countries|delegations|parties|regions|)"
        R"(groups|safeguards|provisions|offences|articles)|all\s+of\s+(?:the|them|us))",
        R"((?:every|each)\s+(?:\w+\s+){0,2}(?:state|country|delegation|party|region|group|)"
        R"(safeguard|provision|article|offence))",
        R"(no\s+(?:\w+\s+){0,2}(?:state|states|country|countries|delegation|delegations|)"
        R"(party|parties|safeguards?|provision|reference|mention|equivalent|legislation|)"
        R"(objections?|exceptions?|counterpart)|no\s+one)",
        R"(any\s+(?:\w+\s+)?(?:offence|crime|state|country|person|data|provision|article|)"
        R"(safeguard|delegation|change))",
        R"(not\s+a\s+single|none\s+of|nobody|nowhere|nothing|never|always|the\s+only|)"
        R"(only\s+(?:one|two|three)|without\s+exception|entirely|universally|everyone)"}},
      {FeatureKind::kLegalAssertion, 0.35,
       {R"((?:already\s+)?(?:provides|contains|covers|includes|requires|guarantees|obliges|)"
        R"(prohibits|permits|allows|criminali[sz]es|establishes|stipulates|mandates|mentions|)"
        R"(refers\s+to|defines|lists))",
        // Plural and past subjects: "both conventions require", "the draft allowed".
        R"((?:provide|contain|cover|include|require|guarantee|prohibit|permit|allow|)"
        R"(criminali[sz]e|define)|(?:provided|contained|covered|included|required|guaranteed|)"
        R"(prohibited|permitted|allowed|criminali[sz]ed|defined))",
        R"(provides\s+for|already\s+(?:provide|contain|cover|include|require|exist))",
        R"((?:does|do|did)\s+not(?:\s+(?:provide|contain|cover|include|require|mention|refer|)"
        R"(apply|protect|guarantee|exist))?)",
        R"(lacks?|omits?|omitted|is\s+silent\s+on|makes\s+no\s+(?:mention|reference)|)"
        R"(there\s+(?:is|are|was|were)\s+no|contains\s+no)",
        R"((?:is|are|was|were)\s+(?:not\s+)?(?:fully\s+)?(?:consistent|compatible|inconsistent|)"
        R"(incompatible|in\s+line|in\s+conformity|aligned|in\s+accordance)\s+with)",
        R"(compl(?:y|ies)\s+with|conforms?\s+to|violates?|breaches|contradicts?|contravenes?)",
        R"((?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:adopted|agreed|)"
        R"(deleted|removed|added|changed|amended|introduced|inserted|rejected|accepted|)"
        R"(ratified|signed|withdrawn|moved|renumbered|merged|replaced|weakened|strengthened|)"
        R"(narrowed|broadened|expanded|retained|kept))",
        // What became of a text: "the revised text dropped the reference", "unchanged since
        // the first draft".
        R"(dropped|deleted|removed|inserted|replaced|renumbered|reintroduced|restored)",
        R"((?:remains?|is|are|was|were)\s+unchanged|(?:has|have)\s+not\s+changed|)"
        R"(without\s+(?:any\s+)?changes?|since\s+the\s+(?:\w+\s+){0,2}(?:draft|session|version))",
        R"(ratified|signed|entered\s+into\s+force|acceded\s+to|abstained|)"
        R"(voted\s+(?:for|against|in\s+favour))",
        // What a proposal or a text does: "the proposal would add 23 offences".
        R"((?:would\s+)?(?:adds|deletes|removes|introduces|creates|expands|narrows|extends)|)"
        R"(would\s+(?:add|delete|remove|introduce|create|expand|narrow|extend))",
        R"(under\s+(?:article|paragraph)|in\s+accordance\s+with)"}},
      {FeatureKind::kAttribution, 0.35,
       {R"(according\s+to)",
        R"(as\s+(?:\w+\s+){0,4}(?:said|stated|noted|pointed\s+out|mentioned|proposed|)"
        R"(suggested|argued|explained|recalled|put\s+it))",
        R"((?:said|stated|noted|argued|claimed|asserted|acknowledged|confirmed|declared|)"
        R"(announced|insisted|admitted|conceded|reported|told)\s+(?:that|us|the))",
        R"((?:supported|opposed|proposed|tabled|sponsored|co-sponsored|endorsed|rejected|)"
        R"(requested|objected\s+to|blocked)\s+by)",
        // Events of the negotiation, in the past: what others (or we) did on the record.
        R"(objected\s+to|objected|opposed|co-sponsored|tabled|endorsed|supported|rejected|)"
        R"(proposed|requested|blocked|withdrew|received\s+support|at\s+the\s+request\s+of)",
        R"(in\s+(?:its|their|his|her)\s+(?:written\s+)?(?:submission|statement|proposal|)"
        R"(intervention|comments)s?)",
        R"(on\s+the\s+record|in\s+the\s+(?:report|summary|records?)\s+of)"}},
      // Opinions, intentions and positions in the first person, modal and evaluative words:
      // what a speaker wants or thinks, not what is.
      {FeatureKind::kHedge, -0.25,
       {R"(we\s+(?:believe|think|feel|hope|consider|trust|wonder|suggest|propose|would\s+like|)"
        R"(would\s+prefer|wish|call\s+(?:on|upon)|urge|encourage|invite|look\s+forward|)"
        R"(are\s+of\s+the\s+view|are\s+convinced|remain\s+convinced|support|cannot|can|)"
        R"(will|need|want|are\s+(?:ready|open|still|concerned|flexible)|remain|reiterate|)"
        R"(stand\s+ready|join|share|request|reserve|have\s+(?:some\s+)?concerns))",
        R"((?:my|our)\s+delegation\s+(?:believes|thinks|supports|cannot|can|will|wishes|is|)"
        R"(remains|attaches|would))",
        R"(in\s+our\s+(?:view|opinion|understanding)|it\s+(?:seems|appears)|perhaps|maybe|)"
        R"(possibly|arguably|probably|might|could|should|must)",
        R"(it\s+is\s+(?:our|my)\s+(?:view|understanding|hope)|)"
        R"((?:I|we)\s+(?:am|are)\s+not\s+sure)",
        R"((?:is|are|be)\s+(?:\w+\s+)?(?:important|essential|crucial|vital|critical|)"
        R"(fundamental|problematic|unacceptable|acceptable|appropriate|necessary|a\s+priority))"}},
      {FeatureKind::kCourtesy, -0.45,
       {R"(thanks?|thank\s+you|congratulat\w+|grateful|gratitude|appreciat\w+|commend|)"
        R"(we\s+welcome)",
        R"((?:Madam|Mister|Mr\.?|Madame)\s+(?:Chair|Chairperson|President|Vice-Chair)|)"
        R"(distinguished\s+(?:delegates|colleagues)|dear\s+colleagues|excellencies)",
        R"(allow\s+me|let\s+me\s+(?:begin|start|conclude|also|turn)|I\s+have\s+the\s+honou?r|)"
        R"(it\s+is\s+(?:a|my|our)\s+(?:great\s+)?(?:pleasure|honou?r)|)"
        // Only the speaker's own "on behalf of" is procedure; "Egypt tabled it on behalf of
        // the Arab Group" reports an event.
        R"((?:I|we)\s+(?:\w+\s+){0,3}on\s+behalf\s+of|^\s*on\s+behalf\s+of)",
        R"((?:align|associate)s?\s+(?:ourselves|itself|myself)\s+with|)"
        R"(wish\s+you\s+(?:every\s+)?success|full\s+support\s+(?:to|for)\s+(?:you|the\s+Chair)|)"
        R"(good\s+(?:morning|afternoon|evening)|I\s+give\s+the\s+floor|the\s+floor\s+is|)"
        R"(I\s+will\s+now|we\s+will\s+now|request\s+the\s+floor)"}},
  };
  return *lexicon;
}
// clang-format on

// One compiled pattern per lexicon row, in the lexicon's order.
const std::vector<std::unique_ptr<RE2>>& CompiledLexicon() {
  static const auto* compiled = [] {
    auto* patterns = new std::vector<std::unique_ptr<RE2>>;
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    for (const LexiconRow& row : Lexicon()) {
      std::string alternatives;
      for (const std::string& phrase : row.phrases) {
        if (!alternatives.empty()) alternatives += '|';
        alternatives += "(?:" + phrase + ")";
      }
      patterns->push_back(std::make_unique<RE2>("\\b(?:" + alternatives + ")\\b", options));
    }
    return patterns;
  }();
  return *compiled;
}

// Every match of `re` in `text`, as byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> FindAll(const RE2& re, std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (!re.ok()) return found;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::size_t at = 0;
  while (at <= text.size() && re.Match(input, at, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    const std::size_t end = begin + match.size();
    if (end > begin) found.emplace_back(begin, end);
    at = end > begin ? end : begin + 1;
  }
  return found;
}

bool Overlaps(std::pair<std::size_t, std::size_t> range,
              const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  for (const auto& [begin, end] : ranges) {
    if (range.first < end && begin < range.second) return true;
  }
  return false;
}

// The feature's matched words: each distinct spelling once, in sentence order.
void AddMatched(std::string_view text, std::pair<std::size_t, std::size_t> range,
                std::string* matched) {
  const std::string_view words = text.substr(range.first, range.second - range.first);
  std::string normalised;
  for (char c : words) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (normalised.empty() || normalised.back() == ' ')) continue;
    normalised += space ? ' ' : c;
  }
  while (!normalised.empty() && normalised.back() == ' ') normalised.pop_back();
  if (normalised.empty()) return;
  std::string_view rest = *matched;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(", ");
    if (rest.substr(0, comma) == normalised) return;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 2);
  }
  if (!matched->empty()) *matched += ", ";
  *matched += normalised;
}

std::vector<WorthinessFeature> ReadFeatures(std::string_view sentence) {
  const std::string_view text = sentence.substr(0, kMaxSentenceFeatureBytes);
  std::array<std::string, kFeatureKinds> matched;
  std::array<double, kFeatureKinds> weight{};
  std::array<bool, kFeatureKinds> present{};
  auto note = [&](FeatureKind kind, double row_weight) {
    const int k = static_cast<int>(kind);
    weight[k] = present[k] ? std::max(weight[k], row_weight) : row_weight;
    present[k] = true;
  };

  std::vector<std::pair<std::size_t, std::size_t>> references;
  for (const doc::RawReference& reference : doc::FindReferences(text, 0)) {
    references.emplace_back(reference.begin, reference.end);
  }
  std::vector<std::pair<std::size_t, std::size_t>> instruments;
  for (const InstrumentMention& mention : FindInstrumentMentions(text, {})) {
    instruments.emplace_back(mention.begin, mention.end);
  }
  const std::vector<LexiconRow>& lexicon = Lexicon();
  const std::vector<std::unique_ptr<RE2>>& patterns = CompiledLexicon();
  // The extractors' finds weigh as their feature's first row.
  auto row_weight = [&](FeatureKind kind) {
    for (const LexiconRow& row : lexicon) {
      if (row.kind == kind) return row.weight;
    }
    return 0.0;
  };
  for (const auto& range : references) {
    AddMatched(text, range, &matched[static_cast<int>(FeatureKind::kProvisionReference)]);
    note(FeatureKind::kProvisionReference, row_weight(FeatureKind::kProvisionReference));
  }
  for (const auto& range : instruments) {
    AddMatched(text, range, &matched[static_cast<int>(FeatureKind::kInstrumentReference)]);
    note(FeatureKind::kInstrumentReference, row_weight(FeatureKind::kInstrumentReference));
  }
  // References first, so that their numbers ("article 24", "ETS No. 185", "resolution
  // 74/247") are known before quantities are read: they are part of a reference, not a
  // quantity. The extractors' finds are not counted twice.
  auto is_reference = [](FeatureKind kind) {
    return kind == FeatureKind::kProvisionReference || kind == FeatureKind::kInstrumentReference;
  };
  for (const bool references_pass : {true, false}) {
    for (std::size_t r = 0; r < lexicon.size(); ++r) {
      const LexiconRow& row = lexicon[r];
      if (is_reference(row.kind) != references_pass) continue;
      for (const auto& range : FindAll(*patterns[r], text)) {
        const bool reference_words =
            row.kind == FeatureKind::kQuantity || row.kind == FeatureKind::kProvisionReference;
        if (reference_words && Overlaps(range, references)) continue;
        const bool instrument_words =
            row.kind == FeatureKind::kQuantity || row.kind == FeatureKind::kInstrumentReference;
        if (instrument_words && Overlaps(range, instruments)) continue;
        AddMatched(text, range, &matched[static_cast<int>(row.kind)]);
        note(row.kind, row.weight);
        if (row.kind == FeatureKind::kProvisionReference) references.push_back(range);
        if (row.kind == FeatureKind::kInstrumentReference) instruments.push_back(range);
      }
    }
  }
  std::vector<WorthinessFeature> features;
  for (int k = 0; k < kFeatureKinds; ++k) {
    if (!present[k]) continue;
    features.push_back({std::string(kFeatureNames[k]), weight[k], std::move(matched[k])});
  }
  return features;
}

// Sentence boundaries from ICU. The prototype is built once; each thread clones its own
// iterator, because a BreakIterator holds its text and position.
icu::BreakIterator* ThreadSentenceIterator() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* iterator =
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) {
      delete iterator;
      return static_cast<icu::BreakIterator*>(nullptr);
    }
    return iterator;
  }();
  if (prototype == nullptr) return nullptr;
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return iterator.get();
}

// Abbreviations of floor speech and treaty citations: they end in a full stop but not a
// sentence, and ICU ends one after them when a capital or a number follows ("Art. 24 Budapest",
// "H.E. Mr. Silva"). Matched case-sensitively as the last word before a break. (ICU's own
// filter, FilteredBreakIteratorBuilder, misses a suppression at the start of a sentence,
// "H.E." above; merging afterwards has no such gap.)
constexpr std::string_view kAbbreviations[] = {
    "Art.",  "art.", "Arts.", "arts.", "Para.",    "para.",   "Paras.", "paras.", "No.",  "Nos.",
    "e.g.",  "i.e.", "cf.",   "Cf.",   "Mr.",      "Ms.",     "Mrs.",   "Dr.",    "H.E.", "St.",
    "vs.",   "p.",   "pp.",   "Sec.",  "sec.",     "Ch.",     "ch.",    "op.",    "Op.",  "Amb.",
    "Prof.", "Rev.", "Corr.", "Add.",  "Doc.",     "approx.", "U.N.",   "U.S.",   "E.U.", "Sr.",
    "Jr.",   "Inc.", "Ltd.",  "viz.",  "Subpara.", "subpara."};

bool IsTrimmedSpace(char c);

// Whether the text before a break (`text[0, end)`) ends with an abbreviation standing as a
// word of its own.
bool EndsWithAbbreviation(std::string_view text, std::size_t end) {
  while (end > 0 && IsTrimmedSpace(text[end - 1])) --end;
  for (std::string_view abbreviation : kAbbreviations) {
    if (end < abbreviation.size()) continue;
    const std::size_t begin = end - abbreviation.size();
    if (text.substr(begin, abbreviation.size()) != abbreviation) continue;
    if (begin == 0 || IsTrimmedSpace(text[begin - 1]) || text[begin - 1] == '(') return true;
  }
  return false;
}

bool IsTrimmedSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// [begin, end) of the sentences of `text`, found on a copy in which single line breaks are
// spaces: transcripts wrap lines mid-sentence, and ICU ends a sentence at every line break.
// A blank line (a paragraph break) still ends one.
std::vector<std::pair<std::size_t, std::size_t>> SentenceRanges(std::string_view text) {
  std::string joined(text);
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] != '\n' && joined[i] != '\r') continue;
    std::size_t j = i;
    int breaks = 0;
    while (j < joined.size() && IsTrimmedSpace(joined[j])) {
      if (joined[j] == '\n') ++breaks;
      ++j;
    }
    if (breaks < 2) {
      for (std::size_t k = i; k < j; ++k) {
        if (joined[k] == '\n' || joined[k] == '\r') joined[k] = ' ';
      }
    }
    i = j > i ? j - 1 : i;
  }

  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  icu::BreakIterator* iterator = ThreadSentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext =
      utext_openUTF8(nullptr, joined.data(), static_cast<int64_t>(joined.size()), &status);
  if (iterator == nullptr || U_FAILURE(status)) {
    utext_close(utext);
    ranges.emplace_back(0, text.size());
    return ranges;
  }
  iterator->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    ranges.emplace_back(0, text.size());
    return ranges;
  }
  int32_t begin = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    if (EndsWithAbbreviation(joined, static_cast<std::size_t>(end)) &&
        static_cast<std::size_t>(end) < joined.size()) {
      continue;  // the sentence goes on
    }
    ranges.emplace_back(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
    begin = end;
  }
  // The iterator keeps a pointer to the UText; detach it before the text goes away.
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &status);
  iterator->setText(&empty, status);
  utext_close(&empty);
  utext_close(utext);
  return ranges;
}

}  // namespace

std::vector<CheckWorthySentence> ScoreSentences(std::string_view statement) {
  std::string_view text = statement.substr(0, kMaxStatementBytes);
  if (const std::optional<std::size_t> invalid = text::FindInvalidUtf8(text)) {
    text = text.substr(0, *invalid);
  }
  // A cut at 1 MiB may split a character: the validity check above already dropped its bytes.
  std::vector<CheckWorthySentence> sentences;
  for (auto [begin, end] : SentenceRanges(text)) {
    while (begin < end && IsTrimmedSpace(text[begin])) ++begin;
    while (end > begin && IsTrimmedSpace(text[end - 1])) --end;
    if (begin == end) continue;
    CheckWorthySentence sentence;
    sentence.begin = begin;
    sentence.end = end;
    sentence.text = std::string(text.substr(begin, end - begin));
    sentence.features = ReadFeatures(sentence.text);
    double score = 0;
    for (const WorthinessFeature& feature : sentence.features) score += feature.weight;
    sentence.score = std::clamp(score, 0.0, 1.0);
    sentences.push_back(std::move(sentence));
  }
  std::stable_sort(
      sentences.begin(), sentences.end(),
      [](const CheckWorthySentence& a, const CheckWorthySentence& b) { return a.score > b.score; });
  return sentences;
}

}  // namespace tw::factcheck
