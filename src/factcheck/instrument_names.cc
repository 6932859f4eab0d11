#include "factcheck/instrument_names.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace tw::factcheck {
namespace {

struct BuiltInInstrument {
  std::string_view canonical;
  std::vector<std::string_view> names;  // the canonical name is matched too
};

// The instruments delegations invoke in the cybercrime negotiation, with the names they are
// called by on the floor and in submissions.
const std::vector<BuiltInInstrument>& BuiltInInstruments() {
  static const auto* instruments = new std::vector<BuiltInInstrument>{
      {"Budapest Convention",
       {"Convention on Cybercrime", "Council of Europe Convention on Cybercrime",
        "CoE Convention on Cybercrime", "ETS 185", "ETS No. 185", "ETS No 185", "CETS 185",
        "CETS No. 185", "CETS No 185"}},
      {"Additional Protocol to the Budapest Convention",
       {"Additional Protocol to the Convention on Cybercrime", "First Additional Protocol",
        "ETS 189", "ETS No. 189", "ETS No 189", "CETS 189", "CETS No. 189"}},
      {"Second Additional Protocol to the Budapest Convention",
       {"Second Additional Protocol to the Convention on Cybercrime", "Second Additional Protocol",
        "CETS 224", "CETS No. 224", "CETS No 224"}},
      {"UN Convention against Cybercrime",
       {"United Nations Convention against Cybercrime", "Convention against Cybercrime",
        "UN Cybercrime Convention", "United Nations Cybercrime Convention"}},
      {"UN Convention against Transnational Organized Crime",
       {"UNTOC", "Palermo Convention",
        "United Nations Convention against Transnational Organized Crime",
        "United Nations Convention against Transnational Organised Crime",
        "UN Convention against Transnational Organised Crime",
        "Convention against Transnational Organized Crime",
        "Convention against Transnational Organised Crime", "Organized Crime Convention",
        "Organised Crime Convention"}},
      {"UN Convention against Corruption",
       {"UNCAC", "United Nations Convention against Corruption", "Convention against Corruption",
        "Merida Convention", "M\u00e9rida Convention"}},
      {"International Covenant on Civil and Political Rights",
       {"ICCPR", "Covenant on Civil and Political Rights"}},
      {"Universal Declaration of Human Rights", {"UDHR", "Universal Declaration"}},
      {"European Convention on Human Rights",
       {"ECHR", "Convention for the Protection of Human Rights and Fundamental Freedoms",
        "European Convention for the Protection of Human Rights and Fundamental Freedoms"}},
      {"Malabo Convention",
       {"African Union Convention on Cyber Security and Personal Data Protection",
        "African Union Convention on Cybersecurity and Personal Data Protection",
        "AU Convention on Cyber Security and Personal Data Protection",
        "AU Convention on Cybersecurity and Personal Data Protection"}},
      {"Arab Convention on Combating Information Technology Offences",
       {"Arab Convention", "Arab Convention on Combating Information Technology Offenses",
        "Arab Convention on Combating IT Offences"}},
      {"CIS Agreement on Cooperation in Combating Offences related to Computer Information",
       {"CIS Agreement", "CIS Agreement on Combating Offences related to Computer Information",
        "Agreement on Cooperation among the States Members of the Commonwealth of Independent "
        "States in Combating Offences related to Computer Information"}},
  };
  return *instruments;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A text as names are compared: ASCII lowercase, every whitespace run one space, and where
// each kept byte came from.
struct Key {
  std::string text;
  std::vector<std::size_t> source;  // source[i]: offset of text[i] in the original
};

Key MakeKey(std::string_view text) {
  Key key;
  key.text.reserve(text.size());
  key.source.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsSpace(c)) {
      if (key.text.empty() || key.text.back() == ' ') continue;
      c = ' ';
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    key.text += c;
    key.source.push_back(i);
  }
  key.source.push_back(text.size());
  return key;
}

std::string KeyOf(std::string_view name) {
  std::string key = MakeKey(name).text;
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

struct Name {
  std::string key;
  std::string canonical;
};

const std::vector<Name>& BuiltInNames() {
  static const auto* names = [] {
    auto* all = new std::vector<Name>;
    for (const BuiltInInstrument& instrument : BuiltInInstruments()) {
      all->push_back({KeyOf(instrument.canonical), std::string(instrument.canonical)});
      for (std::string_view name : instrument.names) {
        all->push_back({KeyOf(name), std::string(instrument.canonical)});
      }
    }
    return all;
  }();
  return *names;
}

// Delegates say "the Regional Convention" for a stored title such as "Regional Convention on
// Computer-Related Offences": the words before the subject ("on", "against", "for") name the
// instrument when they end in a treaty noun and no other name has the same short form (two
// stored "Regional Convention on …" titles make the short form mean nothing).
void AddShortNames(const std::vector<Name>& built_in, std::vector<Name>* names) {
  static constexpr std::string_view kSubjectWords[] = {" on ", " against ", " for "};
  static constexpr std::string_view kTreatyNouns[] = {"convention", "treaty", "agreement",
                                                      "protocol", "covenant", "charter"};
  std::vector<Name> short_names;
  std::vector<std::string> ambiguous;
  for (const Name& name : *names) {
    std::size_t cut = std::string::npos;
    for (std::string_view word : kSubjectWords) cut = std::min(cut, name.key.find(word));
    if (cut == std::string::npos) continue;
    const std::string prefix = name.key.substr(0, cut);
    const std::size_t last_space = prefix.rfind(' ');
    if (last_space == std::string::npos) continue;  // one word: "convention on …"
    const std::string_view last = std::string_view(prefix).substr(last_space + 1);
    if (std::find(std::begin(kTreatyNouns), std::end(kTreatyNouns), last) ==
        std::end(kTreatyNouns)) {
      continue;
    }
    const auto same_key = [&prefix](const Name& other) { return other.key == prefix; };
    if (std::any_of(built_in.begin(), built_in.end(), same_key) ||
        std::any_of(names->begin(), names->end(), same_key)) {
      continue;
    }
    auto earlier = std::find_if(short_names.begin(), short_names.end(), same_key);
    if (earlier != short_names.end()) {
      if (earlier->canonical != name.canonical) ambiguous.push_back(prefix);
      continue;
    }
    short_names.push_back({prefix, name.canonical});
  }
  for (Name& short_name : short_names) {
    if (std::find(ambiguous.begin(), ambiguous.end(), short_name.key) == ambiguous.end()) {
      names->push_back(std::move(short_name));
    }
  }
}

// The usable known names that are not built-in names (a built-in name keeps its canonical).
std::vector<Name> KnownNames(const std::vector<std::string>& known_instruments) {
  const std::vector<Name>& built_in = BuiltInNames();
  std::vector<Name> names;
  const std::size_t count = std::min(known_instruments.size(), kMaxKnownInstruments);
  for (std::size_t k = 0; k < count; ++k) {
    const std::string& name = known_instruments[k];
    if (name.size() > kMaxInstrumentNameBytes) continue;
    std::string key = KeyOf(name);
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
    if (key.size() < kMinKnownInstrumentNameBytes) continue;
    if (std::any_of(built_in.begin(), built_in.end(),
                    [&](const Name& n) { return n.key == key; })) {
      continue;
    }
    std::string canonical = name;
    while (!canonical.empty() && IsSpace(canonical.back())) canonical.pop_back();
    while (!canonical.empty() && IsSpace(canonical.front())) canonical.erase(0, 1);
    names.push_back({std::move(key), std::move(canonical)});
  }
  AddShortNames(built_in, &names);
  return names;
}

struct Found {
  std::size_t begin = 0;  // in the key
  std::size_t end = 0;
  const std::string* canonical = nullptr;
};

void FindNames(const std::string& key, const std::vector<Name>& names, std::vector<Found>* found) {
  for (const Name& name : names) {
    if (name.key.empty()) continue;
    for (std::size_t at = key.find(name.key); at != std::string::npos;
         at = key.find(name.key, at + 1)) {
      const std::size_t end = at + name.key.size();
      const bool starts_word =
          at == 0 || !IsAsciiAlnum(key[at - 1]) || !IsAsciiAlnum(name.key.front());
      const bool ends_word =
          end == key.size() || !IsAsciiAlnum(key[end]) || !IsAsciiAlnum(name.key.back());
      if (starts_word && ends_word) found->push_back({at, end, &name.canonical});
    }
  }
}

// Built-in and known names in `key`, leftmost first, the longest where they overlap.
std::vector<Found> FindInKey(const std::string& key, const std::vector<Name>& known) {
  std::vector<Found> found;
  FindNames(key, BuiltInNames(), &found);
  FindNames(key, known, &found);
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<Found> kept;
  for (const Found& f : found) {
    if (!kept.empty() && f.begin < kept.back().end) continue;
    kept.push_back(f);
  }
  return kept;
}

}  // namespace

std::vector<InstrumentMention> FindInstrumentMentions(
    std::string_view text, const std::vector<std::string>& known_instruments) {
  const Key key = MakeKey(text);
  const std::vector<Name> known = KnownNames(known_instruments);
  std::vector<InstrumentMention> mentions;
  for (const Found& f : FindInKey(key.text, known)) {
    // The key's last byte came from source[end - 1]; the mention ends right after it.
    mentions.push_back({key.source[f.begin], key.source[f.end - 1] + 1, *f.canonical});
  }
  return mentions;
}

std::string CanonicalInstrumentName(std::string_view name,
                                    const std::vector<std::string>& known_instruments) {
  std::string key = KeyOf(name);
  while (!key.empty() && key.front() == ' ') key.erase(0, 1);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  const std::vector<Name> known = KnownNames(known_instruments);
  for (const std::vector<Name>* names : {&BuiltInNames(), &known}) {
    for (const Name& n : *names) {
      if (n.key == key) return n.canonical;
    }
  }
  const std::vector<Found> found = FindInKey(key, known);
  return found.empty() ? std::string() : *found.front().canonical;
}

std::vector<std::string> InstrumentNames(std::string_view canonical) {
  std::vector<std::string> names;
  for (const BuiltInInstrument& instrument : BuiltInInstruments()) {
    if (instrument.canonical != canonical) continue;
    names.emplace_back(instrument.canonical);
    for (std::string_view name : instrument.names) names.emplace_back(name);
  }
  return names;
}

}  // namespace tw::factcheck
