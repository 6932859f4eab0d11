#include "pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/utf8.h"

namespace tw::tools {
namespace {

// A4, in points. The body stays clear of the bands where readers look for page furniture
// (the top and bottom 12 % of the page); headers and footers sit inside them.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 90;
constexpr double kRight = kPageWidth - 90;
constexpr double kTextWidth = kRight - kLeft;
constexpr double kFirstBaseline = 125;
constexpr double kLastBaseline = 735;  // of the lowest body or footnote line
constexpr double kBodySize = 10;
constexpr double kPitch = 12;
constexpr double kIndent = 24;
constexpr double kHeadingSpace = 12;                // extra space above a heading
constexpr double kHeadingWidth = 0.8 * kTextWidth;  // centred headings wrap narrower
constexpr double kNoteSize = 8;
constexpr double kNotePitch = 9.6;
constexpr double kBodySuperSize = 6;
constexpr double kBodySuperRise = 3.5;
constexpr double kNoteSuperSize = 5;
constexpr double kNoteSuperRise = 3;
constexpr double kHeaderBaseline = 40;
constexpr double kHeaderPitch = 9.5;
constexpr double kHeaderTitleWidth = 0.6 * kTextWidth;
constexpr int kHeaderTitleLines = 3;
constexpr double kFooterBaseline = 800;
constexpr double kBarcodeBaseline = 812;
constexpr std::size_t kMinHyphenatedLetters = 8;
constexpr std::size_t kMinFragmentLetters = 3;
constexpr char kFontFamily[] = "DejaVu Serif";

enum class Font { kBody, kBold, kNote, kBodySuper, kNoteSuper, kHeader, kHeaderBold };

struct Run {
  double x;
  double baseline;
  Font font;
  std::string text;
};

struct Segment {
  std::string text;
  bool superscript = false;
};
using Word = std::vector<Segment>;

struct LaidLine {
  std::vector<Word> words;
  double indent = 0;
};

struct Page {
  std::vector<Run> runs;
  std::vector<std::vector<Run>> notes;  // footnote lines, positioned at render time
  double note_height = 0;
};

class Typesetter {
 public:
  explicit Typesetter(cairo_t* cr) : cr_(cr) {}

  void Use(Font font) {
    if (current_ == font) return;
    current_ = font;
    const bool bold = font == Font::kBold || font == Font::kHeaderBold;
    cairo_select_font_face(cr_, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, Size(font));
  }

  static double Size(Font font) {
    switch (font) {
      case Font::kBody:
      case Font::kBold:
        return kBodySize;
      case Font::kNote:
        return kNoteSize;
      case Font::kBodySuper:
        return kBodySuperSize;
      case Font::kNoteSuper:
        return kNoteSuperSize;
      case Font::kHeader:
        return kBodySize;
      case Font::kHeaderBold:
        return kNoteSize;
    }
    return kBodySize;
  }

  double Width(Font font, const std::string& text) {
    auto key = std::make_pair(static_cast<int>(font), text);
    if (auto it = widths_.find(key); it != widths_.end()) return it->second;
    Use(font);
    cairo_text_extents_t extents;
    cairo_text_extents(cr_, text.c_str(), &extents);
    widths_.emplace(std::move(key), extents.x_advance);
    return extents.x_advance;
  }

  void Show(const Run& run) {
    Use(run.font);
    cairo_move_to(cr_, run.x, run.baseline);
    cairo_show_text(cr_, run.text.c_str());
  }

 private:
  cairo_t* cr_;
  std::optional<Font> current_;
  std::map<std::pair<int, std::string>, double> widths_;
};

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) words.emplace_back(s.substr(start, i - start));
  }
  return words;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool IsRoman(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
}

// Structural heading lines, set centred: "Article 5", "Chapter II", "Annex", "TITLE 1".
bool IsHeading(std::string_view line) {
  const std::vector<std::string> words = SplitWords(line);
  if (words.size() == 1) {
    static const std::set<std::string> kAlone = {"Preamble", "PREAMBLE", "Annex", "ANNEX"};
    return kAlone.count(words[0]) > 0;
  }
  if (words.size() != 2) return false;
  static const std::set<std::string> kKeywords = {"Article", "Chapter", "CHAPTER", "Part",
                                                  "Section", "SECTION", "TITLE",   "Annex"};
  if (kKeywords.count(words[0]) == 0) return false;
  std::string number = words[1];
  if (!number.empty() && number.back() == '.') number.pop_back();
  return IsDigits(number) || IsRoman(number);
}

bool EndsWithPunctuation(std::string_view line) {
  return !line.empty() && std::string_view(".,;:").find(line.back()) != std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Letters-and-hyphens core of a word, lower-cased: what a reader compares.
std::string Core(std::string_view word) {
  std::size_t b = 0, e = word.size();
  const auto is_word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  while (b < e && !is_word_byte(static_cast<unsigned char>(word[b]))) ++b;
  while (e > b && !is_word_byte(static_cast<unsigned char>(word[e - 1]))) --e;
  // Closing quotes and dashes are multi-byte; strip the common ones.
  for (std::string_view tail : {"\u201D", "\u2019", "\u2013", "\u2014"}) {
    while (e - b >= tail.size() && word.substr(e - tail.size(), tail.size()) == tail) {
      e -= tail.size();
    }
  }
  for (std::string_view head : {"\u201C", "\u2018"}) {
    while (e - b >= head.size() && word.substr(b, head.size()) == head) b += head.size();
  }
  return Lower(word.substr(b, e - b));
}

// Words of the document, to choose line-end breaks a reader can undo.
struct Vocabulary {
  std::unordered_set<std::string> words;  // standalone words and compounds
  std::unordered_set<std::string> parts;  // parts of hyphenated compounds
};

Vocabulary CollectVocabulary(const std::vector<std::string>& lines) {
  Vocabulary vocabulary;
  for (const std::string& line : lines) {
    for (const std::string& word : SplitWords(line)) {
      const std::string core = Core(word);
      if (core.empty()) continue;
      vocabulary.words.insert(core);
      std::size_t start = 0;
      while (core.find('-', start) != std::string::npos) {
        const std::size_t dash = core.find('-', start);
        vocabulary.parts.insert(core.substr(start, dash - start));
        start = dash + 1;
      }
      if (start > 0) vocabulary.parts.insert(core.substr(start));
    }
  }
  return vocabulary;
}

class Layout {
 public:
  Layout(Typesetter& typesetter, const Vocabulary& vocabulary,
         const std::map<std::string, std::string>& notes)
      : ts_(typesetter), vocabulary_(vocabulary), notes_(notes) {
    pages_.emplace_back();
  }

  // Both return the pages the block was set on.
  LinePages AddHeading(const std::string& text, bool space_before);
  LinePages AddParagraph(const std::string& text);
  std::vector<Page> Finish() { return std::move(pages_); }
  // Page of each footnote's first reference.
  const std::map<std::string, int>& NotePages() const { return note_pages_; }

 private:
  Word ParseWord(const std::string& token) const;
  double WordWidth(const Word& word, Font font);
  std::vector<LaidLine> Break(const std::vector<Word>& words, Font font, double first_indent,
                              double width, bool hyphenate = true);
  std::optional<std::pair<std::string, std::string>> Hyphenate(const Word& word, Font font,
                                                               double room);
  double NotesHeightFor(const LaidLine& line);
  void Place(const LaidLine& line, Font font, bool centred);
  void NewPage();

  Typesetter& ts_;
  const Vocabulary& vocabulary_;
  const std::map<std::string, std::string>& notes_;
  std::vector<Page> pages_;
  std::map<std::string, int> note_pages_;
  double baseline_ = kFirstBaseline;
  bool page_empty_ = true;
};

Word Layout::ParseWord(const std::string& token) const {
  Word word;
  std::size_t i = 0;
  std::string plain;
  while (i < token.size()) {
    if (token[i] == '[') {
      const std::size_t close = token.find(']', i);
      if (close != std::string::npos) {
        const std::string label = token.substr(i + 1, close - i - 1);
        if (IsDigits(label) && notes_.count(label) > 0) {
          if (!plain.empty()) word.push_back({std::move(plain), false});
          plain.clear();
          word.push_back({label, true});
          i = close + 1;
          continue;
        }
      }
    }
    plain.push_back(token[i]);
    ++i;
  }
  if (!plain.empty()) word.push_back({std::move(plain), false});
  return word;
}

double Layout::WordWidth(const Word& word, Font font) {
  double width = 0;
  const Font super = font == Font::kNote ? Font::kNoteSuper : Font::kBodySuper;
  for (const Segment& s : word) width += ts_.Width(s.superscript ? super : font, s.text);
  return width;
}

std::optional<std::pair<std::string, std::string>> Layout::Hyphenate(const Word& word, Font font,
                                                                     double room) {
  if (word.size() != 1 || word[0].superscript) return std::nullopt;
  const std::string& text = word[0].text;
  // A compound breaks after its own hyphen, the rightmost place that fits.
  if (text.find('-') != std::string::npos) {
    for (std::size_t dash = text.rfind('-'); dash != std::string::npos && dash > 0;
         dash = dash == 0 ? std::string::npos : text.rfind('-', dash - 1)) {
      const std::string head = text.substr(0, dash + 1);
      const std::string tail = text.substr(dash + 1);
      if (tail.empty() || ts_.Width(font, head) > room) continue;
      const std::string a = Core(text.substr(0, dash));
      const std::string b = Core(tail);
      if (a.empty() || b.empty() || std::isdigit(static_cast<unsigned char>(a.back()))) continue;
      const bool readable = std::isupper(static_cast<unsigned char>(tail[0])) ||
                            vocabulary_.words.count(a) > 0 || vocabulary_.words.count(b) > 0;
      if (readable) return std::make_pair(head, tail);
    }
    return std::nullopt;
  }
  // Any other long word of plain letters breaks between letters where neither fragment is a
  // word of the document.
  std::size_t letters = 0;
  while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters]))) {
    ++letters;
  }
  const std::string_view rest = std::string_view(text).substr(letters);
  if (letters < kMinHyphenatedLetters ||
      !std::all_of(rest.begin(), rest.end(),
                   [](char c) { return std::ispunct(static_cast<unsigned char>(c)); }) ||
      !std::all_of(text.begin() + 1, text.begin() + static_cast<std::ptrdiff_t>(letters),
                   [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  for (std::size_t k = letters - kMinFragmentLetters; k >= kMinFragmentLetters; --k) {
    const std::string head = text.substr(0, k) + "-";
    if (ts_.Width(font, head) > room) continue;
    const std::string a = Lower(text.substr(0, k));
    const std::string b = Lower(text.substr(k, letters - k));
    if (vocabulary_.words.count(a) || vocabulary_.words.count(b) || vocabulary_.parts.count(a) ||
        vocabulary_.parts.count(b) || vocabulary_.words.count(a + "-" + b)) {
      continue;
    }
    return std::make_pair(head, text.substr(k));
  }
  return std::nullopt;
}

std::vector<LaidLine> Layout::Break(const std::vector<Word>& words, Font font, double first_indent,
                                    double width, bool hyphenate) {
  std::vector<LaidLine> lines;
  LaidLine line{{}, first_indent};
  double used = first_indent;
  const double space = ts_.Width(font, " ");
  std::vector<Word> queue(words.rbegin(), words.rend());
  while (!queue.empty()) {
    Word word = std::move(queue.back());
    queue.pop_back();
    const double w = WordWidth(word, font);
    const double needed = line.words.empty() ? w : space + w;
    if (used + needed <= width) {
      line.words.push_back(std::move(word));
      used += needed;
      continue;
    }
    const double room = width - used - (line.words.empty() ? 0 : space);
    std::optional<std::pair<std::string, std::string>> split;
    if (hyphenate) split = Hyphenate(word, font, room);
    if (split) {
      line.words.push_back({{split->first, false}});
      queue.push_back({{split->second, false}});
    } else if (line.words.empty()) {
      // A word wider than the column goes on a line of its own.
      line.words.push_back(std::move(word));
    } else {
      queue.push_back(std::move(word));
    }
    lines.push_back(std::move(line));
    line = LaidLine{{}, 0};
    used = 0;
  }
  if (!line.words.empty()) lines.push_back(std::move(line));
  return lines;
}

double Layout::NotesHeightFor(const LaidLine& line) {
  double height = 0;
  for (const Word& word : line.words) {
    for (const Segment& s : word) {
      if (!s.superscript) continue;
      const std::string& body = notes_.at(s.text);
      std::vector<Word> words;
      for (const std::string& t : SplitWords(body)) words.push_back({{t, false}});
      const double label = ts_.Width(Font::kNoteSuper, s.text) + 2;
      height +=
          static_cast<double>(Break(words, Font::kNote, label, kTextWidth).size()) * kNotePitch;
    }
  }
  return height;
}

void Layout::NewPage() {
  pages_.emplace_back();
  baseline_ = kFirstBaseline;
  page_empty_ = true;
}

void Layout::Place(const LaidLine& line, Font font, bool centred) {
  const double notes = NotesHeightFor(line);
  Page* page = &pages_.back();
  const double separator = (page->note_height > 0 || notes > 0) ? kNotePitch : 0;
  if (!page_empty_ &&
      baseline_ + page->note_height + notes + separator + kPitch / 2 > kLastBaseline) {
    NewPage();
    page = &pages_.back();
  }
  const double space = ts_.Width(font, " ");
  double x = kLeft + line.indent;
  if (centred) {
    double width = 0;
    for (std::size_t i = 0; i < line.words.size(); ++i) {
      width += WordWidth(line.words[i], font) + (i ? space : 0);
    }
    x = kLeft + (kTextWidth - width) / 2;
  }
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    if (i) x += space;
    for (const Segment& s : line.words[i]) {
      if (s.superscript) {
        page->runs.push_back({x, baseline_ - kBodySuperRise, Font::kBodySuper, s.text});
        note_pages_.emplace(s.text, static_cast<int>(pages_.size()));
        x += ts_.Width(Font::kBodySuper, s.text);
        // The footnote body goes to this page's footnote area.
        std::vector<Word> words;
        for (const std::string& t : SplitWords(notes_.at(s.text))) words.push_back({{t, false}});
        const double label_width = ts_.Width(Font::kNoteSuper, s.text) + 2;
        const std::vector<LaidLine> note_lines = Break(words, Font::kNote, label_width, kTextWidth);
        for (std::size_t k = 0; k < note_lines.size(); ++k) {
          std::vector<Run> runs;
          double nx = kLeft;
          if (k == 0) runs.push_back({nx, -kNoteSuperRise, Font::kNoteSuper, s.text});
          nx += note_lines[k].indent;
          for (std::size_t j = 0; j < note_lines[k].words.size(); ++j) {
            if (j) nx += ts_.Width(Font::kNote, " ");
            const std::string& t = note_lines[k].words[j][0].text;
            runs.push_back({nx, 0, Font::kNote, t});
            nx += ts_.Width(Font::kNote, t);
          }
          page->notes.push_back(std::move(runs));
          page->note_height += kNotePitch;
        }
      } else {
        page->runs.push_back({x, baseline_, font, s.text});
        x += ts_.Width(font, s.text);
      }
    }
  }
  baseline_ += kPitch;
  page_empty_ = false;
}

LinePages Layout::AddHeading(const std::string& text, bool space_before) {
  // Keep a heading with at least two lines after it.
  if (!page_empty_ &&
      baseline_ + (space_before ? kHeadingSpace : 0) + 3 * kPitch + pages_.back().note_height >
          kLastBaseline) {
    NewPage();
  }
  if (space_before && !page_empty_) baseline_ += kHeadingSpace;
  std::vector<Word> words;
  for (const std::string& t : SplitWords(text)) words.push_back(ParseWord(t));
  LinePages where;
  for (const LaidLine& line : Break(words, Font::kBold, 0, kHeadingWidth, false)) {
    Place(line, Font::kBold, true);
    if (where.first == 0) where.first = static_cast<int>(pages_.size());
  }
  where.last = static_cast<int>(pages_.size());
  return where;
}

LinePages Layout::AddParagraph(const std::string& text) {
  std::vector<Word> words;
  for (const std::string& t : SplitWords(text)) words.push_back(ParseWord(t));
  LinePages where;
  for (const LaidLine& line : Break(words, Font::kBody, kIndent, kTextWidth)) {
    Place(line, Font::kBody, false);
    if (where.first == 0) where.first = static_cast<int>(pages_.size());
  }
  where.last = static_cast<int>(pages_.size());
  return where;
}

// Wraps the running title into at most kHeaderTitleLines lines of the header's width.
std::vector<std::string> HeaderTitleLines(Typesetter& ts, const std::string& title) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : SplitWords(title)) {
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && ts.Width(Font::kHeaderBold, candidate) > kHeaderTitleWidth) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  if (lines.size() > static_cast<std::size_t>(kHeaderTitleLines)) {
    lines.resize(kHeaderTitleLines);
    lines.back() += " \u2026";
  }
  return lines;
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct CairoDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

absl::StatusOr<std::string> WriteUnStylePdf(std::string_view name, std::string_view text,
                                            const UnPdfOptions& options,
                                            std::vector<LinePages>* line_pages) {
  if (auto bad = text::FindInvalidUtf8(text)) {
    const text::LineColumn at = text::LineColumnAt(text, *bad);
    return absl::InvalidArgumentError(
        fmt::format("{}: line {}, column {}: not valid UTF-8", name, at.line, at.column));
  }
  std::vector<std::string> body;
  std::map<std::string, std::string> notes;
  std::vector<std::string> note_order;  // labels in input order
  std::string last_label;
  bool in_notes = false;
  std::size_t start = 0;
  int line_number = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    const std::string line = Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    if (!in_notes && line.size() >= 5 && line.find_first_not_of('_') == std::string::npos) {
      in_notes = true;
      continue;
    }
    if (!in_notes) {
      body.push_back(line);
      continue;
    }
    const std::size_t close = line.find(']');
    if (line[0] == '[' && close != std::string::npos && IsDigits(line.substr(1, close - 1))) {
      last_label = line.substr(1, close - 1);
      notes[last_label] = Trim(line.substr(close + 1));
      note_order.push_back(last_label);
    } else if (!last_label.empty()) {
      notes[last_label] += " " + line;
    } else {
      return absl::InvalidArgumentError(
          fmt::format("{}: line {}: a footnote line must start with \"[n]\"", name, line_number));
    }
  }
  if (body.empty()) return absl::InvalidArgumentError(fmt::format("{}: no text", name));

  std::string pdf;
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return absl::InternalError(fmt::format(
        "{}: cairo: {}", name, cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  Typesetter ts(cr.get());

  std::vector<std::string> all_text = body;
  for (const auto& [label, note] : notes) all_text.push_back(note);
  const Vocabulary vocabulary = CollectVocabulary(all_text);
  Layout layout(ts, vocabulary, notes);
  bool after_keyword = false;
  std::vector<LinePages> placed;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::string& line = body[i];
    if (IsHeading(line)) {
      placed.push_back(layout.AddHeading(line, true));
      after_keyword = line.rfind("Preamble", 0) != 0 && line.rfind("PREAMBLE", 0) != 0;
      continue;
    }
    // The line right after a heading (its title), or a short first line (the document's
    // title), is set as a centred heading too, unless it reads like a sentence.
    const bool title = (after_keyword || (i == 0 && ts.Width(Font::kBold, line) <= kTextWidth)) &&
                       !EndsWithPunctuation(line) &&
                       std::isupper(static_cast<unsigned char>(line[0]));
    after_keyword = false;
    placed.push_back(title ? layout.AddHeading(line, i == 0) : layout.AddParagraph(line));
  }
  for (const std::string& label : note_order) {
    if (layout.NotePages().count(label) == 0) {
      return absl::InvalidArgumentError(
          fmt::format("{}: footnote [{}] is never referenced in the text", name, label));
    }
  }
  if (line_pages != nullptr) {
    const std::map<std::string, int>& note_pages = layout.NotePages();
    if (!note_order.empty()) {
      const auto first = note_pages.find(note_order.front());
      const int page = first == note_pages.end() ? 0 : first->second;
      placed.push_back({page, page});
    }
    for (const std::string& label : note_order) {
      const auto it = note_pages.find(label);
      const int page = it == note_pages.end() ? 0 : it->second;
      placed.push_back({page, page});
    }
    *line_pages = std::move(placed);
  }
  std::vector<Page> pages = layout.Finish();

  const std::string title = options.title.empty() ? body.front() : options.title;
  const std::vector<std::string> header = HeaderTitleLines(ts, title);
  std::string barcode = "*";
  for (char c : options.job) {
    if (std::isalnum(static_cast<unsigned char>(c))) barcode.push_back(c);
  }
  barcode += "*";
  const int count = static_cast<int>(pages.size());
  for (int p = 0; p < count; ++p) {
    Page& page = pages[static_cast<std::size_t>(p)];
    const bool odd = (p + 1) % 2 == 1;
    if (p > 0) {
      double baseline = kHeaderBaseline;
      for (const std::string& line : header) {
        const double width = ts.Width(Font::kHeaderBold, line);
        ts.Show({odd ? kLeft : kRight - width, baseline, Font::kHeaderBold, line});
        baseline += kHeaderPitch;
      }
      const double symbol_width = ts.Width(Font::kHeader, options.symbol);
      ts.Show({odd ? kRight - symbol_width : kLeft, baseline - kHeaderPitch, Font::kHeader,
               options.symbol});
    }
    for (const Run& run : page.runs) ts.Show(run);
    if (!page.notes.empty()) {
      double baseline = kLastBaseline - page.note_height;
      ts.Show({kLeft, baseline, Font::kNote, "__________________"});
      for (std::vector<Run>& runs : page.notes) {
        baseline += kNotePitch;
        for (Run& run : runs) {
          run.baseline += baseline;
          ts.Show(run);
        }
      }
    }
    const std::string job = options.job + " (E)";
    const std::string number = fmt::format("{}/{}", p + 1, count);
    const double job_width = ts.Width(Font::kNote, job);
    const double number_width = ts.Width(Font::kNote, number);
    ts.Show({odd ? kLeft : kRight - job_width, kFooterBaseline, Font::kNote, job});
    ts.Show({odd ? kRight - number_width : kLeft, kFooterBaseline, Font::kNote, number});
    if (p == 0) ts.Show({kLeft, kBarcodeBaseline, Font::kNote, barcode});
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return absl::InternalError(fmt::format(
        "{}: cairo: {}", name, cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  surface.reset();
  return pdf;
}

}  // namespace tw::tools
