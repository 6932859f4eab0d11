#include "negotiation/transcript_import.h"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "negotiation/cited_provisions.h"

namespace tw::negotiation {
namespace {

// A name longer than this many words is a sentence, not a name.
constexpr int kMaxNameWords = 14;

// Lowercase words that occur inside names ("Bosnia and Herzegovina", "Mr. van der Berg").
constexpr std::array<std::string_view, 19> kConnectors = {
    "of", "the", "and", "da",  "de",  "del", "des", "du", "la", "le",
    "et", "y",   "von", "van", "der", "bin", "al",  "el", "di"};

// Words that open a colon-terminated heading rather than name a speaker ("Note:", "Article 24:").
constexpr std::array<std::string_view, 34> kNotSpeakers = {
    "note",       "notes",     "finally", "however",  "summary",  "conclusion", "conclusions",
    "question",   "questions", "answer",  "example",  "proposal", "comment",    "comments",
    "background", "context",   "update",  "source",   "sources",  "agenda",     "item",
    "date",       "venue",     "subject", "decision", "outcome",  "session",    "meeting",
    "article",    "articles",  "annex",   "chapter",  "section",  "paragraph"};

// "The Chair said", "The Secretary:" — the titles a record gives the officers, and the actor
// the registry knows them by.
struct Officer {
  std::string_view title;
  std::string_view actor;
};
constexpr std::array<Officer, 11> kOfficers = {{
    {"the acting chair", "Chair"},
    {"the vice-chair", "Chair"},
    {"the chairperson", "Chair"},
    {"the chairwoman", "Chair"},
    {"the chairman", "Chair"},
    {"the chair", "Chair"},
    {"the acting president", "Chair"},
    {"the president", "Chair"},
    {"the secretary of the committee", "Secretariat"},
    {"the secretariat", "Secretariat"},
    {"the secretary", "Secretariat"},
}};

// Openings of the prose form whose next words are a name.
constexpr std::array<std::string_view, 7> kRepresentativeOf = {
    "the representative of ",     "the representative for ", "the delegate of ",
    "the delegation of ",         "the observer for ",       "the observer of ",
    "the observer delegation of "};

// Words after ", " that make "Egypt, speaking on behalf of ..." a speaker.
constexpr std::array<std::string_view, 5> kOnBehalf = {"speaking on behalf of",
                                                       "speaking also on behalf of", "on behalf of",
                                                       "speaking for", "speaking as"};

constexpr std::array<std::string_view, 9> kAdverbs = {
    "also", "further", "furthermore", "then", "again", "finally", "lastly", "moreover", "too"};

constexpr std::array<std::string_view, 64> kSpeechVerbs = {
    "said",       "stated",     "noted",       "added",      "recalled",    "expressed",
    "welcomed",   "proposed",   "suggested",   "asked",      "requested",   "observed",
    "emphasized", "emphasised", "stressed",    "underlined", "underscored", "agreed",
    "supported",  "opposed",    "called",      "urged",      "believed",    "considered",
    "reiterated", "indicated",  "explained",   "pointed",    "affirmed",    "reaffirmed",
    "recognized", "recognised", "highlighted", "announced",  "thanked",     "echoed",
    "questioned", "objected",   "favoured",    "favored",    "preferred",   "raised",
    "maintained", "replied",    "responded",   "argued",     "cautioned",   "warned",
    "insisted",   "regretted",  "shared",      "joined",     "aligned",     "concurred",
    "commended",  "asserted",   "declared",    "clarified",  "hoped",       "referred",
    "spoke",      "introduced", "presented",   "wished"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// "of", "d'Ivoire", "d’Ivoire".
bool IsConnector(std::string_view word) {
  while (!word.empty() && (word.front() == '(')) word.remove_prefix(1);
  while (!word.empty() && (word.back() == ')' || word.back() == '.')) word.remove_suffix(1);
  if (word.substr(0, 2) == "d'" || word.substr(0, 2) == "l'" || word.substr(0, 4) == "d\u2019" ||
      word.substr(0, 4) == "l\u2019") {
    return true;
  }
  return Contains(kConnectors, Lower(word));
}

// The words at the start of `s` that can be a name: up to a lowercase word that is not a
// connector, or a comma, colon or semicolon outside parentheses. A parenthesised group is one
// word ("Iran (Islamic Republic of)", "Mr. Ramos (Brazil)").
struct NameRun {
  std::string_view name;       // empty when there is none
  char stop_char = '\0';       // ',' ':' ';' or '\0'
  std::size_t after_stop = 0;  // offset just past stop_char
  std::string_view stop_word;  // the lowercase word that ended the name; may be empty
  std::size_t after_stop_word = 0;
};

NameRun ReadName(std::string_view s) {
  NameRun run;
  std::size_t i = 0;
  std::size_t name_end = 0;
  int words = 0;
  while (true) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    int depth = 0;
    while (j < s.size()) {
      const char c = s[j];
      if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth > 0) --depth;
      } else if (depth == 0 && (c == ' ' || c == ',' || c == ':' || c == ';')) {
        break;
      }
      ++j;
    }
    if (depth > 0) break;  // a parenthesis still open where we stop reading
    const std::string_view word = s.substr(i, j - i);
    if (word.empty()) {
      run.name = s.substr(0, name_end);
      run.stop_char = s[j];
      run.after_stop = j + 1;
      return run;
    }
    if (IsLowerAscii(word.front()) && !IsConnector(word)) {
      run.name = s.substr(0, name_end);
      std::string_view w = word;
      while (!w.empty() && (w.back() == '.' || w.back() == ')')) w.remove_suffix(1);
      run.stop_word = w;
      run.after_stop_word = j;
      return run;
    }
    if (++words > kMaxNameWords) return NameRun{};
    name_end = j;
    if (j < s.size() && s[j] != ' ') {
      run.name = s.substr(0, name_end);
      run.stop_char = s[j];
      run.after_stop = j + 1;
      return run;
    }
    i = j;
  }
  run.name = s.substr(0, name_end);
  return run;
}

// A name split into the words before its parenthesised groups and the first group's content:
// "Mr. Ramos (Brazil) (spoke in Spanish)" → "Mr. Ramos", "Brazil".
struct NameParts {
  std::string_view base;
  std::string_view group;  // empty when there is none
};

NameParts SplitGroups(std::string_view name) {
  const std::size_t open = name.find('(');
  if (open == std::string_view::npos) return {TrimView(name), {}};
  int depth = 0;
  std::size_t close = open;
  for (; close < name.size(); ++close) {
    if (name[close] == '(') ++depth;
    if (name[close] == ')' && --depth == 0) break;
  }
  return {TrimView(name.substr(0, open)), TrimView(name.substr(open + 1, close - open - 1))};
}

// Looks like a name: starts with a capital (or a non-ASCII letter), and is not a heading word.
bool NameShaped(std::string_view name) {
  name = TrimView(name);
  if (name.empty() || IsLowerAscii(name.front()) || (name.front() >= '0' && name.front() <= '9') ||
      name.front() == '(') {
    return false;
  }
  const std::size_t end = name.find_first_of(" (");
  return !Contains(kNotSpeakers, Lower(name.substr(0, end)));
}

bool OnBehalfWords(std::string_view s) {
  s = TrimView(s);
  for (std::string_view words : kOnBehalf) {
    if (StartsWithNoCase(s, words) && (s.size() == words.size() || s[words.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

enum class SpeakerKind { kNone, kKnown, kUnknown };

struct SpeakerMatch {
  SpeakerKind kind = SpeakerKind::kNone;
  const Actor* actor = nullptr;
  absl::Status error;          // why an unknown speaker is unknown (with suggestions)
  std::size_t body_begin = 0;  // where the statement's text starts in the paragraph
};

class SpeakerReader {
 public:
  explicit SpeakerReader(const ActorRegistry& actors) : actors_(actors) {}

  SpeakerMatch Read(std::string_view paragraph) const {
    const std::string_view head = paragraph.substr(0, kMaxSpeakerPrefixBytes);
    SpeakerMatch match;
    if (MatchOfficer(head, &match)) return match;
    for (std::string_view opening : kRepresentativeOf) {
      if (!StartsWithNoCase(head, opening)) continue;
      const NameRun run = ReadName(head.substr(opening.size()));
      if (run.name.empty()) return match;
      // The words are clear: whatever follows "the representative of" is meant as a speaker.
      return Named(run.name, /*body_begin=*/0, /*explicit_form=*/true);
    }
    const NameRun run = ReadName(head);
    if (run.name.empty() || !NameShaped(run.name)) return match;
    const NameParts parts = SplitGroups(run.name);
    const bool grouped = !parts.group.empty() && NameShaped(parts.base);
    if (run.stop_char == ':') {
      // A bare label is cut from the text; one that says more ("on behalf of") is kept.
      const bool bare = Lower(parts.group).find("behalf") == std::string::npos;
      std::size_t body = run.after_stop;
      while (bare && body < paragraph.size() && IsSpace(paragraph[body])) ++body;
      return Named(run.name, bare ? body : 0, true);
    }
    if (run.stop_char == ',') {
      if (OnBehalfWords(head.substr(run.after_stop)) || grouped) {
        return Named(run.name, 0, true);
      }
      return match;
    }
    if (run.stop_word.empty()) return match;
    if (grouped) return Named(run.name, 0, true);
    // "Mexico said": any sentence has this shape, so only known names count.
    std::string_view rest = head.substr(run.after_stop_word);
    std::string verb = Lower(run.stop_word);
    if (Contains(kAdverbs, verb)) {
      const NameRun next = ReadName(TrimView(rest));
      verb = Lower(next.stop_word);
    }
    if (!Contains(kSpeechVerbs, verb)) return match;
    SpeakerMatch known = Named(run.name, 0, false);
    return known.kind == SpeakerKind::kKnown ? known : match;
  }

 private:
  bool MatchOfficer(std::string_view head, SpeakerMatch* match) const {
    for (const Officer& officer : kOfficers) {
      if (!StartsWithNoCase(head, officer.title)) continue;
      const std::string_view rest = head.substr(officer.title.size());
      std::size_t body = 0;
      if (!rest.empty() && rest.front() == ':') {
        body = officer.title.size() + 1;
        while (body < head.size() && IsSpace(head[body])) ++body;
      } else if (!rest.empty() && rest.front() == ' ') {
        const std::string_view next = TrimView(rest);
        if (next.empty() || !IsLowerAscii(next.front())) return false;
      } else if (!rest.empty() && rest.front() != ',') {
        return false;  // "The Chairs", "The President's"
      }
      const absl::StatusOr<const Actor*> actor = actors_.Resolve(officer.actor);
      match->body_begin = body;
      if (actor.ok()) {
        match->kind = SpeakerKind::kKnown;
        match->actor = *actor;
      } else {
        match->kind = SpeakerKind::kUnknown;
        match->error = actor.status();
      }
      return true;
    }
    return false;
  }

  static std::string_view GroupHead(std::string_view group) {
    return TrimView(group.substr(0, group.find(',')));
  }

  // Names of three letters or fewer are ISO codes, which are written in capitals: "It said"
  // is not Italy.
  std::optional<absl::StatusOr<const Actor*>> Resolve(std::string_view name) const {
    name = TrimView(name);
    if (name.empty()) return std::nullopt;
    if (name.size() <= 3) {
      for (char c : name) {
        if (c < 'A' || c > 'Z') return std::nullopt;
      }
    }
    return actors_.Resolve(name);
  }

  // The speaker `name` designates: the whole name ("Iran (Islamic Republic of)"), else the
  // state in its first parenthesised group ("Mr. Ramos (Brazil)"), else — when the group says
  // "on behalf of" — the words before it. `explicit_form`: the words are unmistakably meant as
  // a speaker, so an unknown name is an error rather than ordinary text.
  SpeakerMatch Named(std::string_view name, std::size_t body_begin, bool explicit_form) const {
    SpeakerMatch match;
    match.body_begin = body_begin;
    std::optional<absl::StatusOr<const Actor*>> whole = Resolve(name);
    if (whole.has_value() && whole->ok()) {
      match.kind = SpeakerKind::kKnown;
      match.actor = **whole;
      return match;
    }
    std::optional<absl::StatusOr<const Actor*>> chosen = std::move(whole);
    const NameParts parts = SplitGroups(name);
    if (!parts.group.empty()) {
      const std::string_view head = GroupHead(parts.group);
      if (OnBehalfWords(head)) {
        chosen = Resolve(parts.base);
      } else if (NameShaped(head)) {
        chosen = Resolve(head);
      } else {
        return SpeakerMatch{};
      }
    }
    if (!chosen.has_value()) return SpeakerMatch{};
    if (chosen->ok()) {
      match.kind = SpeakerKind::kKnown;
      match.actor = **chosen;
      return match;
    }
    if (!explicit_form) return SpeakerMatch{};
    match.kind = SpeakerKind::kUnknown;
    match.error = chosen->status();
    return match;
  }

  const ActorRegistry& actors_;
};

// Paragraphs that record the meeting, not a speaker.
bool IsProcedural(std::string_view paragraph) {
  return StartsWithNoCase(paragraph, "the meeting ") ||
         StartsWithNoCase(paragraph, "agenda item") || StartsWithNoCase(paragraph, "(the meeting ");
}

struct Paragraph {
  int line = 0;
  std::string text;
};

}  // namespace

absl::StatusOr<std::vector<Statement>> ReadTranscript(std::string_view text,
                                                      std::string_view file_name,
                                                      const ActorRegistry& actors,
                                                      const TranscriptOptions& options,
                                                      std::vector<std::string>* warnings) {
  if (text.size() > kMaxTranscriptBytes) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {} bytes is more than the {} byte limit for a transcript", file_name,
                    text.size(), kMaxTranscriptBytes));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const SpeakerReader reader(actors);

  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  // Blank-line separated paragraphs, or one per line when the text has no blank line inside.
  bool blocks = false;
  {
    bool seen_text = false;
    bool blank_after_text = false;
    for (std::string_view line : lines) {
      const bool blank = TrimView(line).empty();
      if (blank && seen_text) blank_after_text = true;
      if (!blank && blank_after_text) blocks = true;
      if (!blank) seen_text = true;
    }
  }
  std::vector<Paragraph> paragraphs;
  bool open = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = TrimView(lines[i]);
    if (line.empty()) {
      open = false;
      continue;
    }
    if (open && blocks && reader.Read(line).kind != SpeakerKind::kKnown) {
      paragraphs.back().text += ' ';
      paragraphs.back().text += line;
      continue;
    }
    if (paragraphs.size() >= kMaxTranscriptParagraphs) {
      return absl::ResourceExhaustedError(fmt::format("{}: line {}: more than {} paragraphs",
                                                      file_name, i + 1, kMaxTranscriptParagraphs));
    }
    paragraphs.push_back(Paragraph{static_cast<int>(i + 1), std::string(line)});
    open = true;
  }

  const auto warn = [&](int line, std::string_view why) {
    if (warnings != nullptr)
      warnings->push_back(fmt::format("{}: line {}: {}", file_name, line, why));
  };
  std::vector<Statement> statements;
  enum class Turn { kNone, kKnown, kUnknown } turn = Turn::kNone;
  Statement current;
  int current_line = 0;
  const auto finish = [&] {
    if (turn == Turn::kKnown) {
      if (TrimView(current.text).empty()) {
        warn(current_line, "a speaker with no words; nothing recorded");
      } else {
        current.cited_paths = CitedProvisions(current.text, options.draft);
        statements.push_back(std::move(current));
      }
    }
    current = Statement{};
    turn = Turn::kNone;
  };

  for (const Paragraph& p : paragraphs) {
    if (IsProcedural(p.text)) {
      finish();
      warn(p.line, "a procedural paragraph, not a statement; skipped");
      continue;
    }
    const SpeakerMatch match = reader.Read(p.text);
    if (match.kind == SpeakerKind::kUnknown) {
      const std::string message =
          fmt::format("{}: line {}: {}", file_name, p.line, std::string(match.error.message()));
      if (!options.skip_unknown) return absl::InvalidArgumentError(message);
      finish();
      turn = Turn::kUnknown;
      if (warnings != nullptr) warnings->push_back(message + "; the turn is skipped");
      continue;
    }
    if (match.kind == SpeakerKind::kKnown) {
      finish();
      turn = Turn::kKnown;
      current_line = p.line;
      current.actor = match.actor->id;
      current.session = options.session;
      current.date = options.date;
      current.agenda_item = options.agenda_item;
      current.source_url = options.source_url;
      current.text = std::string(TrimView(std::string_view(p.text).substr(match.body_begin)));
      continue;
    }
    switch (turn) {
      case Turn::kKnown:
        if (!current.text.empty()) current.text += "\n\n";
        current.text += p.text;
        break;
      case Turn::kUnknown:
        warn(p.line, "continues an unknown speaker's turn; skipped");
        break;
      case Turn::kNone:
        warn(p.line, "no speaker named yet; skipped");
        break;
    }
  }
  finish();
  return statements;
}

}  // namespace tw::negotiation
