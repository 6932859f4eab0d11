#include "docx_writer.h"
#include "doc/numbering.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace tw::tools {
namespace {

using ::tw::compare::WordPart;
using ::tw::compare::EscapeMarkup;

constexpr std::string_view kFootnoteSeparator = "__________";  // as doc/source_text.h
constexpr std::string_view kAuthor = "treatywatch";
// Diff tables larger than this many cells fall back to "all removed, all added".
constexpr std::size_t kMaxDiffCells = 16u << 20;

// --- XML text --------------------------------------------------------------------------------

std::string TextRun(std::string_view text) {
  if (text.empty()) return "";
  return fmt::format("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", EscapeMarkup(text));
}

class RevisionIds {
 public:
  int Next() { return next_++; }

 private:
  int next_ = 1;
};

std::string InsertedRun(std::string_view text, RevisionIds& ids) {
  if (text.empty()) return "";
  return fmt::format("<w:ins w:id=\"{}\" w:author=\"{}\">{}</w:ins>", ids.Next(), kAuthor,
                     TextRun(text));
}

std::string DeletedRun(std::string_view text, RevisionIds& ids) {
  if (text.empty()) return "";
  return fmt::format(
      "<w:del w:id=\"{}\" w:author=\"{}\"><w:r><w:delText xml:space=\"preserve\">{}</w:delText>"
      "</w:r></w:del>",
      ids.Next(), kAuthor, EscapeMarkup(text));
}

// --- Labels and numbering --------------------------------------------------------------------

enum Family { kMultiLevel = 0, kParenLetter = 1 };  // "1." "(a)" "(i)"  |  "a)"
constexpr int kFamilies = 2;
constexpr int kLevels = 3;

struct Candidate {
  Family family;
  int level;
  int value;
};

struct ParsedLabel {
  std::vector<Candidate> candidates;  // in order of preference
  std::size_t length = 0;             // bytes of label and the space after it
};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Roman(int n) { return tw::doc::FormatRoman(n); }

// Value of a lowercase Roman numeral written the canonical way, or 0.
int RomanValue(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  for (int v = 1; v < 40; ++v) {
    if (Roman(v) == s) return v;
  }
  return 0;
}

// Word's lowerLetter: a..z, then aa..zz, aaa..zzz.
int LetterValue(std::string_view s) {
  if (s.empty() || s.size() > 3) return 0;
  for (char c : s) {
    if (c != s[0] || !IsLower(c)) return 0;
  }
  return static_cast<int>(s.size() - 1) * 26 + (s[0] - 'a' + 1);
}

std::optional<ParsedLabel> ParseLabel(std::string_view line) {
  ParsedLabel label;
  std::size_t end = 0;
  if (!line.empty() && IsDigit(line[0]) && line[0] != '0') {
    while (end < line.size() && end < 3 && IsDigit(line[end])) ++end;
    if (end >= line.size() || line[end] != '.') return std::nullopt;
    label.candidates.push_back({kMultiLevel, 0, std::stoi(std::string(line.substr(0, end)))});
    end += 1;
  } else if (line.size() > 2 && line[0] == '(') {
    const std::size_t close = line.find(')');
    if (close == std::string_view::npos || close < 2) return std::nullopt;
    const std::string_view inner = line.substr(1, close - 1);
    const int letter = LetterValue(inner);
    const int roman = RomanValue(inner);
    if (roman == 1) label.candidates.push_back({kMultiLevel, 2, roman});
    if (letter > 0) label.candidates.push_back({kMultiLevel, 1, letter});
    if (roman > 1) label.candidates.push_back({kMultiLevel, 2, roman});
    end = close + 1;
  } else if (line.size() > 2 && IsLower(line[0]) && line[1] == ')') {
    label.candidates.push_back({kParenLetter, 0, line[0] - 'a' + 1});
    end = 2;
  }
  if (label.candidates.empty()) return std::nullopt;
  // The reader prints label, one space, text: only that shape round-trips.
  if (end + 1 >= line.size() || line[end] != ' ' || line[end + 1] == ' ') return std::nullopt;
  label.length = end + 1;
  return label;
}

// Plans w:num instances so that Word's counters print the labels the text has, in one or two
// views of the document (accepted and rejected changes).
class NumberingPlanner {
 public:
  static constexpr unsigned kAccepted = 1;
  static constexpr unsigned kRejected = 2;

  struct Instance {
    Family family;
    std::array<int, kLevels> start;
  };
  struct Assignment {
    int num_id;
    int level;
  };

  // A numbered paragraph present in `views`; returns its w:numId and w:ilvl.
  Assignment Assign(const ParsedLabel& label, unsigned views) {
    for (const Candidate& c : label.candidates) {
      const int current = current_[c.family];
      if (current == 0) continue;
      bool continues = true;
      for (unsigned view : {kAccepted, kRejected}) {
        if ((views & view) && Expected(view, current, c.level) != c.value) continues = false;
      }
      if (continues) return Apply(current, c, views);
    }
    const Candidate& c = label.candidates.front();
    Instance instance{c.family, {1, 1, 1}};
    instance.start[static_cast<std::size_t>(c.level)] = c.value;
    instances_.push_back(instance);
    const int num_id = static_cast<int>(instances_.size());
    current_[c.family] = num_id;
    return Apply(num_id, c, views);
  }

  const std::vector<Instance>& instances() const { return instances_; }

 private:
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
  };

  int Expected(unsigned view, int num_id, int level) {
    const Counters& counters = counters_[Key(view, num_id)];
    const auto l = static_cast<std::size_t>(level);
    return counters.started[l] ? counters.value[l] + 1
                               : instances_[static_cast<std::size_t>(num_id - 1)].start[l];
  }

  Assignment Apply(int num_id, const Candidate& c, unsigned views) {
    for (unsigned view : {kAccepted, kRejected}) {
      if (!(views & view)) continue;
      Counters& counters = counters_[Key(view, num_id)];
      const auto l = static_cast<std::size_t>(c.level);
      counters.value[l] = c.value;
      counters.started[l] = true;
      for (std::size_t deeper = l + 1; deeper < kLevels; ++deeper) counters.started[deeper] = false;
    }
    return {num_id, c.level};
  }

  static std::int64_t Key(unsigned view, int num_id) {
    return (static_cast<std::int64_t>(view) << 32) | static_cast<std::uint32_t>(num_id);
  }

  std::array<int, kFamilies> current_{};
  std::vector<Instance> instances_;
  std::unordered_map<std::int64_t, Counters> counters_;
};

// --- Paragraph styles ------------------------------------------------------------------------

bool StartsWithWord(std::string_view line, std::string_view word) {
  if (!line.empty() && line.front() == '[') line.remove_prefix(1);
  return line.size() > word.size() && line.substr(0, word.size()) == word &&
         line[word.size()] == ' ';
}

// "Heading1" for chapters, parts, annexes and the preamble, "Heading2" for articles, "" else.
std::string HeadingStyle(std::string_view line) {
  for (std::string_view word : {"Chapter", "CHAPTER", "Part", "PART", "Annex", "ANNEX"}) {
    if (StartsWithWord(line, word)) return "Heading1";
  }
  if (line == "Preamble" || line == "PREAMBLE") return "Heading1";
  for (std::string_view word : {"Article", "ARTICLE"}) {
    if (StartsWithWord(line, word)) return "Heading2";
  }
  return "";
}

struct ParagraphSpec {
  std::string style;
  std::optional<NumberingPlanner::Assignment> numbering;
  std::string mark_change;  // "", "ins" or "del"
  std::string runs;
};

std::string ParagraphXml(const ParagraphSpec& p, RevisionIds& ids) {
  std::string ppr;
  if (!p.style.empty()) ppr += fmt::format("<w:pStyle w:val=\"{}\"/>", p.style);
  if (p.numbering) {
    ppr += fmt::format("<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{}\"/></w:numPr>",
                       p.numbering->level, p.numbering->num_id);
  }
  if (!p.mark_change.empty()) {
    ppr += fmt::format("<w:rPr><w:{} w:id=\"{}\" w:author=\"{}\"/></w:rPr>", p.mark_change,
                       ids.Next(), kAuthor);
  }
  return fmt::format("<w:p>{}{}</w:p>\n", ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>", p.runs);
}

// Styles each body line gets: headings, and the title line after a heading.
std::vector<std::string> LineStyles(const std::vector<std::string>& lines) {
  std::vector<std::string> styles(lines.size());
  std::string previous_heading;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    styles[i] = HeadingStyle(lines[i]);
    if (styles[i].empty() && !previous_heading.empty() && !ParseLabel(lines[i]) &&
        lines[i] != "Preamble") {
      styles[i] = previous_heading;
      previous_heading.clear();
      continue;
    }
    previous_heading = styles[i];
  }
  return styles;
}

// --- Footnotes -------------------------------------------------------------------------------

struct Footnotes {
  std::size_t body_lines = 0;       // lines before the separator (all lines when none)
  std::vector<std::string> bodies;  // [n-1] -> text after "[n] "
};

// Footnotes become real ones only in the shape Word itself would print: bodies [1]..[k] in
// order after the separator, each referred to exactly once in the body, in order.
Footnotes FindFootnotes(const std::vector<std::string>& lines) {
  Footnotes none{lines.size(), {}};
  std::size_t separator = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (lines[i] == kFootnoteSeparator) {
      separator = i;
      break;
    }
  }
  if (separator == lines.size() || separator + 1 == lines.size()) return none;
  Footnotes notes{separator, {}};
  for (std::size_t i = separator + 1; i < lines.size(); ++i) {
    const std::string prefix = fmt::format("[{}] ", notes.bodies.size() + 1);
    if (lines[i].rfind(prefix, 0) != 0 || lines[i].size() == prefix.size()) return none;
    notes.bodies.push_back(lines[i].substr(prefix.size()));
  }
  std::size_t next = 1;
  for (std::size_t i = 0; i < separator; ++i) {
    const std::string& line = lines[i];
    for (std::size_t at = line.find('['); at != std::string::npos; at = line.find('[', at + 1)) {
      std::size_t end = at + 1;
      while (end < line.size() && IsDigit(line[end])) ++end;
      if (end == at + 1 || end >= line.size() || line[end] != ']' || end - at > 4) continue;
      const std::size_t n = std::stoul(line.substr(at + 1, end - at - 1));
      if (n < 1 || n > notes.bodies.size()) continue;
      if (n != next) return none;
      ++next;
    }
  }
  if (next != notes.bodies.size() + 1) return none;
  return notes;
}

// Runs of `text` with "[n]" markers (1..count) as footnote references.
std::string RunsWithFootnotes(std::string_view text, std::size_t count) {
  if (count == 0) return TextRun(text);
  std::string runs;
  std::size_t copied = 0;
  for (std::size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && IsDigit(text[end])) ++end;
    if (end == at + 1 || end >= text.size() || text[end] != ']' || end - at > 4) continue;
    const std::size_t n = std::stoul(std::string(text.substr(at + 1, end - at - 1)));
    if (n < 1 || n > count) continue;
    runs += TextRun(text.substr(copied, at - copied));
    runs += fmt::format(
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
        "<w:footnoteReference w:id=\"{}\"/></w:r>",
        n);
    copied = end + 1;
  }
  runs += TextRun(text.substr(copied));
  return runs;
}

std::string FootnotesXml(const std::vector<std::string>& bodies) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/>"
      "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\n"
      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing "
      "w:after=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\n";
  for (std::size_t k = 0; k < bodies.size(); ++k) {
    xml += fmt::format(
        "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r></w:p></w:footnote>\n",
        k + 1, EscapeMarkup(bodies[k]));
  }
  xml += "</w:footnotes>\n";
  return xml;
}

// --- Package parts ---------------------------------------------------------------------------

constexpr std::string_view kSettings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:defaultTabStop w:val=\"567\"/>"
    "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "</w:settings>\n";

std::string StyleXml(std::string_view id, std::string_view name, std::string_view extra) {
  return fmt::format(
      "<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>{}</w:style>",
      id, name, extra);
}

std::string StylesXml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/>"
         "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
         "<w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>" +
         StyleXml("Heading1", "heading 1",
                  "<w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/>"
                  "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr>") +
         StyleXml("Heading2", "heading 2",
                  "<w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/>"
                  "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/></w:rPr>") +
         StyleXml("ListParagraph", "List Paragraph", "") +
         StyleXml("FootnoteText", "footnote text", "<w:rPr><w:sz w:val=\"20\"/></w:rPr>") +
         "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\">"
         "<w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/>"
         "</w:rPr></w:style></w:styles>\n";
}

std::string LevelXml(int ilvl, std::string_view format, std::string_view text) {
  const int indent = 567 * (ilvl + 1);
  return fmt::format(
      "<w:lvl w:ilvl=\"{}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{}\"/>"
      "<w:lvlText w:val=\"{}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{}\" "
      "w:hanging=\"567\"/></w:pPr></w:lvl>",
      ilvl, format, text, indent);
}

std::string NumberingXml(const std::vector<NumberingPlanner::Instance>& instances) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
      "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>" +
      LevelXml(0, "decimal", "%1.") + LevelXml(1, "lowerLetter", "(%2)") +
      LevelXml(2, "lowerRoman", "(%3)") +
      "</w:abstractNum>\n"
      "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>" +
      LevelXml(0, "lowerLetter", "%1)") + "</w:abstractNum>\n";
  for (std::size_t k = 0; k < instances.size(); ++k) {
    const NumberingPlanner::Instance& instance = instances[k];
    xml += fmt::format("<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/>", k + 1,
                       static_cast<int>(instance.family));
    const int levels = instance.family == kMultiLevel ? kLevels : 1;
    for (int l = 0; l < levels; ++l) {
      xml += fmt::format(
          "<w:lvlOverride w:ilvl=\"{}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride>", l,
          instance.start[static_cast<std::size_t>(l)]);
    }
    xml += "</w:num>\n";
  }
  xml += "</w:numbering>\n";
  return xml;
}

std::string DocumentXml(const std::string& paragraphs) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n"
         "<w:body>\n" +
         paragraphs +
         "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" "
         "w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" "
         "w:gutter=\"0\"/></w:sectPr>\n</w:body>\n</w:document>\n";
}

absl::StatusOr<std::string> Package(const std::string& paragraphs,
                                    const std::vector<NumberingPlanner::Instance>& instances,
                                    const std::vector<std::string>& footnotes) {
  return compare::WriteDocxPackage(DocumentXml(paragraphs),
                                   {WordPart{"styles", StylesXml()},
                                    WordPart{"numbering", NumberingXml(instances)},
                                    WordPart{"footnotes", FootnotesXml(footnotes)},
                                    WordPart{"settings", std::string(kSettings)}});
}

// --- Diffs -----------------------------------------------------------------------------------

enum class Op { kEqual, kDelete, kInsert };

// Longest-common-subsequence edit script of `a` -> `b`; nullopt when the table would be larger
// than kMaxDiffCells.
template <typename T>
std::optional<std::vector<std::pair<Op, std::size_t>>> EditScript(const std::vector<T>& a,
                                                                  const std::vector<T>& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n + 1) * (m + 1) > kMaxDiffCells) return std::nullopt;
  std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  // Each step: the index into `a` (kEqual, kDelete) or into `b` (kInsert).
  std::vector<std::pair<Op, std::size_t>> script;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      script.push_back({Op::kEqual, i});
      ++i, ++j;
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      script.push_back({Op::kInsert, j++});
    } else {
      script.push_back({Op::kDelete, i++});
    }
  }
  return script;
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    if (text[start] == ' ') {
      while (end < text.size() && text[end] == ' ') ++end;
    } else {
      while (end < text.size() && text[end] != ' ') ++end;
    }
    tokens.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return tokens;
}

// Runs turning `before` into `after`: shared words plain, the rest w:del / w:ins.
std::string WordDiffRuns(std::string_view before, std::string_view after, RevisionIds& ids) {
  const std::vector<std::string> a = Tokens(before);
  const std::vector<std::string> b = Tokens(after);
  const auto script = EditScript(a, b);
  if (!script) return DeletedRun(before, ids) + InsertedRun(after, ids);
  std::string runs;
  std::string equal, deleted, inserted;
  auto flush = [&] {
    runs += TextRun(equal) + DeletedRun(deleted, ids) + InsertedRun(inserted, ids);
    equal.clear(), deleted.clear(), inserted.clear();
  };
  for (const auto& [op, index] : *script) {
    if (op == Op::kEqual) {
      if (!deleted.empty() || !inserted.empty()) flush();
      equal += a[index];
    } else {
      if (!equal.empty()) flush();
      (op == Op::kDelete ? deleted : inserted) += op == Op::kDelete ? a[index] : b[index];
    }
  }
  flush();
  return runs;
}

bool SameLabel(const std::optional<ParsedLabel>& a, const std::optional<ParsedLabel>& b,
               std::string_view line_a, std::string_view line_b) {
  if (!a || !b || a->length != b->length) return false;
  return line_a.substr(0, a->length) == line_b.substr(0, b->length);
}

}  // namespace

absl::StatusOr<std::string> WriteDocx(const std::vector<std::string>& lines) {
  const Footnotes footnotes = FindFootnotes(lines);
  const std::vector<std::string> body(
      lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(footnotes.body_lines));
  const std::vector<std::string> styles = LineStyles(body);
  NumberingPlanner planner;
  RevisionIds ids;
  std::string paragraphs;
  for (std::size_t i = 0; i < body.size(); ++i) {
    ParagraphSpec p;
    p.style = styles[i];
    std::string_view text = body[i];
    if (p.style.empty()) {
      if (const std::optional<ParsedLabel> label = ParseLabel(text)) {
        p.numbering = planner.Assign(*label, NumberingPlanner::kAccepted);
        p.style = "ListParagraph";
        text.remove_prefix(label->length);
      }
    }
    p.runs = RunsWithFootnotes(text, footnotes.bodies.size());
    paragraphs += ParagraphXml(p, ids);
  }
  return Package(paragraphs, planner.instances(), footnotes.bodies);
}

absl::StatusOr<std::string> WriteTrackedDocx(const std::vector<std::string>& base,
                                             const std::vector<std::string>& revised) {
  struct Merged {
    Op op;  // kEqual: in both (maybe changed), kDelete: base only, kInsert: revised only
    std::string before;  // base text (kEqual, kDelete)
    std::string after;   // revised text (kEqual, kInsert)
  };
  std::vector<Merged> merged;
  const auto script = EditScript(base, revised);
  if (script) {
    // Pair each run of removed lines with the run of added lines next to it: a changed paragraph.
    std::vector<std::string> removed, added;
    auto flush = [&] {
      const std::size_t paired = std::min(removed.size(), added.size());
      for (std::size_t k = 0; k < paired; ++k) merged.push_back({Op::kEqual, removed[k], added[k]});
      for (std::size_t k = paired; k < removed.size(); ++k)
        merged.push_back({Op::kDelete, removed[k], ""});
      for (std::size_t k = paired; k < added.size(); ++k)
        merged.push_back({Op::kInsert, "", added[k]});
      removed.clear(), added.clear();
    };
    for (const auto& [op, index] : *script) {
      if (op == Op::kEqual) {
        flush();
        merged.push_back({Op::kEqual, base[index], base[index]});
      } else if (op == Op::kDelete) {
        removed.push_back(base[index]);
      } else {
        added.push_back(revised[index]);
      }
    }
    flush();
  } else {
    for (const std::string& line : base) merged.push_back({Op::kDelete, line, ""});
    for (const std::string& line : revised) merged.push_back({Op::kInsert, "", line});
  }

  NumberingPlanner planner;
  RevisionIds ids;
  std::string paragraphs;
  for (const Merged& m : merged) {
    ParagraphSpec p;
    const std::string& shown = m.op == Op::kDelete ? m.before : m.after;
    p.style = HeadingStyle(shown);
    std::string_view before = m.before;
    std::string_view after = m.after;
    const std::optional<ParsedLabel> label_before = ParseLabel(before);
    const std::optional<ParsedLabel> label_after = ParseLabel(after);
    unsigned views = 0;
    const ParsedLabel* label = nullptr;
    if (m.op == Op::kEqual && SameLabel(label_before, label_after, before, after)) {
      views = NumberingPlanner::kAccepted | NumberingPlanner::kRejected;
      label = &*label_after;
    } else if (m.op == Op::kDelete && label_before) {
      views = NumberingPlanner::kRejected;
      label = &*label_before;
    } else if (m.op == Op::kInsert && label_after) {
      views = NumberingPlanner::kAccepted;
      label = &*label_after;
    }
    if (label && p.style.empty()) {
      p.numbering = planner.Assign(*label, views);
      p.style = "ListParagraph";
      if (m.op != Op::kInsert) before.remove_prefix(label->length);
      if (m.op != Op::kDelete) after.remove_prefix(label->length);
    }
    switch (m.op) {
      case Op::kEqual:
        p.runs = before == after ? TextRun(after) : WordDiffRuns(before, after, ids);
        break;
      case Op::kDelete:
        p.mark_change = "del";
        p.runs = DeletedRun(before, ids);
        break;
      case Op::kInsert:
        p.mark_change = "ins";
        p.runs = InsertedRun(after, ids);
        break;
    }
    paragraphs += ParagraphXml(p, ids);
  }
  return Package(paragraphs, planner.instances(), {});
}

}  // namespace tw::tools
