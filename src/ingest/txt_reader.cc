// Plain text comes in two shapes, and the reader decides which one a file has before it
// writes a single block:
//
//   (a) one paragraph per line — what treaty texts saved from a word processor, and our own
//       corpus and demo files, look like: paragraphs of hundreds of characters on one line,
//       blank lines between them, headings as a pair of short lines ("Article 1" then
//       "Statement of purpose"). Every non-blank line is a block, as it is.
//   (b) hard-wrapped — e-mail, copies from a PDF viewer, `fmt` output: every line is cut near
//       one width (60–100 characters) and a paragraph continues on the next line. Lines are
//       re-joined into paragraphs, except where a line starts a structural element
//       (structure_cues.h), follows a heading line, or is clearly the last of its paragraph
//       (much shorter than the wrap width).
//
// The decision: the wrap width W is the 90th percentile of non-blank line lengths (code
// points). A file is hard-wrapped when W is at most kMaxWrapWidth — in shape (a) the long
// paragraph lines push the 90th percentile far above any wrap width — and at least
// kMinContinuationShare of its non-blank lines are "continuations": full lines (at least
// kFullLineShare of W) that are followed by a non-blank line which starts no structural
// element. A shape-(a) file with only short paragraphs has no continuations, because blank
// lines or headings follow every line.
//
// A hyphen at the end of a wrapped line is removed only when the word is lowercase on both
// sides and the document itself says it is a broken word: the joined form ("transnational")
// occurs elsewhere and the hyphenated one does not. Without that evidence the hyphen stays —
// "money-laundering" must survive, and no dictionary tells it from "informa-tion".
#include "ingest/txt_reader.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/block_writer.h"
#include "ingest/structure_cues.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

constexpr std::size_t kMaxWrapWidth = 120;     // wider "wrapping" is one paragraph per line
constexpr std::size_t kMinWrapWidth = 30;      // narrower files are lists, not wrapped prose
constexpr double kFullLineShare = 0.6;         // a line this full of W may continue
constexpr double kMinContinuationShare = 0.1;  // of non-blank lines, to call a file wrapped
constexpr double kRareBlankLineShare = 0.05;   // fewer blank lines: they do not part paragraphs

struct Line {
  std::size_t begin = 0;   // in the decoded text, after trimming
  std::string_view text;   // trimmed; empty for a blank line
  std::size_t length = 0;  // code points
};

struct Decoded {
  std::string utf16_copy;  // owns the text when it was decoded from UTF-16
  std::string_view input;  // else the UTF-8 text, a view of the input
  std::size_t offset = 0;  // source offset of text[0] (after a BOM); exact for UTF-8 only
  std::string note;
  // A view taken on demand: a stored view of utf16_copy would dangle once Decoded moves.
  std::string_view text() const { return note.empty() ? input : std::string_view(utf16_copy); }
};

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Length of a white-space character at s[i] (ASCII blanks and the Unicode spaces and
// invisible characters BlockWriter removes), or 0.
std::size_t SpaceAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return (d == 0xA0 || d == 0xAD || d == 0x85) ? 2 : 0;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto e = static_cast<unsigned char>(s[i + 2]);
    return (e <= 0x8B || e == 0xAF) ? 3 : 0;
  }
  if (c == 0xE3 && i + 2 < s.size() && s.substr(i, 3) == "\xE3\x80\x80") return 3;
  if (c == 0xEF && i + 2 < s.size() && s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

std::string_view Trim(std::string_view s, std::size_t& begin) {
  while (!s.empty()) {
    const std::size_t n = SpaceAt(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
    begin += n;
  }
  while (!s.empty()) {
    // Step back over one code point and test it.
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (SpaceAt(s, start) != s.size() - start) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

absl::StatusOr<Decoded> Decode(std::string_view name, std::string_view bytes) {
  Decoded out;
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4))) {
    return absl::InvalidArgumentError(
        fmt::format("{}: UTF-32 text is not supported; save it as UTF-8", name));
  }
  const bool le = starts("\xFF\xFE");
  const bool be = starts("\xFE\xFF");
  if (!le && !be) {
    out.offset = starts("\xEF\xBB\xBF") ? 3 : 0;
    out.input = bytes.substr(out.offset);
    return out;
  }
  const std::size_t units = (bytes.size() - 2) / 2;
  if ((bytes.size() - 2) % 2 != 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: invalid UTF-16{} (odd number of bytes)", name, le ? "LE" : "BE"));
  }
  auto unit = [&](std::size_t k) {
    const auto a = static_cast<unsigned char>(bytes[2 + 2 * k]);
    const auto b = static_cast<unsigned char>(bytes[3 + 2 * k]);
    return static_cast<char16_t>(le ? (a | (b << 8)) : ((a << 8) | b));
  };
  out.utf16_copy.reserve(units * 3 / 2);
  for (std::size_t k = 0; k < units; ++k) {
    char32_t cp = unit(k);
    if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < units && unit(k + 1) >= 0xDC00 &&
        unit(k + 1) <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(k + 1) - 0xDC00);
      ++k;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      return absl::InvalidArgumentError(
          fmt::format("{}: invalid UTF-16{} at byte {} (unpaired surrogate)", name,
                      le ? "LE" : "BE", 2 + 2 * k));
    }
    text::AppendUtf8(out.utf16_copy, cp);
  }
  out.note = fmt::format("decoded from UTF-16{}; source offsets refer to its UTF-8 decoding",
                         le ? "LE" : "BE");
  return out;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = start;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    Line line;
    line.begin = start;
    line.text = Trim(text.substr(start, end - start), line.begin);
    line.length = CodePoints(line.text);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

// --- Shape decision -------------------------------------------------------------------------

struct Shape {
  bool wrapped = false;
  std::size_t wrap_width = 0;
  bool blank_lines_part_paragraphs = true;
};

// A line drawn with one repeated character ("=====", "-----"): an underline or a rule, never
// part of a paragraph.
bool IsRuleLine(std::string_view text) {
  if (text.size() < 3 || std::string_view("=-_*~#").find(text[0]) == std::string_view::npos) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [&](char c) { return c == text[0]; });
}

bool IsFull(const Line& line, std::size_t wrap_width) {
  return static_cast<double>(line.length) >= kFullLineShare * static_cast<double>(wrap_width);
}

Shape DecideShape(const std::vector<Line>& lines) {
  Shape shape;
  std::vector<std::size_t> lengths;
  std::size_t blank = 0;
  for (const Line& line : lines) {
    if (line.text.empty()) {
      ++blank;
    } else {
      lengths.push_back(line.length);
    }
  }
  if (lengths.size() < 3) return shape;
  std::sort(lengths.begin(), lengths.end());
  shape.wrap_width = lengths[(lengths.size() - 1) * 9 / 10];
  if (shape.wrap_width > kMaxWrapWidth || shape.wrap_width < kMinWrapWidth) return shape;
  std::size_t continuations = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& a = lines[i];
    const Line& b = lines[i + 1];
    if (a.text.empty() || b.text.empty()) continue;
    if (IsFull(a, shape.wrap_width) && !IsHeadingLine(a.text) && !StartsStructuralElement(b.text)) {
      ++continuations;
    }
  }
  shape.wrapped =
      continuations >= 2 && static_cast<double>(continuations) >=
                                kMinContinuationShare * static_cast<double>(lengths.size());
  shape.blank_lines_part_paragraphs =
      static_cast<double>(blank) >= kRareBlankLineShare * static_cast<double>(lengths.size());
  return shape;
}

// --- Line-end hyphens -----------------------------------------------------------------------

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  char32_t cp = static_cast<unsigned char>(s[0]);
  if (cp < 0x80) return cp;
  std::size_t len = (cp & 0xE0) == 0xC0 ? 2 : (cp & 0xF0) == 0xE0 ? 3 : 4;
  cp &= (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len && k < s.size(); ++k) cp = (cp << 6) | (s[k] & 0x3F);
  return cp;
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return FirstCodePoint(s.substr(start));
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '-';
}

// The word without surrounding punctuation, ASCII-lowercased.
std::string WordCore(std::string_view word) {
  while (!word.empty() && !IsWordByte(word.front())) word.remove_prefix(1);
  while (!word.empty() && !IsWordByte(word.back())) word.remove_suffix(1);
  while (!word.empty() && word.front() == '-') word.remove_prefix(1);
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view FirstWord(std::string_view line) { return line.substr(0, line.find(' ')); }
std::string_view LastWord(std::string_view line) {
  const std::size_t space = line.rfind(' ');
  return space == std::string_view::npos ? line : line.substr(space + 1);
}

bool EndsWithWordHyphen(std::string_view line) {
  return line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != '-' &&
         line[line.size() - 2] != ' ';
}

class Vocabulary {
 public:
  // Words of the document (hyphenated words also count their parts), except the halves of
  // line-end hyphen breaks: they are the question.
  explicit Vocabulary(const std::vector<Line>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string_view text = lines[i].text;
      const bool breaks_after = EndsWithWordHyphen(text);
      const bool broken_before = i > 0 && EndsWithWordHyphen(lines[i - 1].text);
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const bool first = start == 0;
        const bool last = end == text.size();
        if (!(first && broken_before) && !(last && breaks_after)) {
          Add(WordCore(text.substr(start, end - start)));
        }
        start = end + 1;
      }
    }
  }
  bool Contains(const std::string& word) const { return words_.count(word) > 0; }

 private:
  void Add(const std::string& core) {
    if (core.empty()) return;
    words_.insert(core);
    std::size_t start = 0;
    while (core.find('-', start) != std::string::npos) {
      const std::size_t dash = core.find('-', start);
      if (dash > start) words_.insert(core.substr(start, dash - start));
      start = dash + 1;
    }
    if (start > 0 && start < core.size()) words_.insert(core.substr(start));
  }
  std::unordered_set<std::string> words_;
};

// `before` is the line ending in '-', `after` the next line.
bool DropLineEndHyphen(std::string_view before, std::string_view after,
                       const Vocabulary& vocabulary) {
  const std::string_view left_word = LastWord(before.substr(0, before.size() - 1));
  const std::string_view right_word = FirstWord(after);
  if (!u_islower(static_cast<UChar32>(LastCodePoint(left_word))) ||
      !u_islower(static_cast<UChar32>(FirstCodePoint(right_word)))) {
    return false;
  }
  const std::string left = WordCore(left_word);
  const std::string right = WordCore(right_word);
  if (left.empty() || right.empty() || left.find('-') != std::string::npos) return false;
  if (vocabulary.Contains(left + "-" + right)) return false;
  return vocabulary.Contains(left + right);
}

// --- Writing --------------------------------------------------------------------------------

void WriteLinePerBlock(const std::vector<Line>& lines, std::size_t offset, BlockWriter& out) {
  for (const Line& line : lines) {
    if (line.text.empty()) continue;
    out.AddText(line.text, offset + line.begin);
    out.EndBlock();
  }
}

bool EndsSentence(std::string_view line) {
  if (line.empty()) return false;
  const char c = line.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

bool StartsUppercase(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '"' || line[i] == '\'' || line[i] == '(')) ++i;
  return u_isupper(static_cast<UChar32>(FirstCodePoint(line.substr(i)))) != 0;
}

// Returns the number of hyphens removed.
int WriteRejoined(const std::vector<Line>& lines, const Shape& shape, std::size_t offset,
                  BlockWriter& out) {
  const Vocabulary vocabulary(lines);
  int hyphens_removed = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.text.empty()) continue;
    const Line* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
    const bool joins = next != nullptr && !next->text.empty() && !IsHeadingLine(line.text) &&
                       IsFull(line, shape.wrap_width) && !StartsStructuralElement(next->text) &&
                       !IsRuleLine(line.text) && !IsRuleLine(next->text) &&
                       (shape.blank_lines_part_paragraphs || !EndsSentence(line.text) ||
                        !StartsUppercase(next->text));
    if (!joins) {
      out.AddText(line.text, offset + line.begin);
      out.EndBlock();
      continue;
    }
    if (EndsWithWordHyphen(line.text)) {
      if (DropLineEndHyphen(line.text, next->text, vocabulary)) {
        out.AddText(line.text.substr(0, line.text.size() - 1), offset + line.begin);
        ++hyphens_removed;
      } else {
        out.AddText(line.text, offset + line.begin);
      }
    } else {
      out.AddText(line.text, offset + line.begin);
      out.AddSpace(offset + line.begin + line.text.size());
    }
  }
  return hyphens_removed;
}

}  // namespace

absl::StatusOr<doc::SourceText> ReadPlainText(std::string_view name, std::string_view bytes,
                                              const ReadOptions& options) {
  if (absl::Status usable = CheckDocumentBytes(name, bytes, options.limits); !usable.ok()) {
    return usable;
  }
  absl::StatusOr<Decoded> decoded = Decode(name, bytes);
  if (!decoded.ok()) return decoded.status();
  const std::string_view text = decoded->text();
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const text::LineColumn lc = text::LineColumnAt(text, nul);
    return absl::InvalidArgumentError(fmt::format(
        "{}: binary content (NUL byte) at line {}, column {} (byte {}); not a text file", name,
        lc.line, lc.column, decoded->offset + nul));
  }
  if (const auto bad = text::FindInvalidUtf8(text)) {
    const text::LineColumn lc = text::LineColumnAt(text, *bad);
    return absl::InvalidArgumentError(
        fmt::format("{}: invalid UTF-8 at line {}, column {} (byte {})", name, lc.line, lc.column,
                    decoded->offset + *bad));
  }
  const std::vector<Line> lines = SplitLines(text);
  const Shape shape = DecideShape(lines);
  BlockWriter out;
  if (!decoded->note.empty()) out.AddNote(decoded->note);
  if (shape.wrapped) {
    const int hyphens = WriteRejoined(lines, shape, decoded->offset, out);
    out.AddNote(fmt::format("hard-wrapped text (width about {}): lines re-joined into paragraphs",
                            shape.wrap_width));
    if (hyphens > 0) out.AddNote(fmt::format("{} line-end hyphens removed", hyphens));
  } else {
    WriteLinePerBlock(lines, decoded->offset, out);
  }
  if (out.block_count() == 0 && out.BlockEmpty()) {
    return absl::InvalidArgumentError(fmt::format("{}: no text (only blank lines)", name));
  }
  return out.Finish();
}

}  // namespace tw::ingest
